/**
 * The standard library a program is checked against: ES2022 as `tsc --lib es2022` sees it
 * (no DOM: a Node script has none), bundled with the checker, so nothing is fetched. The
 * list is lib.es2022.d.ts and every file it references, transitively (test/libFiles.test.ts
 * keeps it closed); typescript-js is pinned, so the files never change under it.
 */

const sources = import.meta.glob<string>(
  [
    "../../../node_modules/typescript-js/lib/lib.es5.d.ts",
    "../../../node_modules/typescript-js/lib/lib.decorators.d.ts",
    "../../../node_modules/typescript-js/lib/lib.decorators.legacy.d.ts",
    "../../../node_modules/typescript-js/lib/lib.es20{15,16,17,18,19,20,21,22}.d.ts",
    "../../../node_modules/typescript-js/lib/lib.es20{15,16,17,18,19,20,21,22}.*.d.ts",
    "!../../../node_modules/typescript-js/lib/lib.*.full.d.ts",
  ],
  { query: "?raw", import: "default", eager: true },
);

/** File name (e.g. "lib.es2022.d.ts") → its text. */
export const LIB_FILES: ReadonlyMap<string, string> = new Map(
  Object.entries(sources).map(([path, text]) => [path.slice(path.lastIndexOf("/") + 1), text]),
);

export const ENTRY_LIB = "lib.es2022.d.ts";
