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

/** A cursor as drawn: where it is now, and how many times that person has moved it. */
interface DrawnCursor extends RemoteCursor {
  activity: number;
  onFirstLine: boolean;
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

/** Names longer than this are cut with "…" on the caret (the People list has them whole). */
export const LABEL_MAX_CHARS = 16;
/** A caret's name shows this long after that person's last move, then on hover of the line. */
export const LABEL_SHOWN_MS = 3000;

export function shortName(name: string): string {
  const characters = [...name]; // by code point: an emoji is never cut in half
  return characters.length <= LABEL_MAX_CHARS ? name : `${characters.slice(0, LABEL_MAX_CHARS - 1).join("")}…`;
}

/** Black or white, whichever reads better on `color` (WCAG relative luminance). */
export function labelTextColor(color: string): string {
  const channels = [1, 3, 5].map((at) => parseInt(safeColor(color).slice(at, at + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with white is 1.05/(L+0.05), with black (L+0.05)/0.05: pick the larger.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? "#ffffff" : "#000000";
}

class CaretWidget extends WidgetType {
  constructor(
    readonly name: string,
    readonly color: string,
    /** Bumped on each of that person's moves: a new DOM restarts the label's fade. */
    readonly activity: number,
    /** On the first line the label goes below the caret: above, it would be cut off. */
    readonly below: boolean,
  ) {
    super();
  }

  override eq(other: CaretWidget): boolean {
    return (
      other.name === this.name &&
      other.color === this.color &&
      other.activity === this.activity &&
      other.below === this.below
    );
  }

  toDOM(): HTMLElement {
    const caret = document.createElement("span");
    caret.className = "cm-remote-caret";
    caret.style.borderLeftColor = this.color;
    caret.setAttribute("data-testid", "remote-caret");
    const label = document.createElement("span");
    label.className = this.below ? "cm-remote-caret-label cm-remote-caret-label-below" : "cm-remote-caret-label";
    label.style.backgroundColor = this.color;
    label.style.color = labelTextColor(this.color);
    label.textContent = shortName(this.name); // text, never markup: names are typed by participants
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

const cursorsField = StateField.define<Map<string, DrawnCursor>>({
  create: () => new Map(),
  update(cursors, transaction) {
    let next = cursors;
    if (transaction.docChanged) {
      next = new Map();
      for (const [userId, cursor] of cursors) {
        const head = transaction.changes.mapPos(cursor.head, 1);
        next.set(userId, {
          ...cursor,
          anchor: transaction.changes.mapPos(cursor.anchor, 1),
          head,
          onFirstLine: head <= transaction.state.doc.line(1).to,
        });
      }
    }
    for (const effect of transaction.effects) {
      if (effect.is(setRemoteCursor)) {
        if (next === cursors) next = new Map(cursors);
        const cursor = effect.value;
        const head = clamp(cursor.head, transaction.state);
        next.set(cursor.userId, {
          ...cursor,
          color: safeColor(cursor.color),
          anchor: clamp(cursor.anchor, transaction.state),
          head,
          activity: (next.get(cursor.userId)?.activity ?? 0) + 1,
          onFirstLine: head <= transaction.state.doc.line(1).to,
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
        const widget = new CaretWidget(cursor.name, cursor.color, cursor.activity, cursor.onFirstLine);
        ranges.push(Decoration.widget({ widget, side: 1 }).range(cursor.head));
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
    whiteSpace: "nowrap",
    fontFamily: "system-ui, sans-serif",
    zIndex: "10",
    // Shown on that person's activity, then out of the way of the code above it; hovering
    // the line brings it back.
    animation: `cm-remote-caret-label-fade 0.4s ease ${LABEL_SHOWN_MS}ms forwards`,
  },
  ".cm-remote-caret-label-below": { top: "1.2em", borderRadius: "0 3px 3px 3px" },
  ".cm-line:hover .cm-remote-caret-label": { animation: "none", opacity: "1" },
  "@keyframes cm-remote-caret-label-fade": { to: { opacity: "0", visibility: "hidden" } },
});

export function remoteCursors() {
  return [cursorsField, cursorTheme];
}

export function remoteCursorCount(state: EditorState): number {
  return state.field(cursorsField).size;
}
