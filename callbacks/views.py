"""Callbacks that draw the views from the state store: map frames, trend, ranking, table, texts."""

from __future__ import annotations

from typing import Any

from dash import Input, Output, State, callback, no_update

from components import ids, panels
from core.charts.dashboard import headlines, mapview, ranking, trend
from core.state import inputs
from core.state.options import options
from core.state.urlstate import ViewState


def lang_default(browser_lang: Any) -> str | None:
    """The visitor's browser language from its store (links omit lang= when the page speaks it)."""
    return inputs.language(browser_lang, options(), "browser_lang")


def to_state(data: Any) -> ViewState | None:
    """The state store, parsed like a URL (the browser sends it back with every request, so it may be forged)."""
    return inputs.optional_view_state(data, options())


@callback(Output(ids.FRAMES, "data"), Input(ids.VIEW_KEY, "data"), State(ids.STATE, "data"))
def build_frames(key: Any, data: Any) -> Any:
    """The map for every year of the indicator at once: the browser swaps years (and plays) with no server call."""
    key = inputs.view_key(key, options())
    state = to_state(data)
    if not key or state is None or not key["dashboard"]:
        return no_update
    return mapview.map_payload(state)


@callback(
    Output(ids.TREND, "figure"),
    Output(ids.RANKING, "figure"),
    Output(ids.HEADLINES, "children"),
    Output(ids.TABLE, "children"),
    Output(ids.TABLE, "hidden"),
    Output("map-wrap", "hidden"),
    Output(ids.MAP_TITLE, "children"),
    Output(ids.TREND_TITLE, "children"),
    Output(ids.RANKING_TITLE, "children"),
    Output(ids.EXPORT_META, "data"),
    Output(ids.PROFILE_LINKS, "children"),
    Input(ids.STATE, "data"),
    State(ids.BROWSER_LANG, "data"),
)
def draw_panels(data: Any, browser_lang: Any) -> tuple[Any, ...]:
    """Everything but the map follows the committed state (not each animation frame); nothing while another page
    is shown (it is drawn when the visitor comes back)."""
    state = to_state(data)
    browser_lang = lang_default(browser_lang)
    if state is None or state.page != "dashboard":
        return (no_update,) * 11
    table_view = state.view == "table"
    return (
        trend.trend_figure(state),
        ranking.ranking_figure(state),
        panels.headline_cards(headlines.headlines(state)),
        panels.data_table(mapview.table_rows(state), state, lang_default(browser_lang)) if table_view else no_update,
        not table_view,
        table_view,
        mapview.map_title(state),
        trend.trend_title(state),
        ranking.ranking_title(state),
        panels.export_meta(state),
        panels.profile_links(state, lang_default(browser_lang)),
    )


@callback(
    Output(ids.MAP_NOTE, "children"),
    Output(f"{ids.SOURCES}-map", "children"),
    Output(f"{ids.SOURCES}-trend", "children"),
    Output(f"{ids.SOURCES}-ranking", "children"),
    Output(ids.ABOUT, "children"),
    Input(ids.VIEW_KEY, "data"),
    State(ids.STATE, "data"),
)
def draw_texts(key: Any, data: Any) -> tuple[Any, ...]:
    """Notes, sources and the about panel change with the indicator or language, not with the year."""
    key = inputs.view_key(key, options())
    state = to_state(data)
    if not key or state is None or not key["dashboard"]:
        return (no_update,) * 5
    sources = panels.sources_text(state)
    return mapview.map_note(state), sources, sources, sources, panels.about(state)
