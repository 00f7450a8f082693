"""The corridor view (/corridors/<ISO3 or group>): where a subject's emigrants live (or who lives in it), how that
changed, the shares by region, the money sent home and its cost, drawn on the server; the direction and the year
are links, so each view is a page of its own that can be shared."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import dash_bootstrap_components as dbc
from dash import html

from components import ids
from components.widgets import attrs, back_link, chart_panel, headline_cards, page_link
from core.charts import texts
from core.charts.corridor_view.headlines import headlines, reconcile
from core.charts.model import Chart
from core.data import flows, queries
from core.data.store import get_store
from core.i18n.catalog import t
from core.state.options import options
from core.state.urlstate import ViewState, href
from core.web import exports, opendata


def _choices(
    state: ViewState, browser_lang: str | None, label: str, items: list[tuple[str, ViewState, bool]], extra_class: str
) -> html.Div:
    """A labelled row of links, one per choice, the current one marked (aria-current)."""
    links = [
        html.A(
            text,
            href=href(target, options(), browser_lang, "corridors", state.subject),
            className="btn btn-sm btn-outline-secondary" + (" active" if current else ""),
            **attrs({"aria-current": "true"} if current else {}),
        )
        for text, target, current in items
    ]
    return html.Div(
        [html.Span(label, className="control-label d-block"), html.Div(links, className=f"choice-links {extra_class}")]
    )


def controls(state: ViewState, browser_lang: str | None) -> html.Section:
    lang, subject = state.lang, str(state.subject)
    name = texts.subject_name(subject, lang)
    year = state.resolved_cyear(options())
    directions = [
        (t(f"route.direction_{d}", lang, name=name), replace(state, direction=d), d == state.direction)
        for d in flows.directions(subject)
    ]
    years = [(str(y), replace(state, cyear=y), y == year) for y in options().corridor_years]
    return html.Section(
        dbc.Row(
            [
                dbc.Col(
                    _choices(state, browser_lang, t("route.direction_label", lang), directions, "direction-links"),
                    xs=12,
                    lg=6,
                ),
                dbc.Col(_choices(state, browser_lang, t("route.cyear_label", lang), years, "year-links"), xs=12, lg=6),
            ],
            className="g-3",
        ),
        className="controls d-print-none",
    )


def about(lang: str) -> html.Details:
    """Definition, edition, citation, licence and caveats of each bilateral table the view draws on."""
    body: list[Any] = []
    for spec in get_store().meta["bilateral"].values():
        edition = ", ".join(spec.get("edition_labels") or ()) or texts.sources_line(spec["source"], lang)
        rows = [
            (t("about.definition", lang), spec["definition"][lang]),
            (t("about.edition", lang), edition),
            (t("about.citation", lang), " ".join(spec["citation"])),
            (t("about.licence", lang), spec["licence"][lang]),
        ]
        body += [
            html.H3(spec["label"][lang]),
            html.Dl([item for term, text in rows for item in (html.Dt(term), html.Dd(text))]),
            html.H4(t("about.caveats", lang)),
            html.Ul([html.Li(c[lang]) for c in spec["caveats"]]),
        ]
    return html.Details(
        [html.Summary(t("about.title_corridors", lang)), html.Div(body, className="about-body")],
        className="panel about-panel",
        id="corridor-about",
    )


def layout(state: ViewState, browser_lang: str | None, charts: dict[str, Chart]) -> tuple[list[Any], dict[str, Any]]:
    """Everything on /corridors/<subject>, and its image-export texts."""
    lang, subject = state.lang, str(state.subject)
    year = state.resolved_cyear(options())

    def panel(chart_id: str) -> Any:
        return chart_panel(charts[chart_id], state, level=2) if chart_id in charts else None

    nav = [back_link(state, browser_lang, ids.BACK_DASHBOARD_CV)]
    if not flows.is_group(subject):
        nav.append(
            page_link(
                state,
                browser_lang,
                "country",
                subject,
                t("route.open_profile", lang, country=queries.country_name(subject, lang)),
                className="btn btn-outline-secondary btn-sm",
                id=ids.BACK_PROFILE,
            )
        )
    title = t(f"route.corridor_title_{state.direction}", lang, name=texts.subject_name(subject, lang), year=year)
    content = [
        html.Nav(nav, className="page-nav d-print-none", **attrs({"aria-label": t("route.nav_label", lang)})),
        html.Div(html.H1(title, id=ids.CORRIDOR_TITLE, className="page-title"), className="page-head"),
        controls(state, browser_lang),
        html.Section(
            headline_cards(headlines(subject, state.direction, year, lang)), className="headlines corridor-headlines"
        ),
        html.P(reconcile(subject, state.direction, year, lang), className="chart-note reconcile-note", id="reconcile"),
        html.P([html.Span(n + " ") for n in texts.group_notes(subject, lang)], className="chart-note focus-note")
        if flows.is_group(subject)
        else None,
        panel("cv-flow-map"),
        dbc.Row(
            [dbc.Col(panel("cv-corridors"), xs=12, xl=6), dbc.Col(panel("cv-change"), xs=12, xl=6)], className="g-3"
        ),
        dbc.Row(
            [
                dbc.Col(panel("cv-regions"), xs=12, xl=4),
                dbc.Col(panel("cv-remittances"), xs=12, xl=4),
                dbc.Col(panel("cv-costs"), xs=12, xl=4),
            ],
            className="g-3",
        ),
        about(lang),
    ]
    links = opendata.links(state, tuple(charts))
    return content, exports.image_meta(
        charts.values(), lang, f"corridors_{subject}", title, links, opendata.pinned_files(state, tuple(charts))
    )
