/**
 * The TypeScript compiler, in a worker of its own that lives as long as the page: started the
 * first time TypeScript is used (it is 9 MB of JavaScript), kept warm for every later check.
 * It only type-checks: no participant code ever runs here, so one worker serves every run.
 */

/// <reference lib="webworker" />
import type { CheckerMessage, CheckRequest } from "../ts/checkMessages";

const post = (message: CheckerMessage) => (self as DedicatedWorkerGlobalScope).postMessage(message);

// A little of everything a first check meets, so that check is as fast as the next ones.
const WARM_UP = `class Box<T> { constructor(readonly items: T[] = []) {} }
const sizes = new Map<string, number>([["a", 1]]);
const total = [...sizes.values()].reduce((sum, n) => sum + n, 0);
console.log(\`\${new Box([total]).items.at(0)}\`, Math.max(total, 2), JSON.stringify({ total }));
export {};
`;

// Imported dynamically, so the page hears "loading" before 9 MB are parsed.
const loading = import("../ts/typeChecker").then(
  ({ TypeChecker }) => {
    const checker = new TypeChecker();
    const started = performance.now();
    checker.check(WARM_UP); // parses the library files and warms the compiler's own code
    post({ type: "ready", warmUpMs: performance.now() - started });
    return checker;
  },
  (error: unknown) => {
    post({ type: "load-error", message: `TypeScript could not start: ${String(error)}` });
    return null;
  },
);

self.onmessage = async (event: MessageEvent<CheckRequest>) => {
  const checker = await loading;
  if (!checker) return;
  const started = performance.now();
  const result = checker.check(event.data.code);
  post({ type: "checked", id: event.data.id, ...result, checkMs: performance.now() - started });
};
