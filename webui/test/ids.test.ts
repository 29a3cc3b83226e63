import { afterEach, describe, expect, it, vi } from "vitest";

import { randomId } from "../src/util/ids";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("randomId", () => {
  it("is 24 lowercase hex characters (12 random bytes) by default", () => {
    expect(randomId()).toMatch(/^[0-9a-f]{24}$/);
  });

  it("puts the prefix in front and honours the byte count", () => {
    expect(randomId("user-")).toMatch(/^user-[0-9a-f]{24}$/);
    expect(randomId("r-", 4)).toMatch(/^r-[0-9a-f]{8}$/);
    expect(randomId("", 0)).toBe("");
  });

  it("pads every byte to two hex digits", () => {
    vi.spyOn(crypto, "getRandomValues").mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      const view = array as unknown as Uint8Array;
      view.set([0, 1, 15, 16, 171, 255].slice(0, view.length));
      return array;
    });
    expect(randomId("x-", 6)).toBe("x-00010f10abff");
  });

  it("gives 1000 different ids in a row", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => randomId()));
    expect(ids.size).toBe(1000);
  });

  it("does not need crypto.randomUUID (missing on plain-http LAN pages)", () => {
    const realCrypto = globalThis.crypto;
    const randomUUID = vi.fn(() => {
      throw new Error("crypto.randomUUID is only available in secure contexts");
    });
    vi.stubGlobal("crypto", {
      getRandomValues: (array: Uint8Array<ArrayBuffer>) => realCrypto.getRandomValues(array),
      randomUUID,
    });
    const id = randomId("user-");
    expect(id).toMatch(/^user-[0-9a-f]{24}$/);
    expect(randomUUID).not.toHaveBeenCalled();
  });
});
