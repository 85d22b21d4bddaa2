"""The dashboard: our static files, and the npm packages it uses served from node_modules (nothing copied)."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from ..errors import NotFoundError
from ..settings import Settings

__all__ = ["STATIC", "VENDOR_FILES", "find_node_modules", "install_web"]

STATIC = Path(__file__).with_name("static")

# The only files of npm packages the page loads: nothing else under node_modules is served.
VENDOR_FILES = {
    "leaflet/dist/leaflet.js",
    "leaflet/dist/leaflet.css",
    "leaflet.markercluster/dist/leaflet.markercluster.js",
    "leaflet.markercluster/dist/MarkerCluster.css",
    "leaflet.markercluster/dist/MarkerCluster.Default.css",
    "topojson-client/dist/topojson-client.min.js",
    "world-atlas/countries-50m.json",
    "world-atlas/countries-110m.json",
}


def find_node_modules(settings: Settings) -> Path | None:
    """The setting, else node_modules in the working folder or in a folder above the package (a checkout)."""
    given = settings.node_modules
    candidates = [Path(given).expanduser()] if given else [Path.cwd() / "node_modules"]
    if not given:
        candidates += [p / "node_modules" for p in Path(__file__).resolve().parents]
    for folder in candidates:
        if (folder / "leaflet" / "dist" / "leaflet.js").is_file():
            return folder
    return None


def install_web(app: FastAPI, settings: Settings) -> None:
    modules = find_node_modules(settings)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/vendor/{path:path}", include_in_schema=False)
    def vendor(path: str) -> Response:
        if path not in VENDOR_FILES:
            raise NotFoundError(f"no file {path!r}")
        if modules is None:
            raise NotFoundError(f"{path}: the dashboard's npm packages are not installed (run `make setup`)")
        return FileResponse(modules / path, headers={"Cache-Control": "public, max-age=86400"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
