/**
 * The server's defaults, which the page uses until the server says otherwise (session-state's
 * `limits`, GET /api/languages). They come from the server's own definitions through the
 * generated wire constants (src/net/generated/wire.ts), so they cannot drift from it.
 */

import { WIRE } from "../net/generated/wire";
import type { Limits } from "../net/protocol";

export interface LanguageInfo {
  id: string;
  name: string;
  fileExtension: string;
}

/** Used until /api/languages answers, and by tests: the server's list, generated. */
export const DEFAULT_LANGUAGES: readonly LanguageInfo[] = WIRE.languages;

/** session-state's `limits`, including `runTimeoutMs`. */
export type RoomLimits = Limits;

export const DEFAULT_LIMITS: Readonly<RoomLimits> = WIRE.defaultLimits;

/** A new session's language (`default_language`); language-updated corrects it on join. */
export const DEFAULT_LANGUAGE: string = WIRE.defaultLanguage;

/** `max_username_chars`, counted in code points as the server counts. */
export const MAX_USERNAME_CHARS: number = WIRE.maxUsernameChars;

/** `max_title_chars`. */
export const MAX_TITLE_CHARS: number = WIRE.maxTitleChars;
