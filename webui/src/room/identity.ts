/**
 * Who this browser is: a userId kept in localStorage (two tabs are one participant, as the
 * protocol intends) and the name last typed, unless the link says `?name=`.
 */

import { randomId } from "../util/ids";
import { MAX_USERNAME_CHARS } from "./serverDefaults";

const ID_KEY = "pairpad.userId";
const NAME_KEY = "pairpad.name";

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: identity lasts for this page only
  }
}

export function userId(): string {
  const store = storage();
  let id = store?.getItem(ID_KEY) ?? null;
  if (!id) {
    id = randomId("user-");
    store?.setItem(ID_KEY, id);
  }
  return id;
}

export function nameFromLink(search: string = location.search): string | null {
  const name = new URLSearchParams(search).get("name")?.trim();
  // Counted in code points, as the server counts: never half an emoji.
  return name ? Array.from(name).slice(0, MAX_USERNAME_CHARS).join("") : null;
}

export function rememberedName(): string | null {
  return storage()?.getItem(NAME_KEY)?.trim() || null;
}

export function rememberName(name: string): void {
  storage()?.setItem(NAME_KEY, name);
}
