"""Host credentials: who may act as the interviewer.

The server has one host token (``PAIRPAD_HOST_TOKEN``, or a random one made at start-up).
Scripts present it as ``Authorization: Bearer <token>``; browsers carry it in the
``pairpad_host`` cookie, set by opening the host link ``/host?token=<token>``. Tokens are
compared in constant time, so a LAN visitor cannot learn one byte at a time by timing.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterable

from fastapi import HTTPException, Request

from .state import app_state

HOST_COOKIE = "pairpad_host"
# 256 bits: the brief asks for at least 128, and a longer link costs nothing.
TOKEN_BYTES = 32
NOT_HOST = (
    "Only the interviewer may do this: send the host token as 'Authorization: Bearer <token>', "
    "or open the host link PairPad printed at start-up (Interviewer console: .../host?token=...)."
)


def make_host_token(configured: str | None) -> str:
    """The configured token, or a fresh random one for this run of the server."""
    return configured if configured else secrets.token_urlsafe(TOKEN_BYTES)


def token_matches(presented: str | None, token: str) -> bool:
    if not presented:
        return False
    return hmac.compare_digest(presented.encode(), token.encode())


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, else None."""
    if not authorization:
        return None
    scheme, _, credentials = authorization.strip().partition(" ")
    return credentials.strip() if scheme.lower() == "bearer" else None


def cookie_token(cookie_header: str | None) -> str | None:
    """The host cookie's value in a ``Cookie`` header, else None."""
    for part in (cookie_header or "").split(";"):
        name, _, value = part.strip().partition("=")
        if name == HOST_COOKIE:
            return value
    return None


def presents_host_token(headers: Iterable[tuple[str, str]], token: str) -> bool:
    """True when the (lower-case name, value) headers of an HTTP request or a WebSocket
    handshake carry the host token, as a bearer token or as the host cookie."""
    for name, value in headers:
        if name == "authorization" and token_matches(bearer_token(value), token):
            return True
        if name == "cookie" and token_matches(cookie_token(value), token):
            return True
    return False


def is_host(request: Request) -> bool:
    return presents_host_token(request.headers.items(), app_state(request.app).host_token)


async def require_host(request: Request) -> None:
    """FastAPI dependency of every host-only call: 401 with a sentence saying what to send."""
    if not is_host(request):
        raise HTTPException(401, NOT_HOST, headers={"WWW-Authenticate": "Bearer"})
