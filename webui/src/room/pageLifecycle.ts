/**
 * What the browser tells the room about the page and the network: offline and online, the
 * tab coming back into view (after a laptop sleep), and the page going away.
 */

export interface PageLifecycleHandlers {
  offline(): void;
  online(): void;
  /** The tab is visible again: a socket may have died while it slept. */
  visible(): void;
  /** The page is being closed or navigated away from: last chance to send. */
  leaving(): void;
}

export function watchPageLifecycle(
  handlers: PageLifecycleHandlers,
  target: Window = window,
  page: Document = document,
): void {
  target.addEventListener("offline", () => handlers.offline());
  target.addEventListener("online", () => handlers.online());
  page.addEventListener("visibilitychange", () => {
    if (page.visibilityState === "visible") handlers.visible();
  });
  target.addEventListener("pagehide", () => handlers.leaving());
}
