/**
 * A PostgreSQL error as psql shows it: `ERROR:  message`, then the line it points at and a
 * caret under the column. The line is counted in the whole script (psql counts within the
 * statement), since the editor shows the script.
 */
export function describeServerError(script: string, message: string, position: number | null): string {
  const head = `ERROR:  ${message}`;
  if (position === null || !Number.isInteger(position) || position < 1) return head;
  // PostgreSQL counts characters (code points), not UTF-16 units.
  const before = Array.from(script).slice(0, position - 1).join("");
  const lineStart = before.lastIndexOf("\n") + 1;
  const lineNumber = before.split("\n").length;
  const lineEnd = script.indexOf("\n", lineStart);
  const lineText = script.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  const prefix = `LINE ${lineNumber}: `;
  const column = Array.from(before.slice(lineStart)).length;
  return `${head}\n${prefix}${lineText}\n${" ".repeat(prefix.length + column)}^`;
}
