/**
 * The shared output panel: one entry per run, saying who ran what and with which stdin, with
 * stdout, stderr and the error kept apart. Entries read as a console does, oldest first and
 * scrolled to the newest (followBottom.ts). Output arrives in batches and is drawn at most
 * once per frame.
 */

import { safeColor } from "../editor/remoteCursors";
import type { Stream } from "../run/messages";
import { STOPPED_ERROR } from "../run/workerPool";
import { h } from "../util/dom";
import { FollowBottom } from "./followBottom";
import { stdinView } from "./runStdinView";

const MAX_ENTRIES = 30;
const LINES_PER_BLOCK = 200;

export interface EntryHeader {
  runId: string;
  who: string;
  color: string;
  language: string;
  mine: boolean;
}

export class OutputEntry {
  readonly element: HTMLElement;
  private readonly body = h("pre", { class: "run-output", "data-testid": "run-output" });
  private readonly status = h("span", { class: "run-status", "data-testid": "run-status" });
  private pending: { stream: Stream; text: string }[] = [];
  private frame: number | null = null;
  private text = "";
  private block: HTMLElement | null = null;
  private blockLines = 0;
  private span: HTMLElement | null = null;
  // Notes after the output (truncation, error) go here, after every output block.
  private readonly tail = h("div", { class: "output-tail" });

  constructor(readonly header: EntryHeader) {
    const who = h("span", { class: "who", text: header.mine ? "You" : header.who });
    who.style.setProperty("--person-color", safeColor(header.color)); // a dot: see chatView.ts
    this.element = h(
      "article",
      { class: "run-entry", "data-testid": "run-entry", "data-run-id": header.runId },
      h("header", {}, who, h("span", { class: "language", text: header.language }), this.status),
      this.body,
    );
    this.body.appendChild(this.tail);
    this.setStatus("running…");
  }

  /** The input the run was given, between the header and the output (once). */
  showStdin(stdin: string | null | undefined): void {
    if (!stdin || this.element.querySelector(".run-stdin")) return;
    this.body.before(stdinView(stdin));
  }

  /** All output so far, stdout and stderr interleaved (what is shared with the others). */
  get output(): string {
    return this.text + this.pending.map((chunk) => chunk.text).join("");
  }

  setStatus(text: string): void {
    this.status.textContent = text;
  }

  append(stream: Stream, text: string): void {
    this.pending.push({ stream, text });
    this.frame ??= requestAnimationFrame(() => this.draw());
  }

  finish(options: { error: string | null; truncated: boolean; durationMs?: number; note?: string }): void {
    this.draw();
    if (options.truncated) {
      this.tail.appendChild(
        h("div", { class: "truncated", "data-testid": "output-truncated", text: "[output truncated]" }),
      );
    }
    if (options.error) {
      this.tail.appendChild(h("div", { class: "error", "data-testid": "run-error", text: options.error }));
    }
    if (!this.text && !options.error && !options.truncated) {
      this.tail.appendChild(h("div", { class: "empty", text: "(no output)" }));
    }
    const outcome = runOutcome(options.error);
    const duration = options.durationMs === undefined ? "" : ` ${outcome === "stopped" ? "after" : "in"} ${formatDuration(options.durationMs)}`;
    this.setStatus(options.note ?? `${outcome}${duration}`);
    this.element.classList.toggle("failed", outcome === "failed");
    this.element.classList.toggle("stopped", outcome === "stopped");
  }

  /** Keeps only the first `chars` characters of the output, styling and blocks included. */
  cutTo(chars: number): void {
    this.draw();
    if (chars >= this.text.length) return;
    this.text = this.text.slice(0, chars);
    let left = chars;
    const walker = document.createTreeWalker(this.body, NodeFilter.SHOW_TEXT);
    const after: Node[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (this.tail.contains(node)) continue;
      const length = node.textContent?.length ?? 0;
      if (left <= 0) after.push(node);
      else if (length > left) node.textContent = (node.textContent ?? "").slice(0, left);
      left -= length;
    }
    for (const node of after) node.parentNode?.removeChild(node);
  }

  private draw(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    for (const chunk of this.pending) {
      this.text += chunk.text;
      this.render(chunk.stream, chunk.text);
    }
    this.pending = [];
  }

  /**
   * Output is laid out in blocks of at most LINES_PER_BLOCK lines. Appending to one long text
   * would make the browser re-lay-out every line printed so far on each frame (hundreds of
   * milliseconds at 10,000 lines); a new line only ever touches the last block.
   */
  private render(stream: Stream, text: string): void {
    let start = 0;
    while (start < text.length) {
      if (!this.block || this.blockLines >= LINES_PER_BLOCK) {
        this.block = h("div", { class: "output-block" });
        this.body.insertBefore(this.block, this.tail);
        this.blockLines = 0;
        this.span = null;
      }
      let end = start;
      while (end < text.length && this.blockLines < LINES_PER_BLOCK) {
        const newline = text.indexOf("\n", end);
        if (newline === -1) {
          end = text.length;
          break;
        }
        end = newline + 1;
        this.blockLines++;
      }
      if (!this.span || this.span.dataset.stream !== stream) {
        this.span = h("span", { class: stream, "data-stream": stream });
        this.block.appendChild(this.span);
      }
      this.span.appendChild(document.createTextNode(text.slice(start, end)));
      start = end;
    }
  }
}

/** Stopped on purpose is not a failure: the program did nothing wrong. */
export function runOutcome(error: string | null | undefined): "finished" | "failed" | "stopped" {
  if (!error) return "finished";
  return error === STOPPED_ERROR ? "stopped" : "failed";
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export class OutputView {
  readonly element = h("div", { class: "output", "data-testid": "output", "aria-live": "polite" });
  /** Clears this page's view only: the others keep theirs, and the record keeps every run. */
  readonly clearButton = h("button", {
    class: "small",
    type: "button",
    "data-testid": "output-clear",
    title: "Clear the output on this screen (others keep theirs)",
    text: "Clear",
  });
  private readonly entries = new Map<string, OutputEntry>();
  private readonly scroll = new FollowBottom(this.element);

  constructor() {
    this.clearButton.addEventListener("click", () => this.clear());
  }

  clear(): void {
    this.entries.clear();
    this.element.replaceChildren();
    this.scroll.resume();
  }

  start(header: EntryHeader): OutputEntry {
    const existing = this.entries.get(header.runId);
    if (existing) return existing;
    const entry = new OutputEntry(header);
    this.entries.set(header.runId, entry);
    // A run of one's own brings the newest output back into view, as a command typed in a
    // terminal does; someone else's run does not move what the reader scrolled to.
    if (header.mine) this.scroll.resume();
    this.element.append(entry.element); // oldest first, as in a console
    while (this.entries.size > MAX_ENTRIES) {
      const [oldest] = this.entries.keys();
      this.entries.get(oldest)?.element.remove();
      this.entries.delete(oldest);
    }
    return entry;
  }

  get(runId: string): OutputEntry | undefined {
    return this.entries.get(runId);
  }
}
