"""The dashboard's browser-side callbacks (assets/dashboard.js): the map of every year is fetched once per view and
the browser swaps years, plays the animation and outlines the selection itself, with no server round trip."""

from dash import ALL, ClientsideFunction, Input, Output, State, clientside_callback

from components import ids

NAMESPACE = "lac"

# The map of every year of the view, fetched from its (cacheable) address once the page has drawn.
clientside_callback(
    ClientsideFunction(NAMESPACE, "loadFrames"),
    Output(ids.FRAMES, "data"),
    Input(ids.FRAMES_URL, "data"),
)

# The map is redrawn in the browser when the year, the frames or the selection change (not for the view the server
# has drawn already).
clientside_callback(
    ClientsideFunction(NAMESPACE, "mapFigure"),
    Output(ids.MAP, "figure"),
    Input(ids.FRAMES, "data"),
    Input(ids.YEAR, "value"),
    Input(ids.COUNTRIES, "data"),
    State(ids.FRAMES_URL, "data"),
    prevent_initial_call=True,
)

# Play/pause toggles the ticker; the button label says what pressing it will do.
clientside_callback(
    ClientsideFunction(NAMESPACE, "togglePlay"),
    Output(ids.PLAYING, "data"),
    Output(ids.TICKER, "disabled"),
    Output(ids.PLAY, "children"),
    Output(ids.PLAY, "aria-label"),
    Output(ids.YEAR, "value", allow_duplicate=True),
    Output(ids.TICKER, "interval"),
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

# The slider's year reaches the server (address, ranking, trend) only when it is not playing.
clientside_callback(
    ClientsideFunction(NAMESPACE, "commitYear"),
    Output(ids.COMMITTED_YEAR, "data"),
    Input(ids.YEAR, "value"),
    Input(ids.PLAYING, "data"),
    State(ids.COMMITTED_YEAR, "data"),
    prevent_initial_call=True,
)

# The country picker (components/picker.py): a name typed or picked from the suggestions joins the selection and the
# field empties, keeping the focus, so the next name can be typed at once; a selected country's button removes it.
clientside_callback(
    ClientsideFunction(NAMESPACE, "pickCountry"),
    Output(ids.COUNTRIES, "data", allow_duplicate=True),
    Output(ids.COUNTRY_INPUT, "value"),
    Input(ids.COUNTRY_INPUT, "value"),
    State(ids.COUNTRIES, "data"),
    prevent_initial_call=True,
)

clientside_callback(
    ClientsideFunction(NAMESPACE, "removeCountry"),
    Output(ids.COUNTRIES, "data", allow_duplicate=True),
    Input(ids.remove_country(ALL), "n_clicks"),
    State(ids.COUNTRIES, "data"),
    prevent_initial_call=True,
)
