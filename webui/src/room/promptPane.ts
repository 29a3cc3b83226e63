/**
 * The question, above the editor, for everyone in the room (candidates must read it): the
 * session's prompt from the question library, Markdown shown as formatted text (util/markdown:
 * never as HTML from the prompt). Hidden when the session has no question; folds to one line.
 */

import { h } from "../util/dom";
import { renderMarkdown } from "../util/markdown";

export class PromptPane {
  readonly element: HTMLDetailsElement;
  private readonly body = h("div", { class: "prompt-text", "data-testid": "prompt-text" });
  private shown = "";

  constructor(private readonly render = renderMarkdown) {
    this.element = h(
      "details",
      { class: "prompt-pane", "data-testid": "prompt-pane", open: true, hidden: true },
      h("summary", { text: "Question" }),
      this.body,
    );
  }

  /** The prompt of the session (the same at every join; a new one replaces it). */
  show(prompt: string): void {
    if (prompt === this.shown) return;
    this.shown = prompt;
    this.element.hidden = prompt === "";
    // Readable at once as plain text; formatted once the Markdown parser has loaded.
    this.body.textContent = prompt;
    this.body.dataset.rendered = "false";
    if (!prompt) return;
    void this.render(prompt).then(
      (fragment) => {
        if (this.shown !== prompt) return;
        this.body.replaceChildren(fragment);
        this.body.dataset.rendered = "true";
      },
      () => undefined, // the parser did not load: the plain text stays, which reads fine
    );
  }
}
