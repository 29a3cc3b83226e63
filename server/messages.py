"""The wire messages, both ways: typed models, decoding with clear errors, the builders of
every frame the server sends, close codes, and the JSON Schema the web UI's types come from.

Event names and payload shapes come from the user's WebSocket spec (websocket-api.md);
``docs/protocol.md`` documents them with every pinned decision and extension. Decoding is two
steps: the envelope first (so an unknown ``type`` gets the spec's exact "Invalid message type"),
then the payload with the model of that type (so a wrong field is named in the error).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Annotated, Any, Final, Literal, Union

import msgspec
from msgspec import UNSET, UnsetType

# Error texts that clients may match on; the first three are the spec's and docs/protocol.md's.
INVALID_JSON: Final = "Invalid JSON"
INVALID_MESSAGE: Final = "Invalid message"
INVALID_MESSAGE_TYPE: Final = "Invalid message type"
JOIN_FIRST: Final = "Join the session first"
SESSION_NOT_FOUND: Final = "Session not found"
BINARY_NOT_SUPPORTED: Final = "Invalid message: binary frames are not supported, send JSON as text"

# The userId stamped on state the server itself produces (initial code, CRLF fixes).
SERVER_USER_ID: Final = "server"

# Refusals once the interviewer has ended the interview: the code is frozen for everyone.
SESSION_ENDED: Final = "The interview has ended: the code can no longer change"
INTERVIEWERS_ONLY: Final = "Only an interviewer can do this"
BAD_INTERVIEWER_KEY: Final = "This link's interviewer key does not belong to this session"
# What an interviewer's restrictions answer a candidate (docs/protocol.md, "Interviewer controls").
EDITING_LOCKED: Final = "An interviewer has locked editing: your change was not applied"
RUN_DISABLED: Final = "An interviewer has disabled Run for candidates"
REMOVED: Final = "An interviewer removed you from this interview"
NOT_LET_IN: Final = "An interviewer did not let you in"
WAITING: Final = "Please wait: an interviewer will let you in"

# Who someone is in the room: the interviewer (host credentials or the session's interviewer
# key) or a candidate (everyone else, spec-only clients included).
Role = Literal["interviewer", "candidate"]
INTERVIEWER: Final[Role] = "interviewer"
CANDIDATE: Final[Role] = "candidate"


class CloseCode(enum.IntEnum):
    NORMAL = 1000
    GOING_AWAY = 1001  # the server is shutting down
    POLICY_VIOLATION = 1008  # flood, join timeout
    MESSAGE_TOO_BIG = 1009  # sent by the transport when max_message_bytes is exceeded
    INTERNAL_ERROR = 1011
    FORBIDDEN = 4403  # a wrong interviewer key on the handshake
    REMOVED = 4410  # an interviewer removed this participant, or did not let them in
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
    # Extension: the secret the server issued with this userId (session-state). Present, even
    # as null ("I keep secrets, I have none yet"), it seals the identity: from then on the
    # userId is reused only with the secret. Absent (spec clients): see docs/protocol.md.
    participantSecret: str | UnsetType | None = UNSET


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
    stdin: str | None = None  # extension: the standard input the run is given, shown to all


class ExecutionResult(_Payload):
    output: str = ""
    error: str | None = None
    language: str | None = None
    durationMs: Annotated[float, msgspec.Meta(ge=0)] | None = None
    runId: str | None = None
    stdin: str | None = None  # extension: the run's standard input, as in its execute-code


class ChatMessage(_Payload):
    text: str


class EndSession(_Payload):
    """Extension, interviewers only: end the interview; the code becomes read-only."""


class SetControls(_Payload):
    """Extension, interviewers only: the room's restrictions; a field left out is unchanged."""

    editingLocked: bool | None = None  # candidates cannot change the code or the language
    runDisabled: bool | None = None  # candidates cannot run code (nor share results)
    waitingRoom: bool | None = None  # new candidates wait until an interviewer admits them


class RemoveParticipant(_Payload):
    """Extension, interviewers only: close a candidate's sockets; they cannot come back
    unless an interviewer admits them from the waiting room."""

    userId: str


class AdmitParticipant(_Payload):
    """Extension, interviewers only: let someone in from the waiting room."""

    waitingId: str


class DenyParticipant(_Payload):
    """Extension, interviewers only: turn someone in the waiting room away."""

    waitingId: str


TimerMode = Literal["countdown", "stopwatch"]
TimerAction = Literal["start", "pause", "reset"]


class TimerControl(_Payload):
    """Extension, interviewers only: start, pause or reset the room's timer; ``mode`` and
    ``durationMs`` (a countdown's length) may come with start (when stopped) and reset."""

    action: TimerAction
    mode: TimerMode | None = None
    durationMs: Annotated[int, msgspec.Meta(ge=1000)] | None = None


class NotesChange(_Payload):
    """Extension, interviewers only: a Yjs v1 update (base64) to the private notes."""

    update: str


class RestoreCode(_Payload):
    """Extension, interviewers only: bring the code back to what it was at ``at``
    (milliseconds since the epoch, as the record's times), e.g. after someone erased it."""

    at: Annotated[int, msgspec.Meta(ge=0, lt=2**62)]


IntegrityKind = Literal["paste", "focus"]


class IntegritySignal(_Payload):
    """Extension: this participant pasted ``chars`` characters, or left the page for
    ``awayMs``; the server checks it and shows it to the room (integrity-notice)."""

    kind: IntegrityKind
    chars: Annotated[int, msgspec.Meta(ge=0)] | None = None
    awayMs: Annotated[int, msgspec.Meta(ge=0)] | None = None


PAYLOAD_TYPES: Final[dict[str, type[_Payload]]] = {
    "join-session": JoinSession,
    "leave-session": LeaveSession,
    "code-change": CodeChange,
    "cursor-move": CursorMove,
    "language-change": LanguageChange,
    "execute-code": ExecuteCode,
    "execution-result": ExecutionResult,
    "chat-message": ChatMessage,
    "end-session": EndSession,
    "set-controls": SetControls,
    "remove-participant": RemoveParticipant,
    "admit-participant": AdmitParticipant,
    "deny-participant": DenyParticipant,
    "timer-control": TimerControl,
    "integrity-signal": IntegritySignal,
    "notes-change": NotesChange,
    "restore-code": RestoreCode,
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
#
# Every server → client message is one of the structs below, wrapped as {"type", "payload"}.
# ``SERVER_EVENTS`` is the single list of them: the JSON Schema that the web UI's TypeScript
# types are generated from (build_scripts/wire_schema.py) is made from it, and the builders
# below are the only way the server makes a frame. Optional fields are UNSET, so they are left
# out of the frame; a ``None`` (execution-result's ``error``) is sent as null, as the spec shows.

Frame = bytes  # one encoded message, shared by every receiver of a broadcast


class _Out(msgspec.Struct, gc=False):  # no cycles: skip the GC bookkeeping
    pass


class Person(_Out):
    """A participant as others see them (participant-joined)."""

    userId: str
    username: str
    color: str  # extension: a CSS hex colour, unique in the room while they stay
    role: Role  # extension: "interviewer" or "candidate"


class Limits(_Out):
    maxMessageBytes: int
    maxCodeChars: int
    maxDocumentBytes: int
    maxOutputChars: int
    maxChatChars: int
    maxStdinChars: int  # the longest stdin a run shares (execute-code, execution-result)
    runTimeoutMs: int  # how long a browser lets a run go before stopping it
    pasteNoticeChars: int  # a paste this long or longer is shown to the room
    focusNoticeMs: int  # leaving the page this long or longer is shown to the room


class Controls(_Out):
    """The interviewers' restrictions on candidates (set-controls)."""

    editingLocked: bool
    runDisabled: bool
    waitingRoom: bool


class TimerState(_Out):
    """The room's timer, the same on every screen: elapsed time is ``elapsedMs`` plus, while
    running, the time since ``startedAt`` on the server's clock (``serverTime`` says what
    that clock read when the frame was made, so a client can correct its own)."""

    userId: str  # who last changed it; "server" for the initial state
    mode: TimerMode
    durationMs: int  # a countdown's length; 0 for a stopwatch
    running: bool
    startedAt: int | None  # milliseconds since the epoch, server clock; None when stopped
    elapsedMs: int  # counted before startedAt
    serverTime: int


class SessionState(_Out):
    """Extension, once per join, before the spec events that describe the room."""

    sessionId: str
    title: str
    language: str
    participants: list[Person]
    createdAt: int  # milliseconds since the epoch
    you: Person
    limits: Limits
    # This joiner's proof of identity: only ever in its own session-state. Sent again with
    # the same userId, it lets a reconnect or another tab be the same person.
    participantSecret: str
    ended: bool  # the interviewer ended the interview; a session-ended follows
    controls: Controls
    timer: TimerState
    serverTime: int  # milliseconds since the epoch, server clock, when this was sent
    # The question everyone reads, Markdown ("" when the session has none); shown as text or
    # safely rendered, never as HTML from the prompt itself.
    prompt: str
    # The question's starter code per language id: what a language switch writes into an
    # untouched editor instead of the built-in starter.
    starterCode: dict[str, str]


class ControlsUpdated(_Out):
    userId: str  # the interviewer who changed them
    editingLocked: bool
    runDisabled: bool
    waitingRoom: bool


class Waiting(_Out):
    """To a joiner held in the waiting room: nothing else arrives until an interviewer
    admits them (then the usual session-state) or turns them away (close 4410)."""

    waitingId: str
    message: str


class WaitingPerson(_Out):
    waitingId: str
    userId: str  # the userId asked for; admitted, they may get another (identity rules)
    username: str
    removed: bool  # an interviewer removed this identity earlier


class WaitingList(_Out):
    """Interviewers only: who waits to be let in."""

    waiting: list[WaitingPerson]


class IntegrityNotice(_Out):
    userId: str
    username: str
    kind: IntegrityKind
    ts: int  # milliseconds since the epoch
    chars: int | UnsetType = UNSET  # paste
    awayMs: int | UnsetType = UNSET  # focus


class SessionEnded(_Out):
    userId: str  # who ended it; "server" when the host ended it over REST
    endedAt: int  # milliseconds since the epoch


class ParticipantLeft(_Out):
    userId: str


class CodeUpdate(_Out):
    """Spec clients get ``code`` (the full text); CRDT clients get ``update`` (Yjs v1,
    base64), and on join also ``code``, ``stateVector`` and ``sync``."""

    userId: str
    code: str | UnsetType = UNSET
    update: str | UnsetType = UNSET
    stateVector: str | UnsetType = UNSET
    sync: bool | UnsetType = UNSET


class CursorUpdate(_Out):
    userId: str
    cursor: Position
    selection: Selection | UnsetType = UNSET
    relative: RelativeCursor | UnsetType = UNSET


class LanguageUpdated(_Out):
    userId: str
    language: str


class RunRequested(_Out):
    """execute-code, relayed to the others (never run on the server)."""

    userId: str
    username: str
    language: str
    code: str
    runId: str | UnsetType = UNSET
    stdin: str | UnsetType = UNSET


class RunResult(_Out):
    """execution-result, relayed from the participant who ran the code."""

    userId: str
    username: str
    output: str
    error: str | None
    language: str | UnsetType = UNSET
    durationMs: float | UnsetType = UNSET
    runId: str | UnsetType = UNSET
    truncated: bool | UnsetType = UNSET
    stdin: str | UnsetType = UNSET


class ChatLine(_Out):
    userId: str
    username: str
    text: str
    ts: int  # milliseconds since the epoch


class NotesUpdate(_Out):
    """Interviewers only: the private notes changed (a Yjs v1 update, base64); on join also
    ``stateVector`` and ``sync``, as the code's handshake."""

    userId: str
    update: str
    stateVector: str | UnsetType = UNSET
    sync: bool | UnsetType = UNSET


class ErrorMessage(_Out):
    message: str


SERVER_EVENTS: Final[dict[str, type[msgspec.Struct]]] = {
    "session-state": SessionState,
    "participant-joined": Person,
    "participant-left": ParticipantLeft,
    "code-update": CodeUpdate,
    "cursor-update": CursorUpdate,
    "language-updated": LanguageUpdated,
    "execute-code": RunRequested,
    "execution-result": RunResult,
    "chat-message": ChatLine,
    "session-ended": SessionEnded,
    "controls-updated": ControlsUpdated,
    "waiting": Waiting,
    "waiting-list": WaitingList,
    "timer-updated": TimerState,
    "integrity-notice": IntegrityNotice,
    "notes-update": NotesUpdate,
    "error": ErrorMessage,
}

_encoder = msgspec.json.Encoder()


def _frame(event_type: str, payload: msgspec.Struct) -> Frame:
    return _encoder.encode({"type": event_type, "payload": payload})


def session_state(state: SessionState) -> Frame:
    return _frame("session-state", state)


def participant_joined(person: Person) -> Frame:
    return _frame("participant-joined", person)


def participant_left(user_id: str) -> Frame:
    return _frame("participant-left", ParticipantLeft(user_id))


def code_update(update: CodeUpdate) -> Frame:
    return _frame("code-update", update)


def cursor_update(user_id: str, move: CursorMove) -> Frame:
    cursor = CursorUpdate(user_id, move.cursor)
    if move.selection is not None:
        cursor.selection = move.selection
    if move.relative is not None:
        cursor.relative = move.relative
    return _frame("cursor-update", cursor)


def language_updated(user_id: str, language: str) -> Frame:
    return _frame("language-updated", LanguageUpdated(user_id, language))


def run_requested(author: Person, request: ExecuteCode) -> Frame:
    relayed = RunRequested(author.userId, author.username, request.language, request.code)
    if request.runId is not None:
        relayed.runId = request.runId
    if request.stdin is not None:
        relayed.stdin = request.stdin
    return _frame("execute-code", relayed)


def run_result(author: Person, result: ExecutionResult, *, truncated: bool) -> Frame:
    relayed = RunResult(author.userId, author.username, result.output, result.error)
    if result.language is not None:
        relayed.language = result.language
    if result.durationMs is not None:
        relayed.durationMs = result.durationMs
    if result.runId is not None:
        relayed.runId = result.runId
    if truncated:
        relayed.truncated = True
    if result.stdin is not None:
        relayed.stdin = result.stdin
    return _frame("execution-result", relayed)


def chat_line(author: Person, text: str, *, ts: int) -> Frame:
    return _frame("chat-message", ChatLine(author.userId, author.username, text, ts))


def session_ended(ended: SessionEnded) -> Frame:
    return _frame("session-ended", ended)


def controls_updated(user_id: str, controls: Controls) -> Frame:
    updated = ControlsUpdated(
        user_id, controls.editingLocked, controls.runDisabled, controls.waitingRoom
    )
    return _frame("controls-updated", updated)


def waiting(waiting_id: str) -> Frame:
    return _frame("waiting", Waiting(waiting_id, WAITING))


def waiting_list(people: list[WaitingPerson]) -> Frame:
    return _frame("waiting-list", WaitingList(people))


def timer_updated(timer: TimerState) -> Frame:
    return _frame("timer-updated", timer)


def integrity_notice(notice: IntegrityNotice) -> Frame:
    return _frame("integrity-notice", notice)


def notes_update(update: NotesUpdate) -> Frame:
    return _frame("notes-update", update)


def error_event(message: str) -> Frame:
    return _frame("error", ErrorMessage(message))


# ---------------------------------------------------------------- both directions, as a schema


def _envelopes(events: Mapping[str, type[msgspec.Struct]], suffix: str) -> tuple[type, ...]:
    """Tagged {"type", "payload"} structs, one per event: what the JSON Schema describes."""
    return tuple(
        msgspec.defstruct(
            "".join(word.capitalize() for word in name.split("-")) + suffix,
            [("payload", payload)],
            tag=name,
            tag_field="type",
        )
        for name, payload in events.items()
    )


# Every message as one tagged type per direction: for the schema, and for tests that check
# each frame the server sends against it.
SERVER_MESSAGE: Final[Any] = Union[_envelopes(SERVER_EVENTS, "Event")]  # noqa: UP007
CLIENT_MESSAGE: Final[Any] = Union[_envelopes(PAYLOAD_TYPES, "Request")]  # noqa: UP007


def wire_schema() -> dict[str, Any]:
    """JSON Schema of every message both ways: ``ServerMessage`` and ``ClientMessage``."""
    (server_union, client_union), components = msgspec.json.schema_components(
        [SERVER_MESSAGE, CLIENT_MESSAGE],
        ref_template="#/$defs/{name}",
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "PairPad wire messages",
        "$defs": {
            **components,
            "ServerMessage": server_union,
            "ClientMessage": client_union,
        },
    }
