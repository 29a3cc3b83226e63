/**
 * How a compiled program ended, in the words a Linux shell would use: WebAssembly traps are
 * what signals are natively (abort() executes `unreachable`; a stray pointer leaves memory).
 */

const TRAPS: readonly [RegExp, string][] = [
  [/unreachable/, "Aborted."],
  [/memory access out of bounds/, "Segmentation fault: memory access out of bounds."],
  [/divide by zero|remainder by zero/, "Floating point exception: integer division by zero."],
  [/integer overflow/, "Floating point exception: integer overflow."],
  [/call stack|stack overflow/i, "Segmentation fault: stack overflow."],
  [/out of memory|could not allocate memory/i, "Out of memory."],
];

export function describeTrap(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  for (const [pattern, description] of TRAPS) if (pattern.test(message)) return description;
  return `The program crashed: ${message}`;
}

export function describeExit(status: number): string | null {
  return status === 0 ? null : `Exited with status ${status}.`;
}
