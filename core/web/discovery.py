"""Routes for search engines and link-sharing apps: robots.txt (pointing at the sitemap), /sitemap.xml, and the
preview image of every canonical view (/preview.png, /preview/country/<ISO3>.png, /preview/corridors/<id>.png,
/preview/then-and-now.png),
whose address names the data edition, so it may be cached for a year."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Flask, Response, request

from core.charts import cards
from core.data.store import get_store
from core.state import settings
from core.state.address import state_of

YEAR_SECONDS = 365 * 24 * 3600
ROBOTS = """User-agent: *
Allow: /
Disallow: /_dash-
Sitemap: {site}/sitemap.xml
"""


def site() -> str:
    """The site's public address (never a raw Host header: see settings.public_url)."""
    return settings.public_url(request.host, request.scheme)


def robots() -> Response:
    """Crawlers may read the pages, embeds and data; the renderer's endpoints are not pages."""
    response = Response(ROBOTS.format(site=site()), mimetype="text/plain")
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


def sitemap() -> Response:
    from core.web import head

    response = Response(head.sitemap(site()), mimetype="application/xml")
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


def preview(path: str) -> Response:
    """The PNG of the canonical view an address names (its selection, scale and table view do not matter); 404 for
    anything that is not a view of ours in the current edition."""
    if request.args.getlist("edition") != [get_store().version]:
        return Response("no such preview\n", status=404, mimetype="text/plain")
    view = urlencode([(k, v) for k, v in request.args.items(multi=True) if k != "edition"])
    found = state_of(path, view, None)
    if found is None or found[0].rejected:
        return Response("no such preview\n", status=404, mimetype="text/plain")
    response = Response(cards.png(cards.canonical(found[0])), mimetype="image/png")
    response.headers["Cache-Control"] = f"public, max-age={YEAR_SECONDS}, immutable"
    return response


def register(server: Flask) -> None:
    server.add_url_rule("/robots.txt", "robots", robots)
    server.add_url_rule("/sitemap.xml", "sitemap", sitemap)
    server.add_url_rule("/preview.png", "preview", lambda: preview("/"))
    server.add_url_rule("/preview/country/<code>.png", "preview_country", lambda code: preview(f"/country/{code}"))
    server.add_url_rule(
        "/preview/corridors/<subject>.png", "preview_corridors", lambda subject: preview(f"/corridors/{subject}")
    )
    server.add_url_rule("/preview/then-and-now.png", "preview_then_and_now", lambda: preview("/then-and-now"))
