/**
 * Lets the browser keep the compiler's machine code between visits.
 *
 * Chromium caches the optimized machine code of a WebAssembly module compiled straight from a
 * fetched response (WebAssembly.compileStreaming), next to that URL in its HTTP cache: a page
 * that compiles it again starts with optimized code instead of tiering 75 MB of LLVM up anew.
 * @yowasp/clang counts its download's progress by compiling from a Response it rebuilt around
 * the fetched body, which has no URL, so nothing was ever cached. This module, imported before
 * @yowasp/clang (which keeps `fetch` as it is when it loads), notes the URL of each .wasm file
 * it fetches; when a rebuilt response is then compiled, its body is read to the end (the
 * progress counts, and the file lands in the HTTP cache) and the module is compiled from the
 * same URL fetched again from the cache (or from the bytes read, when the cache did not keep
 * them).
 */

const originalFetch = globalThis.fetch.bind(globalThis);
const originalCompileStreaming = WebAssembly.compileStreaming.bind(WebAssembly);
let lastWasmUrl: string | null = null;

globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = input instanceof Request ? input.url : String(input);
  if (new URL(url, self.location.href).pathname.endsWith(".wasm")) lastWasmUrl = url;
  return originalFetch(input, init);
};

async function readAll(body: ReadableStream<Uint8Array> | null): Promise<Blob> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  if (body) {
    const reader = body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value as Uint8Array<ArrayBuffer>);
  }
  return new Blob(chunks);
}

WebAssembly.compileStreaming = async (source: Response | PromiseLike<Response>): Promise<WebAssembly.Module> => {
  const response = await source;
  const url = lastWasmUrl;
  if (response.url !== "" || url === null) return originalCompileStreaming(response);
  lastWasmUrl = null;
  const bytes = await readAll(response.body);
  // From the HTTP cache only: a private window's small memory cache may not have kept 75 MB,
  // and fetching it again would double the download. Then the bytes read are compiled as they
  // are, without the code cache.
  const cached = await originalFetch(url, { cache: "only-if-cached", mode: "same-origin" }).catch(() => null);
  if (cached?.ok) return originalCompileStreaming(cached);
  return WebAssembly.compile(await bytes.arrayBuffer());
};
