/**
 * Builds, with the browser's own compiler (YoWASP Clang, in Node), what every C++ compile in the
 * browser would otherwise redo, into src/run/clang/generated/:
 *
 * - stdc++.h.pch: our <bits/stdc++.h> precompiled, which the C++ worker downloads the first time
 *   a program includes it: parsing every standard header costs a browser ~10–30 s per compile;
 *   reading them precompiled, about one.
 * - exception_runtime.o, library_throws.o: the C++ exception runtime linked into every C++
 *   program (the sysroot's C++ library has none), so that a worker is ready without compiling.
 *
 * Each is skipped when its sources, the flags and the compiler are those of the file already
 * there (the build then costs nothing).
 */

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const clangDir = join(here, "..", "src", "run", "clang");
const outputDir = join(clangDir, "generated");

const { cpp: flags } = JSON.parse(readFileSync(join(clangDir, "cppFlags.json"), "utf8"));
// The package exports no package.json: its version is read from the file itself.
const clangPackage = join(here, "..", "node_modules", "@yowasp", "clang", "package.json");
const clangVersion = JSON.parse(readFileSync(clangPackage, "utf8")).version;

const header = readFileSync(join(clangDir, "bits_stdcpp.h"), "utf8");
const runtimeSources = ["exception_runtime.cpp", "library_throws.cpp"];

const products = [
  {
    what: "<bits/stdc++.h>",
    args: [...flags, "-x", "c++-header", "include/bits/stdc++.h", "-o", "stdc++.h.pch"],
    files: { include: { bits: { "stdc++.h": header } } },
    outputs: ["stdc++.h.pch"],
  },
  {
    what: "the C++ exception runtime",
    args: [...flags, "-c", ...runtimeSources],
    files: Object.fromEntries(runtimeSources.map((name) => [name, readFileSync(join(clangDir, name), "utf8")])),
    outputs: runtimeSources.map((name) => name.replace(/\.cpp$/, ".o")),
  },
];

let runClang = null;
for (const product of products) {
  const keyPath = join(outputDir, `${product.outputs[0]}.key`);
  const key = createHash("sha256").update(JSON.stringify([product.args, product.files, clangVersion])).digest("hex");
  const built = product.outputs.every((name) => existsSync(join(outputDir, name)));
  if (built && existsSync(keyPath) && readFileSync(keyPath, "utf8") === key) continue;

  runClang ??= (await import("@yowasp/clang")).runClang;
  const started = performance.now();
  let diagnostics = "";
  const collect = (bytes) => {
    if (bytes) diagnostics += new TextDecoder().decode(bytes);
  };
  const produced = await runClang(["clang++", ...product.args], product.files, {
    stdout: collect,
    stderr: collect,
    fetchProgress: () => undefined,
  }).catch((error) => {
    console.error(diagnostics);
    throw error;
  });
  mkdirSync(outputDir, { recursive: true });
  for (const name of product.outputs) writeFileSync(join(outputDir, name), produced[name]);
  writeFileSync(keyPath, key);
  console.log(`precompiled ${product.what} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
