/** Result sets as aligned text tables, like a terminal client would print them. */

export type SqlValue = number | string | Uint8Array | null | bigint;

function cell(value: SqlValue): string {
  if (value === null) return "NULL";
  if (value instanceof Uint8Array) return `x'${[...value].map((b) => b.toString(16).padStart(2, "0")).join("")}'`;
  return String(value);
}

export function formatTable(columns: string[], rows: SqlValue[][]): string {
  const text = rows.map((row) => row.map(cell));
  const numeric = columns.map((_, index) =>
    rows.length > 0 && rows.every((row) => typeof row[index] === "number" || typeof row[index] === "bigint" || row[index] === null),
  );
  const widths = columns.map((name, index) =>
    Math.max(name.length, ...text.map((row) => row[index].length)),
  );
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
