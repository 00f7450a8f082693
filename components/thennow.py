"""The "2005 → today" page (/then-and-now): each figure of the 2005 expert group and ECLAC/CELADE's 2006 report, with
its citation, beside what this site's data say for the same years and for the latest one, how the two compare, a
link to the chart that shows it, and the page's charts under their themes; drawn on the server, like every page."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import dash_bootstrap_components as dbc
from dash import html

from components import ids
from components.share import THEN_AND_NOW_ITEMS, page_data_menu
from components.widgets import attrs, back_link, chart_panel
from core.charts import texts, thennow
from core.charts.model import Chart
from core.charts.thennow import words
from core.i18n.catalog import t
from core.state.options import options
from core.state.urlstate import ViewState, href
from core.web import exports, opendata


def address(link: thennow.Link, state: ViewState, browser_lang: str | None) -> str:
    """The chart a statement points to, in the visitor's language: the view its link names, nothing else kept."""
    base = replace(state, countries=(), scale=None, view="map", year=None, direction="out", cyear=None)
    if link.page == "dashboard":
        indicator = link.indicator or state.indicator
        year = link.year if link.year in options().years.get(indicator, ()) else None
        target = replace(
            base, indicator=indicator, focus=link.focus or state.focus, countries=link.countries, year=year
        )
        return href(target, options(), browser_lang, "dashboard")
    if link.page == "corridors":
        target = replace(base, direction=link.direction or "out", cyear=link.cyear)
        return href(target, options(), browser_lang, "corridors", link.subject)
    return href(base, options(), browser_lang, link.page, link.subject)


def _columns(measures: tuple[thennow.Measure, ...]) -> list[tuple[int | None, int]]:
    """The years of a statement's table (a period's start and end for a change), in order."""
    found = {(p.start, p.year) for m in measures for p in m.points}
    return sorted(found, key=lambda key: (key[1], key[0] or 0))


def _table(one: thennow.Statement, lang: str) -> list[Any]:
    """Today's measures of a statement, one row each, one column per year; a measure without a year leaves its
    cell empty (not missing: it has no value for that year to give)."""
    columns = _columns(one.measures)
    # On a phone each row folds into its measure's name over its values (assets/style.css lays rows out as grids of
    # --columns), so nothing scrolls sideways; the roles keep it a table to assistive technology whatever its display.
    head = html.Tr(
        [
            html.Th(t("thennow.measure", lang), scope="col", role="columnheader"),
            *(
                html.Th(
                    words.when(thennow.Point(year, None, start), lang),
                    scope="col",
                    role="columnheader",
                    className="num",
                )
                for start, year in columns
            ),
        ],
        role="row",
    )
    rows = []
    for measure in one.measures:
        by_column = {(p.start, p.year): p for p in measure.points}
        cells = [
            html.Td(
                words.value(measure, by_column[key], lang) if key in by_column else "", role="cell", className="num"
            )
            for key in columns
        ]
        name = html.Th(
            [
                words.label(measure, lang),
                " ",
                html.Span(words.source(measure.source, lang), className="measure-source"),
            ],
            scope="row",
            role="rowheader",
        )
        rows.append(html.Tr([name, *cells], role="row"))
    table = html.Table(
        [html.Thead(head, role="rowgroup"), html.Tbody(rows, role="rowgroup")],
        className="table table-sm statement-table",
        role="table",
        style={"--columns": str(len(columns))},
        **attrs({"aria-label": t("thennow.today", lang) + " · " + words.claim(one.number, lang)}),
    )
    counted = [line for measure in one.measures for line in words.counted(measure, lang)]
    details = [*counted, *words.reporting(one.measures, lang)]
    return [table, *(html.P(line, className="statement-detail") for line in details)]


def statement_card(
    one: thennow.Statement, state: ViewState, browser_lang: str | None, charts: dict[str, Chart]
) -> html.Article:
    """One statement: what it is about and its verdict, the 2005 figure with its citation, today's measures, the note,
    and the chart that shows it."""
    lang = state.lang
    today: list[Any] = (
        _table(one, lang) if one.measures else [html.P(t("thennow.no_measure", lang), className="statement-none")]
    )
    links: list[Any] = [
        html.A(
            t(words.LINKS[one.link.page], lang), href=address(one.link, state, browser_lang), className="statement-link"
        )
    ]
    if one.chart in charts:
        links.append(
            html.A(
                t("thennow.see_below", lang, title=charts[one.chart].title),
                href="#" + ids.CHART_ANCHOR + one.chart,
                className="statement-link",
            )
        )
    heading_id = f"{ids.STATEMENT}{one.number}-title"
    return html.Article(
        [
            html.Div(
                [
                    html.Span(str(one.number), className="statement-number", **attrs({"aria-hidden": "true"})),
                    html.H3(words.claim(one.number, lang), className="statement-title", id=heading_id),
                    html.Span(words.verdict(one, lang), className=f"verdict verdict-{one.verdict}"),
                ],
                className="statement-head",
            ),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            html.P(t("thennow.said", lang), className="then-label"),
                            html.P(
                                words.figure(one.number, lang),
                                # A figure in words (a pledge, a trend) reads as a sentence, not as a number.
                                className="then-figure" + ("" if one.quoted else " then-figure-text"),
                            ),
                            html.P(words.cite(one.number, lang), className="then-cite"),
                        ],
                        xs=12,
                        lg=4,
                        className="then-col",
                    ),
                    dbc.Col([html.P(t("thennow.today", lang), className="then-label"), *today], xs=12, lg=8),
                ],
                className="g-3",
            ),
            html.P(words.note(one, lang), className="chart-note statement-note"),
            html.P(links, className="statement-links d-print-none"),
        ],
        className="panel statement",
        id=f"{ids.STATEMENT}{one.number}",
        **attrs({"aria-labelledby": heading_id}),
    )


def _how(lang: str) -> html.Section:
    verdicts = {key: t(words.VERDICTS[key], lang) for key in words.VERDICTS}
    return html.Section(
        [
            html.H2(t("thennow.how_title", lang), className="section-title"),
            html.Ul(
                [
                    html.Li(t("thennow.how_celade", lang)),
                    html.Li(t("thennow.how_sources", lang)),
                    html.Li(t("thennow.how_verdicts", lang, **verdicts)),
                ],
                className="how-list",
            ),
        ],
        className="panel",
    )


def _documents(lang: str) -> html.Section:
    return html.Section(
        [
            html.H2(t("thennow.documents_title", lang), className="section-title"),
            html.P(t("thennow.doc_a", lang)),
            html.P(t("thennow.doc_b", lang)),
            html.P(t("thennow.documents_note", lang), className="chart-note"),
        ],
        className="panel documents",
    )


def layout(state: ViewState, browser_lang: str | None, charts: dict[str, Chart]) -> tuple[list[Any], dict[str, Any]]:
    """Everything on /then-and-now, and the image-export texts and data links of its charts."""
    lang = state.lang
    title = t("thennow.title", lang)
    found = {one.number: one for one in thennow.statements()}
    nav = html.Nav(
        [
            back_link(state, browser_lang, ids.BACK_DASHBOARD_TN),
            html.Div(page_data_menu(ids.THEN_AND_NOW_DATA, THEN_AND_NOW_ITEMS, lang), id=ids.THEN_AND_NOW_MENU),
        ],
        className="page-nav d-print-none",
        **attrs({"aria-label": t("route.nav_label", lang)}),
    )
    contents = html.Nav(
        [html.A(words.theme(theme, lang), href=f"#{ids.THEME}{theme}") for theme, _ in thennow.THEMES],
        className="sources-toc then-toc",
        **attrs({"aria-label": t("sources_page.contents", lang)}),
    )
    sections: list[Any] = []
    for theme, numbers in thennow.THEMES:
        sections.append(html.H2(words.theme(theme, lang), className="section-title", id=f"{ids.THEME}{theme}"))
        sections += [statement_card(found[n], state, browser_lang, charts) for n in numbers]
        shown = dict.fromkeys(found[n].chart for n in numbers if found[n].chart in charts)
        sections += [
            html.Div(chart_panel(charts[str(chart_id)], state), id=ids.CHART_ANCHOR + str(chart_id))
            for chart_id in shown
        ]
    content = [
        nav,
        html.Div(html.H1(title, className="page-title"), className="page-head"),
        html.P(t("thennow.intro", lang, edition=texts.edition_label(lang)), className="page-intro"),
        contents,
        _documents(lang),
        _how(lang),
        *sections,
    ]
    links = {**opendata.links(state, tuple(charts)), ids.THEN_AND_NOW_DATA: opendata.link(state)}
    return content, exports.image_meta(charts.values(), lang, "then-and-now", title, links)
