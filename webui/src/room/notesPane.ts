/**
 * The interviewers' private notes: a textarea bound to a Y.Text in a Yjs document of its own.
 * Never a part of the code's document: a Yjs client receives every part of a document it
 * syncs, and candidates sync the code's. The server sends this one to interviewers only
 * (docs/protocol.md, "Private notes"); the sync and its handshake are the code's (CrdtSync).
 */

import * as Y from "yjs";

import type { NotesUpdate } from "../net/protocol";
import { CrdtSync } from "../sync/crdtSync";
import { h } from "../util/dom";

export class NotesPane {
  readonly element: HTMLElement;
  readonly doc = new Y.Doc();
  private readonly text = this.doc.getText("code"); // the name the server validates (both documents)
  private readonly textarea = h("textarea", {
    "data-testid": "private-notes",
    rows: 6,
    placeholder: "Only interviewers see these notes",
    "aria-label": "Private notes (interviewers only)",
  });
  private readonly sync: CrdtSync;

  constructor(send: (update: string) => boolean) {
    this.sync = new CrdtSync(this.doc, { send });
    this.element = h("div", { class: "private-notes" }, h("h3", { text: "Private notes" }), this.textarea);
    this.textarea.addEventListener("input", () => this.typed());
    this.text.observe((event, transaction) => {
      if (!transaction.local) this.showRemote(event.delta);
    });
  }

  receive(payload: NotesUpdate): void {
    this.sync.handleCodeUpdate(payload);
  }

  disconnected(): void {
    this.sync.disconnected();
  }

  /** What was typed, as one minimal edit of the shared text. */
  private typed(): void {
    const next = this.textarea.value.replace(/\r\n?/g, "\n");
    const old = this.text.toString();
    let start = 0;
    while (start < old.length && start < next.length && old[start] === next[start]) start++;
    let end = 0;
    while (end < old.length - start && end < next.length - start && old[old.length - 1 - end] === next[next.length - 1 - end]) end++;
    this.doc.transact(() => {
      if (old.length - start - end > 0) this.text.delete(start, old.length - start - end);
      if (next.length - start - end > 0) this.text.insert(start, next.slice(start, next.length - end));
    });
  }

  /** Someone else's edit: the text changes under the caret, which stays on its character. */
  private showRemote(delta: Y.YTextEvent["delta"]): void {
    const { selectionStart, selectionEnd } = this.textarea;
    this.textarea.value = this.text.toString();
    this.textarea.setSelectionRange(shiftIndex(delta, selectionStart), shiftIndex(delta, selectionEnd));
  }
}

/** Where `index` (in the text before the change) is after it. */
export function shiftIndex(delta: Y.YTextEvent["delta"], index: number): number {
  let oldPos = 0;
  let shifted = index;
  for (const op of delta) {
    if (oldPos >= index) break;
    if (op.retain) oldPos += op.retain;
    else if (typeof op.insert === "string") shifted += op.insert.length;
    else if (op.delete) {
      shifted -= Math.min(op.delete, index - oldPos);
      oldPos += op.delete;
    }
  }
  return shifted;
}
