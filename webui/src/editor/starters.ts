/**
 * The code a language starts with: what its first line looks like, and how to read the
 * Input (stdin) box, so a candidate who does not use the language daily is not stuck there.
 */

const STARTERS: Readonly<Record<string, string>> = {
  lua: [
    "-- Lua 5.4. io.read() reads a line of the Input (stdin) box.",
    "local function greet(name)",
    '  return "Hello, " .. name .. "!"',
    "end",
    "",
    'print(greet(io.read() or "world"))',
    "",
  ].join("\n"),
  ruby: [
    "# Ruby 3.4. gets reads a line of the Input (stdin) box.",
    "def greet(name)",
    '  "Hello, #{name}!"',
    "end",
    "",
    'puts greet(gets&.chomp || "world")',
    "",
  ].join("\n"),
  c: [
    "// C17. scanf reads the Input (stdin) box.",
    "#include <stdio.h>",
    "",
    "int main(void) {",
    "    char name[64] = \"world\";",
    "    scanf(\"%63s\", name);",
    "    printf(\"Hello, %s!\\n\", name);",
    "    return 0;",
    "}",
    "",
  ].join("\n"),
  cpp: [
    "// C++20. std::cin reads the Input (stdin) box.",
    "#include <bits/stdc++.h>",
    "using namespace std;",
    "",
    "int main() {",
    "    string name = \"world\";",
    "    cin >> name;",
    "    cout << \"Hello, \" << name << \"!\" << endl;",
    "}",
    "",
  ].join("\n"),
  postgres: [
    "-- PostgreSQL. Every run starts from an empty database.",
    "CREATE TABLE people (id serial PRIMARY KEY, name text NOT NULL);",
    "INSERT INTO people (name) VALUES ('Ada'), ('Grace');",
    "SELECT id, name FROM people ORDER BY id;",
    "",
  ].join("\n"),
};

export function starterFor(language: string): string {
  return STARTERS[language] ?? "";
}

/**
 * What the editor should hold after its language changed from this text: the new language's
 * starter when the text is empty or untouched since it was a starter, else nothing (null),
 * because a participant's code is never replaced. `question`: the session's own starter code
 * per language (from the question library), which comes before the built-in one.
 */
export function starterReplacing(
  text: string,
  language: string,
  question: Readonly<Record<string, string>> = {},
): string | null {
  const starters = [...Object.values(STARTERS), ...Object.values(question)];
  const untouched = text.trim() === "" || starters.includes(text);
  if (!untouched) return null;
  const starter = question[language] ?? starterFor(language);
  return starter === text ? null : starter;
}
