"""Static files shipped inside the package (`graph_service/web/static`), served at /assets."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from graph_service.web.security import page_headers

ASSETS_PATH = "/assets"
STATIC: Traversable = files("graph_service.web") / "static"

# Python's own table lacks .mjs on some platforms, and modules must be served as JavaScript.
_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}
# Vendored folders carry their version in their name, so a browser may keep them for good.
_IMMUTABLE = "public, max-age=31536000, immutable"


def static_file(path: str) -> Traversable | None:
    """The shipped file at `path` (relative to static/), or None: no other file is reachable."""
    parts = path.split("/")
    if not path or any(part in ("", ".", "..") or part.startswith(".") for part in parts):
        return None
    entry = STATIC
    for part in parts:
        entry = entry / part
    return entry if entry.is_file() else None


async def asset(request: Request) -> Response:
    path: str = request.path_params["path"]
    found = static_file(path)
    suffix = "." + path.rsplit(".", 1)[-1] if "." in path else ""
    if found is None or suffix not in _TYPES:
        return PlainTextResponse("Not Found", status_code=404)
    cache = _IMMUTABLE if path.startswith("vendor/") else "no-cache"
    headers = {**page_headers(), "Cache-Control": cache}
    return Response(found.read_bytes(), media_type=_TYPES[suffix], headers=headers)
