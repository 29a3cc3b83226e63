/**
 * The shared editor: CodeMirror 6 bound to the session's Y.Text.
 *
 * y-codemirror.next keeps CodeMirror and Yjs in step, and its undo manager only undoes your
 * own edits (remote updates carry another transaction origin). There is deliberately no
 * CodeMirror `history()`: it would undo other people's typing.
 */

import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, indentWithTab } from "@codemirror/commands";
import {
  bracketMatching,
  defaultHighlightStyle,
  foldGutter,
  foldKeymap,
  indentOnInput,
  indentUnit,
  syntaxHighlighting,
} from "@codemirror/language";
import { highlightSelectionMatches, search, searchKeymap } from "@codemirror/search";
import { Compartment, EditorState, Prec } from "@codemirror/state";
import {
  crosshairCursor,
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  rectangularSelection,
} from "@codemirror/view";
import { yCollab, yUndoManagerKeymap } from "y-codemirror.next";
import * as Y from "yjs";

import type { CursorPayload } from "../net/protocol";
import { toBase64 } from "../util/base64";
import { readableOneDark } from "./darkTheme";
import { loadKeymap, type KeymapName } from "./keymaps";
import { languageSupport } from "./languages";
import { remoteCursors } from "./remoteCursors";

export interface EditorOptions {
  parent: HTMLElement;
  ytext: Y.Text;
  language: string;
  dark: boolean;
  onRun: () => void;
  onCursor: (cursor: CursorPayload) => void;
}

export interface SharedEditor {
  view: EditorView;
  undoManager: Y.UndoManager;
  setLanguage(id: string): void;
  setDark(dark: boolean): void;
  /** Read-only once the interview has ended; remote changes still show. */
  setReadOnly(readOnly: boolean): void;
  /** Standard, Vim or Emacs keys (loaded on first use); resolves once they are in place. */
  setKeymap(name: KeymapName): Promise<void>;
  destroy(): void;
}

/** Python and SQL read better with 4 spaces, JavaScript and TypeScript with 2. */
function indentFor(language: string): string {
  return language === "javascript" || language === "typescript" ? "  " : "    ";
}

const lightTheme = [syntaxHighlighting(defaultHighlightStyle, { fallback: true })];

export function createEditor(options: EditorOptions): SharedEditor {
  const languageSlot = new Compartment();
  const indentSlot = new Compartment();
  const themeSlot = new Compartment();
  const readOnlySlot = new Compartment();
  const keymapSlot = new Compartment();
  let keymapWanted: KeymapName = "standard";
  const undoManager = new Y.UndoManager(options.ytext);
  let cursorTimer: ReturnType<typeof setTimeout> | null = null;

  const reportCursor = EditorView.updateListener.of((update) => {
    if (!update.selectionSet && !update.docChanged) return;
    if (cursorTimer !== null) clearTimeout(cursorTimer);
    // A caret moves many times per second while typing; 40 ms keeps it live but cheap.
    cursorTimer = setTimeout(() => {
      cursorTimer = null;
      options.onCursor(cursorPayload(view.state, options.ytext));
    }, 40);
  });

  const state = EditorState.create({
    doc: options.ytext.toString(),
    extensions: [
      // First: Vim and Emacs must see keys before the other key maps do.
      keymapSlot.of([]),
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      foldGutter(),
      drawSelection(),
      dropCursor(),
      EditorState.allowMultipleSelections.of(true),
      indentOnInput(),
      bracketMatching(),
      closeBrackets(),
      autocompletion(),
      rectangularSelection(),
      crosshairCursor(),
      highlightActiveLine(),
      highlightSelectionMatches(),
      search({ top: true }),
      Prec.highest(
        keymap.of([
          { key: "Mod-Enter", run: () => (options.onRun(), true), preventDefault: true },
        ]),
      ),
      keymap.of([
        ...closeBracketsKeymap,
        ...defaultKeymap,
        ...searchKeymap,
        ...foldKeymap,
        ...completionKeymap,
        ...yUndoManagerKeymap,
        indentWithTab,
      ]),
      languageSlot.of(languageSupport(options.language)),
      indentSlot.of(indentUnit.of(indentFor(options.language))),
      themeSlot.of(options.dark ? readableOneDark : lightTheme),
      readOnlySlot.of(editableState(false)),
      yCollab(options.ytext, null, { undoManager }),
      remoteCursors(),
      reportCursor,
      EditorView.contentAttributes.of({ "aria-label": "Shared code editor" }),
    ],
  });

  const view = new EditorView({ state, parent: options.parent });

  return {
    view,
    undoManager,
    setLanguage(id) {
      view.dispatch({
        effects: [
          languageSlot.reconfigure(languageSupport(id)),
          indentSlot.reconfigure(indentUnit.of(indentFor(id))),
        ],
      });
    },
    setDark(dark) {
      view.dispatch({ effects: themeSlot.reconfigure(dark ? readableOneDark : lightTheme) });
    },
    setReadOnly(readOnly) {
      view.dispatch({ effects: readOnlySlot.reconfigure(editableState(readOnly)) });
    },
    async setKeymap(name) {
      keymapWanted = name;
      const keys = await loadKeymap(name, undoManager);
      if (keymapWanted !== name) return; // another choice came in while this one loaded
      view.dispatch({ effects: keymapSlot.reconfigure(keys.extension) });
      keys.attached(view);
      options.parent.dataset.keymap = name;
    },
    destroy() {
      if (cursorTimer !== null) clearTimeout(cursorTimer);
      view.destroy();
      undoManager.destroy();
    },
  };
}

function editableState(readOnly: boolean) {
  return [EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)];
}

function position(state: EditorState, offset: number): { line: number; column: number } {
  const line = state.doc.lineAt(offset);
  return { line: line.number, column: offset - line.from + 1 };
}

function relative(ytext: Y.Text, offset: number): string {
  return toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(ytext, offset)));
}

/** Our caret as the spec's 1-based line/column, plus selection and relative positions. */
export function cursorPayload(state: EditorState, ytext: Y.Text): CursorPayload {
  const { anchor, head } = state.selection.main;
  const payload: CursorPayload = {
    cursor: position(state, head),
    relative: { anchor: relative(ytext, anchor), head: relative(ytext, head) },
  };
  if (anchor !== head) {
    payload.selection = { anchor: position(state, anchor), head: position(state, head) };
  }
  return payload;
}
