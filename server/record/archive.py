"""The ``.pairpad`` archive: one session's whole record in one file, and back.

A gzip-compressed JSON document (``Archive`` below): the session (with its question), its
participants, every event and code update with its ``seq`` and time, updates in base64, and
the interviewers' private notes as their own list of Yjs updates (an archive without them, from
an earlier PairPad, reads as a session without notes; an earlier PairPad ignores them).
Keyframes are not in it: an import rebuilds them by replaying the updates through a
``CodeDocument``, which also checks every update as if a client had sent it, so a crafted
archive cannot put into the record what a live room would have refused.
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
from dataclasses import dataclass
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
    prompt: str = ""
    starterCode: dict[str, str] = msgspec.field(default_factory=dict)


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


class ArchivedNotes(msgspec.Struct):
    """One edit of the private notes (a Yjs update of their own document, base64)."""

    seq: int
    t: int
    userId: str
    update: str


class Archive(msgspec.Struct):
    format: Literal["pairpad-record"]
    version: int
    exportedAt: int
    session: ArchivedSession
    participants: list[ArchivedParticipant]
    entries: list[ArchivedEntry]
    notes: list[ArchivedNotes] = msgspec.field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ImportLimits:
    """The live room's limits, which an imported record must keep too."""

    max_notes_bytes: int
    max_prompt_chars: int
    max_starter_code_chars: int


# ---------------------------------------------------------------- export


def export(db: sqlite3.Connection, session_id: str) -> bytes | None:
    row = db.execute(
        "SELECT key, title, language, created_at, ended_at, prompt, starter_code FROM sessions "
        "WHERE id = ?",
        (session_id,),
    ).fetchone()
    if row is None:
        return None
    key, title, language, created_at, ended_at, prompt, starter_code = row
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
        session=ArchivedSession(
            session_id, title, language, created_at, ended_at, prompt, json.loads(starter_code)
        ),
        participants=participants,
        entries=_entries(db, key),
        notes=[
            ArchivedNotes(seq, t, user_id, base64.b64encode(data).decode("ascii"))
            for seq, t, user_id, data in db.execute(
                "SELECT seq, t, user_id, data FROM notes WHERE session = ? ORDER BY seq", (key,)
            )
        ],
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
    notes: list[tuple[int, int, str, bytes]]  # seq, t, userId, update


async def parse_in_thread(body: bytes, limits: ImportLimits) -> ParsedArchive:
    return await asyncio.to_thread(parse, body, limits)


def parse(body: bytes, limits: ImportLimits) -> ParsedArchive:
    """Unpack and check an archive (BadArchive, saying what is wrong), and rebuild its
    keyframes."""
    try:
        archive = msgspec.json.decode(_gunzip(body), type=Archive)
    except msgspec.ValidationError as error:
        raise BadArchive(str(error)) from None
    except msgspec.DecodeError as error:
        raise BadArchive(f"its content is not JSON ({error})") from None
    _check_session(archive.session, limits)
    if archive.version != VERSION:
        raise BadArchive(f"version {archive.version} is not one this PairPad reads ({VERSION})")
    parsed = _replay(archive)
    parsed.notes = _replay_notes(archive.notes, limits.max_notes_bytes)
    return parsed


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


def _check_session(session: ArchivedSession, limits: ImportLimits) -> None:
    if not _SESSION_ID.fullmatch(session.sessionId):
        raise BadArchive("`session.sessionId` must be 1 to 64 letters, digits, - or _")
    if session.language not in LANGUAGE_IDS:
        raise BadArchive(f"`session.language` must be one of {', '.join(sorted(LANGUAGE_IDS))}")
    if len(session.title) > MAX_TITLE_CHARS:
        raise BadArchive(f"`session.title` is longer than {MAX_TITLE_CHARS} characters")
    if len(session.prompt) > limits.max_prompt_chars:
        raise BadArchive(
            f"`session.prompt` is longer than {limits.max_prompt_chars} characters "
            "(max_prompt_chars)"
        )
    for language, code in session.starterCode.items():
        if language not in LANGUAGE_IDS or len(code) > limits.max_starter_code_chars:
            raise BadArchive(
                f"`session.starterCode.{language[:40]}` is not a language of PairPad or longer "
                f"than {limits.max_starter_code_chars} characters (max_starter_code_chars)"
            )


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
        [],
    )


def _replay_notes(notes: list[ArchivedNotes], max_bytes: int) -> list[tuple[int, int, str, bytes]]:
    """The notes' updates, each checked as if an interviewer's page had sent it."""
    document = CodeDocument(max_bytes=max_bytes)
    replayed = []
    last_seq, last_t = 0, 0
    for index, entry in enumerate(notes):
        where = f"`notes[{index}]`"
        if entry.seq <= last_seq or entry.t < last_t:
            raise BadArchive(f"{where} is out of order (seq and t must grow)")
        last_seq, last_t = entry.seq, entry.t
        data = _base64(entry.update, where)
        try:
            document.apply_update(data)
        except RefusedUpdate as error:
            raise BadArchive(f"{where}.update is refused: {error}") from None
        replayed.append((entry.seq, entry.t, entry.userId, data))
    return replayed


def _update_of(entry: ArchivedEntry, where: str) -> bytes:
    if entry.userId is None or entry.update is None:
        raise BadArchive(f"{where} is a code update without `userId` and `update`")
    return _base64(entry.update, where)


def _base64(text: str, where: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise BadArchive(f"{where}.update is not base64") from None


def write(db: sqlite3.Connection, record: ParsedArchive) -> bool:
    """In the writer's transaction; False when the session already exists here."""
    session = record.session
    if db.execute("SELECT 1 FROM sessions WHERE id = ?", (session.sessionId,)).fetchone():
        return False
    rows = [*record.events, *record.updates, *record.notes]
    last_seq = max([0] + [row[0] for row in rows])
    last_t = max([session.createdAt] + [row[1] for row in rows])
    key = db.execute(
        "INSERT INTO sessions (id, title, language, created_at, ended_at, last_seq, last_t, "
        "code_size, prompt, starter_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            session.sessionId,
            session.title,
            session.language,
            session.createdAt,
            session.endedAt,
            last_seq,
            last_t,
            record.code_size,
            session.prompt,
            json.dumps(session.starterCode, ensure_ascii=False),
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
    db.executemany(
        "INSERT INTO notes (session, seq, t, user_id, data) VALUES (?, ?, ?, ?, ?)",
        [(key, *notes) for notes in record.notes],
    )
    return True
