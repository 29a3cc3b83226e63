"""The host's door: the host link that turns the token into a cookie, and ``whoami``, which
tells the page whether it is the host's (it cannot read the HttpOnly cookie itself)."""

from __future__ import annotations

import html

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from .host_auth import HOST_COOKIE, is_host, token_matches
from .state import app_state

router = APIRouter()

WRONG_LINK = """<!doctype html><meta charset="utf-8"><title>PairPad: not the host link</title>
<h1>This is not the interviewer's link</h1>
<p>{reason} Open the link PairPad printed when it started
(<code>Interviewer console: http://…/host?token=…</code>), or the one in its window.</p>
<p>Candidates join through the session link the interviewer shares.</p>"""


@router.get("/host", include_in_schema=False)
async def host_link(request: Request, token: str = "") -> Response:
    """A right token: the host cookie, and a redirect to the console without the token in the
    address bar (nor in the history). A wrong one: 401, and no cookie."""
    host_token = app_state(request.app).host_token
    if not token_matches(token, host_token):
        reason = "The link has no token." if not token else "Its token is not this PairPad's."
        page = WRONG_LINK.format(reason=html.escape(reason))
        return HTMLResponse(page, status_code=401, headers={"cache-control": "no-store"})
    response = RedirectResponse("/", status_code=303, headers={"cache-control": "no-store"})
    # HttpOnly: no script can read it; Strict: no other site's page can send it. Not Secure:
    # PairPad is plain http on the LAN. A session cookie: the next start may bring a new token.
    response.set_cookie(HOST_COOKIE, host_token, path="/", httponly=True, samesite="strict")
    return response


@router.get("/api/whoami")
async def whoami(request: Request, response: Response) -> dict[str, bool]:
    response.headers["cache-control"] = "no-store"
    return {"host": is_host(request)}
