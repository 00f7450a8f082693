"""The dashboard page: header, linked controls, headline figures, map, trend, ranking, table and sources."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from components import ids
from components.pages import corridor_shell, profile_shell
from components.share import copy_link, embed_dialog
from components.widgets import GRAPH_CONFIG, labelled, toggle


def header(text: dict[tuple[str, str], Any]) -> html.Header:
    return html.Header(
        dbc.Container(
            [
                html.Div(
                    [
                        html.H1(text[(ids.TITLE, "children")], id=ids.TITLE, className="app-title"),
                        html.P(text[(ids.SUBTITLE, "children")], id=ids.SUBTITLE, className="app-subtitle"),
                    ]
                ),
                html.Div(
                    [
                        copy_link(text),
                        html.Div(
                            [
                                html.Span(text[(ids.LABEL_PREFIX + ids.LANG, "children")],
                                          id=ids.LABEL_PREFIX + ids.LANG, className="visually-hidden"),
                                toggle(ids.LANG, text[(ids.LANG, "options")], "lang-toggle"),
                            ],
                            role="group", **{"aria-labelledby": ids.LABEL_PREFIX + ids.LANG},
                        ),
                    ],
                    className="header-tools",
                ),
            ],
            fluid=True,
            className="header-inner",
        ),
        className="app-header",
    )  # fmt: skip


def controls(text: dict[tuple[str, str], Any]) -> html.Section:
    """Indicator, focus, country selection and scale: each a labelled, keyboard-usable control."""

    def label(control_id: str) -> str:
        return text[(ids.LABEL_PREFIX + control_id, "children")]

    return html.Section(
        dbc.Row(
            [
                labelled(
                    ids.INDICATOR, label(ids.INDICATOR),
                    dcc.Dropdown(id=ids.INDICATOR, options=text[(ids.INDICATOR, "options")], clearable=False,
                                 searchable=False),
                    {"xs": 12, "md": 6, "xl": 3},
                ),
                labelled(
                    ids.FOCUS, label(ids.FOCUS),
                    dcc.Dropdown(id=ids.FOCUS, options=text[(ids.FOCUS, "options")], clearable=False,
                                 searchable=False),
                    {"xs": 12, "md": 6, "xl": 3},
                ),
                labelled(
                    ids.COUNTRIES, label(ids.COUNTRIES),
                    dcc.Dropdown(id=ids.COUNTRIES, options=text[(ids.COUNTRIES, "options")], multi=True,
                                 placeholder=text[(ids.COUNTRIES, "placeholder")],
                                 labels=text[(ids.COUNTRIES, "labels")]),
                    {"xs": 12, "md": 8, "xl": 4},
                ),
                labelled(
                    ids.SCALE, label(ids.SCALE), toggle(ids.SCALE, text[(ids.SCALE, "options")], "scale-toggle"),
                    {"xs": 12, "md": 4, "xl": 2},
                ),
            ],
            className="g-3",
        ),
        className="controls",
    )  # fmt: skip


def headline_cards() -> html.Section:
    return html.Section(id=ids.HEADLINES, className="headlines", **{"aria-live": "polite"})


def sources_line(element_id: str) -> html.P:
    return html.P(id=element_id, className="sources-line")


def map_panel(text: dict[tuple[str, str], Any]) -> html.Section:
    """The map (or its table), the year slider with play/pause, and the map's sources line."""
    view_toggle = toggle(ids.VIEW, text[(ids.VIEW, "options")], "view-toggle")
    return html.Section(
        [
            html.Div(
                [
                    html.H2(id=ids.MAP_TITLE, className="chart-title"),
                    html.Div([view_toggle, menu(ids.CHARTS[0], text)], className="chart-tools"),
                ],
                className="chart-head",
            ),
            html.Div(
                [
                    html.Button(
                        text[(ids.PLAY, "children")],
                        id=ids.PLAY,
                        className="btn btn-primary btn-sm play-button",
                        type="button",
                        **{"aria-label": text[(ids.PLAY, "aria-label")]},
                    ),
                    html.Div(
                        dcc.Slider(
                            id=ids.YEAR, min=0, max=1, step=None, marks={}, included=False, allow_direct_input=False
                        ),
                        className="year-slider",
                    ),
                ],
                className="timeline",
            ),
            html.Div(
                dcc.Graph(id=ids.MAP, config=GRAPH_CONFIG, className="map-graph", clear_on_unhover=True),
                id="map-wrap",
            ),
            html.Div(id=ids.TABLE, className="table-wrap", hidden=True),
            html.P(id=ids.MAP_NOTE, className="map-note"),
            sources_line(f"{ids.SOURCES}-map"),
        ],
        className="panel map-panel",
    )


def menu(chart: str, text: dict[tuple[str, str], Any]) -> html.Div:
    return html.Div(text[(ids.MENU_WRAP + chart, "children")], id=ids.MENU_WRAP + chart)


def chart_panel(
    title_id: str, graph_id: str, sources_id: str, text: dict[tuple[str, str], Any], extra_class: str = ""
) -> html.Section:
    return html.Section(
        [
            html.Div([html.H2(id=title_id, className="chart-title"), menu(graph_id, text)], className="chart-head"),
            html.Div(dcc.Graph(id=graph_id, config=GRAPH_CONFIG), className=f"graph-wrap {extra_class}"),
            sources_line(sources_id),
        ],
        className="panel",
    )


def about_panel(text: dict[tuple[str, str], Any]) -> html.Details:
    return html.Details(
        [
            html.Summary(text[(ids.ABOUT_SUMMARY, "children")], id=ids.ABOUT_SUMMARY),
            html.Div(id=ids.ABOUT, className="about-body"),
        ],
        className="panel about-panel",
    )


def dashboard(text: dict[tuple[str, str], Any]) -> html.Div:
    """The page at /: controls, headline figures, map, trend, ranking and the about panel."""
    return html.Div(
        [
            controls(text),
            html.Div(id=ids.PROFILE_LINKS, className="profile-links d-print-none"),
            headline_cards(),
            dbc.Row(
                [
                    dbc.Col(map_panel(text), xs=12, xl=7),
                    dbc.Col(
                        [
                            chart_panel(ids.TREND_TITLE, ids.TREND, f"{ids.SOURCES}-trend", text, "trend-wrap"),
                            chart_panel(ids.RANKING_TITLE, ids.RANKING, f"{ids.SOURCES}-ranking", text, "ranking-wrap"),
                        ],
                        xs=12,
                        xl=5,
                    ),
                ],
                className="g-3",
            ),
            about_panel(text),
        ],
        id=ids.DASHBOARD_PAGE,
    )


def page(text: dict[tuple[str, str], Any], browser_lang: str) -> html.Div:
    """The whole site in one layout: the path picks the page shown (dashboard, country profile or corridor view).
    Its state lives in the URL; the stores carry what the browser needs between callbacks."""
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.BROWSER_LANG, data=browser_lang),
            dcc.Store(id=ids.REPLACE_URL),
            dcc.Store(id=ids.DOC_TITLE, data=text[(ids.DOC_TITLE, "data")]),
            dcc.Store(id=ids.EXPORT_META),
            dcc.Store(id=ids.PAGE_META),
            dcc.Download(id=ids.DOWNLOAD),
            embed_dialog(text),
            dcc.Store(id=ids.STATE),
            dcc.Store(id=ids.VIEW_KEY),
            dcc.Store(id=ids.FRAMES),
            dcc.Store(id=ids.COMMITTED_YEAR),
            dcc.Store(id=ids.PLAYING, data=False),
            dcc.Interval(id=ids.TICKER, interval=900, disabled=True),
            header(text),
            html.Main(
                dbc.Container(
                    [
                        html.Div(id=ids.NOTICE, role="status"),
                        dashboard(text),
                        profile_shell(text),
                        corridor_shell(text),
                    ],
                    fluid=True,
                ),
                id="main",
            ),
            html.Footer(
                dbc.Container(text[(ids.FOOTER, "children")], id=ids.FOOTER, fluid=True), className="app-footer"
            ),
        ]
    )
