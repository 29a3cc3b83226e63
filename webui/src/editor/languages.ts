/** Editor modes for the languages the server lists (GET /api/languages). */

import { javascript } from "@codemirror/lang-javascript";
import { python } from "@codemirror/lang-python";
import { SQLite, sql } from "@codemirror/lang-sql";
import type { LanguageSupport } from "@codemirror/language";

export interface LanguageInfo {
  id: string;
  name: string;
  fileExtension: string;
}

/** Used until /api/languages answers, and by tests. */
export const DEFAULT_LANGUAGES: LanguageInfo[] = [
  { id: "python", name: "Python", fileExtension: "py" },
  { id: "javascript", name: "JavaScript", fileExtension: "js" },
  { id: "typescript", name: "TypeScript", fileExtension: "ts" },
  { id: "sql", name: "SQL (SQLite)", fileExtension: "sql" },
];

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
    default:
      return [];
  }
}
