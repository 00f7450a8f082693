"""The dashboard (/): linked controls, headline figures, the map with its timeline (or its table), the trend, the
ranking and the about panel, all drawn on the server from the view state; `parts` gives every piece a callback
refreshes, so the first page and each update come from the same function."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import asdict
from functools import cache, partial
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html, no_update

from components import ids, picker, shell
from components.share import export_menu
from components.widgets import (
    GRAPH_CONFIG,
    attrs,
    chart_words,
    described,
    headline_cards,
    labelled,
    sources_line,
    toggle,
)
from core.charts import registry, texts
from core.charts.dashboard import common, headlines, mapview
from core.charts.model import Chart
from core.data import queries
from core.i18n.catalog import t
from core.state.options import options
from core.state.urlstate import ViewState, encode, href
from core.web import exports, opendata, routes


def store(state: ViewState) -> dict[str, Any]:
    """The state as the view-state store holds it (JSON: lists, not tuples)."""
    return {**asdict(state), "rejected": list(state.rejected), "countries": list(state.countries)}


def year_marks(indicator: str, years: tuple[int, ...]) -> dict[int, str]:
    """Every data year is a stop; labels on each year of 5-yearly series, the ends and every fifth of annual ones,
    as the source writes them ("2015/16")."""
    sparse = len(years) > 8  # ten annual labels already collide on a phone
    shown = (y for y in years if not sparse or y % 5 == 0 or y in (years[0], years[-1]))
    return {**dict.fromkeys(years, ""), **{y: texts.year_label(indicator, y) for y in shown}}


def profile_links(state: ViewState, browser_lang: str | None) -> list[Any]:
    """The selected countries' profiles (or how to select one), and the focus's corridor view."""
    lang = state.lang
    if state.countries:
        out: list[Any] = [html.Span(t("route.profiles_label", lang), className="profile-links-label")]
        out += [
            html.A(
                queries.country_name(code, lang),
                href=href(state, options(), browser_lang, "country", code),
                className="btn btn-sm btn-outline-primary profile-link",
            )
            for code in state.countries
        ]
    else:
        out = [html.Span(t("route.profiles_hint", lang), className="profile-hint")]
    if state.focus in options().groups:
        text = t("route.focus_corridors", lang, group=texts.group_name(state.focus, lang))
        out.append(
            html.A(
                text,
                href=href(state, options(), browser_lang, "corridors", state.focus),
                id=ids.FOCUS_CORRIDORS,
                className="focus-corridors",
            )
        )
    return out


def data_table(state: ViewState, browser_lang: str | None) -> html.Table:
    """The map's data as a real table: the text alternative for screen readers and for copying numbers."""
    lang = state.lang
    head = html.Thead(
        html.Tr([html.Th(t(f"table.{c}", lang), scope="col") for c in ("rank", "country", "value", "year")])
    )
    rows = [
        html.Tr(
            [
                html.Td(r["rank"]),
                html.Th(
                    html.A(r["name"], href=href(state, options(), browser_lang, "country", r["iso3"])), scope="row"
                ),
                html.Td(r["display"], className="num"),
                html.Td(r["year"]),
            ]
        )
        for r in mapview.table_rows(state).to_dict("records")
    ]
    caption = html.Caption(mapview.map_title(state), className="visually-hidden")
    return html.Table([caption, head, html.Tbody(rows)], className="table table-sm table-striped data-table")


def about(state: ViewState) -> list[Any]:
    """Definition, unit, coverage, edition, how group figures are formed, caveats, citation and licence of the
    indicator, from its metadata; what the focus group holds (the link to every source and change follows it, with
    the view: part "sources_link")."""
    lang = state.lang
    meta = queries.indicator_meta(state.indicator)
    caveats = {c[lang] for c in meta["caveats"]}
    years = [texts.year_label(state.indicator, y) for y in meta["years"]]
    coverage = (
        t("about.coverage_one", lang, year=years[0])
        if len(years) == 1
        else t("about.coverage_text", lang, first=years[0], last=years[-1], count=len(years))
    )
    edition = t(
        "about.edition_text",
        lang,
        sources=", ".join(meta.get("edition_labels") or ()),
        edition=texts.edition_label(lang),
    )
    rows = [
        (t("about.definition", lang), meta["definition"][lang]),
        (t("about.unit", lang), t(f"unit.{meta['unit']}", lang)),
        (t("about.coverage", lang), coverage),
        (t("about.edition", lang), edition),
        (t("about.groups", lang), common.group_rule(state.indicator, lang)),
        (t("about.citation", lang), " ".join(meta["citation"])),
        (t("about.licence", lang), meta["licence"][lang]),
    ]
    return [
        html.H3(texts.label(state.indicator, lang)),
        html.Dl([item for term, text in rows if text for item in (html.Dt(term), html.Dd(text))]),
        html.H4(t("about.caveats", lang)),
        html.Ul([html.Li(c[lang]) for c in meta["caveats"]]),
        html.H4(texts.group_name(state.focus, lang)),
        # A group's note that is already one of the indicator's caveats (how LAC counts territories) is said once.
        *(html.P(text) for text in texts.group_notes(state.focus, lang) if text not in caveats),
    ]


def focus_note(state: ViewState) -> list[Any]:
    """Under the headline totals: what the focus group holds, and (one click away) how its territories count."""
    note = texts.group_note(state.focus, state.lang)
    caveats = texts.group_caveats(state.focus, state.lang)
    more = (
        html.Details(
            [html.Summary(t("group.caveats", state.lang)), *(html.P(c) for c in caveats)], className="focus-caveats"
        )
        if caveats
        else None
    )
    return [html.P(note), more] if note else [more]


# What each piece follows: the aspects of the view (`aspects`) whose change draws it again (the view-state store,
# "state", goes with every change). A callback sends only the pieces a change touches (the rest stay as drawn);
# tests/test_callbacks.py checks that a piece is the same in two views that differ only in aspects it does not
# list. "address" is the view's query string: the pieces with links keep the view in them.
FOLLOWS: dict[str, frozenset[str]] = {
    name: frozenset(follows.split())
    for name, follows in {
        "indicator": "indicator",
        "focus": "focus",
        "countries": "countries",
        "country_chips": "countries lang",
        "country_list": "focus lang",
        "scale": "scale",
        "view": "view",
        "year_min": "indicator",
        "year_max": "indicator",
        "year_marks": "indicator",
        "play_disabled": "indicator",
        "year_value": "year",
        "committed": "year",
        "frames_url": "indicator focus scale lang",
        "trend": "indicator focus scale year countries lang",
        "ranking": "indicator focus scale year countries lang",
        "headlines": "focus year lang",
        "focus_note": "focus lang",
        "table": "address lang",
        "table_hidden": "view",
        "map_hidden": "view",
        **{f"words_{name}": "address lang" for name in ids.DASHBOARD_CHARTS},
        "map_title": "indicator focus year lang",
        "trend_title": "indicator focus year lang",
        "ranking_title": "indicator focus year lang",
        "map_note": "indicator focus lang",
        "sources_map": "indicator lang",
        "sources_trend": "indicator lang",
        "sources_ranking": "indicator lang",
        "about": "indicator focus lang",
        "sources_link": "address lang",
        **{f"link_{name}": "address lang" for name in shell.VIEW_LINKS},
        "profile_links": "address lang",
        "meta": "address lang",
    }.items()
}


def aspects(state: ViewState, browser_lang: str | None) -> dict[str, Any]:
    """The view as the dashboard's pieces follow it (FOLLOWS): the year and scale as shown (a default resolved)."""
    valid = options()
    return {
        "indicator": state.indicator,
        "focus": state.focus,
        "scale": state.resolved_scale(valid),
        "year": state.resolved_year(valid),
        "countries": state.countries,
        "view": state.view,
        "lang": state.lang,
        "address": encode(state, valid, browser_lang),
    }


def touched(old: ViewState, new: ViewState, browser_lang: str | None) -> set[str]:
    """The pieces the move from `old` to `new` draws again: the store and those following an aspect that changed."""
    before, after = aspects(old, browser_lang), aspects(new, browser_lang)
    moved = {name for name, value in after.items() if before[name] != value}
    pieces = {"state", *(piece for piece, follows in FOLLOWS.items() if follows & moved)}
    return pieces if new.view == "table" else pieces - {"table"}  # a hidden table is drawn when it is shown


def parts(
    state: ViewState,
    browser_lang: str | None,
    charts: dict[str, Chart] | None = None,
    only: Collection[str] | None = None,
) -> dict[str, Any]:
    """Every piece of the dashboard that follows the view state, by the name of the output that carries it; with
    `only`, the others are `no_update` (and not built)."""
    lang = state.lang
    years = options().years[state.indicator]
    charts = charts or registry.page_charts(state)
    table_view = state.view == "table"
    sources = sources_line(texts.indicator_sources(state.indicator, lang), lang, more=True)
    links = cache(lambda: shell.view_links(state, browser_lang))  # the header's and footer's, built once if asked
    pieces: dict[str, Callable[[], Any]] = {
        "state": lambda: store(state),
        "indicator": lambda: state.indicator,
        "focus": lambda: state.focus,
        "countries": lambda: list(state.countries),
        "country_chips": lambda: picker.chips(state),
        "country_list": lambda: picker.suggestions(state),
        "scale": lambda: state.resolved_scale(options()),
        "view": lambda: state.view,
        "year_min": lambda: years[0],
        "year_max": lambda: years[-1],
        "year_marks": lambda: year_marks(state.indicator, years),
        "play_disabled": lambda: len(years) < 2,
        "year_value": lambda: state.resolved_year(options()),
        "committed": lambda: state.resolved_year(options()),
        "frames_url": lambda: routes.frames_url(state),
        "trend": lambda: charts["trend"].figure,
        "ranking": lambda: charts["ranking"].figure,
        "headlines": lambda: headline_cards(headlines.headlines(state)),
        "focus_note": lambda: focus_note(state),
        "table": lambda: data_table(state, browser_lang) if table_view else None,
        "table_hidden": lambda: not table_view,
        "map_hidden": lambda: table_view,
        **{f"words_{name}": partial(chart_words, charts[name], state) for name in ids.DASHBOARD_CHARTS},
        "map_title": lambda: charts["map"].title,
        "trend_title": lambda: charts["trend"].title,
        "ranking_title": lambda: charts["ranking"].title,
        "map_note": lambda: mapview.map_note(state),
        "sources_map": lambda: sources,
        "sources_trend": lambda: sources,
        "sources_ranking": lambda: sources,
        "about": lambda: about(state),
        "sources_link": lambda: links()[ids.FOOTER_SOURCES],  # the about panel's, as the footer's
        **{f"link_{name}": partial(lambda name: links()[name], name) for name in shell.VIEW_LINKS},
        "profile_links": lambda: profile_links(state, browser_lang),
        "meta": lambda: exports.image_meta(
            charts.values(),
            lang,
            charts["map"].file,
            "",
            opendata.links(state, tuple(charts)),
            opendata.pinned_files(state, tuple(charts)),
        ),
    }
    return {name: build() if only is None or name in only else no_update for name, build in pieces.items()}


def controls(state: ViewState, now: dict[str, Any]) -> html.Section:
    """Indicator, focus, country selection and scale: native, labelled, keyboard-usable controls."""
    lang = state.lang
    indicators = [{"label": texts.label(i, lang), "value": i} for i in options().years]
    focuses = [{"label": texts.group_name(f, lang), "value": f} for f in options().focuses]
    scales = [{"label": t(f"controls.scale_{s}", lang), "value": s} for s in ("linear", "log")]
    indicator = dbc.Select(id=ids.INDICATOR, options=indicators, value=now["indicator"], size="sm")
    focus = dbc.Select(id=ids.FOCUS, options=focuses, value=now["focus"], size="sm")
    return html.Section(
        dbc.Row(
            [
                labelled(ids.INDICATOR, t("controls.indicator", lang), indicator, {"xs": 12, "md": 6, "xl": 3}),
                labelled(ids.FOCUS, t("controls.focus", lang), focus, {"xs": 12, "md": 6, "xl": 3}),
                labelled(
                    ids.COUNTRY_INPUT,
                    t("controls.countries", lang),
                    picker.picker(state, now),
                    {"xs": 12, "md": 8, "xl": 4},
                ),
                labelled(
                    ids.SCALE,
                    t("controls.scale", lang),
                    toggle(ids.SCALE, scales, now["scale"], "scale-toggle"),
                    {"xs": 12, "md": 4, "xl": 2},
                    group=True,
                ),
            ],
            className="g-3",
        ),
        className="controls",
    )


def drawn_key(now: dict[str, Any]) -> str:
    """Which map the server drew (its frames, year and selection): the browser redraws it only for another
    (mapFigure in assets/dashboard.js builds the same key)."""
    return "|".join((now["frames_url"], str(now["year_value"]), ",".join(now["countries"])))


def map_panel(state: ViewState, now: dict[str, Any]) -> html.Section:
    """The map (or its table), the year slider with play/pause, and the map's notes and sources."""
    lang = state.lang
    views = [{"label": t(f"view.{v}", lang), "value": v} for v in ("map", "table")]
    play = html.Button(
        t("play.play", lang),
        id=ids.PLAY,
        disabled=now["play_disabled"],
        className="btn btn-primary btn-sm play-button",
        type="button",
        **attrs({"aria-label": t("play.play_label", lang)}),
    )
    slider = dcc.Slider(
        id=ids.YEAR,
        min=now["year_min"],
        max=now["year_max"],
        # One year per arrow key (without a step, Dash 4's slider moves by fractions of the range); the server snaps
        # a year without data to the next data year in the direction moved (core.state.controls.snap_year).
        step=1,
        marks=now["year_marks"],
        value=now["year_value"],
        included=False,
        allow_direct_input=False,
    )
    figure = mapview.map_figure(state, now["year_value"])
    return html.Section(
        [
            html.Div(
                [
                    html.H2(now["map_title"], id=ids.MAP_TITLE, className="chart-title"),
                    html.Div(
                        [
                            html.Div(
                                toggle(ids.VIEW, views, now["view"], "view-toggle"),
                                role="radiogroup",
                                **attrs({"aria-label": t("controls.view", lang)}),
                            ),
                            html.Div(export_menu("map", lang, series=True), id=ids.MENU_WRAP + "map"),
                        ],
                        className="chart-tools",
                    ),
                ],
                className="chart-head",
            ),
            html.Div(
                [
                    play,
                    html.Div(slider, className="year-slider", **attrs({"data-slider-label": t("controls.year", lang)})),
                ],
                className="timeline",
            ),
            described(
                "map",
                dcc.Graph(id=ids.MAP, figure=figure, config=GRAPH_CONFIG, className="map-graph"),
                id=ids.MAP_WRAP,
                hidden=now["map_hidden"],
                **attrs({"data-drawn": drawn_key(now)}),
            ),
            html.Div(now["table"], id=ids.TABLE, className="table-wrap", hidden=now["table_hidden"]),
            html.Div(now["words_map"], id=ids.CHART_WORDS + "map"),
            html.P(now["map_note"], id=ids.MAP_NOTE, className="map-note"),
            html.P(now["sources_map"], id=f"{ids.SOURCES}-map", className="sources-line"),
        ],
        className="panel map-panel",
    )


def chart_panel(chart_id: str, title_id: str, state: ViewState, now: dict[str, Any], wrap: str) -> html.Section:
    head = [
        html.H2(now[f"{chart_id}_title"], id=title_id, className="chart-title"),
        html.Div(export_menu(chart_id, state.lang, series=True), id=ids.MENU_WRAP + chart_id),
    ]
    return html.Section(
        [
            html.Div(head, className="chart-head"),
            described(
                chart_id,
                dcc.Graph(id=chart_id, figure=now[chart_id], config=GRAPH_CONFIG),
                className=f"graph-wrap {wrap}",
            ),
            html.Div(now[f"words_{chart_id}"], id=ids.CHART_WORDS + chart_id),
            html.P(now[f"sources_{chart_id}"], id=f"{ids.SOURCES}-{chart_id}", className="sources-line"),
        ],
        className="panel",
    )


def layout(state: ViewState, browser_lang: str | None, charts: dict[str, Chart]) -> tuple[list[Any], dict[str, Any]]:
    """The dashboard's content and its image-export texts, for the view `state`."""
    now = parts(state, browser_lang, charts)
    content = [
        dcc.Store(id=ids.FRAMES_URL, data=now["frames_url"]),
        dcc.Store(id=ids.FRAMES),
        dcc.Store(id=ids.COMMITTED_YEAR, data=now["committed"]),
        dcc.Store(id=ids.PLAYING, data=False),
        dcc.Interval(id=ids.TICKER, interval=900, disabled=True),
        html.Button(
            t("controls.change_view", state.lang),
            type="button",
            className="btn btn-outline-secondary btn-sm controls-toggle d-print-none",
            **attrs({"aria-expanded": "false"}),
        ),
        controls(state, now),
        html.Div(now["profile_links"], id=ids.PROFILE_LINKS, className="profile-links d-print-none"),
        html.Section(now["headlines"], id=ids.HEADLINES, className="headlines", **attrs({"aria-live": "polite"})),
        html.Div(now["focus_note"], id=ids.FOCUS_NOTE, className="chart-note focus-note"),
        dbc.Row(
            [
                dbc.Col(map_panel(state, now), xs=12, xl=7),
                dbc.Col(
                    [
                        chart_panel("trend", ids.TREND_TITLE, state, now, "trend-wrap"),
                        chart_panel("ranking", ids.RANKING_TITLE, state, now, "ranking-wrap"),
                    ],
                    xs=12,
                    xl=5,
                ),
            ],
            className="g-3",
        ),
        html.Details(
            [
                html.Summary(t("about.title", state.lang)),
                html.Div(
                    [
                        html.Div(now["about"], id=ids.ABOUT),
                        html.P(
                            html.A(t("sources_page.link", state.lang), href=now["sources_link"], id=ids.SOURCES_LINK)
                        ),
                    ],
                    className="about-body",
                ),
            ],
            className="panel about-panel",
        ),
    ]
    return content, now["meta"]
