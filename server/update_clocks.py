"""What a Yjs update needs and adds, measured against the clocks of the document it is for.

``CodeDocument`` decides every limit before it applies an update, because pycrdt cannot take
one back: whether the update's dependencies are all in (else Yrs would hold it invisibly,
"pending"), and how much text it would add. These are the sums behind those decisions, on a
Python mirror of Yrs's state vector (client → next clock).
"""

from __future__ import annotations

from bisect import bisect_right
from heapq import heappop, heappush

from .yjs_update import ParsedUpdate


def satisfied(needs: dict[int, int], clocks: dict[int, int]) -> bool:
    return all(clocks.get(client, 0) >= clock for client, clock in needs.items())


def needs(parsed: ParsedUpdate) -> dict[int, int]:
    """The clock each client must reach for the whole update to be in: its structs, the IDs
    its items depend on, and the ranges it deletes."""
    needs: dict[int, int] = {}
    for client, _, end in parsed.ranges:
        needs[client] = max(needs.get(client, 0), end)
    for client, clock, _, _ in parsed.dependencies:
        needs[client] = max(needs.get(client, 0), clock + 1)
    for client, _, end in parsed.deletions:
        needs[client] = max(needs.get(client, 0), end)
    return needs


def reach(
    ranges: list[tuple[int, int, int]],
    dependencies: list[tuple[int, int, int, int]],
    clocks: dict[int, int],
) -> dict[int, int] | None:
    """The clocks after an update of several clients if all of it integrates, else None.

    An item of one client may depend on an item of another in the same update (a full state
    does), so clients advance in turns: each runs up to its first item whose origin is still
    missing and waits for that origin's client, as Yjs and Yrs integrate. Cycles never finish.
    Each dependency is looked at once per wake-up, and wake-ups come from a heap: an update
    with many clients costs O(n log n), never O(n²)."""
    reach = dict(clocks)
    goal: dict[int, int] = {}
    for client, start, end in ranges:
        if start > reach.get(client, 0):
            return None  # a gap before the client's first struct
        reach.setdefault(client, 0)
        goal[client] = end
    todo: dict[int, list[tuple[int, int, int]]] = {}  # client → (its clock, needs client, clock)
    for needed_client, needed_clock, client, clock in dependencies:
        todo.setdefault(client, []).append((clock, needed_client, needed_clock))
    for queue in todo.values():
        queue.sort(reverse=True)  # the earliest at the end, to pop
    waiting: dict[int, list[tuple[int, int]]] = {}  # client → heap of (clock, waiting client)
    ready = list(goal)
    while ready:
        client = ready.pop()
        target = goal[client]
        waits = todo.get(client)
        while waits:
            clock, needed_client, needed_clock = waits[-1]
            if needed_clock < reach.get(needed_client, 0):
                waits.pop()
                continue
            target = clock  # the structs before this item can go in
            heappush(waiting.setdefault(needed_client, []), (needed_clock, client))
            break
        if target > reach[client]:
            reach[client] = target
            heap = waiting.get(client)
            while heap and heap[0][0] < target:
                ready.append(heappop(heap)[1])
    return reach if all(reach[client] >= end for client, end in goal.items()) else None


def new_text_bytes(parsed: ParsedUpdate, clocks: dict[int, int]) -> int:
    """UTF-8 bytes of the update's strings beyond what the document has, less what the update's
    own delete set removes again."""
    deleted: dict[int, list[tuple[int, int]]] = {}
    for client, start, end in parsed.deletions:
        deleted.setdefault(client, []).append((start, end))
    merged = {client: _merge_spans(spans) for client, spans in deleted.items()}
    return sum(
        _surviving_bytes(text, clock, clocks.get(client, 0), merged.get(client, []))
        for client, clock, text in parsed.strings
    )


def _merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _surviving_bytes(text: bytes, clock: int, known: int, gone: list[tuple[int, int]]) -> int:
    """UTF-8 bytes of a string at ``clock`` that lie at or after ``known`` and outside the
    sorted, disjoint clock spans ``gone``. Clocks count UTF-16 code units, as in Yjs."""
    ascii = text.isascii()
    units = b"" if ascii else text.decode().encode("utf-16-le")
    end = clock + (len(text) if ascii else len(units) // 2)
    cursor = max(clock, known)
    kept: list[tuple[int, int]] = []
    index = max(bisect_right(gone, (cursor, cursor)) - 1, 0)
    while index < len(gone):
        start, stop = gone[index]
        index += 1
        if start >= end:
            break
        if stop <= cursor:
            continue
        if start > cursor:
            kept.append((cursor, start))
        cursor = stop
    if cursor < end:
        kept.append((cursor, end))
    if ascii:
        return sum(stop - start for start, stop in kept)
    # A span may split a surrogate pair; "surrogatepass" then counts each half as 3 bytes,
    # more than the pair's 4: an overestimate, which only errs towards refusing.
    return sum(
        len(_utf16_slice(units, start - clock, stop - clock).encode("utf-8", "surrogatepass"))
        for start, stop in kept
    )


def _utf16_slice(units: bytes, start: int, stop: int) -> str:
    return units[2 * start : 2 * stop].decode("utf-16-le", "surrogatepass")
