/**
 * The Input (stdin) box survives a reload: a candidate who typed twenty test lines and
 * reloaded (or whose browser restarted) finds them again. Kept per session, in this browser
 * only (localStorage, so a closed tab keeps it too).
 */

const KEY_PREFIX = "pairpad.stdin.";
/** localStorage holds ~5 MB per origin, shared with everything else PairPad keeps there. */
export const MAX_KEPT_CHARS = 100_000;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: the box lasts for this page only
  }
}

export function keepStdin(box: HTMLTextAreaElement, sessionId: string, store: Storage | null = storage()): void {
  const key = KEY_PREFIX + sessionId;
  box.value = store?.getItem(key) ?? box.value;
  box.addEventListener("input", () => {
    try {
      if (box.value) store?.setItem(key, box.value.slice(0, MAX_KEPT_CHARS));
      else store?.removeItem(key);
    } catch {
      // Storage full: the box still works, it is just not kept.
    }
  });
}
