"""Callbacks that draw the views from the state store: map frames, trend, ranking, table, texts."""

from __future__ import annotations

from typing import Any

from dash import Input, Output, State, callback, no_update

from components import ids, panels
from core import views
from core.urlstate import ViewState


def lang_default(browser_lang: Any) -> str | None:
    """The visitor's browser language from its store, when it is one of ours (links omit lang= then)."""
    return browser_lang if browser_lang in views.options().languages else None


def to_state(data: Any) -> ViewState:
    """The state store back as a ViewState (it was written by sync_state, so it is already valid)."""
    fields = {k: data[k] for k in ("indicator", "focus", "year", "scale", "view", "lang", "direction", "cyear",
                                   "page", "subject")}  # fmt: skip
    return ViewState(**fields, countries=tuple(data["countries"]))


@callback(Output(ids.FRAMES, "data"), Input(ids.VIEW_KEY, "data"), State(ids.STATE, "data"))
def build_frames(key: Any, data: Any) -> Any:
    """The map for every year of the indicator at once: the browser swaps years (and plays) with no server call."""
    if not key or not data or not key.get("dashboard"):
        return no_update
    return views.map_payload(to_state(data))


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
    if not data or data.get("page") != "dashboard":
        return (no_update,) * 11
    state = to_state(data)
    table_view = state.view == "table"
    return (
        views.trend_figure(state),
        views.ranking_figure(state),
        panels.headline_cards(views.headlines(state)),
        panels.data_table(views.table_rows(state), state, lang_default(browser_lang)) if table_view else no_update,
        not table_view,
        table_view,
        views.map_title(state),
        views.trend_title(state),
        views.ranking_title(state),
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
    if not key or not data or not key.get("dashboard"):
        return (no_update,) * 5
    state = to_state(data)
    sources = panels.sources_text(state)
    return views.map_note(state), sources, sources, sources, panels.about(state)
