/**
 * "Download the code": anyone in the room can keep the code as a file, at any moment, and
 * above all when PairPad has gone away. A Blob and an `<a download>` work on a plain-http LAN
 * origin (navigator.clipboard and the File System Access API need a secure context).
 */

import { h } from "../util/dom";

/** "Backend loop: LRU cache" → "backend-loop-lru-cache"; empty when nothing is left. */
export function fileStem(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

export function codeFileName(title: string, extension: string): string {
  return `${fileStem(title) || "pairpad"}.${extension}`;
}

export function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const link = h("a", { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL may go once this task is over.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function downloadButton(save: () => void, label = "⤓"): HTMLButtonElement {
  const button = h("button", {
    class: label === "⤓" ? "icon" : "",
    type: "button",
    "data-testid": "download-code",
    title: "Download the code as a file",
    "aria-label": "Download the code as a file",
    text: label,
  });
  button.addEventListener("click", save);
  return button;
}
