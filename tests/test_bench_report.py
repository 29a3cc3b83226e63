"""The benchmark's verdicts (bench/report.py): what counts as keeping up, and capacity."""

from __future__ import annotations

from typing import Any

from bench.load import percentile
from bench.report import capacity, markdown, median_point, memory_slope, passes


def point(
    participants: int, p99: float, delivered: float = 100.0, closes: int = 0, busy: bool = False
) -> dict[str, Any]:
    return {
        "participants": participants,
        "label": "target",
        "latencyMs": {"p50": p99 / 4, "p95": p99 / 2, "p99": p99, "max": p99 * 2},
        "deliveredPercent": delivered,
        "unexpectedCloses": closes,
        "closeReasons": {},
        "loadgenSaturated": busy,
        "serverCpuSeconds": 1.0,
        "serverCpuMicrosPerKeystroke": 30.0,
        "rssPeakMiB": 80.0,
        "kibPerConnection": 15.0,
        "loadgenCpuPercentOfItsCores": 20.0,
    }


def test_a_point_passes_only_with_everything_delivered_in_time_and_nobody_dropped():
    assert passes(point(600, p99=49.9))
    assert not passes(point(600, p99=50.1))
    assert not passes(point(600, p99=1.0, delivered=99.99))
    assert not passes(point(600, p99=1.0, closes=1))


def test_capacity_is_the_last_point_before_the_first_failure():
    sweep = [point(100, 1.0), point(600, 5.0), point(1000, 80.0, busy=True)]

    assert capacity(sweep) == {"participants": 600, "failedAt": 1000, "loadgenSaturated": True}


def test_capacity_of_a_sweep_that_never_failed_has_no_failing_point():
    assert capacity([point(100, 1.0), point(600, 2.0)]) == {
        "participants": 600,
        "failedAt": None,
        "loadgenSaturated": False,
    }


def test_percentile_is_the_nearest_rank():
    ordered = [float(n) for n in range(1, 101)]

    assert percentile(ordered, 0.5) == 50.0
    assert percentile(ordered, 0.99) == 99.0
    assert percentile(ordered, 1.0) == 100.0
    assert percentile([7.0], 0.99) == 7.0


def minimal_results() -> dict[str, Any]:
    sweep = [point(100, 1.0), point(600, 80.0, busy=True)]
    return {
        "date": "2026-11-25 00:00 UTC",
        "machine": {"cpus": 2, "cpuModel": "test", "python": "3.11", "node": "v20"},
        "pinned": "yes",
        "shape": {"per_room": 3, "rate": 5.0, "duration": 15.0, "warmup": 2.0},
        "headline": {"participants": 600, "rounds": 1, "points": [sweep[1]]},
        "sweep": {"target": sweep},
        "capacity": {"target": capacity(sweep)},
    }


def test_markdown_names_a_busy_load_generator():
    page = markdown(minimal_results())

    assert "| target | 100 | 600 (load generator busy) | – | 100: 1.00, 600: 80 |" in page
    assert "⚠ load generator busy" in page


def test_a_headline_point_takes_each_figures_median_and_the_worst_delivery():
    runs = [point(600, 0.4), point(600, 0.9, delivered=99.5), point(600, 0.5, closes=2)]
    runs[1]["closeReasons"] = {"4408 Too slow": 1}

    merged = median_point(runs)

    assert merged["latencyMs"]["p99"] == 0.5
    assert merged["deliveredPercent"] == 99.5
    assert merged["unexpectedCloses"] == 2
    assert merged["closeReasons"] == {"4408 Too slow": 1}
    assert not passes(merged)


def test_memory_per_further_connection_is_the_slope_from_1000_participants_up():
    sweep = [point(n, 1.0) for n in (600, 1000, 2000, 3000)]
    for entry, mib in zip(sweep, (90.0, 60.0, 70.0, 80.0), strict=True):
        entry["clients"] = entry["participants"]
        entry["rssConnectedMiB"] = mib  # 10 MiB per 1,000: 10.24 KiB each; 600 is left out

    assert memory_slope(sweep) == 10.24
    assert memory_slope(sweep[:2]) is None


def test_markdown_reports_the_replay_seek_figures():
    figures = {"median": 8.0, "p95": 21.5, "max": 40.0}
    results = {
        **minimal_results(),
        "replaySeek": {
            "minutes": 60,
            "updates": 36000,
            "seeks": 60,
            "chromium": "156",
            "loadMs": 2400,
            "seekToCodeMs": figures,
            "seekToFrameMs": figures,
        },
    }

    page = markdown(results)

    assert "## Replay: seeking in a 60-minute interview (36,000 updates" in page
    assert "| slider moved → the instant's code in the editor | 8.00 ms | 22 ms | 40 ms |" in page


def test_the_corpus_table_shows_each_language_next_to_its_native_time():
    corpus = {
        "python": {
            "programs": 2,
            "runToOutputMs": 120.0,
            "runToFirstOutputMs": 100.0,
            "nativeMs": 30.0,
        },
        "sql": {"programs": 1, "runToOutputMs": 9.0, "runToFirstOutputMs": None, "nativeMs": 4.0},
    }

    text = markdown({**minimal_results(), "corpus": corpus})

    assert "| python | 2 | 120" in text
    assert "| sql | 1 | 9" in text
    assert "| – |" in text


def test_markdown_reports_the_first_load_and_the_executable():
    figure = {"median": 1800.0, "min": 1500.0, "max": 2400.0}
    results = {
        **minimal_results(),
        "firstLoad": {
            "repeats": 3,
            "chromium": "Chromium 156",
            "pythonReadyColdMs": figure,
            "pythonReadyWarmMs": {"median": 900.0, "min": 800.0, "max": 1000.0},
            "bytesToPythonReady": 12_921_525,
            "requestsToPythonReady": 17,
            "executable": {"bytes": 273_328_960, "firstResponseMs": figure},
        },
    }

    page = markdown(results)

    cold = "| page opened → Python ready, fresh profile (cold) | 1800 ms | 1500 ms | 2400 ms |"
    assert cold in page
    assert "| bytes received before Python is ready (cold) | 12.9 MB in 17 requests | | |" in page
    assert "| executable: size | 273.3 MB | | |" in page


def test_a_failed_measurement_is_named_with_its_reason_and_the_others_kept():
    results = {
        **minimal_results(),
        "replaySeek": None,
        "failed": {"languages": "MeasurementFailed: timed out waiting for the run to finish"},
    }

    text = markdown(results)

    assert "## Failed measurements" in text
    assert "- `languages`: MeasurementFailed: timed out waiting for the run to finish" in text
    assert "| target | 100 | 600 (load generator busy) | – | 100: 1.00, 600: 80 |" in text
