"""The briefing pack's two browser-side callbacks (assets/pack.js): a chart's "Add to briefing pack" captures the chart
as the page shows it, the header's button opens the pack. Neither calls the server: the pack is the browser's."""

from __future__ import annotations

from dash import ALL, ClientsideFunction, Input, State, clientside_callback

from components import ids

# No outputs: the pack is kept in the browser's IndexedDB, and its count and status lines are written there.
clientside_callback(
    ClientsideFunction("pack", "add"),
    Input(ids.pack_add(ALL), "n_clicks"),
    State(ids.PAGE_META, "data"),
    State(ids.PACK_TEXTS, "data"),
    prevent_initial_call=True,
)

clientside_callback(
    ClientsideFunction("pack", "open"),
    Input(ids.PACK_OPEN, "n_clicks"),
    State(ids.PACK_TEXTS, "data"),
    prevent_initial_call=True,
)
