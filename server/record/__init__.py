"""The interview record: every session, its code's history and its events, kept on disk.

Why the standard library's ``sqlite3`` (WAL, one writer thread) and not pycrdt-store's
``SQLiteYStore``, measured on this machine with 2,000 keystroke updates
(``docs/record.md`` has the figures and the method):

- pycrdt-store awaits one transaction per update (1.4 ms a keystroke, up to 18 ms, a commit
  in rollback-journal mode each time), and every 100 updates it rebuilds its checkpoint by
  applying updates *on the event loop*. Here a keystroke costs the event loop one
  ``SimpleQueue.put`` of a tuple (0.5 µs), and a thread writes ~0.25 s of them per transaction.
- It keeps one checkpoint per document, so seeking to an instant replays from the start; the
  record needs keyframes along the history.
- It stores no author per update and no event log; both are needed here, in the same order
  as the edits.

Modules, one job each: ``database`` (the file: where, opening, moving a bad one aside),
``schema`` (tables and migrations), ``writer`` (the thread that batches writes),
``recorder`` (what the event loop calls), ``reads`` (queries run in worker threads),
``archive`` (export and import), ``routes`` (the HTTP interface), ``example_questions``
(the question library's first three questions, added by schema version 2).
"""

from __future__ import annotations

from .recorder import NULL_RECORD, KeptIdentity, Recorder, SessionRecord, StoredSession
from .writer import NewSession

__all__ = [
    "NULL_RECORD",
    "KeptIdentity",
    "NewSession",
    "Recorder",
    "SessionRecord",
    "StoredSession",
]
