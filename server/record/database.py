"""The record's file: where it lives, opening it, and moving a bad one aside.

One SQLite file, ``pairpad.sqlite3`` in the data directory, in WAL mode: the writer thread
commits while the HTTP reads (in worker threads) read, without either waiting.
``synchronous=NORMAL`` makes a commit a write to the WAL without fsync: a killed process
loses nothing committed (the OS holds the pages); a power cut may lose the last commits, never
the file's consistency. That is what lets a batch commit cost microseconds, not an fsync.

A file that cannot be opened as a PairPad record (corrupt, not a database, from a newer
PairPad) is renamed with a timestamp and reported in one sentence; it is never deleted.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path

import platformdirs

from .schema import NewerSchema, migrate

log = logging.getLogger(__name__)

FILE_NAME = "pairpad.sqlite3"
# The WAL and shared-memory companions travel with the database when it is moved aside.
COMPANIONS = ("-wal", "-shm")
BUSY_TIMEOUT_SECONDS = 10.0


def data_dir(configured: Path | None) -> Path:
    return configured if configured is not None else Path(platformdirs.user_data_dir("PairPad"))


def database_path(directory: Path) -> Path:
    return directory / FILE_NAME


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit ``BEGIN``/``COMMIT``)."""
    if read_only:
        db = sqlite3.connect(
            f"{path.as_uri()}?mode=ro",
            uri=True,
            isolation_level=None,
            timeout=BUSY_TIMEOUT_SECONDS,
            check_same_thread=False,
        )
    else:
        db = sqlite3.connect(
            path, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False
        )
    db.execute("PRAGMA synchronous = NORMAL")
    return db


def open_for_writing(directory: Path) -> sqlite3.Connection:
    """The writer's connection, migrated to the current schema. A file that is not a usable
    record is moved aside first (and a fresh one made), with a sentence in the log."""
    directory.mkdir(parents=True, exist_ok=True)
    path = database_path(directory)
    try:
        return _open_checked(path)
    except (sqlite3.DatabaseError, NewerSchema) as problem:
        moved = move_aside(path)
        log.error(
            "The interview record %s could not be read (%s), so PairPad moved it to %s and "
            "started a new one; nothing was deleted.",
            path,
            problem,
            moved,
        )
        return _open_checked(path)


def _open_checked(path: Path) -> sqlite3.Connection:
    db = connect(path)
    try:
        db.execute("PRAGMA journal_mode = WAL")
        migrate(db)
        # Reads a page of each table: a file that is not a database, or whose schema pages
        # are damaged, fails here rather than in the middle of an interview.
        for table in ("sessions", "participants", "updates", "events", "keyframes"):
            db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchall()
    except BaseException:
        db.close()
        raise
    return db


def move_aside(path: Path) -> Path:
    """Rename the file (and its WAL) with a timestamp; returns the new name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.unreadable-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.unreadable-{stamp}-{counter}")
    path.rename(target)
    for suffix in COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    return target
