"""The languages a session can be set to. Each one has a browser runner and an editor mode."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Language:
    id: str
    name: str
    file_extension: str


LANGUAGES: tuple[Language, ...] = (
    Language("python", "Python", "py"),
    Language("javascript", "JavaScript", "js"),
    Language("typescript", "TypeScript", "ts"),
    Language("sql", "SQL (SQLite)", "sql"),
    Language("lua", "Lua", "lua"),
    Language("ruby", "Ruby", "rb"),
    Language("postgres", "SQL (PostgreSQL)", "sql"),
    Language("c", "C", "c"),
    Language("cpp", "C++", "cpp"),
)

LANGUAGE_IDS: frozenset[str] = frozenset(language.id for language in LANGUAGES)
