import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { Toasts } from "../src/room/toasts";

const texts = (toasts: Toasts) => [...toasts.element.children].map((toast) => toast.textContent);

describe("Toasts", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("shows a notice as text and removes it after its time", () => {
    const toasts = new Toasts();
    toasts.show("<b>Bo</b> joined", 1000);
    expect(texts(toasts)).toEqual(["<b>Bo</b> joined"]);
    expect(toasts.element.querySelector("b")).toBeNull();
    vi.advanceTimersByTime(999);
    expect(texts(toasts)).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(texts(toasts)).toEqual([]);
  });

  it("does not repeat the newest notice while it is still shown (a full session's retries)", () => {
    const toasts = new Toasts();
    toasts.show("Session is full", 6000);
    vi.advanceTimersByTime(2000);
    toasts.show("Session is full", 6000);
    expect(texts(toasts)).toEqual(["Session is full"]);
    vi.advanceTimersByTime(4000);
    toasts.show("Session is full", 6000); // the first one is gone: this one is news again
    expect(texts(toasts)).toEqual(["Session is full"]);
  });

  it("repeats a notice when something else came in between", () => {
    const toasts = new Toasts();
    toasts.show("Bo joined");
    toasts.show("Bo left");
    toasts.show("Bo joined");
    expect(texts(toasts)).toEqual(["Bo joined", "Bo left", "Bo joined"]);
  });
});
