"""Browser-side callbacks (assets/dashboard.js): year swaps and the play animation need no server round-trip."""

from dash import ClientsideFunction, Input, Output, State, clientside_callback

from components import ids

NAMESPACE = "lac"

# The map is rebuilt in the browser from the frames store whenever the year, the frames or the selection change.
clientside_callback(
    ClientsideFunction(NAMESPACE, "mapFigure"),
    Output(ids.MAP, "figure"),
    Input(ids.FRAMES, "data"),
    Input(ids.YEAR, "value"),
    Input(ids.STATE, "data"),
)

# Play/pause toggles the ticker; the button label says what pressing it will do.
clientside_callback(
    ClientsideFunction(NAMESPACE, "togglePlay"),
    Output(ids.PLAYING, "data"),
    Output(ids.TICKER, "disabled"),
    Output(ids.PLAY, "children"),
    Output(ids.PLAY, "aria-label"),
    Output(ids.YEAR, "value", allow_duplicate=True),
    Input(ids.PLAY, "n_clicks"),
    Input(ids.TICKER, "n_intervals"),
    State(ids.PLAYING, "data"),
    State(ids.YEAR, "value"),
    State(ids.FRAMES, "data"),
    State(ids.PLAY, "children"),
    prevent_initial_call=True,
)

# Each tick moves the slider to the next year the indicator has.
clientside_callback(
    ClientsideFunction(NAMESPACE, "nextYear"),
    Output(ids.YEAR, "value", allow_duplicate=True),
    Input(ids.TICKER, "n_intervals"),
    State(ids.YEAR, "value"),
    State(ids.FRAMES, "data"),
    State(ids.PLAYING, "data"),
    prevent_initial_call=True,
)

# The slider's year reaches the server (URL, ranking, trend) only when it is not playing.
clientside_callback(
    ClientsideFunction(NAMESPACE, "commitYear"),
    Output(ids.COMMITTED_YEAR, "data"),
    Input(ids.YEAR, "value"),
    Input(ids.PLAYING, "data"),
    State(ids.COMMITTED_YEAR, "data"),
)

# dcc.Location can only push history entries; a corrected link must replace its own entry, or Back would loop.
clientside_callback(
    ClientsideFunction(NAMESPACE, "replaceUrl"),
    Input(ids.REPLACE_URL, "data"),
    prevent_initial_call=True,
)
