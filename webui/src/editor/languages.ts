/** Editor modes for the languages the server lists (GET /api/languages). */

import { javascript } from "@codemirror/lang-javascript";
import { python } from "@codemirror/lang-python";
import { PostgreSQL, SQLite, sql } from "@codemirror/lang-sql";
import { LanguageSupport, StreamLanguage } from "@codemirror/language";
import { c, cpp } from "@codemirror/legacy-modes/mode/clike";
import { lua } from "@codemirror/legacy-modes/mode/lua";
import { ruby } from "@codemirror/legacy-modes/mode/ruby";

// The list of languages itself is data (room/serverDefaults.ts): the home page needs it
// without the editor's modes.

export function languageSupport(id: string): LanguageSupport | [] {
  switch (id) {
    case "python":
      return python();
    case "javascript":
      return javascript();
    case "typescript":
      return javascript({ typescript: true });
    case "sql":
      return sql({ dialect: SQLite, upperCaseKeywords: true });
    case "postgres":
      return sql({ dialect: PostgreSQL, upperCaseKeywords: true });
    case "c":
      return new LanguageSupport(StreamLanguage.define(c));
    case "cpp":
      return new LanguageSupport(StreamLanguage.define(cpp));
    case "lua":
      return new LanguageSupport(StreamLanguage.define(lua));
    case "ruby":
      return new LanguageSupport(StreamLanguage.define(ruby));
    default:
      return [];
  }
}
