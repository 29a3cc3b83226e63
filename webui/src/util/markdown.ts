/**
 * Markdown (a question's prompt) to DOM, safely. markdown-it parses; this builds the elements
 * from its tokens with `createElement` and `textContent`, never from an HTML string, so no
 * text in the prompt can become markup: raw HTML stays text (the parser's `html: false`, and
 * `html_*` tokens are shown as text here too), only the tags below are made, links keep only
 * http(s), mailto and in-page targets, and images are not loaded (PairPad reaches no other
 * host). markdown-it is loaded on first use, from our own origin, as its own chunk.
 */

import type { MarkdownIt, Token } from "markdown-it";

/** What a prompt may be made of: every other tag becomes its text. */
const ALLOWED_TAGS = new Set([
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "em", "strong", "s",
  "code", "pre", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "a",
]);
const SAFE_LINK = /^(https?:|mailto:|#)/i;

let parser: Promise<MarkdownIt> | null = null;

function markdownIt(): Promise<MarkdownIt> {
  parser ??= import("markdown-it").then(({ default: Markdown }) => {
    const md = new Markdown({ html: false, linkify: false, typographer: false });
    md.disable("image");
    return md;
  });
  return parser;
}

export async function renderMarkdown(text: string): Promise<DocumentFragment> {
  return markdownToDom((await markdownIt()).parse(text, {}));
}

/** The DOM of a token stream: block tokens nest, `inline` tokens carry their own children. */
export function markdownToDom(tokens: Token[]): DocumentFragment {
  const root = document.createDocumentFragment();
  const stack: Node[] = [root];
  for (const token of tokens) {
    const parent = stack[stack.length - 1];
    if (token.nesting === 1) {
      // A tight list's paragraphs are hidden: their text goes straight into the item.
      const element = token.hidden ? null : open(token);
      if (element) parent.appendChild(element);
      stack.push(element ?? parent);
    } else if (token.nesting === -1) {
      stack.pop();
    } else {
      parent.appendChild(leaf(token));
    }
  }
  return root;
}

function open(token: Token): HTMLElement | null {
  if (!ALLOWED_TAGS.has(token.tag)) return document.createElement("span");
  const element = document.createElement(token.tag);
  if (token.type === "link_open") {
    const href = String(token.attrGet("href") ?? "");
    if (SAFE_LINK.test(href)) {
      element.setAttribute("href", href);
      element.setAttribute("target", "_blank");
      element.setAttribute("rel", "noopener noreferrer");
    }
  }
  if (token.type === "ordered_list_open") {
    const start = Number(token.attrGet("start"));
    if (Number.isInteger(start) && start > 1) element.setAttribute("start", String(start));
  }
  return element;
}

function leaf(token: Token): Node {
  switch (token.type) {
    case "inline":
      return markdownToDom(token.children ?? []);
    case "fence":
    case "code_block": {
      const pre = document.createElement("pre");
      const code = document.createElement("code");
      code.textContent = token.content;
      pre.appendChild(code);
      return pre;
    }
    case "code_inline": {
      const code = document.createElement("code");
      code.textContent = token.content;
      return code;
    }
    case "hr":
      return document.createElement("hr");
    case "hardbreak":
      return document.createElement("br");
    case "softbreak":
      return document.createTextNode("\n");
    default:
      // text, and anything else (raw HTML included) as the characters it is
      return document.createTextNode(token.content);
  }
}
