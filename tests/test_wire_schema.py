"""The web UI's message types come from the server's: the committed schema must match."""

from __future__ import annotations

import json

import msgspec

from build_scripts.wire_schema import SCHEMA_FILE, render
from server import messages as m
from server.languages import LANGUAGES


def test_committed_wire_schema_matches_the_server_definitions():
    committed = SCHEMA_FILE.read_text(encoding="utf-8")

    assert committed == render(), (
        "webui/src/net/wire.schema.json is stale: run `make wire` and commit it "
        "(the web UI's TypeScript types are generated from it)"
    )


def test_schema_names_every_event_in_both_directions():
    definitions = json.loads(SCHEMA_FILE.read_text())["$defs"]

    server_events = {
        branch["$ref"].rsplit("/", 1)[1] for branch in definitions["ServerMessage"]["anyOf"]
    }
    client_events = {
        branch["$ref"].rsplit("/", 1)[1] for branch in definitions["ClientMessage"]["anyOf"]
    }
    assert len(server_events) == len(m.SERVER_EVENTS)
    assert len(client_events) == len(m.PAYLOAD_TYPES)


def test_shared_constants_are_the_servers():
    shared = json.loads(SCHEMA_FILE.read_text())["x-pairpad"]

    assert [language["id"] for language in shared["languages"]] == [lang.id for lang in LANGUAGES]
    assert shared["closeCodes"] == {code.name: int(code) for code in m.CloseCode}


def test_frames_the_server_builds_are_messages_of_the_schema():
    author = m.Person("u1", "Ada", "#e6194b", "candidate")
    frames = [
        m.participant_joined(author),
        m.participant_left("u1"),
        m.code_update(m.CodeUpdate("u1", update="AAA=")),
        m.cursor_update("u1", m.CursorMove(cursor=m.Position(1, 2))),
        m.language_updated("u1", "python"),
        m.run_requested(author, m.ExecuteCode(language="python", code="print(1)")),
        m.run_result(author, m.ExecutionResult(output="1\n"), truncated=False),
        m.chat_line(author, "hi", ts=1),
        m.session_ended(m.SessionEnded("u1", endedAt=1)),
        m.error_event("no"),
    ]

    for frame in frames:
        msgspec.json.decode(frame, type=m.SERVER_MESSAGE)
    result = json.loads(m.run_result(author, m.ExecutionResult(output=""), truncated=False))
    assert result["payload"]["error"] is None, "the spec shows error: null on success"
    assert "truncated" not in result["payload"], "unset extension fields are left out"
