"""The wire protocol: message models, decoding with clear errors, encoding, close codes.

Event names and payload shapes come from the user's spec (``shared/spec/websocket-api.md``);
``docs/protocol.md`` documents them with every pinned decision and extension. Decoding is two
steps: the envelope first (so an unknown ``type`` gets the spec's exact "Invalid message type"),
then the payload with the model of that type (so a wrong field is named in the error).
"""

from __future__ import annotations

import enum
from typing import Annotated, Any, Final

import msgspec

# Error texts that clients may match on; the first three are the spec's and PROTOCOL.md's.
INVALID_JSON: Final = "Invalid JSON"
INVALID_MESSAGE: Final = "Invalid message"
INVALID_MESSAGE_TYPE: Final = "Invalid message type"
JOIN_FIRST: Final = "Join the session first"
SESSION_NOT_FOUND: Final = "Session not found"
BINARY_NOT_SUPPORTED: Final = "Invalid message: binary frames are not supported, send JSON as text"

# The userId stamped on state the server itself produces (initial code, CRLF fixes).
SERVER_USER_ID: Final = "server"


class CloseCode(enum.IntEnum):
    NORMAL = 1000
    GOING_AWAY = 1001  # the server is shutting down
    POLICY_VIOLATION = 1008  # flood, join timeout
    MESSAGE_TOO_BIG = 1009  # sent by the transport when max_message_bytes is exceeded
    INTERNAL_ERROR = 1011
    SESSION_NOT_FOUND = 4404
    TOO_SLOW = 4408  # the client did not read its messages; reconnecting is fine
    SESSION_FULL = 4409


def close_reason(text: str) -> str:
    """A close frame's reason may hold at most 123 bytes of UTF-8."""
    encoded = text.encode()
    return text if len(encoded) <= 123 else encoded[:120].decode(errors="ignore") + "..."


class ProtocolError(Exception):
    """A message the server refuses; ``str(error)`` is sent back as the error event's message."""


# ---------------------------------------------------------------- incoming payloads

Positive = Annotated[int, msgspec.Meta(ge=1)]


class _Payload(msgspec.Struct):
    """Unknown fields are ignored, so newer clients with more fields still work."""


class JoinSession(_Payload):
    userId: str
    username: str
    # Extension: "yjs" marks a CRDT client (the web UI); it then receives Yjs updates.
    crdt: str | None = None
    # Extension: the client's Yjs state vector (base64), so a reconnect only gets what it lacks.
    stateVector: str | None = None


class LeaveSession(_Payload):
    userId: str | None = None  # ignored: the connection's identity is used


class CodeChange(_Payload):
    userId: str | None = None  # ignored: the connection's identity is used
    changes: str | None = None  # the full new code (spec clients)
    update: str | None = None  # extension: a Yjs v1 update, base64


class Position(_Payload):
    line: Positive
    column: Positive


class Selection(_Payload):
    anchor: Position
    head: Position


class RelativeCursor(_Payload):
    """Extension: Yjs relative positions (base64), which stay on their character while
    others type; ``cursor``/``selection`` carry the same place as line and column."""

    anchor: str
    head: str


class CursorMove(_Payload):
    cursor: Position
    userId: str | None = None  # ignored
    selection: Selection | None = None
    relative: RelativeCursor | None = None


class LanguageChange(_Payload):
    language: str
    userId: str | None = None  # ignored


class ExecuteCode(_Payload):
    language: str
    code: str
    runId: str | None = None  # extension: ties the result to this request


class ExecutionResult(_Payload):
    output: str = ""
    error: str | None = None
    language: str | None = None
    durationMs: Annotated[float, msgspec.Meta(ge=0)] | None = None
    runId: str | None = None


class ChatMessage(_Payload):
    text: str


PAYLOAD_TYPES: Final[dict[str, type[_Payload]]] = {
    "join-session": JoinSession,
    "leave-session": LeaveSession,
    "code-change": CodeChange,
    "cursor-move": CursorMove,
    "language-change": LanguageChange,
    "execute-code": ExecuteCode,
    "execution-result": ExecutionResult,
    "chat-message": ChatMessage,
}


class _Envelope(msgspec.Struct):
    type: str
    # Raw defers the payload until its type is known; "{}" lets an empty payload through to
    # the per-type model, which then names the missing field.
    payload: msgspec.Raw = msgspec.Raw(b"{}")


_envelope_decoder = msgspec.json.Decoder(_Envelope)
_payload_decoders = {name: msgspec.json.Decoder(model) for name, model in PAYLOAD_TYPES.items()}


def decode_message(text: str) -> tuple[str, _Payload]:
    """Decode one text frame into ``(type, payload)`` or raise ProtocolError with the reason."""
    try:
        envelope = _envelope_decoder.decode(text)
    except msgspec.ValidationError as error:  # a subclass of DecodeError: test it first
        raise ProtocolError(f"{INVALID_MESSAGE}: {_describe(error, root='message')}") from error
    except msgspec.DecodeError as error:
        raise ProtocolError(INVALID_JSON) from error
    except RecursionError as error:
        raise ProtocolError(f"{INVALID_JSON}: nested too deeply") from error
    decoder = _payload_decoders.get(envelope.type)
    if decoder is None:
        raise ProtocolError(INVALID_MESSAGE_TYPE)
    try:
        return envelope.type, decoder.decode(envelope.payload)
    except msgspec.ValidationError as error:
        raise ProtocolError(f"Invalid payload: {_describe(error, root='payload')}") from error


def _describe(error: msgspec.ValidationError, *, root: str) -> str:
    """msgspec says "Expected `str`, got `int` - at `$.userId`"; clients see ``payload.userId``."""
    text = str(error).replace("`$.", f"`{root}.").replace("`$`", f"`{root}`")
    if " - at `" not in text:
        text += f" - at `{root}`"
    return text


# ---------------------------------------------------------------- outgoing events

_encoder = msgspec.json.Encoder()


def encode_event(event_type: str, payload: dict[str, Any]) -> str:
    """One event as the text of a frame; broadcasts encode once and share the string."""
    return _encoder.encode({"type": event_type, "payload": payload}).decode()


def error_event(message: str) -> str:
    return encode_event("error", {"message": message})
