/**
 * A script sent as PostgreSQL's simple query protocol, and its answer read back statement by
 * statement. One Query message runs every statement in turn and stops at the first error, and
 * the answer keeps each earlier statement's rows: so results before an error are shown, as
 * `psql -v ON_ERROR_STOP=1` would show them, without splitting SQL ourselves.
 */

/** The frontend Query message ('Q', its length, the text, a NUL). */
export function queryMessage(sql: string): Uint8Array {
  const text = new TextEncoder().encode(`${sql}\0`);
  const message = new Uint8Array(5 + text.length);
  message[0] = "Q".charCodeAt(0);
  new DataView(message.buffer).setInt32(1, 4 + text.length);
  message.set(text, 5);
  return message;
}

export interface ResultTable {
  columns: string[];
  /** Numeric columns are right-aligned, as psql aligns them. */
  numeric: boolean[];
  /** Values in PostgreSQL's text format, as psql prints them; null is SQL NULL. */
  rows: (string | null)[][];
}

export interface ServerError {
  message: string;
  /** 1-based character offset into the script, when PostgreSQL names one. */
  position: number | null;
}

/** The backend messages we read (pglite parses them into objects with these fields). */
export type BackendMessage =
  | { name: "rowDescription"; fields: { name: string; dataTypeID: number }[] }
  | { name: "dataRow"; fields: (string | null)[] }
  | { name: "error"; message: string; position?: string }
  | { name: string };

// int2, int4, int8, oid, float4, float8, money, numeric
const NUMERIC_TYPES = new Set([21, 23, 20, 26, 700, 701, 790, 1700]);

export function readResults(messages: readonly BackendMessage[]): { tables: ResultTable[]; error: ServerError | null } {
  const tables: ResultTable[] = [];
  let error: ServerError | null = null;
  for (const message of messages) {
    if (message.name === "rowDescription" && "fields" in message) {
      const fields = message.fields as { name: string; dataTypeID: number }[];
      tables.push({
        columns: fields.map((field) => field.name),
        numeric: fields.map((field) => NUMERIC_TYPES.has(field.dataTypeID)),
        rows: [],
      });
    } else if (message.name === "dataRow" && "fields" in message) {
      tables[tables.length - 1]?.rows.push(message.fields as (string | null)[]);
    } else if (message.name === "error" && "message" in message && error === null) {
      const position = "position" in message && message.position ? Number(message.position) : null;
      error = { message: message.message, position };
    }
  }
  return { tables, error };
}
