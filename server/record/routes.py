"""The record's HTTP interface, every call the interviewer's only (``require_host``).

Reads run in worker threads (``Recorder.read``) after a barrier, so an answer includes
everything said and typed before the request, and the event loop never waits on the disk.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.responses import PlainTextResponse

from ..host_auth import require_host
from ..state import app_state
from . import archive, reads

router = APIRouter(prefix="/api", dependencies=[Depends(require_host)])

NO_STORE = {"cache-control": "no-store"}
NOT_FOUND = "Session not found"
EXPORT_FORMATS = ("pairpad", "html")


@router.get("/sessions")
async def list_sessions(request: Request, response: Response) -> list[dict[str, Any]]:
    response.headers.update(NO_STORE)
    state = app_state(request.app)
    sessions: list[dict[str, Any]] = await state.recorder.read(reads.list_sessions)
    for session in sessions:  # a live room knows its size better than its last keyframe
        room = state.rooms.get(session["sessionId"])
        if room is not None:
            session["codeSize"] = len(room.document.code.encode())
    return sessions


@router.get("/sessions/{session_id}/history")
async def history(request: Request, response: Response, session_id: str) -> dict[str, Any]:
    events = await app_state(request.app).recorder.read(reads.history, session_id)
    if events is None:
        raise HTTPException(404, NOT_FOUND)
    response.headers.update(NO_STORE)
    return {"events": events}


@router.get("/sessions/{session_id}/code", response_class=PlainTextResponse)
async def code_at(request: Request, session_id: str, at: str) -> PlainTextResponse:
    instant = _instant(at)
    code = await app_state(request.app).recorder.read(reads.code_at, session_id, instant)
    if code is None:
        raise HTTPException(404, NOT_FOUND)
    return PlainTextResponse(code, headers=NO_STORE)


def _instant(at: str) -> int:
    """``at`` is milliseconds since the epoch, as the history's ``t``."""
    try:
        instant = int(at)
    except ValueError:
        raise HTTPException(
            422, "`at` must be an instant in milliseconds since the epoch, e.g. 1795637424470"
        ) from None
    if not 0 <= instant < reads.LATEST:
        raise HTTPException(422, "`at` is out of range (milliseconds since the epoch)")
    return instant


@router.delete("/sessions/{session_id}", status_code=204)
async def delete_session(request: Request, session_id: str) -> Response:
    if not await app_state(request.app).rooms.delete(session_id):
        raise HTTPException(404, NOT_FOUND)
    return Response(status_code=204)


@router.get("/sessions/{session_id}/export")
async def export(request: Request, session_id: str, format: str = "pairpad") -> Response:
    if format not in EXPORT_FORMATS:
        raise HTTPException(422, f"`format` must be one of {', '.join(EXPORT_FORMATS)}")
    recorder = app_state(request.app).recorder
    if format == "html":
        from . import html_export  # only when asked for

        page = await recorder.read(html_export.render, session_id)
        if page is None:
            raise HTTPException(404, NOT_FOUND)
        return Response(
            page,
            media_type="text/html; charset=utf-8",
            headers={**NO_STORE, **_attachment(f"pairpad-{session_id}.html")},
        )
    body = await recorder.read(archive.export, session_id)
    if body is None:
        raise HTTPException(404, NOT_FOUND)
    return Response(
        body,
        media_type=archive.MEDIA_TYPE,
        headers={**NO_STORE, **_attachment(f"pairpad-{session_id}{archive.SUFFIX}")},
    )


def _attachment(name: str) -> dict[str, str]:
    return {"content-disposition": f'attachment; filename="{name}"'}


@router.post("/sessions/import", status_code=201)
async def import_session(request: Request) -> dict[str, Any]:
    """The body is an archive from ``export?format=pairpad`` (at most ``max_import_bytes``,
    which the body limit allows on this path only)."""
    state = app_state(request.app)
    body = await request.body()
    settings = state.settings
    limits = archive.ImportLimits(
        settings.max_notes_bytes, settings.max_prompt_chars, settings.max_starter_code_chars
    )
    try:
        record = await archive.parse_in_thread(body, limits)
    except archive.BadArchive as error:
        raise HTTPException(422, f"Not a PairPad archive: {error}") from None
    if state.rooms.get(record.session.sessionId) is not None:
        raise HTTPException(409, _exists(record.session.sessionId))
    try:
        imported = await state.recorder.write_imported(
            record.session.sessionId, lambda db: archive.write(db, record)
        )
    except sqlite3.IntegrityError:
        imported = False
    if not imported:
        raise HTTPException(409, _exists(record.session.sessionId))
    return {"sessionId": record.session.sessionId, "title": record.session.title}


def _exists(session_id: str) -> str:
    return f"Session {session_id} already exists here; delete it first to import it again"
