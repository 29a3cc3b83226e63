"""A session's code: a pycrdt (Yrs) document that Yjs clients and full-text clients share.

Full-text edits become minimal CRDT edits (common prefix and suffix), so a spec client's
``code-change`` merges with concurrent CRDT edits instead of overwriting them wholesale.
pycrdt indexes ``Text`` by UTF-8 bytes while Python slices by code point, hence the
conversions below. Line endings are ``\\n`` only: ``\\r\\n`` and a lone ``\\r`` would make
CodeMirror (which splits lines on them) and the shared text disagree about offsets.

Nothing a client sends reaches pycrdt unread (``server.yjs_update``), and the limits are
decided before an update is applied, because pycrdt cannot take one back: the text's size
(``max_bytes``), what Yrs would keep invisibly while it waits for edits it lacks
(``max_pending_bytes``), and the number of Yjs clients (``MAX_CLIENTS``). For the second the
document mirrors Yrs's state vector in Python.
"""

from __future__ import annotations

from pycrdt import Doc, Text

from . import update_clocks
from .yjs_update import (
    TEXT_NAME,
    ParsedUpdate,
    RefusedUpdate,
    check_state_vector,
    parse_state_vector,
    parse_update,
)

__all__ = [
    "MAX_CLIENTS",
    "PENDING_REFUSED",
    "TEXT_NAME",
    "CodeDocument",
    "RefusedUpdate",
    "check_state_vector",
    "common_prefix_length",
    "common_suffix_length",
    "normalise_newlines",
]

PENDING_REFUSED = "depends on edits the server does not have; reconnect to resync"
# Yjs clients (one per page load of each participant) a document takes. A real session has
# dozens; the bound keeps what is linear in them (re-reading Yrs's state vector while an update
# is pending, a joiner's sync) to milliseconds, whatever updates full of new clients arrive.
MAX_CLIENTS = 10_000


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def common_prefix_length(a: str, b: str) -> int:
    """Galloping compare: C-level ``startswith`` on shrinking windows, O(n) characters copied."""
    low, high = 0, min(len(a), len(b))  # invariant: a[:low] == b[:low], answer <= high
    while low < high:
        middle = (low + high + 1) // 2
        if a.startswith(b[low:middle], low):
            low = middle
        else:
            high = middle - 1
    return low


def common_suffix_length(a: str, b: str, limit: int) -> int:
    """Like common_prefix_length from the end, never longer than ``limit``."""
    low, high = 0, min(limit, len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a.endswith(b[len(b) - middle : len(b) - low], 0, len(a) - low):
            low = middle
        else:
            high = middle - 1
    return low


class _Pending:
    """An applied update that Yrs may still hold back: its size, and the clock each client
    must reach before everything in it is integrated."""

    __slots__ = ("needs", "size", "text_bytes")

    def __init__(self, size: int, text_bytes: int, needs: dict[int, int]) -> None:
        self.size = size
        self.text_bytes = text_bytes
        self.needs = needs


class CodeDocument:
    """The shared code. Every change returns the Yjs v1 update it produced, for broadcasting."""

    def __init__(
        self, *, max_bytes: int = 2 * 1024 * 1024, max_pending_bytes: int = 256 * 1024
    ) -> None:
        self._doc: Doc[Text] = Doc()
        self._text = self._doc.get(TEXT_NAME, type=Text)
        self._code: str | None = ""  # cache of str(self._text); None when stale
        self._max_bytes = max_bytes
        self._max_pending_bytes = max_pending_bytes
        # At least the text's UTF-8 length (plus text held in pending updates): exact when
        # measured, then raised by what each update inserts, so most keystrokes need no
        # measuring (len(Text) costs a pycrdt transaction).
        self._size_bound = 0
        # Yrs's state vector, kept current from the updates themselves: client → next clock.
        # Yrs's own is re-read (get_state) only while something may be pending.
        self._clocks: dict[int, int] = {}
        self._pending: list[_Pending] = []
        self._pending_bytes = 0
        self._awaited: set[int] = set()  # the clients pending updates wait for
        self._pending_clients = 0  # clients pending updates may bring (not yet in _clocks)

    @property
    def code(self) -> str:
        if self._code is None:
            self._code = str(self._text)
        return self._code

    @property
    def pending_bytes(self) -> int:
        """Bytes of applied updates that may still wait for edits the server lacks."""
        return self._pending_bytes

    def state_vector(self) -> bytes:
        result: bytes = self._doc.get_state()
        return result

    def update_since(self, state_vector: bytes | None = None) -> bytes:
        """What a peer with ``state_vector`` lacks (everything when None); RefusedUpdate if
        the state vector is malformed."""
        if not state_vector:
            result: bytes = self._doc.get_update()
            return result
        check_state_vector(state_vector)
        result = self._doc.get_update(state_vector)
        return result

    def replace_code(self, new_code: str) -> bytes | None:
        """Make the text equal ``new_code`` with one minimal edit; None when nothing changed."""
        new_code = normalise_newlines(new_code)
        old_code = self.code
        if new_code == old_code:
            return None
        start = common_prefix_length(old_code, new_code)
        suffix = common_suffix_length(old_code, new_code, min(len(old_code), len(new_code)) - start)
        old_end, new_end = len(old_code) - suffix, len(new_code) - suffix
        byte_start = len(old_code[:start].encode())
        byte_deleted = len(old_code[start:old_end].encode())
        inserted = new_code[start:new_end]
        before = self._doc.get_state()
        with self._doc.transaction():
            if byte_deleted:
                del self._text[byte_start : byte_start + byte_deleted]
            if inserted:
                self._text.insert(byte_start, inserted)
        self._code = new_code
        update: bytes = self._doc.get_update(before)
        self._size_bound += len(inserted.encode()) - byte_deleted
        self._advance(parse_update(update))  # the server's own clock moved too
        return update

    def apply_update(self, update: bytes) -> bytes | None:
        """Merge a client's Yjs update, or refuse it (RefusedUpdate) and change nothing.

        Returns a follow-up update when the merge brought in carriage returns, which the server
        then removes itself: a CRDT update cannot be rewritten, but it can be followed by a fix.
        """
        parsed = parse_update(update)
        ranges = parsed.ranges
        if len(self._clocks) + self._pending_clients + len(ranges) > MAX_CLIENTS:
            self._check_clients(parsed)
        complete = self._integrates(parsed)
        added = parsed.string_bytes
        if added and self._size_bound + added > self._max_bytes:
            added = self._check_size(parsed)
        if not complete and self._pending_bytes + len(update) > self._max_pending_bytes:
            raise RefusedUpdate(PENDING_REFUSED)
        try:
            self._doc.apply_update(update)
        except BaseException as error:
            self._code = None
            self._size_bound += added
            self._merge_failed(error)
            raise
        self._code = None
        self._size_bound += added
        if complete and len(ranges) == 1 and not self._pending:  # a keystroke: nothing else
            client, _, end = ranges[0]
            if end > self._clocks.get(client, 0):
                self._clocks[client] = end
            if b"\r" in update and any(b"\r" in text for _, _, text in parsed.strings):
                return self.replace_code(self.code)
            return None
        return self._after_merge(update, parsed, complete, added)

    def _after_merge(
        self, update: bytes, parsed: ParsedUpdate, complete: bool, added: int
    ) -> bytes | None:
        """The bookkeeping of any update but a plain keystroke; the carriage-return fix."""
        if complete:
            self._advance(parsed)
        released = False
        if not complete or len(parsed.ranges) > 1 or (self._pending and self._awaits(parsed)):
            released = self._settle(update, parsed, added)
        # 0x0D in the update is only a hint (it is also a varint byte); the strings decide,
        # and updates that were pending until now may bring some too.
        carriage = b"\r" in update and any(b"\r" in text for _, _, text in parsed.strings)
        if (carriage or released) and "\r" in self.code:
            return self.replace_code(self.code)
        return None

    # ------------------------------------------------------------ merging

    def _merge_failed(self, error: BaseException) -> None:
        """pycrdt refused an update the check let through: RefusedUpdate, unless ``error`` is
        not about the update (KeyboardInterrupt...), which the caller re-raises."""
        # pyo3 turns a Rust panic into PanicException, which derives from BaseException.
        if isinstance(error, Exception) or type(error).__name__ == "PanicException":
            # Yrs may have changed the document before failing: trust its state vector.
            self._clocks = parse_state_vector(self._doc.get_state(), max_clients=None)
            raise RefusedUpdate(f"is not a Yjs update pycrdt can merge: {error}") from error

    def _advance(self, parsed: ParsedUpdate) -> None:
        """An update that integrated completely moves each of its clients' clocks."""
        clocks = self._clocks
        for client, _, end in parsed.ranges:
            if end > clocks.get(client, 0):
                clocks[client] = end

    # ------------------------------------------------------------ pending updates

    def _integrates(self, parsed: ParsedUpdate) -> bool:
        """Whether Yrs will integrate all of the update at once (nothing pending).

        The keystroke case costs a dict lookup or two: one client whose structs continue
        its clock, origins on clients the document has, deletions of what it has."""
        if parsed.skips:
            return False
        clocks = self._clocks
        ranges = parsed.ranges
        if len(ranges) == 1:
            client, start, end = ranges[0]
            known = clocks.get(client, 0)
            if start > known:
                return False  # a gap: the client's earlier structs are missing
            for origin_client, origin_clock, _, _ in parsed.dependencies:
                if origin_clock >= clocks.get(origin_client, 0):
                    return False
            own = end if end > known else known
            for deleted_client, _, deleted_end in parsed.deletions:
                if deleted_end > (
                    own if deleted_client == client else clocks.get(deleted_client, 0)
                ):
                    return False
            return True
        if ranges:
            reached = update_clocks.reach(ranges, parsed.dependencies, clocks)
            if reached is None:
                return False
            clocks = reached
        for deleted_client, _, deleted_end in parsed.deletions:
            if deleted_end > clocks.get(deleted_client, 0):
                return False
        return True

    def _awaits(self, parsed: ParsedUpdate) -> bool:
        """Whether the update moves a client that a pending update waits for: only then can
        Yrs integrate something that was pending (it retries when such a clock moves)."""
        awaited = self._awaited
        return any(client in awaited for client, _, _ in parsed.ranges)

    def _settle(self, update: bytes, parsed: ParsedUpdate, added: int) -> bool:
        """Re-read Yrs's state vector; count the update as pending if part of it waits, and
        stop counting earlier ones that are now in. Returns whether any was released."""
        clocks = self._clocks = parse_state_vector(self._doc.get_state(), max_clients=None)
        still: list[_Pending] = []
        for pending in self._pending:
            if update_clocks.satisfied(pending.needs, clocks):
                self._pending_bytes -= pending.size  # its text is visible now: same bound
            else:
                still.append(pending)
        released = len(still) < len(self._pending)
        self._pending = still
        needs = update_clocks.needs(parsed)
        if not update_clocks.satisfied(needs, clocks):
            # Also a safety net: a several-client update predicted complete that Yrs held back.
            self._pending.append(_Pending(len(update), added, needs))
            self._pending_bytes += len(update)
        self._awaited = {client for pending in self._pending for client in pending.needs}
        self._pending_clients = sum(
            sum(client not in clocks for client in pending.needs) for pending in self._pending
        )
        return released

    def _check_clients(self, parsed: ParsedUpdate) -> None:
        clocks = self._clocks
        new = {client for client, _, _ in parsed.ranges if client not in clocks}
        if len(clocks) + self._pending_clients + len(new) > MAX_CLIENTS:
            raise RefusedUpdate(f"would bring the document more than {MAX_CLIENTS:,} Yjs clients")

    # ------------------------------------------------------------ size

    def _check_size(self, parsed: ParsedUpdate) -> int:
        """RefusedUpdate if the update could make the text larger than allowed; returns the
        UTF-8 bytes by which it may grow the text. Called when the cheap bound says it might."""
        added = parsed.string_bytes
        limit = self._max_bytes
        pending_text = sum(pending.text_bytes for pending in self._pending)
        size = self._size_bound = len(self._text) + pending_text
        if size + added <= limit:
            return added
        # Near the limit, count only the text the document lacks and that the update does not
        # delete again itself (a reconnecting client resends such text).
        added = update_clocks.new_text_bytes(parsed, self._clocks)
        if size + added > limit:
            raise RefusedUpdate(
                f"would make the code {size + added:,} bytes long; at most {limit:,} are allowed"
            )
        return added
