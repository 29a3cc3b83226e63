/**
 * Other participants' carets and selections, with their names, drawn in CodeMirror.
 *
 * A cursor-update is placed by its Yjs relative positions when it has them (they name a
 * character, so the caret lands right even if our copy of the text has moved on since the
 * sender computed line and column); otherwise by line and column. Between updates, carets are
 * mapped through every edit, so they stay on their character while others type.
 */

import { StateEffect, StateField, type EditorState, type Range } from "@codemirror/state";
import { Decoration, EditorView, WidgetType, type DecorationSet } from "@codemirror/view";

export interface RemoteCursor {
  userId: string;
  name: string;
  color: string;
  anchor: number;
  head: number;
}

export const setRemoteCursor = StateEffect.define<RemoteCursor>();
export const removeRemoteCursor = StateEffect.define<string>();

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
