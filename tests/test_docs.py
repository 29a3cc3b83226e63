"""Documentation that must not drift from the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from server.messages import PAYLOAD_TYPES, CloseCode
from server.settings import Settings

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.mark.parametrize("name", list(Settings.model_fields))
def test_every_setting_is_documented_with_its_flag_and_environment_variable(name):
    settings_doc = (DOCS / "settings.md").read_text()
    flag, variable = f"--{name.replace('_', '-')}", f"PAIRPAD_{name.upper()}"
    assert f"| `{name}` | `{flag}` / `{variable}` |" in settings_doc


@pytest.mark.parametrize("event_type", list(PAYLOAD_TYPES))
def test_every_client_event_is_documented(event_type):
    assert f"### {event_type}" in (DOCS / "protocol.md").read_text()


@pytest.mark.parametrize("code", [int(code) for code in CloseCode])
def test_every_close_code_is_documented(code):
    assert re.search(rf"^\| {code} \|", (DOCS / "protocol.md").read_text(), re.MULTILINE)
