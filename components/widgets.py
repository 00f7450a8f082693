"""Small building blocks the pages share: the graph configuration, labelled controls, headline cards, the sources
line and a chart's panel (title, download menu, graph, notes, sources)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from components import ids
from components.share import export_menu
from core.charts.model import Chart, Headline
from core.i18n.catalog import t
from core.state.options import options
from core.state.urlstate import ViewState, href

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


def attrs(values: dict[str, Any]) -> Any:
    """aria-* and data-* attributes of an html component: Dash takes them as keyword arguments that its generated
    signatures do not list, so they pass through here (`**attrs({"aria-label": ...})`)."""
    return values


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


def chart_panel(chart: Chart, lang: str, extra: Any = None, compact: bool = False) -> html.Section:
    """A chart with its title, download menu (images, its data, embed code), notes and sources line."""
    head = [
        html.H3(chart.title, className="chart-title"),
        html.Div(export_menu(chart.id, lang), className="chart-tools"),
    ]
    body: list[Any] = [
        html.Div(head, className="chart-head"),
        dcc.Graph(
            id=chart.id,
            figure=chart.figure,
            config=GRAPH_CONFIG,
            style={"height": f"{chart.height}px"},
            className="page-graph",
        ),
        *(html.P(note, className="chart-note") for note in chart.notes),
        html.P(sources_line(chart.sources, lang), className="sources-line"),
    ]
    if extra is not None:
        body.append(extra)
    return html.Section(body, className="panel" + (" compact-panel" if compact else ""))
