/** The join link on the LAN (from GET /api/network), a copy button and a QR code. */

import { clear, h } from "../util/dom";
import { copyText, selectContents } from "../util/copy";

interface NetworkInfo {
  addresses: string[];
  lanReachable: boolean;
  localUrl: string;
}

export function qrUrl(text: string): string {
  return `/api/qr.svg?text=${encodeURIComponent(text)}`;
}

export class SharePanel {
  readonly link = h("a", { class: "share-link", "data-testid": "share-link", target: "_blank", rel: "noreferrer" });
  readonly copyButton = h("button", { type: "button", "data-testid": "copy-link", text: "Copy link" });
  readonly qr = h("img", { class: "share-qr", "data-testid": "share-qr", alt: "QR code of the join link", width: 148, height: 148 });
  private readonly choices = h("select", { class: "share-choices", "aria-label": "Network address", hidden: true });
  private readonly note = h("p", { class: "share-note" });
  readonly element: HTMLElement;
  /** Told the address the panel shows, whenever it changes (the co-interviewer link follows). */
  onOrigin: (origin: string) => void = () => undefined;

  constructor(private readonly path: string) {
    this.copyButton.addEventListener("click", () => {
      const copied = copyText(this.link.href);
      if (!copied) selectContents(this.link);
      this.copyButton.textContent = copied ? "Copied!" : "Press Ctrl+C";
      setTimeout(() => (this.copyButton.textContent = "Copy link"), 2000);
    });
    this.choices.addEventListener("change", () => this.show(this.choices.value));
    this.element = h(
      "div",
      { class: "share" },
      h("div", { class: "share-row" }, this.link, this.copyButton),
      this.choices,
      this.note,
      this.qr,
    );
    this.show(location.origin);
  }

  async load(): Promise<void> {
    try {
      const response = await fetch("/api/network");
      if (!response.ok) return;
      const network = (await response.json()) as NetworkInfo;
      clear(this.choices);
      for (const address of network.addresses) this.choices.appendChild(h("option", { value: address, text: address }));
      this.choices.hidden = network.addresses.length < 2;
      const current = network.addresses.includes(location.origin) ? location.origin : network.addresses[0];
      this.choices.value = current;
      this.show(current);
      this.note.textContent = network.lanReachable
        ? "Anyone on this network can join with this link."
        : "Only this computer can join: PairPad is listening on 127.0.0.1.";
    } catch {
      // Offline from the host: keep showing this page's own address.
    }
  }

  private show(origin: string): void {
    this.onOrigin(origin);
    const url = `${origin}${this.path}`;
    this.link.href = url;
    this.link.textContent = url;
    this.qr.src = qrUrl(url);
  }
}
