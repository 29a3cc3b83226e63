import { EditorSelection, EditorState } from "@codemirror/state";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";

import { createEditor, cursorPayload, type SharedEditor } from "../src/editor/editor";
import type { CursorPayload } from "../src/net/protocol";
import { fromBase64 } from "../src/util/base64";

function setup(text: string) {
  const doc = new Y.Doc();
  const ytext = doc.getText("code");
  ytext.insert(0, text);
  const at = (anchor: number, head = anchor) =>
    EditorState.create({ doc: text, selection: EditorSelection.single(anchor, head) });
  return { doc, ytext, at };
}

/** The index a base64 Y.RelativePosition points at now, in `doc`. */
function indexOf(encoded: string, doc: Y.Doc): number | undefined {
  const absolute = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(fromBase64(encoded)), doc);
  return absolute?.index;
}

describe("cursorPayload", () => {
  const text = "ab\ncde\n\nfgh";

  it.each([
    [0, 1, 1],
    [2, 1, 3], // end of line 1
    [3, 2, 1], // start of line 2
    [5, 2, 3],
    [7, 3, 1], // the empty line
    [8, 4, 1],
    [11, 4, 4], // end of the document
  ])("offset %i is line %i, column %i (1-based)", (offset, line, column) => {
    const { ytext, at } = setup(text);
    expect(cursorPayload(at(offset), ytext).cursor).toEqual({ line, column });
  });

  it("has no selection field when the selection is empty", () => {
    const { ytext, at } = setup(text);
    const payload = cursorPayload(at(5), ytext);
    expect(payload).not.toHaveProperty("selection");
    expect(Object.keys(payload).sort()).toEqual(["cursor", "relative"]);
  });

  it("reports a selection's anchor and head, with the cursor at the head", () => {
    const { ytext, at } = setup(text);
    const payload = cursorPayload(at(1, 5), ytext);
    expect(payload.selection).toEqual({ anchor: { line: 1, column: 2 }, head: { line: 2, column: 3 } });
    expect(payload.cursor).toEqual({ line: 2, column: 3 });
  });

  it("keeps the direction of a backwards selection", () => {
    const { ytext, at } = setup(text);
    const payload = cursorPayload(at(9, 0), ytext);
    expect(payload.selection).toEqual({ anchor: { line: 4, column: 2 }, head: { line: 1, column: 1 } });
    expect(payload.cursor).toEqual({ line: 1, column: 1 });
  });

  it.each([
    [0, 0],
    [3, 5],
    [11, 11],
    [11, 0],
  ])("relative positions (anchor %i, head %i) decode to the same indices", (anchor, head) => {
    const { doc, ytext, at } = setup(text);
    const payload = cursorPayload(at(anchor, head), ytext);
    expect(indexOf(payload.relative!.anchor, doc)).toBe(anchor);
    expect(indexOf(payload.relative!.head, doc)).toBe(head);
  });

  it("relative positions stay on their character when text is inserted before them", () => {
    const { doc, ytext, at } = setup(text);
    const payload = cursorPayload(at(4, 6), ytext); // "de" in "cde"
    ytext.insert(0, ">>> ");
    expect(indexOf(payload.relative!.anchor, doc)).toBe(8);
    expect(indexOf(payload.relative!.head, doc)).toBe(10);
    expect(ytext.toString().slice(8, 10)).toBe("de");
  });

  it("relative positions resolve the same in another replica of the document", () => {
    const { doc, ytext, at } = setup("hello 👋 world");
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    const offset = "hello 👋".length; // UTF-16 units, as CodeMirror and Yjs count
    const payload = cursorPayload(at(offset), ytext);
    expect(indexOf(payload.relative!.head, replica)).toBe(offset);
  });

  it("is JSON-serialisable as the cursor-move payload", () => {
    const { ytext, at } = setup(text);
    const payload: CursorPayload = cursorPayload(at(1, 4), ytext);
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
    expect(typeof payload.relative?.anchor).toBe("string");
  });
});

describe("createEditor (jsdom)", () => {
  let editor: SharedEditor | null = null;

  // jsdom has no layout: Range lacks getClientRects/getBoundingClientRect, which CodeMirror's
  // measuring (selection layer) calls. Empty answers keep it quiet; nothing here measures.
  const range = Range.prototype as unknown as Record<string, unknown>;
  const added: string[] = [];
  beforeAll(() => {
    if (!range.getClientRects) {
      range.getClientRects = () => Object.assign([], { item: () => null });
      added.push("getClientRects");
    }
    if (!range.getBoundingClientRect) {
      range.getBoundingClientRect = () => new DOMRect(0, 0, 0, 0);
      added.push("getBoundingClientRect");
    }
  });
  afterAll(() => {
    for (const name of added) delete range[name];
  });

  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    editor?.destroy();
    editor = null;
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  function mount(text: string) {
    const doc = new Y.Doc();
    const ytext = doc.getText("code");
    ytext.insert(0, text);
    const parent = document.createElement("div");
    document.body.append(parent);
    const cursors: CursorPayload[] = [];
    editor = createEditor({
      parent,
      ytext,
      language: "python",
      dark: false,
      onRun: () => {},
      onCursor: (cursor) => cursors.push(cursor),
    });
    return { doc, ytext, view: editor.view, cursors, undoManager: editor.undoManager };
  }

  it("starts with the Y.Text's content and writes local edits into it", () => {
    const { ytext, view } = mount("x = 1\n");
    expect(view.state.doc.toString()).toBe("x = 1\n");
    view.dispatch({ changes: { from: 6, insert: "print(x)\n" } });
    expect(ytext.toString()).toBe("x = 1\nprint(x)\n");
  });

  it("shows remote Yjs edits in the view", () => {
    const { doc, view } = mount("abc");
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    remote.getText("code").insert(3, "def");
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), "remote");
    expect(view.state.doc.toString()).toBe("abcdef");
  });

  it("undo reverts only the local user's edits, not remote ones", () => {
    const { doc, ytext, view, undoManager } = mount("");
    view.dispatch({ changes: { from: 0, insert: "mine " } });
    undoManager.stopCapturing();
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    remote.getText("code").insert(5, "theirs");
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), "remote");
    expect(ytext.toString()).toBe("mine theirs");
    undoManager.undo();
    expect(ytext.toString()).toBe("theirs");
    expect(view.state.doc.toString()).toBe("theirs");
  });

  it("reports the caret 40 ms after the last selection change, once per burst", () => {
    const { view, cursors } = mount("one\ntwo\n");
    view.dispatch({ selection: { anchor: 1 } });
    view.dispatch({ selection: { anchor: 5 } });
    vi.advanceTimersByTime(39);
    expect(cursors).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(cursors).toHaveLength(1);
    expect(cursors[0].cursor).toEqual({ line: 2, column: 2 });
  });
});
