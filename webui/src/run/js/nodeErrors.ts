/**
 * Errors told as Node tells them: the error's stack, with frames in the participant's file
 * (line numbers as in the editor) and none from PairPad's worker around it. That holds for
 * every stack the program sees too (`error.stack`, `console.log(error)`): the engine builds
 * each one through installNodeStacks.
 */

import { inspect } from "node-inspect-extracted";

import { ProgramSyntaxError, UnavailableImportError } from "./moduleProgram";

/** Lines the engine puts before the participant's code: the function header, "use strict". */
export const LINE_OFFSET = 3;

export function describeUncaught(error: unknown): string {
  if (!(error instanceof Error)) return `Uncaught ${inspect(error)}`;
  return typeof error.stack === "string" ? error.stack : `${error.name}: ${error.message}`;
}

type CallSite = { toString(): string };
type StackFormatter = (error: Error, sites: CallSite[]) => string;

/**
 * Every Error's `stack` as V8 writes it (its `toString()`, then a frame a line), cleaned
 * (cleanStack) as it is made, so that the program reads the editor's lines. V8 asks
 * `Error.prepareStackTrace` for each stack; the worker runs one program, so it is ours to set.
 */
export function installNodeStacks(fileName: string): void {
  const format: StackFormatter = (error, sites) => {
    const header = errorHeader(error);
    return cleanStack([header, ...sites.map((site) => `    at ${site.toString()}`)].join("\n"), fileName);
  };
  (Error as unknown as { prepareStackTrace: StackFormatter }).prepareStackTrace = format;
}

function errorHeader(error: Error): string {
  try {
    return Error.prototype.toString.call(error);
  } catch {
    return "Error";
  }
}

export function describeUnhandledRejection(reason: unknown): string {
  if (reason instanceof Error) return describeUncaught(reason);
  // Node's own words for a rejection with something that is not an Error.
  return (
    "[UnhandledPromiseRejection: This error originated either by throwing inside of an async " +
    "function without a catch block, or by rejecting a promise which was not handled with " +
    `.catch(). The promise rejected with the reason "${inspect(reason)}".] {\n` +
    "  code: 'ERR_UNHANDLED_REJECTION'\n}"
  );
}

/** What Node prints when the file does not parse: where, the line, a caret, the message. */
export function describeCompileError(error: unknown, code: string, fileName: string): string {
  if (error instanceof ProgramSyntaxError) {
    const sourceLine = code.split("\n")[error.line - 1] ?? "";
    return `${fileName}:${error.line}\n${sourceLine}\n${" ".repeat(error.column)}^\n\nSyntaxError: ${error.message}`;
  }
  if (error instanceof UnavailableImportError) return `Error: ${error.message}`;
  return describeUncaught(error);
}

export const UNSETTLED_TOP_LEVEL_AWAIT =
  "Warning: Detected unsettled top-level await: nothing was left that could settle it (exit code 13).";

/** Frames in `fileName` get the editor's line numbers; frames after the last of them are ours. */
export function cleanStack(stack: string, fileName: string): string {
  const lines = stack.split("\n");
  const firstFrame = lines.findIndex((line) => /^\s+at /.test(line));
  if (firstFrame === -1) return stack;
  const location = new RegExp(`${fileName.replace(".", "\\.")}:(\\d+):(\\d+)`);
  const frames = lines.slice(firstFrame);
  const lastOwn = frames.map((line) => location.test(line)).lastIndexOf(true);
  const kept = frames.slice(0, lastOwn + 1).map((line) =>
    line
      .replace(location, (_, row: string, column: string) => `${fileName}:${Number(row) - LINE_OFFSET}:${column}`)
      // Top-level code and anonymous functions are "eval" to the engine; Node names no function.
      .replace(/^(\s+at )(?:async )?eval \((.*)\)$/, "$1$2")
      .replace(/^(\s+at \S+\.)eval \[as \w+\] \((.*)\)$/, "$1<anonymous> ($2)"),
  );
  return [...lines.slice(0, firstFrame), ...kept].join("\n");
}
