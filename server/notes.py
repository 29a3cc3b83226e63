"""The interviewers' private notes: a second CRDT document per session, apart from the code,
that only interviewer sockets ever receive (and the host over REST).

It is a document of its own, not a part of the shared one, because a Yjs client receives every
part of a document it syncs: notes inside the code's document would reach every candidate's
browser, whatever the page showed. Its text is validated by the same rules as the code's (only
plain text, in a ``Y.Text`` that is also named ``code``: one hostile-input parser serves both),
up to ``max_notes_bytes``.

``state()`` and ``restore()`` are what the interview record stores and reads back.
"""

from __future__ import annotations

from .document import CodeDocument


class PrivateNotes:
    def __init__(self, *, max_bytes: int, max_pending_bytes: int) -> None:
        self._document = CodeDocument(max_bytes=max_bytes, max_pending_bytes=max_pending_bytes)

    @property
    def text(self) -> str:
        return self._document.code

    def state_vector(self) -> bytes:
        return self._document.state_vector()

    def update_since(self, state_vector: bytes | None = None) -> bytes:
        return self._document.update_since(state_vector)

    def apply_update(self, update: bytes) -> bytes | None:
        """An interviewer page's Yjs update (RefusedUpdate if refused, nothing changed); returns
        the server's line-ending fix, if the update brought carriage returns."""
        return self._document.apply_update(update)

    def replace_text(self, text: str) -> bytes | None:
        """The whole text at once (PUT /notes), as a minimal edit; None when unchanged."""
        return self._document.replace_code(text)

    def state(self) -> bytes:
        """Everything, as one Yjs update: what the record keeps."""
        return self._document.update_since(None)

    def restore(self, state: bytes) -> None:
        """Bring back what ``state()`` gave (RefusedUpdate if it is not such a state)."""
        self._document.apply_update(state)
