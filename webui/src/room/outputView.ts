/**
 * The shared output panel: one entry per run, saying who ran what, with stdout, stderr and
 * the error kept apart. Output arrives in batches and is drawn at most once per frame.
 */

import { safeColor } from "../editor/remoteCursors";
import type { Stream } from "../run/messages";
import { h } from "../util/dom";

const MAX_ENTRIES = 30;

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

  constructor(readonly header: EntryHeader) {
    const who = h("span", { class: "who", text: header.mine ? "You" : header.who });
    who.style.color = safeColor(header.color);
    this.element = h(
      "article",
      { class: "run-entry", "data-testid": "run-entry", "data-run-id": header.runId },
      h("header", {}, who, h("span", { class: "language", text: header.language }), this.status),
      this.body,
    );
    this.setStatus("running…");
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
      this.body.appendChild(
        h("span", { class: "truncated", "data-testid": "output-truncated", text: "\n[output truncated]\n" }),
      );
    }
    if (options.error) {
      this.body.appendChild(h("span", { class: "error", "data-testid": "run-error", text: options.error }));
    }
    if (!this.text && !options.error && !options.truncated) {
      this.body.appendChild(h("span", { class: "empty", text: "(no output)" }));
    }
    const duration = options.durationMs === undefined ? "" : ` in ${formatDuration(options.durationMs)}`;
    this.setStatus(options.note ?? (options.error ? `failed${duration}` : `finished${duration}`));
    this.element.classList.toggle("failed", Boolean(options.error));
  }

  private draw(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    for (const chunk of this.pending) {
      this.text += chunk.text;
      const last = this.body.lastElementChild as HTMLElement | null;
      if (last && last.dataset.stream === chunk.stream) last.textContent += chunk.text;
      else this.body.appendChild(h("span", { class: chunk.stream, "data-stream": chunk.stream, text: chunk.text }));
    }
    this.pending = [];
  }
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export class OutputView {
  readonly element = h("div", { class: "output", "data-testid": "output", "aria-live": "polite" });
  private readonly entries = new Map<string, OutputEntry>();

  start(header: EntryHeader): OutputEntry {
    const existing = this.entries.get(header.runId);
    if (existing) return existing;
    const entry = new OutputEntry(header);
    this.entries.set(header.runId, entry);
    this.element.prepend(entry.element); // newest first, right under the toolbar
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
