import { describe, expect, it } from "vitest";

import type { ConnectionStatus } from "../src/net/connection";
import { showConnectionStatus, statusText } from "../src/room/connectionStatus";

describe("statusText", () => {
  it.each([
    ["connecting", "Connecting…"],
    ["connected", "Connected"],
    ["reconnecting", "Reconnecting…"],
    ["full", "Session full"],
    ["offline", "Offline"],
    ["ended", "Disconnected"],
  ] as [ConnectionStatus, string][])("%s reads %j", (status, text) => {
    expect(statusText(status)).toBe(text);
  });

  it("a full session says when it retries, in whole seconds rounded up", () => {
    expect(statusText("full", 8000)).toBe("Session full — retrying in 8 s");
    expect(statusText("full", 1500)).toBe("Session full — retrying in 2 s");
    expect(statusText("full", 30_000)).toBe("Session full — retrying in 30 s");
  });

  it("reconnecting keeps its short text; the delay is in the tooltip", () => {
    expect(statusText("reconnecting", 4000)).toBe("Reconnecting…");
  });
});

describe("showConnectionStatus", () => {
  it("sets data-status, the text and the tooltip", () => {
    const badge = document.createElement("span");
    showConnectionStatus(badge, "full", "Too many tabs. Reconnecting in 2 s…", 2000);
    expect(badge.dataset.status).toBe("full");
    expect(badge.textContent).toBe("Session full — retrying in 2 s");
    expect(badge.title).toBe("Too many tabs. Reconnecting in 2 s…");
  });

  it("a server's reason in the tooltip stays text", () => {
    const badge = document.createElement("span");
    showConnectionStatus(badge, "ended", "<img src=x>");
    expect(badge.title).toBe("<img src=x>");
    expect(badge.children).toHaveLength(0);
  });
});
