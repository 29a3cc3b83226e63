"""A session's code: a pycrdt (Yrs) document that Yjs clients and full-text clients share.

Full-text edits become minimal CRDT edits (common prefix and suffix), so a spec client's
``code-change`` merges with concurrent CRDT edits instead of overwriting them wholesale.
pycrdt indexes ``Text`` by UTF-8 bytes while Python slices by code point, hence the
conversions below. Line endings are ``\\n`` only: ``\\r\\n`` and a lone ``\\r`` would make
CodeMirror (which splits lines on them) and the shared text disagree about offsets.
"""

from __future__ import annotations

from pycrdt import Doc, Text

TEXT_NAME = "code"  # the Y.Text every client binds its editor to: ydoc.getText("code")


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


class CodeDocument:
    """The shared code. Every change returns the Yjs v1 update it produced, for broadcasting."""

    def __init__(self) -> None:
        self._doc: Doc[Text] = Doc()
        self._text = self._doc.get(TEXT_NAME, type=Text)
        self._code: str | None = ""  # cache of str(self._text); None when stale

    @property
    def code(self) -> str:
        if self._code is None:
            self._code = str(self._text)
        return self._code

    def state_vector(self) -> bytes:
        result: bytes = self._doc.get_state()
        return result

    def update_since(self, state_vector: bytes | None = None) -> bytes:
        """What a peer with ``state_vector`` lacks (everything when None)."""
        result: bytes = (
            self._doc.get_update(state_vector) if state_vector else self._doc.get_update()
        )
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
        before = self._doc.get_state()
        with self._doc.transaction():
            if byte_deleted:
                del self._text[byte_start : byte_start + byte_deleted]
            if new_end > start:
                self._text.insert(byte_start, new_code[start:new_end])
        self._code = new_code
        update: bytes = self._doc.get_update(before)
        return update

    def apply_update(self, update: bytes) -> bytes | None:
        """Merge a client's Yjs update (ValueError if it is not one).

        Returns a follow-up update when the merge brought in carriage returns, which the server
        then removes itself: a CRDT update cannot be rewritten, but it can be followed by a fix.
        """
        try:
            self._doc.apply_update(update)
        except BaseException as error:
            # pyo3 turns a Rust panic on a malformed update into PanicException, which
            # derives from BaseException; anything else (KeyboardInterrupt...) propagates.
            if isinstance(error, Exception) or type(error).__name__ == "PanicException":
                raise ValueError(f"not a Yjs update: {error}") from error
            raise
        self._code = None
        # 0x0D in the update is only a hint (it is also a varint byte); the text decides.
        if b"\r" in update and "\r" in self.code:
            return self.replace_code(self.code)
        return None
