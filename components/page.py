"""The page served at /: the layout in the visitor's language (Accept-Language), menus filled from the data."""

from __future__ import annotations

import flask
from dash import html

from components.layout import page
from components.texts import text_map
from core.i18n.catalog import DEFAULT_LANGUAGE, negotiate


def serve_layout() -> html.Div:
    """Built per page load (cheap: texts and menus only); every value is then set from the URL by sync_state."""
    lang = negotiate(flask.request.headers.get("Accept-Language")) if flask.has_request_context() else DEFAULT_LANGUAGE
    return page(text_map(lang), lang)
