import { describe, expect, it } from "vitest";

import { sessionIdFrom } from "../src/pages/home";

describe("sessionIdFrom", () => {
  it.each([
    ["http://192.168.1.23:8000/s/Xk3u9Qm1pV7nB2cR8sT0wA", "Xk3u9Qm1pV7nB2cR8sT0wA"],
    ["https://pairpad.example/s/abc_DEF-123", "abc_DEF-123"],
    ["http://127.0.0.1:8000/s/abc?name=Bob", "abc"],
    ["http://host/s/abc#chat", "abc"],
    ["http://host/s/abc/", "abc"],
    ["192.168.1.23:8000/s/abc", "abc"],
    ["/s/Xk3u9Qm1pV7nB2cR8sT0wA", "Xk3u9Qm1pV7nB2cR8sT0wA"],
    ["  http://host:8000/s/abc \n", "abc"],
  ])("takes the id out of a link or path: %j", (input, id) => {
    expect(sessionIdFrom(input)).toBe(id);
  });

  it.each([
    ["Xk3u9Qm1pV7nB2cR8sT0wA", "Xk3u9Qm1pV7nB2cR8sT0wA"],
    ["  abc-_9  ", "abc-_9"],
  ])("accepts a bare id (trimmed): %j", (input, id) => {
    expect(sessionIdFrom(input)).toBe(id);
  });

  it.each([
    [""],
    ["   "],
    ["hello world"],
    ["http://host:8000/"],
    ["http://host:8000/sessions/abc"],
    ["abc/def"],
    ["../etc/passwd"],
    ["<script>alert(1)</script>"],
    ["abc?def"],
    ["id with spaces"],
    ["ünïcödé"],
  ])("rejects what is neither a link nor an id: %j", (input) => {
    expect(sessionIdFrom(input)).toBeNull();
  });
});
