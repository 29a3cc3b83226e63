"""404s: a page a person can use for an unknown page, JSON for the API.

Someone who mistypes a link (``/s/abc/x``, ``/helo``) should land on something that says what
happened and offers a way home, not ``{"detail":"Not Found"}``; scripts calling ``/api/...``
keep the JSON answer they parse.
"""

from __future__ import annotations

import html

from fastapi.exception_handlers import http_exception_handler
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

# Paths whose callers are programs: they get FastAPI's JSON error.
MACHINE_PREFIXES = ("/api/", "/ws/")
# Inline style only: the page must render even when the UI's assets are what is missing, and the
# security headers allow inline styles but no scripts.
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Page not found · PairPad</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:15vh auto;padding:0 1rem;
color:#1f2328}}a{{color:#0969da}}code{{background:#f0f1f3;padding:0 .25em;border-radius:3px}}
@media (prefers-color-scheme:dark){{body{{background:#0d1117;color:#e6edf3}}a{{color:#4493f8}}
code{{background:#262c36}}}}</style></head>
<body><main><h1>Page not found</h1>
<p>PairPad has no page at <code>{path}</code>. If someone sent you a link to an interview,
check that you copied all of it, or ask them to send it again.</p>
<p><a href="/" data-testid="home-link">Go to PairPad's home page</a></p></main></body></html>
"""


async def not_found(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)  # registered for status 404 only
    path = request.url.path
    if path.startswith(MACHINE_PREFIXES):
        return await http_exception_handler(request, exc)
    # The path is the visitor's own text: escaped, and cut so a long URL cannot stretch the page.
    shown = html.escape(path if len(path) <= 200 else path[:200] + "…")
    return HTMLResponse(PAGE.format(path=shown), status_code=404)


def serve_not_found_pages(app: Starlette) -> None:
    app.add_exception_handler(404, not_found)
