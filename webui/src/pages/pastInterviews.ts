/**
 * The host console's past interviews (GET /api/sessions): each with its title, language,
 * date, participants and size, and what can be done with it: open read-only (the final code,
 * with the timeline), replay from the start, join while it is live, export as HTML or as a .pairpad archive, reopen as a follow-up
 * interview, delete (asked on the page first). A .pairpad file from another PairPad is
 * imported here. Everything it calls is host-only; home.ts mounts it for the host alone.
 */

import "./pastInterviews.css";

import { RecordApi, exportUrl, type StoredSession } from "../record/recordApi";
import { DEFAULT_LANGUAGES } from "../room/serverDefaults";
import { h } from "../util/dom";

export function mountPastInterviews(parent: HTMLElement, api = new RecordApi()): PastInterviews {
  const past = new PastInterviews(api, (url) => location.assign(url));
  parent.appendChild(past.element);
  void past.refresh();
  return past;
}

export class PastInterviews {
  readonly element: HTMLElement;
  private readonly list = h("ul", { class: "past-list", "data-testid": "past-list" });
  private readonly status = h("p", { class: "share-note", role: "status", "data-testid": "past-status" });
  private readonly file = h("input", { type: "file", accept: ".pairpad,application/gzip", "data-testid": "import-input", class: "visually-hidden" });

  constructor(
    private readonly api: RecordApi,
    private readonly go: (url: string) => void,
  ) {
    const importLabel = h("label", { class: "button", "data-testid": "import-button" }, "Import a .pairpad file…", this.file);
    this.file.addEventListener("change", () => void this.importChosen());
    this.element = h(
      "section",
      { class: "card past-interviews", "data-testid": "past-interviews" },
      h("div", { class: "past-head" }, h("h2", { text: "Past interviews" }), importLabel),
      this.status,
      this.list,
    );
  }

  async refresh(): Promise<void> {
    try {
      const sessions = await this.api.list();
      const titles = new Map(sessions.map((session) => [session.sessionId, session.title]));
      this.list.replaceChildren(...sessions.map((session) => this.row(session, titles)));
      if (sessions.length === 0) this.list.appendChild(h("li", { class: "share-note", text: "No interviews yet." }));
    } catch (error) {
      this.say(`Could not list the interviews: ${message(error)}`);
    }
  }

  private say(text: string): void {
    this.status.textContent = text;
  }

  private row(session: StoredSession, titles: Map<string, string>): HTMLElement {
    const title = session.title || "Untitled interview";
    const live = session.endedAt === null;
    const actions = h("div", { class: "past-actions" });
    const row = h(
      "li",
      { class: "past-row", "data-testid": "past-row", "data-session-id": session.sessionId },
      h("div", { class: "past-title" }, h("strong", { text: title }), live && h("span", { class: "past-live", text: "live" })),
      h("div", { class: "past-meta", text: describe(session, titles) }),
      actions,
    );
    this.showActions(actions, session, live);
    return row;
  }

  private showActions(actions: HTMLElement, session: StoredSession, live: boolean): void {
    const id = encodeURIComponent(session.sessionId);
    const reopen = h("button", { type: "button", "data-testid": "past-reopen", text: "Reopen" });
    reopen.addEventListener("click", () => void this.reopen(session, reopen));
    const remove = h("button", { type: "button", class: "past-delete", "data-testid": "past-delete", text: "Delete…" });
    remove.addEventListener("click", () => this.askDelete(actions, session, live));
    actions.replaceChildren(
      h("a", { class: "button", href: `/replay/${id}`, "data-testid": "past-open", title: "The final code, read-only, with the timeline", text: "Open" }),
      h("a", { class: "button", href: `/replay/${id}?play`, "data-testid": "past-replay", title: "Play it from the start", text: "Replay" }),
      live ? h("a", { class: "button", href: `/s/${id}`, "data-testid": "past-join", text: "Join" }) : "",
      h("a", { class: "button", href: exportUrl(session.sessionId, "html"), download: "", "data-testid": "past-export-html", text: "Export HTML" }),
      h("a", { class: "button", href: exportUrl(session.sessionId, "pairpad"), download: "", "data-testid": "past-export-pairpad", text: "Export .pairpad" }),
      reopen,
      remove,
    );
  }

  /** Asked on the page, not in a browser dialog: the record is gone for good afterwards. */
  private askDelete(actions: HTMLElement, session: StoredSession, live: boolean): void {
    const confirm = h("button", { type: "button", class: "danger", "data-testid": "past-delete-confirm", text: "Delete for good" });
    const cancel = h("button", { type: "button", text: "Cancel" });
    cancel.addEventListener("click", () => this.showActions(actions, session, live));
    confirm.addEventListener("click", () => void this.remove(session, confirm));
    const warning = live ? "It is live: everyone in it is disconnected. " : "";
    actions.replaceChildren(h("span", { class: "past-question", text: `${warning}Delete this interview and its whole record?` }), confirm, cancel);
    confirm.focus();
  }

  private async remove(session: StoredSession, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      await this.api.remove(session.sessionId);
      this.say(`Deleted “${session.title || "Untitled interview"}”.`);
      await this.refresh();
    } catch (error) {
      button.disabled = false;
      this.say(`Could not delete it: ${message(error)}`);
    }
  }

  private async reopen(session: StoredSession, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      const reopened = await this.api.reopen(session.sessionId);
      this.go(reopened.joinUrl);
    } catch (error) {
      button.disabled = false;
      this.say(`Could not reopen it: ${message(error)}`);
    }
  }

  private async importChosen(): Promise<void> {
    const file = this.file.files?.[0];
    if (!file) return;
    this.say(`Importing ${file.name}…`);
    try {
      const imported = await this.api.importArchive(file);
      this.say(`Imported “${imported.title || "Untitled interview"}”.`);
      await this.refresh();
    } catch (error) {
      this.say(`Could not import ${file.name}: ${message(error)}`);
    } finally {
      this.file.value = "";
    }
  }
}

function describe(session: StoredSession, titles: Map<string, string>): string {
  const language = DEFAULT_LANGUAGES.find((l) => l.id === session.language)?.name ?? session.language;
  const people = session.participants.length ? session.participants.join(", ") : "nobody joined";
  const parts = [language, new Date(session.createdAt).toLocaleString(), people, size(session.codeSize)];
  if (session.reopenedFrom) parts.push(`follow-up of “${titles.get(session.reopenedFrom) || "an earlier interview"}”`);
  return parts.join(" · ");
}

/** Bytes of code as people say it: "812 B", "4.2 KB". */
export function size(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
