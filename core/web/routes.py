"""Flask routes beside Dash, and which paths exist at all: the map geometry and the dashboard map's years (cached
for a year per data version), the chart-only embed pages (the only pages other sites may frame: see
core/web/security.py), robots.txt, and the localised 404 page for every path that names no page of ours (Dash would
otherwise serve the app at any path)."""

from __future__ import annotations

import gzip
import html
import pkgutil
from datetime import date
from typing import Any

from dash.fingerprint import check_fingerprint
from flask import Flask, Response, abort, request

from core.charts.dashboard import mapview
from core.data.cache import per_version
from core.data.store import edition_ids, get_store, serving
from core.i18n.catalog import LANGUAGES, negotiate, t
from core.state import settings
from core.state.options import options
from core.state.urlstate import SCALES, ViewState, route
from core.web import dataroutes, discovery, embeds, exports

YEAR_SECONDS = 365 * 24 * 3600


def geometry(version: str) -> Response:
    """The world GeoJSON of an edition the site keeps (an embed pinned to an earlier one draws its map). Its URL
    carries the data version, so browsers may keep it for a year."""
    if version not in edition_ids():
        abort(404)
    store = get_store(version)
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        response = Response(store.geometry_gzip, mimetype="application/geo+json")
        response.headers["Content-Encoding"] = "gzip"
    else:
        response = Response(gzip.decompress(store.geometry_gzip), mimetype="application/geo+json")
    response.headers["Cache-Control"] = f"public, max-age={YEAR_SECONDS}, immutable"
    response.headers["Vary"] = "Accept-Encoding"
    return response


FRAMES_RULE = "/data/frames/<version>/<indicator>/<focus>/<scale>/<lang>.json"


def frames_url(state: ViewState) -> str:
    """Where the browser fetches the map of every year of the dashboard view `state`."""
    return (
        FRAMES_RULE.replace("<", "{")
        .replace(">", "}")
        .format(
            version=get_store().version,
            indicator=state.indicator,
            focus=state.focus,
            scale=state.resolved_scale(options()),
            lang=state.lang,
        )
    )


def frames(version: str, indicator: str, focus: str, scale: str, lang: str) -> Response:
    """The map of every year of one dashboard view, for the browser to swap years and play them without the server
    (components/dashboard.py links it). Its URL names the data version, so browsers may keep it for a year."""
    valid = options()
    if (
        version != get_store().version
        or indicator not in valid.years
        or focus not in valid.focuses
        or scale not in SCALES
        or lang not in LANGUAGES
    ):
        return not_found()
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        response = Response(_frames_gzip(indicator, focus, scale, lang), mimetype="application/json")
        response.headers["Content-Encoding"] = "gzip"
    else:
        state = ViewState(indicator=indicator, focus=focus, scale=scale, lang=lang)
        response = Response(mapview.map_json(state), mimetype="application/json")
    response.headers["Cache-Control"] = f"public, max-age={YEAR_SECONDS}, immutable"
    response.headers["Vary"] = "Accept-Encoding"
    return response


@per_version(maxsize=64)
def _frames_gzip(indicator: str, focus: str, scale: str, lang: str) -> bytes:
    """A view's map of every year, compressed once (about a tenth of its 0.2-1.7 MB) rather than per request."""
    state = ViewState(indicator=indicator, focus=focus, scale=scale, lang=lang)
    return gzip.compress(mapview.map_json(state).encode("utf-8"), compresslevel=6)


def embed(chart: str) -> Response:
    """A chart with its title and source line, interactive, sized to the iframe that shows it."""
    if not embeds.embeddable(chart):
        return not_found()
    body, status = embeds.page(
        chart, request.query_string.decode("utf-8", "replace"), request.headers.get("Accept-Language")
    )
    if status == 404:
        return not_found()
    response = Response(body, status=status, mimetype="text/html")
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


CHANGES_CSV = "/sources/changes.csv"


def changes_csv() -> Response:
    """The changelog of an edition (the current one, or a kept one named by edition=) as CSV, its notes in the
    language asked (lang=, else the browser's); 404 for an edition not kept or built without a changelog."""
    asked = request.args.get("lang", "")
    lang = asked if asked in LANGUAGES else negotiate(request.headers.get("Accept-Language"))
    edition = request.args.get(embeds.EDITION)
    if edition is not None and edition not in edition_ids():
        return not_found()
    with serving(edition):
        if get_store().changes is None:
            return not_found()
        site = settings.public_url(request.host, request.scheme)
        table = exports.changes_table(lang, site, CHANGES_CSV, date.today())
    response = Response(exports.to_csv(table), mimetype=exports.CSV_MIME)
    response.headers["Content-Disposition"] = f'attachment; filename="{table.name}.csv"'
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


CATCH_ALL = "/<path:path>"  # Dash's rule for every path no other rule matched: it serves the app
COMPONENT_SUITES = "/_dash-component-suites/"


def favicon() -> Response:
    """Browsers and crawlers ask for /favicon.ico whatever the page links: the same icon as the pages'."""
    response = Response(pkgutil.get_data("dash", "favicon.ico"), mimetype="image/x-icon")
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


def not_found() -> Response:
    """The localised 404 page: a mistyped link in a briefing should say it is wrong, not show the dashboard."""
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
    response = Response(body, status=404, mimetype="text/html")
    response.headers["Cache-Control"] = "no-store"
    return response


def _known_suite_file(registered: dict[str, Any], path: str) -> bool:
    """Whether a component-suite path names a file a registered package serves (what Dash would check by raising)."""
    package, _, fingerprinted = path.removeprefix(COMPONENT_SUITES).partition("/")
    return fingerprinted != "" and check_fingerprint(fingerprinted)[0] in registered.get(package, ())


def make_router(registered: dict[str, Any]) -> Any:
    """A before-request hook answering 404 for paths that name nothing: any path Dash's catch-all would serve that is
    not a page (the dashboard, a known country's profile, a known country's or group's corridor view), and any
    component-suite file no registered package serves."""

    def unknown_path() -> Response | None:
        rule = request.url_rule.rule if request.url_rule is not None else None
        if rule == CATCH_ALL and route(request.path, options()) is None:
            return not_found()
        if request.path.startswith(COMPONENT_SUITES) and not _known_suite_file(registered, request.path):
            return not_found()
        return None

    return unknown_path


def framable() -> bool:
    """Only a chart-only embed page may be shown inside another site: decided by the route that served the request."""
    return request.url_rule is not None and request.url_rule.endpoint == "embed"


def register(server: Flask, registered_paths: dict[str, Any]) -> None:
    server.add_url_rule("/data/geometry.<version>.json", "geometry", geometry)
    server.add_url_rule(FRAMES_RULE, "frames", frames)
    server.add_url_rule("/embed/<chart>", "embed", embed)
    server.add_url_rule(CHANGES_CSV, "changes_csv", changes_csv)
    server.add_url_rule("/favicon.ico", "favicon", favicon)
    dataroutes.register(server)  # the open data under /data/v1/
    discovery.register(server)  # robots.txt, sitemap.xml, preview images
    server.before_request(make_router(registered_paths))
    server.register_error_handler(404, lambda _error: not_found())
