"""The one thread that writes the record: a queue in, one transaction per batch out.

The event loop only puts tuples on a ``queue.SimpleQueue`` (thread-safe, no lock on the
loop's side, ~0.5 µs). This thread takes the first item, gathers whatever else arrives
within ``BATCH_SECONDS``, and writes it all in one transaction: a keystroke never costs a
commit of its own, and after ``kill -9`` at most the batch being gathered is lost (well
under the 1 s the record promises). A batch that fails (disk full...) is kept and retried,
never dropped.

Items are tuples whose first element is their kind; ``seq`` numbers are given here, in the
order items arrive, which is the order the event loop made them.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import sqlite3
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .database import open_for_writing

log = logging.getLogger(__name__)

# Item kinds (the first element of each queued tuple).
CREATE = 0  # (CREATE, session_id, time, NewSession)
UPDATE = 1  # (UPDATE, session_id, time, user_id, update_bytes)
EVENT = 2  # (EVENT, session_id, time, type, fields_dict)
KEYFRAME = 3  # (KEYFRAME, session_id, time, state_bytes, code)
DELETE = 4  # (DELETE, session_id, done)
BARRIER = 5  # (BARRIER, None, done): everything before it is committed when done runs
IMPORT = 6  # (IMPORT, session_id, write_function, done); session_id None: not a session's
STOP = 7  # (STOP,)
NOTES = 8  # (NOTES, session_id, time, user_id, update_bytes): the private notes
IDENTITY = 9  # (IDENTITY, session_id, time, user_id, secret, role, removed)

BATCH_SECONDS = 0.25
# Items whose sender waits for them to be written: they end the batch at once.
_URGENT = frozenset({BARRIER, DELETE, IMPORT, STOP})
# Items numbered in the session's single order (seq).
_SEQUENCED = (UPDATE, EVENT, NOTES)
RETRY_SECONDS = 1.0
# A keyframe is asked for after this many updates: seeking replays at most this many.
KEYFRAME_EVERY = 1000

Done = Callable[[object], None]


@dataclass(frozen=True, slots=True)
class NewSession:
    title: str
    language: str
    created_at_ms: int
    prompt: str = ""  # the question, Markdown
    starter_code: dict[str, str] = field(default_factory=dict)  # language -> code
    interviewer_key: str | None = None
    reopened_from: str | None = None  # the session this one follows up (POST .../reopen)


@dataclass(slots=True)
class _Session:
    key: int
    next_seq: int
    last_t: int
    since_keyframe: int
    asked_at: int = -1  # since_keyframe when a keyframe was last asked for


def run_only_when_the_cpu_is_free() -> None:
    """Linux: the calling thread gets the CPU only when no ordinary thread wants it
    (SCHED_IDLE), so the event loop's thread does not wait for the record's disk work.

    Why: when both share a core (the bench pins the server to one), the kernel time-slices
    it, and each batch's SQLite work stalled the loop every 0.25 s; the cost is a slower
    record on a machine saturated by other programs. Both are measured in docs/record.md
    ("The writer takes only spare CPU", "Known limits"). Elsewhere the OS default is kept."""
    if not hasattr(os, "SCHED_IDLE"):
        return
    try:
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))  # 0: this thread
    except OSError as error:  # a sandbox that forbids it: the default priority still works
        log.info("the record's writer keeps the default CPU priority (%s)", error)


class RecordWriter:
    def __init__(self, directory: Path, want_keyframe: Callable[[str], None]) -> None:
        self._directory = directory
        self._want_keyframe = want_keyframe
        self.queue: queue.SimpleQueue[tuple[Any, ...]] = queue.SimpleQueue()
        self._sessions: dict[str, _Session] = {}
        self._db: sqlite3.Connection | None = None
        self._thread = threading.Thread(target=self._run, name="pairpad-record", daemon=True)
        self._urgent = threading.Event()  # set when an item someone waits for is queued

    def start(self) -> None:
        """Opens (or moves aside and recreates) the file here, so start-up reports it."""
        self._db = open_for_writing(self._directory)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self.put((STOP,))
        self._thread.join(timeout)

    # ------------------------------------------------------------ the thread

    def _run(self) -> None:
        run_only_when_the_cpu_is_free()
        stopping = False
        while not stopping:
            batch = self._gather()
            stopping = batch[-1][0] == STOP
            self._commit_with_retries(batch)
        assert self._db is not None
        self._db.close()

    def _gather(self) -> list[tuple[Any, ...]]:
        """The first item, then everything that arrives within BATCH_SECONDS, taken in one go
        at the end. Waking for each item (a get with a timeout per keystroke) would take the
        GIL from the event loop thousands of times a second under load; this wakes it a few
        times a second. An item that someone waits for (a barrier, a delete, an import, the
        stop) cuts the wait short."""
        batch = [self.queue.get()]
        if batch[0][0] not in _URGENT:
            self._urgent.wait(BATCH_SECONDS)
        self._urgent.clear()
        while batch[-1][0] not in _URGENT:
            try:
                batch.append(self.queue.get_nowait())
            except queue.Empty:
                break
        return batch

    def put(self, item: tuple[Any, ...]) -> None:
        """Queue an item (from the event loop: no lock, no wait)."""
        self.queue.put(item)
        if item[0] in _URGENT:
            self._urgent.set()

    def _commit_with_retries(self, batch: list[tuple[Any, ...]]) -> None:
        while True:
            try:
                results = self._commit(batch)
            except sqlite3.Error:
                # The data is kept: the same batch is written again once the disk allows.
                log.exception("could not write the interview record; retrying")
                self._sessions.clear()  # their counters may be ahead of the rolled-back file
                time.sleep(RETRY_SECONDS)
                continue
            break
        for done, result in results:
            done(result)
        self._ask_for_keyframes()

    def _commit(self, batch: list[tuple[Any, ...]]) -> list[tuple[Done, object]]:
        db = self._db
        assert db is not None
        results: list[tuple[Done, object]] = []
        rows: list[tuple[int, int, int, str, bytes]] = []
        db.execute("BEGIN IMMEDIATE")
        try:
            for item in batch:
                if item[0] == UPDATE:
                    self._stamp_update(db, item, rows)
                    continue
                self._insert_updates(db, rows)  # a delete or an import must see them
                result = self._write(db, item)
                if result is not None:
                    results.append(result)
            self._insert_updates(db, rows)
            self._save_counters(db, batch)
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        return results

    def _write(self, db: sqlite3.Connection, item: tuple[Any, ...]) -> tuple[Done, object] | None:
        kind = item[0]
        if kind == EVENT:
            self._write_event(db, item)
        elif kind == KEYFRAME:
            self._write_keyframe(db, item)
        elif kind == NOTES:
            self._write_notes(db, item)
        elif kind == IDENTITY:
            self._write_identity(db, item)
        elif kind == CREATE:
            self._write_session(db, item)
        elif kind == DELETE:
            return item[2], self._delete(db, item[1])
        elif kind == IMPORT:
            self._sessions.pop(item[1], None)
            return item[3], self._import(db, item[2])
        elif kind == BARRIER:
            return item[2], None
        return None

    # ------------------------------------------------------------ items

    def _session(self, db: sqlite3.Connection, session_id: str) -> _Session | None:
        """The session's counters, read once from the file; None for a session that is not
        (or no longer) recorded: its late items (a leave after a delete) are dropped."""
        session = self._sessions.get(session_id)
        if session is None:
            row = db.execute(
                "SELECT key, last_seq, last_t FROM sessions WHERE id = ?", (session_id,)
            ).fetchone()
            if row is None:
                return None
            key, last_seq, last_t = row
            keyframe_seq = db.execute(
                "SELECT coalesce(max(seq), 0) FROM keyframes WHERE session = ?", (key,)
            ).fetchone()[0]
            since = db.execute(
                "SELECT count(*) FROM updates WHERE session = ? AND seq > ?", (key, keyframe_seq)
            ).fetchone()[0]
            session = _Session(key, last_seq + 1, last_t, since)
            self._sessions[session_id] = session
        return session

    def _stamp(self, session: _Session, seconds: float) -> tuple[int, int]:
        """The next seq, and a time in ms that never goes back within a session (a clock
        stepped back by NTP must not reorder the history)."""
        t = max(int(seconds * 1000), session.last_t)
        session.last_t = t
        seq = session.next_seq
        session.next_seq += 1
        return seq, t

    def _write_session(self, db: sqlite3.Connection, item: tuple[Any, ...]) -> None:
        _, session_id, seconds, new = item
        cursor = db.execute(
            "INSERT OR IGNORE INTO sessions (id, title, language, created_at, last_t, prompt, "
            "starter_code, interviewer_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                new.title,
                new.language,
                new.created_at_ms,
                new.created_at_ms,
                new.prompt,
                json.dumps(new.starter_code, ensure_ascii=False),
                new.interviewer_key,
            ),
        )
        if cursor.rowcount:
            self._sessions.pop(session_id, None)
            fields: dict[str, Any] = {"title": new.title, "language": new.language}
            if new.reopened_from:
                fields["reopenedFrom"] = new.reopened_from
            if new.prompt:
                fields["prompt"] = new.prompt
            self._write_event(db, (EVENT, session_id, seconds, "session-created", fields))

    def _stamp_update(
        self,
        db: sqlite3.Connection,
        item: tuple[Any, ...],
        rows: list[tuple[int, int, int, str, bytes]],
    ) -> None:
        """A keystroke's row, kept for one ``executemany`` with the batch's others."""
        _, session_id, seconds, user_id, data = item
        session = self._session(db, session_id)
        if session is None:
            return
        seq, t = self._stamp(session, seconds)
        rows.append((session.key, seq, t, user_id, data))
        session.since_keyframe += 1

    @staticmethod
    def _insert_updates(
        db: sqlite3.Connection, rows: list[tuple[int, int, int, str, bytes]]
    ) -> None:
        if rows:
            db.executemany(
                "INSERT INTO updates (session, seq, t, user_id, data) VALUES (?, ?, ?, ?, ?)", rows
            )
            rows.clear()

    def _write_notes(self, db: sqlite3.Connection, item: tuple[Any, ...]) -> None:
        _, session_id, seconds, user_id, data = item
        session = self._session(db, session_id)
        if session is None:
            return
        seq, t = self._stamp(session, seconds)
        db.execute(
            "INSERT INTO notes (session, seq, t, user_id, data) VALUES (?, ?, ?, ?, ?)",
            (session.key, seq, t, user_id, data),
        )

    def _write_identity(self, db: sqlite3.Connection, item: tuple[Any, ...]) -> None:
        _, session_id, seconds, user_id, secret, role, removed = item
        session = self._session(db, session_id)
        if session is None:
            return
        # `sealed` is always 1: every identity is reused only with its secret now. The column
        # stays for the records written when a spec client's reconnect kept its userId.
        db.execute(
            "INSERT OR REPLACE INTO identities (session, user_id, secret, role, sealed, removed, "
            "used) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (session.key, user_id, secret, role, 1, removed, int(seconds * 1000)),
        )

    def _write_event(self, db: sqlite3.Connection, item: tuple[Any, ...]) -> None:
        _, session_id, seconds, event_type, fields = item
        session = self._session(db, session_id)
        if session is None:
            return
        seq, t = self._stamp(session, seconds)
        db.execute(
            "INSERT INTO events (session, seq, t, type, fields) VALUES (?, ?, ?, ?, ?)",
            (session.key, seq, t, event_type, json.dumps(fields, ensure_ascii=False)),
        )
        self._track_people(db, session, seconds, event_type, fields)

    def _track_people(
        self,
        db: sqlite3.Connection,
        session: _Session,
        seconds: float,
        event_type: str,
        fields: dict[str, Any],
    ) -> None:
        """The participant list (for the session list), and a ``rename`` event when someone
        rejoins under another name."""
        if event_type == "session-ended":
            db.execute(
                "UPDATE sessions SET ended_at = ? WHERE key = ?", (session.last_t, session.key)
            )
        elif event_type == "language":
            db.execute(
                "UPDATE sessions SET language = ? WHERE key = ?", (fields["language"], session.key)
            )
        if event_type != "join":
            return
        user_id, username = fields["userId"], fields["username"]
        row = db.execute(
            "SELECT username FROM participants WHERE session = ? AND user_id = ?",
            (session.key, user_id),
        ).fetchone()
        db.execute(
            "INSERT OR REPLACE INTO participants (session, user_id, username) VALUES (?, ?, ?)",
            (session.key, user_id, username),
        )
        if row is not None and row[0] != username:
            seq, t = self._stamp(session, seconds)
            renamed = {"userId": user_id, "from": row[0], "to": username}
            db.execute(
                "INSERT INTO events (session, seq, t, type, fields) VALUES (?, ?, ?, 'rename', ?)",
                (session.key, seq, t, json.dumps(renamed, ensure_ascii=False)),
            )

    def _write_keyframe(self, db: sqlite3.Connection, item: tuple[Any, ...]) -> None:
        _, session_id, seconds, state, code = item
        session = self._session(db, session_id)
        if session is None:
            return
        db.execute(
            "UPDATE sessions SET code_size = ? WHERE key = ?",
            (len(code.encode("utf-8", "surrogatepass")), session.key),
        )
        if session.since_keyframe == 0:
            return  # nothing new since the last one (a room that went idle, say)
        # Later records are stamped no earlier than the keyframe: reads.last_seq_at relies on it.
        t = session.last_t = max(int(seconds * 1000), session.last_t)
        db.execute(
            "INSERT OR REPLACE INTO keyframes (session, seq, t, state) VALUES (?, ?, ?, ?)",
            (session.key, session.next_seq - 1, t, zlib.compress(state)),
        )
        session.since_keyframe = 0
        session.asked_at = -1

    def _import(
        self, db: sqlite3.Connection, write: Callable[[sqlite3.Connection], object]
    ) -> object:
        """An imported record (or a change of the question library), in a savepoint: if it
        fails, the rest of the batch still commits, and the caller gets the error instead of
        a retry that would fail again (and this thread carries on)."""
        db.execute("SAVEPOINT import")
        try:
            result = write(db)
        except Exception as error:
            db.execute("ROLLBACK TO import")
            result = error
        db.execute("RELEASE import")
        return result

    def _delete(self, db: sqlite3.Connection, session_id: str) -> bool:
        self._sessions.pop(session_id, None)
        row = db.execute("SELECT key FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            return False
        for table in ("updates", "events", "keyframes", "participants", "notes", "identities"):
            db.execute(f"DELETE FROM {table} WHERE session = ?", row)
        db.execute("DELETE FROM sessions WHERE key = ?", row)
        return True

    def _save_counters(self, db: sqlite3.Connection, batch: list[tuple[Any, ...]]) -> None:
        touched = {item[1] for item in batch if item[0] in _SEQUENCED}
        for session_id in touched:
            session = self._sessions.get(session_id)
            if session is not None:
                db.execute(
                    "UPDATE sessions SET last_seq = ?, last_t = ? WHERE key = ?",
                    (session.next_seq - 1, session.last_t, session.key),
                )

    def _ask_for_keyframes(self) -> None:
        """Past ``KEYFRAME_EVERY`` updates, ask the event loop for the room's state; asked
        again half an interval later if none came (the room had updates pending, say)."""
        for session_id, session in self._sessions.items():
            due = session.since_keyframe >= KEYFRAME_EVERY
            if due and (
                session.asked_at < 0
                or session.since_keyframe >= session.asked_at + KEYFRAME_EVERY // 2
            ):
                session.asked_at = session.since_keyframe
                self._want_keyframe(session_id)
