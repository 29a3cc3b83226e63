/**
 * Downloads and compiles a large WebAssembly runtime, saying how many MB have arrived, so a
 * candidate waiting for Ruby or a compiler sees it move. The bytes are counted as they stream
 * in and handed to the compiler as they arrive, so compiling overlaps the download.
 */

const REPORT_EVERY_MS = 100;

export const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);

/**
 * `totalBytes` is the uncompressed size known at build time: the server sends a gzipped copy,
 * so the response's content-length counts other bytes than the body we read.
 */
export async function compileWithProgress(
  url: string,
  totalBytes: number,
  report: (loadedBytes: number, totalBytes: number) => void,
): Promise<WebAssembly.Module> {
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
        report(loaded, Math.max(totalBytes, loaded));
      }
      controller.enqueue(chunk);
    },
    flush() {
      report(loaded, loaded);
    },
  });
  const counted = new Response(response.body.pipeThrough(counter), { headers: { "content-type": "application/wasm" } });
  return WebAssembly.compileStreaming(counted);
}
