"""The HTML document of every page, written per request: the page's language and title, the page itself as plain
HTML (components/static.py: what the visitor sees first, and all a visitor without JavaScript needs), and the
interactive app's layout, callback list and scripts for assets/boot.js to start when the visitor first shows
intent. The app then draws the same page out of sight and takes the static page's place.

Dash renders an app from one layout; here each address is a page of its own (components/pages.py), and the layout
Dash would fetch from /_dash-layout is the one of the page that asked (its Referer, should the inlined copy ever be
missing)."""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import dash
import flask
from dash._utils import format_tag, to_json
from werkzeug.exceptions import NotFound

from components import pages
from core.data import geometry
from core.state import settings
from core.web import head

BOOT = Path(__file__).resolve().parent.parent / "assets" / "boot.js"
BOOT_URL = f"/assets/boot.js?v={hashlib.sha256(BOOT.read_bytes()).hexdigest()[:12]}"
SCRIPT_SRC = re.compile(r'<script[^>]*\ssrc="([^"]+)"')

TEMPLATE = """<!DOCTYPE html>
<html lang="{lang}" class="app-pending"{preload}>
<head>
{metas}
<title>{title}</title>
{head}
<link rel="icon" type="image/x-icon" href="/favicon.ico">
{css}
<script src="{boot}" defer></script>
</head>
<body>
<div id="static-page">{static}</div>
<div id="react-entry-point"></div>
<script id="page-layout" type="application/json">{layout}</script>
<script id="page-dependencies" type="application/json">{dependencies}</script>
<script id="page-scripts" type="application/json">{scripts}</script>
{config}
</body>
</html>"""


def _json_block(value: Any) -> str:
    """JSON safe inside a <script> element: no "</" can close it early."""
    return to_json(value).replace("</", "<\\/")


class Site(dash.Dash):
    """Dash serving one page per address, each written whole on the server."""

    def serve_layout(self) -> Any:
        """The layout of the page that asks (from its Referer); the dashboard when that says nothing usable."""
        referer = urlsplit(flask.request.referrer or "")
        page = pages.build(referer.path or "/", referer.query, flask.request.headers.get("Accept-Language"))
        page = page or pages.build("/", "", flask.request.headers.get("Accept-Language"))
        assert page is not None
        return self.backend.make_response(to_json(page.layout), mimetype="application/json")

    def index(self, *_args: Any, **_kwargs: Any) -> str:
        """The page of the address asked, in its language. Dash's own index (its "Loading..." entry point and the
        inline script starting the renderer) is not used: the static page comes first, and assets/boot.js starts
        the renderer from the scripts listed in the page."""
        request = flask.request
        page = pages.build(
            request.path, request.query_string.decode("utf-8", "replace"), request.headers.get("Accept-Language")
        )
        if page is None:
            raise NotFound()
        scripts = [html.unescape(url) for url in SCRIPT_SRC.findall(self._generate_scripts_html())]
        if not any(getattr(c, "_namespace", "") == "dash_table" for c in page.layout._traverse()):
            scripts = [url for url in scripts if "/dash_table/" not in url]  # no DataTable on the page
        metas = "\n".join(format_tag("meta", meta, opened=True, sanitize=True) for meta in self._generate_meta())
        preload = f' data-preload="{html.escape(geometry.url(), quote=True)}"' if page.state.page != "country" else ""
        return TEMPLATE.format(
            lang=page.state.lang,
            preload=preload,
            title=html.escape(page.title),
            head=head.tags(page.state, page.title, page.description, settings.public_url(request.host, request.scheme)),
            metas=metas,
            css=self._generate_css_dist_html(),
            boot=BOOT_URL,
            static=page.html,
            layout=_json_block(page.layout),
            dependencies=_json_block(self._callback_list),
            scripts=_json_block([url for url in scripts if "/boot.js" not in url]),
            config=self._generate_config_html(),
        )
