import { describe, expect, it } from "vitest";

import { watchPageLifecycle } from "../src/room/pageLifecycle";

function watched() {
  const calls: string[] = [];
  const target = new EventTarget() as Window;
  const page = new EventTarget() as Document & { visibilityState: DocumentVisibilityState };
  Object.defineProperty(page, "visibilityState", { value: "hidden", writable: true });
  watchPageLifecycle(
    {
      offline: () => calls.push("offline"),
      online: () => calls.push("online"),
      visible: () => calls.push("visible"),
      leaving: () => calls.push("leaving"),
    },
    target,
    page,
  );
  return { calls, target, page };
}

describe("watchPageLifecycle", () => {
  it("passes offline, online and pagehide on", () => {
    const w = watched();
    w.target.dispatchEvent(new Event("offline"));
    w.target.dispatchEvent(new Event("online"));
    w.target.dispatchEvent(new Event("pagehide"));
    expect(w.calls).toEqual(["offline", "online", "leaving"]);
  });

  it("reports the tab becoming visible, not it being hidden", () => {
    const w = watched();
    w.page.dispatchEvent(new Event("visibilitychange"));
    expect(w.calls).toEqual([]);
    w.page.visibilityState = "visible";
    w.page.dispatchEvent(new Event("visibilitychange"));
    expect(w.calls).toEqual(["visible"]);
  });
});
