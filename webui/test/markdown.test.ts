/**
 * A question's prompt as Markdown: formatted, and never HTML from the prompt itself (raw
 * HTML stays text, links keep only safe targets, no image is loaded).
 */

import { describe, expect, it } from "vitest";

import { PromptPane } from "../src/room/promptPane";
import { renderMarkdown } from "../src/util/markdown";

async function rendered(text: string): Promise<HTMLElement> {
  const box = document.createElement("div");
  box.appendChild(await renderMarkdown(text));
  return box;
}

describe("renderMarkdown", () => {
  it("formats headings, lists, emphasis, code and tables", async () => {
    const box = await rendered("# Two sum\n\n- **fast**\n- `O(n)`\n\n```py\nprint(1)\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    expect(box.querySelector("h1")?.textContent).toBe("Two sum");
    expect([...box.querySelectorAll("li")].map((li) => li.textContent)).toEqual(["fast", "O(n)"]);
    expect(box.querySelector("li > strong")?.textContent).toBe("fast");
    expect(box.querySelector("pre > code")?.textContent).toBe("print(1)\n");
    expect(box.querySelectorAll("td")).toHaveLength(2);
  });

  it("keeps raw HTML as text: no element, attribute or script comes from the prompt", async () => {
    const attack = '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)"> <b onclick="x()">bold</b>';
    const box = await rendered(attack);
    expect(box.querySelector("script, img, b, [onerror], [onclick]")).toBeNull();
    expect(box.textContent).toContain("<script>alert(1)</script>");
    expect(box.textContent).toContain('<b onclick="x()">bold</b>');
  });

  it("links only to http(s), mailto and the page itself, in a new tab; images are not loaded", async () => {
    const box = await rendered("[a](javascript:alert(1)) [b](https://example.org/x) [c](data:text/html,hi) ![d](http://evil/x.png)");
    const links = [...box.querySelectorAll("a")];
    // javascript: and data: links stay text; an image becomes a plain link, never loaded.
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["https://example.org/x", "http://evil/x.png"]);
    expect(links.every((a) => a.rel === "noopener noreferrer" && a.target === "_blank")).toBe(true);
    expect(box.querySelector("img")).toBeNull();
    expect(box.querySelector("[href^=javascript], [href^=data]")).toBeNull();
  });
});

describe("PromptPane", () => {
  it("is hidden without a question, shows the text at once and the formatted version after", async () => {
    const pane = new PromptPane();
    pane.show("");
    expect(pane.element.hidden).toBe(true);
    pane.show("**Read me**");
    expect(pane.element.hidden).toBe(false);
    const body = pane.element.querySelector<HTMLElement>("[data-testid=prompt-text]")!;
    expect(body.textContent).toBe("**Read me**");
    await new Promise((resolve) => setTimeout(resolve, 50));
    await renderMarkdown("");
    expect(body.querySelector("strong")?.textContent).toBe("Read me");
    expect(body.dataset.rendered).toBe("true");
  });
});
