/**
 * The name rules, as the server applies them (server/handlers.py: a name is folded with NFKC,
 * loses control and format characters, has its spaces collapsed, and must then be non-empty
 * and at most max_username_chars long). Checking here too lets the name prompt say what is
 * wrong before joining, instead of the server refusing the join.
 */

export type NameCheck = { ok: true; name: string } | { ok: false; problem: string };

export function cleanName(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(/[\p{Cc}\p{Cf}]/gu, "") // tabs and newlines too, as on the server
    .split(/\s+/)
    .filter(Boolean)
    .join(" ");
}

export function checkName(raw: string, maxChars: number): NameCheck {
  const name = cleanName(raw);
  if (!name) return { ok: false, problem: "Enter a name the others will recognise." };
  // Code points, as Python's len() counts them on the server.
  const length = [...name].length;
  if (length > maxChars) {
    return { ok: false, problem: `Use at most ${maxChars} characters (this name has ${length}).` };
  }
  return { ok: true, name };
}

/**
 * Two people called "Ada" are told apart by the order they joined: "Ada", "Ada (2)". Names
 * are compared case-insensitively, as people read them.
 */
export function distinctNames(people: readonly { userId: string; username: string }[]): Map<string, string> {
  const seen = new Map<string, number>();
  const shown = new Map<string, string>();
  for (const person of people) {
    const key = person.username.toLocaleLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    shown.set(person.userId, count === 1 ? person.username : `${person.username} (${count})`);
  }
  return shown;
}
