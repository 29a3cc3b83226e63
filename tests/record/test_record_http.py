"""The record's pinned HTTP interface against a real server: list, history, code?at,
delete, export and import, each host-only."""

from __future__ import annotations

import sqlite3

import httpx
import pytest

from tests.support.peers import Peer
from tests.support.record_clock import next_millisecond, now_ms
from tests.support.server import ServerProcess


def host_get(server: ServerProcess, path: str, **params: object) -> httpx.Response:
    return httpx.get(
        f"{server.http}{path}", headers=server.host_headers, params=params or None, timeout=10
    )


async def host_call(
    server: ServerProcess, method: str, path: str, *, host: bool = True, **options: object
) -> httpx.Response:
    headers = server.host_headers if host else {}
    async with httpx.AsyncClient(base_url=server.http, timeout=10) as client:
        return await client.request(method, path, headers=headers, **options)  # type: ignore[arg-type]


async def joined(server: ServerProcess, session_id: str, name: str) -> Peer:
    peer = await Peer.connect(server.ws, session_id, f"id-{name.lower()}", name)
    await peer.join()
    return peer


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/sessions"),
        ("GET", "/api/sessions/x/history"),
        ("GET", "/api/sessions/x/code?at=1"),
        ("DELETE", "/api/sessions/x"),
        ("GET", "/api/sessions/x/export?format=pairpad"),
        ("GET", "/api/sessions/x/export?format=html"),
        ("POST", "/api/sessions/import"),
    ],
)
def test_every_record_call_answers_401_with_a_detail_without_host_credentials(server, method, path):
    wrong = {"authorization": "Bearer not-the-token-at-all-0000"}
    for headers in ({}, wrong):
        response = httpx.request(method, f"{server.http}{path}", headers=headers, timeout=10)

        assert response.status_code == 401
        assert "interviewer" in response.json()["detail"]


async def test_sessions_are_listed_newest_first_with_participants_and_code_size(server):
    older = server.create_session(title="Older")
    newer = server.create_session(title="Newer", language="javascript")
    ada = await joined(server, newer, "Ada")
    grace = await joined(server, newer, "Grace")
    await ada.send("code-change", changes="console.log('é')")
    await ada.barrier(grace)

    sessions = host_get(server, "/api/sessions").json()

    assert [s["sessionId"] for s in sessions[:2]] == [newer, older]
    first = sessions[0]
    assert first["title"] == "Newer"
    assert first["language"] == "javascript"
    assert sorted(first["participants"]) == ["Ada", "Grace"]
    assert first["codeSize"] == len("console.log('é')".encode())
    assert first["endedAt"] is None
    assert isinstance(first["createdAt"], int)


async def test_history_holds_every_event_and_each_code_change_with_its_author(server):
    session_id = server.create_session(title="History")
    ada = await joined(server, session_id, "Ada")
    grace = await joined(server, session_id, "Grace")
    await ada.send("code-change", changes="x = 1\n")
    await ada.barrier(grace)  # one order across the two connections
    await grace.send("language-change", language="javascript")
    await grace.send("execute-code", language="javascript", code="x", runId="r1", stdin="7\n")
    await grace.send("execution-result", output="1\n", error=None, runId="r1")
    await grace.barrier(ada)
    await ada.send("chat-message", text="looks good")
    await ada.barrier(grace)
    await grace.send("leave-session")
    await grace.expect("participant-left")

    events = host_get(server, f"/api/sessions/{session_id}/history").json()["events"]

    kinds = [e["type"] for e in events if e["type"] != "chat" or e["text"] == "looks good"]
    assert kinds == [
        "session-created",
        "join",
        "join",
        "code",
        "language",
        "run-started",
        "run-finished",
        "chat",
        "leave",
    ]
    code = next(e for e in events if e["type"] == "code")
    assert code["userId"] == "id-ada"
    assert code["update"]
    started = next(e for e in events if e["type"] == "run-started")
    assert (started["code"], started["runId"], started["stdin"]) == ("x", "r1", "7\n")
    finished = next(e for e in events if e["type"] == "run-finished")
    assert (finished["userId"], finished["output"], finished["runId"]) == ("id-grace", "1\n", "r1")
    times = [e["t"] for e in events]
    assert times == sorted(times)


async def test_code_at_gives_the_code_as_it_was_at_each_instant(server):
    session_id = server.create_session()
    ada = await joined(server, session_id, "Ada")
    before_any = now_ms() - 1
    observed: list[tuple[int, str]] = []
    for text in ("a", "ab", "abc\n", "abc\ndef", "c\ndef"):
        await ada.send("code-change", changes=text)
        await ada.barrier()
        observed.append((now_ms(), text))
        await next_millisecond(observed[-1][0])

    for instant, text in observed:
        response = host_get(server, f"/api/sessions/{session_id}/code", at=instant)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/plain")
        assert response.text == text
    assert host_get(server, f"/api/sessions/{session_id}/code", at=before_any).text == ""


@pytest.mark.parametrize("at", ["", "soon", "1.5", "-1", "99999999999999999999999"])
def test_a_bad_instant_gets_422_with_a_sentence(server, at):
    session_id = server.create_session()

    response = host_get(server, f"/api/sessions/{session_id}/code", at=at)

    assert response.status_code == 422
    assert response.json()["detail"]


@pytest.mark.parametrize(
    "path", ["/history", "/code?at=1", "/export?format=pairpad", "/export?format=html"]
)
def test_an_unknown_session_gets_404(server, path):
    response = host_get(server, f"/api/sessions/no-such-session{path}")

    assert response.status_code == 404
    assert response.json() == {"detail": "Session not found"}


def test_an_unknown_export_format_gets_422(server):
    session_id = server.create_session()

    response = host_get(server, f"/api/sessions/{session_id}/export", format="zip")

    assert response.status_code == 422


async def test_delete_closes_the_room_and_removes_the_record_from_disk(server):
    session_id = server.create_session(title="Gone")
    ada = await joined(server, session_id, "Ada")
    await ada.send("code-change", changes="secret = 1")
    await ada.barrier()

    response = await host_call(server, "DELETE", f"/api/sessions/{session_id}")

    assert response.status_code == 204
    code, _ = await ada.closed()
    assert code == 4404
    gone = await host_call(server, "GET", f"/api/sessions/{session_id}", host=False)
    assert gone.status_code == 404
    listed = (await host_call(server, "GET", "/api/sessions")).json()
    assert session_id not in [s["sessionId"] for s in listed]
    assert server.data_dir is not None
    with sqlite3.connect(server.data_dir / "pairpad.sqlite3") as db:
        for table in ("sessions", "updates", "events", "participants", "keyframes"):
            (rows,) = db.execute(f"SELECT count(*) FROM {table}").fetchone()
            assert rows == 0, table
    again = await host_call(server, "DELETE", f"/api/sessions/{session_id}")
    assert again.status_code == 404


async def test_export_then_import_on_another_server_gives_an_identical_history(
    server, start_server
):
    session_id = server.create_session(title="Portable")
    ada = await joined(server, session_id, "Ada")
    grace = await joined(server, session_id, "Grace")
    for index in range(30):
        await (ada if index % 2 else grace).send("code-change", changes="x" * index)
    await ada.send("chat-message", text="done")
    await ada.barrier(grace)
    history = host_get(server, f"/api/sessions/{session_id}/history").json()
    archive = host_get(server, f"/api/sessions/{session_id}/export", format="pairpad")
    assert archive.status_code == 200
    assert "attachment" in archive.headers["content-disposition"]
    other = start_server()

    imported = await host_call(other, "POST", "/api/sessions/import", content=archive.content)

    assert imported.status_code == 201, imported.text
    assert imported.json()["sessionId"] == session_id
    assert host_get(other, f"/api/sessions/{session_id}/history").json() == history
    original_code = server.session(session_id)["code"]
    assert original_code
    assert other.session(session_id)["code"] == original_code
    twice = await host_call(other, "POST", "/api/sessions/import", content=archive.content)
    assert twice.status_code == 409


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b"not gzip at all", "not gzip"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "cut short"),
        (__import__("gzip").compress(b"{]"), "not JSON"),
        (__import__("gzip").compress(b'{"format": "zip"}'), "format"),
    ],
)
def test_a_bad_archive_gets_422_saying_what_is_wrong(server, body, problem):
    response = httpx.post(
        f"{server.http}/api/sessions/import", content=body, headers=server.host_headers
    )

    assert response.status_code == 422
    assert problem in response.json()["detail"]


def test_an_archive_with_an_update_that_is_not_text_is_refused(server):
    import gzip
    import json

    archive = {
        "format": "pairpad-record",
        "version": 1,
        "exportedAt": 1,
        "session": {"sessionId": "abc", "title": "", "language": "python", "createdAt": 1},
        "participants": [],
        "entries": [{"seq": 1, "t": 1, "type": "code", "userId": "u", "update": "AAAA"}],
    }
    body = gzip.compress(json.dumps(archive).encode())

    response = httpx.post(
        f"{server.http}/api/sessions/import", content=body, headers=server.host_headers
    )

    assert response.status_code == 422
    assert "entries[0]" in response.json()["detail"]


def test_imports_have_their_own_body_limit(start_server):
    server = start_server(max_import_bytes="1000")
    body = b"\x00" * 2000

    response = httpx.post(
        f"{server.http}/api/sessions/import", content=body, headers=server.host_headers
    )

    assert response.status_code == 413
    assert "max_import_bytes" in response.json()["detail"]


async def test_the_html_export_is_one_page_with_code_runs_and_chat(server):
    session_id = server.create_session(title="<Review>")
    ada = await joined(server, session_id, "Ada")
    await ada.send("code-change", changes="print('<b>')")
    await ada.send("execution-result", output="<b>\n", error=None)
    await ada.send("chat-message", text="nice & tidy")
    await ada.barrier()

    page = host_get(server, f"/api/sessions/{session_id}/export", format="html")

    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "print(&#x27;&lt;b&gt;&#x27;)" in page.text
    assert "&lt;b&gt;" in page.text
    assert "nice &amp; tidy" in page.text
    assert "&lt;Review&gt;" in page.text
    assert "src=" not in page.text
    assert "href=" not in page.text
