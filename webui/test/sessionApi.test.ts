import { describe, expect, it } from "vitest";

import { fetchLanguages, fetchSessionInfo } from "../src/room/sessionApi";

function answer(status: number, body: unknown): (url: string) => Promise<Response> {
  return async () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

describe("fetchSessionInfo", () => {
  it("asks for the session by its encoded id and returns its title and language", async () => {
    const asked: string[] = [];
    const info = await fetchSessionInfo("a b/c", async (url) => {
      asked.push(url);
      return answer(200, { title: "Backend loop", language: "ruby" })(url);
    });
    expect(asked).toEqual(["/api/sessions/a%20b%2Fc"]);
    expect(info).toEqual({ title: "Backend loop", language: "ruby" });
  });

  it("is null when the session does not exist (404)", async () => {
    expect(await fetchSessionInfo("gone", answer(404, { detail: "Session not found" }))).toBeNull();
  });

  it("is an empty title for any other failure: the room still opens", async () => {
    expect(await fetchSessionInfo("s", answer(500, {}))).toEqual({ title: "", language: null });
    expect(await fetchSessionInfo("s", answer(200, { title: 42 }))).toEqual({ title: "", language: null });
  });
});

describe("fetchLanguages", () => {
  const list = [{ id: "python", name: "Python", fileExtension: "py" }];

  it("returns the server's list", async () => {
    expect(await fetchLanguages(answer(200, list))).toEqual(list);
  });

  it.each([
    ["an error status", answer(503, list)],
    ["an empty list", answer(200, [])],
    ["not a list", answer(200, { languages: list })],
    ["a network failure", async () => Promise.reject(new TypeError("Failed to fetch"))],
    ["a body that is not JSON", async () => new Response("<html>", { status: 200 })],
  ])("is null for %s (the built-in list stays)", async (_name, fetcher) => {
    expect(await fetchLanguages(fetcher)).toBeNull();
  });
});
