/**
 * Random ids. `crypto.randomUUID` exists only in secure contexts, and candidates join over
 * plain http on a LAN; `crypto.getRandomValues` works everywhere.
 */
export function randomId(prefix = "", bytes = 12): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  let text = "";
  for (const value of values) text += value.toString(16).padStart(2, "0");
  return prefix + text;
}
