import { describe, expect, it } from "vitest";

import { TRUNCATION_MARKER, receiveOutput, shareOutput, shareStdin } from "../src/room/sharedOutput";

describe("shareOutput", () => {
  it("shares output within the limit as it is", () => {
    expect(shareOutput("abc", false, 10)).toEqual({ kept: 3, text: "abc", truncated: false });
  });

  it("cuts output over the limit so that text and marker fit in it", () => {
    const shared = shareOutput("x".repeat(100), false, 50);
    expect(shared.text.length).toBe(50);
    expect(shared).toEqual({ kept: 50 - TRUNCATION_MARKER.length, text: "x".repeat(shared.kept) + TRUNCATION_MARKER, truncated: true });
  });

  it("marks output the runner cut although it fits the limit", () => {
    expect(shareOutput("1\n2\n", true, 1000)).toEqual({ kept: 4, text: `1\n2\n${TRUNCATION_MARKER}`, truncated: true });
  });

  it("is read back by the others as the same output and mark", () => {
    const shared = shareOutput("y".repeat(80), false, 60);
    expect(receiveOutput(shared.text, false)).toEqual({ output: "y".repeat(shared.kept), truncated: true });
    expect(receiveOutput("plain", false)).toEqual({ output: "plain", truncated: false });
    expect(receiveOutput("cut by the server", true)).toEqual({ output: "cut by the server", truncated: true });
  });
});

describe("shareStdin", () => {
  it("shares stdin within the limit as it is", () => {
    expect(shareStdin("3\n1 2 3\n", 100)).toBe("3\n1 2 3\n");
  });

  it("cuts a longer one so that it and the note fit in the limit, never in half an emoji", () => {
    const shared = shareStdin("1\n".repeat(500), 100);
    expect(shared.length).toBeLessThanOrEqual(100);
    expect(shared).toMatch(/^(1\n)+1?\n\[stdin cut: \d+ more characters not shown\]$/);
    const kept = shared.indexOf("\n[stdin cut");
    expect(shared).toContain(`[stdin cut: ${1000 - kept} more`);
    const emoji = shareStdin("😀".repeat(100), 60);
    expect(emoji.length).toBeLessThanOrEqual(60);
    expect(emoji.split("\n")[0]).toMatch(/^(😀)+$/u);
  });
});
