/**
 * The one text every participant sees for a run. The runner cuts its output to the room's
 * limit itself (so the server never cuts it differently), and when anything was cut, the text
 * ends with a marker that tells the others so: the runner's view, cut to the same place,
 * shows exactly what everyone else is shown.
 */

export const TRUNCATION_MARKER = "\n[output truncated]\n";

export interface SharedOutput {
  /** How many characters of the output are kept. */
  kept: number;
  /** What is sent to the room. */
  text: string;
  truncated: boolean;
}

export function shareOutput(output: string, truncated: boolean, limit: number): SharedOutput {
  if (!truncated && output.length <= limit) return { kept: output.length, text: output, truncated: false };
  const kept = Math.min(output.length, Math.max(0, limit - TRUNCATION_MARKER.length));
  return { kept, text: output.slice(0, kept) + TRUNCATION_MARKER, truncated: true };
}

/** A shared result as received: its output and whether it was cut (by the runner or the server). */
export function receiveOutput(text: string, cutByServer: boolean): { output: string; truncated: boolean } {
  if (text.endsWith(TRUNCATION_MARKER)) return { output: text.slice(0, -TRUNCATION_MARKER.length), truncated: true };
  return { output: text, truncated: cutByServer };
}

/**
 * The stdin a run shows the room: all of it within `limit` characters; a longer one cut so
 * that it and the note saying so fit. The program itself always runs with all of it.
 */
export function shareStdin(stdin: string, limit: number): string {
  if (stdin.length <= limit) return stdin;
  const note = (omitted: number) => `\n[stdin cut: ${omitted} more characters not shown]`;
  let kept = Math.max(0, limit - note(stdin.length).length);
  // Never half an emoji: a lone surrogate is not valid text for the server.
  if (kept > 0 && /[\uD800-\uDBFF]/.test(stdin[kept - 1])) kept--;
  return stdin.slice(0, kept) + note(stdin.length - kept);
}
