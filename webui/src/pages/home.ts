/**
 * The start page. Everyone can join an interview (a link or an id). The host (the browser that
 * opened the host link, so GET /api/whoami says so) also gets the console: "New interview",
 * its own name in the room, and where candidates can reach this machine.
 */

import { DEFAULT_LANGUAGES, MAX_TITLE_CHARS, MAX_USERNAME_CHARS } from "../room/serverDefaults";
import { fetchIsHost, hostName, rememberHostName } from "../room/seat";
import { qrUrl } from "../room/sharePanel";
import { applyTheme } from "../room/theme";
import { copyText, selectContents } from "../util/copy";
import { mountPastInterviews } from "./pastInterviews";
import { append, h } from "../util/dom";
import { TemplateLibrary } from "./templateLibrary";

interface NetworkInfo {
  addresses: string[];
  lanReachable: boolean;
}

/** A pasted link (`http://host:8000/s/abc`, `/s/abc`) or a bare id → the session id. */
export function sessionIdFrom(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  const match = /\/s\/([A-Za-z0-9_-]+)/.exec(text);
  if (match) return match[1];
  return /^[A-Za-z0-9_-]+$/.test(text) ? text : null;
}

export function openHome(root: HTMLElement): void {
  applyTheme();
  const problem = h("p", { class: "problem", role: "alert" });
  const cards = h("div", { class: "cards" }, buildJoinForm(problem));
  const home = h(
    "main",
    { class: "home" },
    h("h1", { class: "brand", text: "PairPad" }),
    h("p", { class: "tagline", text: "A coding-interview room on your own network. No accounts, no cloud." }),
    cards,
    problem,
  );
  root.replaceChildren(home);
  void fetchIsHost().then((isHost) => {
    if (!isHost) return;
    const library = new TemplateLibrary(problem);
    cards.prepend(buildCreateForm(problem, library));
    home.appendChild(library.element);
    void library.load();
    const addresses = h("div", { class: "addresses", "data-testid": "lan-addresses" });
    home.appendChild(h("section", { class: "card reach" }, h("h2", { text: "Candidates reach this computer at" }), addresses));
    void showAddresses(addresses);
    mountPastInterviews(home);
  });
}

function buildJoinForm(problem: HTMLElement): HTMLFormElement {
  const joinInput = h("input", { type: "text", "data-testid": "join-input", placeholder: "Paste a link or session id" });
  const join = h("button", { type: "submit", "data-testid": "join-link-button", text: "Join" });
  const joinForm = h("form", { class: "card", "data-testid": "join-interview" }, h("h2", { text: "Join an interview" }), joinInput, join);
  joinForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const id = sessionIdFrom(joinInput.value);
    if (id) location.assign(`/s/${id}`);
    else problem.textContent = "That is not a PairPad link or session id.";
  });
  return joinForm;
}

/** The host's card: a new session, and the name the host appears under (asked here once). */
function buildCreateForm(problem: HTMLElement, library: TemplateLibrary): HTMLFormElement {
  const name = h("input", { type: "text", "data-testid": "host-name", "aria-label": "Your name in the room", maxlength: MAX_USERNAME_CHARS });
  name.value = hostName();
  name.addEventListener("change", () => rememberHostName(name.value));
  const title = h("input", { type: "text", "data-testid": "title-input", placeholder: "Title (optional), e.g. Backend loop", maxlength: MAX_TITLE_CHARS });
  const language = h("select", { "data-testid": "new-language", "aria-label": "Language" },
    ...DEFAULT_LANGUAGES.map((l) => h("option", { value: l.id, text: l.name })));
  const create = h("button", { type: "submit", class: "primary", "data-testid": "new-session", text: "New interview" });
  const createForm = h(
    "form",
    { class: "card", "data-testid": "new-interview" },
    h("h2", { text: "Start an interview" }),
    h("label", { class: "host-name" }, "Your name", name),
    title,
    library.picker,
    language,
    create,
  );
  library.followLanguage(language);
  createForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    rememberHostName(name.value);
    create.disabled = true;
    try {
      const response = await fetch("/api/sessions", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title: title.value, language: language.value, templateId: library.selectedId() }),
      });
      const body = (await response.json()) as { joinUrl?: string; detail?: string };
      if (!response.ok || !body.joinUrl) throw new Error(body.detail ?? `HTTP ${response.status}`);
      location.assign(body.joinUrl);
    } catch (error) {
      problem.textContent = `Could not create a session: ${error instanceof Error ? error.message : String(error)}`;
      create.disabled = false;
    }
  });

  return createForm;
}

async function showAddresses(container: HTMLElement): Promise<void> {
  try {
    const response = await fetch("/api/network");
    const network = (await response.json()) as NetworkInfo;
    const [best, ...others] = network.addresses;
    const link = h("code", { class: "address", "data-testid": "lan-address", text: best });
    const copy = h("button", { type: "button", "data-testid": "copy-address", text: "Copy" });
    copy.addEventListener("click", () => {
      const copied = copyText(best);
      if (!copied) selectContents(link);
      copy.textContent = copied ? "Copied!" : "Press Ctrl+C";
      setTimeout(() => (copy.textContent = "Copy"), 2000);
    });
    container.replaceChildren();
    append(
      container,
      h("div", { class: "share-row" }, link, copy),
      h("img", { class: "share-qr", "data-testid": "lan-qr", src: qrUrl(best), alt: `QR code of ${best}`, width: 148, height: 148 }),
      others.length > 0 && h("p", { class: "share-note", text: `Also: ${others.join(", ")}` }),
      !network.lanReachable && h("p", { class: "share-note", text: "Only this computer can join: PairPad is listening on 127.0.0.1." }),
    );
  } catch {
    container.textContent = "Could not read the network addresses.";
  }
}
