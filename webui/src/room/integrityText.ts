/** How an integrity notice reads: "Ada pasted 812 characters", "Ada left the page for 42 s". */

import type { IntegrityNotice } from "../net/protocol";

export function formatSeconds(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${seconds} s`;
  return `${Math.round(seconds / 60)} min`;
}

export function integrityText(notice: IntegrityNotice, name: string): string {
  if (notice.kind === "paste") return `${name} pasted ${notice.chars ?? 0} characters`;
  return `${name} left the page for ${formatSeconds(notice.awayMs ?? 0)}`;
}
