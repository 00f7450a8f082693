"""Flask routes beside Dash: the map geometry, served once per data version with a long cache life."""

from __future__ import annotations

import gzip

from flask import Flask, Response, abort, request

from core.store import get_store

YEAR_SECONDS = 365 * 24 * 3600


def geometry(version: str) -> Response:
    """The world GeoJSON. Its URL carries the data version, so browsers may keep it for a year."""
    store = get_store()
    if version != store.version:
        abort(404)
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        response = Response(store.geometry_gzip, mimetype="application/geo+json")
        response.headers["Content-Encoding"] = "gzip"
    else:
        response = Response(gzip.decompress(store.geometry_gzip), mimetype="application/geo+json")
    response.headers["Cache-Control"] = f"public, max-age={YEAR_SECONDS}, immutable"
    response.headers["Vary"] = "Accept-Encoding"
    return response


def register(server: Flask) -> None:
    server.add_url_rule("/data/geometry.<version>.json", "geometry", geometry)
