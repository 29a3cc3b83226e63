"""The benchmark's results as JSON, a Markdown page and a PNG plot (bench/results/)."""

from __future__ import annotations

import json
import math
import statistics
from pathlib import Path
from typing import Any

P99_LIMIT_MS = 50.0
BROWSER_FIGURES = {
    "pageLoadMs": "page opened → editor shown",
    "pythonReadyWarmMs": "page opened → Python ready to run",
    "pythonSpareReadyWarmMs": "page opened → spare Python ready (instant Stop)",
    "runToFirstOutputMs": "Run → first output (`print(1)`)",
    "stopToIdleMs": "Stop on `while True: pass` → Run enabled",
    "rerunToOutputMs": "then Run → output",
    "runawayRecoveryMs": "Stop on the loop → next run's output (incl. typing the code)",
}


FIRST_LOAD_FIGURES = {
    "pythonReadyColdMs": "page opened → Python ready, fresh profile (cold)",
    "pythonReadyWarmMs": "page opened → Python ready, visited before (warm)",
}


def passes(point: dict[str, Any]) -> bool:
    """Keeps up: every keystroke delivered, p99 within the limit, nobody disconnected."""
    return bool(
        point["deliveredPercent"] >= 100.0
        and point["latencyMs"]["p99"] <= P99_LIMIT_MS
        and point["unexpectedCloses"] == 0
    )


def capacity(points: list[dict[str, Any]]) -> dict[str, Any]:
    """The most participants that passed before the first point that did not."""
    passed = None
    for point in sorted(points, key=lambda point: point["participants"]):
        if not passes(point):
            return {
                "participants": passed,
                "failedAt": point["participants"],
                "loadgenSaturated": point["loadgenSaturated"],
            }
        passed = point["participants"]
    return {"participants": passed, "failedAt": None, "loadgenSaturated": False}


def median_point(points: list[dict[str, Any]]) -> dict[str, Any]:
    """One point whose every figure is the median of the runs' (the runs are kept apart)."""

    def median(values: list[Any]) -> Any:
        if all(isinstance(value, bool) for value in values):
            return any(values)  # a flag raised once stays raised
        if all(isinstance(value, int | float) for value in values):
            return statistics.median(values)
        if all(isinstance(value, dict) and value.keys() == values[0].keys() for value in values):
            return {key: median([value[key] for value in values]) for key in values[0]}
        return values[0]

    merged: dict[str, Any] = median(points)
    merged["unexpectedCloses"] = max(point["unexpectedCloses"] for point in points)
    merged["deliveredPercent"] = min(point["deliveredPercent"] for point in points)
    merged["closeReasons"] = {}
    for point in points:
        for reason, count in point.get("closeReasons", {}).items():
            merged["closeReasons"][reason] = merged["closeReasons"].get(reason, 0) + count
    return merged


def memory_slope(points: list[dict[str, Any]], smallest: int = 1000) -> float | None:
    """KiB each further connection adds: the least-squares slope of RSS (everyone connected)
    over participants, from ``smallest`` up. Unlike RSS growth / participants at one point,
    it leaves out what a server allocates once (and what each room costs, shared by three)."""
    pairs = [
        (p["clients"], p["rssConnectedMiB"] * 1024) for p in points if p["participants"] >= smallest
    ]
    if len(pairs) < 2:
        return None
    mean_x = statistics.fmean(x for x, _ in pairs)
    mean_y = statistics.fmean(y for _, y in pairs)
    spread = sum((x - mean_x) ** 2 for x, _ in pairs)
    return sum((x - mean_x) * (y - mean_y) for x, y in pairs) / spread if spread else None


def _ms(value: float) -> str:
    if math.isnan(value):
        return "–"
    return f"{value:.2f}" if value < 10 else f"{value:.0f}"


def _point_row(point: dict[str, Any]) -> str:
    latency = point["latencyMs"]
    flag = " ⚠ load generator busy" if point["loadgenSaturated"] else ""
    return (
        f"| {point['label']} | {_ms(latency['p50'])} | {_ms(latency['p95'])} "
        f"| {_ms(latency['p99'])} | {_ms(latency['max'])} | {point['deliveredPercent']:.2f} % "
        f"| {point['serverCpuSeconds']:.2f} s ({point['serverCpuMicrosPerKeystroke']:.0f} µs) "
        f"| {point['rssPeakMiB']:.0f} MiB | {point['kibPerConnection']:.1f} KiB "
        f"| {point['loadgenCpuPercentOfItsCores']:.0f} %{flag} |"
    )


def markdown(results: dict[str, Any]) -> str:
    machine = results["machine"]
    shape = results["shape"]
    lines = [
        "# PairPad benchmark",
        "",
        f"Run {results['date']} on {machine['cpus']} CPUs ({machine['cpuModel']}), "
        f"Python {machine['python']}, Node {machine['node']}. "
        f"Servers pinned to CPU 0, load generator to the other CPU(s): {results['pinned']}.",
        f"Rooms of {shape['per_room']}, each participant typing {shape['rate']:g} keystrokes/s "
        f"for {shape['duration']:g} s (after {shape['warmup']:g} s warm-up); latency is "
        "keystroke → each other participant in the room. Reproduce: `make bench`.",
        "",
    ]
    headline = results.get("headline")
    if headline:
        lines += [
            f"## {headline['participants']} participants",
            "",
            f"Median of {headline['rounds']} runs per target, targets interleaved (worst run for "
            "delivery and disconnections); every run is in latest.json.",
            "",
            "| target | p50 ms | p95 ms | p99 ms | max ms | delivered | server CPU (per keystroke) "
            "| peak RSS | memory/connection | load generator CPU |",
            "|---|---|---|---|---|---|---|---|---|---|",
            *(_point_row(point) for point in headline["points"]),
            "",
        ]
    lines += [
        f"## Capacity: most participants with p99 ≤ {P99_LIMIT_MS:g} ms and 100 % delivered",
        "",
        "| target | capacity | first failing point | memory per further connection "
        "| p99 by participants (ms) |",
        "|---|---|---|---|---|",
    ]
    for key, sweep in results["sweep"].items():
        found = results["capacity"][key]
        p99s = ", ".join(
            f"{point['participants']}: {_ms(point['latencyMs']['p99'])}" for point in sweep
        )
        limit = found["failedAt"] or f"none up to {sweep[-1]['participants']}"
        busy = " (load generator busy)" if found["loadgenSaturated"] else ""
        most = found["participants"] or f"< {sweep[0]['participants']}"
        slope = memory_slope(sweep)
        memory = "–" if slope is None else f"{slope:.1f} KiB"
        lines.append(f"| {sweep[0]['label']} | {most} | {limit}{busy} | {memory} | {p99s} |")
    lines.append("")
    if results.get("lateJoin"):
        lines += [
            "## Late joiner: socket opened → whole document held",
            "",
            "| target | document | update | median | max |",
            "|---|---|---|---|---|",
            *(
                f"| {row['label']} | {row['docBytes'] / 1000:.0f} KB "
                f"| {row['updateBytes'] / 1000:.0f} KB "
                f"| {_ms(row['p50Ms'])} ms | {_ms(row['maxMs'])} ms |"
                for row in results["lateJoin"]
            ),
            "",
        ]
    browser = results.get("browser")
    if browser:
        lines += [
            f"## In the browser (Chromium {browser.get('chromium', '?')}, warm HTTP cache, "
            f"{browser.get('repeats', '?')} runs each)",
            "",
            "| figure | median | max |",
            "|---|---|---|",
        ]
        for name, label in BROWSER_FIGURES.items():
            if name in browser:
                value = browser[name]
                lines.append(f"| {label} | {_ms(value['median'])} ms | {_ms(value['max'])} ms |")
        lines.append("")
    lines += _replay_lines(results.get("replaySeek"))
    lines += corpus_lines(results.get("corpus"))
    lines += _first_load_lines(results.get("firstLoad"))
    if results.get("languages"):
        lines += language_lines(results["languages"])
    lines += failed_lines(results.get("failed"))
    lines += ["![p99 latency by participants](p99.png)", ""]
    return "\n".join(lines)


def failed_lines(failed: dict[str, str] | None) -> list[str]:
    """Measurements that failed in this run (the others are kept): which, and why."""
    if not failed:
        return []
    lines = ["## Failed measurements", ""]
    lines += [f"- `{key}`: {reason}" for key, reason in failed.items()]
    return [*lines, ""]


def _replay_lines(seek: dict[str, Any] | None) -> list[str]:
    """bench/replay_seek.py: the replay's slider moved to random instants."""
    if not seek:
        return []
    rows = [
        ("slider moved → the instant's code in the editor", seek["seekToCodeMs"]),
        ("slider moved → next frame (on screen)", seek["seekToFrameMs"]),
    ]
    return [
        f"## Replay: seeking in a {seek['minutes']}-minute interview "
        f"({seek['updates']:,} updates, Chromium {seek.get('chromium', '?')}, "
        f"{seek['seeks']} random instants)",
        "",
        "| figure | median | p95 | max |",
        "|---|---|---|---|",
        *(
            f"| {label} | {_ms(value['median'])} ms | {_ms(value['p95'])} ms "
            f"| {_ms(value['max'])} ms |"
            for label, value in rows
        ),
        f"| page opened → replay ready (history loaded, checkpoints built) "
        f"| {seek['loadMs']} ms | | |",
        "",
    ]


def corpus_lines(corpus: dict[str, Any] | None) -> list[str]:
    """The corpus in Chromium next to the native interpreters (bench/corpus_runs.py)."""
    if not corpus:
        return []
    lines = [
        "## The corpus: Run → output in Chromium, and the native process (medians)",
        "",
        "| language | programs | Run → output | Run → first output | native |",
        "|---|---|---|---|---|",
    ]
    for language, row in corpus.items():
        first = row["runToFirstOutputMs"]
        lines.append(
            f"| {language} | {row['programs']} | {_ms(row['runToOutputMs'])} ms "
            f"| {'–' if first is None else f'{_ms(first)} ms'} | {_ms(row['nativeMs'])} ms |"
        )
    return [*lines, ""]


def _first_load_lines(first: dict[str, Any] | None) -> list[str]:
    """A candidate's first load (bench/first_load.py) and the executable's start."""
    if not first:
        return []
    lines = [
        f"## First load ({first.get('chromium', 'Chromium')}, http://interview.lan, "
        f"{first.get('repeats', '?')} runs each)",
        "",
        "| figure | median | min | max |",
        "|---|---|---|---|",
    ]
    for name, label in FIRST_LOAD_FIGURES.items():
        value = first[name]
        lines.append(
            f"| {label} | {_ms(value['median'])} ms | {_ms(value['min'])} ms "
            f"| {_ms(value['max'])} ms |"
        )
    lines.append(
        f"| bytes received before Python is ready (cold) | "
        f"{first['bytesToPythonReady'] / 1e6:.1f} MB in {first['requestsToPythonReady']} "
        "requests | | |"
    )
    executable = first.get("executable")
    if executable:
        start = executable["firstResponseMs"]
        lines.append(
            f"| executable: launch (`--no-window`) → first HTTP answer | {_ms(start['median'])} ms "
            f"| {_ms(start['min'])} ms | {_ms(start['max'])} ms |"
        )
        lines.append(f"| executable: size | {executable['bytes'] / 1e6:.1f} MB | | |")
    return [*lines, ""]


def _s(ms: float | None) -> str:
    return "–" if ms is None else f"{ms / 1000:.1f} s" if ms >= 1000 else f"{ms:.0f} ms"


def _latency(figure: dict[str, float] | None) -> str:
    return (
        "–"
        if not figure
        else f"{figure['median']:.0f} / {figure['p95']:.0f} ms ({figure['n']:.0f})"
    )


def language_lines(measured: dict[str, Any]) -> list[str]:
    """The per-language table (bench/languages.py): downloads, readiness, runs."""
    languages = measured["languages"]
    lines = [
        "## Per language, in the browser (bench/languages.py)",
        "",
        "Fresh profile (cold), then the page loaded again in it (warm). Download: bytes the "
        "server sent until the first run finished (page and runtime, gzipped as sent). First "
        "run: Run pressed at ready → finished (C++: the 50-line program).",
        "",
        "| language | download | ready, cold | ready, warm | first run, cold | hello world |",
        "|---|---|---|---|---|---|",
    ]
    for name, row in languages.items():
        lines.append(
            f"| {name} | {row['downloadBytes'] / 1e6:.1f} MB | {_s(row['readyColdMs'])} "
            f"| {_s(row['readyWarmMs'])} | {_s(row['firstRunColdMs'])} | {_s(row['helloRunMs'])} |"
        )
    cpp = languages.get("cpp")
    if cpp:
        lines += [
            "",
            "C++, the 50-line program (bench/programs/dijkstra.cpp, `<bits/stdc++.h>`): "
            f"compile and run {_s(cpp.get('firstRunColdMs'))} cold (first run in a fresh profile), "
            f"{_s(cpp.get('compile50WarmFirstMs'))} for the first run of a warm page load, "
            f"{_s(cpp.get('compile50WarmMs'))} for later runs (least "
            f"{_s(cpp.get('compile50WarmMinMs'))}). Editor input latency (keystroke → "
            "the frame showing it; median / p95, keystrokes) while the compiler loads: "
            f"{_latency(cpp.get('editorLatencyMs'))}; once it is loaded: "
            f"{_latency(cpp.get('editorLatencyIdleMs'))}.",
        ]
    return [*lines, ""]


def plot(results: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")  # no display: render straight to a file
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(9, 5.5), dpi=110)
    for sweep in results["sweep"].values():
        xs = [point["participants"] for point in sweep]
        ys = [point["latencyMs"]["p99"] for point in sweep]
        axes.plot(xs, ys, marker="o", label=sweep[0]["label"])
    axes.axhline(P99_LIMIT_MS, color="grey", linestyle="--", linewidth=1)
    axes.set_yscale("log")
    axes.set_xlabel("participants (rooms of 3, 5 keystrokes/s each)")
    axes.set_ylabel("p99 keystroke latency (ms, log scale)")
    axes.set_title(f"p99 latency by participants — {results['date']}")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend(fontsize="small")
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)


def write(results: dict[str, Any], directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "latest.json").write_text(json.dumps(results, indent=2) + "\n")
    (directory / "latest.md").write_text(markdown(results))
    if results["sweep"]:
        plot(results, directory / "p99.png")
