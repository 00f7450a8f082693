"""Small building blocks the pages share: the graph configuration, labelled controls, headline cards, the sources
line and a chart's panel (title, download menu, graph, notes, sources)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from components import ids
from components.attributes import attrs
from components.share import export_menu
from core.charts.model import Chart, Headline
from core.i18n.catalog import t
from core.state.options import options
from core.state.urlstate import ViewState, href
from core.web import opendata

GRAPH_CONFIG = dcc.Graph.Config(
    **{
        # No plotly toolbar: its bare PNG lacks title, source and date, and its tooltips are English only; each
        # chart's Download menu makes slide images in the page's language instead.
        "displayModeBar": False,
        "displaylogo": False,
        "responsive": True,
        # plotly's geo subplot fetches world_110m.json whenever locationmode is set; serve a local stub instead.
        "topojsonURL": "/assets/topojson/",
    }
)


def page_link(
    state: ViewState, browser_lang: str | None, page: str, subject: str | None, text: str, **extra: Any
) -> html.A:
    """A link to another page with the visitor's view; the dashboard's address leaves the corridor settings out."""
    if page == "dashboard":
        state = replace(state, direction="out", cyear=None)
    return html.A(text, href=href(state, options(), browser_lang, page, subject), **extra)


def back_link(state: ViewState, browser_lang: str | None, element_id: str) -> html.A:
    """Back to the dashboard, in the view the visitor came with."""
    return page_link(
        state,
        browser_lang,
        "dashboard",
        None,
        t("route.back_dashboard", state.lang),
        className="btn btn-outline-secondary btn-sm",
        id=element_id,
    )


def labelled(control_id: str, label: str, control: Any, width: dict[str, int], group: bool = False) -> dbc.Col:
    """A control under its visible label: a <label for> for a field, the name of the radio group for a `group`."""
    label_id = ids.LABEL_PREFIX + control_id
    if not group:
        return dbc.Col(
            [dbc.Label(label, html_for=control_id, id=label_id, className="control-label"), control], **width
        )
    named = html.Div(control, role="radiogroup", **attrs({"aria-labelledby": label_id}))
    return dbc.Col([html.Span(label, id=label_id, className="control-label d-block"), named], **width)


def toggle(control_id: str, options: list[dict[str, Any]], value: Any, extra_class: str) -> dbc.RadioItems:
    """A group of radio buttons drawn as a button bar: one Tab stop, arrow keys move between options (their `name`
    groups them), the focus ring drawn on the button (assets/style.css)."""
    return dbc.RadioItems(
        id=control_id,
        name=control_id,
        options=options,
        value=value,
        inline=True,
        className=f"btn-group {extra_class}",
        inputClassName="btn-check",
        labelClassName="btn btn-outline-secondary btn-sm",
        labelCheckedClassName="active",
    )


def headline_cards(items: Sequence[Headline]) -> list[Any]:
    return [
        html.Div(
            [
                html.Div(item.label, className="headline-label"),
                html.Div(item.value, className="headline-value"),
                html.Div(item.note, className="headline-note"),
            ],
            className="headline",
        )
        for item in items
    ]


def sources_line(sources: str, lang: str, more: bool = False) -> list[Any]:
    """The line under a chart: its sources (and, on the dashboard, where the full citations are)."""
    tail = [". ", t("sources.more", lang)] if more else []
    return [html.Strong(t("sources.label", lang) + " "), sources, *tail]


def scrolling(table: Any, label: str, lang: str, box_class: str) -> list[Any]:
    """A table in a box that scrolls: reachable by keyboard and named (a region), with a line saying it scrolls where
    screens are narrow (assets/style.css shows it below 992 px)."""
    box = html.Div(table, className=box_class, tabIndex="0", role="region", **attrs({"aria-label": label}))
    return [html.P(t("chart.table_scroll", lang), className="table-scroll-hint"), box]


def described(chart_id: str, graph: Any, **props: Any) -> html.Div:
    """A chart's graph as one image to assistive technology, named and described by its words (chart_words): read
    as it is drawn, plotly's SVG would be numbers, then names in another order."""
    named = {"aria-labelledby": ids.CHART_NAME + chart_id, "aria-describedby": ids.CHART_DESCRIPTION + chart_id}
    return html.Div(graph, role="img", **props, **attrs(named))


def chart_words(chart: Chart, state: ViewState) -> list[Any]:
    """What a chart says in words, under it: its accessible name and description (for screen readers), its key facts
    (for everyone), and its data as a table one click away (assets/boot.js fetches it from the chart's data link
    when opened; the address is the element's key, so another view's table starts closed)."""
    lang, facts = state.lang, chart.facts
    url = opendata.link(state, chart.id, fmt="json")
    table = html.Details(
        [
            html.Summary(t("chart.table", lang)),
            html.Div(className="chart-table-body", **attrs({"aria-live": "polite"})),
        ],
        key=url,
        className="chart-table d-print-none",
        **attrs(
            {
                "data-url": url,
                "data-yes": t("chart.table_yes", lang),
                "data-no": t("chart.table_no", lang),
                "data-failed": t("chart.table_failed", lang),
                "data-scroll": t("chart.table_scroll", lang),
            }
        ),
    )
    return [
        html.Span(facts.name, id=ids.CHART_NAME + chart.id, className="visually-hidden"),
        html.P(facts.description, id=ids.CHART_DESCRIPTION + chart.id, className="visually-hidden"),
        html.Ul([html.Li(line) for line in facts.sentences], className="key-facts") if facts.sentences else None,
        table,
    ]


def chart_panel(
    chart: Chart, state: ViewState, extra: Any = None, compact: bool = False, level: int = 3
) -> html.Section:
    """A chart with its title (a heading of `level`, under the page's sections), download menu (images, its data,
    embed code), its words, notes and sources line."""
    lang = state.lang
    heading = html.H2 if level == 2 else html.H3
    head = [
        heading(chart.title, className="chart-title"),
        html.Div(export_menu(chart.id, lang), className="chart-tools"),
    ]
    graph = dcc.Graph(
        id=chart.id,
        figure=chart.figure,
        config=GRAPH_CONFIG,
        style={"height": f"{chart.height}px"},
        className="page-graph",
    )
    body: list[Any] = [
        html.Div(head, className="chart-head"),
        described(chart.id, graph),
        *chart_words(chart, state),
        *(html.P(note, className="chart-note") for note in chart.notes),
        html.P(sources_line(chart.sources, lang), className="sources-line"),
    ]
    if extra is not None:
        body.append(extra)
    return html.Section(body, className="panel" + (" compact-panel" if compact else ""))
