"""Flask routes beside Dash: the map geometry (cached for a year per data version) and the chart-only embed
pages (the only pages other sites may frame: see core/security.py)."""

from __future__ import annotations

import gzip
import html

from flask import Flask, Response, abort, request

from core import embeds, views
from core.i18n import LANGUAGES, negotiate, t
from core.store import get_store
from core.urlstate import PAGE_PATH, route

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


def embed(chart: str) -> Response:
    """A chart with its title and source line, interactive, sized to the iframe that shows it."""
    if not embeds.embeddable(chart):
        abort(404)
    body, status = embeds.page(chart, request.query_string.decode("utf-8", "replace"),
                               request.headers.get("Accept-Language"))  # fmt: skip
    response = Response(body, status=status, mimetype="text/html")
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


def unknown_page() -> Response | None:
    """A profile or corridor address naming no country or group of ours is a 404 (in the visitor's language), not
    the dashboard in disguise: a mistyped link in a briefing should say it is wrong."""
    path = request.path
    if not path.startswith(tuple(PAGE_PATH.values())) or route(path, views.options()) is not None:
        return None
    asked = request.args.get("lang", "")
    lang = asked if asked in LANGUAGES else negotiate(request.headers.get("Accept-Language"))
    home = f"/?lang={lang}" if asked == lang else "/"
    message, back = html.escape(t("route.not_found", lang)), html.escape(t("route.back_dashboard", lang))
    body = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<link rel="stylesheet" href="/assets/vendor/bootstrap.min.css?v=5.3.9"><title>{message}</title></head>'
        f'<body><main class="container py-5"><h1 class="h3">{message}</h1>'
        f'<p><a class="btn btn-primary" href="{home}">{back}</a></p></main></body></html>'
    )
    return Response(body, status=404, mimetype="text/html")


def register(server: Flask) -> None:
    server.add_url_rule("/data/geometry.<version>.json", "geometry", geometry)
    server.add_url_rule("/embed/<chart>", "embed", embed)
    server.before_request(unknown_page)
