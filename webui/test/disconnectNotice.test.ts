import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { DisconnectNotice, NOTICE_DELAY_MS } from "../src/room/disconnectNotice";

describe("DisconnectNotice", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("says why, that the code is still here, and offers to save it, once the outage lasts", () => {
    const save = vi.fn();
    const notice = new DisconnectNotice(save);
    notice.show("reconnecting", "The host closed PairPad. Reconnecting in 2 s…");
    expect(notice.element.hidden).toBe(true);

    vi.advanceTimersByTime(NOTICE_DELAY_MS);

    expect(notice.element.hidden).toBe(false);
    expect(notice.element.textContent).toContain("The host closed PairPad.");
    expect(notice.element.textContent).toContain("Your code is still here");
    expect(notice.element.textContent).not.toContain("Reconnecting in");
    notice.element.querySelector<HTMLButtonElement>("[data-testid=download-code]")!.click();
    expect(save).toHaveBeenCalledOnce();
  });

  it("shows nothing for a blip, and goes away when the room is back", () => {
    const notice = new DisconnectNotice(() => {});
    notice.show("reconnecting", "Connection lost. Reconnecting in 1 s…");
    notice.show("connected", "");
    vi.advanceTimersByTime(NOTICE_DELAY_MS * 2);
    expect(notice.element.hidden).toBe(true);

    notice.show("offline", "You are offline.");
    vi.advanceTimersByTime(NOTICE_DELAY_MS);
    expect(notice.element.hidden).toBe(false);
    notice.show("connected", "");
    expect(notice.element.hidden).toBe(true);
  });

  it("keeps the outage's first reason through the failed retries that follow", () => {
    const notice = new DisconnectNotice(() => {});
    notice.show("reconnecting", "The host closed PairPad. Reconnecting in 2 s…");
    notice.show("reconnecting", "Connection lost. Reconnecting in 4 s…");
    vi.advanceTimersByTime(NOTICE_DELAY_MS);
    expect(notice.element.textContent).toContain("The host closed PairPad.");
    expect(notice.element.textContent).not.toContain("Connection lost");
  });

  it("takes the new reason when the kind of outage changes", () => {
    const notice = new DisconnectNotice(() => {});
    notice.show("reconnecting", "The host closed PairPad. Reconnecting in 2 s…");
    vi.advanceTimersByTime(NOTICE_DELAY_MS);
    notice.show("ended", "This session no longer exists (the host may have restarted PairPad).");
    expect(notice.element.textContent).toContain("This session no longer exists");
    expect(notice.element.textContent).toContain("Ask the interviewer for a new link.");
  });
});
