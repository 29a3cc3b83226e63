"""The question library over HTTP (host only): the three examples on first start, add, edit,
delete, export and import as JSON with clear 422s and named limits, and a session made from a
question (its prompt for everyone, its starter code in the editor)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from tests.support.peers import Peer
from tests.support.server import HOST_HEADERS, ServerProcess

# Tight limits, so each can be passed with a small request.
LIMITS = {"max_templates": "6", "max_prompt_chars": "2000", "max_template_bytes": "20000"}
EXAMPLES = {"example-two-sum", "example-log-levels", "example-top-customers"}


@pytest.fixture(scope="module")
def library() -> Iterator[ServerProcess]:
    process = ServerProcess(settings=LIMITS).start()
    yield process
    process.stop()


@pytest.fixture
def http(library: ServerProcess) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=library.http, headers=HOST_HEADERS, timeout=10) as client:
        yield client


def question(title: str, **fields: object) -> dict[str, object]:
    return {"title": title, "prompt": f"# {title}\n\nSolve it.", **fields}


def test_every_library_call_answers_401_without_host_credentials(library):
    calls = [
        ("GET", "/api/templates"),
        ("POST", "/api/templates"),
        ("GET", "/api/templates/export"),
        ("POST", "/api/templates/import"),
        ("GET", "/api/templates/example-two-sum"),
        ("PUT", "/api/templates/example-two-sum"),
        ("DELETE", "/api/templates/example-two-sum"),
        ("GET", "/api/sessions/x/interviewer-link"),
    ]
    with httpx.Client(base_url=library.http, timeout=10) as anonymous:
        for method, path in calls:
            response = anonymous.request(method, path, json=question("x"))
            assert response.status_code == 401, (method, path)
            assert "interviewer" in response.json()["detail"]


def test_add_edit_delete_export_and_import_again(http):
    listed = http.get("/api/templates").json()
    assert {t["id"] for t in listed} >= EXAMPLES, "the examples are there on first start"

    added = http.post("/api/templates", json=question("FizzBuzz", starterCode={"lua": "-- go\r\n"}))
    assert added.status_code == 201, added.text
    template = added.json()
    assert template["starterCode"] == {"lua": "-- go\n"}
    edited = http.put(f"/api/templates/{template['id']}", json=question("FizzBuzz 2")).json()
    assert edited["title"] == "FizzBuzz 2"
    assert edited["starterCode"] == {}
    exported = http.get("/api/templates/export")
    assert "attachment" in exported.headers["content-disposition"]
    library = exported.json()
    assert library["format"] == "pairpad-templates"
    assert "FizzBuzz 2" in [t["title"] for t in library["templates"]]
    assert http.delete(f"/api/templates/{template['id']}").status_code == 204
    assert http.get(f"/api/templates/{template['id']}").status_code == 404
    assert http.delete(f"/api/templates/{template['id']}").status_code == 404

    imported = http.post("/api/templates/import", content=exported.content).json()

    assert (imported["imported"], imported["skipped"]) == (1, len(library["templates"]) - 1)
    assert [t["title"] for t in imported["templates"]] == ["FizzBuzz 2"]
    again = http.post("/api/templates/import", content=exported.content).json()
    assert again["imported"] == 0, "importing the same file twice adds nothing"
    http.delete(f"/api/templates/{imported['templates'][0]['id']}")


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b"{not json", "not JSON"),
        (b'{"format": "zip", "version": 1, "templates": []}', "format"),
        (b'{"format": "pairpad-templates", "version": 9, "templates": []}', "`version` 9"),
        (json.dumps({"format": "pairpad-templates", "version": 1, "templates": [{}]}), "title"),
        (
            json.dumps(
                {
                    "format": "pairpad-templates",
                    "version": 1,
                    "templates": [question("A"), question("B", starterCode={"cobol": "x"})],
                }
            ),
            "`templates[1].starterCode.cobol`: not a language",
        ),
        (
            json.dumps(
                {"format": "pairpad-templates", "version": 1, "templates": [question("y" * 301)]}
            ),
            "max_title_chars",
        ),
        (
            json.dumps(
                {
                    "format": "pairpad-templates",
                    "version": 1,
                    "templates": [question("Long", prompt="p" * 2001)],
                }
            ),
            "`templates[0].prompt` is too long (2001 characters; at most 2000: max_prompt_chars)",
        ),
        (
            json.dumps(
                {
                    "format": "pairpad-templates",
                    "version": 1,
                    "templates": [question(f"Q{i}") for i in range(4)],
                }
            ),
            "at most 6 questions (max_templates)",
        ),
    ],
)
def test_a_bad_import_gets_a_clear_422_and_changes_nothing(http, body, problem):
    before = http.get("/api/templates").json()

    response = http.post("/api/templates/import", content=body)

    assert response.status_code == 422, response.text
    assert problem in response.json()["detail"]
    assert http.get("/api/templates").json() == before


def test_a_body_over_max_template_bytes_gets_413_naming_it(http):
    response = http.post("/api/templates", json=question("Big", prompt="x" * 20_000))

    assert response.status_code == 413
    assert "max_template_bytes" in response.json()["detail"]


async def test_a_session_from_a_question_shows_its_prompt_and_starter_code(library, http):
    unknown = http.post("/api/sessions", json={"templateId": "nope"})
    assert unknown.status_code == 422
    assert "templateId" in unknown.json()["detail"]
    created = http.post("/api/sessions", json={"templateId": "example-top-customers"}).json()
    template = http.get("/api/templates/example-top-customers").json()
    assert created["title"] == template["title"]
    assert created["language"] == "sql", "the question's language, as it has no Python"

    spec_client = await Peer.connect(library.ws, created["sessionId"], "id-ada", "Ada")
    joined = await spec_client.join()
    await spec_client.close()

    state = spec_client.state
    assert state["prompt"] == template["prompt"]
    assert state["starterCode"] == template["starterCode"]
    code = next(m["payload"]["code"] for m in joined if m["type"] == "code-update")
    assert code == template["starterCode"]["sql"]
    assert library.session(created["sessionId"])["prompt"] == template["prompt"]
    link = http.get(f"/api/sessions/{created['sessionId']}/interviewer-link").json()
    assert link == {"interviewerUrl": created["interviewerUrl"]}
