import { describe, expect, it } from "vitest";

import { fromBase64, toBase64 } from "../src/util/base64";

/** Deterministic pseudo-random bytes (a linear congruential generator). */
function bytes(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

describe("base64", () => {
  it("encodes known vectors like the standard alphabet with padding", () => {
    const encode = (text: string) => toBase64(new TextEncoder().encode(text));
    expect(encode("")).toBe("");
    expect(encode("f")).toBe("Zg==");
    expect(encode("fo")).toBe("Zm8=");
    expect(encode("foo")).toBe("Zm9v");
    expect(encode("hello")).toBe("aGVsbG8=");
    expect(toBase64(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe("+/+/");
  });

  it("round-trips every byte value 0..255", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = toBase64(all);
    expect(text).toBe(Buffer.from(all).toString("base64"));
    expect(fromBase64(text)).toEqual(all);
  });

  it("round-trips the empty array", () => {
    expect(fromBase64(toBase64(new Uint8Array(0)))).toEqual(new Uint8Array(0));
  });

  it.each([0x7fff, 0x8000, 0x8001, 0x10000 + 3, 200_000])(
    "round-trips %i bytes across the 32 KB chunk boundaries",
    (length) => {
      const data = bytes(length, length);
      const text = toBase64(data);
      expect(text).toBe(Buffer.from(data).toString("base64"));
      const back = fromBase64(text);
      expect(back).toBeInstanceOf(Uint8Array);
      expect(back).toEqual(data);
    },
  );

  it("encodes a subarray view, not its whole underlying buffer", () => {
    const whole = Uint8Array.from([1, 2, 3, 4, 5, 6]);
    expect(fromBase64(toBase64(whole.subarray(2, 4)))).toEqual(Uint8Array.from([3, 4]));
  });

  it("decodes what Node's Buffer encodes", () => {
    const data = bytes(1000, 7);
    expect(fromBase64(Buffer.from(data).toString("base64"))).toEqual(data);
  });

  it("rejects text that is not base64", () => {
    expect(() => fromBase64("not*base64!")).toThrow();
  });
});
