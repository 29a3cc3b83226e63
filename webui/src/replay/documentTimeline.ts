/**
 * The code at any point of a recorded interview, fast: the history's Yjs updates are applied
 * once, in order, and every `every` updates the document's whole state is kept (a
 * checkpoint). Showing the code after update n then means loading the checkpoint at or
 * before n and applying at most `every - 1` updates, however long the interview: a 60-minute
 * one (36,000 updates) seeks in a few milliseconds (bench/replay_seek.py measures it).
 * Playing forward applies the next updates to the document already there.
 *
 * Carets: the record has no cursor events, so each update's author is placed where that
 * update edited, as a Yjs relative position (the ID of the character typed last, or of the
 * first one deleted). An ID names a character for good, so the caret resolves in any later
 * document, whoever typed since.
 */

import * as Y from "yjs";

import { fromBase64 } from "../util/base64";

export interface RecordedUpdate {
  t: number;
  userId: string;
  update: string; // base64 Yjs v1 update
}

export interface Caret {
  userId: string;
  offset: number; // UTF-16 offset in the text, as CodeMirror counts
}

/** Checkpoints kept: one per this many updates. */
export const CHECKPOINT_EVERY = 200;
/** The initial pass yields to the page this often (ms), so it never freezes the tab. */
const SLICE_MS = 40;

const NO_CLIENT = -1;

export class DocumentTimeline {
  private readonly checkpoints: Uint8Array[] = [];
  // Where each update left its author's caret: a character's ID and its side.
  private readonly caretClient: Float64Array;
  private readonly caretClock: Float64Array;
  private readonly caretAfter: Uint8Array; // 1: after the character (typed), 0: at it (deleted)
  private readonly editsBy = new Map<string, number[]>(); // author → their update indexes
  private doc = newDocument();
  private applied = 0;

  constructor(
    private readonly updates: readonly RecordedUpdate[],
    private readonly every = CHECKPOINT_EVERY,
  ) {
    this.caretClient = new Float64Array(updates.length).fill(NO_CLIENT);
    this.caretClock = new Float64Array(updates.length);
    this.caretAfter = new Uint8Array(updates.length);
    updates.forEach((update, index) => {
      const list = this.editsBy.get(update.userId);
      if (list) list.push(index);
      else this.editsBy.set(update.userId, [index]);
    });
  }

  get length(): number {
    return this.updates.length;
  }

  /** Applies every update once, keeping checkpoints and carets; yields to the page between
   *  slices and reports progress (0..1). Call once, before anything else. */
  async prepare(onProgress: (done: number) => void = () => undefined): Promise<void> {
    const doc = newDocument();
    let current = 0;
    const note = (transaction: Y.Transaction) => this.noteCaret(current, transaction);
    doc.on("afterTransaction", note);
    this.checkpoints.push(Y.encodeStateAsUpdate(doc));
    let sliceStart = performance.now();
    for (current = 0; current < this.updates.length; current++) {
      applyRecorded(doc, this.updates[current]);
      if ((current + 1) % this.every === 0) this.checkpoints.push(Y.encodeStateAsUpdate(doc));
      if (performance.now() - sliceStart > SLICE_MS) {
        onProgress((current + 1) / this.updates.length);
        await new Promise((resolve) => setTimeout(resolve, 0));
        sliceStart = performance.now();
      }
    }
    doc.off("afterTransaction", note);
    this.doc.destroy();
    this.doc = doc;
    this.applied = this.updates.length;
    onProgress(1);
  }

  /** Makes the document hold exactly the first `count` updates. */
  seek(count: number): void {
    const target = Math.max(0, Math.min(count, this.updates.length));
    if (target < this.applied || target - this.applied >= this.every) {
      const checkpoint = Math.floor(target / this.every);
      this.doc.destroy();
      this.doc = newDocument();
      Y.applyUpdate(this.doc, this.checkpoints[checkpoint]);
      this.applied = checkpoint * this.every;
    }
    for (; this.applied < target; this.applied++) applyRecorded(this.doc, this.updates[this.applied]);
  }

  text(): string {
    return this.doc.getText("code").toString();
  }

  /** Each author's caret after the updates applied so far (authors who have not edited yet
   *  have none). */
  carets(): Caret[] {
    const carets: Caret[] = [];
    for (const [userId, indexes] of this.editsBy) {
      const last = lastBefore(indexes, this.applied);
      if (last < 0 || this.caretClient[last] === NO_CLIENT) continue;
      const offset = this.resolve(last);
      if (offset !== null) carets.push({ userId, offset });
    }
    return carets;
  }

  private resolve(index: number): number | null {
    const relative = Y.createRelativePositionFromJSON({
      item: { client: this.caretClient[index], clock: this.caretClock[index] },
      assoc: this.caretAfter[index] ? -1 : 0,
    });
    const absolute = Y.createAbsolutePositionFromRelativePosition(relative, this.doc);
    return absolute && absolute.type === this.doc.getText("code") ? absolute.index : null;
  }

  /** Inserted text wins over deleted: the caret follows what was typed. */
  private noteCaret(index: number, transaction: Y.Transaction): void {
    for (const [client, clock] of transaction.afterState) {
      if (clock > (transaction.beforeState.get(client) ?? 0)) {
        this.setCaret(index, client, clock - 1, true);
        return;
      }
    }
    for (const [client, deleted] of transaction.deleteSet.clients) {
      if (deleted.length > 0) {
        this.setCaret(index, client, deleted[0].clock, false);
        return;
      }
    }
  }

  private setCaret(index: number, client: number, clock: number, after: boolean): void {
    this.caretClient[index] = client;
    this.caretClock[index] = clock;
    this.caretAfter[index] = after ? 1 : 0;
  }
}

/** A document whose `code` is a Y.Text from the start: a type first made by an update is a
 *  placeholder that `getText` replaces later, and positions resolved before would name it. */
function newDocument(): Y.Doc {
  const doc = new Y.Doc();
  doc.getText("code");
  return doc;
}

function applyRecorded(doc: Y.Doc, recorded: RecordedUpdate): void {
  Y.applyUpdate(doc, fromBase64(recorded.update));
}

/** The last element of the sorted `indexes` below `limit`, or -1. */
export function lastBefore(indexes: readonly number[], limit: number): number {
  let low = 0;
  let high = indexes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (indexes[middle] < limit) low = middle + 1;
    else high = middle;
  }
  return low > 0 ? indexes[low - 1] : -1;
}
