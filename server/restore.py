"""Undoing vandalism: an interviewer brings a live session's code back to an earlier instant.

Two doors, one path. The host calls ``POST /api/sessions/{id}/restore`` (the replay page's
button); an interviewer in the room (host token or the session's interviewer key on the
socket) sends ``restore-code``. Either way the code at that instant is read from the record
in a worker thread (never on the event loop), then applied by ``Room.restore_code`` as one
minimal edit through the room, and recorded as a ``restore`` event saying who and which
instant. Candidates can do neither: the REST call needs host credentials and the event is
refused from a candidate's socket.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response

from . import messages as m
from .host_auth import require_host
from .record import reads
from .refusals import TooManySessions
from .state import app_state

if TYPE_CHECKING:
    from .rooms import Room
    from .session_socket import Connection

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api", dependencies=[Depends(require_host)])

BAD_AT = 'Send {"at": <milliseconds since the epoch>} as JSON, e.g. {"at": 1795637424470}'
ALREADY_RESTORING = "A restore of this session is already under way; try again in a moment"
NO_RECORD = "This session has no record to restore from"


async def restore(room: Room, at_ms: int, by: m.Person | None) -> bool:
    """Read the code at ``at_ms`` and apply it; ProtocolError when the room refuses (ended,
    no record). Returns whether the code changed."""
    if room.ended_at is not None:
        raise m.ProtocolError(m.SESSION_ENDED)
    code = await room.record.code_at(at_ms)
    if code is None:
        raise m.ProtocolError(NO_RECORD)
    return room.restore_code(code, at_ms=at_ms, by=by)


def start_restore(room: Room, connection: Connection, at_ms: int, by: m.Person) -> None:
    """``restore-code`` from an interviewer's socket: the read happens in the background and
    a refusal reaches that socket as an error. One restore at a time per room."""
    if room.restoring is not None and not room.restoring.done():
        raise m.ProtocolError(ALREADY_RESTORING)

    async def run() -> None:
        try:
            await restore(room, at_ms, by)
        except m.ProtocolError as error:
            connection.send_error(str(error))
        except Exception:
            # As for any message: a bug costs this restore, not the connection or the room.
            log.exception("error restoring %s for %r", room.id, connection)
            connection.send_error("Internal server error while handling restore-code")

    room.restoring = asyncio.ensure_future(run())


@router.post("/sessions/{session_id}/restore")
async def restore_session(request: Request, response: Response, session_id: str) -> dict[str, Any]:
    """The host restores a live session's code to its text at ``at``."""
    at_ms = _instant(await request.body())
    try:
        room = await app_state(request.app).rooms.find(session_id)
    except TooManySessions as error:
        raise HTTPException(503, str(error)) from error
    if room is None:
        raise HTTPException(404, "Session not found")
    try:
        changed = await restore(room, at_ms, None)
    except m.ProtocolError as error:
        raise HTTPException(409, str(error)) from None
    response.headers["cache-control"] = "no-store"
    return {"sessionId": room.id, "at": at_ms, "changed": changed, "code": room.document.code}


def _instant(body: bytes) -> int:
    try:
        parsed = json.loads(body) if body else None
    except ValueError:
        raise HTTPException(422, BAD_AT) from None
    at = parsed.get("at") if isinstance(parsed, dict) else None
    if not isinstance(at, int) or isinstance(at, bool):
        raise HTTPException(422, BAD_AT)
    if not 0 <= at < reads.LATEST:
        raise HTTPException(422, "`at` is out of range (milliseconds since the epoch)")
    return at
