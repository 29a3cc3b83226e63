/**
 * `console` as Node's: util.format for the arguments (%s %d %i %f %j %o %O %c %%), objects
 * shown by util.inspect, and groups indented. The inspect is Node's own code, extracted
 * (node-inspect-extracted), rather than a lookalike.
 */

import { format, inspect, type InspectOptions } from "node-inspect-extracted";

import type { Stream } from "../messages";

export type Write = (stream: Stream, text: string) => void;

export function makeNodeConsole(write: Write) {
  let indent = "";
  const counts = new Map<string, number>();
  const timers = new Map<string, number>();
  const print = (stream: Stream, text: string) => {
    const shifted = indent ? text.replace(/^/gm, indent) : text;
    write(stream, `${shifted}\n`);
  };
  const out = (stream: Stream) => (...args: unknown[]) => print(stream, format(...args));
  const group = (...args: unknown[]) => {
    if (args.length) print("stdout", format(...args));
    indent += "  ";
  };
  return {
    log: out("stdout"),
    info: out("stdout"),
    debug: out("stdout"),
    table: out("stdout"),
    warn: out("stderr"),
    error: out("stderr"),
    dir: (value: unknown, options?: InspectOptions) => print("stdout", inspect(value, { ...options, customInspect: false })),
    trace: (...args: unknown[]) => {
      const stack = (new Error().stack ?? "").split("\n").slice(2).join("\n");
      print("stderr", `Trace${args.length ? `: ${format(...args)}` : ""}\n${stack}`);
    },
    assert: (condition: unknown, ...args: unknown[]) => {
      if (!condition) print("stderr", args.length ? `Assertion failed: ${format(...args)}` : "Assertion failed");
    },
    group,
    groupCollapsed: group,
    groupEnd: () => {
      indent = indent.slice(2);
    },
    count: (label = "default") => {
      const count = (counts.get(label) ?? 0) + 1;
      counts.set(label, count);
      print("stdout", `${label}: ${count}`);
    },
    countReset: (label = "default") => counts.delete(label),
    time: (label = "default") => timers.set(label, performance.now()),
    timeEnd: (label = "default") => {
      const start = timers.get(label);
      if (start === undefined) return;
      timers.delete(label);
      print("stdout", `${label}: ${(performance.now() - start).toFixed(3)}ms`);
    },
  };
}
