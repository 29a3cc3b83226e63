import { describe, expect, it } from "vitest";

import { bitsPchCommand, compileCommand, usesBitsHeader } from "../src/run/clang/compileCommand";
import { describeExit, describeTrap } from "../src/run/clang/programErrors";

describe("C and C++ command lines", () => {
  it("C is C17 with libm; C++ is C++20 with WebAssembly exceptions and their runtime; both get an 8 MB stack first", () => {
    const c = compileCommand("c");
    const cpp = compileCommand("cpp");
    expect(c.slice(0, 2)).toEqual(["clang", "-std=c17"]);
    expect(c).toContain("-lm");
    expect(cpp.slice(0, 2)).toEqual(["clang++", "-std=c++20"]);
    expect(cpp).toEqual(expect.arrayContaining(["-fwasm-exceptions", "exception_runtime.o", "library_throws.o", "-Wl,--wrap=__main_void"]));
    for (const command of [c, cpp]) {
      expect(command).toEqual(expect.arrayContaining(["-Wl,-z,stack-size=8388608", "-Wl,--stack-first"]));
      expect(command).toEqual(expect.arrayContaining(["-mllvm", "-wasm-enable-sjlj", "-lsetjmp"]));
    }
    expect(c).not.toContain("-fwasm-exceptions");
  });

  it("the precompiled <bits/stdc++.h> is built with the flags the programs use", () => {
    const withPch = compileCommand("cpp", { precompiledBits: true });
    expect(withPch).toEqual(expect.arrayContaining(["-include-pch", "stdc++.h.pch"]));
    const flags = (command: string[]) => command.filter((arg) => /^-(std|O|W(?!l,)|I|f)/.test(arg));
    expect(flags(bitsPchCommand())).toEqual(flags(withPch));
  });

  it("knows a program that includes <bits/stdc++.h>", () => {
    expect(usesBitsHeader("#include <bits/stdc++.h>\nint main() {}")).toBe(true);
    expect(usesBitsHeader("  #  include<bits/stdc++.h>")).toBe(true);
    expect(usesBitsHeader("#include <iostream>\n// <bits/stdc++.h>")).toBe(false);
  });
});

describe("how a program ended", () => {
  it("names traps as a shell names signals", () => {
    expect(describeTrap(new WebAssembly.RuntimeError("unreachable"))).toBe("Aborted.");
    expect(describeTrap(new WebAssembly.RuntimeError("memory access out of bounds"))).toBe(
      "Segmentation fault: memory access out of bounds.",
    );
    expect(describeTrap(new WebAssembly.RuntimeError("divide by zero"))).toBe(
      "Floating point exception: integer division by zero.",
    );
    expect(describeTrap(new RangeError("Maximum call stack size exceeded"))).toBe("Segmentation fault: stack overflow.");
  });

  it("a zero exit status is success; another is said", () => {
    expect(describeExit(0)).toBeNull();
    expect(describeExit(3)).toBe("Exited with status 3.");
  });
});
