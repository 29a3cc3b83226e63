/**
 * A participant's JavaScript is a module, as `node main.mjs` would treat it, but runs as the
 * body of an async function (a worker may not import code made at run time under our
 * policy). So: parse it as a module (exact syntax errors with line and column, top-level
 * `await` allowed), drop `export` keywords, and turn the imports of the modules we provide
 * into plain bindings. Edits keep every line where it was, so stack lines stay right.
 */

import { parse, type ModuleDeclaration, type Statement } from "acorn";

/** The modules a program may import (the `util` it sees is the one console.log uses). */
export const PROVIDED_MODULES = ["util", "node:util"];

export class ProgramSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = "SyntaxError";
  }
}

export class UnavailableImportError extends Error {
  constructor(
    readonly specifier: string,
    readonly line: number,
    fileName: string,
  ) {
    super(
      `Cannot import "${specifier}" (${fileName}:${line}): PairPad runs JavaScript in your browser, ` +
        `where Node's modules and npm packages do not exist (only "node:util" is provided).`,
    );
    this.name = "Error";
  }
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The function body that runs `code`; it reads imports from `__modules`. */
export function moduleToFunctionBody(code: string, fileName: string): string {
  const edits = parseModule(code).body.flatMap((node) => editFor(node, code, fileName));
  let body = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    body = body.slice(0, edit.start) + edit.text + body.slice(edit.end);
  }
  return body;
}

function parseModule(code: string) {
  try {
    return parse(code, { ecmaVersion: "latest", sourceType: "module", locations: true });
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    if (!(error instanceof SyntaxError) || !loc) throw error;
    throw new ProgramSyntaxError(error.message.replace(/ \(\d+:\d+\)$/, ""), loc.line, loc.column);
  }
}

function editFor(node: Statement | ModuleDeclaration, code: string, fileName: string): Edit[] {
  const provided = (specifier: unknown, line = 1): string => {
    if (typeof specifier !== "string" || !PROVIDED_MODULES.includes(specifier)) {
      throw new UnavailableImportError(String(specifier), line, fileName);
    }
    return `__modules[${JSON.stringify(specifier)}]`;
  };
  const blank = (start: number, end: number): Edit => ({
    start,
    end,
    text: code.slice(start, end).replace(/[^\n]/g, ""), // lines stay where they were
  });
  switch (node.type) {
    case "ImportDeclaration": {
      const module = provided(node.source.value, node.loc?.start.line);
      const bindings = node.specifiers.map((specifier) =>
        specifier.type === "ImportSpecifier"
          ? `{ ${importedName(specifier.imported)}: ${specifier.local.name} } = ${module}`
          : `${specifier.local.name} = ${module}`,
      );
      const text = bindings.length ? `const ${bindings.join(", ")};` : "";
      return [{ ...blank(node.start, node.end), text: text + blank(node.start, node.end).text }];
    }
    case "ExportNamedDeclaration":
      if (node.source) provided(node.source.value, node.loc?.start.line);
      return [node.declaration ? { start: node.start, end: node.declaration.start, text: "" } : blank(node.start, node.end)];
    case "ExportDefaultDeclaration": {
      const declaration = node.declaration;
      const named = (declaration.type === "FunctionDeclaration" || declaration.type === "ClassDeclaration") && declaration.id;
      // `export default 42` or an anonymous function: evaluated, as Node would, and dropped.
      return [{ start: node.start, end: declaration.start, text: named ? "" : "void " }];
    }
    case "ExportAllDeclaration":
      provided(node.source.value, node.loc?.start.line);
      return [blank(node.start, node.end)];
    default:
      return [];
  }
}

function importedName(imported: { type: string; name?: string; value?: unknown }): string {
  return imported.type === "Identifier" ? (imported.name as string) : JSON.stringify(imported.value);
}
