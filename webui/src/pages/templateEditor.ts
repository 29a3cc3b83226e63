/**
 * The form that adds or edits one question of the library: a title, the prompt (Markdown, as
 * everyone in the room will read it) and starter code per language, one language at a time
 * (what is typed for each is kept while another is shown). Saving is the library's job.
 */

import { DEFAULT_LANGUAGES, MAX_TITLE_CHARS } from "../room/serverDefaults";
import { h } from "../util/dom";

export interface QuestionFields {
  title: string;
  prompt: string;
  starterCode: Record<string, string>;
}

export class TemplateEditor {
  readonly element: HTMLFormElement;
  private readonly title = h("input", { type: "text", "data-testid": "template-title", placeholder: "Title, e.g. Two sum", maxlength: MAX_TITLE_CHARS, required: true });
  private readonly prompt = h("textarea", { "data-testid": "template-prompt", rows: 8, placeholder: "The question, in Markdown: everyone in the room reads it" });
  private readonly language = h("select", { "data-testid": "template-language", "aria-label": "Starter code language" },
    ...DEFAULT_LANGUAGES.map((l) => h("option", { value: l.id, text: l.name })));
  private readonly starter = h("textarea", { "data-testid": "template-starter", rows: 6, placeholder: "Starter code in this language (optional)", spellcheck: "false" });
  private readonly heading = h("h3");
  private code: Record<string, string> = {};
  private shownLanguage = this.language.value;

  constructor(onSave: (fields: QuestionFields) => Promise<boolean>, onCancel: () => void) {
    const save = h("button", { type: "submit", class: "primary", "data-testid": "template-save", text: "Save question" });
    const cancel = h("button", { type: "button", "data-testid": "template-cancel", text: "Cancel" });
    this.element = h("form", { "data-testid": "template-form", hidden: true },
      this.heading, this.title, this.prompt,
      h("div", { class: "starter-row" }, h("span", { text: "Starter code in" }), this.language), this.starter,
      h("div", { class: "library-tools" }, save, cancel));
    this.language.addEventListener("change", () => this.switchLanguage());
    cancel.addEventListener("click", onCancel);
    this.element.addEventListener("submit", async (event) => {
      event.preventDefault();
      save.disabled = true;
      if (await onSave(this.fields())) this.element.hidden = true;
      save.disabled = false;
    });
  }

  /** Open the form, empty (a new question) or with a question to edit. */
  open(fields: QuestionFields | null): void {
    this.heading.textContent = fields ? "Edit question" : "New question";
    this.title.value = fields?.title ?? "";
    this.prompt.value = fields?.prompt ?? "";
    this.code = { ...(fields?.starterCode ?? {}) };
    const first = Object.keys(this.code)[0];
    if (first) this.language.value = first;
    this.shownLanguage = this.language.value;
    this.starter.value = this.code[this.shownLanguage] ?? "";
    this.element.hidden = false;
    this.title.focus();
  }

  fields(): QuestionFields {
    this.keepStarter();
    const starterCode = Object.fromEntries(Object.entries(this.code).filter(([, code]) => code.trim() !== ""));
    return { title: this.title.value, prompt: this.prompt.value, starterCode };
  }

  private switchLanguage(): void {
    this.keepStarter();
    this.shownLanguage = this.language.value;
    this.starter.value = this.code[this.shownLanguage] ?? "";
  }

  private keepStarter(): void {
    this.code[this.shownLanguage] = this.starter.value;
  }
}
