"""The country profile and the corridor view: their static shells (controls the state callback reads) and the
bodies the page callback fills from the state. Every link keeps the visitor's indicator, year, focus and language."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from components import ids
from components.panels import headline_cards
from components.share import export_menu
from components.widgets import GRAPH_CONFIG, toggle
from core.charts import profile as profiles
from core.charts import registry, texts
from core.charts.model import Chart, Headline
from core.data import flows, queries
from core.data.store import get_store
from core.i18n.catalog import t
from core.state.options import options
from core.state.urlstate import ViewState, href
from core.web import exports


def link(state: ViewState, browser_lang: str | None, page: str, subject: str | None, text: str, **extra: Any) -> Any:
    """A link to another page with the visitor's view; the dashboard's address leaves the corridor settings out."""
    if page == "dashboard":
        state = replace(state, direction="out", cyear=None)
    return dcc.Link(text, href=href(state, options(), browser_lang, page, subject), **extra)


def chart_panel(chart: Chart, lang: str, extra: Any = None, menu: bool = True, compact: bool = False) -> html.Section:
    """A chart with its title, download menu (images, its data, embed code), notes and sources line."""
    head = [html.H3(chart.title, className="chart-title")]
    if menu:
        head.append(html.Div(export_menu(chart.id, lang, kind="page"), className="chart-tools"))
    body: list[Any] = [
        html.Div(head, className="chart-head"),
        dcc.Graph(id=chart.id, figure=chart.figure, config=GRAPH_CONFIG, style={"height": f"{chart.height}px"},
                  className="page-graph"),
    ]  # fmt: skip
    body += [html.P(note, className="chart-note") for note in chart.notes]
    body.append(html.P([html.Strong(t("sources.label", lang) + " "), chart.sources], className="sources-line"))
    if extra is not None:
        body.append(extra)
    return html.Section(body, className="panel" + (" compact-panel" if compact else ""))


# --- the country profile ---------------------------------------------------------------------------------------


def _figure_cards(state: ViewState) -> list[Any]:
    figures = profiles.headline_figures(state)
    cards = [Headline(f.label, f.value, f.note) for f in figures]
    out: list[Any] = [html.Section(headline_cards(cards), className="headlines profile-headlines")]
    if any(f.computed for f in figures):
        out.append(html.P(t("profile.computed_note", state.lang), className="chart-note computed-note"))
    return out


def _comparison(state: ViewState) -> html.Section:
    lang = state.lang
    chosen = profiles.compared_groups(state)
    name = queries.country_name(str(state.subject), lang)
    shared = profiles.share_group(state)
    share_head = []
    if shared:
        share_head.append(html.Th(t("profile.share_of", lang, group=texts.group_name(shared, lang)), scope="col"))
    head = html.Thead(
        html.Tr(
            [html.Th(t("profile.indicator", lang), scope="col"), html.Th(t("table.year_plain", lang), scope="col"),
             html.Th(name, scope="col")]
            + [html.Th(texts.group_name(g, lang), scope="col") for g in chosen]
            + share_head
        )
    )  # fmt: skip
    body = html.Tbody(
        [
            html.Tr(
                [html.Th(row.label, scope="row"), html.Td(row.year or "", className="num"),
                 html.Td(row.country, className="num fw-semibold")]
                + [html.Td(cell, className="num") for cell in row.groups]
                + ([html.Td(row.share, className="num")] if shared else [])
            )
            for row in profiles.comparison(state)
        ]
    )  # fmt: skip
    return html.Section(
        [
            html.H3(t("profile.comparison_title", lang), className="chart-title"),
            html.Div(html.Table([head, body], className="table table-sm comparison-table"), className="table-wrap"),
            html.P(t("profile.comparison_note", lang), className="chart-note"),
            *(
                html.P(
                    t("profile.group_note", lang, group=texts.group_name(g, lang), note=note),
                    className="chart-note group-note",
                )
                for g in chosen
                if (note := _group_note(g, lang))
            ),
        ],
        className="panel comparison-panel",
    )


def _group_note(group: str, lang: str) -> str:
    """What a group holds, from groups.yaml (Central America in UN M49 includes Mexico, for instance)."""
    note = get_store().meta["groups"][group].get("note")
    return str(note[lang]) if note else ""


def profile_shell(text: dict[tuple[str, str], Any]) -> html.Div:
    """The profile's navigation and print button (always in the layout) and its body."""
    return html.Div(
        [
            html.Nav(
                [
                    html.Div(id=ids.PROFILE_NAV, className="page-nav-links"),
                    html.Button(text[(ids.PRINT, "children")], id=ids.PRINT, type="button",
                                className="btn btn-outline-secondary btn-sm"),
                    html.Div(id=ids.PROFILE_MENU),
                ],
                id=ids.PROFILE_BAR,
                className="page-nav d-print-none",
                **{"aria-label": text[(ids.PROFILE_BAR, "aria-label")]},
            ),
            html.Div(id=ids.PROFILE_BODY),
        ],
        id=ids.PROFILE_PAGE,
        hidden=True,
    )  # fmt: skip


def profile_nav(state: ViewState, browser_lang: str | None) -> list[Any]:
    lang, code = state.lang, str(state.subject)
    name = queries.country_name(code, lang)
    return [
        link(state, browser_lang, "dashboard", None, t("route.back_dashboard", lang),
             className="btn btn-outline-secondary btn-sm", id="back-dashboard"),
        link(state, browser_lang, "corridors", code, t("route.open_corridors", lang, country=name),
             className="btn btn-primary btn-sm", id="open-corridors"),
    ]  # fmt: skip


def profile_body(state: ViewState, browser_lang: str | None, charts: dict[str, Chart]) -> list[Any]:
    """Everything on /country/<ISO3> below the navigation, in the order a briefing reads it."""
    lang, code = state.lang, str(state.subject)
    name = queries.country_name(code, lang)
    group_names = [texts.group_name(g, lang) for g in profiles.groups(code)]
    trends = []
    for indicator in profiles.trend_order(state):
        chart = charts.get(f"pf-trend-{indicator}")
        if chart is None:
            continue
        more = dcc.Link(
            t("profile.open_in_dashboard", lang),
            id=f"dash-{indicator}",
            className="small d-print-none",
            href=href(_dashboard_view(state, indicator, code), options(), browser_lang, "dashboard"),
        )
        trends.append(dbc.Col(chart_panel(chart, lang, extra=more, compact=True), xs=12, md=6, xl=3))
    skilled = charts.get("pf-skilled")
    if skilled is not None:
        trends.append(dbc.Col(chart_panel(skilled, lang, compact=True), xs=12, md=6, xl=3))
    flows_row = []
    for flow in registry.PROFILE_CORRIDOR_CHARTS:
        chart = charts.get(f"pf-{flow}")
        if chart is not None:
            flows_row.append(dbc.Col(chart_panel(chart, lang), xs=12, xl=4))
    return [
        html.Div(
            [html.H2(name, className="page-title"), html.P(" · ".join(group_names), className="page-subtitle")],
            className="page-head",
        ),
        *_figure_cards(state),
        _comparison(state),
        html.H3(t("profile.trends_title", lang), className="section-title"),
        dbc.Row(trends, className="g-3 profile-trends"),
        html.H3(t("profile.corridors_title", lang), className="section-title"),
        dbc.Row(flows_row, className="g-3 profile-flows"),
    ]


def _dashboard_view(state: ViewState, indicator: str, code: str) -> ViewState:
    """The dashboard on one indicator with this country selected, in the visitor's focus (its year when valid)."""
    keep_year = state.year if state.indicator == indicator else None
    countries = state.countries if code in state.countries else (*state.countries, code)[-12:]
    return replace(state, indicator=indicator, year=keep_year, scale=None, countries=countries)


# --- the corridor view -----------------------------------------------------------------------------------------


def corridor_shell(text: dict[tuple[str, str], Any]) -> html.Div:
    """Controls of the corridor view (read by the state callback, so always in the layout) and its body."""
    years = options().corridor_years
    return html.Div(
        [
            html.Div(id=ids.CORRIDOR_NAV),
            html.Div(html.H2(id=ids.CORRIDOR_TITLE, className="page-title"), className="page-head"),
            html.Section(
                dbc.Row(
                    [
                        dbc.Col(
                            [
                                html.Span(text[(ids.LABEL_PREFIX + ids.DIRECTION, "children")],
                                          id=ids.LABEL_PREFIX + ids.DIRECTION, className="control-label d-block"),
                                toggle(ids.DIRECTION, [], "direction-toggle"),
                            ],
                            xs=12, lg=6,
                        ),
                        dbc.Col(
                            [
                                html.Span(text[(ids.LABEL_PREFIX + ids.CYEAR, "children")],
                                          id=ids.LABEL_PREFIX + ids.CYEAR, className="control-label d-block"),
                                toggle(ids.CYEAR, [{"label": str(y), "value": y} for y in years], "year-toggle"),
                            ],
                            xs=12, lg=6,
                        ),
                    ],
                    className="g-3",
                ),
                className="controls d-print-none",
            ),
            html.Section(
                id=ids.CORRIDOR_HEADLINES, className="headlines corridor-headlines", **{"aria-live": "polite"}
            ),
            html.Div(id=ids.CORRIDOR_BODY),
        ],
        id=ids.CORRIDOR_PAGE,
        hidden=True,
    )  # fmt: skip


def direction_options(state: ViewState) -> list[dict[str, Any]]:
    name = texts.subject_name(str(state.subject), state.lang)
    allowed = flows.directions(str(state.subject))
    return [
        {"label": t(f"route.direction_{d}", state.lang, name=name), "value": d, "disabled": d not in allowed}
        for d in ("out", "in")
    ]


def corridor_nav(state: ViewState, browser_lang: str | None) -> html.Nav:
    lang, subject = state.lang, str(state.subject)
    items = [link(state, browser_lang, "dashboard", None, t("route.back_dashboard", lang),
                  className="btn btn-outline-secondary btn-sm", id="back-dashboard-cv")]  # fmt: skip
    if not flows.is_group(subject):
        items.append(link(state, browser_lang, "country", subject,
                          t("route.open_profile", lang, country=queries.country_name(subject, lang)),
                          className="btn btn-outline-secondary btn-sm", id="back-profile"))  # fmt: skip
    return html.Nav(items, className="page-nav d-print-none", **{"aria-label": t("route.nav_label", lang)})


def corridor_body(state: ViewState, charts: dict[str, Chart]) -> list[Any]:
    lang = state.lang

    def panel(chart_id: str) -> Any:
        chart = charts.get(chart_id)
        return chart_panel(chart, lang) if chart is not None else None

    return [
        panel("cv-flow-map"),
        dbc.Row([dbc.Col(panel("cv-corridors"), xs=12, xl=6), dbc.Col(panel("cv-change"), xs=12, xl=6)],
                className="g-3"),
        dbc.Row([dbc.Col(panel("cv-regions"), xs=12, xl=4), dbc.Col(panel("cv-remittances"), xs=12, xl=4),
                 dbc.Col(panel("cv-costs"), xs=12, xl=4)], className="g-3"),
    ]  # fmt: skip


def page_meta(state: ViewState, charts: list[Chart], title: str) -> dict[str, Any]:
    """Titles, subtitles and source lines of a page's charts, for the slide images the browser renders, and the
    page's own title (for the browser tab and bookmarks)."""
    return exports.image_meta(charts, state.lang, f"{state.page}_{state.subject}", title)
