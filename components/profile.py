"""The country profile (/country/<ISO3>): its headline figures, the comparison with its groups, every indicator's
trend, skilled emigration by sex and its corridors, drawn on the server. Every link keeps the visitor's view."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import dash_bootstrap_components as dbc
from dash import html

from components import ids
from components.share import profile_menu
from components.widgets import attrs, back_link, chart_panel, headline_cards, page_link, scrolling
from core.charts import profile, registry, texts, thennow
from core.charts.model import Chart, Headline
from core.data import queries
from core.i18n.catalog import t
from core.state.options import options
from core.state.urlstate import MAX_COUNTRIES, ViewState, href
from core.web import exports, opendata


def _figure_cards(state: ViewState) -> list[Any]:
    figures = profile.headline_figures(state)
    cards = [Headline(f.label, f.value, f.note) for f in figures]
    return [html.Section(headline_cards(cards), className="headlines profile-headlines")]


def _comparison(state: ViewState) -> html.Section:
    lang = state.lang
    chosen = profile.compared_groups(state)
    shared = profile.share_group(state)
    # Groups by their short names ("SICA", "LAC, states and territories"; the full name on hover and in the notes
    # below), so four groups fit an A4 brief.
    columns = [
        (t("profile.indicator", lang), None),
        (t("table.year_plain", lang), None),
        (queries.country_name(str(state.subject), lang), None),
        *((texts.group_name(g, lang, "short_name"), texts.group_name(g, lang)) for g in chosen),
    ]
    if shared:
        columns.append(
            (
                t("profile.share_of", lang, group=texts.group_name(shared, lang, "short_name")),
                t("profile.share_of", lang, group=texts.group_name(shared, lang)),
            )
        )
    rows = [
        html.Tr(
            [
                html.Th(row.label, scope="row"),
                html.Td(texts.year_label(row.indicator, row.year) if row.year else "", className="num"),
                html.Td(row.country, className="num fw-semibold"),
                *(html.Td(cell, className="num") for cell in row.groups),
                *([html.Td(row.share, className="num")] if shared else []),
            ]
        )
        for row in profile.comparison(state)
    ]
    table = html.Table(
        [html.Thead(html.Tr([html.Th(c, scope="col", title=full) for c, full in columns])), html.Tbody(rows)],
        className="table table-sm comparison-table",
    )
    # What each group holds (Central America in UN M49 includes Mexico), and once, how territories are counted.
    said = dict.fromkeys(note for g in chosen for note in texts.group_notes(g, lang))
    notes = [html.P(note, className="chart-note group-note") for note in said]
    return html.Section(
        [
            html.H2(t("profile.comparison_title", lang), className="chart-title"),
            *scrolling(table, t("profile.comparison_title", lang), lang, "table-wrap"),
            html.Div([html.P(t("profile.comparison_note", lang), className="chart-note"), *notes], className="notes"),
        ],
        className="panel comparison-panel",
    )


def _dashboard_view(state: ViewState, indicator: str, code: str) -> ViewState:
    """The dashboard on one indicator with this country selected, in the visitor's focus (its year when valid)."""
    keep_year = state.year if state.indicator == indicator else None
    countries = state.countries if code in state.countries else (*state.countries, code)[-MAX_COUNTRIES:]
    return replace(state, indicator=indicator, year=keep_year, scale=None, countries=countries)


DASHES = {"solid": "solid", "dash": "dashed", "dot": "dotted"}  # plotly's line dashes as CSS border styles


def brief_key(charts: dict[str, Chart]) -> html.Div:
    """The printed brief's one key to its small trends (the country, its subregion, the region): on paper each
    chart is too small for a legend of its own (assets/dashboard.js hides theirs in print)."""
    trends = [c for i, c in charts.items() if i.startswith("pf-trend-")]
    drawn: list[dict[str, Any]] = max((c.figure["data"] for c in trends), key=len, default=[])
    entries = [
        html.Span(
            [
                html.Span(
                    className="brief-key-line",
                    style={"borderTopColor": trace["line"]["color"], "borderTopStyle": DASHES[trace["line"]["dash"]]},
                ),
                trace["name"],
            ],
            className="brief-key-entry",
        )
        for trace in drawn
    ]
    names = [trace["name"] for trace in drawn]
    return html.Div(entries, className="brief-key", **attrs({"aria-hidden": "true", "data-names": json.dumps(names)}))


def _then_and_now(state: ViewState, browser_lang: str | None, code: str) -> list[html.A]:
    """Where the 2005 expert group named this country (Mexico, Colombia, El Salvador, Brazil, a CARICOM member): a
    link to the first such statement on the "2005 → today" page; nothing for the others."""
    named = thennow.naming(code)
    if not named:
        return []
    address = href(state, options(), browser_lang, "thennow") + f"#{ids.STATEMENT}{named[0]}"
    return [
        html.A(
            t("thennow.link", state.lang),
            href=address,
            title=t("thennow.profile_link_title", state.lang),
            className="btn btn-outline-secondary btn-sm",
            id=ids.PROFILE_THEN_AND_NOW,
        )
    ]


def layout(state: ViewState, browser_lang: str | None, charts: dict[str, Chart]) -> tuple[list[Any], dict[str, Any]]:
    """Everything on /country/<ISO3>, in the order a briefing reads it, and its image-export texts."""
    lang, code = state.lang, str(state.subject)
    name = queries.country_name(code, lang)
    trends = []
    for indicator in profile.trend_order(state):
        chart = charts.get(f"pf-trend-{indicator}")
        if chart is None:
            continue
        more = html.A(
            t("profile.open_in_dashboard", lang),
            id=ids.OPEN_IN_DASHBOARD + indicator,
            className="small d-print-none",
            href=href(_dashboard_view(state, indicator, code), options(), browser_lang, "dashboard"),
        )
        trends.append(dbc.Col(chart_panel(chart, state, extra=more, compact=True), xs=12, md=6, xl=3))
    if "pf-skilled" in charts:
        trends.append(dbc.Col(chart_panel(charts["pf-skilled"], state, compact=True), xs=12, md=6, xl=3))
    flows_row = [
        dbc.Col(chart_panel(charts[f"pf-{name_}"], state), xs=12, xl=4)
        for name_ in registry.PROFILE_CORRIDOR_CHARTS
        if f"pf-{name_}" in charts
    ]
    nav = html.Nav(
        [
            html.Div(
                [
                    back_link(state, browser_lang, ids.BACK_DASHBOARD),
                    page_link(
                        state,
                        browser_lang,
                        "corridors",
                        code,
                        t("route.open_corridors", lang, country=name),
                        className="btn btn-primary btn-sm",
                        id=ids.OPEN_CORRIDORS,
                    ),
                    *_then_and_now(state, browser_lang, code),
                ],
                className="page-nav-links",
            ),
            html.Button(
                t("profile.print", lang), id=ids.PRINT, type="button", className="btn btn-outline-secondary btn-sm"
            ),
            html.Div(profile_menu(lang), id=ids.PROFILE_MENU),
        ],
        className="page-nav d-print-none",
        **attrs({"aria-label": t("route.nav_label", lang)}),
    )
    groups = [texts.group_name(g, lang) for g in profile.groups(code)]
    content = [
        nav,
        html.Div(
            [html.H1(name, className="page-title"), html.P(" · ".join(groups), className="page-subtitle")],
            className="page-head",
        ),
        *_figure_cards(state),
        _comparison(state),
        html.H2(t("profile.trends_title", lang), className="section-title"),
        brief_key(charts),
        dbc.Row(trends, className="g-3 profile-trends"),
        html.H2(t("profile.corridors_title", lang), className="section-title"),
        dbc.Row(flows_row, className="g-3 profile-flows"),
    ]
    title = t("profile.title", lang, country=name)
    links = {**opendata.links(state, tuple(charts)), ids.PROFILE_DATA: opendata.link(state)}
    return content, exports.image_meta(
        charts.values(), lang, f"country_{code}", title, links, opendata.pinned_files(state, tuple(charts))
    )
