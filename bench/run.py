"""``make bench``: PairPad side by side with y-websocket, Hocuspocus and bare relays.

    python -m bench.run                 # everything (≈ 25 min on 2 cores)
    python -m bench.run --quick         # a smoke run: small sweep, short points
    python -m bench.run --targets pairpad-crdt,y-websocket --points 600
    python -m bench.first_load          # only the first-load figures (bench/first_load.py)

Every point starts a fresh server. A target's sweep stops after its first failing point (p99
over 50 ms, a keystroke lost or a participant disconnected): that is its capacity.
Results: bench/results/latest.{json,md} and p99.png.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import report
from .load import LoadShape, run_late_join, run_point
from .targets import ROOT, SERVER_CPU, TARGETS, Target

DEFAULT_POINTS = [100, 300, 600, 1000, 1500, 2000, 3000, 4000, 5000]
HEADLINE_PARTICIPANTS = 600


def _machine() -> dict[str, Any]:
    model = "unknown CPU"
    with open("/proc/cpuinfo") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    node = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True)
    return {
        "cpus": len(os.sched_getaffinity(0)),
        "cpuModel": model,
        "python": platform.python_version(),
        "node": node.stdout.strip(),
    }


def _log(text: str) -> None:
    print(text, flush=True)


def sweep(target: Target, points: list[int], base: LoadShape, *, pin: bool) -> list[dict[str, Any]]:
    results = []
    for participants in points:
        shape = LoadShape(**{**base.__dict__, "participants": participants})
        point = run_point(target, shape, pin=pin)
        latency = point["latencyMs"]
        _log(
            f"  {target.key:22} {participants:5} participants: p50 {latency['p50']:.2f} ms, "
            f"p99 {latency['p99']:.2f} ms, delivered {point['deliveredPercent']:.2f} %, "
            f"server CPU {point['serverCpuPercent']:.0f} % "
            f"({point['serverCpuMicrosPerKeystroke']:.0f} µs/keystroke), "
            f"load generator ELU {point['loadgenEventLoopUtilization']:.2f}"
        )
        results.append(point)
        if not report.passes(point):
            break
    return results


def headline(targets: list[Target], base: LoadShape, rounds: int, *, pin: bool) -> dict[str, Any]:
    """The side-by-side comparison: every target at HEADLINE_PARTICIPANTS, ``rounds`` times,
    targets interleaved so that a noisy minute hurts all of them alike; each figure is the
    median over the rounds (sub-millisecond p99s move by 2× from one run to the next)."""
    shape = LoadShape(**{**base.__dict__, "participants": HEADLINE_PARTICIPANTS})
    runs: dict[str, list[dict[str, Any]]] = {target.key: [] for target in targets}
    for round_number in range(1, rounds + 1):
        _log(f"{HEADLINE_PARTICIPANTS} participants, round {round_number} of {rounds}:")
        for target in targets:
            point = run_point(target, shape, pin=pin)
            _log(
                f"  {target.key:22} p99 {point['latencyMs']['p99']:.2f} ms, "
                f"{point['serverCpuMicrosPerKeystroke']:.0f} µs/keystroke"
            )
            runs[target.key].append(point)
    return {
        "participants": HEADLINE_PARTICIPANTS,
        "rounds": rounds,
        "points": [report.median_point(points) for points in runs.values()],
        "runs": runs,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--targets", default=",".join(TARGETS), help="comma-separated keys")
    parser.add_argument("--points", default=",".join(map(str, DEFAULT_POINTS)))
    parser.add_argument("--duration", type=float, default=15.0, help="measured seconds")
    parser.add_argument("--rate", type=float, default=5.0, help="keystrokes/s per participant")
    parser.add_argument("--per-room", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1, help="load generator processes")
    parser.add_argument("--quick", action="store_true", help="points 100,600; 5 s each")
    parser.add_argument("--no-pin", dest="pin", action="store_false", help="don't pin CPUs")
    parser.add_argument(
        "--headline-rounds", type=int, default=3, help=f"runs at {HEADLINE_PARTICIPANTS}; 0: none"
    )
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--skip-first-load", action="store_true", help="bench/first_load.py")
    parser.add_argument("--skip-late-join", action="store_true")
    parser.add_argument("--skip-replay", action="store_true", help="no replay seek figures")
    parser.add_argument("--skip-corpus", action="store_true", help="no tests/corpus runs")
    parser.add_argument("--skip-languages", action="store_true", help="no per-language figures")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)

    targets = [TARGETS[key] for key in args.targets.split(",")]
    points = [int(n) for n in args.points.split(",")]
    base = LoadShape(
        participants=0,
        per_room=args.per_room,
        rate=args.rate,
        duration=args.duration,
        workers=args.workers,
    )
    if args.quick:
        points = [100, 600]
        args.headline_rounds = min(args.headline_rounds, 1)
        base = LoadShape(
            participants=0,
            per_room=args.per_room,
            rate=args.rate,
            duration=5.0,
            warmup=1.0,
            workers=args.workers,
        )
    pin = args.pin and len(os.sched_getaffinity(0)) > 1

    results: dict[str, Any] = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": _machine(),
        "pinned": f"yes (server CPU {SERVER_CPU})" if pin else "no",
        "shape": {key: value for key, value in base.__dict__.items() if key != "participants"},
        "sweep": {},
        "capacity": {},
    }
    for target in targets:
        _log(f"{target.label}:")
        results["sweep"][target.key] = sweep(target, points, base, pin=pin)
        results["capacity"][target.key] = report.capacity(results["sweep"][target.key])
    if args.headline_rounds and HEADLINE_PARTICIPANTS in points:
        results["headline"] = headline(targets, base, args.headline_rounds, pin=pin)
    if not args.skip_late_join:
        _log("late joiners, 100 KB document:")
        results["lateJoin"] = []
        for target in targets:
            if target.late_join:
                row = run_late_join(target, pin=pin)
                _log(f"  {target.key:22} median {row['p50Ms']:.1f} ms, max {row['maxMs']:.1f} ms")
                results["lateJoin"].append(row)
    if not args.skip_browser:
        from .browser import measure_browser

        _log("in the browser:")
        _stage(results, "browser", measure_browser)
    if not args.skip_replay:
        from .replay_seek import measure_replay_seek

        _log("replay of a 60-minute interview:")
        if seek := _stage(results, "replaySeek", measure_replay_seek):
            shown = seek["seekToCodeMs"]
            _log(f"  seek → code shown: median {shown['median']} ms, max {shown['max']} ms")
    if not args.skip_corpus:
        from .corpus_runs import measure_corpus_runs

        _log("the corpus in the browser and natively:")
        _stage(results, "corpus", measure_corpus_runs)
    if not args.skip_first_load:
        from .first_load import measure_first_load

        _log("first load (cold and warm profile; the executable if dist/pairpad exists):")
        _stage(results, "firstLoad", measure_first_load)
    if not args.skip_languages:
        from .languages import measure_languages

        _log("per language, in the browser:")
        _stage(results, "languages", measure_languages)
    report.write(results, args.out)
    _log(f"wrote {args.out / 'latest.md'}")
    if results.get("failed"):
        raise SystemExit(f"failed: {', '.join(results['failed'])} (see latest.md)")


def _stage(results: dict[str, Any], key: str, measure: Callable[[], Any]) -> Any:
    """One measurement, kept as ``results[key]`` and returned; a failure is reported (in the
    log and in latest.md) and the run goes on, so an hour of figures is never lost to the
    last stage."""
    try:
        results[key] = measure()
    except Exception as error:  # any failure of a stage is reported, not fatal
        _log("".join(traceback.format_exception(error)))
        results.setdefault("failed", {})[key] = f"{type(error).__name__}: {error}"
        return None
    return results[key]


if __name__ == "__main__":
    main()
