"""Rules the web UI's source must keep: it runs on plain http on a LAN, offline, and shows
what other people typed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2] / "webui" / "src"
FILES = sorted(p for p in SOURCE.rglob("*") if p.suffix in {".ts", ".css", ".html"})


def matches(pattern: str) -> list[str]:
    found = []
    for path in FILES:
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if re.search(pattern, line) and not line.lstrip().startswith(("//", "*", "/*")):
                found.append(f"{path.relative_to(SOURCE)}:{number}: {line.strip()}")
    return found


def test_source_files_exist():
    assert len(FILES) > 20


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        (r"\bcrypto\.randomUUID\b", "not available in insecure contexts (plain http on a LAN)"),
        (r"\bnavigator\.clipboard\b", "not available in insecure contexts"),
        (r"\bSharedArrayBuffer\b", "not available without cross-origin isolation over https"),
        (r"\bserviceWorker\b", "service workers need a secure context"),
    ],
)
def test_no_secure_context_only_apis(pattern, why):
    assert matches(pattern) == [], why


def test_no_html_parsing_of_anything():
    # Names, chat and output are typed by other people: the UI only ever sets text.
    assert matches(r"\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write\(") == []


def test_no_outside_hosts():
    pattern = (
        r"(https?:)?//(cdn\.|unpkg\.com|cdnjs\.|fonts\.(googleapis|gstatic)\.com|esm\.sh|jsdelivr)"
    )
    assert matches(pattern) == []
    assert matches(r"https?://(?!127\.0\.0\.1|localhost)[a-z]") == []
