/**
 * This browser's own settings (localStorage): read and written without ever throwing, since
 * storage may be disabled (a private window, a policy) or full. A setting that cannot be kept
 * still applies to the page that chose it.
 */

export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function readSetting(store: Storage | null, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeSetting(store: Storage | null, key: string, value: string): void {
  try {
    store?.setItem(key, value);
  } catch {
    // Full or refused: the choice lasts for this page.
  }
}
