"""Routing one decoded message to its room, after checking what the models cannot:
lengths against the settings, languages against the list, base64 and CRDT payloads.

Every refusal is a ProtocolError whose text names the field; the connection and the room
carry on. Nothing here runs code: ``execute-code`` is only ever relayed.
"""

from __future__ import annotations

import base64
import binascii
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeAlias

import msgspec
from msgspec import UnsetType

from . import messages as p
from .document import normalise_newlines
from .languages import LANGUAGE_IDS, LANGUAGES
from .restore import start_restore
from .rooms import Room
from .settings import Settings
from .yjs_update import RefusedUpdate

if TYPE_CHECKING:
    from .session_socket import Connection

MAX_RUN_ID_CHARS = 64  # a client-generated request id, not user content
MAX_WAITING_ID_CHARS = 64  # the server makes them ("w-" and 12 characters)


def handle_message(
    room: Room, connection: Connection, message_type: str, payload: Any, settings: Settings
) -> None:
    if message_type == "join-session":
        _join(room, connection, payload, settings)
        return
    if not connection.joined:
        if message_type == "leave-session" and room.is_waiting(connection):
            room.leave(connection)  # off the waiting list
            return
        raise p.ProtocolError(p.JOIN_FIRST)
    _HANDLERS[message_type](room, connection, payload, settings)


# ---------------------------------------------------------------- field checks


def _invalid(field: str, problem: str) -> p.ProtocolError:
    return p.ProtocolError(f"Invalid payload: `payload.{field}` {problem}")


def _bounded(field: str, value: str, limit: int) -> str:
    if len(value) > limit:
        raise _invalid(field, f"is too long ({len(value)} characters, at most {limit})")
    return value


def _name(field: str, value: str, limit: int) -> str:
    """A one-line name that looks like what it is: compatibility forms folded (NFKC), format
    characters (right-to-left overrides, zero-width and tag characters: category Cf) and
    control characters removed, spaces collapsed; then not empty, and not too long. Without
    this "Ada" and "Ada\u200b" would be two people who look the same."""
    folded = unicodedata.normalize("NFKC", value)
    visible = "".join(
        ch for ch in folded if unicodedata.category(ch) not in _INVISIBLE or ch == " "
    )
    cleaned = " ".join(visible.split())
    if not cleaned:
        raise _invalid(field, "must not be empty")
    return _bounded(field, cleaned, limit)


_INVISIBLE = frozenset({"Cc", "Cf"})


def _base64(field: str, value: str, limit: int) -> bytes:
    _bounded(field, value, limit)
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as error:
        raise _invalid(field, "is not valid base64") from error


def _language(field: str, value: str) -> str:
    if value not in LANGUAGE_IDS:
        names = ", ".join(language.id for language in LANGUAGES)
        raise _invalid(field, f"must be one of {names}")
    return value


def _truncate(text: str, limit: int) -> tuple[str, bool]:
    if len(text) <= limit:
        return text, False
    omitted = len(text) - limit
    return f"{text[:limit]}\n[output truncated: {omitted} more characters not shown]", True


# ---------------------------------------------------------------- handlers


def _join(room: Room, connection: Connection, payload: p.JoinSession, settings: Settings) -> None:
    user_id = _name("userId", payload.userId, settings.max_user_id_chars)
    if user_id == p.SERVER_USER_ID:
        raise _invalid("userId", f'"{p.SERVER_USER_ID}" is reserved')
    username = _name("username", payload.username, settings.max_username_chars)
    if payload.crdt not in (None, "yjs"):
        raise _invalid("crdt", 'must be "yjs" when present')
    state_vector = None
    if payload.crdt and payload.stateVector:
        state_vector = _base64("stateVector", payload.stateVector, settings.max_message_bytes)
    try:
        room.join(
            connection,
            user_id=user_id,
            username=username,
            crdt=payload.crdt == "yjs",
            state_vector=state_vector,
            secret=_secret(payload.participantSecret, settings),
        )
    except RefusedUpdate as error:
        raise _invalid("stateVector", str(error)) from error


def _secret(secret: str | UnsetType | None, settings: Settings) -> str | UnsetType | None:
    if isinstance(secret, str):
        _bounded("participantSecret", secret, settings.max_user_id_chars)
    return secret


def _leave(room: Room, connection: Connection, _: p.LeaveSession, settings: Settings) -> None:
    room.leave(connection)


def _code_change(
    room: Room, connection: Connection, payload: p.CodeChange, settings: Settings
) -> None:
    if payload.update is not None:
        update = _base64("update", payload.update, settings.max_message_bytes)
        try:
            room.merge_update(connection, payload.update, update)
        except RefusedUpdate as error:
            raise _invalid("update", str(error)) from error
        return
    if payload.changes is None:
        raise _invalid("changes", "is required (the full code as a string)")
    room.replace_code(connection, _bounded("changes", payload.changes, settings.max_code_chars))


def _cursor_move(
    room: Room, connection: Connection, payload: p.CursorMove, settings: Settings
) -> None:
    if payload.relative is not None:
        limit = settings.max_cursor_extension_chars
        _bounded("relative.anchor", payload.relative.anchor, limit)
        _bounded("relative.head", payload.relative.head, limit)
    room.move_cursor(connection, payload)


def _language_change(
    room: Room, connection: Connection, payload: p.LanguageChange, settings: Settings
) -> None:
    room.change_language(connection, _language("language", payload.language))


def _execute_code(
    room: Room, connection: Connection, payload: p.ExecuteCode, settings: Settings
) -> None:
    _language("language", payload.language)
    code = normalise_newlines(_bounded("code", payload.code, settings.max_code_chars))
    if payload.runId is not None:
        _bounded("runId", payload.runId, MAX_RUN_ID_CHARS)
    stdin = _stdin(payload.stdin, settings)
    room.forward_execution(connection, msgspec.structs.replace(payload, code=code, stdin=stdin))


def _execution_result(
    room: Room, connection: Connection, payload: p.ExecutionResult, settings: Settings
) -> None:
    output, output_cut = _truncate(payload.output, settings.max_output_chars)
    error, error_cut = (None, False)
    if payload.error is not None:
        error, error_cut = _truncate(payload.error, settings.max_output_chars)
    if payload.language is not None:
        _language("language", payload.language)
    if payload.runId is not None:
        _bounded("runId", payload.runId, MAX_RUN_ID_CHARS)
    stdin = _stdin(payload.stdin, settings)
    result = msgspec.structs.replace(payload, output=output, error=error, stdin=stdin)
    room.share_result(connection, result, truncated=output_cut or error_cut)


def _stdin(stdin: str | None, settings: Settings) -> str | None:
    """A run's shared stdin: the runner's page cuts a longer one itself (with a marker) and
    runs the program with all of it, so a longer one here is a client's mistake."""
    if stdin is None:
        return None
    return normalise_newlines(_bounded("stdin", stdin, settings.max_stdin_chars))


def _chat_message(
    room: Room, connection: Connection, payload: p.ChatMessage, settings: Settings
) -> None:
    text = normalise_newlines(payload.text).strip()
    if not text:
        raise _invalid("text", "must not be empty")
    room.chat(connection, _bounded("text", text, settings.max_chat_chars))


def _end_session(room: Room, connection: Connection, _: p.EndSession, settings: Settings) -> None:
    _require_interviewer(connection, "end the interview")
    assert connection.user_id is not None  # handlers only get joined connections
    room.end(connection.user_id)


def _require_interviewer(connection: Connection, action: str) -> None:
    if connection.role != p.INTERVIEWER:
        raise p.ProtocolError(f"{p.INTERVIEWERS_ONLY}: {action}")


def _set_controls(
    room: Room, connection: Connection, payload: p.SetControls, settings: Settings
) -> None:
    _require_interviewer(connection, "change the room's controls")
    room.set_controls(connection, payload)


def _remove_participant(
    room: Room, connection: Connection, payload: p.RemoveParticipant, settings: Settings
) -> None:
    _require_interviewer(connection, "remove a participant")
    room.remove(_bounded("userId", payload.userId, settings.max_user_id_chars))


def _admit_participant(
    room: Room, connection: Connection, payload: p.AdmitParticipant, settings: Settings
) -> None:
    _require_interviewer(connection, "let someone in")
    room.admit_waiting(_bounded("waitingId", payload.waitingId, MAX_WAITING_ID_CHARS))


def _deny_participant(
    room: Room, connection: Connection, payload: p.DenyParticipant, settings: Settings
) -> None:
    _require_interviewer(connection, "turn someone away")
    room.deny_waiting(_bounded("waitingId", payload.waitingId, MAX_WAITING_ID_CHARS))


def _timer_control(
    room: Room, connection: Connection, payload: p.TimerControl, settings: Settings
) -> None:
    _require_interviewer(connection, "control the timer")
    longest = int(settings.max_timer_seconds * 1000)
    if payload.durationMs is not None and payload.durationMs > longest:
        raise _invalid("durationMs", f"must be at most {longest} (max_timer_seconds)")
    if payload.mode == "countdown" and payload.durationMs is None and room.timer.duration_ms == 0:
        raise _invalid("durationMs", "is required to start a countdown")
    room.control_timer(connection, payload)


def _notes_change(
    room: Room, connection: Connection, payload: p.NotesChange, settings: Settings
) -> None:
    _require_interviewer(connection, "edit the private notes")
    update = _base64("update", payload.update, settings.max_message_bytes)
    try:
        room.edit_notes(connection, payload.update, update)
    except RefusedUpdate as error:
        raise _invalid("update", str(error)) from error


def _integrity_signal(
    room: Room, connection: Connection, payload: p.IntegritySignal, settings: Settings
) -> None:
    room.report_integrity(connection, payload)


def _restore_code(
    room: Room, connection: Connection, payload: p.RestoreCode, settings: Settings
) -> None:
    _require_interviewer(connection, "restore the code to an earlier instant")
    person = room.person_of(connection)
    start_restore(room, connection, payload.at, person)


_Handler: TypeAlias = "Callable[[Room, Connection, Any, Settings], None]"
_HANDLERS: dict[str, _Handler] = {
    "leave-session": _leave,
    "code-change": _code_change,
    "cursor-move": _cursor_move,
    "language-change": _language_change,
    "execute-code": _execute_code,
    "execution-result": _execution_result,
    "chat-message": _chat_message,
    "end-session": _end_session,
    "set-controls": _set_controls,
    "remove-participant": _remove_participant,
    "admit-participant": _admit_participant,
    "deny-participant": _deny_participant,
    "timer-control": _timer_control,
    "integrity-signal": _integrity_signal,
    "notes-change": _notes_change,
    "restore-code": _restore_code,
}
