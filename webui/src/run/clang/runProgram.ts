/**
 * Runs a compiled program on a WASI preview-1 shim: standard input from the Input box,
 * standard output and error to the run's output, an empty directory as its file system.
 */

import { ConsoleStdout, File, OpenFile, PreopenDirectory, WASI } from "@bjorn3/browser_wasi_shim";

import type { Stream } from "../messages";
import { describeExit, describeTrap } from "./programErrors";

export async function runProgram(
  program: Uint8Array,
  stdin: string,
  write: (stream: Stream, text: string) => void,
): Promise<string | null> {
  const output = (stream: Stream) => {
    const decoder = new TextDecoder();
    return new ConsoleStdout((bytes) => write(stream, decoder.decode(bytes, { stream: true })));
  };
  const fds = [
    new OpenFile(new File(new TextEncoder().encode(stdin))),
    output("stdout"),
    output("stderr"),
    new PreopenDirectory("/", new Map()),
  ];
  const wasi = new WASI(["main"], [], fds, { debug: false });
  const module = await WebAssembly.compile(program as Uint8Array<ArrayBuffer>);
  const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport });
  try {
    return describeExit(wasi.start(instance as { exports: { memory: WebAssembly.Memory; _start: () => unknown } }));
  } catch (error) {
    return describeTrap(error);
  }
}
