"""The ``.pairpad`` archive: one session's whole record in one file, and back.

A gzip-compressed JSON document (``Archive`` below): the session, its participants, and every
event and code update with its ``seq`` and time, updates in base64. Keyframes are not in it:
an import rebuilds them by replaying the updates through a ``CodeDocument``, which also
checks every update as if a client had sent it, so a crafted archive cannot put into the
record what a live room would have refused.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import gzip
import json
import re
import sqlite3
import time
import zlib
from typing import Any, Final, Literal

import msgspec

from ..document import CodeDocument, RefusedUpdate
from ..languages import LANGUAGE_IDS
from .writer import KEYFRAME_EVERY

MEDIA_TYPE = "application/gzip"
SUFFIX = ".pairpad"
FORMAT: Final = "pairpad-record"
VERSION = 1
# However small the archive, what it unpacks to is bounded: a gzip bomb stops here.
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
_SESSION_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
MAX_TITLE_CHARS = 1000
MAX_EVENT_TYPE_CHARS = 64


class BadArchive(ValueError):
    pass


class ArchivedSession(msgspec.Struct):
    sessionId: str
    title: str
    language: str
    createdAt: int
    endedAt: int | None = None


class ArchivedParticipant(msgspec.Struct):
    userId: str
    username: str


class ArchivedEntry(msgspec.Struct, omit_defaults=True):
    seq: int
    t: int
    type: str
    fields: dict[str, Any] | None = None  # events
    userId: str | None = None  # code updates
    update: str | None = None  # code updates, base64


class Archive(msgspec.Struct):
    format: Literal["pairpad-record"]
    version: int
    exportedAt: int
    session: ArchivedSession
    participants: list[ArchivedParticipant]
    entries: list[ArchivedEntry]


# ---------------------------------------------------------------- export


def export(db: sqlite3.Connection, session_id: str) -> bytes | None:
    row = db.execute(
        "SELECT key, title, language, created_at, ended_at FROM sessions WHERE id = ?",
        (session_id,),
    ).fetchone()
    if row is None:
        return None
    key, title, language, created_at, ended_at = row
    participants = [
        ArchivedParticipant(user_id, username)
        for user_id, username in db.execute(
            "SELECT user_id, username FROM participants WHERE session = ?", (key,)
        )
    ]
    archive = Archive(
        format=FORMAT,
        version=VERSION,
        exportedAt=int(time.time() * 1000),
        session=ArchivedSession(session_id, title, language, created_at, ended_at),
        participants=participants,
        entries=_entries(db, key),
    )
    return gzip.compress(msgspec.json.encode(archive), compresslevel=6)


def _entries(db: sqlite3.Connection, key: int) -> list[ArchivedEntry]:
    rows = db.execute(
        "SELECT seq, t, type, fields, NULL, NULL FROM events WHERE session = ?1 "
        "UNION ALL SELECT seq, t, 'code', NULL, user_id, data FROM updates WHERE session = ?1 "
        "ORDER BY seq",
        (key,),
    )
    entries = []
    for seq, t, entry_type, fields, user_id, data in rows:
        if data is not None:
            update = base64.b64encode(data).decode("ascii")
            entries.append(ArchivedEntry(seq, t, "code", userId=user_id, update=update))
        else:
            entries.append(ArchivedEntry(seq, t, entry_type, fields=json.loads(fields)))
    return entries


# ---------------------------------------------------------------- import


class ParsedArchive(msgspec.Struct):
    session: ArchivedSession
    participants: list[ArchivedParticipant]
    events: list[tuple[int, int, str, str]]  # seq, t, type, fields as JSON
    updates: list[tuple[int, int, str, bytes]]  # seq, t, userId, update
    keyframes: list[tuple[int, int, bytes]]  # seq, t, compressed state
    code_size: int


async def parse_in_thread(body: bytes) -> ParsedArchive:
    return await asyncio.to_thread(parse, body)


def parse(body: bytes) -> ParsedArchive:
    """Unpack and check an archive (BadArchive, saying what is wrong), and rebuild its
    keyframes."""
    try:
        archive = msgspec.json.decode(_gunzip(body), type=Archive)
    except msgspec.ValidationError as error:
        raise BadArchive(str(error)) from None
    except msgspec.DecodeError as error:
        raise BadArchive(f"its content is not JSON ({error})") from None
    _check_session(archive.session)
    if archive.version != VERSION:
        raise BadArchive(f"version {archive.version} is not one this PairPad reads ({VERSION})")
    return _replay(archive)


def _gunzip(body: bytes) -> bytes:
    unpacker = zlib.decompressobj(wbits=31)  # gzip framing
    try:
        data = unpacker.decompress(body, MAX_UNPACKED_BYTES)
    except zlib.error as error:
        raise BadArchive(f"it is not gzip-compressed ({error})") from None
    if unpacker.unconsumed_tail:
        raise BadArchive(f"it unpacks to more than {MAX_UNPACKED_BYTES:,} bytes")
    if not unpacker.eof:
        raise BadArchive("it is cut short")
    return data


def _check_session(session: ArchivedSession) -> None:
    if not _SESSION_ID.fullmatch(session.sessionId):
        raise BadArchive("`session.sessionId` must be 1 to 64 letters, digits, - or _")
    if session.language not in LANGUAGE_IDS:
        raise BadArchive(f"`session.language` must be one of {', '.join(sorted(LANGUAGE_IDS))}")
    if len(session.title) > MAX_TITLE_CHARS:
        raise BadArchive(f"`session.title` is longer than {MAX_TITLE_CHARS} characters")


def _replay(archive: Archive) -> ParsedArchive:
    document = CodeDocument()
    events: list[tuple[int, int, str, str]] = []
    updates: list[tuple[int, int, str, bytes]] = []
    keyframes: list[tuple[int, int, bytes]] = []
    last_seq, last_t = 0, 0
    for index, entry in enumerate(archive.entries):
        where = f"`entries[{index}]`"
        if entry.seq <= last_seq or entry.t < last_t:
            raise BadArchive(f"{where} is out of order (seq and t must grow)")
        last_seq, last_t = entry.seq, entry.t
        if entry.type != "code":
            if len(entry.type) > MAX_EVENT_TYPE_CHARS or entry.fields is None:
                raise BadArchive(f"{where} is an event without `fields` or with a too long type")
            events.append((entry.seq, entry.t, entry.type, json.dumps(entry.fields)))
            continue
        data = _update_of(entry, where)
        try:
            document.apply_update(data)
        except RefusedUpdate as error:
            raise BadArchive(f"{where}.update is refused: {error}") from None
        updates.append((entry.seq, entry.t, entry.userId or "", data))
        if len(updates) % KEYFRAME_EVERY == 0 and not document.pending_bytes:
            keyframes.append((entry.seq, entry.t, zlib.compress(document.update_since(None))))
    return ParsedArchive(
        archive.session,
        archive.participants,
        events,
        updates,
        keyframes,
        len(document.code.encode()),
    )


def _update_of(entry: ArchivedEntry, where: str) -> bytes:
    if entry.userId is None or entry.update is None:
        raise BadArchive(f"{where} is a code update without `userId` and `update`")
    try:
        return base64.b64decode(entry.update, validate=True)
    except (binascii.Error, ValueError):
        raise BadArchive(f"{where}.update is not base64") from None


def write(db: sqlite3.Connection, record: ParsedArchive) -> bool:
    """In the writer's transaction; False when the session already exists here."""
    session = record.session
    if db.execute("SELECT 1 FROM sessions WHERE id = ?", (session.sessionId,)).fetchone():
        return False
    last_seq = max([0] + [e[0] for e in record.events] + [u[0] for u in record.updates])
    last_t = max(
        [session.createdAt] + [e[1] for e in record.events] + [u[1] for u in record.updates]
    )
    key = db.execute(
        "INSERT INTO sessions (id, title, language, created_at, ended_at, last_seq, last_t, "
        "code_size) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            session.sessionId,
            session.title,
            session.language,
            session.createdAt,
            session.endedAt,
            last_seq,
            last_t,
            record.code_size,
        ),
    ).lastrowid
    db.executemany(
        "INSERT OR REPLACE INTO participants (session, user_id, username) VALUES (?, ?, ?)",
        [(key, p.userId, p.username) for p in record.participants],
    )
    db.executemany(
        "INSERT INTO events (session, seq, t, type, fields) VALUES (?, ?, ?, ?, ?)",
        [(key, *event) for event in record.events],
    )
    db.executemany(
        "INSERT INTO updates (session, seq, t, user_id, data) VALUES (?, ?, ?, ?, ?)",
        [(key, *update) for update in record.updates],
    )
    db.executemany(
        "INSERT INTO keyframes (session, seq, t, state) VALUES (?, ?, ?, ?)",
        [(key, *keyframe) for keyframe in record.keyframes],
    )
    return True
