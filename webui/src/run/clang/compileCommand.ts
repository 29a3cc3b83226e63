/** The compiler command lines for C and C++, as a candidate would type them on Linux. */

import CPP_FLAGS from "./cppFlags.json";

export const PROGRAM = "main.wasm";
/** The C++ exception runtime (exception_runtime.cpp, library_throws.cpp, compiled at build
 *  time by scripts/precompile-cpp.mjs), linked into every C++ program: the sysroot's C++
 *  library has none. */
export const EXCEPTION_OBJECTS = ["exception_runtime.o", "library_throws.o"];

export function sourceName(language: string): string {
  return language === "c" ? "main.c" : "main.cpp";
}

// The link: an 8 MB stack as on Linux (wasm-ld's default is 64 KB, which a recursive DFS
// outgrows), placed first in memory so that overflowing it traps instead of silently
// overwriting the program's globals; setjmp/longjmp from the sysroot's libsetjmp.
const LINK = ["-Wl,-z,stack-size=8388608", "-Wl,--stack-first", "-lsetjmp"];
// main is called through the exception runtime's wrapper, which terminates the program as
// Linux does when an exception leaves main.
const CPP_LINK = ["-Wl,--wrap=__main_void"];
// As C++'s (cppFlags.json), less what is C++'s own.
const C_FLAGS = ["-std=c17", ...CPP_FLAGS.cpp.filter((flag) => !/^-(std=|I|fwasm-exceptions)/.test(flag))];
// `include/` holds our <bits/stdc++.h>; its precompiled copy is built with these same flags.
const CPP = ["clang++", ...CPP_FLAGS.cpp];

export const BITS_HEADER = "include/bits/stdc++.h";
export const BITS_PCH = "stdc++.h.pch";

/** Whether a program includes <bits/stdc++.h>, which costs seconds to parse without its PCH. */
export function usesBitsHeader(code: string): boolean {
  return /^\s*#\s*include\s*<bits\/stdc\+\+\.h>/m.test(code);
}

export function compileCommand(language: string, options: { precompiledBits?: boolean } = {}): string[] {
  if (language === "c") return ["clang", ...C_FLAGS, sourceName(language), ...LINK, "-lm", "-o", PROGRAM];
  const pch = options.precompiledBits ? ["-include-pch", BITS_PCH] : [];
  return [...CPP, ...pch, sourceName(language), ...EXCEPTION_OBJECTS, ...LINK, ...CPP_LINK, "-o", PROGRAM];
}

export function bitsPchCommand(): string[] {
  return [...CPP, "-x", "c++-header", BITS_HEADER, "-o", BITS_PCH];
}
