"""The country profile and the corridor view: which page the path shows, and their content from the state."""

from __future__ import annotations

from typing import Any

from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback, no_update

from callbacks.views import lang_default, to_state
from components import ids
from components import pages as page_parts
from components.panels import headline_cards
from components.share import export_menu
from core.charts import registry, texts
from core.charts.corridor_view.headlines import headlines as corridor_headlines
from core.data import queries
from core.i18n.catalog import t
from core.state import inputs
from core.state.options import options
from core.state.urlstate import ViewState

# What a page's content depends on; the year, scale and selection of the dashboard only shape its links.
CONTENT_FIELDS = ("page", "subject", "lang", "direction", "cyear", "indicator", "focus", "year", "countries")


def content_key(state: ViewState) -> dict[str, Any]:
    """What a drawn page depends on, as the page store keeps it (JSON: lists, not tuples)."""
    values = {field: getattr(state, field) for field in CONTENT_FIELDS}
    return {field: list(value) if isinstance(value, tuple) else value for field, value in values.items()}


@callback(
    Output(ids.DASHBOARD_PAGE, "hidden"),
    Output(ids.PROFILE_PAGE, "hidden"),
    Output(ids.CORRIDOR_PAGE, "hidden"),
    Output(ids.PROFILE_NAV, "children"),
    Output(ids.PROFILE_MENU, "children"),
    Output(ids.PROFILE_BODY, "children"),
    Output(ids.CORRIDOR_NAV, "children"),
    Output(ids.CORRIDOR_TITLE, "children"),
    Output(ids.CORRIDOR_HEADLINES, "children"),
    Output(ids.CORRIDOR_BODY, "children"),
    Output(ids.DIRECTION, "options"),
    Output(ids.PAGE_META, "data"),
    Input(ids.STATE, "data"),
    State(ids.BROWSER_LANG, "data"),
    State(ids.PAGE_META, "data"),
)
def draw_page(data: Any, browser_lang: Any, old_meta: Any) -> tuple[Any, ...]:
    """Show the page the path names and fill it; content is rebuilt only when what it shows has changed."""
    state = to_state(data)
    browser = lang_default(browser_lang)
    old_key = inputs.page_key(old_meta, CONTENT_FIELDS)
    if state is None:
        return (no_update,) * 12
    page = state.page
    shown = (page != "dashboard", page != "country", page != "corridors")
    if page == "dashboard":
        return (*shown, *(no_update,) * 9)
    key = content_key(state)
    if old_key == key:
        return (*shown, *(no_update,) * 9)
    subject, year = str(state.subject), state.resolved_cyear(options())
    if page == "country":
        title = t("profile.title", state.lang, country=queries.country_name(subject, state.lang))
    else:
        name = texts.subject_name(subject, state.lang)
        title = t(f"route.corridor_title_{state.direction}", state.lang, name=name, year=year)
    charts = registry.page_charts(state)
    meta = page_parts.page_meta(state, list(charts.values()), title)
    meta["key"] = key
    if page == "country":
        return (
            *shown,
            page_parts.profile_nav(state, browser),
            export_menu(ids.PROFILE_DATA, state.lang, kind="profile"),
            page_parts.profile_body(state, browser, charts),
            *(no_update,) * 5,
            meta,
        )
    headlines = corridor_headlines(subject, state.direction, year, state.lang)
    return (
        *shown,
        *(no_update,) * 3,
        page_parts.corridor_nav(state, browser),
        title,
        headline_cards(headlines),
        page_parts.corridor_body(state, charts),
        page_parts.direction_options(state),
        meta,
    )


# The browser tab names the page: "El Salvador: migration and development profile · <site title>".
clientside_callback(
    ClientsideFunction("lac", "setPageTitle"),
    Input(ids.PAGE_META, "data"),
    Input(ids.STATE, "data"),
    State(ids.DOC_TITLE, "data"),
)

# The one-page briefing: the browser's print dialog, with the profile's print stylesheet (assets/style.css).
clientside_callback(
    ClientsideFunction("lac", "printPage"),
    Input(ids.PRINT, "n_clicks"),
    prevent_initial_call=True,
)
