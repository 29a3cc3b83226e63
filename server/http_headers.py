"""Security headers on every HTTP response.

The pages run code from participants' editors only inside workers, never as page script, and
show names, chat and output as text. The Content-Security-Policy backs that up: scripts only
from our origin, WebAssembly allowed (Pyodide, SQLite), sockets only to the serving host.
The runner workers (``/assets/workers/``) get their own policy: browsers apply a worker
script's response policy to the worker, and these must evaluate participants' code.
"""

from __future__ import annotations

import re

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_SAFE_HOST = re.compile(r"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$")


def page_policy(host: str | None) -> str:
    # Chromium counts ws: of the page's own host as 'self', older Safari does not: name it.
    sockets = f" ws://{host} wss://{host}" if host and _SAFE_HOST.match(host) else ""
    return "; ".join(
        (
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval'",
            "worker-src 'self' blob:",
            f"connect-src 'self'{sockets}",
            "img-src 'self' data: blob:",
            # CodeMirror themes inject <style> elements at run time.
            "style-src 'self' 'unsafe-inline'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        )
    )


def worker_policy(path: str) -> str:
    """Runner workers evaluate participants' code, so they may ``eval``; in exchange the
    JavaScript runner may not open any connection (Pyodide and SQLite fetch their files)."""
    connect = "'none'" if "/js.worker-" in path else "'self'"
    return "; ".join(
        (
            "default-src 'self'",
            "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
            f"connect-src {connect}",
            "object-src 'none'",
            "base-uri 'none'",
        )
    )


WORKERS_PATH = "/assets/workers/"

STATIC_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-resource-policy": "same-origin",
}


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if path.startswith(WORKERS_PATH):
            policy = worker_policy(path)
        else:
            policy = page_policy(Headers(scope=scope).get("host"))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("content-security-policy", policy)
                for name, value in STATIC_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)
