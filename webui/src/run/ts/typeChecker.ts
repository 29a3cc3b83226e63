/**
 * Type-checks a participant's TypeScript as `tsc --strict --target es2022 --lib es2022
 * --noEmit --pretty false main.ts` would, with the real compiler (TypeScript 5.9, the JS one:
 * the repository's own `typescript` is the native Go compiler, which has no API a browser can
 * call), and reports the diagnostics in tsc's words.
 *
 * The code runs as a module (top-level await, import/export), so it is checked as one. Parsed
 * library files are kept, and each check starts from the previous program, so every check
 * after the first costs little more than the participant's own file.
 */

import ts from "typescript-js";

import { ENTRY_LIB, LIB_FILES } from "./libFiles";
import PROGRAM_GLOBALS from "./programGlobals.d.ts?raw";

export const MAIN_FILE = "main.ts";
const ROOT = "/";
const GLOBALS_FILE = "pairpad-globals.d.ts";

export const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: [ENTRY_LIB],
  types: [],
  noEmit: true,
};

export interface CheckResult {
  /** tsc's report, one `main.ts(line,col): error TSxxxx: …` per diagnostic; "" when clean. */
  report: string;
  errorCount: number;
}

const FORMAT_HOST: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (name) => name,
  getCurrentDirectory: () => ROOT,
  getNewLine: () => "\n",
};

export class TypeChecker {
  private readonly fixedFiles = new Map<string, ts.SourceFile>();
  private previous: ts.Program | undefined;

  check(code: string): CheckResult {
    const main = ts.createSourceFile(ROOT + MAIN_FILE, code, ts.ScriptTarget.ES2022, true);
    const program = ts.createProgram({
      rootNames: [main.fileName, ROOT + GLOBALS_FILE],
      options: COMPILER_OPTIONS,
      host: this.host(main),
      oldProgram: this.previous,
    });
    this.previous = program;
    // Only main.ts's own diagnostics (and the global ones): the library and globals files are
    // pinned and error-free, and checking them again each time would cost seconds.
    const diagnostics = ts.getPreEmitDiagnostics(program, program.getSourceFile(main.fileName));
    return {
      report: ts.formatDiagnostics(diagnostics, FORMAT_HOST),
      errorCount: diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).length,
    };
  }

  private host(main: ts.SourceFile): ts.CompilerHost {
    const textOf = (path: string): string | undefined => {
      const name = path.slice(ROOT.length);
      if (path === main.fileName) return main.text;
      if (name === GLOBALS_FILE) return PROGRAM_GLOBALS;
      return path.startsWith(ROOT) ? LIB_FILES.get(name) : undefined;
    };
    return {
      getSourceFile: (path) => (path === main.fileName ? main : this.fixedFile(path, textOf(path))),
      getDefaultLibFileName: () => ROOT + ENTRY_LIB,
      writeFile: () => undefined,
      getCurrentDirectory: () => ROOT,
      getCanonicalFileName: (name) => name,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => "\n",
      fileExists: (path) => textOf(path) !== undefined,
      readFile: textOf,
      directoryExists: (path) => path === ROOT,
      getDirectories: () => [],
    };
  }

  /** Library and globals files: parsed once per worker, then shared by every program. */
  private fixedFile(path: string, text: string | undefined): ts.SourceFile | undefined {
    if (text === undefined) return undefined;
    let file = this.fixedFiles.get(path);
    if (!file) {
      file = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, false);
      this.fixedFiles.set(path, file);
    }
    return file;
  }
}
