/**
 * Other participants' carets and selections, with their names, drawn in CodeMirror.
 *
 * A cursor-update is placed by its Yjs relative positions when it has them (they name a
 * character, so the caret lands right even if our copy of the text has moved on since the
 * sender computed line and column); otherwise by line and column (`remoteCursorOffsets`).
 * Between updates, carets are mapped through every edit, so they stay on their character
 * while others type.
 */

import { StateEffect, StateField, type EditorState, type Range, type Text } from "@codemirror/state";
import { Decoration, EditorView, WidgetType, type DecorationSet } from "@codemirror/view";
import * as Y from "yjs";

import type { CursorPayload, Position } from "../net/protocol";
import { fromBase64 } from "../util/base64";

export interface RemoteCursor {
  userId: string;
  name: string;
  color: string;
  anchor: number;
  head: number;
}

export const setRemoteCursor = StateEffect.define<RemoteCursor>();
export const removeRemoteCursor = StateEffect.define<string>();

// ------------------------------------------------------------------ where a cursor-update points

/**
 * A 1-based line and column → an offset in `doc`. Columns count UTF-16 units, as
 * `cursorPayload` sends them. Out-of-range values are clamped: a line past the end means the
 * last line, a column past the end of its line means the line's end; nothing ever lands on
 * another line.
 */
export function offsetFromLineColumn(doc: Text, position: Position): number {
  const line = doc.line(Math.min(Math.max(1, position.line), doc.lines));
  const offset = Math.max(line.from, Math.min(line.from + position.column - 1, line.to));
  return outOfSurrogatePair(doc, offset);
}

/**
 * A base64 Y.RelativePosition → its offset in `ytext` now, or null when it cannot be used:
 * not base64, not a relative position, in another type, or naming an edit we have not
 * received yet. Null means "fall back to line and column", never an error: the sender is
 * another participant's browser.
 */
export function offsetFromRelative(ytext: Y.Text, encoded: string): number | null {
  const doc = ytext.doc;
  if (!doc) return null;
  try {
    const relative = Y.decodeRelativePosition(fromBase64(encoded));
    const absolute = Y.createAbsolutePositionFromRelativePosition(relative, doc);
    return absolute && absolute.type === ytext ? absolute.index : null;
  } catch {
    return null;
  }
}

/**
 * Where to draw another participant's caret (`head`) and selection (`anchor` to `head`):
 * relative positions first, then line and column; without a selection the anchor is the head.
 * `doc` is the editor's text, which y-codemirror.next keeps equal to `ytext`.
 */
export function remoteCursorOffsets(
  payload: CursorPayload,
  doc: Text,
  ytext: Y.Text,
): { anchor: number; head: number } {
  const fromRelative = (encoded: string | undefined) => {
    const offset = encoded === undefined ? null : offsetFromRelative(ytext, encoded);
    return offset === null ? null : outOfSurrogatePair(doc, Math.min(offset, doc.length));
  };
  const head = fromRelative(payload.relative?.head) ?? offsetFromLineColumn(doc, payload.cursor);
  const anchor =
    fromRelative(payload.relative?.anchor) ??
    (payload.selection ? offsetFromLineColumn(doc, payload.selection.anchor) : head);
  return { anchor, head };
}

/** Never between the two halves of an emoji: a client that counts code points, not UTF-16
 *  units, lands there, one unit short of the character boundary it meant. */
function outOfSurrogatePair(doc: Text, offset: number): number {
  if (offset <= 0 || offset >= doc.length) return offset;
  const pair = doc.sliceString(offset - 1, offset + 1);
  return /^[\uD800-\uDBFF][\uDC00-\uDFFF]$/.test(pair) ? offset + 1 : offset;
}

// ------------------------------------------------------------------ drawing the carets

const SAFE_COLOR = /^#[0-9a-fA-F]{6}$/;

export function safeColor(color: string): string {
  return SAFE_COLOR.test(color) ? color : "#888888";
}

class CaretWidget extends WidgetType {
  constructor(
    readonly name: string,
    readonly color: string,
  ) {
    super();
  }

  override eq(other: CaretWidget): boolean {
    return other.name === this.name && other.color === this.color;
  }

  toDOM(): HTMLElement {
    const caret = document.createElement("span");
    caret.className = "cm-remote-caret";
    caret.style.borderLeftColor = this.color;
    caret.setAttribute("data-testid", "remote-caret");
    const label = document.createElement("span");
    label.className = "cm-remote-caret-label";
    label.style.backgroundColor = this.color;
    label.textContent = this.name; // text, never markup: names are typed by participants
    caret.appendChild(label);
    return caret;
  }

  override ignoreEvent(): boolean {
    return true;
  }
}

function clamp(position: number, state: EditorState): number {
  return Math.max(0, Math.min(position, state.doc.length));
}

const cursorsField = StateField.define<Map<string, RemoteCursor>>({
  create: () => new Map(),
  update(cursors, transaction) {
    let next = cursors;
    if (transaction.docChanged) {
      next = new Map();
      for (const [userId, cursor] of cursors) {
        next.set(userId, {
          ...cursor,
          anchor: transaction.changes.mapPos(cursor.anchor, 1),
          head: transaction.changes.mapPos(cursor.head, 1),
        });
      }
    }
    for (const effect of transaction.effects) {
      if (effect.is(setRemoteCursor)) {
        if (next === cursors) next = new Map(cursors);
        const cursor = effect.value;
        next.set(cursor.userId, {
          ...cursor,
          color: safeColor(cursor.color),
          anchor: clamp(cursor.anchor, transaction.state),
          head: clamp(cursor.head, transaction.state),
        });
      } else if (effect.is(removeRemoteCursor)) {
        if (next === cursors) next = new Map(cursors);
        next.delete(effect.value);
      }
    }
    return next;
  },
  provide: (field) =>
    EditorView.decorations.from(field, (cursors): DecorationSet => {
      const ranges: Range<Decoration>[] = [];
      for (const cursor of cursors.values()) {
        const from = Math.min(cursor.anchor, cursor.head);
        const to = Math.max(cursor.anchor, cursor.head);
        if (from < to) {
          ranges.push(
            Decoration.mark({
              class: "cm-remote-selection",
              attributes: { style: `background-color: ${cursor.color}33` },
            }).range(from, to),
          );
        }
        ranges.push(
          Decoration.widget({ widget: new CaretWidget(cursor.name, cursor.color), side: 1 }).range(
            cursor.head,
          ),
        );
      }
      return Decoration.set(ranges, true);
    }),
});

const cursorTheme = EditorView.baseTheme({
  ".cm-remote-caret": {
    position: "relative",
    borderLeft: "2px solid",
    marginLeft: "-1px",
    marginRight: "-1px",
    pointerEvents: "none",
  },
  ".cm-remote-caret-label": {
    position: "absolute",
    top: "-1.35em",
    left: "-2px",
    fontSize: "0.72em",
    lineHeight: "1.3",
    padding: "0 4px",
    borderRadius: "3px 3px 3px 0",
    color: "#fff",
    whiteSpace: "nowrap",
    fontFamily: "system-ui, sans-serif",
    zIndex: "10",
    opacity: "0.9",
  },
});

export function remoteCursors() {
  return [cursorsField, cursorTheme];
}

export function remoteCursorCount(state: EditorState): number {
  return state.field(cursorsField).size;
}
