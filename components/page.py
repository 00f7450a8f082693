"""The page served at /: the layout with its menus filled from the data."""

from __future__ import annotations

from dash import html

from components.layout import page
from core import queries, views
from core.i18n import DEFAULT_LANGUAGE
from core.store import get_store


def serve_layout(lang: str = DEFAULT_LANGUAGE) -> html.Div:
    """Built per page load (cheap: menus only); every value is then set from the URL by sync_state."""
    store = get_store()
    options = views.options()
    indicators = [{"label": views.label(i, lang), "value": i} for i in options.years]
    focuses = [{"label": views.focus_name(f, lang), "value": f} for f in options.focuses]
    countries = store.countries.sort_values(f"name_{lang}")
    listed = [
        {"label": row[f"name_{lang}"], "value": row["iso3"]}
        for _, row in countries.iterrows()
        if row["iso3"] in set(queries.series(store.meta["order"][0])["iso3"])
    ]
    return page(lang, indicators, focuses, listed, store.version)
