/**
 * Output from inside a worker: gathered into a few messages a second, and capped.
 *
 * Flushing is decided on each write rather than by a timer, because a busy program never
 * yields to the worker's event loop. Past the cap, output is counted and dropped in the
 * worker, so a million prints cost the page nothing.
 */

import { OUTPUT_LIMITS, type Stream, type WorkerMessage } from "./messages";

const FLUSH_MS = 50;
const FLUSH_CHARS = 32_768;

export class OutputBatcher {
  private chunks: { stream: Stream; text: string }[] = [];
  private buffered = 0;
  private lastFlush = 0;
  private chars = 0;
  private lines = 0;
  private announced = false;
  truncated = false;

  constructor(
    private readonly post: (message: WorkerMessage) => void,
    private readonly now: () => number = () => performance.now(),
    private readonly limits: { maxChars: number; maxLines: number } = OUTPUT_LIMITS,
  ) {}

  write(stream: Stream, text: string): void {
    if (this.truncated || text.length === 0) return;
    const kept = this.keep(text);
    if (kept.length > 0) {
      const last = this.chunks[this.chunks.length - 1];
      if (last && last.stream === stream) last.text += kept;
      else this.chunks.push({ stream, text: kept });
      this.buffered += kept.length;
    }
    // The cut is said at once: a program that goes on printing past it never writes again
    // here (nor ends, when a loop runs until Stop or the timeout).
    const cutNow = this.truncated && !this.announced;
    if (cutNow || this.buffered >= FLUSH_CHARS || this.now() - this.lastFlush >= FLUSH_MS) this.flush();
  }

  flush(): void {
    this.lastFlush = this.now();
    for (const chunk of this.chunks) this.post({ type: "output", ...chunk });
    this.chunks = [];
    this.buffered = 0;
    if (this.truncated && !this.announced) {
      // Said at once, not only at the end: a run cut short by Stop or the timeout still shows it.
      this.announced = true;
      this.post({ type: "truncated" });
    }
  }

  /** The part of `text` within the limits; sets `truncated` when something is cut. */
  private keep(text: string): string {
    if (this.lines >= this.limits.maxLines) {
      this.truncated = true;
      return "";
    }
    let end = Math.min(text.length, this.limits.maxChars - this.chars);
    let newlines = 0;
    for (let index = 0; index < end; index++) {
      if (text.charCodeAt(index) === 10 && ++newlines + this.lines >= this.limits.maxLines) {
        end = index + 1;
        break;
      }
    }
    if (end < text.length) this.truncated = true;
    this.chars += end;
    this.lines += newlines;
    return text.slice(0, end);
  }
}
