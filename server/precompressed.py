"""Static files sent as the gzip copies made at build time (webui/scripts/precompress.mjs).

A candidate's first load is ~15 MB as built (Pyodide's WebAssembly alone is 9.6 MB) and ~7 MB
gzipped. Compressing at build time costs nothing per request; compressing per request would
cost the event loop's thread pool seconds of CPU for every candidate who opens the room.

The executable carries only the compressed copy of such files, so a client that does not
accept gzip (curl without --compressed, a script) gets the copy decompressed as it is sent.
"""

from __future__ import annotations

import gzip
import mimetypes
import os
import stat
from collections.abc import Iterator

import anyio.to_thread
from starlette.exceptions import HTTPException
from starlette.responses import Response, StreamingResponse
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

GZIP_SUFFIX = ".gz"
CHUNK_BYTES = 256 * 1024


def accepts_gzip(scope: Scope) -> bool:
    """Whether the request's Accept-Encoding admits gzip (and does not refuse it with q=0)."""
    for name, value in scope["headers"]:
        if name != b"accept-encoding":
            continue
        for offer in value.decode("latin-1").lower().split(","):
            coding, _, params = offer.strip().partition(";")
            if coding.strip() in ("gzip", "*"):
                return params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


def media_type(path: str) -> str:
    guessed = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return f"{guessed}; charset=utf-8" if guessed.startswith("text/") else guessed


class PrecompressedFiles(StaticFiles):
    """StaticFiles that prefers ``name.gz`` when the client accepts gzip."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        if scope["method"] in ("GET", "HEAD") and accepts_gzip(scope):
            compressed = await self._regular_file(path + GZIP_SUFFIX)
            if compressed is not None:
                return self._gzipped(compressed, path, scope)
        try:
            response = await super().get_response(path, scope)
        except HTTPException as missing:
            compressed = await self._regular_file(path + GZIP_SUFFIX)
            if missing.status_code != 404 or compressed is None:
                raise
            return self._gunzipped(compressed[0], path)
        response.headers["vary"] = "Accept-Encoding"
        return response

    async def _regular_file(self, path: str) -> tuple[str, os.stat_result] | None:
        try:
            full_path, found = await anyio.to_thread.run_sync(self.lookup_path, path)
        except (OSError, ValueError):
            return None
        if found is None or not stat.S_ISREG(found.st_mode):
            return None
        return full_path, found

    def _gzipped(self, compressed: tuple[str, os.stat_result], path: str, scope: Scope) -> Response:
        response = self.file_response(*compressed, scope)
        response.headers["content-type"] = media_type(path)
        response.headers["content-encoding"] = "gzip"
        response.headers["vary"] = "Accept-Encoding"
        return response

    def _gunzipped(self, full_path: str, path: str) -> Response:
        response = StreamingResponse(_decompressed(full_path), media_type=media_type(path))
        response.headers.update(self.file_headers(full_path))
        response.headers["vary"] = "Accept-Encoding"
        return response

    def file_response(
        self,
        full_path: str | os.PathLike[str],
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        response.headers.update(self.file_headers(full_path))
        return response

    def file_headers(self, full_path: str | os.PathLike[str]) -> dict[str, str]:
        """Headers a subclass adds to every file it sends, as is or decompressed (caching)."""
        return {}


def _decompressed(full_path: str) -> Iterator[bytes]:
    # A plain iterator: Starlette runs it in its thread pool, off the event loop.
    with gzip.open(full_path, "rb") as source:
        while chunk := source.read(CHUNK_BYTES):
            yield chunk
