"""The dashboard's one server callback: a control, a click on a country or the address changed; the new view state
is parsed, written to the address and drawn, in one round trip (the map's years are fetched by the browser)."""

from __future__ import annotations

from typing import Any

from dash import Input, Output, State, callback, ctx, no_update

from components import dashboard, ids, shell
from core.state import controls, inputs
from core.state.options import options
from core.state.urlstate import ViewState, encode

# What a change can redraw, by name: the keys of components.dashboard.parts, plus the address and the notice.
PARTS: dict[str, Output] = {
    "state": Output(ids.STATE, "data"),
    "indicator": Output(ids.INDICATOR, "value"),
    "focus": Output(ids.FOCUS, "value"),
    "countries": Output(ids.COUNTRIES, "data"),
    "country_chips": Output(ids.COUNTRY_CHIPS, "children"),
    "country_list": Output(ids.COUNTRY_LIST, "children"),
    "scale": Output(ids.SCALE, "value"),
    "view": Output(ids.VIEW, "value"),
    "year_min": Output(ids.YEAR, "min"),
    "year_max": Output(ids.YEAR, "max"),
    "year_marks": Output(ids.YEAR, "marks"),
    "year_value": Output(ids.YEAR, "value"),
    "committed": Output(ids.COMMITTED_YEAR, "data"),
    "frames_url": Output(ids.FRAMES_URL, "data"),
    "trend": Output(ids.TREND, "figure"),
    "ranking": Output(ids.RANKING, "figure"),
    "headlines": Output(ids.HEADLINES, "children"),
    "focus_note": Output(ids.FOCUS_NOTE, "children"),
    "play_disabled": Output(ids.PLAY, "disabled"),
    "table": Output(ids.TABLE, "children"),
    "table_hidden": Output(ids.TABLE, "hidden"),
    "map_hidden": Output(ids.MAP_WRAP, "hidden"),
    **{f"words_{name}": Output(ids.CHART_WORDS + name, "children") for name in ids.DASHBOARD_CHARTS},
    "map_title": Output(ids.MAP_TITLE, "children"),
    "trend_title": Output(ids.TREND_TITLE, "children"),
    "ranking_title": Output(ids.RANKING_TITLE, "children"),
    "map_note": Output(ids.MAP_NOTE, "children"),
    "sources_map": Output(f"{ids.SOURCES}-map", "children"),
    "sources_trend": Output(f"{ids.SOURCES}-trend", "children"),
    "sources_ranking": Output(f"{ids.SOURCES}-ranking", "children"),
    "about": Output(ids.ABOUT, "children"),
    "sources_link": Output(ids.SOURCES_LINK, "href"),
    **{f"link_{name}": Output(name, "href") for name in shell.VIEW_LINKS},
    "profile_links": Output(ids.PROFILE_LINKS, "children"),
    "meta": Output(ids.PAGE_META, "data"),
}
OUTPUTS = {
    **PARTS,
    "search": Output(ids.URL, "search"),
    "replace": Output(ids.REPLACE_URL, "data"),
    "notice": Output(ids.NOTICE, "children"),
}
CHANGES = {
    "search": Input(ids.URL, "search"),
    "indicator": Input(ids.INDICATOR, "value"),
    "focus": Input(ids.FOCUS, "value"),
    "countries": Input(ids.COUNTRIES, "data"),
    "scale": Input(ids.SCALE, "value"),
    "view": Input(ids.VIEW, "value"),
    "year": Input(ids.COMMITTED_YEAR, "data"),
    "map_click": Input(ids.MAP, "clickData"),
    "ranking_click": Input(ids.RANKING, "clickData"),
}
BY_ID = {dependency.component_id: name for name, dependency in CHANGES.items()}
# The control a change came from is set again even when the view did not change (a value the server refused).
ECHOES = {
    "indicator": ("indicator",),
    "focus": ("focus",),
    "countries": ("countries",),
    "scale": ("scale",),
    "view": ("view",),
    "year": ("year_value", "committed"),
}


def redraw(
    old: ViewState, new: ViewState, browser_lang: str | None, address: str | None, control: str | None = None
) -> dict[str, Any]:
    """The outputs for the move from `old` to `new`: only the pieces that follow what changed (the rest stay as
    drawn, and are not built), and the `control` the change came from. `address` is the query the browser shows
    when the address itself changed (back, forward), else None."""
    drawn = dashboard.touched(old, new, browser_lang) | set(ECHOES.get(control or "", ()))
    out: dict[str, Any] = dashboard.parts(new, browser_lang, only=drawn)
    query = encode(new, options(), browser_lang)
    # A change is a new history entry; an address that had to be corrected replaces its own (see replaceUrl).
    out["search"] = query if address is None and query != encode(old, options(), browser_lang) else no_update
    out["replace"] = query if address is not None and query != address else no_update
    out["notice"] = shell.notice(new) if new.rejected or old.rejected else no_update
    return out


@callback(
    output=OUTPUTS,
    inputs={**CHANGES, "old": State(ids.STATE, "data"), "browser": State(ids.BROWSER_LANG, "data")},
    prevent_initial_call=True,
)
def update_view(
    search: Any,
    indicator: Any,
    focus: Any,
    countries: Any,
    scale: Any,
    view: Any,
    year: Any,
    map_click: Any,
    ranking_click: Any,
    old: Any,
    browser: Any,
) -> dict[str, Any]:
    """A control, a click or the address changed: parse it into the next view state and draw the dashboard."""
    valid = options()
    current = inputs.view_state(old, valid)
    browser_lang = inputs.language(browser, valid, "browser_lang")
    address = inputs.search(search)  # every value is checked, whichever changed
    values = controls.Controls(search, indicator, focus, countries, scale, view, year, map_click, ranking_click)
    changed = BY_ID.get(ctx.triggered_id) if isinstance(ctx.triggered_id, str) else None
    if changed in (None, "search"):
        return redraw(current, controls.from_url(address, valid, browser_lang), browser_lang, address)
    return redraw(current, controls.from_controls(current, changed, values, valid), browser_lang, None, changed)
