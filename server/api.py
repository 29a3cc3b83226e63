"""REST: create and inspect sessions, health, the LAN addresses to share, the languages."""

from __future__ import annotations

import asyncio
import io
from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response
from pydantic import BaseModel

from . import __version__, network
from .document import normalise_newlines
from .languages import LANGUAGE_IDS, LANGUAGES
from .rooms import Room, TooManySessions
from .state import app_state

router = APIRouter(prefix="/api")


class CreateSession(BaseModel):
    title: str = ""
    language: str | None = None


def _links(room: Room) -> dict[str, str]:
    # Paths, not URLs: the same session is reached through several addresses (loopback,
    # each LAN interface), and clients know which one they are using.
    return {"joinUrl": f"/s/{room.id}", "wsUrl": f"/ws/{room.id}"}


@router.post("/sessions", status_code=201)
async def create_session(request: Request, body: CreateSession | None = None) -> dict[str, Any]:
    state = app_state(request.app)
    body = body or CreateSession()
    title = " ".join(normalise_newlines(body.title).split())
    if len(title) > state.settings.max_title_chars:
        raise HTTPException(
            422, f"`title` is too long (at most {state.settings.max_title_chars} characters)"
        )
    language = body.language or state.settings.default_language
    if language not in LANGUAGE_IDS:
        raise HTTPException(422, f"`language` must be one of {', '.join(sorted(LANGUAGE_IDS))}")
    try:
        room = state.rooms.create(title=title, language=language)
    except TooManySessions as error:
        raise HTTPException(503, str(error)) from error
    return {**room.summary(), **_links(room)}


@router.get("/sessions/{session_id}")
async def get_session(request: Request, session_id: str) -> dict[str, Any]:
    room = app_state(request.app).rooms.get(session_id)
    if room is None:
        raise HTTPException(404, "Session not found")
    return {**room.summary(), **_links(room), "code": room.document.code}


@router.get("/health")
async def health(request: Request) -> dict[str, Any]:
    state = app_state(request.app)
    rooms = state.rooms
    return {
        "status": "ok",
        "version": __version__,
        "sessions": len(rooms),
        "connections": rooms.connection_count,
        # Flat over hours of use, or something leaks (the soak test watches it).
        "tasks": len(asyncio.all_tasks()),
        # Every room waits while one message is handled: this must stay a few milliseconds.
        "slowestMessageMs": round(state.message_stats.slowest_seconds * 1000, 3),
        "slowestMessageType": state.message_stats.slowest_type,
    }


@router.get("/languages")
async def languages() -> list[dict[str, str]]:
    return [
        {"id": language.id, "name": language.name, "fileExtension": language.file_extension}
        for language in LANGUAGES
    ]


MAX_QR_TEXT = 1024


@router.get("/qr.svg")
async def qr_code(text: str) -> Response:
    """A QR code of a join link, drawn here so the page needs no QR library and no network."""
    if not text or len(text) > MAX_QR_TEXT:
        raise HTTPException(422, f"`text` must have 1 to {MAX_QR_TEXT} characters")
    import segno  # only needed when someone shares a link

    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="svg", scale=4, border=2)
    return Response(
        buffer.getvalue(), media_type="image/svg+xml", headers={"cache-control": "max-age=3600"}
    )


@router.get("/network")
async def lan_network(request: Request) -> dict[str, Any]:
    settings = app_state(request.app).settings
    server = request.scope.get("server")
    port = server[1] if server and server[1] else settings.port
    hosts = network.join_hosts(settings.host, network.system_addresses())
    local = network.http_url("127.0.0.1", port)
    return {
        "bindHost": settings.host,
        "port": port,
        # Empty when the server only listens on loopback: nobody else can join then.
        "lanReachable": bool(hosts),
        "addresses": [network.http_url(host, port) for host in hosts] or [local],
        "localUrl": local,
    }
