/**
 * Downloads and compiles a large WebAssembly runtime, saying how many MB have arrived, so a
 * candidate waiting for Ruby or a compiler sees it move. The bytes are counted as they stream
 * in and handed to the compiler as they arrive, so compiling overlaps the download.
 */

const REPORT_EVERY_MS = 100;

export const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);

type Report = (loadedBytes: number) => void;

/** A response body that calls `report` with the bytes read so far, at most every 100 ms. */
async function countedBody(url: string, report: Report): Promise<ReadableStream<Uint8Array>> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  let loaded = 0;
  let reportedAt = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      loaded += chunk.byteLength;
      const now = performance.now();
      if (now - reportedAt >= REPORT_EVERY_MS) {
        reportedAt = now;
        report(loaded);
      }
      controller.enqueue(chunk);
    },
    flush() {
      report(loaded);
    },
  });
  return response.body.pipeThrough(counter);
}

export async function compileWithProgress(url: string, report: Report): Promise<WebAssembly.Module> {
  const body = await countedBody(url, report);
  return WebAssembly.compileStreaming(new Response(body, { headers: { "content-type": "application/wasm" } }));
}

export async function blobWithProgress(url: string, report: Report): Promise<Blob> {
  return new Response(await countedBody(url, report)).blob();
}

export async function bytesWithProgress(url: string, report: Report): Promise<Uint8Array> {
  return new Uint8Array(await new Response(await countedBody(url, report)).arrayBuffer());
}

/**
 * Counts the bytes of every response `fetch` gets from under `base` (for what a library
 * fetches itself, such as Pyodide its files) until the returned function is called. Each is
 * counted on a copy (`clone()`), so the library gets the very response it asked for.
 */
export function countFetches(base: string, part: () => Report): () => void {
  const scope = globalThis as { fetch: typeof fetch };
  const original = scope.fetch;
  scope.fetch = async (input, init) => {
    const response = await original(input, init);
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (response.ok && response.body && new URL(url, location.href).pathname.startsWith(base)) {
      void countStream(response.clone().body!, part()).catch(() => undefined);
    }
    return response;
  };
  return () => {
    scope.fetch = original;
  };
}

async function countStream(body: ReadableStream<Uint8Array>, report: Report): Promise<void> {
  const reader = body.getReader();
  let loaded = 0;
  let reportedAt = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    if (performance.now() - reportedAt >= REPORT_EVERY_MS) {
      reportedAt = performance.now();
      report(loaded);
    }
  }
  report(loaded);
}

/**
 * One progress line for several downloads. The total is the uncompressed size known at build
 * time: the server sends gzipped copies, so content-length counts other bytes than we read.
 */
export class DownloadProgress {
  private readonly loaded: number[] = [];

  constructor(
    private readonly totalBytes: number,
    private readonly show: (text: string) => void,
    private readonly label: string,
  ) {}

  /** The `report` for one of the downloads. */
  part(): Report {
    const index = this.loaded.push(0) - 1;
    return (bytes) => {
      this.loaded[index] = bytes;
      const sum = this.loaded.reduce((a, b) => a + b, 0);
      this.show(`${this.label} ${megabytes(sum)} of ${megabytes(Math.max(sum, this.totalBytes))} MB`);
    };
  }
}
