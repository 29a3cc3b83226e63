import { EditorState, type Extension } from "@codemirror/state";
import { EditorView, type Decoration, type DecorationSet } from "@codemirror/view";
import { afterEach, describe, expect, it } from "vitest";

import {
  remoteCursorCount,
  remoteCursors,
  removeRemoteCursor,
  safeColor,
  setRemoteCursor,
  type RemoteCursor,
} from "../src/editor/remoteCursors";

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
    const name = '<img src=x onerror="alert(1)">';
    view.dispatch({ effects: setRemoteCursor.of(cursor({ name, color: "#ff0000", anchor: 2, head: 2 })) });
    const carets = parent.querySelectorAll('[data-testid="remote-caret"]');
    expect(carets).toHaveLength(1);
    const label = carets[0].querySelector(".cm-remote-caret-label");
    expect(label?.textContent).toBe(name);
    expect(label?.children).toHaveLength(0);
    expect(parent.querySelector('img[src="x"]')).toBeNull();
    expect((carets[0] as HTMLElement).style.borderLeftColor).toBe("rgb(255, 0, 0)");
  });
});
