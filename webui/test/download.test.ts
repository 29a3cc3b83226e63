import { describe, expect, it, vi } from "vitest";

import { codeFileName, downloadText, fileStem } from "../src/room/download";

describe("the downloaded file's name", () => {
  it("comes from the session's title, in plain lower-case words", () => {
    expect(fileStem("Backend loop: LRU cache")).toBe("backend-loop-lru-cache");
    expect(fileStem("Ünïcödé — naïve")).toBe("unicode-naive");
    expect(codeFileName("Graph search", "py")).toBe("graph-search.py");
  });

  it("falls back to 'pairpad' when the title has nothing usable, and stays short", () => {
    expect(codeFileName("", "js")).toBe("pairpad.js");
    expect(codeFileName("💡💡", "sql")).toBe("pairpad.sql");
    expect(fileStem("x".repeat(500))).toHaveLength(60);
  });
});

describe("downloadText", () => {
  it("clicks a link to a Blob of the text with the file name, then lets it go", async () => {
    const clicked: { href: string; download: string }[] = [];
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, "click")
      .mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push({ href: this.href, download: this.download });
      });
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return "blob:test";
    });
    URL.revokeObjectURL = vi.fn();

    downloadText("print('hi')\n", "code.py");
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(clicked).toEqual([{ href: "blob:test", download: "code.py" }]);
    expect(await created[0].text()).toBe("print('hi')\n");
    expect(URL.revokeObjectURL).toHaveBeenCalledWith("blob:test");
    expect(document.querySelector("a[download]")).toBeNull();
    click.mockRestore();
  });
});
