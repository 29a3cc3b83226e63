"""The record's costs on a simulated 60-minute interview: bytes on disk, the time of
``code?at``, what a keystroke costs the event loop, and what recording it costs the process
when 200 rooms type at once.

Two participants type steadily for an hour (5 keystrokes a second each, one Yjs update per
keystroke as the web UI sends them when typing at that pace, one backspace in ten), with a
run and a chat line every two minutes. Updates go through a real ``CodeDocument`` and the
real ``Recorder`` (writer thread, keyframes from the live document); only the clock is
simulated, so an hour takes seconds.

    .venv/bin/python -m bench.record [--minutes 60]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from pycrdt import Doc, Text

from server.document import CodeDocument
from server.record import NewSession, Recorder, reads
from server.record.database import FILE_NAME
from server.record.writer import EVENT, UPDATE

KEYSTROKES_PER_SECOND = 5
START = 1_800_000_000.0  # a fixed simulated start (seconds since the epoch)


class Typist:
    """One participant's editor: types lines of code at the end of their own region."""

    def __init__(self, name: str, seed: int) -> None:
        self.name = name
        self.doc: Doc[Text] = Doc()
        self.text = self.doc.get("code", type=Text)
        self.random = random.Random(seed)
        self.anchor = name  # each types below a line with their name
        # What Yjs's "update" event gives the web UI: the transaction's own changes (a diff
        # against a state vector would repeat the document's whole delete set every time).
        self.updates: list[bytes] = []
        self.doc.observe(lambda event: self.updates.append(event.update))

    def keystroke(self) -> bytes:
        self.updates.clear()
        code = str(self.text)
        at = code.find(self.anchor)
        end = code.find("\n#end", at) if at >= 0 else -1
        position = len(code.encode()) if end < 0 else len(code[:end].encode())
        if self.random.random() < 0.1 and position > 0 and end > at + len(self.anchor) + 2:
            del self.text[position - 1 : position]
        else:
            char = "\n" if self.random.random() < 0.03 else self.random.choice("abcdefgh (=):")
            self.text.insert(position, char)
        (update,) = self.updates
        return update


async def simulate(directory: Path, minutes: int) -> dict[str, float]:
    recorder = Recorder(directory)
    recorder.start()
    room_doc = CodeDocument()
    recorder.attach("interview", room_doc)
    recorder.new_session("interview", NewSession("Simulated", "python", int(START * 1000)))
    typists = [Typist("# ada", 1), Typist("# grace", 2)]
    with typists[0].doc.transaction():
        typists[0].text.insert(0, "# ada\n#end\n# grace\n#end\n")
    seed = typists[0].doc.get_update()
    typists[1].doc.apply_update(seed)
    room_doc.apply_update(seed)
    put = recorder._writer.queue.put
    put((UPDATE, "interview", START, "ada", seed))
    put_costs: list[float] = []
    step = 1 / (KEYSTROKES_PER_SECOND * len(typists))
    for index in range(minutes * 60 * KEYSTROKES_PER_SECOND * len(typists)):
        now = START + index * step
        typist = typists[index % 2]
        update = typist.keystroke()
        typists[1 - index % 2].doc.apply_update(update)
        room_doc.apply_update(update)
        started = time.perf_counter()
        put((UPDATE, "interview", now, typist.name, update))  # what SessionRecord.code does
        put_costs.append(time.perf_counter() - started)
        if index % 1200 == 0:  # every two minutes: a run and a chat line
            output = "ok\n" * 50
            put((EVENT, "interview", now, "run-finished", {"output": output, "error": None}))
            put((EVENT, "interview", now, "chat", {"userId": "ada", "text": "how is it going?"}))
        if index % 500 == 0:
            await asyncio.sleep(0)  # let keyframe requests reach the loop
            await recorder.flushed()
    await recorder.flushed()
    snapshot_started = time.perf_counter()
    recorder.snapshot("interview")
    snapshot_seconds = time.perf_counter() - snapshot_started
    end_ms = int((START + minutes * 60) * 1000)
    seek_times = await _seek_times(directory, end_ms)
    await recorder.stop()
    size = _size_on_disk(directory)
    return {
        "keystrokes": minutes * 60 * KEYSTROKES_PER_SECOND * len(typists),
        "code_chars": len(room_doc.code),
        "bytes_on_disk": size,
        "put_mean_us": statistics.mean(put_costs) * 1e6,
        "put_p99_us": statistics.quantiles(put_costs, n=100)[98] * 1e6,
        "snapshot_ms": snapshot_seconds * 1000,
        "seek_median_ms": statistics.median(seek_times) * 1000,
        "seek_max_ms": max(seek_times) * 1000,
    }


async def _seek_times(directory: Path, end_ms: int) -> list[float]:
    path = directory / FILE_NAME
    rng = random.Random(3)
    start_ms = int(START * 1000)
    times = []
    for _ in range(40):
        at = rng.randint(start_ms, end_ms)
        started = time.perf_counter()
        await asyncio.to_thread(reads.run, path, reads.code_at, "interview", at)
        times.append(time.perf_counter() - started)
    return times


async def writer_cost(directory: Path, rooms: int = 200, updates: int = 60_000) -> float:
    """The process CPU, in µs, that recording one keystroke costs when many rooms type at
    once (the 600-participant bench has 200): the put on the loop plus the writer thread's
    share of its batch, SQLite included. The server runs on one pinned CPU in ``make bench``,
    so this comes out of the same budget as the broadcasts."""
    recorder = Recorder(directory)
    recorder.start()
    sessions = [f"room-{index:04d}" for index in range(rooms)]
    for session_id in sessions:
        recorder.new_session(session_id, NewSession("", "python", int(START * 1000)))
    await recorder.flushed()
    update = bytes(range(28))  # the size of a one-character Yjs update
    put = recorder._writer.queue.put
    started = time.process_time()
    for index in range(updates):
        put((UPDATE, sessions[index % rooms], time.time(), "user-0123456789", update))
    await recorder.flushed()
    cost = (time.process_time() - started) / updates * 1e6
    await recorder.stop()
    return cost


def _size_on_disk(directory: Path) -> int:
    return sum(path.stat().st_size for path in directory.iterdir() if path.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pairpad-record-bench-") as directory:
        figures = asyncio.run(simulate(Path(directory), args.minutes))
    with tempfile.TemporaryDirectory(prefix="pairpad-record-bench-") as directory:
        figures["writer_cpu_us_per_keystroke_200_rooms"] = asyncio.run(writer_cost(Path(directory)))
    for name, value in figures.items():
        sys.stdout.write(f"{name}: {value:,.2f}\n")


if __name__ == "__main__":
    main()
