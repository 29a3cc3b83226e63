/** The compiler command lines for C and C++, as a candidate would type them on Linux. */

import CPP_FLAGS from "./cppFlags.json";

export const PROGRAM = "main.wasm";
export const THROW_RUNTIME = "uncaught_throw.o";

export function sourceName(language: string): string {
  return language === "c" ? "main.c" : "main.cpp";
}

// The link: an 8 MB stack as on Linux (wasm-ld's default is 64 KB, which a recursive DFS
// outgrows), placed first in memory so that overflowing it traps instead of silently
// overwriting the program's globals.
const LINK = ["-Wl,-z,stack-size=8388608", "-Wl,--stack-first"];
const COMMON = ["-O1", "-fno-color-diagnostics", "-Wall"];
// `include/` holds our <bits/stdc++.h>; its precompiled copy is built with these same flags.
const CPP = ["clang++", ...CPP_FLAGS.cpp];

export const BITS_HEADER = "include/bits/stdc++.h";
export const BITS_PCH = "stdc++.h.pch";

/** Whether a program includes <bits/stdc++.h>, which costs seconds to parse without its PCH. */
export function usesBitsHeader(code: string): boolean {
  return /^\s*#\s*include\s*<bits\/stdc\+\+\.h>/m.test(code);
}

export function compileCommand(language: string, options: { precompiledBits?: boolean } = {}): string[] {
  if (language === "c") return ["clang", "-std=c17", ...COMMON, sourceName(language), ...LINK, "-lm", "-o", PROGRAM];
  const pch = options.precompiledBits ? ["-include-pch", BITS_PCH] : [];
  // The throw runtime turns a throw into terminate (uncaught_throw.cpp).
  return [...CPP, ...pch, sourceName(language), THROW_RUNTIME, ...LINK, "-o", PROGRAM];
}

export function bitsPchCommand(): string[] {
  return [...CPP, "-x", "c++-header", BITS_HEADER, "-o", BITS_PCH];
}

export function throwRuntimeCommand(): string[] {
  return ["clang++", "-std=c++20", "-O1", "-c", "uncaught_throw.cpp", "-o", THROW_RUNTIME];
}
