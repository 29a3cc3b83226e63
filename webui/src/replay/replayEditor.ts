/**
 * The replay's editor: CodeMirror, read-only, showing the code at the replay's instant with
 * each author's caret where they were editing. A new instant is one minimal change (common
 * prefix and suffix), so the view keeps its scroll and the carets move as they did.
 */

import { defaultHighlightStyle, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { search, searchKeymap } from "@codemirror/search";
import { Compartment, EditorState } from "@codemirror/state";
import { oneDark } from "@codemirror/theme-one-dark";
import { drawSelection, EditorView, highlightSpecialChars, keymap, lineNumbers } from "@codemirror/view";

import { languageSupport } from "../editor/languages";
import { remoteCursors, removeRemoteCursor, setRemoteCursor } from "../editor/remoteCursors";

export interface ShownCaret {
  userId: string;
  name: string;
  color: string;
  offset: number;
}

const lightTheme = [syntaxHighlighting(defaultHighlightStyle, { fallback: true })];

export class ReplayEditor {
  readonly view: EditorView;
  private readonly languageSlot = new Compartment();
  private readonly themeSlot = new Compartment();
  private language = "";
  // Each caret's offset as last set: an unmoved caret is left alone (setting it again would
  // show its name label anew on every frame of playback).
  private shownCarets = new Map<string, number>();

  constructor(parent: HTMLElement, dark: boolean) {
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        extensions: [
          // No fold gutter: it asks the syntax tree about every visible line on each seek,
          // which doubled the time to show the code (bench/replay_seek.py).
          lineNumbers(),
          highlightSpecialChars(),
          drawSelection(),
          search({ top: true }),
          keymap.of(searchKeymap),
          indentUnit.of("    "),
          EditorState.readOnly.of(true),
          this.languageSlot.of([]),
          this.themeSlot.of(dark ? oneDark : lightTheme),
          remoteCursors(),
          EditorView.contentAttributes.of({ "aria-label": "The code at this instant (read-only)" }),
        ],
      }),
    });
  }

  text(): string {
    return this.view.state.doc.toString();
  }

  /** The code and the carets at an instant. */
  show(code: string, carets: readonly ShownCaret[]): void {
    const old = this.view.state.doc.toString();
    const change = old === code ? null : minimalChange(old, code);
    const effects = [];
    const shown = new Map<string, number>();
    for (const caret of carets) {
      const offset = Math.min(caret.offset, code.length);
      shown.set(caret.userId, offset);
      const before = this.shownCarets.get(caret.userId);
      // Mapping through the change keeps a caret outside it right; one inside it is set.
      const mapped = before !== undefined && (change === null || before < change.from || before > change.to);
      if (mapped && offsetAfter(before, change) === offset) continue;
      effects.push(setRemoteCursor.of({ userId: caret.userId, name: caret.name, color: caret.color, anchor: offset, head: offset }));
    }
    for (const userId of this.shownCarets.keys()) {
      if (!shown.has(userId)) effects.push(removeRemoteCursor.of(userId));
    }
    this.shownCarets = shown;
    this.view.dispatch({ changes: change ?? [], effects });
  }

  setLanguage(id: string): void {
    if (id === this.language) return;
    this.language = id;
    this.view.dispatch({ effects: this.languageSlot.reconfigure(languageSupport(id)) });
  }

  setDark(dark: boolean): void {
    this.view.dispatch({ effects: this.themeSlot.reconfigure(dark ? oneDark : lightTheme) });
  }
}

function offsetAfter(offset: number, change: { from: number; to: number; insert: string } | null): number {
  if (change === null || offset < change.from) return offset;
  return offset - (change.to - change.from) + change.insert.length;
}

/** The one change that turns `old` into `code`: their common prefix and suffix kept. */
export function minimalChange(old: string, code: string): { from: number; to: number; insert: string } {
  let prefix = 0;
  const shorter = Math.min(old.length, code.length);
  while (prefix < shorter && old.charCodeAt(prefix) === code.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    old.charCodeAt(old.length - 1 - suffix) === code.charCodeAt(code.length - 1 - suffix)
  ) {
    suffix++;
  }
  return { from: prefix, to: old.length - suffix, insert: code.slice(prefix, code.length - suffix) };
}
