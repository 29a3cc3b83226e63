"""The record's tables, versioned with ``PRAGMA user_version`` and migrated step by step.

Each step of ``MIGRATIONS`` takes the database from version ``n`` to ``n + 1`` inside one
transaction, so a crash mid-migration leaves the old version intact. Add a step, never edit
one that has shipped.

Layout: sessions get a small integer ``key`` so the history rows (tens of thousands an hour)
do not each repeat a 22-character id. ``seq`` numbers a session's updates and events in the
single order the event loop made them, so the history interleaves them exactly. A keyframe
holds the document's full state after every record up to its ``seq``.

Version 3 adds what the interviewer's seat keeps: the private notes' Yjs updates (``notes``,
numbered with the same ``seq``), each session's question (``prompt``, ``starter_code``) and
co-interviewer key, the identities a room handed out (``identities``: their secrets, so an
identity cannot be borrowed after a restart, and who was removed), and the question library
(``templates``), seeded with three examples.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from .example_questions import EXAMPLES

_V1 = """
CREATE TABLE sessions (
    key INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    language TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    ended_at INTEGER,
    last_seq INTEGER NOT NULL DEFAULT 0,
    last_t INTEGER NOT NULL DEFAULT 0,
    code_size INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE participants (
    session INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    username TEXT NOT NULL,
    PRIMARY KEY (session, user_id)
) WITHOUT ROWID;
CREATE TABLE updates (
    session INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    t INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (session, seq)
) WITHOUT ROWID;
CREATE INDEX updates_by_time ON updates (session, t);
CREATE TABLE events (
    session INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    t INTEGER NOT NULL,
    type TEXT NOT NULL,
    fields TEXT NOT NULL,
    PRIMARY KEY (session, seq)
) WITHOUT ROWID;
CREATE TABLE keyframes (
    session INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    t INTEGER NOT NULL,
    state BLOB NOT NULL,
    PRIMARY KEY (session, seq)
) WITHOUT ROWID;
"""


# Version 2: code updates in a rowid table, appended in the order they arrive, found by a
# small (session, seq) index; no index on time. Rows of 200 live sessions, interleaved, used
# to land in 200 places of two B-trees per commit: 13 µs of the writer per keystroke, now 4
# (the 600-participant bench spends it on the server's one CPU). A time is found through the
# keyframes instead (reads.last_seq_at).
_V2 = """
CREATE TABLE updates_v2 (
    session INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    t INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    data BLOB NOT NULL
);
INSERT INTO updates_v2 (session, seq, t, user_id, data)
    SELECT session, seq, t, user_id, data FROM updates ORDER BY session, seq;
DROP TABLE updates;
ALTER TABLE updates_v2 RENAME TO updates;
CREATE UNIQUE INDEX updates_by_seq ON updates (session, seq);
"""


def _statements(script: str) -> Callable[[sqlite3.Connection], None]:
    def run(db: sqlite3.Connection) -> None:
        for statement in script.split(";"):
            if statement.strip():
                db.execute(statement)

    return run


# Version 3: the interviewer's seat: the question, notes, identities and the library.
_V3 = """
ALTER TABLE sessions ADD COLUMN prompt TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN starter_code TEXT NOT NULL DEFAULT '{}';
ALTER TABLE sessions ADD COLUMN interviewer_key TEXT;
CREATE TABLE notes (
    session INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    t INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (session, seq)
) WITHOUT ROWID;
CREATE TABLE identities (
    session INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    secret TEXT NOT NULL,
    role TEXT NOT NULL,
    sealed INTEGER NOT NULL,
    removed INTEGER NOT NULL DEFAULT 0,
    used INTEGER NOT NULL,
    PRIMARY KEY (session, user_id)
) WITHOUT ROWID;
CREATE TABLE templates (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    prompt TEXT NOT NULL,
    starter_code TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
"""


def _to_v3(db: sqlite3.Connection) -> None:
    _statements(_V3)(db)
    db.executemany(
        "INSERT INTO templates (id, title, prompt, starter_code, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, 0, 0)",
        [(e.id, e.title, e.prompt, json.dumps(e.starter_code)) for e in EXAMPLES],
    )


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _statements(_V1),
    _statements(_V2),
    _to_v3,
)
SCHEMA_VERSION = len(MIGRATIONS)


class NewerSchema(Exception):
    """The file was written by a newer PairPad; this one must not touch it."""


def version_of(db: sqlite3.Connection) -> int:
    version: int = db.execute("PRAGMA user_version").fetchone()[0]
    return version


def migrate(db: sqlite3.Connection) -> None:
    """Bring the database to ``SCHEMA_VERSION``; ``db`` must be in autocommit mode."""
    version = version_of(db)
    if version > SCHEMA_VERSION:
        raise NewerSchema(
            f"it was written by a newer PairPad (record version {version}, this one "
            f"reads up to {SCHEMA_VERSION})"
        )
    for step in range(version, SCHEMA_VERSION):
        db.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[step](db)
            db.execute(f"PRAGMA user_version = {step + 1}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
