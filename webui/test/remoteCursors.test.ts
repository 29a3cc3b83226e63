import { EditorState, Text as CodeMirrorText, type Extension } from "@codemirror/state";
import { EditorView, type Decoration, type DecorationSet } from "@codemirror/view";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";

import { cursorPayload } from "../src/editor/editor";
import {
  LABEL_MAX_CHARS,
  labelTextColor,
  shortName,
  offsetFromLineColumn,
  offsetFromRelative,
  remoteCursorCount,
  remoteCursorOffsets,
  remoteCursors,
  removeRemoteCursor,
  safeColor,
  setRemoteCursor,
  type RemoteCursor,
} from "../src/editor/remoteCursors";
import type { CursorPayload } from "../src/net/protocol";
import { toBase64 } from "../src/util/base64";

interface Drawn {
  carets: { at: number; name: string; color: string }[];
  selections: { from: number; to: number; style: string }[];
}

/** What the extension asks CodeMirror to draw: caret widgets and selection marks. */
function drawn(state: EditorState): Drawn {
  const out: Drawn = { carets: [], selections: [] };
  for (const source of state.facet(EditorView.decorations)) {
    if (typeof source === "function") continue; // not ours (ours comes from a state field)
    for (const iter = (source as DecorationSet).iter(); iter.value; iter.next()) {
      const spec = (iter.value as Decoration).spec as {
        widget?: { name: string; color: string };
        class?: string;
        attributes?: { style: string };
      };
      if (spec.widget) out.carets.push({ at: iter.from, name: spec.widget.name, color: spec.widget.color });
      else if (spec.class === "cm-remote-selection")
        out.selections.push({ from: iter.from, to: iter.to, style: spec.attributes?.style ?? "" });
    }
  }
  return out;
}

function cursor(overrides: Partial<RemoteCursor> = {}): RemoteCursor {
  return { userId: "u2", name: "Bo", color: "#12ab34", anchor: 3, head: 3, ...overrides };
}

function create(doc = "hello\nworld", extensions: Extension[] = []): EditorState {
  return EditorState.create({ doc, extensions: [remoteCursors(), ...extensions] });
}

function set(state: EditorState, value: RemoteCursor): EditorState {
  return state.update({ effects: setRemoteCursor.of(value) }).state;
}

describe("remote cursors: placing", () => {
  it("starts with no remote cursors", () => {
    const state = create();
    expect(remoteCursorCount(state)).toBe(0);
    expect(drawn(state)).toEqual({ carets: [], selections: [] });
  });

  it("setRemoteCursor draws a named, coloured caret at head", () => {
    const state = set(create(), cursor({ anchor: 4, head: 4 }));
    expect(remoteCursorCount(state)).toBe(1);
    expect(drawn(state)).toEqual({ carets: [{ at: 4, name: "Bo", color: "#12ab34" }], selections: [] });
  });

  it("a selection is drawn as a translucent mark in the participant's colour, whichever way it runs", () => {
    const forward = set(create(), cursor({ anchor: 1, head: 7 }));
    expect(drawn(forward).selections).toEqual([{ from: 1, to: 7, style: "background-color: #12ab3433" }]);
    expect(drawn(forward).carets[0].at).toBe(7);
    const backward = set(create(), cursor({ anchor: 7, head: 1 }));
    expect(drawn(backward).selections).toEqual([{ from: 1, to: 7, style: "background-color: #12ab3433" }]);
    expect(drawn(backward).carets[0].at).toBe(1);
  });

  it("clamps positions outside the document to its bounds", () => {
    const state = set(create("abc"), cursor({ anchor: -5, head: 999 }));
    expect(drawn(state).carets).toEqual([{ at: 3, name: "Bo", color: "#12ab34" }]);
    expect(drawn(state).selections.map(({ from, to }) => [from, to])).toEqual([[0, 3]]);
  });

  it("a second update from the same participant replaces the first", () => {
    let state = set(create(), cursor({ head: 1, anchor: 1 }));
    state = set(state, cursor({ head: 8, anchor: 8, name: "Bo B." }));
    expect(remoteCursorCount(state)).toBe(1);
    expect(drawn(state).carets).toEqual([{ at: 8, name: "Bo B.", color: "#12ab34" }]);
  });

  it("keeps one caret per participant", () => {
    let state = set(create(), cursor({ userId: "u2", head: 1, anchor: 1 }));
    state = set(state, cursor({ userId: "u3", name: "Cy", color: "#000000", head: 9, anchor: 9 }));
    expect(remoteCursorCount(state)).toBe(2);
    expect(drawn(state).carets.map((c) => [c.name, c.at])).toEqual([
      ["Bo", 1],
      ["Cy", 9],
    ]);
  });

  it("replaces an unsafe colour with grey everywhere it is used", () => {
    const state = set(create(), cursor({ color: "red; background:url(x)", anchor: 0, head: 2 }));
    expect(drawn(state).carets[0].color).toBe("#888888");
    expect(drawn(state).selections[0].style).toBe("background-color: #88888833");
  });
});

describe("remote cursors: following edits", () => {
  it("an insert before the caret moves it right by the inserted length", () => {
    let state = set(create(), cursor({ anchor: 8, head: 8 }));
    state = state.update({ changes: { from: 0, insert: "XYZ" } }).state;
    expect(drawn(state).carets[0].at).toBe(11);
  });

  it("an insert after the caret leaves it in place", () => {
    let state = set(create(), cursor({ anchor: 2, head: 2 }));
    state = state.update({ changes: { from: 5, insert: "!!" } }).state;
    expect(drawn(state).carets[0].at).toBe(2);
  });

  it("an insert exactly at the caret puts the caret after the new text", () => {
    let state = set(create(), cursor({ anchor: 2, head: 2 }));
    state = state.update({ changes: { from: 2, insert: "ab" } }).state;
    expect(drawn(state).carets[0].at).toBe(4);
  });

  it("a deletion around the caret collapses it to the deletion's start", () => {
    let state = set(create(), cursor({ anchor: 4, head: 4 }));
    state = state.update({ changes: { from: 2, to: 8 } }).state;
    expect(drawn(state).carets[0].at).toBe(2);
  });

  it("a selection is mapped at both ends", () => {
    let state = set(create(), cursor({ anchor: 6, head: 11 })); // "world"
    state = state.update({ changes: [{ from: 0, insert: ">> " }, { from: 8, to: 9 }] }).state;
    expect(state.doc.sliceString(drawn(state).selections[0].from, drawn(state).selections[0].to)).toBe("wold");
  });

  it("carets of several participants all follow the same edit", () => {
    let state = set(create(), cursor({ userId: "a", anchor: 1, head: 1 }));
    state = set(state, cursor({ userId: "b", anchor: 10, head: 10 }));
    state = state.update({ changes: { from: 5, insert: "12345" } }).state;
    expect(drawn(state).carets.map((c) => c.at)).toEqual([1, 15]);
  });

  it("a cursor set in the same transaction as an edit is clamped to the new document", () => {
    let state = create("abcdef");
    state = state.update({ changes: { from: 0, to: 6 }, effects: setRemoteCursor.of(cursor({ anchor: 5, head: 5 })) })
      .state;
    expect(drawn(state).carets[0].at).toBe(0);
  });
});

describe("remote cursors: removing", () => {
  it("removeRemoteCursor takes away the caret and its selection", () => {
    let state = set(create(), cursor({ anchor: 0, head: 4 }));
    state = state.update({ effects: removeRemoteCursor.of("u2") }).state;
    expect(remoteCursorCount(state)).toBe(0);
    expect(drawn(state)).toEqual({ carets: [], selections: [] });
  });

  it("removing one participant keeps the others, and removing an unknown id is harmless", () => {
    let state = set(create(), cursor({ userId: "a" }));
    state = set(state, cursor({ userId: "b" }));
    state = state.update({ effects: [removeRemoteCursor.of("a"), removeRemoteCursor.of("nobody")] }).state;
    expect(remoteCursorCount(state)).toBe(1);
  });
});

describe("safeColor", () => {
  it.each(["#12ab34", "#ABCDEF", "#000000", "#fFfFfF"])("accepts the 6-digit hex colour %s", (color) => {
    expect(safeColor(color)).toBe(color);
  });

  it.each([
    "red; background:url(x)",
    "red",
    "#abc",
    "#1234567",
    "#12345g",
    " #123456",
    "#123456 ",
    "#123456;",
    "#123456\n",
    "rgb(1,2,3)",
    "",
    "url(javascript:alert(1))",
  ])("replaces %j with grey", (color) => {
    expect(safeColor(color)).toBe("#888888");
  });
});

describe("remote cursors in a live editor view (jsdom)", () => {
  let view: EditorView | null = null;
  afterEach(() => {
    view?.destroy();
    view = null;
    document.body.replaceChildren();
  });

  it("renders the caret with its name as text, never as markup", () => {
    const parent = document.createElement("div");
    document.body.append(parent);
    view = new EditorView({ state: create("print(1)\n"), parent });
    const name = "<img src=x>";
    view.dispatch({ effects: setRemoteCursor.of(cursor({ name, color: "#ff0000", anchor: 2, head: 2 })) });
    const carets = parent.querySelectorAll('[data-testid="remote-caret"]');
    expect(carets).toHaveLength(1);
    const label = carets[0].querySelector(".cm-remote-caret-label");
    expect(label?.textContent).toBe(name);
    expect(label?.children).toHaveLength(0);
    expect(parent.querySelector('img[src="x"]')).toBeNull();
    expect((carets[0] as HTMLElement).style.borderLeftColor).toBe("rgb(255, 0, 0)");
  });

  it("puts the label under the caret on the first line, above it elsewhere", () => {
    const parent = document.createElement("div");
    document.body.append(parent);
    view = new EditorView({ state: create("first\nsecond\n"), parent });
    const labels = () => [...parent.querySelectorAll(".cm-remote-caret-label")];
    view.dispatch({ effects: setRemoteCursor.of(cursor({ userId: "a", anchor: 2, head: 2 })) });
    expect(labels()[0].classList.contains("cm-remote-caret-label-below")).toBe(true);
    view.dispatch({ effects: setRemoteCursor.of(cursor({ userId: "a", anchor: 8, head: 8 })) });
    expect(labels()[0].classList.contains("cm-remote-caret-label-below")).toBe(false);
  });

  it("draws the label anew on each move, so it shows again and then fades", () => {
    const parent = document.createElement("div");
    document.body.append(parent);
    view = new EditorView({ state: create("print(1)\n"), parent });
    view.dispatch({ effects: setRemoteCursor.of(cursor({ anchor: 1, head: 1 })) });
    const first = parent.querySelector(".cm-remote-caret-label");
    view.dispatch({ effects: setRemoteCursor.of(cursor({ anchor: 1, head: 1 })) });
    expect(parent.querySelector(".cm-remote-caret-label")).not.toBe(first);
  });
});

describe("caret labels", () => {
  it("cut long names by character, whole emoji included", () => {
    expect(shortName("Ada")).toBe("Ada");
    expect(shortName("x".repeat(LABEL_MAX_CHARS))).toBe("x".repeat(LABEL_MAX_CHARS));
    const long = shortName("Alexandra Konstantinopoulou");
    expect([...long]).toHaveLength(LABEL_MAX_CHARS);
    expect(long.endsWith("…")).toBe(true);
    expect(shortName("😀".repeat(20))).toBe(`${"😀".repeat(LABEL_MAX_CHARS - 1)}…`);
  });

  it("write in black or white, whichever contrasts more with the person's colour", () => {
    expect(labelTextColor("#000000")).toBe("#ffffff");
    expect(labelTextColor("#ffe119")).toBe("#000000"); // yellow
    expect(labelTextColor("#4363d8")).toBe("#ffffff"); // blue
    expect(labelTextColor("not a colour")).toBe("#000000"); // drawn on the grey fallback
  });
});

// ------------------------------------------------------------------ where a cursor-update points

/** A Y.Text with `text`, and the editor's copy of it (y-codemirror.next keeps them equal). */
function shared(text: string, clientID = 1) {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const ytext = doc.getText("code");
  ytext.insert(0, text);
  return { doc, ytext, cm: () => CodeMirrorText.of(ytext.toString().split("\n")) };
}

/** What the sender's editor puts in `relative` for an offset in its copy. */
function relativeAt(ytext: Y.Text, offset: number): string {
  return toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(ytext, offset)));
}

describe("offsetFromLineColumn", () => {
  const doc = CodeMirrorText.of(["ab", "cde", "", "fgh"]);

  it.each([
    [1, 1, 0],
    [1, 3, 2], // end of line 1
    [2, 1, 3],
    [2, 3, 5],
    [3, 1, 7], // the empty line
    [4, 4, 11], // end of the document
  ])("line %i, column %i (1-based) is offset %i", (line, column, offset) => {
    expect(offsetFromLineColumn(doc, { line, column })).toBe(offset);
  });

  it("is the inverse of what cursorPayload sends", () => {
    const text = "def f(x):\n    return x  # 🎉\n\nprint(f('é'))";
    const state = EditorState.create({ doc: text });
    const { ytext } = shared(text);
    for (let offset = 0; offset <= text.length; offset++) {
      if (/[\uDC00-\uDFFF]/.test(text[offset] ?? "")) continue; // inside an emoji: no caret there
      const sent = cursorPayload(
        EditorState.create({ doc: text, selection: { anchor: offset } }),
        ytext,
      ).cursor;
      expect(offsetFromLineColumn(state.doc, sent)).toBe(offset);
    }
  });

  it("clamps a column past the end of its line to the line's end, never the next line", () => {
    expect(offsetFromLineColumn(doc, { line: 1, column: 99 })).toBe(2);
    expect(offsetFromLineColumn(doc, { line: 3, column: 5 })).toBe(7);
  });

  it("clamps a line past the end to the last line, and a line before the start to the first", () => {
    expect(offsetFromLineColumn(doc, { line: 99, column: 2 })).toBe(9);
    expect(offsetFromLineColumn(doc, { line: 99, column: 99 })).toBe(11);
    expect(offsetFromLineColumn(doc, { line: 0, column: 2 })).toBe(1);
    expect(offsetFromLineColumn(doc, { line: -4, column: 1 })).toBe(0);
  });

  it("clamps a column before the start to the line's start, never the line above", () => {
    expect(offsetFromLineColumn(doc, { line: 2, column: 0 })).toBe(3);
    expect(offsetFromLineColumn(doc, { line: 4, column: -10 })).toBe(8);
  });

  it("counts an emoji as two columns (UTF-16 units), like the editor", () => {
    const emoji = CodeMirrorText.of(["😀x😀", "y"]);
    expect(offsetFromLineColumn(emoji, { line: 1, column: 3 })).toBe(2); // before the x
    expect(offsetFromLineColumn(emoji, { line: 1, column: 6 })).toBe(5); // end of line 1
    expect(offsetFromLineColumn(emoji, { line: 2, column: 2 })).toBe(7);
  });

  it("never lands between the two halves of an emoji (a client counting code points)", () => {
    const emoji = CodeMirrorText.of(["😀x😀", "y"]);
    expect(offsetFromLineColumn(emoji, { line: 1, column: 2 })).toBe(2);
    expect(offsetFromLineColumn(emoji, { line: 1, column: 5 })).toBe(5);
  });

  it("works on an empty document", () => {
    expect(offsetFromLineColumn(CodeMirrorText.empty, { line: 3, column: 7 })).toBe(0);
  });
});

describe("offsetFromRelative", () => {
  it("finds the offset the sender meant in the same text", () => {
    const { ytext } = shared("hello\nworld");
    for (const offset of [0, 3, 6, 11]) expect(offsetFromRelative(ytext, relativeAt(ytext, offset))).toBe(offset);
  });

  it("stays on its character after concurrent edits the sender had not seen", () => {
    const sender = shared("hello\nworld", 1);
    const receiver = new Y.Doc();
    receiver.clientID = 2;
    Y.applyUpdate(receiver, Y.encodeStateAsUpdate(sender.doc));
    const text = receiver.getText("code");
    const beforeW = relativeAt(sender.ytext, 6); // the sender's caret, before "world"
    text.insert(0, ">> "); // meanwhile, here: an insert before it...
    text.delete(text.toString().indexOf("ello"), 2); // ...and a deletion before it
    expect(text.toString()).toBe(">> hlo\nworld");
    expect(offsetFromRelative(text, beforeW)).toBe(text.toString().indexOf("world"));
  });

  it("follows the sender's edits once they arrive", () => {
    const sender = shared("ab", 1);
    const receiver = new Y.Doc();
    Y.applyUpdate(receiver, Y.encodeStateAsUpdate(sender.doc));
    const before = Y.encodeStateVector(receiver);
    sender.ytext.insert(2, "cdef");
    const caret = relativeAt(sender.ytext, 5);
    // The caret names a character we do not have yet: unusable until the edit arrives.
    expect(offsetFromRelative(receiver.getText("code"), caret)).toBeNull();
    Y.applyUpdate(receiver, Y.encodeStateAsUpdate(sender.doc, before));
    expect(offsetFromRelative(receiver.getText("code"), caret)).toBe(5);
  });

  it.each([
    ["not base64", "%%% not base64 %%%"],
    ["empty", ""],
    ["base64 of garbage", "AAAA"],
    ["base64 of random bytes", "q83vASNFZ4mrze8BI0Vn"],
    ["base64 with a bad length", "QQ="],
  ])("returns null, never throws, for %s", (_name, encoded) => {
    const { ytext } = shared("hello");
    expect(offsetFromRelative(ytext, encoded)).toBeNull();
  });

  it("returns null for a position in another type of the document", () => {
    const { doc, ytext } = shared("hello");
    const other = doc.getText("notes");
    other.insert(0, "elsewhere");
    expect(offsetFromRelative(ytext, relativeAt(other, 4))).toBeNull();
  });

  it("returns null for a text that is in no document", () => {
    const { ytext } = shared("hello");
    expect(offsetFromRelative(new Y.Text(), relativeAt(ytext, 1))).toBeNull();
  });
});

describe("remoteCursorOffsets", () => {
  const payload = (overrides: Partial<CursorPayload> = {}): CursorPayload => ({
    cursor: { line: 2, column: 2 },
    ...overrides,
  });

  it("uses line and column without relative positions; the anchor is the head without a selection", () => {
    const { ytext, cm } = shared("ab\ncde");
    expect(remoteCursorOffsets(payload(), cm(), ytext)).toEqual({ anchor: 4, head: 4 });
  });

  it("uses the selection's anchor for a selection", () => {
    const { ytext, cm } = shared("ab\ncde");
    const selection = { anchor: { line: 1, column: 1 }, head: { line: 2, column: 2 } };
    expect(remoteCursorOffsets(payload({ selection }), cm(), ytext)).toEqual({ anchor: 0, head: 4 });
  });

  it("prefers relative positions to line and column", () => {
    const { ytext, cm } = shared("ab\ncde");
    const relative = { anchor: relativeAt(ytext, 1), head: relativeAt(ytext, 6) };
    expect(remoteCursorOffsets(payload({ relative }), cm(), ytext)).toEqual({ anchor: 1, head: 6 });
  });

  it("keeps a relative position at offset 0 (not mistaken for 'missing')", () => {
    const { ytext, cm } = shared("ab\ncde");
    const relative = { anchor: relativeAt(ytext, 0), head: relativeAt(ytext, 0) };
    expect(remoteCursorOffsets(payload({ relative }), cm(), ytext)).toEqual({ anchor: 0, head: 0 });
  });

  it("falls back to line and column, end by end, when a relative position is unusable", () => {
    const { ytext, cm } = shared("ab\ncde");
    const selection = { anchor: { line: 1, column: 2 }, head: { line: 2, column: 2 } };
    const badHead = { anchor: relativeAt(ytext, 6), head: "%%%" };
    const offsets = (relative: CursorPayload["relative"]) =>
      remoteCursorOffsets(payload({ selection, relative }), cm(), ytext);
    expect(offsets(badHead)).toEqual({ anchor: 6, head: 4 });
    const badAnchor = { anchor: "AAAA", head: relativeAt(ytext, 6) };
    expect(offsets(badAnchor)).toEqual({ anchor: 1, head: 6 });
  });

  it("clamps a relative position past the editor's end (the editor has not caught up)", () => {
    const { ytext } = shared("abcdef");
    const shorter = CodeMirrorText.of(["abc"]);
    const relative = { anchor: relativeAt(ytext, 6), head: relativeAt(ytext, 5) };
    expect(remoteCursorOffsets(payload({ relative }), shorter, ytext)).toEqual({ anchor: 3, head: 3 });
  });

  it("clamps line and column past the end of the document", () => {
    const { ytext, cm } = shared("ab\ncde");
    const far = { line: 40, column: 80 };
    expect(remoteCursorOffsets(payload({ cursor: far, selection: { anchor: far, head: far } }), cm(), ytext)).toEqual({
      anchor: 6,
      head: 6,
    });
  });
});
