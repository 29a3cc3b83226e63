/**
 * The editor's dark theme: One Dark (@codemirror/theme-one-dark), with the few of its colours
 * that are too faint on its background lightened just enough for WCAG AA (4.5:1, axe-core's
 * color-contrast rule), measured against the active line's background, the lightest one text
 * sits on: names and properties (coral, 4.1:1), keywords (violet, 4.4:1), comments and line
 * numbers (stone, 3.6:1). Every other colour of One Dark passes as it is.
 */

import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import type { Extension } from "@codemirror/state";
import { oneDarkHighlightStyle, oneDarkTheme } from "@codemirror/theme-one-dark";
import { EditorView } from "@codemirror/view";

/** One Dark's colour → the same hue, lighter (≥ 4.7:1 on #2c313a). */
export const READABLE: Readonly<Record<string, string>> = {
  "#e06c75": "#e47d85", // coral
  "#c678dd": "#c980df", // violet
  "#7d8799": "#949cab", // stone
};

const readableHighlight = HighlightStyle.define(
  oneDarkHighlightStyle.specs.map((spec) =>
    typeof spec.color === "string" && spec.color in READABLE ? { ...spec, color: READABLE[spec.color] } : spec,
  ),
);

const readableGutters = EditorView.theme({ ".cm-gutters": { color: READABLE["#7d8799"] } }, { dark: true });

export const readableOneDark: Extension = [oneDarkTheme, readableGutters, syntaxHighlighting(readableHighlight)];
