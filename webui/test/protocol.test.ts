import { describe, expect, it } from "vitest";

import { CloseCode, parseServerMessage, socketUrl } from "../src/net/protocol";

describe("parseServerMessage", () => {
  it("returns a {type, payload} envelope as sent", () => {
    const text = JSON.stringify({
      type: "code-update",
      payload: { userId: "server", update: "AQ==", stateVector: "AA==", sync: true },
    });
    expect(parseServerMessage(text)).toEqual(JSON.parse(text));
  });

  it("keeps unknown fields and unknown event types (newer servers may add them)", () => {
    const message = { type: "future-event", payload: { some: "thing" }, extra: 1 };
    expect(parseServerMessage(JSON.stringify(message))).toEqual(message);
  });

  it("accepts an empty payload object", () => {
    expect(parseServerMessage('{"type":"participant-left","payload":{}}')).toEqual({
      type: "participant-left",
      payload: {},
    });
  });

  it.each([
    ["not JSON", "hello"],
    ["truncated JSON", '{"type":"error","payload":{"message":"x"}'],
    ["an empty frame", ""],
    ["a JSON string", '"error"'],
    ["a JSON number", "42"],
    ["JSON null", "null"],
    ["a JSON array", "[]"],
    ["an array holding an envelope", '[{"type":"error","payload":{"message":"x"}}]'],
    ["no type", '{"payload":{"message":"x"}}'],
    ["a numeric type", '{"type":7,"payload":{}}'],
    ["a null type", '{"type":null,"payload":{}}'],
    ["no payload", '{"type":"error"}'],
    ["a string payload", '{"type":"error","payload":"boom"}'],
    ["a number payload", '{"type":"error","payload":1}'],
    ["a boolean payload", '{"type":"error","payload":true}'],
  ])("rejects %s (returns null, does not throw)", (_what, text) => {
    expect(parseServerMessage(text)).toBeNull();
  });

  it("rejects a null payload", () => {
    expect(parseServerMessage('{"type":"participant-left","payload":null}')).toBeNull();
  });

  it("rejects an array payload", () => {
    expect(parseServerMessage('{"type":"participant-left","payload":["u1"]}')).toBeNull();
  });
});

describe("socketUrl", () => {
  it("uses ws:// for a page served over http", () => {
    expect(socketUrl({ protocol: "http:", host: "192.168.1.23:8000" }, "Xk3u9Qm1pV7nB2cR8sT0wA")).toBe(
      "ws://192.168.1.23:8000/ws/Xk3u9Qm1pV7nB2cR8sT0wA",
    );
  });

  it("uses wss:// for a page served over https", () => {
    expect(socketUrl({ protocol: "https:", host: "pairpad.example" }, "abc")).toBe("wss://pairpad.example/ws/abc");
  });

  it("keeps an IPv6 host with its port", () => {
    expect(socketUrl({ protocol: "http:", host: "[::1]:8000" }, "abc")).toBe("ws://[::1]:8000/ws/abc");
  });

  it("percent-encodes the session id so it stays one path segment", () => {
    expect(socketUrl({ protocol: "http:", host: "h" }, "a/b c?d#e")).toBe("ws://h/ws/a%2Fb%20c%3Fd%23e");
  });

  it("works with the page's own location object", () => {
    expect(socketUrl(location, "abc")).toBe(
      `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws/abc`,
    );
  });
});

describe("CloseCode", () => {
  it("matches the close codes in docs/protocol.md", () => {
    expect(CloseCode).toEqual({
      normal: 1000,
      goingAway: 1001,
      policyViolation: 1008,
      messageTooBig: 1009,
      internalError: 1011,
      sessionNotFound: 4404,
      tooSlow: 4408,
      sessionFull: 4409,
      forbidden: 4403,
      removed: 4410,
    });
  });
});
