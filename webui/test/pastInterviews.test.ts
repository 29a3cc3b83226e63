import { describe, expect, it, vi } from "vitest";

import { PastInterviews, size } from "../src/pages/pastInterviews";
import { RecordApi, type StoredSession } from "../src/record/recordApi";

const stored = (id: string, extra: Partial<StoredSession> = {}): StoredSession => ({
  sessionId: id,
  title: `Interview ${id}`,
  language: "python",
  createdAt: 1_795_637_424_470,
  endedAt: 1_795_637_500_000,
  participants: ["Ada", "Grace"],
  codeSize: 2048,
  reopenedFrom: null,
  ...extra,
});

function fakeApi(sessions: StoredSession[]) {
  const api = new RecordApi();
  vi.spyOn(api, "list").mockImplementation(async () => [...sessions]);
  vi.spyOn(api, "remove").mockImplementation(async (id) => {
    sessions.splice(sessions.findIndex((s) => s.sessionId === id), 1);
  });
  vi.spyOn(api, "reopen").mockImplementation(async () => ({ sessionId: "new", joinUrl: "/s/new" }));
  return api;
}

const rows = (past: PastInterviews) => [...past.element.querySelectorAll<HTMLElement>("[data-testid=past-row]")];
const button = (root: Element, testid: string) => root.querySelector<HTMLElement>(`[data-testid=${testid}]`) as HTMLElement;

describe("PastInterviews", () => {
  it("lists each session with what can be done with it", async () => {
    const past = new PastInterviews(fakeApi([stored("b", { endedAt: null, reopenedFrom: "a" }), stored("a")]), () => undefined);
    await past.refresh();

    const [live, ended] = rows(past);
    expect(live.textContent).toContain("live");
    expect(live.textContent).toContain("follow-up of “Interview a”");
    expect(ended.textContent).toContain("Ada, Grace");
    expect(ended.textContent).toContain("2.0 KB");
    expect(button(ended, "past-open").getAttribute("href")).toBe("/replay/a");
    expect(button(ended, "past-replay").getAttribute("href")).toBe("/replay/a?play");
    expect(button(ended, "past-export-html").getAttribute("href")).toBe("/api/sessions/a/export?format=html");
    expect(button(live, "past-join").getAttribute("href")).toBe("/s/b");
    expect(button(ended, "past-join")).toBeNull();
  });

  it("deletes only after a second click on the page", async () => {
    const api = fakeApi([stored("a")]);
    const past = new PastInterviews(api, () => undefined);
    await past.refresh();

    button(rows(past)[0], "past-delete").click();
    expect(api.remove).not.toHaveBeenCalled();
    button(rows(past)[0], "past-delete-confirm").click();
    await vi.waitFor(() => expect(rows(past)).toHaveLength(0));
    expect(api.remove).toHaveBeenCalledWith("a");
  });

  it("reopens into the new session's room", async () => {
    const went: string[] = [];
    const past = new PastInterviews(fakeApi([stored("a")]), (url) => went.push(url));
    await past.refresh();

    button(rows(past)[0], "past-reopen").click();
    await vi.waitFor(() => expect(went).toEqual(["/s/new"]));
  });

  it("says sizes as people do", () => {
    expect([size(812), size(4200), size(3_900_000)]).toEqual(["812 B", "4.2 KB", "3.9 MB"]);
  });
});
