// What a program sees besides ES2022, as PairPad's JavaScript runner provides it: type-checked
// against exactly this, so a type-clean program finds each name at run time. It is a small
// part of what `@types/node` declares: no `process`, `require`, `Buffer` or `NodeJS`
// namespace, because the runner has none of them (run/workers/js.worker.ts).

interface Console {
  log(...data: any[]): void;
  info(...data: any[]): void;
  debug(...data: any[]): void;
  warn(...data: any[]): void;
  error(...data: any[]): void;
  trace(...data: any[]): void;
  dir(item?: any, options?: any): void;
  table(tabularData?: any, properties?: string[]): void;
  assert(condition?: boolean, ...data: any[]): void;
  count(label?: string): void;
  countReset(label?: string): void;
  group(...label: any[]): void;
  groupCollapsed(...label: any[]): void;
  groupEnd(): void;
  time(label?: string): void;
  timeEnd(label?: string): void;
}
declare var console: Console;

// Timers are numbers here (Node returns Timeout objects); both clear the same way.
declare function setTimeout<A extends any[]>(callback: (...args: A) => void, ms?: number, ...args: A): number;
declare function setInterval<A extends any[]>(callback: (...args: A) => void, ms?: number, ...args: A): number;
declare function setImmediate<A extends any[]>(callback: (...args: A) => void, ...args: A): number;
declare function clearTimeout(id: number | undefined): void;
declare function clearInterval(id: number | undefined): void;
declare function clearImmediate(id: number | undefined): void;
declare function queueMicrotask(callback: () => void): void;
declare function structuredClone<T>(value: T): T;

// The stdin box, a line at a time (null at the end), as browsers' and competitive judges'
// JavaScript read it.
declare function readline(): string | null;
declare function input(): string | null;
declare function prompt(): string | null;

// The one module a program may import: node-inspect-extracted, Node's own format/inspect.
declare module "node:util" {
  export function format(format?: any, ...args: any[]): string;
  export function formatWithOptions(options: object, format?: any, ...args: any[]): string;
  export function inspect(value: any, options?: object): string;
}
declare module "util" {
  export * from "node:util";
}
