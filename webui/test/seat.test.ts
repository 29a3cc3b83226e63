import { afterEach, describe, expect, it } from "vitest";

import { fetchIsHost, hostName, rememberHostName, rememberSessionIdentity, sessionIdentity, takeInterviewerKey } from "../src/room/seat";

afterEach(() => {
  localStorage.clear();
  history.replaceState(null, "", "/");
});

describe("seat", () => {
  it("takes the interviewer key from the link, keeps it per session and removes it from the address bar", () => {
    history.replaceState(null, "", "/s/abc?key=k1&name=Ada");
    expect(takeInterviewerKey("abc")).toBe("k1");
    expect(location.search).toBe("?name=Ada");
    expect(takeInterviewerKey("abc")).toBe("k1"); // a reload: from storage
    expect(takeInterviewerKey("other")).toBeNull();
  });

  it("keeps the identity the server gave per session; without one, the browser's id and no secret", () => {
    expect(sessionIdentity("s1", "user-b")).toEqual({ userId: "user-b", secret: null });
    rememberSessionIdentity("s1", { userId: "user-x", secret: "sec" });
    expect(sessionIdentity("s1", "user-b")).toEqual({ userId: "user-x", secret: "sec" });
    expect(sessionIdentity("s2", "user-b")).toEqual({ userId: "user-b", secret: null });
  });

  it("the host's name defaults to Interviewer and is kept once set", () => {
    expect(hostName()).toBe("Interviewer");
    rememberHostName("  Grace   Hopper ");
    expect(hostName()).toBe("Grace Hopper");
  });

  it("whoami: true only when the server says host: true", async () => {
    const answer = (body: unknown, status = 200) => async () => new Response(JSON.stringify(body), { status });
    expect(await fetchIsHost(answer({ host: true }))).toBe(true);
    expect(await fetchIsHost(answer({ host: false }))).toBe(false);
    expect(await fetchIsHost(answer({}, 500))).toBe(false);
    expect(await fetchIsHost(() => Promise.reject(new Error("offline")))).toBe(false);
  });
});
