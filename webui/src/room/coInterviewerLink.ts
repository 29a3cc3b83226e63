/**
 * The co-interviewer link, in the interviewer's panel of the host's own page only: the
 * session's interviewerUrl (GET /api/sessions/{id}/interviewer-link, host credentials only),
 * on the address the Invite panel shows, with a copy button that works on plain http (no
 * navigator.clipboard). It is labelled for what it is: whoever opens it is an interviewer.
 */

import { copyText, selectContents } from "../util/copy";
import { h } from "../util/dom";

type Fetch = (url: string) => Promise<Response>;

export class CoInterviewerLink {
  readonly element: HTMLElement;
  private readonly link = h("code", { class: "address", "data-testid": "co-interviewer-link" });
  private readonly copy = h("button", { type: "button", "data-testid": "copy-co-interviewer-link", text: "Copy" });
  private path = "";
  private origin = location.origin;

  constructor() {
    this.element = h(
      "div",
      { class: "co-interviewer", "data-testid": "co-interviewer", hidden: true },
      h("h3", { text: "Co-interviewer link" }),
      h("p", {
        class: "share-note warning",
        text: "For a co-interviewer, not the candidate: whoever opens it is an interviewer here and reads your private notes.",
      }),
      h("div", { class: "share-row" }, this.link, this.copy),
    );
    this.copy.addEventListener("click", () => {
      const copied = copyText(this.link.textContent ?? "");
      if (!copied) selectContents(this.link);
      this.copy.textContent = copied ? "Copied!" : "Press Ctrl+C";
      setTimeout(() => (this.copy.textContent = "Copy"), 2000);
    });
  }

  /** Only the host's page asks (a co-interviewer or candidate would get 401). */
  async load(sessionId: string, fetcher: Fetch = (url) => fetch(url)): Promise<void> {
    try {
      const response = await fetcher(`/api/sessions/${encodeURIComponent(sessionId)}/interviewer-link`);
      if (!response.ok) return;
      const body = (await response.json()) as { interviewerUrl?: unknown };
      if (typeof body.interviewerUrl !== "string") return;
      this.path = body.interviewerUrl;
      this.show();
    } catch {
      // offline: the panel stays without the link
    }
  }

  /** The address the Invite panel offers (LAN, not 127.0.0.1, when there is one). */
  setOrigin(origin: string): void {
    this.origin = origin;
    this.show();
  }

  private show(): void {
    if (!this.path) return;
    this.link.textContent = `${this.origin}${this.path}`;
    this.element.hidden = false;
  }
}
