"""Content pieces filled by callbacks: headline cards, the data table, sources lines, the about panel."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
from dash import dcc, html

from core.charts import registry, texts
from core.charts.dashboard import mapview
from core.charts.model import Headline
from core.data import queries
from core.i18n.catalog import t
from core.state.options import options
from core.state.urlstate import ViewState, href
from core.web import exports


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


def profile_link(state: ViewState, browser_lang: str | None, code: str, **extra: Any) -> dcc.Link:
    """A country's name linking to its profile, keeping the view (indicator, year, focus, language)."""
    name = queries.country_name(code, state.lang)
    return dcc.Link(name, href=href(state, options(), browser_lang, "country", code), **extra)


def profile_links(state: ViewState, browser_lang: str | None) -> list[Any]:
    """Under the controls: the selected countries' profiles (or how to select one), and the focus's corridors."""
    lang = state.lang
    if state.countries:
        links = [profile_link(state, browser_lang, code, className="btn btn-sm btn-outline-primary profile-link")
                 for code in state.countries]  # fmt: skip
        out: list[Any] = [html.Span(t("route.profiles_label", lang), className="profile-links-label"), *links]
    else:
        out = [html.Span(t("route.profiles_hint", lang), className="profile-hint")]
    if state.focus in options().groups:
        text = t("route.focus_corridors", lang, group=texts.group_name(state.focus, lang))
        out.append(dcc.Link(text, href=href(state, options(), browser_lang, "corridors", state.focus),
                            id="focus-corridors", className="focus-corridors"))  # fmt: skip
    return out


def data_table(rows: pd.DataFrame, state: ViewState, browser_lang: str | None = None) -> html.Table:
    """The map's data as a real table: the text alternative for screen readers and for copying numbers."""
    lang = state.lang
    head = html.Thead(
        html.Tr([html.Th(t(f"table.{c}", lang), scope="col") for c in ("rank", "country", "value", "year")])
    )
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Td(r["rank"]),
                    html.Th(profile_link(state, browser_lang, r["iso3"]), scope="row"),
                    html.Td(r["display"], className="num"),
                    html.Td(r["year"]),
                ]
            )
            for r in rows.to_dict("records")
        ]
    )
    caption = html.Caption(mapview.map_title(state), className="visually-hidden")
    return html.Table([caption, head, body], className="table table-sm table-striped data-table")


def sources_text(state: ViewState) -> list[Any]:
    """Short names of the publishers behind the indicator; the about panel has the full citations."""
    meta = queries.indicator_meta(state.indicator)
    names = "; ".join(t(f"source.{source}", state.lang) for source in meta["source"])
    return [html.Strong(t("sources.label", state.lang) + " "), names, ". ", t("sources.more", state.lang)]


def about(state: ViewState) -> list[Any]:
    """Definition, unit, coverage, caveats, citation and licence of the indicator, from its metadata."""
    lang = state.lang
    meta = queries.indicator_meta(state.indicator)
    years = meta["years"]
    rows = [
        (t("about.definition", lang), meta["definition"][lang]),
        (t("about.unit", lang), t(f"unit.{meta['unit']}", lang)),
        (t("about.coverage", lang), t("about.coverage_text", lang, first=years[0], last=years[-1], count=len(years))),
        (t("about.citation", lang), " ".join(meta["citation"])),
        (t("about.licence", lang), meta["licence"][lang]),
    ]
    return [
        html.H3(texts.label(state.indicator, lang)),
        html.Dl([item for term, text in rows for item in (html.Dt(term), html.Dd(text))]),
        html.H4(t("about.caveats", lang)),
        html.Ul([html.Li(c[lang]) for c in meta["caveats"]]),
    ]


def export_meta(state: ViewState) -> dict[str, Any]:
    """Title, subtitle and source line of each chart, for the slide images the browser renders."""
    file = f"{state.indicator}_{state.focus}_{state.resolved_year(options())}"
    return exports.image_meta(registry.page_charts(state).values(), state.lang, file)
