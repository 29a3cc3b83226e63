"""Finding and serving the built web UI, wherever the server runs from.

Search order: the ``ui_dir`` setting; a PyInstaller bundle (``sys._MEIPASS/webui``); the
installed package (``server/_ui``, put there by the wheel build); a checkout (``webui/dist``).
"""

from __future__ import annotations

import mimetypes
import os
import sys
from pathlib import Path

from starlette.applications import Starlette
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import Mount, Route

from .not_found import serve_not_found_pages
from .precompressed import PrecompressedFiles
from .settings import Settings

# Windows reads MIME types from the registry, where .wasm and .mjs are often missing or wrong;
# browsers refuse to stream-compile WebAssembly or load module workers served otherwise.
for _type, _extension in (
    ("application/wasm", ".wasm"),
    ("text/javascript", ".mjs"),
    ("text/javascript", ".js"),
    ("text/css", ".css"),
    ("application/json", ".json"),
    ("image/svg+xml", ".svg"),
):
    mimetypes.add_type(_type, _extension)

PACKAGE_DIR = Path(__file__).resolve().parent
CHECKOUT_UI = PACKAGE_DIR.parent / "webui" / "dist"
NOT_BUILT = """<!doctype html><meta charset="utf-8"><title>PairPad</title>
<h1>PairPad</h1><p>The web UI is not built. Run <code>make setup</code> in the repository.</p>"""


def find_ui_dir(settings: Settings) -> Path | None:
    candidates = []
    if settings.ui_dir is not None:
        candidates.append(settings.ui_dir)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "webui")
    candidates += [PACKAGE_DIR / "_ui", CHECKOUT_UI]
    for candidate in candidates:
        if (candidate / "index.html").is_file():
            return candidate
    return None


class UIFiles(PrecompressedFiles):
    """Vite's hashed assets never change under their name: cache them for a year.
    Everything else is revalidated, so a rebuilt UI shows up on the next load."""

    def file_headers(self, full_path: str | os.PathLike[str]) -> dict[str, str]:
        immutable = "/assets/" in Path(full_path).as_posix()
        return {"cache-control": "public, max-age=31536000, immutable" if immutable else "no-cache"}


def mount_ui(app: Starlette, settings: Settings) -> None:
    ui_dir = find_ui_dir(settings)

    async def page(_: object) -> Response:
        if ui_dir is None:
            return HTMLResponse(NOT_BUILT, status_code=503)
        return FileResponse(ui_dir / "index.html", headers={"cache-control": "no-cache"})

    # The home page, every session's page and every replay are the same single-page app
    # (a replay's data comes from the host-only record API, not with the page).
    for path in ("/", "/s/{session_id}", "/replay/{session_id}"):
        app.router.routes.append(Route(path, page, methods=["GET", "HEAD"]))
    if ui_dir is not None:
        app.router.routes.append(Mount("/", UIFiles(directory=ui_dir), name="ui"))
    serve_not_found_pages(app)
