"""``/api/sessions/{id}/notes``: the interviewers' private notes for scripts, host only.
They are stored with the interview record (server/record), like the code."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from pydantic import BaseModel

from .api import NO_STORE
from .host_auth import require_host
from .refusals import TooManySessions
from .rooms import Room
from .state import app_state

router = APIRouter(prefix="/api", dependencies=[Depends(require_host)])


class Notes(BaseModel):
    text: str


async def _room(request: Request, session_id: str) -> Room:
    """The room, brought back from the record if it left memory (idle, or a restart): the
    notes are stored with it."""
    try:
        room = await app_state(request.app).rooms.find(session_id)
    except TooManySessions as error:
        raise HTTPException(503, str(error)) from error
    if room is None:
        raise HTTPException(404, "Session not found")
    return room


@router.get("/sessions/{session_id}/notes")
async def get_notes(request: Request, response: Response, session_id: str) -> dict[str, str]:
    response.headers.update(NO_STORE)
    return {"text": (await _room(request, session_id)).notes.text}


@router.put("/sessions/{session_id}/notes")
async def put_notes(
    request: Request, response: Response, session_id: str, body: Notes
) -> dict[str, str]:
    """Replace the notes; interviewers in the room see the change merge into their pane."""
    room = await _room(request, session_id)
    limit = app_state(request.app).settings.max_notes_bytes
    if len(body.text.encode()) > limit:
        raise HTTPException(422, f"`text` is too long (at most {limit} bytes: max_notes_bytes)")
    room.replace_notes(body.text)
    response.headers.update(NO_STORE)
    return {"text": room.notes.text}
