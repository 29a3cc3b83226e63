/**
 * The question library on the host's console: the questions (GET /api/templates), each to
 * edit or delete, a new one, import and export as JSON; and the picker of the "Start an
 * interview" card, whose question fills the new room's prompt pane and starter code. Every
 * call is host-only on the server; a refusal is shown as the server's sentence.
 */

import { DEFAULT_LANGUAGES } from "../room/serverDefaults";
import { h } from "../util/dom";
import { TemplateEditor, type QuestionFields } from "./templateEditor";

export interface Question extends QuestionFields {
  id: string;
}

const NO_QUESTION = "";

export class TemplateLibrary {
  readonly element: HTMLElement;
  /** For the new-interview form: which question the session starts from. */
  readonly picker = h("select", { "data-testid": "template-picker", "aria-label": "Question" });
  private readonly list = h("ul", { "data-testid": "template-list" });
  private readonly status = h("p", { class: "share-note", "data-testid": "template-status", role: "status" });
  private readonly editor: TemplateEditor;
  private questions: Question[] = [];
  private editing: string | null = null;

  constructor(private readonly problem: HTMLElement) {
    this.editor = new TemplateEditor((fields) => this.save(fields), () => (this.editor.element.hidden = true));
    const add = h("button", { type: "button", "data-testid": "template-add", text: "New question" });
    add.addEventListener("click", () => this.edit(null));
    this.element = h("section", { class: "card library", "data-testid": "template-library" },
      h("h2", { text: "Question library" }),
      this.list,
      h("div", { class: "library-tools" }, add, this.importButton(),
        h("a", { href: "/api/templates/export", download: "pairpad-questions.json", "data-testid": "template-export", text: "Export as JSON" })),
      this.status,
      this.editor.element);
  }

  async load(): Promise<void> {
    const response = await this.call("GET", "/api/templates");
    if (!response) return;
    this.questions = (await response.json()) as Question[];
    this.showList();
    this.showPicker();
  }

  selectedId(): string | undefined {
    return this.picker.value === NO_QUESTION ? undefined : this.picker.value;
  }

  /** When the picked question has starter code, but not in the language chosen, pick one it has. */
  followLanguage(language: HTMLSelectElement): void {
    this.picker.addEventListener("change", () => {
      const starters = this.questions.find((q) => q.id === this.picker.value)?.starterCode ?? {};
      const has = Object.keys(starters);
      if (has.length > 0 && !has.includes(language.value)) language.value = has[0];
    });
  }

  private showList(): void {
    const names = new Map(DEFAULT_LANGUAGES.map((l) => [l.id, l.name]));
    this.list.replaceChildren(...this.questions.map((question) => {
      const languages = Object.keys(question.starterCode).map((id) => names.get(id) ?? id).join(", ");
      const edit = h("button", { type: "button", "data-testid": "template-edit", text: "Edit" });
      const remove = h("button", { type: "button", "data-testid": "template-delete", text: "Delete" });
      edit.addEventListener("click", () => this.edit(question));
      remove.addEventListener("click", () => this.remove(question, remove));
      return h("li", { "data-template-id": question.id },
        h("span", { class: "title", text: question.title }),
        h("span", { class: "languages", text: languages }), edit, remove);
    }));
  }

  private showPicker(): void {
    const chosen = this.picker.value;
    this.picker.replaceChildren(h("option", { value: NO_QUESTION, text: "No question (empty pad)" }),
      ...this.questions.map((q) => h("option", { value: q.id, text: q.title })));
    this.picker.value = this.questions.some((q) => q.id === chosen) ? chosen : NO_QUESTION;
  }

  private edit(question: Question | null): void {
    this.editing = question?.id ?? null;
    this.editor.open(question);
  }

  private async save(fields: QuestionFields): Promise<boolean> {
    const body = JSON.stringify(fields);
    const response = this.editing
      ? await this.call("PUT", `/api/templates/${encodeURIComponent(this.editing)}`, body)
      : await this.call("POST", "/api/templates", body);
    if (!response) return false;
    this.say(`Saved “${fields.title.trim()}”.`);
    await this.load();
    return true;
  }

  /** Two clicks, as a confirmation that needs no dialog. */
  private async remove(question: Question, button: HTMLButtonElement): Promise<void> {
    if (button.dataset.confirm !== "yes") {
      button.dataset.confirm = "yes";
      button.textContent = "Delete for good?";
      return;
    }
    if (await this.call("DELETE", `/api/templates/${encodeURIComponent(question.id)}`)) {
      this.say(`Deleted “${question.title}”.`);
      await this.load();
    }
  }

  private importButton(): HTMLElement {
    const file = h("input", { type: "file", accept: ".json,application/json", "data-testid": "template-import", hidden: true });
    const button = h("button", { type: "button", text: "Import JSON…" });
    button.addEventListener("click", () => file.click());
    file.addEventListener("change", async () => {
      const chosen = file.files?.[0];
      file.value = "";
      if (!chosen) return;
      const response = await this.call("POST", "/api/templates/import", await chosen.text());
      if (!response) return;
      const result = (await response.json()) as { imported: number; skipped: number };
      this.say(`Imported ${result.imported} question${result.imported === 1 ? "" : "s"}` +
        (result.skipped ? ` (${result.skipped} already in the library)` : "") + ".");
      await this.load();
    });
    return h("span", {}, button, file);
  }

  /** The response when it is OK; otherwise the server's sentence is shown and null returned. */
  private async call(method: string, url: string, body?: string): Promise<Response | null> {
    this.problem.textContent = "";
    try {
      const headers = body === undefined ? undefined : { "content-type": "application/json" };
      const response = await fetch(url, { method, headers, body });
      if (response.ok) return response;
      const detail = ((await response.json().catch(() => ({}))) as { detail?: unknown }).detail;
      this.problem.textContent = `Question library: ${typeof detail === "string" ? detail : `HTTP ${response.status}`}`;
    } catch (error) {
      this.problem.textContent = `Question library: ${error instanceof Error ? error.message : String(error)}`;
    }
    return null;
  }

  private say(text: string): void {
    this.status.textContent = text;
  }
}
