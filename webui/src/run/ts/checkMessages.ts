/** What the page and the type-checking worker say to each other. */

import type { CheckResult } from "./typeChecker";

export interface CheckRequest {
  type: "check";
  id: number;
  code: string;
}

export type CheckerMessage =
  | { type: "ready"; warmUpMs: number }
  | { type: "load-error"; message: string }
  | ({ type: "checked"; id: number; checkMs: number } & CheckResult);
