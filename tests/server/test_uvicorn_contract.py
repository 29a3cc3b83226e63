"""The contract between PairPad and uvicorn's private protocol classes: the WebSocket fast
path (``server/uvicorn_fast_path.py``) and the HTTP door limits (``server/http_limits.py``).

``server/uvicorn_fast_path.py`` subclasses ``WebSocketsSansIOProtocol``, which uvicorn does
not document, and reads its private attributes. uvicorn is pinned exactly; this test is what
makes an upgrade safe: it fails, naming the override to re-check, when upstream's class
changes shape. To upgrade: bump the pin and ``UVICORN_VERSION``, run this, re-read every
method it names against our override, then record the new digests here.
"""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import re

import pytest
import uvicorn
from uvicorn.config import Config
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol
from uvicorn.server import ServerState
from websockets.protocol import State
from websockets.server import ServerProtocol

from server.http_limits import LimitedHttpProtocol
from server.uvicorn_fast_path import (
    UVICORN_VERSION,
    FastPathProtocol,
    check_uvicorn_version,
    text_frame_header,
)

UPSTREAM = WebSocketsSansIOProtocol

# Upstream methods the fast path overrides (re-check the override) or relies on (re-check
# the call), with a digest of their source at the pinned version.
UPSTREAM_METHODS = {
    "__init__": "631dcd744eab875f",  # sets the attributes below
    "handle_connect": "fc648c2161ff8e13",  # overridden: offers the direct path
    "send_receive_event_to_app": "a2b10de91477dc1d",  # overridden: hands frames over
    "connection_lost": "dd116afc4d8034e1",  # overridden: ends the participant
    "run_asgi": "662375aa38d9044c",  # overridden: copied, keeps handed-over sockets open
    "send": "d4919ed760ce9f7b",  # overridden: close, and freeing the handshake
    "keepalive_timeout": "8e1ceb6ec446de9d",  # overridden: reset on a missed pong
    "shutdown": "e8ace796ada616b7",  # overridden: 1001 with a reason
    "send_500_response": "47eba6fe24f5ddb3",  # called from run_asgi
    "stop_keepalive": "bbb91b997b37b77c",  # called from shutdown
    "receive": "1dc0e715390021a1",  # passed to the app by run_asgi
}

# Private attributes the fast path reads or writes.
UPSTREAM_ATTRIBUTES = (
    "app",
    "close_sent",
    "close_timeout",
    "close_timer",
    "conn",
    "curr_msg_data_type",
    "disconnected",
    "frames",
    "handshake_complete",
    "logger",
    "loop",
    "queue",
    "read_paused",
    "request",
    "response",
    "scope",
    "transport",
    "writable",
)


def digest(function: object) -> str:
    return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()[:16]  # type: ignore[arg-type]


def test_installed_uvicorn_is_the_pinned_one():
    assert uvicorn.__version__ == UVICORN_VERSION


def test_another_uvicorn_is_refused_at_start_up_with_what_to_do():
    with pytest.raises(RuntimeError) as refused:
        check_uvicorn_version("0.99.0")

    text = str(refused.value)
    assert f"needs uvicorn {UVICORN_VERSION}, but 0.99.0 is installed" in text
    assert "--ws wsproto" in text, "names the way to run without the fast path"


@pytest.mark.parametrize("name", list(UPSTREAM_METHODS))
def test_upstream_method_is_unchanged(name):
    method = getattr(UPSTREAM, name, None)
    assert method is not None, f"uvicorn removed {UPSTREAM.__name__}.{name}"
    assert digest(method) == UPSTREAM_METHODS[name], (
        f"uvicorn changed {UPSTREAM.__name__}.{name}: re-check "
        f"{FastPathProtocol.__name__}.{name} (or its call of it) in "
        "server/uvicorn_fast_path.py against it, then record the new digest here"
    )


def test_every_overridden_method_is_under_contract():
    overridden = {
        name
        for name, value in vars(FastPathProtocol).items()
        if callable(value) and hasattr(UPSTREAM, name)
    }

    assert overridden <= set(UPSTREAM_METHODS), (
        f"{sorted(overridden - set(UPSTREAM_METHODS))} override upstream without a contract"
    )


@pytest.mark.parametrize("attribute", UPSTREAM_ATTRIBUTES)
def test_upstream_still_sets_the_private_attribute(attribute):
    source = inspect.getsource(UPSTREAM)

    assert re.search(rf"self\.{attribute}\s*(:[^=]+)?=", source), (
        f"uvicorn no longer sets {UPSTREAM.__name__}.{attribute}: re-check every use of "
        f"self.{attribute} in server/uvicorn_fast_path.py"
    )


async def test_a_new_protocol_has_the_attributes_set_at_construction():
    config = Config(app=lambda *_: None, ws="websockets-sansio")
    config.load()
    protocol = FastPathProtocol(config, ServerState(), {}, _loop=asyncio.get_running_loop())

    for attribute in ("app", "close_sent", "close_timeout", "conn", "disconnected", "writable"):
        assert hasattr(protocol, attribute), attribute


# ---------------------------------------------------------------- the HTTP door

HTTP_UPSTREAM = HttpToolsProtocol

# Upstream methods ``LimitedHttpProtocol`` (server/http_limits.py) overrides, with digests.
HTTP_UPSTREAM_METHODS = {
    "__init__": "4f08999410347141",
    "connection_made": "6efb565ff3d36b91",  # sets client, which the door counts
    "connection_lost": "c91a4c9bf2e29c55",
    "data_received": "010a7ae59a5d3b1a",  # feeds the parser: heads are counted before it
    "handle_websocket_upgrade": "179c4f769386ab89",  # builds ws_protocol_class
    "on_message_begin": "96d377fdc7c2baef",
    "on_headers_complete": "1ea8589acfad92d8",
    "on_message_complete": "1fbad42dc31fc01f",
}
HTTP_UPSTREAM_ATTRIBUTES = ("client", "loop", "parser", "transport", "ws_protocol_class")


@pytest.mark.parametrize("name", list(HTTP_UPSTREAM_METHODS))
def test_upstream_http_method_is_unchanged(name):
    method = getattr(HTTP_UPSTREAM, name, None)
    assert method is not None, f"uvicorn removed {HTTP_UPSTREAM.__name__}.{name}"
    assert digest(method) == HTTP_UPSTREAM_METHODS[name], (
        f"uvicorn changed {HTTP_UPSTREAM.__name__}.{name}: re-check "
        f"LimitedHttpProtocol.{name} in server/http_limits.py against it, then record the new "
        "digest here"
    )


def test_every_overridden_http_method_is_under_contract():
    overridden = {
        name
        for name, value in vars(LimitedHttpProtocol).items()
        if callable(value) and hasattr(HTTP_UPSTREAM, name)
    }

    assert overridden <= set(HTTP_UPSTREAM_METHODS), (
        f"{sorted(overridden - set(HTTP_UPSTREAM_METHODS))} override upstream without a contract"
    )


@pytest.mark.parametrize("attribute", HTTP_UPSTREAM_ATTRIBUTES)
def test_upstream_http_protocol_still_sets_the_private_attribute(attribute):
    source = inspect.getsource(HTTP_UPSTREAM)

    assert re.search(rf"self\.{attribute}\s*(:[^=]+)?=", source), (
        f"uvicorn no longer sets {HTTP_UPSTREAM.__name__}.{attribute}: re-check every use of "
        f"it in server/http_limits.py"
    )


# ---------------------------------------------------------------- framing


@pytest.mark.parametrize("length", [0, 1, 125, 126, 65535, 65536, 70000])
def test_frames_written_directly_are_the_frames_websockets_would_write(length):
    """The fast path frames uncompressed text itself; it must be byte for byte websockets'."""
    protocol = ServerProtocol()
    protocol.state = State.OPEN
    payload = b"x" * length

    protocol.send_text(payload)

    assert b"".join(protocol.data_to_send()) == text_frame_header(length) + payload
    assert not protocol.extensions, "a new connection negotiated nothing"
