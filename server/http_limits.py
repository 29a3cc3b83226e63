"""Limits at the door: what one HTTP request or one client address may cost before the app
sees anything.

* **Request heads** (line and headers) are counted as they arrive and refused the moment they
  pass ``max_request_head_bytes`` (414 for a URL, 431 for headers), before the parser sees
  more: httptools and uvicorn grow a header or URL by concatenation, so parsing a 40 MB one
  cost seconds of event loop, during which every room froze.
* **Slow heads**: a head must be complete within ``request_head_timeout_seconds`` (408), so
  connections that send nothing, or dribble, cannot pile up until no file descriptor is left.
* **Connections per client address**: at most ``max_connections_per_address``; the next one is
  answered 503 and closed at once. WebSockets count as long as they are open.
* **Request bodies** (:class:`RequestBodyLimit`): 413 past ``max_request_body_bytes``, at once
  when Content-Length says so, or as a streamed body passes the limit.

Loopback clients (the interviewer's own window, scripts, ``make bench``) are exempt from the
per-address limit unless ``limit_loopback`` is set.

**Coupling.** :func:`http_protocol` subclasses uvicorn's ``HttpToolsProtocol``, which uvicorn
does not document, and relies on these of its internals (uvicorn is pinned exactly, see
``server/uvicorn_fast_path.py``): the parser callbacks ``on_message_begin``,
``on_headers_complete`` and ``on_message_complete``; ``data_received`` feeding ``self.parser``;
``handle_websocket_upgrade`` building ``self.ws_protocol_class`` and handing it the transport;
and the attributes ``transport``, ``client`` (set by ``connection_made``), ``loop`` and
``ws_protocol_class``. The WebSocket protocol's ``connection_lost`` and its ``client``
(set by its ``connection_made`` from the same transport) release the address.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from http import HTTPStatus
from typing import Any, ClassVar, cast

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from .settings import Settings

log = logging.getLogger(__name__)

# Enough for thousands of participants; some systems report an unlimited hard limit, and a
# soft limit that large makes select()-style code and some libraries allocate per descriptor.
OPEN_FILES_CAP = 65536
# macOS refuses a soft limit above OPEN_MAX even when the hard limit says "unlimited".
MACOS_OPEN_MAX = 10240
REFUSAL_LOG_SECONDS = 10.0


def exempt_from_address_limits(host: str, limit_loopback: bool) -> bool:
    """Loopback clients are the host's own machine: never throttled unless asked to.
    String prefixes, not ``ipaddress``: this runs for every accepted connection."""
    if limit_loopback:
        return False
    return host.startswith(("127.", "::ffff:127.")) or host == "::1"


def raise_open_file_limit() -> None:
    """Raise the soft limit on open files to the hard limit (at most ``OPEN_FILES_CAP``): a
    desktop's default of 1,024 is within reach of a crowded room plus stray connections."""
    if sys.platform == "win32":
        log.debug("open files: no soft limit to raise on Windows")
        return
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = OPEN_FILES_CAP if hard == resource.RLIM_INFINITY else min(hard, OPEN_FILES_CAP)
    if soft == resource.RLIM_INFINITY or soft >= target:
        log.debug("open files: soft limit %s already at least %s", soft, target)
        return
    for candidate in (target, min(target, MACOS_OPEN_MAX)):
        if candidate <= soft:
            break
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (candidate, hard))
        except (ValueError, OSError):
            continue
        log.debug("open files: soft limit raised from %s to %s", soft, candidate)
        return
    log.debug("open files: could not raise the soft limit of %s (hard limit %s)", soft, hard)


# ---------------------------------------------------------------- request bodies


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` when a streamed body passes the limit. An HTTPException, so
    FastAPI, which turns other errors while reading a body into 400, answers it as it is."""

    def __init__(self, detail: str) -> None:
        super().__init__(413, detail, headers={"connection": "close"})


IMPORT_PATH = "/api/sessions/import"
TEMPLATES_PATH = "/api/templates"


def body_too_large_text(limit: int, setting: str = "max_request_body_bytes") -> str:
    return (
        f"The request body is larger than PairPad accepts: at most {limit} bytes "
        f"(the {setting} setting)."
    )


class RequestBodyLimit:
    """ASGI middleware: a body over ``max_request_body_bytes`` gets 413 and the connection is
    closed, so the rest of the body is never read."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.limit = settings.max_request_body_bytes
        self.text = body_too_large_text(self.limit)
        # An interview's archive is megabytes: the one path with a limit of its own.
        self.import_limit = settings.max_import_bytes
        self.import_text = body_too_large_text(self.import_limit, "max_import_bytes")
        # A question's prompt and starter code, or a library's import file.
        self.template_limit = settings.max_template_bytes
        self.template_text = body_too_large_text(self.template_limit, "max_template_bytes")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit, text = self.limit, self.text
        path: str = scope["path"]
        if path == IMPORT_PATH:
            limit, text = self.import_limit, self.import_text
        elif path == TEMPLATES_PATH or path.startswith(TEMPLATES_PATH + "/"):
            limit, text = self.template_limit, self.template_text
        length, streamed = _declared_body(scope["headers"])
        if length is not None and length > limit:
            await _send_json(send, 413, text)  # at once: nothing of the body is read
            return
        if not streamed:
            # No body, or a Content-Length within the limit, which the parser enforces.
            await self.app(scope, receive, send)
            return
        await self._counting(scope, receive, send, limit, text)

    async def _counting(
        self, scope: Scope, receive: Receive, send: Send, limit: int, text: str
    ) -> None:
        """A chunked body: count it as it arrives."""
        received = 0
        responded = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(text)
            return message

        async def watched_send(message: Message) -> None:
            nonlocal responded
            responded = responded or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, watched_send)
        except BodyTooLarge:
            # Only when the app read the body outside FastAPI's handling (FastAPI answers
            # HTTPExceptions itself); mid-response there is nothing sensible left to send.
            if responded:
                raise
            await _send_json(send, 413, text)


def _declared_body(headers: list[tuple[bytes, bytes]]) -> tuple[int | None, bool]:
    """(Content-Length, whether the body must be counted as it streams in)."""
    length: int | None = None
    for name, value in headers:
        if name == b"content-length":
            try:
                length = int(value)
            except ValueError:
                return None, True
        elif name == b"transfer-encoding":
            return None, True
    return length, False


async def _send_json(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", b"%d" % len(body)),
        (b"connection", b"close"),  # the unread body is not worth reading
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


# ---------------------------------------------------------------- heads and connections


def refusal(status: int, detail: str) -> bytes:
    """A complete HTTP response that ends the connection, written by the protocol itself
    (no request reached the app)."""
    body = json.dumps({"detail": detail}).encode()
    return b"".join(
        (
            b"HTTP/1.1 %d %s\r\n" % (status, HTTPStatus(status).phrase.encode()),
            b"content-type: application/json\r\n",
            b"content-length: %d\r\n" % len(body),
            b"connection: close\r\n\r\n",
            body,
        )
    )


class Door:
    """What every connection of one server shares: the limits, as ready-made responses, and
    the open connections per client address. Touched from the event loop only."""

    def __init__(self, settings: Settings) -> None:
        self.max_head = settings.max_request_head_bytes
        self.head_timeout = settings.request_head_timeout_seconds
        self.max_per_address = settings.max_connections_per_address
        self.limit_loopback = settings.limit_loopback
        self.open: dict[str, int] = {}
        self._quiet_until = 0.0
        self._counting_classes: dict[type[asyncio.Protocol], type[asyncio.Protocol]] = {}
        head = (
            f"at most {self.max_head} bytes with the request line "
            "(the max_request_head_bytes setting)"
        )
        self.url_too_long = refusal(
            414, f"The request's URL is longer than PairPad accepts: {head}."
        )
        self.head_too_large = refusal(
            431, f"The request's headers are larger than PairPad accepts: {head}."
        )
        self.head_too_slow = refusal(
            408,
            f"The request's line and headers did not arrive within {self.head_timeout:g} "
            "seconds (the request_head_timeout_seconds setting).",
        )

    def counted_address(self, client: tuple[str, int] | None) -> str | None:
        """The address a new connection counts against; None when exempt."""
        if client is None or exempt_from_address_limits(client[0], self.limit_loopback):
            return None
        return client[0]

    def admit(self, address: str) -> bool:
        count = self.open.get(address, 0)
        if count >= self.max_per_address:
            return False
        self.open[address] = count + 1
        return True

    def release(self, address: str) -> None:
        count = self.open[address] - 1
        if count:
            self.open[address] = count
        else:
            del self.open[address]  # forgotten once closed: the dict holds open addresses only

    def too_many(self, address: str) -> bytes:
        return refusal(
            503,
            f"Too many open connections from {address}: at most {self.max_per_address} "
            "(the max_connections_per_address setting); close some and try again.",
        )

    def warn_refused(self, address: str, now: float) -> None:
        """Log a refusal, at most once every ``REFUSAL_LOG_SECONDS``: a flood of connections
        must not become a flood of log lines."""
        if now >= self._quiet_until:
            self._quiet_until = now + REFUSAL_LOG_SECONDS
            log.warning(
                "refusing connections from %s: %d open (max_connections_per_address)",
                address,
                self.open.get(address, 0),
            )

    def counting(self, ws_class: type[asyncio.Protocol]) -> type[asyncio.Protocol]:
        """``ws_class``, releasing its address when the socket ends: after an upgrade the
        WebSocket protocol owns the transport, and only it hears the connection end."""
        counting = self._counting_classes.get(ws_class)
        if counting is None:
            name = f"Counted{ws_class.__name__}"
            counting = cast(type[asyncio.Protocol], type(name, (_ReleasesAddress, ws_class), {}))
            counting.door = self  # type: ignore[attr-defined]
            self._counting_classes[ws_class] = counting
        return counting


class _ReleasesAddress(asyncio.Protocol):
    """Mixed into the WebSocket protocol of a counted connection."""

    door: ClassVar[Door]

    def connection_lost(self, exc: Exception | None) -> None:
        try:
            super().connection_lost(exc)
        finally:
            # uvicorn sets ``client`` from the same transport the HTTP protocol counted.
            client: tuple[str, int] | None = getattr(self, "client", None)
            if client is not None:
                self.door.release(client[0])


class LimitedHttpProtocol(HttpToolsProtocol):
    """uvicorn's HTTP protocol with the door limits. A subclass of :func:`http_protocol`
    supplies ``door``. Everything here runs for every request: keep it to a few attribute
    reads per callback.

    The head timeout is one timer per connection, not one per request: a request only notes
    when its head began, and the timer, when it fires, refuses a head older than the timeout
    or sets itself again for the rest of the time. Arming and cancelling a timer for every
    request on a kept-alive connection cost more than the rest of the limits together.
    """

    door: ClassVar[Door]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._max_head = self.door.max_head
        # Bytes of the current request's head fed to the parser; None while reading a body
        # (or after the upgrade to a WebSocket), when heads are not being counted.
        self._head_bytes: int | None = 0
        self._line_ended = False  # the head has a line end: an overflow is in the headers
        self._head_since: float | None = None  # when the current head began (loop time)
        self._head_timer: asyncio.TimerHandle | None = None
        self._address: str | None = None  # the client address this connection counts against
        self._upgraded = False

    # ------------------------------------------------------------ the connection

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        door = self.door
        address = door.counted_address(self.client)
        if address is not None:
            if not door.admit(address):
                # Answered before a request is read, so a refused client costs one write.
                door.warn_refused(address, self.loop.time())
                transport.write(door.too_many(address))
                transport.close()
                return
            self._address = address
        self._head_since = self.loop.time()  # the first head is due from now
        self._head_timer = self.loop.call_later(door.head_timeout, self._check_head)

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_head_timer()
        address, self._address = self._address, None
        if address is not None:
            self.door.release(address)
        super().connection_lost(exc)

    def handle_websocket_upgrade(self) -> None:
        # From here the WebSocket protocol owns the socket: no head timeout (a participant
        # stays for hours), and it releases the address when the socket ends.
        self._stop_head_timer()
        self._head_bytes = None
        self._upgraded = True
        address, self._address = self._address, None
        if address is not None and self.ws_protocol_class is not None:
            self.ws_protocol_class = self.door.counting(self.ws_protocol_class)
        super().handle_websocket_upgrade()

    # ------------------------------------------------------------ the request head

    def data_received(self, data: bytes) -> None:
        head = self._head_bytes
        if head is None:  # a body (RequestBodyLimit's business)
            super().data_received(data)
            return
        room = self._max_head - head
        if len(data) > room:
            self._past_the_head_limit(data, room)
            return
        if not self._line_ended:
            self._line_ended = b"\n" in data
        self._head_bytes = head + len(data)
        super().data_received(data)

    def _past_the_head_limit(self, data: bytes, room: int) -> None:
        """This chunk passes the limit unless the head ends within it: parse only up to the
        limit, then either refuse or go on with the rest (a body, or the next request)."""
        fits = data[:room]
        if not self._line_ended:
            self._line_ended = b"\n" in fits
        self._head_bytes = self._max_head
        super().data_received(fits)
        if self._upgraded or self.transport.is_closing():
            return
        if self._head_bytes == self._max_head:  # still in the head: refuse it
            door = self.door
            self._refuse(door.head_too_large if self._line_ended else door.url_too_long)
            return
        self.data_received(data[room:])

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self._head_since is None:  # the next request on a kept-alive connection
            self._head_since = self.loop.time()

    def on_headers_complete(self) -> None:
        self._head_bytes = None
        self._head_since = None
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        if not self._upgraded:
            self._head_bytes = 0
            self._line_ended = False

    def _check_head(self) -> None:
        """The connection's timer: refuse a head that began a timeout ago, else wait again."""
        self._head_timer = None
        if self.transport.is_closing():
            return
        timeout = self.door.head_timeout
        since = self._head_since
        left = timeout if since is None else since + timeout - self.loop.time()
        if left > 0:  # no head under way, or a recent one
            self._head_timer = self.loop.call_later(left, self._check_head)
        elif not self._head_bytes:
            # Nothing sent: close quietly. A browser's speculative connection that it never
            # used sees a closed socket and opens another; a 408 there could be mistaken
            # for the answer to the request it sends next.
            self.transport.close()
        else:
            self._refuse(self.door.head_too_slow)

    def _refuse(self, response: bytes) -> None:
        self._stop_head_timer()
        self.transport.write(response)
        self.transport.close()

    def _stop_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None


def http_protocol(settings: Settings) -> type[asyncio.Protocol]:
    """uvicorn's HTTP protocol with PairPad's limits on request heads and connections; each
    call makes a class with its own count of open connections (one per server)."""
    shared = Door(settings)

    class PairPadHttpProtocol(LimitedHttpProtocol):
        door = shared

    return PairPadHttpProtocol
