/**
 * Vim and Emacs key bindings for the shared editor (the maintained CodeMirror 6 packages,
 * @replit/codemirror-vim and @replit/codemirror-emacs), loaded only when someone picks them:
 * each is a chunk of its own, so the first load of a room does not carry them.
 *
 * Both packages undo through CodeMirror's history, which the shared editor deliberately does
 * not have (it would undo other people's typing, editor.ts). Their undo and redo are pointed
 * at the editor's Yjs undo manager instead, which undoes only one's own edits.
 */

import type { Extension } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import type * as Y from "yjs";

import { copyText } from "../util/copy";

export const KEYMAPS = ["standard", "vim", "emacs"] as const;
export type KeymapName = (typeof KEYMAPS)[number];

export const KEYMAP_LABELS: Record<KeymapName, string> = { standard: "Standard", vim: "Vim", emacs: "Emacs" };

export function isKeymap(name: unknown): name is KeymapName {
  return (KEYMAPS as readonly unknown[]).includes(name);
}

/** The extension for a key map, and what to do once it is in the editor. */
export interface LoadedKeymap {
  extension: Extension;
  attached(view: EditorView): void;
}

export async function loadKeymap(name: KeymapName, undoManager: Y.UndoManager): Promise<LoadedKeymap> {
  if (name === "vim") return loadVim(undoManager);
  if (name === "emacs") return loadEmacs(undoManager);
  return { extension: [], attached: () => undefined };
}

async function loadVim(undoManager: Y.UndoManager): Promise<LoadedKeymap> {
  const { vim, CodeMirror, getCM } = await import("@replit/codemirror-vim");
  CodeMirror.commands.undo = () => void undoManager.undo();
  CodeMirror.commands.redo = () => void undoManager.redo();
  return {
    extension: vim({ status: true }),
    attached(view) {
      // One undo step per Vim command and per stay in insert mode, as in Vim: without this,
      // Yjs merges edits made within half a second of each other into one step.
      const cm = getCM(view);
      cm?.on("vim-command-done", () => undoManager.stopCapturing());
      cm?.on("vim-mode-change", () => undoManager.stopCapturing());
    },
  };
}

async function loadEmacs(undoManager: Y.UndoManager): Promise<LoadedKeymap> {
  const { emacs, EmacsHandler } = await import("@replit/codemirror-emacs");
  // The package's own bindings for undo and redo (emacsKeys), to our undo manager.
  EmacsHandler.bindKey("C-/|C-x u|S-C--|C-z", () => void undoManager.undo());
  EmacsHandler.bindKey("S-C-/|S-C-x u|C--|S-C-z", () => void undoManager.redo());
  // M-w copies through navigator.clipboard, which a page on plain http does not have: it would
  // throw after saving the text in the kill ring. Copy the way the rest of PairPad does then.
  const save = EmacsHandler.commands.killRingSave as { exec(handler: EmacsHandlerLike): void } | undefined;
  if (save && !("clipboard" in navigator)) {
    EmacsHandler.addCommands({
      killRingSave: {
        exec(handler: EmacsHandlerLike) {
          const text = handler.getCopyText();
          try {
            save.exec(handler);
          } catch {
            copyText(text);
            handler.view.focus();
          }
        },
        readOnly: true,
      },
    });
  }
  return { extension: emacs(), attached: () => undefined };
}

interface EmacsHandlerLike {
  readonly view: EditorView;
  getCopyText(): string;
}
