/**
 * The timers a program starts, counted so that a run ends as a Node process does: when no
 * timer or interval is pending any more. A promise that nothing will settle keeps nothing
 * alive, as in Node. An exception thrown by a timer callback ends the run, as in Node.
 *
 * The worker's own timer functions are replaced: the worker runs one program and is then
 * discarded, so nothing else depends on them.
 */

type Callback = (...args: unknown[]) => void;
// The browser's signatures (the Node types the tests bring in would say otherwise).
type StartTimer = (handler: () => void, delay?: number) => number;
type ClearTimer = (id: number) => void;

export class EventLoop {
  private readonly pending = new Set<number>();
  private readonly native = {
    setTimeout: globalThis.setTimeout.bind(globalThis) as unknown as StartTimer,
    setInterval: globalThis.setInterval.bind(globalThis) as unknown as StartTimer,
    clearTimeout: globalThis.clearTimeout.bind(globalThis) as unknown as ClearTimer,
  };
  private onIdle: (() => void) | null = null;

  constructor(private readonly onUncaught: (error: unknown) => void) {}

  /** Puts the counting timer functions in place of the global ones. */
  install(scope: typeof globalThis = globalThis): void {
    const target = scope as unknown as Record<string, unknown>;
    target.setTimeout = (callback: Callback, delay?: number, ...args: unknown[]) => {
      const id = this.native.setTimeout(() => {
        this.pending.delete(id);
        this.call(callback, args);
      }, delay);
      this.pending.add(id);
      return id;
    };
    target.setInterval = (callback: Callback, delay?: number, ...args: unknown[]) => {
      const id = this.native.setInterval(() => this.call(callback, args), delay);
      this.pending.add(id);
      return id;
    };
    target.setImmediate = (callback: Callback, ...args: unknown[]) =>
      (target.setTimeout as typeof setTimeout)(callback, 0, ...args);
    const clear = (id: number | undefined) => {
      if (id === undefined || !this.pending.delete(id)) return;
      this.native.clearTimeout(id); // clears intervals too: they share one id space
      this.checkIdle();
    };
    target.clearTimeout = target.clearInterval = target.clearImmediate = clear;
  }

  /** Resolves once nothing is pending, after every promise job queued so far has run. */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.onIdle = resolve;
      this.checkIdle();
    });
  }

  private call(callback: Callback, args: unknown[]): void {
    try {
      callback(...args);
    } catch (error) {
      this.onUncaught(error);
      return;
    }
    this.checkIdle();
  }

  private checkIdle(): void {
    if (this.pending.size > 0 || !this.onIdle) return;
    // A macrotask later, every microtask has run: one of them may have started a timer. A
    // second one later, the browser has told of any promise rejected and left unhandled
    // (it queues that event as a task of its own after the microtasks).
    this.native.setTimeout(() => {
      this.native.setTimeout(() => {
        if (this.pending.size > 0 || !this.onIdle) return;
        const resolve = this.onIdle;
        this.onIdle = null;
        resolve();
      }, 0);
    }, 0);
  }
}
