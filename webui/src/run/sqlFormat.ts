/** Result sets as aligned text tables, like a terminal client would print them. */

export type SqlValue = number | string | Uint8Array | null | bigint;

function cell(value: SqlValue): string {
  if (value === null) return "NULL";
  if (value instanceof Uint8Array) return `x'${[...value].map((b) => b.toString(16).padStart(2, "0")).join("")}'`;
  if (typeof value === "number") return formatReal(value);
  return String(value);
}

/**
 * A REAL as the sqlite3 shell (3.43+) prints it: the shortest digits that read back as the
 * same double, always with a decimal point (`50000.0`), and in exponent form (`1.0e+20`)
 * from 10^15 up and below 10^-4, as C's `%!.15g` would switch. INTEGERs arrive as bigints.
 */
export function formatReal(value: number): string {
  if (Number.isNaN(value)) return "NULL";
  if (!Number.isFinite(value)) return value > 0 ? "Inf" : "-Inf";
  const [mantissa, exponentText] = value.toExponential().split("e");
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 15) {
    const digits = mantissa.includes(".") ? mantissa : `${mantissa}.0`;
    return `${digits}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  const text = String(value);
  return text.includes(".") ? text : `${text}.0`;
}

/**
 * `numericColumns` says which columns to right-align when the values' JavaScript types cannot
 * (PostgreSQL's values all arrive as text); by default, columns of numbers are.
 */
export function formatTable(columns: string[], rows: SqlValue[][], numericColumns?: readonly boolean[]): string {
  const text = rows.map((row) => row.map(cell));
  const numeric =
    numericColumns ??
    columns.map((_, index) =>
      rows.length > 0 && rows.every((row) => typeof row[index] === "number" || typeof row[index] === "bigint" || row[index] === null),
    );
  // A loop, not Math.max(...): a million rows would overflow the call's arguments.
  const widths = columns.map((name) => name.length);
  for (const row of text) row.forEach((value, index) => (widths[index] = Math.max(widths[index], value.length)));
  const pad = (value: string, index: number) =>
    numeric[index] ? value.padStart(widths[index]) : value.padEnd(widths[index]);
  const lines = [
    columns.map((name, index) => name.padEnd(widths[index])).join(" | ").trimEnd(),
    widths.map((width) => "-".repeat(width)).join("-+-"),
    ...text.map((row) => row.map(pad).join(" | ").trimEnd()),
    `(${rows.length} ${rows.length === 1 ? "row" : "rows"})`,
  ];
  return `${lines.join("\n")}\n`;
}
