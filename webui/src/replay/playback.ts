/**
 * The replay's clock: an instant of the interview that moves at 1× to 32× while playing,
 * jumps over idle stretches when asked to, and can be set anywhere. It knows nothing of the
 * page: each new instant goes to `show`, once per animation frame at most.
 */

export const SPEEDS = [1, 2, 4, 8, 16, 32] as const;
/** A stretch with no event for this long (interview time) is idle... */
export const IDLE_GAP_MS = 5_000;
/** ...and skipping it lands this long before the next event, so what happens is seen. */
export const IDLE_LEAD_MS = 500;

export interface Clock {
  now(): number;
  frame(callback: (now: number) => void): number;
  cancel(handle: number): void;
}

const browserClock: Clock = {
  now: () => performance.now(),
  frame: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export class Playback {
  speed = 1;
  skipIdle = true;
  private current: number;
  private handle: number | null = null;
  private lastNow = 0;

  constructor(
    readonly start: number,
    readonly end: number,
    /** Every event's instant, sorted. */
    private readonly activity: Float64Array,
    private readonly show: (instant: number, playing: boolean) => void,
    private readonly clock: Clock = browserClock,
  ) {
    this.current = end;
  }

  get instant(): number {
    return this.current;
  }

  get playing(): boolean {
    return this.handle !== null;
  }

  play(): void {
    if (this.playing) return;
    if (this.current >= this.end) this.current = this.start; // from the top, as players do
    this.lastNow = this.clock.now();
    this.handle = this.clock.frame((now) => this.tick(now));
    this.show(this.current, true);
  }

  pause(): void {
    if (this.handle !== null) this.clock.cancel(this.handle);
    this.handle = null;
    this.show(this.current, false);
  }

  seek(instant: number): void {
    this.current = Math.max(this.start, Math.min(this.end, instant));
    this.lastNow = this.clock.now();
    this.show(this.current, this.playing);
  }

  private tick(now: number): void {
    const elapsed = Math.max(0, now - this.lastNow) * this.speed;
    this.lastNow = now;
    let next = this.current + elapsed;
    if (this.skipIdle) next = this.overIdle(next);
    this.current = Math.min(next, this.end);
    if (this.current >= this.end) {
      this.handle = null;
      this.show(this.current, false);
      return;
    }
    this.handle = this.clock.frame((later) => this.tick(later));
    this.show(this.current, true);
  }

  /** In a stretch where nothing happens for more than IDLE_GAP_MS, go on to just before the
   *  next event. */
  private overIdle(next: number): number {
    const upcoming = firstAfter(this.activity, this.current);
    if (upcoming === null) return Math.max(next, this.end);
    const landing = upcoming - IDLE_LEAD_MS;
    return upcoming - this.current > IDLE_GAP_MS && next < landing ? landing : next;
  }
}

/** The first value of the sorted `times` after `instant`, or null. */
export function firstAfter(times: Float64Array, instant: number): number | null {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (times[middle] <= instant) low = middle + 1;
    else high = middle;
  }
  return low < times.length ? times[low] : null;
}
