import { describe, expect, it } from "vitest";

import { OUTPUT_LIMITS, type WorkerMessage } from "../src/run/messages";
import { OutputBatcher } from "../src/run/outputBatcher";

type Output = Extract<WorkerMessage, { type: "output" }>;

function harness(limits?: { maxChars: number; maxLines: number }) {
  let clock = 0;
  const posted: WorkerMessage[] = [];
  const batcher = new OutputBatcher((message) => posted.push(message), () => clock, limits);
  return {
    batcher,
    posted,
    outputs: () => posted.filter((message): message is Output => message.type === "output"),
    text: () =>
      posted
        .filter((message): message is Output => message.type === "output")
        .map((message) => message.text)
        .join(""),
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

describe("OutputBatcher: batching", () => {
  it("gathers consecutive writes to one stream into one output message", () => {
    const h = harness();
    h.batcher.write("stdout", "a");
    h.batcher.write("stdout", "b\n");
    h.batcher.write("stdout", "c\n");
    expect(h.posted).toEqual([]);
    h.batcher.flush();
    expect(h.posted).toEqual([{ type: "output", stream: "stdout", text: "ab\nc\n" }]);
  });

  it("flushes on the write that comes 50 ms or more after the last flush", () => {
    const h = harness();
    h.batcher.write("stdout", "1");
    h.advance(49);
    h.batcher.write("stdout", "2");
    expect(h.posted).toEqual([]);
    h.advance(1); // 50 ms since the start (the last flush)
    h.batcher.write("stdout", "3");
    expect(h.posted).toEqual([{ type: "output", stream: "stdout", text: "123" }]);
    h.advance(10);
    h.batcher.write("stdout", "4");
    expect(h.posted).toHaveLength(1); // the 50 ms count restarted at the flush
    h.advance(40);
    h.batcher.write("stdout", "5");
    expect(h.outputs().map((m) => m.text)).toEqual(["123", "45"]);
  });

  it("flushes as soon as 32 KB (32,768 characters) are buffered, whatever the time", () => {
    const h = harness();
    h.batcher.write("stdout", "x".repeat(32_767));
    expect(h.posted).toEqual([]);
    h.batcher.write("stdout", "y");
    expect(h.posted).toHaveLength(1);
    expect(h.outputs()[0].text.length).toBe(32_768);
    h.batcher.write("stdout", "z".repeat(40_000)); // a single big write flushes at once
    expect(h.posted).toHaveLength(2);
    expect(h.outputs()[1].text.length).toBe(40_000);
  });

  it("keeps the order of interleaved stdout and stderr writes, one message per run of a stream", () => {
    const h = harness();
    h.batcher.write("stdout", "out 1\n");
    h.batcher.write("stderr", "err 1\n");
    h.batcher.write("stderr", "err 2\n");
    h.batcher.write("stdout", "out 2\n");
    h.batcher.flush();
    expect(h.posted).toEqual([
      { type: "output", stream: "stdout", text: "out 1\n" },
      { type: "output", stream: "stderr", text: "err 1\nerr 2\n" },
      { type: "output", stream: "stdout", text: "out 2\n" },
    ]);
  });

  it("flush() with nothing buffered posts nothing, and empty writes are ignored", () => {
    const h = harness();
    h.batcher.flush();
    h.advance(1000);
    h.batcher.write("stdout", "");
    expect(h.posted).toEqual([]);
  });

  it("uses OUTPUT_LIMITS (1,000,000 characters, 10,000 lines) by default", () => {
    expect(OUTPUT_LIMITS).toEqual({ maxChars: 1_000_000, maxLines: 10_000 });
    const posted: WorkerMessage[] = [];
    const batcher = new OutputBatcher((message) => posted.push(message), () => 0);
    batcher.write("stdout", "x".repeat(1_000_000));
    expect(batcher.truncated).toBe(false);
    batcher.write("stdout", "y");
    expect(batcher.truncated).toBe(true);
  });
});

describe("OutputBatcher: limits", () => {
  it("keeps exactly maxChars characters, cutting inside a write, and sets truncated", () => {
    const h = harness({ maxChars: 10, maxLines: 100 });
    h.batcher.write("stdout", "12345");
    expect(h.batcher.truncated).toBe(false);
    h.batcher.write("stdout", "67890abc");
    expect(h.batcher.truncated).toBe(true);
    h.batcher.flush();
    expect(h.text()).toBe("1234567890");
  });

  it("output exactly at maxChars is not truncated; one more character is", () => {
    const h = harness({ maxChars: 4, maxLines: 100 });
    h.batcher.write("stdout", "abcd");
    expect(h.batcher.truncated).toBe(false);
    h.batcher.write("stderr", "e");
    expect(h.batcher.truncated).toBe(true);
    h.batcher.flush();
    expect(h.posted).toEqual([{ type: "output", stream: "stdout", text: "abcd" }, { type: "truncated" }]);
  });

  it("counts characters across both streams", () => {
    const h = harness({ maxChars: 6, maxLines: 100 });
    h.batcher.write("stdout", "abc");
    h.batcher.write("stderr", "defgh");
    h.batcher.flush();
    expect(h.posted).toEqual([
      { type: "output", stream: "stdout", text: "abc" },
      { type: "output", stream: "stderr", text: "def" },
      { type: "truncated" },
    ]);
    expect(h.batcher.truncated).toBe(true);
  });

  it("keeps exactly maxLines lines of one write, cutting after the last newline allowed", () => {
    const h = harness({ maxChars: 1000, maxLines: 3 });
    h.batcher.write("stdout", "1\n2\n3\n4\n5\n");
    expect(h.batcher.truncated).toBe(true);
    h.batcher.flush();
    expect(h.text()).toBe("1\n2\n3\n");
  });

  it("counts lines across writes and cuts in the write that crosses the limit", () => {
    const h = harness({ maxChars: 1000, maxLines: 3 });
    h.batcher.write("stdout", "1\n");
    h.batcher.write("stderr", "2\n");
    h.batcher.write("stdout", "3\n4\n");
    expect(h.batcher.truncated).toBe(true);
    h.batcher.flush();
    expect(h.text()).toBe("1\n2\n3\n");
  });

  it("text without a newline after maxLines-1 lines is kept up to the cap line's end", () => {
    const h = harness({ maxChars: 1000, maxLines: 2 });
    h.batcher.write("stdout", "a\nb");
    h.batcher.write("stdout", "c\nd\n");
    expect(h.batcher.truncated).toBe(true);
    h.batcher.flush();
    expect(h.text()).toBe("a\nbc\n");
  });

  it("line-by-line output (one write per line, like console.log in a loop) stops at maxLines", () => {
    const h = harness({ maxChars: 1_000_000, maxLines: 3 });
    for (let i = 1; i <= 10; i++) h.batcher.write("stdout", `${i}\n`);
    h.batcher.flush();
    expect(h.text()).toBe("1\n2\n3\n");
    expect(h.batcher.truncated).toBe(true);
  });

  it("announces truncation once, with a 'truncated' message after the kept output", () => {
    const h = harness({ maxChars: 3, maxLines: 100 });
    h.batcher.write("stdout", "abcdef");
    h.batcher.flush();
    expect(h.posted).toEqual([{ type: "output", stream: "stdout", text: "abc" }, { type: "truncated" }]);
    h.batcher.flush();
    h.advance(100);
    h.batcher.write("stdout", "more");
    h.batcher.flush();
    expect(h.posted.filter((message) => message.type === "truncated")).toHaveLength(1);
  });

  it("the truncating write flushes at once, announcement included, even within 50 ms", () => {
    // A program that prints on past the cap until Stop or the timeout never flushes again.
    const h = harness({ maxChars: 3, maxLines: 100 });
    h.batcher.write("stdout", "abcdef");
    expect(h.posted).toEqual([{ type: "output", stream: "stdout", text: "abc" }, { type: "truncated" }]);
  });

  it("no 'truncated' message when the output stayed within the limits", () => {
    const h = harness({ maxChars: 3, maxLines: 100 });
    h.batcher.write("stdout", "abc");
    h.batcher.flush();
    expect(h.posted).toEqual([{ type: "output", stream: "stdout", text: "abc" }]);
  });

  it("after truncation nothing more is buffered or posted, on either stream", () => {
    const h = harness({ maxChars: 5, maxLines: 100 });
    h.batcher.write("stdout", "123456");
    expect(h.batcher.truncated).toBe(true);
    h.batcher.flush();
    const count = h.posted.length;
    for (let i = 0; i < 100; i++) {
      h.advance(100);
      h.batcher.write(i % 2 ? "stdout" : "stderr", "more\n");
    }
    h.batcher.flush();
    expect(h.posted.length).toBe(count);
    expect(h.text()).toBe("12345");
  });
});
