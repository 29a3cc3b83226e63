"""REST: create and inspect sessions, health, the LAN addresses to share, the languages.

Creating a session is the one call that costs the server memory for hours, so it is guarded:
only PairPad's own pages may call it from a browser (a page elsewhere could otherwise fill
``max_rooms`` through its visitors, with no CORS preflight for an empty POST), a body must be
JSON, and each client address may create ``session_creations_per_minute``
(``server/creation_limit.py``).
"""

from __future__ import annotations

import asyncio
import json
import math
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from pydantic import BaseModel

from . import __version__, network, templates
from .document import normalise_newlines
from .host_auth import require_host
from .hosts import origin_allowed
from .languages import LANGUAGE_IDS, LANGUAGES
from .messages import SERVER_USER_ID
from .record import reads
from .refusals import TooManySessions
from .rooms import Question, Room
from .state import app_state

router = APIRouter(prefix="/api")

# A session's id is its key: no cache may keep a response that carries one.
NO_STORE = {"cache-control": "no-store"}
# Longest Origin a refusal repeats: the header is someone else's text.
MAX_ORIGIN_IN_REFUSAL = 300
NOT_JSON = (
    "Send the new session's settings as JSON (Content-Type: application/json), or no body at all."
)


async def creation_allowed(request: Request) -> None:
    """Refusals that must come before the body is validated: a foreign page (403) and a body
    that is not JSON (415). A dependency, because FastAPI solves those before it reports the
    body's validation errors."""
    settings = app_state(request.app).settings
    if not origin_allowed(request.headers, settings):
        raise HTTPException(403, _foreign_origin(request.headers.get("origin", "")))
    # FastAPI has read the body already (at most max_request_body_bytes); an empty one stays
    # allowed: the JSON is optional and scripts rely on a bare `curl -X POST`.
    if await request.body() and not _is_json(request.headers.get("content-type")):
        raise HTTPException(415, NOT_JSON)


def _foreign_origin(origin: str) -> str:
    origin = origin[:MAX_ORIGIN_IN_REFUSAL]
    setting = json.dumps([origin])
    return (
        f"PairPad creates sessions only for its own pages, not for the origin '{origin}'; "
        f"start it with --allowed-origins '{setting}' (PAIRPAD_ALLOWED_ORIGINS) to allow it."
    )


def _is_json(content_type: str | None) -> bool:
    return (content_type or "").partition(";")[0].strip().lower() == "application/json"


class CreateSession(BaseModel):
    title: str = ""
    language: str | None = None
    # A question of the library (GET /api/templates): its prompt and starter code.
    templateId: str | None = None


def _links(room: Room) -> dict[str, str]:
    # Paths, not URLs: the same session is reached through several addresses (loopback,
    # each LAN interface), and clients know which one they are using.
    return {"joinUrl": f"/s/{room.id}", "wsUrl": f"/ws/{room.id}"}


def _host_links(room: Room) -> dict[str, str]:
    """For the host's eyes only: the key in this link makes whoever opens it an interviewer
    of this one session (the web UI passes it on as ``/ws/{id}?key=...``)."""
    return {"interviewerUrl": f"/s/{room.id}?key={room.interviewer_key}"}


# Host first: a caller without the token learns nothing more about what it sent.
@router.post(
    "/sessions",
    status_code=201,
    dependencies=[Depends(require_host), Depends(creation_allowed)],
)
async def create_session(
    request: Request, response: Response, body: CreateSession | None = None
) -> dict[str, Any]:
    state = app_state(request.app)
    body = body or CreateSession()
    template = await _template(request, body.templateId)
    title = " ".join(normalise_newlines(body.title).split()) or template.get("title", "")
    if len(title) > state.settings.max_title_chars:
        raise HTTPException(
            422, f"`title` is too long (at most {state.settings.max_title_chars} characters)"
        )
    starter_code: dict[str, str] = template.get("starterCode", {})
    language = body.language or _language_for(starter_code, state.settings.default_language)
    if language not in LANGUAGE_IDS:
        raise HTTPException(422, f"`language` must be one of {', '.join(sorted(LANGUAGE_IDS))}")
    _take_creation(request)
    question = Question(prompt=template.get("prompt", ""), starter_code=starter_code)
    try:
        room = state.rooms.create(title=title, language=language, question=question)
    except TooManySessions as error:
        raise HTTPException(503, str(error)) from error
    response.headers.update(NO_STORE)
    return {**room.summary(), **_links(room), **_host_links(room)}


async def _template(request: Request, template_id: str | None) -> dict[str, Any]:
    """The library's question a session starts from ({} for none); 422 for an unknown id."""
    if template_id is None:
        return {}
    found: dict[str, Any] | None = await app_state(request.app).recorder.read(
        templates.get, template_id
    )
    if found is None:
        raise HTTPException(422, "`templateId` names no question of the library")
    return found


def _language_for(starter_code: dict[str, str], default: str) -> str:
    """The default language, unless the question has starter code only in others."""
    if not starter_code or default in starter_code:
        return default
    return next(iter(starter_code))


@router.post(
    "/sessions/{session_id}/reopen",
    status_code=201,
    dependencies=[Depends(require_host), Depends(creation_allowed)],
)
async def reopen_session(request: Request, response: Response, session_id: str) -> dict[str, Any]:
    """A follow-up interview: a new live session whose code starts from the past one's final
    code, in its language, with its question, linked to its record (``reopenedFrom``). The
    past record is not touched."""
    state = app_state(request.app)
    past = await state.recorder.read(reads.final_state, session_id)
    if past is None:
        raise HTTPException(404, "Session not found")
    live = state.rooms.get(session_id)  # in memory: its state is the newest
    code = live.document.code if live is not None else past["code"]
    language = live.language if live is not None else past["language"]
    _take_creation(request)
    try:
        room = state.rooms.create(
            title=past["title"],
            language=language,
            question=Question(prompt=past["prompt"], starter_code=past["starterCode"]),
            code=code,
            reopened_from=session_id,
        )
    except TooManySessions as error:
        raise HTTPException(503, str(error)) from error
    response.headers.update(NO_STORE)
    return {**room.summary(), **_links(room), **_host_links(room), "reopenedFrom": session_id}


def _take_creation(request: Request) -> None:
    """Count this creation against the client's address, or refuse it with 429. Last of the
    checks, so a refused or invalid request costs the client nothing."""
    creations = app_state(request.app).creations
    address = request.client.host if request.client else None
    seconds = creations.retry_after(address)
    if seconds is not None and address is not None:
        retry = str(max(1, math.ceil(seconds)))
        raise HTTPException(429, creations.refusal(address, seconds), {"retry-after": retry})


async def _room_or_404(request: Request, session_id: str) -> Room:
    try:
        room = await app_state(request.app).rooms.find(session_id)  # in memory or on disk
    except TooManySessions as error:
        raise HTTPException(503, str(error)) from error
    if room is None:
        raise HTTPException(404, "Session not found")
    return room


@router.get("/sessions/{session_id}")
async def get_session(request: Request, response: Response, session_id: str) -> dict[str, Any]:
    room = await _room_or_404(request, session_id)
    response.headers.update(NO_STORE)  # the answer carries the interview's code
    return {**room.summary(), **_links(room), "code": room.document.code}


@router.get("/sessions/{session_id}/interviewer-link", dependencies=[Depends(require_host)])
async def interviewer_link(request: Request, response: Response, session_id: str) -> dict[str, str]:
    """The co-interviewer link again, for the host's room page (POST gave it once)."""
    room = await _room_or_404(request, session_id)
    response.headers.update(NO_STORE)
    return _host_links(room)


@router.post("/sessions/{session_id}/end", dependencies=[Depends(require_host)])
async def end_session(request: Request, response: Response, session_id: str) -> dict[str, Any]:
    """The host ends the interview: everyone gets session-ended and the code is frozen.
    Ending an ended session answers the same."""
    room = await _room_or_404(request, session_id)
    room.end(SERVER_USER_ID)
    response.headers.update(NO_STORE)
    return {**room.summary(), **_links(room)}


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
async def qr_code(request: Request, text: str) -> Response:
    """A QR code of a join link, drawn here so the page needs no QR library and no network."""
    if not text or len(text) > MAX_QR_TEXT:
        raise HTTPException(422, f"`text` must have 1 to {MAX_QR_TEXT} characters")
    svg = await app_state(request.app).qr_codes.svg(text)
    return Response(svg, media_type="image/svg+xml", headers={"cache-control": "max-age=3600"})


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
