"""Exports and sharing: data files (server), images for slides and copying (browser), the embed-code dialog."""

from __future__ import annotations

from datetime import date
from typing import Any

import flask
from dash import ALL, ClientsideFunction, Input, Output, State, callback, clientside_callback, ctx, dcc, no_update

from callbacks.views import to_state
from components import ids
from core.charts import registry
from core.data.store import get_store
from core.i18n.catalog import t
from core.state import inputs, settings
from core.state.urlstate import path_of
from core.web import embeds, exports

DATA_EXPORTS = {"view-csv": ("view", "csv"), "view-xlsx": ("view", "xlsx"), "series-csv": ("series", "csv"),
                "series-xlsx": ("series", "xlsx")}  # fmt: skip


def site_url() -> str:
    """The address embed codes and exports print (never a raw Host header: see settings.public_url)."""
    if not flask.has_request_context():
        return settings.public_url(None)
    return settings.public_url(flask.request.host, flask.request.scheme)


@callback(
    Output(ids.DOWNLOAD, "data"),
    Input(ids.data_export(ALL, ALL), "n_clicks"),
    State(ids.STATE, "data"),
    State(ids.URL, "search"),
    State(ids.URL, "pathname"),
    prevent_initial_call=True,
)
def download_data(clicks: Any, data: Any, search: Any, pathname: Any) -> Any:
    """The data behind the view, or the indicator's full series, with its metadata alongside."""
    trigger = ctx.triggered_id
    state = to_state(data)
    search = inputs.search(search)
    inputs.pathname(pathname)  # unused (the state has the page), but checked like everything a callback receives
    if state is None or not isinstance(trigger, dict) or trigger.get("format") not in DATA_EXPORTS:
        return no_update
    if not any(c > 0 for c in inputs.clicks(clicks)):  # a re-rendered menu, not a click
        return no_update
    what, kind = DATA_EXPORTS[trigger["format"]]
    chart = trigger.get("chart")
    link = path_of(state.page, state.subject) + (search if len(search) < 2048 else "")
    found = registry.spec(chart)
    if chart == ids.PROFILE_DATA and state.page == "country" and what == "view":
        table = exports.profile_table(state, site_url(), link, date.today())
    elif what == "series" and found is not None and found.series and found.page == state.page:
        table = exports.series_table(state, site_url(), link, date.today())
    elif what == "view" and (shown := registry.build(state, chart)) is not None:
        table = exports.chart_table(shown, state, site_url(), link, date.today())
    else:
        return no_update
    if kind == "csv":
        return dcc.send_bytes(exports.to_csv(table), f"{table.name}.csv", type=exports.CSV_MIME)
    content = exports.to_xlsx(table, t("export.about_sheet", state.lang), t("export.data_sheet", state.lang))
    return dcc.send_bytes(content, f"{table.name}.xlsx", type=exports.XLSX_MIME)


# No outputs: these functions only download a file or write to the clipboard.
clientside_callback(
    ClientsideFunction("lac", "exportImage"),
    Input(ids.image_export(ALL, ALL), "n_clicks"),
    State(ids.EXPORT_META, "data"),
    State(ids.PAGE_META, "data"),
    prevent_initial_call=True,
)

clientside_callback(
    ClientsideFunction("lac", "copyLink"),
    Output(ids.COPY_STATUS, "children"),
    Input(ids.COPY_LINK, "n_clicks"),
    State(ids.EXPORT_META, "data"),
    State(ids.PAGE_META, "data"),
    prevent_initial_call=True,
)

clientside_callback(
    ClientsideFunction("lac", "copyEmbed"),
    Input(ids.EMBED_COPY, "n_clicks"),
    State(ids.EMBED_CODE, "value"),
    prevent_initial_call=True,
)


@callback(
    Output(ids.EMBED_MODAL, "is_open"),
    Output(ids.EMBED_CODE, "value"),
    Input(ids.embed_open(ALL), "n_clicks"),
    Input(ids.EMBED_KIND, "value"),
    State(ids.STATE, "data"),
    State(ids.EMBED_CODE, "value"),
    prevent_initial_call=True,
)
def embed_code(clicks: Any, kind: Any, data: Any, current: Any) -> tuple[Any, Any]:
    """The lazy-loading iframe snippet of a chart, live or pinned to the current data version."""
    trigger = ctx.triggered_id
    state = to_state(data)
    kind = inputs.text(kind, "embed kind", inputs.EMBED_KINDS)
    current = inputs.embed_code(current)
    if state is None:
        return no_update, no_update
    if isinstance(trigger, dict):
        if not any(c > 0 for c in inputs.clicks(clicks)):
            return no_update, no_update
        chart = trigger.get("chart")
    else:  # the live/pinned switch: keep the chart of the code on show
        chart = embeds.chart_of(current)
    shown = registry.build(state, chart)  # None unless the id names a chart of the state's page
    if shown is None:
        return no_update, no_update
    version = get_store().version if kind == "pinned" else None
    return True, embeds.iframe(site_url(), shown, state, version)
