/** The spec's optional chat: text only, newest at the bottom. */

import { safeColor } from "../editor/remoteCursors";
import { h } from "../util/dom";

export interface ChatEntry {
  userId: string;
  username: string;
  text: string;
  ts: number;
}

export class ChatView {
  readonly log = h("ol", { class: "chat-log", "data-testid": "chat-log", "aria-live": "polite" });
  readonly input = h("input", {
    class: "chat-input",
    "data-testid": "chat-input",
    type: "text",
    placeholder: "Message everyone…",
    autocomplete: "off",
    "aria-label": "Chat message",
  });
  readonly element: HTMLElement;
  private maxChars = 4000;

  constructor(
    private readonly send: (text: string) => boolean,
    private readonly colorOf: (userId: string) => string | undefined,
  ) {
    const form = h("form", { class: "chat-form" }, this.input, h("button", { type: "submit", text: "Send" }));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = this.input.value.trim();
      if (!text) return;
      if (this.send(text.slice(0, this.maxChars))) this.input.value = "";
    });
    this.element = h("div", { class: "chat" }, this.log, form);
  }

  setLimit(maxChars: number): void {
    this.maxChars = maxChars;
    this.input.maxLength = maxChars;
  }

  clear(): void {
    this.log.replaceChildren();
  }

  add(entry: ChatEntry): void {
    const atBottom = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 40;
    const time = new Date(entry.ts).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    const name = h("span", { class: "author", text: entry.username });
    // The colour marks the name (a dot, styles.css) rather than painting it: many of the
    // room's colours are unreadable as text on the panel's background in one theme or the other.
    name.style.setProperty("--person-color", safeColor(this.colorOf(entry.userId) ?? "#888888"));
    this.log.appendChild(
      h("li", {}, name, h("time", { text: time }), h("span", { class: "text", text: entry.text })),
    );
    if (atBottom) this.log.scrollTop = this.log.scrollHeight;
  }
}
