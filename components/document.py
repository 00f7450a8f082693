"""The HTML document of every page, written per request: the page's language and title, and its whole layout
inlined as JSON with the callback list, so the renderer draws the page without asking the server for them
(assets/boot.js answers its two requests from the page itself) and no callback runs to fill it.

Dash renders an app from one layout; here each address is a page of its own (components/pages.py), and the layout
Dash would fetch from /_dash-layout is the one of the page that asked (its Referer, should the inlined copy ever be
missing)."""

from __future__ import annotations

import html
from typing import Any
from urllib.parse import urlsplit

import dash
import flask
from dash._utils import to_json
from werkzeug.exceptions import NotFound

from components import pages

TEMPLATE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
{metas}
<title>{title}</title>
{favicon}
{css}
</head>
<body>
{app_entry}
<script id="page-layout" type="application/json">{layout}</script>
<script id="page-dependencies" type="application/json">{dependencies}</script>
{config}
{scripts}
{renderer}
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

    def interpolate_index(
        self,
        metas: Any = "",
        title: Any = "",
        css: Any = "",
        config: Any = "",
        scripts: Any = "",
        app_entry: Any = "",
        favicon: Any = "",
        renderer: Any = "",
    ) -> str:
        """The page of the address asked, in its language (Dash's `title` is replaced by the page's own)."""
        request = flask.request
        page = pages.build(
            request.path, request.query_string.decode("utf-8", "replace"), request.headers.get("Accept-Language")
        )
        if page is None:
            raise NotFound()
        return TEMPLATE.format(
            lang=page.state.lang,
            title=html.escape(page.title),
            layout=_json_block(page.layout),
            dependencies=_json_block(self._callback_list),
            metas=metas,
            favicon=favicon,
            css=css,
            app_entry=app_entry,
            config=config,
            scripts=scripts,
            renderer=renderer,
        )
