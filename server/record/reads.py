"""Queries of the record, run in worker threads (never on the event loop), each on its own
read-only connection: WAL lets them read while the writer commits.

``code_at`` is why keyframes exist: the state at an instant is the last keyframe before it
plus at most ``KEYFRAME_EVERY`` updates, whatever the length of the interview.
"""

from __future__ import annotations

import base64
import json
import sqlite3
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pycrdt import Doc, Text, merge_updates

from ..yjs_update import TEXT_NAME
from .database import connect

T = TypeVar("T")
EMPTY_UPDATE = b"\x00\x00"
_NO_SEQ_LIMIT = 2**62  # after the last keyframe, the search runs to the last update
CHAT_REPLAYED = 200  # chat lines a restored room gives late joiners, like a live one
LATEST = 2**62  # an instant after every edit (the bound of code?at's `at`)


def run(path: Path, query: Callable[..., T], *args: Any) -> T:
    db = connect(path, read_only=True)
    try:
        db.execute("BEGIN")  # one snapshot for the whole query
        return query(db, *args)
    finally:
        db.close()


def _key(db: sqlite3.Connection, session_id: str) -> int | None:
    row = db.execute("SELECT key FROM sessions WHERE id = ?", (session_id,)).fetchone()
    return None if row is None else int(row[0])


def list_sessions(db: sqlite3.Connection) -> list[dict[str, Any]]:
    names: dict[int, list[str]] = {}
    for key, username in db.execute(
        "SELECT session, username FROM participants ORDER BY session, username"
    ):
        names.setdefault(key, []).append(username)
    # The session-created event is a session's first: the subquery reads one row of each.
    rows = db.execute(
        "SELECT key, id, title, language, created_at, ended_at, code_size, "
        "(SELECT fields FROM events WHERE session = sessions.key AND type = 'session-created' "
        "ORDER BY seq LIMIT 1) FROM sessions ORDER BY created_at DESC, key DESC"
    )
    return [
        {
            "sessionId": session_id,
            "title": title,
            "language": language,
            "createdAt": created_at,
            "endedAt": ended_at,
            "participants": names.get(key, []),
            "codeSize": code_size,
            "reopenedFrom": _reopened_from(created),
        }
        for key, session_id, title, language, created_at, ended_at, code_size, created in rows
    ]


def _reopened_from(created_fields: str | None) -> str | None:
    """The session a reopened one continues, from its session-created event."""
    if created_fields is None:
        return None
    found = json.loads(created_fields).get("reopenedFrom")
    return found if isinstance(found, str) else None


def final_state(db: sqlite3.Connection, session_id: str) -> dict[str, Any] | None:
    """What reopening a session starts from: its title, last language, question and final
    code."""
    row = db.execute(
        "SELECT title, language, prompt, starter_code FROM sessions WHERE id = ?", (session_id,)
    ).fetchone()
    if row is None:
        return None
    title, language, prompt, starter_code = row
    code = code_at(db, session_id, LATEST)
    return {
        "title": title,
        "language": language,
        "prompt": prompt,
        "starterCode": json.loads(starter_code),
        "code": code or "",
    }


def history(db: sqlite3.Connection, session_id: str) -> list[dict[str, Any]] | None:
    """Events and code updates merged in the order they happened (``seq``)."""
    key = _key(db, session_id)
    if key is None:
        return None
    rows = db.execute(
        "SELECT seq, t, type, fields, NULL, NULL FROM events WHERE session = ?1 "
        "UNION ALL SELECT seq, t, 'code', NULL, user_id, data FROM updates WHERE session = ?1 "
        "ORDER BY seq",
        (key,),
    )
    events: list[dict[str, Any]] = []
    for _, t, event_type, fields, user_id, data in rows:
        if event_type == "code":
            update = base64.b64encode(data).decode("ascii")
            events.append({"t": t, "type": "code", "userId": user_id, "update": update})
        else:
            events.append({"t": t, "type": event_type, **json.loads(fields)})
    return events


def code_at(db: sqlite3.Connection, session_id: str, at_ms: int) -> str | None:
    """The code after every update made at or before ``at_ms``; None for an unknown session."""
    key = _key(db, session_id)
    if key is None:
        return None
    last = last_seq_at(db, key, at_ms)
    if last == 0:
        return ""
    doc = _document_at(db, key, last)
    return str(doc.get(TEXT_NAME, type=Text))


def last_seq_at(db: sqlite3.Connection, key: int, at_ms: int) -> int:
    """The last ``seq`` made at or before ``at_ms`` (0: none). Times never go back within a
    session and a keyframe's time is at least that of every record it covers, so the
    keyframes either side of ``at_ms`` bound the search to about KEYFRAME_EVERY rows: the
    updates table has no index on time (it would double the writer's cost per keystroke)."""
    low, high = db.execute(
        "SELECT coalesce(max(seq) FILTER (WHERE t <= ?2), 0), min(seq) FILTER (WHERE t > ?2) "
        "FROM keyframes WHERE session = ?1",
        (key, at_ms),
    ).fetchone()
    found = db.execute(
        "SELECT max(seq) FROM updates WHERE session = ? AND seq > ? AND seq <= ? AND t <= ?",
        (key, low, high if high is not None else _NO_SEQ_LIMIT, at_ms),
    ).fetchone()[0]
    return int(found) if found is not None else int(low)


def _document_at(db: sqlite3.Connection, key: int, last_seq: int) -> Doc[Text]:
    doc: Doc[Text] = Doc()
    keyframe = db.execute(
        "SELECT seq, state FROM keyframes WHERE session = ? AND seq <= ? ORDER BY seq DESC LIMIT 1",
        (key, last_seq),
    ).fetchone()
    after = 0
    if keyframe is not None:
        after = keyframe[0]
        doc.apply_update(zlib.decompress(keyframe[1]))
    for (data,) in db.execute(
        "SELECT data FROM updates WHERE session = ? AND seq > ? AND seq <= ? ORDER BY seq",
        (key, after, last_seq),
    ):
        doc.apply_update(data)
    return doc


def stored_session(db: sqlite3.Connection, session_id: str) -> dict[str, Any] | None:
    """Everything a room needs to come back: its document as one merged update (the last
    keyframe and what followed it, merged without integrating, so edits that were still
    waiting for others stay waiting), and its recent chat."""
    row = db.execute(
        "SELECT key, title, language, created_at, ended_at, prompt, starter_code, "
        "interviewer_key FROM sessions WHERE id = ?",
        (session_id,),
    ).fetchone()
    if row is None:
        return None
    key, title, language, created_at, ended_at, prompt, starter_code, interviewer_key = row
    return {
        "session_id": session_id,
        "title": title,
        "language": language,
        "created_at_ms": created_at,
        "ended_at_ms": ended_at,
        "state": _document_state(db, key),
        "chat": _recent_chat(db, key),
        "notes": notes_state(db, key),
        "prompt": prompt,
        "starter_code": json.loads(starter_code),
        "interviewer_key": interviewer_key,
        "identities": db.execute(
            "SELECT user_id, secret, role, removed FROM identities WHERE session = ? "
            "ORDER BY used, user_id",
            (key,),
        ).fetchall(),
    }


def _document_state(db: sqlite3.Connection, key: int) -> bytes:
    keyframe = db.execute(
        "SELECT seq, state FROM keyframes WHERE session = ? ORDER BY seq DESC LIMIT 1", (key,)
    ).fetchone()
    parts: list[bytes] = []
    after = 0
    if keyframe is not None:
        after = keyframe[0]
        parts.append(zlib.decompress(keyframe[1]))
    parts += [
        data
        for (data,) in db.execute(
            "SELECT data FROM updates WHERE session = ? AND seq > ? ORDER BY seq", (key, after)
        )
    ]
    return _merged(parts)


def _merged(parts: list[bytes]) -> bytes:
    state = merge_updates(*parts) if len(parts) > 1 else (parts[0] if parts else b"")
    return b"" if state == EMPTY_UPDATE else state


def notes_state(db: sqlite3.Connection, key: int) -> bytes:
    """The private notes as one Yjs update: every notes update merged (they are small, at
    most ``max_notes_bytes`` of text, so they need no keyframes)."""
    return _merged(
        [
            data
            for (data,) in db.execute(
                "SELECT data FROM notes WHERE session = ? ORDER BY seq", (key,)
            )
        ]
    )


def notes_text(db: sqlite3.Connection, session_id: str) -> str:
    key = _key(db, session_id)
    state = b"" if key is None else notes_state(db, key)
    if not state:
        return ""
    doc: Doc[Text] = Doc()
    doc.apply_update(state)
    return str(doc.get(TEXT_NAME, type=Text))


def _recent_chat(db: sqlite3.Connection, key: int) -> list[dict[str, Any]]:
    rows = db.execute(
        "SELECT t, fields FROM events WHERE session = ? AND type = 'chat' "
        "ORDER BY seq DESC LIMIT ?",
        (key, CHAT_REPLAYED),
    ).fetchall()
    return [{"t": t, **json.loads(fields)} for t, fields in reversed(rows)]
