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
 * same URL fetched again, now from the cache.
 */

const originalFetch = globalThis.fetch.bind(globalThis);
const originalCompileStreaming = WebAssembly.compileStreaming.bind(WebAssembly);
let lastWasmUrl: string | null = null;

globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = input instanceof Request ? input.url : String(input);
  if (new URL(url, self.location.href).pathname.endsWith(".wasm")) lastWasmUrl = url;
  return originalFetch(input, init);
};

async function drain(body: ReadableStream<Uint8Array> | null): Promise<void> {
  if (!body) return;
  const reader = body.getReader();
  while (!(await reader.read()).done);
}

WebAssembly.compileStreaming = async (source: Response | PromiseLike<Response>): Promise<WebAssembly.Module> => {
  const response = await source;
  const url = lastWasmUrl;
  if (response.url !== "" || url === null) return originalCompileStreaming(response);
  lastWasmUrl = null;
  await drain(response.body);
  return originalCompileStreaming(originalFetch(url));
};
