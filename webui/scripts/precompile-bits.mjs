/**
 * Precompiles our <bits/stdc++.h> with the browser's own compiler (YoWASP Clang, in Node) into
 * src/run/clang/generated/stdc++.h.pch, which the C++ worker downloads the first time a program
 * includes the header: parsing every standard header costs a browser ~10–30 s per compile;
 * reading them precompiled, about one. Skipped when the header, the flags and the compiler
 * are those of the file already there (the build then costs nothing).
 */

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const clangDir = join(here, "..", "src", "run", "clang");
const outputDir = join(clangDir, "generated");
const pchPath = join(outputDir, "stdc++.h.pch");
const keyPath = join(outputDir, "stdc++.h.pch.key");

const header = readFileSync(join(clangDir, "bits_stdcpp.h"), "utf8");
const { cpp: flags } = JSON.parse(readFileSync(join(clangDir, "cppFlags.json"), "utf8"));
// The package exports no package.json: its version is read from the file itself.
const clangPackage = join(here, "..", "node_modules", "@yowasp", "clang", "package.json");
const clangVersion = JSON.parse(readFileSync(clangPackage, "utf8")).version;
const key = createHash("sha256").update(JSON.stringify([header, flags, clangVersion])).digest("hex");

if (existsSync(pchPath) && existsSync(keyPath) && readFileSync(keyPath, "utf8") === key) process.exit(0);

const { runClang } = await import("@yowasp/clang");
const started = performance.now();
let diagnostics = "";
const collect = (bytes) => {
  if (bytes) diagnostics += new TextDecoder().decode(bytes);
};
const produced = await runClang(
  ["clang++", ...flags, "-x", "c++-header", "include/bits/stdc++.h", "-o", "stdc++.h.pch"],
  { include: { bits: { "stdc++.h": header } } },
  { stdout: collect, stderr: collect, fetchProgress: () => undefined },
).catch((error) => {
  console.error(diagnostics);
  throw error;
});
mkdirSync(outputDir, { recursive: true });
writeFileSync(pchPath, produced["stdc++.h.pch"]);
writeFileSync(keyPath, key);
console.log(`precompiled <bits/stdc++.h> in ${((performance.now() - started) / 1000).toFixed(1)} s`);
