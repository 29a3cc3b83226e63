/** console.log's formatting, close to Node's: strings as-is, everything else inspected. */

export function formatArgs(args: unknown[]): string {
  return args.map((arg) => (typeof arg === "string" ? arg : inspect(arg))).join(" ");
}

export function inspect(value: unknown, depth = 2, seen = new Set<unknown>()): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value).replace(/^"|"$/g, "'");
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `${value}n`;
    case "undefined":
    case "boolean":
    case "symbol":
      return String(value);
    case "function":
      return `[Function: ${value.name || "(anonymous)"}]`;
  }
  if (value === null) return "null";
  if (seen.has(value)) return "[Circular]";
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (value instanceof RegExp) return String(value);
  if (depth < 0) return Array.isArray(value) ? "[Array]" : "[Object]";
  seen.add(value);
  try {
    const next = (item: unknown) => inspect(item, depth - 1, seen);
    if (Array.isArray(value)) return value.length === 0 ? "[]" : `[ ${value.map(next).join(", ")} ]`;
    if (value instanceof Map) {
      const entries = [...value].map(([k, v]) => `${next(k)} => ${next(v)}`);
      return value.size === 0 ? "Map(0) {}" : `Map(${value.size}) { ${entries.join(", ")} }`;
    }
    if (value instanceof Set) {
      return value.size === 0 ? "Set(0) {}" : `Set(${value.size}) { ${[...value].map(next).join(", ")} }`;
    }
    const entries = Object.entries(value as object).map(
      ([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${next(item)}`,
    );
    const name = (value as object).constructor?.name;
    const prefix = name && name !== "Object" ? `${name} ` : "";
    return entries.length ? `${prefix}{ ${entries.join(", ")} }` : `${prefix}{}`;
  } finally {
    seen.delete(value);
  }
}
