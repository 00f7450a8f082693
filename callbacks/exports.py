"""Exports and sharing on every page: data files (server), images for slides and copying (browser), the embed-code
dialog. Each goes through the chart registry, so it works for any chart of any page."""

from __future__ import annotations

from datetime import date
from typing import Any

import flask
from dash import ALL, ClientsideFunction, Input, Output, State, callback, clientside_callback, ctx, dcc, no_update

from components import ids
from core.charts import registry
from core.data.store import get_store
from core.i18n.catalog import t
from core.state import inputs, settings
from core.state.options import options
from core.state.urlstate import ViewState, encode, path_of
from core.web import embeds, exports

FORMATS = {
    "view-csv": ("view", "csv"),
    "view-xlsx": ("view", "xlsx"),
    "series-csv": ("series", "csv"),
    "series-xlsx": ("series", "xlsx"),
}


def site_url() -> str:
    """The address embed codes and exports print (never a raw Host header: see settings.public_url)."""
    if not flask.has_request_context():
        return settings.public_url(None)
    return settings.public_url(flask.request.host, flask.request.scheme)


def data_file(state: ViewState, chart: Any, what: str) -> exports.Table | None:
    """The table a Download menu entry asks for: a chart's data, a dashboard indicator's full series, or a profile's
    figures and comparison; None when the entry names nothing on the state's page."""
    link = path_of(state.page, state.subject) + encode(state, options())
    found = registry.spec(chart)
    if chart == ids.PROFILE_DATA and state.page == "country" and what == "view":
        return exports.profile_table(state, site_url(), link, date.today())
    if chart == ids.THEN_AND_NOW_DATA and state.page == "thennow" and what == "view":
        return exports.then_and_now_table(state, site_url(), link, date.today())
    if what == "series" and found is not None and found.series and found.page == state.page:
        return exports.series_table(state, site_url(), link, date.today())
    shown = registry.build(state, chart) if what == "view" else None
    return None if shown is None else exports.chart_table(shown, state, site_url(), link, date.today())


@callback(
    output={"file": Output(ids.DOWNLOAD, "data")},
    inputs={"clicks": Input(ids.data_export(ALL, ALL), "n_clicks"), "data": State(ids.STATE, "data")},
    prevent_initial_call=True,
)
def download_data(clicks: Any, data: Any) -> dict[str, Any]:
    """The data behind a chart (or the indicator's full series, or a profile's figures), with its metadata."""
    trigger = ctx.triggered_id
    state = inputs.view_state(data, options())
    if not any(c > 0 for c in inputs.clicks(clicks)) or not isinstance(trigger, dict):  # a menu drawn, not a click
        return {"file": no_update}
    what, kind = FORMATS.get(str(trigger.get("format")), ("", ""))
    table = data_file(state, trigger.get("chart"), what)
    if table is None:
        return {"file": no_update}
    if kind == "csv":
        return {"file": dcc.send_bytes(exports.to_csv(table), f"{table.name}.csv", type=exports.CSV_MIME)}
    content = exports.to_xlsx(table, t("export.about_sheet", state.lang), t("export.data_sheet", state.lang))
    return {"file": dcc.send_bytes(content, f"{table.name}.xlsx", type=exports.XLSX_MIME)}


@callback(
    output={"open": Output(ids.EMBED_MODAL, "is_open"), "code": Output(ids.EMBED_CODE, "value")},
    inputs={
        "clicks": Input(ids.embed_open(ALL), "n_clicks"),
        "kind": Input(ids.EMBED_KIND, "value"),
        "data": State(ids.STATE, "data"),
        "current": State(ids.EMBED_CODE, "value"),
    },
    prevent_initial_call=True,
)
def embed_code(clicks: Any, kind: Any, data: Any, current: Any) -> dict[str, Any]:
    """The lazy-loading iframe snippet of a chart, live or pinned to the current data edition."""
    trigger = ctx.triggered_id
    state = inputs.view_state(data, options())
    pinned = inputs.text(kind, "embed kind", inputs.EMBED_KINDS) == "pinned"
    current = inputs.embed_code(current)
    if isinstance(trigger, dict):
        chart = trigger.get("chart") if any(c > 0 for c in inputs.clicks(clicks)) else None
    else:  # the live/pinned switch: keep the chart of the code on show
        chart = embeds.chart_of(current)
    shown = registry.build(state, chart)  # None unless the id names a chart of the state's page
    if shown is None:
        return {"open": no_update, "code": no_update}
    edition = get_store().edition if pinned else None
    return {"open": True, "code": embeds.iframe(site_url(), shown, state, edition)}


# No outputs: these functions only download a file or write to the clipboard.
clientside_callback(
    ClientsideFunction("lac", "exportImage"),
    Input(ids.image_export(ALL, ALL), "n_clicks"),
    State(ids.PAGE_META, "data"),
    prevent_initial_call=True,
)

clientside_callback(
    ClientsideFunction("lac", "copyLink"),
    Output(ids.COPY_STATUS, "children"),
    Input(ids.COPY_LINK, "n_clicks"),
    State(ids.PAGE_META, "data"),
    prevent_initial_call=True,
)

# The address of a chart's numbers (core/web/opendata.py), from the page meta the server wrote for the view shown.
clientside_callback(
    ClientsideFunction("lac", "copyDataLink"),
    Output(ids.COPY_STATUS, "children", allow_duplicate=True),
    Input(ids.data_link(ALL), "n_clicks"),
    State(ids.PAGE_META, "data"),
    prevent_initial_call=True,
)

clientside_callback(
    ClientsideFunction("lac", "copyEmbed"),
    Input(ids.EMBED_COPY, "n_clicks"),
    State(ids.EMBED_CODE, "value"),
    prevent_initial_call=True,
)

# The one-page briefing: the browser's print dialog, with the profile's print stylesheet (assets/style.css).
clientside_callback(
    ClientsideFunction("lac", "printPage"),
    Input(ids.PRINT, "n_clicks"),
    prevent_initial_call=True,
)

# dcc.Location can only push history entries; a corrected link must replace its own entry, or Back would loop.
clientside_callback(
    ClientsideFunction("lac", "replaceUrl"),
    Input(ids.REPLACE_URL, "data"),
)
