"""The dashboard page: header, linked controls, headline figures, map, trend, ranking, table and sources."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from components import ids
from core.i18n import t

GRAPH_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    # plotly's geo subplot fetches world_110m.json whenever locationmode is set; serve a local stub instead.
    "topojsonURL": "/assets/topojson/",
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "zoomIn2d", "zoomOut2d", "autoScale2d"],
    "toImageButtonOptions": {"format": "png", "width": 1600, "height": 900, "scale": 1},
}


def labelled(label: str, control: object, html_for: str, width: dict[str, int]) -> dbc.Col:
    return dbc.Col([dbc.Label(label, html_for=html_for, className="control-label"), control], **width)


def header(lang: str) -> html.Header:
    return html.Header(
        dbc.Container(
            [
                html.H1(t("app.title", lang), className="app-title"),
                html.P(t("app.subtitle", lang), className="app-subtitle"),
            ],
            fluid=True,
        ),
        className="app-header",
    )


def controls(lang: str, indicators: list[dict[str, str]], focuses: list[dict[str, str]],
             countries: list[dict[str, str]]) -> html.Section:  # fmt: skip
    """Indicator, focus, country selection and scale: each a labelled, keyboard-usable control."""
    return html.Section(
        dbc.Row(
            [
                labelled(
                    t("controls.indicator", lang),
                    dcc.Dropdown(id=ids.INDICATOR, options=indicators, clearable=False, searchable=False),
                    ids.INDICATOR, {"xs": 12, "md": 6, "xl": 3},
                ),
                labelled(
                    t("controls.focus", lang),
                    dcc.Dropdown(id=ids.FOCUS, options=focuses, clearable=False, searchable=False),
                    ids.FOCUS, {"xs": 12, "md": 6, "xl": 3},
                ),
                labelled(
                    t("controls.countries", lang),
                    dcc.Dropdown(
                        id=ids.COUNTRIES, options=countries, multi=True,
                        placeholder=t("controls.countries_placeholder", lang),
                    ),
                    ids.COUNTRIES, {"xs": 12, "md": 8, "xl": 4},
                ),
                labelled(
                    t("controls.scale", lang),
                    dbc.RadioItems(
                        id=ids.SCALE,
                        options=[
                            {"label": t("controls.scale_linear", lang), "value": "linear"},
                            {"label": t("controls.scale_log", lang), "value": "log"},
                        ],
                        inline=True, className="btn-group scale-toggle",
                        inputClassName="btn-check", labelClassName="btn btn-outline-secondary btn-sm",
                        labelCheckedClassName="active",
                    ),
                    ids.SCALE, {"xs": 12, "md": 4, "xl": 2},
                ),
            ],
            className="g-3",
        ),
        className="controls",
        **{"aria-label": t("controls.region", lang)},
    )  # fmt: skip


def headline_cards() -> html.Section:
    return html.Section(id=ids.HEADLINES, className="headlines", **{"aria-live": "polite"})


def sources_line(element_id: str) -> html.P:
    return html.P(id=element_id, className="sources-line")


def map_panel(lang: str) -> html.Section:
    """The map (or its table), the year slider with play/pause, and the map's sources line."""
    view_toggle = dbc.RadioItems(
        id=ids.VIEW,
        options=[{"label": t("view.map", lang), "value": "map"}, {"label": t("view.table", lang), "value": "table"}],
        inline=True, className="btn-group view-toggle",
        inputClassName="btn-check", labelClassName="btn btn-outline-secondary btn-sm", labelCheckedClassName="active",
    )  # fmt: skip
    return html.Section(
        [
            html.Div([html.H2(id=ids.MAP_TITLE, className="chart-title"), view_toggle], className="chart-head"),
            html.Div(
                dcc.Graph(id=ids.MAP, config=GRAPH_CONFIG, className="map-graph", clear_on_unhover=True),
                id="map-wrap",
            ),
            html.Div(id=ids.TABLE, className="table-wrap", hidden=True),
            html.Div(
                [
                    html.Button(
                        t("play.play", lang),
                        id=ids.PLAY,
                        className="btn btn-primary btn-sm play-button",
                        type="button",
                        **{"aria-label": t("play.play_label", lang)},
                    ),
                    html.Div(
                        dcc.Slider(id=ids.YEAR, min=0, max=1, step=None, marks={}, included=False),
                        className="year-slider",
                    ),
                ],
                className="timeline",
            ),
            html.P(id=ids.MAP_NOTE, className="map-note"),
            sources_line(f"{ids.SOURCES}-map"),
        ],
        className="panel map-panel",
    )


def chart_panel(title_id: str, graph_id: str, sources_id: str, extra_class: str = "") -> html.Section:
    return html.Section(
        [
            html.H2(id=title_id, className="chart-title"),
            html.Div(dcc.Graph(id=graph_id, config=GRAPH_CONFIG), className=f"graph-wrap {extra_class}"),
            sources_line(sources_id),
        ],
        className="panel",
    )


def about_panel(lang: str) -> html.Details:
    return html.Details(
        [html.Summary(t("about.title", lang)), html.Div(id=ids.ABOUT, className="about-body")],
        className="panel about-panel",
    )


def page(lang: str, indicators: list[dict[str, str]], focuses: list[dict[str, str]],
         countries: list[dict[str, str]], data_version: str) -> html.Div:  # fmt: skip
    """The whole page. Its state lives in the URL; the stores carry what the browser needs between callbacks."""
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.STATE),
            dcc.Store(id=ids.VIEW_KEY),
            dcc.Store(id=ids.FRAMES),
            dcc.Store(id=ids.COMMITTED_YEAR),
            dcc.Store(id=ids.PLAYING, data=False),
            dcc.Interval(id=ids.TICKER, interval=900, disabled=True),
            header(lang),
            html.Main(
                dbc.Container(
                    [
                        controls(lang, indicators, focuses, countries),
                        html.Div(id=ids.NOTICE, role="status"),
                        headline_cards(),
                        dbc.Row(
                            [
                                dbc.Col(map_panel(lang), xs=12, xl=7),
                                dbc.Col(
                                    [
                                        chart_panel(ids.TREND_TITLE, ids.TREND, f"{ids.SOURCES}-trend", "trend-wrap"),
                                        chart_panel(
                                            ids.RANKING_TITLE, ids.RANKING, f"{ids.SOURCES}-ranking", "ranking-wrap"
                                        ),
                                    ],
                                    xs=12,
                                    xl=5,
                                ),
                            ],
                            className="g-3",
                        ),
                        about_panel(lang),
                    ],
                    fluid=True,
                ),
                id="main",
            ),
            html.Footer(
                dbc.Container(t("footer.text", lang, version=data_version), fluid=True), className="app-footer"
            ),
        ]
    )
