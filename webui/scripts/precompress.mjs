/**
 * Gzips the built web UI once, at build time, so the server sends ~half the bytes without
 * compressing anything while a candidate waits (server/precompressed.py picks the copy).
 *
 * Gzip only: Chromium offers brotli on https origins alone, and PairPad is served over plain
 * http on a LAN. A copy is kept only where it saves at least MIN_SAVING; index.html stays as it
 * is, because the server serves it itself (server/assets.py) and the executable needs it.
 */

import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync, constants } from "node:zlib";

const DIST = new URL("../dist/", import.meta.url).pathname;
const MIN_BYTES = 1024;
const MIN_SAVING = 0.1;
const SKIP = new Set(["index.html"]);

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (!entry.name.endsWith(".gz")) yield path;
  }
}

let before = 0;
let after = 0;
for (const path of files(DIST)) {
  const name = relative(DIST, path);
  const size = statSync(path).size;
  before += size;
  const target = `${path}.gz`;
  if (SKIP.has(name) || size < MIN_BYTES) {
    after += size;
    continue;
  }
  const compressed = gzipSync(readFileSync(path), { level: constants.Z_BEST_COMPRESSION });
  if (compressed.length > size * (1 - MIN_SAVING)) {
    after += size;
    try { unlinkSync(target); } catch { /* there was none */ }
    continue;
  }
  writeFileSync(target, compressed);
  after += compressed.length;
}
const mb = (bytes) => (bytes / 1e6).toFixed(1);
console.log(`precompressed the web UI: ${mb(before)} MB as served uncompressed, ${mb(after)} MB gzipped`);
