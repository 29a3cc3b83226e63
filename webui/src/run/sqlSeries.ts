/**
 * The sqlite3 shell's `generate_series(start, stop, step)` (ext/misc/series.c), which SQLite's
 * library, hence sql.js, lacks: it is a virtual table, and sql.js exports no way to define
 * one. So before a script runs, each `generate_series(...)` used as a table (after FROM, JOIN
 * or a comma of a FROM list) becomes a recursive common table expression that yields the
 * same rows: a column `value` from start up to stop by step (stop defaults to 4294967295 and
 * step to 1, as in the shell; a negative step gives the same values in descending order; a
 * NULL argument gives no rows). The rewrite keeps every line where it was, so an error's line
 * number is the line the candidate wrote.
 *
 * What it cannot do: arguments that name columns of another table of the same FROM (a table
 * function may; a subquery in FROM may not), and the hidden columns `start`, `stop`, `step`.
 */

interface Token {
  kind: "word" | "quoted" | "string" | "space" | "punct";
  text: string;
  start: number;
  end: number;
}

const TOKEN =
  /\s+|--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:[^']|'')*'?|"(?:[^"]|"")*"?|`(?:[^`]|``)*`?|\[[^\]]*\]?|[A-Za-z_][A-Za-z0-9_$]*|[\s\S]/gy;

function tokenize(code: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(code); match; match = TOKEN.exec(code)) {
    const text = match[0];
    tokens.push({ kind: kindOf(text), text, start: match.index, end: match.index + text.length });
  }
  return tokens;
}

function kindOf(text: string): Token["kind"] {
  if (/^(\s|--|\/\*)/.test(text)) return "space";
  if (text.startsWith("'")) return "string";
  if (/^["`[]/.test(text)) return "quoted";
  return /^[A-Za-z_]/.test(text) ? "word" : "punct";
}

// Words that end a FROM item: after one of these, the series needs a name of its own so that
// `generate_series.value` still resolves.
const NOT_AN_ALIAS = new Set(
  (
    "where join inner left right full cross natural outer on using group order limit having " +
    "window union except intersect returning indexed not"
  ).split(" "),
);
const CLAUSES = new Set(
  "select from where group having order limit values set on using window returning".split(" "),
);

interface Call {
  start: number; // of the word generate_series
  open: number; // index of its "(" among the significant tokens
  close: number; // of its ")"
}

export function rewriteGenerateSeries(code: string): string {
  const tokens = tokenize(code).filter((token) => token.kind !== "space");
  const calls = findCalls(tokens);
  let rewritten = code;
  // From the last to the first, so that earlier offsets stay valid.
  for (const [n, call] of [...calls.entries()].reverse()) {
    const args = argumentsOf(tokens, call, code);
    if (args.length === 0 || args.length > 3) continue;
    const end = tokens[call.close].end;
    const next = tokens[call.close + 1];
    const named = next !== undefined && isAlias(next);
    const original = code.slice(call.start, end);
    const newlines = "\n".repeat(original.split("\n").length - 1);
    const series = seriesQuery(args, `pairpad_series_${n}`);
    const replacement = named ? series : `${series} AS generate_series`;
    rewritten = rewritten.slice(0, call.start) + replacement + newlines + rewritten.slice(end);
  }
  return rewritten;
}

function isAlias(token: Token): boolean {
  if (token.kind === "quoted") return true;
  // `AS name`, or a bare name that is not the next clause's keyword.
  return token.kind === "word" && !NOT_AN_ALIAS.has(token.text.toLowerCase());
}

/** Every generate_series(...) in a FROM list, in order. */
function findCalls(tokens: Token[]): Call[] {
  const calls: Call[] = [];
  const clause: string[] = [""]; // the last clause keyword at each parenthesis depth
  for (let i = 0; i < tokens.length; i++) {
    const { kind, text } = tokens[i];
    const lower = text.toLowerCase();
    if (text === "(") clause.push("");
    else if (text === ")") {
      if (clause.length > 1) clause.pop();
    }
    else if (text === ";") clause.splice(0, clause.length, "");
    else if (kind === "word" && CLAUSES.has(lower)) clause[clause.length - 1] = lower;
    else if (kind === "word" && lower === "join") clause[clause.length - 1] = "from";
    if (kind !== "word" || lower !== "generate_series" || tokens[i + 1]?.text !== "(") continue;
    const before = tokens[i - 1]?.text.toLowerCase();
    const inFrom = clause[clause.length - 1] === "from";
    if (!inFrom || !(before === "from" || before === "join" || before === ",")) continue;
    const close = matchingParenthesis(tokens, i + 1);
    if (close === null) continue;
    calls.push({ start: tokens[i].start, open: i + 1, close });
  }
  return calls;
}

function matchingParenthesis(tokens: Token[], open: number): number | null {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i].text === "(") depth++;
    else if (tokens[i].text === ")" && --depth === 0) return i;
  }
  return null;
}

/** The arguments' texts (on one line each), split at the call's own commas. */
function argumentsOf(tokens: Token[], call: Call, code: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let from = tokens[call.open].end;
  for (let i = call.open + 1; i < call.close; i++) {
    const text = tokens[i].text;
    if (text === "(") depth++;
    else if (text === ")") depth--;
    else if (text === "," && depth === 0) {
      args.push(code.slice(from, tokens[i].start));
      from = tokens[i].end;
    }
  }
  args.push(code.slice(from, tokens[call.close].start));
  const flat = args.map((arg) => oneLine(arg).trim());
  return flat.length === 1 && flat[0] === "" ? [] : flat;
}

// A `--` comment would swallow the rest of the generated line: it becomes a block comment.
const oneLine = (text: string) =>
  tokenize(text)
    .map((token) => (token.text.startsWith("--") ? `/*${token.text.slice(2)}*/` : token.text))
    .join("")
    .replace(/\n/g, " ");

function seriesQuery(args: string[], name: string): string {
  const int = (arg: string) => `CAST((${arg}) AS INTEGER)`;
  const start = int(args[0]);
  const stop = args[1] ? int(args[1]) : "4294967295";
  const step = args[2] ? int(args[2]) : "1";
  // A step of 0 counts as 1, as in series.c; a negative one reverses the order.
  const first =
    `SELECT ${start}, ${stop}, max(abs(${step}), 1) ` +
    `WHERE ${start} <= ${stop} AND ${step} IS NOT NULL`;
  const more = `SELECT value + step, stop, step FROM ${name} WHERE value + step <= stop`;
  const order = args[2] ? ` ORDER BY CASE WHEN ${step} < 0 THEN -value ELSE value END` : "";
  const cte = `WITH RECURSIVE ${name}(value, stop, step) AS (${first} UNION ALL ${more})`;
  return `(${cte} SELECT value FROM ${name}${order})`;
}
