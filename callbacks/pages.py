"""The country profile and the corridor view: which page the path shows, and their content from the state."""

from __future__ import annotations

from datetime import date
from typing import Any

from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback, no_update

from callbacks.views import lang_default, to_state
from components import ids
from components import pages as page_parts
from components.panels import headline_cards
from components.share import export_menu
from core.charts import corridor as flows
from core.charts import dashboard as views
from core.charts import registry as pages
from core.charts.model import Chart
from core.data import queries
from core.i18n.catalog import t
from core.state import inputs
from core.state.urlstate import ViewState

# What a page's content depends on; the year, scale and selection of the dashboard only shape its links.
CONTENT_FIELDS = ("page", "subject", "lang", "direction", "cyear", "indicator", "focus", "year", "countries")


def content_key(state: ViewState) -> dict[str, Any]:
    """What a drawn page depends on, as the page store keeps it (JSON: lists, not tuples)."""
    values = {field: getattr(state, field) for field in CONTENT_FIELDS}
    return {field: list(value) if isinstance(value, tuple) else value for field, value in values.items()}


def source_line(state: ViewState) -> str:
    """The slide images' source line, with {sources} for each chart's own and {url} for the page address."""
    return t("export.source_line", state.lang, sources="{sources}", date=date.today().isoformat(), url="{url}")


def page_charts(state: ViewState) -> dict[str, Chart]:
    """Every chart of the page, built once: the page draws them and the slide images take their texts."""
    ids_ = pages.corridor_chart_ids() if state.page == "corridors" else pages.profile_chart_ids()
    built = (pages.chart(state, chart_id) for chart_id in ids_)
    return {chart.name: chart for chart in built if chart is not None}


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
    subject, year = str(state.subject), state.resolved_cyear(views.options())
    if page == "country":
        title = t("profile.title", state.lang, country=queries.country_name(subject, state.lang))
    else:
        name = flows.subject_name(subject, state.lang)
        title = t(f"route.corridor_title_{state.direction}", state.lang, name=name, year=year)
    charts = page_charts(state)
    meta = page_parts.page_meta(state, list(charts.values()), source_line(state), title)
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
    headlines = flows.headlines(subject, state.direction, year, state.lang)
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
