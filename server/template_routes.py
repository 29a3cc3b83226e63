"""``/api/templates``: the question library over HTTP, every call the host's only (401).

Bodies are read here (at most ``max_template_bytes``, which the body limit allows on these
paths) and checked in a worker thread: an import file of megabytes must not hold the event
loop. Reads and writes go through the record (``templates.py`` has the queries).
"""

from __future__ import annotations

import asyncio
from typing import Any, cast

from fastapi import APIRouter, Depends, HTTPException, Request, Response

from . import templates
from .host_auth import require_host
from .record import Recorder
from .state import app_state

router = APIRouter(prefix="/api/templates", dependencies=[Depends(require_host)])

NO_STORE = {"cache-control": "no-store"}
NOT_FOUND = "No question with this id in the library"
EXPORT_NAME = "pairpad-questions.json"


def _recorder(request: Request) -> Recorder:
    return app_state(request.app).recorder


async def _checked_body(request: Request, *, file: bool) -> list[templates.TemplateFields]:
    limits = templates.Limits.of(app_state(request.app).settings)
    body = await request.body()
    try:
        if file:
            return await asyncio.to_thread(templates.parse_file, body, limits)
        return [await asyncio.to_thread(templates.parse_one, body, limits)]
    except templates.BadTemplate as error:
        raise HTTPException(422, str(error)) from None


async def _insert(request: Request, new: list[templates.TemplateFields]) -> dict[str, Any]:
    limit = app_state(request.app).settings.max_templates
    try:
        result = await _recorder(request).write_imported(
            None, lambda db: templates.insert(db, new, limit)
        )
    except templates.LibraryFull as error:
        raise HTTPException(422, str(error)) from None
    return cast("dict[str, Any]", result)


@router.get("")
async def list_templates(request: Request, response: Response) -> list[dict[str, Any]]:
    response.headers.update(NO_STORE)
    found: list[dict[str, Any]] = await _recorder(request).read(templates.list_all)
    return found


@router.post("", status_code=201)
async def add_template(request: Request) -> dict[str, Any]:
    added = await _insert(request, await _checked_body(request, file=False))
    if not added["templates"]:
        raise HTTPException(409, "The library has this very question already")
    created: dict[str, Any] = added["templates"][0]
    return created


@router.get("/export")
async def export_templates(request: Request) -> Response:
    body = await _recorder(request).read(templates.export_file)
    disposition = f'attachment; filename="{EXPORT_NAME}"'
    return Response(
        body,
        media_type="application/json",
        headers={**NO_STORE, "content-disposition": disposition},
    )


@router.post("/import", status_code=201)
async def import_templates(request: Request) -> dict[str, Any]:
    """All or nothing; questions identical to ones in the library are skipped."""
    added = await _insert(request, await _checked_body(request, file=True))
    return {"imported": len(added["templates"]), "skipped": added["skipped"], **added}


@router.get("/{template_id}")
async def get_template(request: Request, response: Response, template_id: str) -> dict[str, Any]:
    found: dict[str, Any] | None = await _recorder(request).read(templates.get, template_id)
    if found is None:
        raise HTTPException(404, NOT_FOUND)
    response.headers.update(NO_STORE)
    return found


@router.put("/{template_id}")
async def edit_template(request: Request, template_id: str) -> dict[str, Any]:
    (fields,) = await _checked_body(request, file=False)
    updated = await _recorder(request).write_imported(
        None, lambda db: templates.update(db, template_id, fields)
    )
    if updated is None:
        raise HTTPException(404, NOT_FOUND)
    return cast("dict[str, Any]", updated)


@router.delete("/{template_id}", status_code=204)
async def delete_template(request: Request, template_id: str) -> Response:
    deleted = await _recorder(request).write_imported(
        None, lambda db: templates.delete(db, template_id)
    )
    if not deleted:
        raise HTTPException(404, NOT_FOUND)
    return Response(status_code=204)
