/**
 * Clang's driver, run once per command line instead of once per compile.
 *
 * `clang++ main.cpp -o main.wasm` is three programs: the driver, which only works out the
 * jobs (`clang -cc1 …`, then `wasm-ld …`), and those jobs. In WebAssembly every one of them is
 * a fresh instance of the 75 MB LLVM module, so the driver costs an instantiation and a run on
 * every compile. Its jobs depend only on the command line (temporary file names included:
 * YoWASP seeds each run's random numbers alike), so they are asked for once (`-###`, as
 * @yowasp/clang's own runClang does on every call) and replayed.
 */

import { runLLVM, type Tree } from "@yowasp/clang";

export type Compiled = { outputs: Tree; diagnostics: string };

type Output = (bytes: Uint8Array | null) => void;

/** The jobs `clang -###` prints, one per line: ` "/path/clang" "-cc1" "-triple" …`. */
export function parseJobs(listing: string): string[][] {
  const jobs: string[][] = [];
  for (const line of listing.split("\n")) {
    if (!line.startsWith(' "')) continue;
    const words = Array.from(line.matchAll(/ (?:([^ "]+)|"((?:[^"\\$]|\\["\\$])*)")/g), (match) =>
      match[1] !== undefined ? match[1] : (match[2] ?? "").replaceAll(/\\(["$\\])/g, "$1"),
    );
    if (words[0] === "") words.shift();
    jobs.push(words);
  }
  return jobs;
}

const isExit = (error: unknown): error is Error & { code: number } => error instanceof Error && "code" in error;

export class Toolchain {
  private readonly jobLists = new Map<string, Promise<string[][] | string>>();

  /** Compiles (and links) as `args` says; a failed compile is diagnostics, not an exception. */
  async compile(args: string[], files: Tree): Promise<Compiled> {
    const jobs = await this.jobsFor(args, files);
    if (typeof jobs === "string") return { outputs: {}, diagnostics: jobs };
    const decoder = new TextDecoder();
    let diagnostics = "";
    const collect: Output = (bytes) => {
      if (bytes) diagnostics += decoder.decode(bytes, { stream: true });
    };
    let tree = files;
    for (const job of jobs) {
      try {
        tree = (await runLLVM(job, tree, { stdout: collect, stderr: collect })) as Tree;
      } catch (error) {
        if (isExit(error)) return { outputs: {}, diagnostics };
        throw error;
      }
    }
    delete tree.tmp;
    return { outputs: tree, diagnostics };
  }

  /** The driver's jobs for a command line, or what it printed when it refused it. */
  private jobsFor(args: string[], files: Tree): Promise<string[][] | string> {
    const key = JSON.stringify(args);
    let jobs = this.jobLists.get(key);
    if (!jobs) {
      jobs = listJobs(args, files);
      this.jobLists.set(key, jobs);
      // A refusal is not kept: the next compile asks again.
      void jobs.then((listed) => typeof listed === "string" && this.jobLists.delete(key));
    }
    return jobs;
  }
}

async function listJobs(args: string[], files: Tree): Promise<string[][] | string> {
  const decoder = new TextDecoder();
  let listing = "";
  const collect: Output = (bytes) => {
    if (bytes) listing += decoder.decode(bytes, { stream: true });
  };
  try {
    await runLLVM([args[0] ?? "clang", "-###", ...args.slice(1)], files, { stdout: collect, stderr: collect });
  } catch (error) {
    if (isExit(error)) return listing;
    throw error;
  }
  const jobs = parseJobs(listing);
  return jobs.length > 0 ? jobs : listing;
}
