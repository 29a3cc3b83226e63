"""``export?format=html``: the interview as one self-contained page.

Everything is inline (styles, no scripts, no fonts, no images), so the page makes no
request at all: it opens from a file, offline, years later. All text is escaped; the question's
Markdown is shown as the text it is (line breaks kept), never as HTML. The interviewers'
private notes are in it when there are any: the export is the host's.
"""

from __future__ import annotations

import html
import sqlite3
import time
from typing import Any

from . import reads

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}
pre{background:#f4f4f5;padding:.75rem;overflow:auto;border-radius:6px}
.t{color:#666;font-variant-numeric:tabular-nums}
.prose{white-space:pre-wrap;font:inherit;background:none;padding:0}
.notes{white-space:pre-wrap;font:inherit;background:#fffbe6;border:1px solid #f0e0a0}
li{margin:.2rem 0}
"""


def render(db: sqlite3.Connection, session_id: str) -> str | None:
    sessions = {s["sessionId"]: s for s in reads.list_sessions(db)}
    session = sessions.get(session_id)
    events = reads.history(db, session_id)
    if session is None or events is None:
        return None
    final_code = reads.code_at(db, session_id, reads.LATEST) or ""
    notes = reads.notes_text(db, session_id)
    (prompt,) = db.execute("SELECT prompt FROM sessions WHERE id = ?", (session_id,)).fetchone()
    title = session["title"] or "Untitled interview"
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">",
        f"<title>{_e(title)} · PairPad</title><style>{_STYLE}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f"<p>Started {_when(session['createdAt'])}; language {_e(session['language'])}; "
        f"participants: {_e(', '.join(session['participants']) or 'none')}.</p>",
        *(
            ["<h2>Question</h2>", f"<pre class='prose' data-testid='prompt'>{_e(prompt)}</pre>"]
            if prompt
            else []
        ),
        "<h2>Final code</h2>",
        f"<pre data-testid='final-code'><code>{_e(final_code)}</code></pre>",
        "<h2>Runs</h2>",
        *_runs(events),
        "<h2>Chat</h2><ul>",
        *(
            f"<li><span class='t'>{_when(e['t'])}</span> <b>{_e(e['username'])}</b>: "
            f"{_e(e['text'])}</li>"
            for e in events
            if e["type"] == "chat"
        ),
        "</ul>",
        *(
            [
                "<h2>The interviewers' notes</h2>",
                f"<pre class='notes' data-testid='notes'>{_e(notes)}</pre>",
            ]
            if notes
            else []
        ),
        "<h2>Timeline</h2><ul>",
        *_timeline(events),
        "</ul></body></html>",
    ]
    return "\n".join(parts)


def _runs(events: list[dict[str, Any]]) -> list[str]:
    out = []
    for event in events:
        if event["type"] != "run-finished":
            continue
        out.append(
            f"<h3><span class='t'>{_when(event['t'])}</span> {_e(event.get('username', ''))} "
            f"ran {_e(event.get('language') or '')}</h3>"
            f"<pre data-testid='run-output'>{_e(event.get('output') or '')}"
            f"{_e(event.get('error') or '')}</pre>"
        )
    return out or ["<p>No runs.</p>"]


def _timeline(events: list[dict[str, Any]]) -> list[str]:
    lines = []
    edits = 0
    for event in events:
        if event["type"] == "code":
            edits += 1
            continue
        if edits:
            lines.append(f"<li>{edits} edit{'s' if edits > 1 else ''}</li>")
            edits = 0
        details = ", ".join(
            f"{key}: {value}"
            for key, value in event.items()
            if key not in ("t", "type", "output", "prompt")
        )
        lines.append(
            f"<li><span class='t'>{_when(event['t'])}</span> {_e(event['type'])} {_e(details)}</li>"
        )
    if edits:
        lines.append(f"<li>{edits} edit{'s' if edits > 1 else ''}</li>")
    return lines


def _when(ms: int) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(ms / 1000))


def _e(text: object) -> str:
    return html.escape(str(text))
