"""Every knob of the server in one typed, frozen object.

Each field is a CLI flag (``--max-message-bytes``) and an environment variable
(``PAIRPAD_MAX_MESSAGE_BYTES``); ``docs/settings.md`` lists them all, and a test fails when a
field is missing there. Limits are settings, not constants, so an operator can loosen them and
tests can tighten them without patching code.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, CliApp, SettingsConfigDict

from .languages import LANGUAGE_IDS

MIB = 1024 * 1024


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="PAIRPAD_",
        frozen=True,
        extra="ignore",
        cli_kebab_case=True,
        cli_implicit_flags=True,
        cli_prog_name="python -m server",
    )

    # Where to listen.
    host: str = Field("127.0.0.1", description="Interface to bind; 0.0.0.0 serves the whole LAN.")
    port: int = Field(8000, ge=0, le=65535, description="TCP port to listen on.")
    log_level: str = Field("info", description="Log level: debug, info, warning, error.")

    # Browsers.
    allowed_origins: list[str] = Field(
        default_factory=list,
        description="Extra browser origins (e.g. http://host:8000) allowed to open WebSockets; "
        "the page's own origin is always allowed.",
    )
    allowed_hosts: list[str] = Field(
        default_factory=list,
        description="Extra host names (e.g. interview.lan) the server answers to; localhost, "
        "loopback, this machine's addresses, its host name and <hostname>.local always work. "
        '["*"] turns the check off (then any web page can reach PairPad by DNS rebinding).',
    )
    host_token: str | None = Field(
        None,
        min_length=16,
        description="The interviewer's token (Authorization: Bearer, or the host link "
        "/host?token=...); unset: a random 256-bit token made at each start-up.",
    )
    ui_dir: Path | None = Field(
        None, description="Serve the web UI from this folder instead of the built-in one."
    )
    data_dir: Path | None = Field(
        None,
        description="Folder of the interview record (pairpad.sqlite3); unset: the user's data "
        "folder (platformdirs.user_data_dir('PairPad'), e.g. ~/.local/share/PairPad on Linux).",
    )

    # Limits at the door: HTTP requests and connections.
    max_request_body_bytes: int = Field(
        16 * 1024, gt=0, description="Largest HTTP request body (413 beyond it)."
    )
    max_import_bytes: int = Field(
        64 * MIB,
        gt=0,
        description="Largest archive POST /api/sessions/import takes (413 beyond it); the "
        "one body allowed past max_request_body_bytes.",
    )
    max_request_head_bytes: int = Field(
        32 * 1024,
        gt=0,
        description="Largest request line plus headers of an HTTP request (414/431 beyond it).",
    )
    request_head_timeout_seconds: float = Field(
        10.0, gt=0, description="Seconds a client has to send a request's line and headers (408)."
    )
    max_connections_per_address: int = Field(
        64, gt=0, description="Open TCP connections from one client address."
    )
    session_creations_per_minute: float = Field(
        20.0, gt=0, description="New sessions one client address may create per minute (429)."
    )
    limit_loopback: bool = Field(
        False,
        description="Apply the per-address limits to loopback clients too. Off: the host's own "
        "machine (the window, scripts, make bench) is never throttled.",
    )

    # Transport limits.
    max_message_bytes: int = Field(
        MIB, gt=0, description="Largest WebSocket message, after decompression (close 1009)."
    )
    websocket_compression: bool = Field(
        False,
        description="Offer permessage-deflate. Off: on a LAN it saves little bandwidth and costs "
        "CPU on every message and tens of KB of memory per connection.",
    )
    rate_limit_per_second: float = Field(
        200.0, gt=0, description="Sustained messages per second one connection may send."
    )
    rate_limit_burst: int = Field(
        400, gt=0, description="Messages a connection may send at once before the rate applies."
    )
    send_queue_max_bytes: int = Field(
        16 * MIB,
        gt=0,
        description="Outgoing bytes waiting for one slow reader before it is dropped.",
    )
    ping_interval_seconds: float = Field(
        5.0, gt=0, description="Keep-alive ping interval; dead peers leave within interval+timeout."
    )
    ping_timeout_seconds: float = Field(
        10.0, gt=0, description="Seconds to wait for a pong before a peer counts as gone."
    )
    join_timeout_seconds: float = Field(
        20.0, gt=0, description="Seconds a new connection has to send join-session."
    )

    # Rooms.
    max_rooms: int = Field(1000, gt=0, description="Sessions kept in memory at once.")
    max_participants_per_room: int = Field(32, gt=0, description="Distinct userIds in one session.")
    max_connections_per_room: int = Field(
        64, gt=0, description="Open WebSockets (tabs) in one session."
    )
    max_identities_per_room: int = Field(
        1000,
        gt=0,
        description="userIds (with their secrets) a session remembers; beyond this the ones "
        "used longest ago, of people not in the room, are forgotten.",
    )
    max_connections_per_user: int = Field(
        5, gt=0, description="Open WebSockets (tabs) one userId may hold in a session (4409)."
    )
    room_idle_ttl_seconds: float = Field(
        6 * 3600.0,
        gt=0,
        description="How long a session with nobody in it stays in memory; then it is "
        "reloaded from disk when asked for.",
    )
    unjoined_session_ttl_seconds: float = Field(
        600.0,
        gt=0,
        description="How long a session nobody has ever joined stays in memory (its record "
        "stays on disk).",
    )
    chat_history_size: int = Field(200, ge=0, description="Chat messages a late joiner receives.")
    max_chat_history_bytes: int = Field(
        128 * 1024,
        ge=0,
        description="At most this much chat history (newest first) is sent to a joiner.",
    )
    language_changes_per_minute: float = Field(
        30.0, gt=0, description="Language changes one connection may make per minute."
    )
    default_language: str = Field("python", description="Language of a new session.")
    run_timeout_seconds: float = Field(
        10.0, gt=0, description="Browsers stop a run after this long (runaway code)."
    )

    # The interviewer's controls (docs/protocol.md, "Interviewer controls").
    max_waiting_per_room: int = Field(
        32, gt=0, description="People one session's waiting room holds; more joiners are refused."
    )
    max_timer_seconds: float = Field(
        12 * 3600.0, gt=0, description="Longest countdown an interviewer may set."
    )
    paste_notice_chars: int = Field(
        200,
        gt=0,
        description="A paste of at least this many characters is shown to the room "
        "(integrity-notice); shorter ones are not reported.",
    )
    focus_notice_seconds: float = Field(
        5.0,
        gt=0,
        description="Leaving the page for at least this long is shown to the room "
        "(integrity-notice); shorter absences are not reported.",
    )
    max_notes_bytes: int = Field(
        256 * 1024,
        gt=0,
        description="Largest private notes of one session in UTF-8 bytes (interviewers only).",
    )
    max_templates: int = Field(
        500, gt=0, description="Questions the question library holds (422 beyond it)."
    )
    max_prompt_chars: int = Field(
        20_000, gt=0, description="Longest prompt (Markdown) of a question in the library."
    )
    max_starter_code_chars: int = Field(
        50_000,
        gt=0,
        description="Longest starter code of a question, for each language.",
    )
    max_template_bytes: int = Field(
        4 * MIB,
        gt=0,
        description="Largest request body of the /api/templates calls (one question, or an "
        "import file of many; 413 beyond it); they are allowed past max_request_body_bytes.",
    )
    integrity_signals_per_minute: float = Field(
        12.0, gt=0, description="Integrity reports one participant may send per minute."
    )

    # Lengths of what participants send.
    max_user_id_chars: int = Field(128, gt=0, description="Longest userId.")
    max_username_chars: int = Field(64, gt=0, description="Longest username.")
    max_title_chars: int = Field(200, gt=0, description="Longest session title.")
    max_chat_chars: int = Field(4000, gt=0, description="Longest chat message.")
    max_code_chars: int = Field(
        500_000, gt=0, description="Longest code a full-text code-change or execute-code may carry."
    )
    max_document_bytes: int = Field(
        2 * MIB,
        gt=0,
        description="Largest shared code in UTF-8 bytes; a CRDT update that would pass it is "
        "refused and the room keeps its state.",
    )
    max_pending_update_bytes: int = Field(
        256 * 1024,
        ge=0,
        description="CRDT updates held back while they wait for edits the server lacks; "
        "beyond this such updates are refused.",
    )
    max_output_chars: int = Field(
        200_000,
        gt=0,
        description="execution-result output/error longer than this is cut, with a marker.",
    )
    max_stdin_chars: int = Field(
        20_000,
        gt=0,
        description="Longest stdin a run shows the room (execute-code/execution-result "
        "`stdin`); the web UI runs with all of a longer one and shares it cut, with a marker.",
    )
    max_cursor_extension_chars: int = Field(
        2048, gt=0, description="Longest extension value (relative positions) in a cursor-move."
    )

    @field_validator("default_language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if value not in LANGUAGE_IDS:
            raise ValueError(f"must be one of {', '.join(sorted(LANGUAGE_IDS))}")
        return value


def settings_from_cli(args: Sequence[str]) -> Settings:
    """Settings from flags, then ``PAIRPAD_*`` variables, then defaults; a bad value exits
    with one readable line instead of a traceback."""
    try:
        return CliApp.run(Settings, cli_args=list(args))
    except ValidationError as error:
        raise SystemExit(f"invalid setting: {_describe(error)}") from None


def _describe(error: ValidationError) -> str:
    problems = []
    for problem in error.errors():
        name = str(problem["loc"][0])
        where = f"--{name.replace('_', '-')} / PAIRPAD_{name.upper()}"
        problems.append(f"{name} ({where}): {problem['msg']}")
    return "; ".join(problems)
