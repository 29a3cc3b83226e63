"""What the event loop calls: one ``SessionRecord`` per room, and the ``Recorder`` behind them.

Every call here is a ``put`` of a tuple on the writer's queue and returns at once: the
record never delays a broadcast. Reads (history, ``code?at``, export, restoring a room) go
to worker threads with their own read-only connections (``reads``), after a barrier that
makes sure everything the loop recorded before them is committed.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import reads
from .database import database_path
from .writer import (
    BARRIER,
    CREATE,
    DELETE,
    EVENT,
    IDENTITY,
    IMPORT,
    KEYFRAME,
    NOTES,
    UPDATE,
    NewSession,
    RecordWriter,
)

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Awaitable, Callable

    from ..document import CodeDocument

log = logging.getLogger(__name__)

# Run output kept in the record per run (output and error each); the room may show more
# (max_output_chars), but a record of a looping print must not grow by megabytes per run.
RECORDED_OUTPUT_CHARS = 20_000


def cap_output(text: str | None) -> str | None:
    if text is None or len(text) <= RECORDED_OUTPUT_CHARS:
        return text
    omitted = len(text) - RECORDED_OUTPUT_CHARS
    return (
        f"{text[:RECORDED_OUTPUT_CHARS]}\n[output truncated: {omitted} more characters not shown]"
    )


class SessionRecord:
    """One session's entry points. ``code`` is on every keystroke's path: a tuple, a put."""

    __slots__ = ("_put", "_read", "session_id")

    def __init__(
        self,
        session_id: str,
        put: Callable[[tuple[Any, ...]], None],
        read: Callable[..., Awaitable[Any]] | None = None,
    ) -> None:
        self.session_id = session_id
        self._put = put
        self._read = read

    def code(self, user_id: str, update: bytes) -> None:
        self._put((UPDATE, self.session_id, time.time(), user_id, update))

    def record_event(self, event_type: str, **fields: Any) -> None:
        """Any event of the session's log (join, chat, paste, focus, notes...): ``fields``
        must be JSON-serialisable; ``t`` is added when it is written."""
        self._put((EVENT, self.session_id, time.time(), event_type, fields))

    def end(self) -> None:
        """The interview is over: sets the session's ``endedAt``."""
        self.record_event("session-ended")

    def notes(self, user_id: str, update: bytes) -> None:
        """An edit of the interviewers' private notes (their own Yjs document)."""
        self._put((NOTES, self.session_id, time.time(), user_id, update))

    def identity(self, user_id: str, kept: KeptIdentity) -> None:
        """Who holds ``user_id`` (its secret, role; whether an interviewer removed it), so
        the identity rules hold across a restart as they do in a live room."""
        self._put(
            (
                IDENTITY,
                self.session_id,
                time.time(),
                user_id,
                kept.secret,
                kept.role,
                kept.removed,
            )
        )

    async def code_at(self, at_ms: int) -> str | None:
        """The code as it was at ``at_ms`` (read in a worker thread, after everything recorded
        so far); None when the session has no record."""
        if self._read is None:
            return None
        code: str | None = await self._read(reads.code_at, self.session_id, at_ms)
        return code


def _discard(_: tuple[Any, ...]) -> None:
    pass


def _ignore(_: object) -> None:
    pass


# For rooms made without a recorder (unit tests) and rooms whose record was deleted.
NULL_RECORD = SessionRecord("", _discard)


@dataclass(frozen=True, slots=True)
class KeptIdentity:
    """An identity a room handed out, as the record keeps it (identities.py, waiting_room.py)."""

    secret: str
    role: str
    removed: bool = False


@dataclass(frozen=True, slots=True)
class StoredSession:
    """What restoring a room needs, read from disk."""

    session_id: str
    title: str
    language: str
    created_at_ms: int
    ended_at_ms: int | None  # an interview ended before the restart stays ended
    state: bytes  # one Yjs update holding the whole document, pending edits included
    chat: list[dict[str, Any]]
    notes: bytes = b""  # the private notes' state, one Yjs update
    prompt: str = ""
    starter_code: dict[str, str] = field(default_factory=dict)
    interviewer_key: str | None = None  # None for a session recorded before keys were kept
    # Oldest use first, as the room's IdentityBook keeps them.
    identities: list[tuple[str, KeptIdentity]] = field(default_factory=list)


class Recorder:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path = database_path(directory)
        self._writer = RecordWriter(directory, self._keyframe_wanted)
        self._put = self._writer.put
        self._documents: dict[str, CodeDocument] = {}
        self._loop: asyncio.AbstractEventLoop | None = None

    # ------------------------------------------------------------ lifecycle

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._writer.start()

    async def stop(self) -> None:
        """A last keyframe of each live room (a quick restore next time), then the rest."""
        for session_id in list(self._documents):
            self.snapshot(session_id)
        await asyncio.to_thread(self._writer.stop)

    # ------------------------------------------------------------ rooms

    def new_session(self, session_id: str, new: NewSession) -> None:
        self._put((CREATE, session_id, time.time(), new))

    def attach(self, session_id: str, document: CodeDocument) -> SessionRecord:
        """A live room: its document is where keyframes come from."""
        self._documents[session_id] = document
        return SessionRecord(session_id, self._put, self.read)

    def detach(self, session_id: str) -> None:
        """The room leaves memory: a last keyframe, so it comes back quickly."""
        self.snapshot(session_id)
        self._documents.pop(session_id, None)

    def keep_interviewer_key(self, session_id: str, key: str) -> None:
        """A session recorded without a co-interviewer key (before schema version 2, or
        imported) keeps the one its restored room made, so the host's link outlives restarts."""

        def write(db: sqlite3.Connection) -> None:
            db.execute(
                "UPDATE sessions SET interviewer_key = ? WHERE id = ? AND interviewer_key IS NULL",
                (key, session_id),
            )

        self._put((IMPORT, session_id, write, _ignore))

    def _keyframe_wanted(self, session_id: str) -> None:
        """Called from the writer thread."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self.snapshot, session_id)

    def snapshot(self, session_id: str) -> None:
        """A keyframe of the live room now (also brings the session's code size up to date)."""
        document = self._documents.get(session_id)
        # pycrdt's full-state encoding leaves out updates still waiting for edits the server
        # lacks; a keyframe then would lose them, so it waits until nothing is pending.
        if document is None or document.pending_bytes:
            return
        self._put((KEYFRAME, session_id, time.time(), document.update_since(None), document.code))

    # ------------------------------------------------------------ reads and deletes

    async def flushed(self) -> None:
        """Returns once everything recorded so far is committed."""
        await self._through_writer(lambda done: (BARRIER, None, done))

    async def delete(self, session_id: str) -> bool:
        self._documents.pop(session_id, None)
        return bool(await self._through_writer(lambda done: (DELETE, session_id, done)))

    async def write_imported(
        self, session_id: str | None, write: Callable[[sqlite3.Connection], object]
    ) -> object:
        """Runs ``write`` in the writer's transaction, in queue order, in a savepoint: what
        it raises is raised here, and only its own changes are undone. ``session_id`` None:
        not a session's record (the question library)."""
        result = await self._through_writer(lambda done: (IMPORT, session_id, write, done))
        if isinstance(result, Exception):
            raise result
        return result

    async def _through_writer(
        self, item: Callable[[Callable[[object], None]], tuple[Any, ...]]
    ) -> object:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[object] = loop.create_future()

        def done(result: object) -> None:  # in the writer thread
            loop.call_soon_threadsafe(_settle, future, result)

        self._put(item(done))
        return await future

    async def read(self, query: Callable[..., Any], *args: Any) -> Any:
        """``query(connection, *args)`` in a worker thread, after everything recorded so far."""
        await self.flushed()
        return await asyncio.to_thread(reads.run, self.path, query, *args)

    async def load(self, session_id: str) -> StoredSession | None:
        found = await self.read(reads.stored_session, session_id)
        if found is None:
            return None
        found["identities"] = [
            (user_id, KeptIdentity(secret, role, bool(removed)))
            for user_id, secret, role, removed in found["identities"]
        ]
        return StoredSession(**found)


def _settle(future: asyncio.Future[object], result: object) -> None:
    if not future.done():
        future.set_result(result)
