"""The question library: questions (a title, a prompt in Markdown, starter code per language)
an interviewer keeps in the record's database and starts sessions from.

Checking is here (``checked``, ``parse_file``: clear sentences naming the field and the setting
of each limit); so are the queries, which run in the record's threads: reads in a worker
thread, writes in the writer's transaction (``Recorder.write_imported``), never on the event
loop. The HTTP calls are in ``template_routes.py``.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import time
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

import msgspec

from .languages import LANGUAGE_IDS
from .settings import Settings

FILE_FORMAT = "pairpad-templates"
FILE_VERSION = 1
_T = TypeVar("_T")


class BadTemplate(ValueError):
    """What is wrong, as a sentence for a 422."""


class TemplateFields(msgspec.Struct):
    """A question as a client sends it (one, or each of an import file's)."""

    title: str
    prompt: str = ""
    starterCode: dict[str, str] = msgspec.field(default_factory=dict)


class TemplateFile(msgspec.Struct):
    """What ``GET /api/templates/export`` gives and ``POST /api/templates/import`` takes."""

    format: Literal["pairpad-templates"]
    version: int
    templates: list[TemplateFields]


@dataclass(frozen=True, slots=True)
class Limits:
    max_templates: int
    max_title_chars: int
    max_prompt_chars: int
    max_starter_code_chars: int

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        return cls(
            settings.max_templates,
            settings.max_title_chars,
            settings.max_prompt_chars,
            settings.max_starter_code_chars,
        )


# ---------------------------------------------------------------- checking


def parse_one(body: bytes, limits: Limits) -> TemplateFields:
    return checked(_decode(body, TemplateFields, "the question"), limits, "")


def parse_file(body: bytes, limits: Limits) -> list[TemplateFields]:
    """An import file, all of it checked (the first problem is reported, nothing imported)."""
    library = _decode(body, TemplateFile, "the file")
    if library.version != FILE_VERSION:
        raise BadTemplate(
            f"`version` {library.version} is not one this PairPad reads ({FILE_VERSION})"
        )
    if len(library.templates) > limits.max_templates:
        raise BadTemplate(
            f"`templates` holds {len(library.templates)} questions; at most "
            f"{limits.max_templates} (max_templates)"
        )
    return [
        checked(fields, limits, f"templates[{index}].")
        for index, fields in enumerate(library.templates)
    ]


def _decode(body: bytes, kind: type[_T], what: str) -> _T:
    try:
        return msgspec.json.decode(body, type=kind)
    except msgspec.ValidationError as error:
        raise BadTemplate(str(error).replace("`$.", "`").replace("`$`", "the body")) from None
    except msgspec.DecodeError:
        raise BadTemplate(f"{what} is not JSON") from None


def checked(fields: TemplateFields, limits: Limits, where: str) -> TemplateFields:
    """The question with its title tidied, or BadTemplate naming the field and the limit."""
    title = " ".join(fields.title.split())
    if not title:
        raise BadTemplate(f"`{where}title` is empty: a question needs a title")
    if len(title) > limits.max_title_chars:
        raise BadTemplate(
            f"`{where}title` is too long (at most {limits.max_title_chars} characters: "
            "max_title_chars)"
        )
    if len(fields.prompt) > limits.max_prompt_chars:
        raise BadTemplate(
            f"`{where}prompt` is too long ({len(fields.prompt)} characters; at most "
            f"{limits.max_prompt_chars}: max_prompt_chars)"
        )
    for language, code in fields.starterCode.items():
        if language not in LANGUAGE_IDS:
            raise BadTemplate(
                f"`{where}starterCode.{language[:40]}`: not a language of PairPad "
                f"({', '.join(sorted(LANGUAGE_IDS))})"
            )
        if len(code) > limits.max_starter_code_chars:
            raise BadTemplate(
                f"`{where}starterCode.{language}` is too long ({len(code)} characters; at "
                f"most {limits.max_starter_code_chars}: max_starter_code_chars)"
            )
    starter_code = {lang: text.replace("\r\n", "\n") for lang, text in fields.starterCode.items()}
    return TemplateFields(title, fields.prompt.replace("\r\n", "\n"), starter_code)


# ---------------------------------------------------------------- queries (record threads)

_COLUMNS = "id, title, prompt, starter_code, created_at, updated_at"


def _as_dict(row: tuple[Any, ...]) -> dict[str, Any]:
    template_id, title, prompt, starter_code, created_at, updated_at = row
    return {
        "id": template_id,
        "title": title,
        "prompt": prompt,
        "starterCode": json.loads(starter_code),
        "createdAt": created_at,
        "updatedAt": updated_at,
    }


def list_all(db: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM templates ORDER BY title COLLATE NOCASE, id")
    return [_as_dict(row) for row in rows]


def get(db: sqlite3.Connection, template_id: str) -> dict[str, Any] | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM templates WHERE id = ?", (template_id,)).fetchone()
    return None if row is None else _as_dict(row)


class LibraryFull(Exception):
    pass


def insert(db: sqlite3.Connection, new: list[TemplateFields], max_templates: int) -> dict[str, Any]:
    """Add questions, all or none; one identical to a question already there (title, prompt
    and starter code) is skipped, so importing the same file twice adds nothing."""
    count: int = db.execute("SELECT count(*) FROM templates").fetchone()[0]
    existing = {_identity(t["title"], t["prompt"], t["starterCode"]) for t in list_all(db)}
    fresh = []
    for fields in new:
        identity = _identity(fields.title, fields.prompt, fields.starterCode)
        if identity not in existing:
            existing.add(identity)
            fresh.append(fields)
    if count + len(fresh) > max_templates:
        raise LibraryFull(
            f"The question library holds at most {max_templates} questions (max_templates); "
            f"it has {count}, and this adds {len(fresh)}"
        )
    now = int(time.time() * 1000)
    created = []
    for fields in fresh:
        template_id = "t-" + secrets.token_urlsafe(9)
        db.execute(
            f"INSERT INTO templates ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
            (template_id, fields.title, fields.prompt, _json(fields.starterCode), now, now),
        )
        created.append(get(db, template_id))
    return {"templates": created, "skipped": len(new) - len(fresh)}


def update(
    db: sqlite3.Connection, template_id: str, fields: TemplateFields
) -> dict[str, Any] | None:
    cursor = db.execute(
        "UPDATE templates SET title = ?, prompt = ?, starter_code = ?, updated_at = ? WHERE id = ?",
        (
            fields.title,
            fields.prompt,
            _json(fields.starterCode),
            int(time.time() * 1000),
            template_id,
        ),
    )
    return get(db, template_id) if cursor.rowcount else None


def delete(db: sqlite3.Connection, template_id: str) -> bool:
    return bool(db.execute("DELETE FROM templates WHERE id = ?", (template_id,)).rowcount)


def export_file(db: sqlite3.Connection) -> bytes:
    templates = [
        {"title": t["title"], "prompt": t["prompt"], "starterCode": t["starterCode"]}
        for t in list_all(db)
    ]
    library = {"format": FILE_FORMAT, "version": FILE_VERSION, "templates": templates}
    return json.dumps(library, ensure_ascii=False, indent=2).encode()


def _identity(title: str, prompt: str, starter_code: dict[str, str]) -> str:
    return _json({"title": title, "prompt": prompt, "starterCode": starter_code})


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
