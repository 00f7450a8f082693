"""The Sources and changes page (/sources): every source with its publisher, edition, coverage, licence, citation
and last update; the data editions the site keeps; and what changed since the previous edition (counts by series
and reason, the placeholder zeros removed, the changes of the countries chosen), with the changelog as CSV."""

from __future__ import annotations

from typing import Any, Final

import pandas as pd
from dash import html

from components.widgets import attrs, back_link
from core.charts import texts
from core.charts.model import Chart
from core.data import changelog, queries
from core.data import schema as s
from core.data.store import editions, get_store
from core.i18n.catalog import one_line, t
from core.i18n.formats import fmt_number, fmt_value
from core.state.options import menu
from core.state.urlstate import ViewState
from core.web.routes import CHANGES_CSV

ROLES: Final = {  # a source's role (sources.yaml) -> what the page says it is used as
    "current": "sources_page.role_current",
    "earlier_edition": "sources_page.role_earlier",
    "reference": "sources_page.role_reference",
}
REASONS: Final = {
    "revision": "sources_page.reason_revision",
    "new_year": "sources_page.reason_new_year",
    "new_value": "sources_page.reason_new_value",
    "new_indicator": "sources_page.reason_new_indicator",
    "removed_placeholder": "sources_page.reason_removed_placeholder",
    "removed": "sources_page.reason_removed",
}
TOC: Final = (
    ("sources_page.sources_title", "sources-list"),
    ("sources_page.editions_title", "editions"),
    ("sources_page.changes_short", "changes"),
)
MAX_ROWS: Final = 400  # value-level rows drawn for the chosen countries; the CSV has every one


def _uses(source: str, lang: str) -> list[str]:
    """What a source feeds: the indicators and bilateral tables that cite it, or the map."""
    meta = get_store().meta
    found = [texts.label(i, lang) for i in menu() if source in meta["indicators"][i]["source"]]
    found += [str(spec["label"][lang]) for spec in meta["bilateral"].values() if source in spec["source"]]
    return found or [t("sources_page.map_shapes", lang)]


def _source(ident: str, spec: dict[str, Any], lang: str) -> html.Article:
    rows = [
        (t("sources_page.edition", lang), spec["edition"][lang]),
        (t("sources_page.role", lang), t(ROLES.get(spec.get("role", ""), "sources_page.role_current"), lang)),
        (t("sources_page.used_for", lang), "; ".join(_uses(ident, lang))),
        (t("about.coverage", lang), spec["coverage"][lang]),
        (t("sources_page.last_update", lang), spec["last_update"]),
        (t("about.citation", lang), one_line(spec["citation"])),
    ]
    licence = html.A(spec["licence"][lang], href=spec["licence_url"], rel="license noopener", target="_blank")
    return html.Article(
        [
            html.H3([spec["publisher"][lang], " ", html.Span(spec["short"], className="badge text-bg-light")]),
            html.Dl(
                [
                    *(item for term, text in rows for item in (html.Dt(term), html.Dd(text))),
                    html.Dt(t("about.licence", lang)),
                    html.Dd(licence),
                ],
                className="source-facts",
            ),
            html.P(html.A(t("sources_page.publisher_page", lang), href=spec["url"], rel="noopener", target="_blank")),
        ],
        className="panel source",
        id=f"source-{ident}",
    )


def _sources(lang: str) -> list[Any]:
    """Every source, in the order the site uses them: the menu's indicators, the corridor tables, then the map."""
    meta = get_store().meta
    specs = meta.get("sources") or {}
    used = [src for i in menu() for src in meta["indicators"][i]["source"]]
    used += [src for spec in meta["bilateral"].values() for src in spec["source"]]
    order = [*dict.fromkeys(u for u in used if u in specs), *(i for i in specs if i not in used)]
    return [
        html.H2(t("sources_page.sources_title", lang), className="section-title", id="sources-list"),
        *(_source(ident, specs[ident], lang) for ident in order),
    ]


def _table(head: list[str], rows: list[list[Any]], numeric_from: int, label: str, caption: str = "") -> html.Div:
    """A table in a box that scrolls sideways on a phone: focusable and named by `label`, so a keyboard reaches it."""
    body = [
        html.Tr(
            [
                html.Th(row[0], scope="row"),
                *(html.Td(c, className="num" if i >= numeric_from else "") for i, c in enumerate(row[1:], start=1)),
            ]
        )
        for row in rows
    ]
    parts = [html.Caption(caption)] if caption else []
    table = html.Table(
        [*parts, html.Thead(html.Tr([html.Th(h, scope="col") for h in head])), html.Tbody(body)],
        className="table table-sm changes-table",
    )
    return html.Div(table, className="changes-wrap", tabIndex="0", role="region", **attrs({"aria-label": label}))


def _editions(lang: str) -> list[Any]:
    head = [
        t("sources_page.col_edition", lang),
        t("sources_page.col_sources", lang),
        t("sources_page.col_id", lang),
        t("sources_page.col_status", lang),
        t("sources_page.col_note", lang),
    ]
    rows = [
        [
            html.Span(e.name, className="text-nowrap"),
            e.label.get(lang, e.name),
            html.Code(e.id),
            t("sources_page.status_current" if e.current else "sources_page.status_kept", lang),
            e.erratum.get(lang, ""),
        ]
        for e in editions()
    ]
    return [
        html.H2(t("sources_page.editions_title", lang), className="section-title", id="editions"),
        html.Section(
            [
                html.P(t("sources_page.editions_intro", lang)),
                _table(head, rows, 5, t("sources_page.editions_title", lang)),
            ],
            className="panel",
        ),
    ]


def _series_label(indicator: str, lang: str) -> Any:
    """An indicator's label; a series used only to compute others (population, GDP) by its id."""
    if indicator in get_store().meta["indicators"]:
        return texts.label(indicator, lang)
    return [html.Code(indicator), " ", t("sources_page.auxiliary", lang)]


def _value(value: float, indicator: str, lang: str) -> str:
    return "" if pd.isna(value) else fmt_value(float(value), texts.unit(indicator), lang, compact=False)


def _country_changes(state: ViewState, frame: pd.DataFrame) -> list[Any]:
    lang = state.lang
    names = ", ".join(queries.country_name(c, lang) for c in state.countries)
    head = [
        t("table.country", lang),
        t("sources_page.col_series", lang),
        t("table.year_plain", lang),
        t("sources_page.col_old", lang),
        t("sources_page.col_new", lang),
        t("sources_page.col_reason", lang),
    ]
    rows = [
        [
            queries.country_name(r["iso3"], lang),
            texts.label(r["indicator"], lang),
            texts.year_label(r["indicator"], r["year"]),
            _value(r["old_value"], r["indicator"], lang),
            _value(r["new_value"], r["indicator"], lang),
            t(REASONS[r["reason"]], lang),
        ]
        for r in frame.head(MAX_ROWS).to_dict("records")
    ]
    heading = t("sources_page.country_title", lang, countries=names, count=len(frame))
    out: list[Any] = [html.H3(heading, className="section-title")]
    if len(frame) > MAX_ROWS:
        out.append(html.P(t("sources_page.country_capped", lang, shown=MAX_ROWS, total=len(frame))))
    return [*out, _table(head, rows, 3, heading)] if rows else [*out, html.P(t("sources_page.country_none", lang))]


def _changes(state: ViewState) -> list[Any]:
    lang = state.lang
    previous = changelog.previous_edition()
    frame = changelog.changes()
    title = html.H2(
        t("sources_page.changes_title", lang, previous=_edition_name(previous)), className="section-title", id="changes"
    )
    if frame.empty:
        return [title, html.Section(html.P(t("sources_page.no_changelog", lang)), className="panel")]
    counts = changelog.counts()
    shown = [i for i in menu() if i in counts.index]
    counts = counts.loc[[*shown, *(i for i in counts.index if i not in shown)]]  # the menu's indicators first
    head = [
        t("sources_page.col_series", lang),
        *(t(REASONS[r], lang) for r in s.CHANGE_REASONS),
        t("sources_page.col_total", lang),
    ]
    rows = [[_series_label(str(i), lang), *(fmt_number(int(n), lang) for n in row)] for i, row in counts.iterrows()]
    download = html.A(
        t("sources_page.download", lang, count=fmt_number(len(frame), lang)),
        id="changes-csv",
        href=f"{CHANGES_CSV}?lang={lang}",
        download="",
        className="btn btn-primary btn-sm",
    )
    lac = queries.group_members("lac")
    removed = frame[(frame["reason"] == "removed_placeholder") & frame["iso3"].isin(lac)]
    chosen = changelog.of(menu(), state.countries) if state.countries else None
    panel: list[Any] = [
        html.P(t("sources_page.changes_intro", lang, count=fmt_number(len(frame), lang))),
        html.P(download),
        _table(head, rows, 1, t("sources_page.changes_title", lang, previous=_edition_name(previous))),
        html.P(t("sources_page.placeholders", lang, count=len(removed), names=_placeholders(removed, lang))),
        *(_country_changes(state, chosen) if chosen is not None else [html.P(t("sources_page.country_hint", lang))]),
    ]
    return [title, html.Section(panel, className="panel")]


def _placeholders(rows: pd.DataFrame, lang: str) -> str:
    """ "Barbados 2018–2020, Chile 2005–2008": the country-years whose placeholder 0 was removed."""
    spans = []
    for code, years in rows.groupby("iso3")["year"]:
        ordered = sorted(int(y) for y in years)
        spans.append(f"{queries.country_name(str(code), lang)} {_runs(ordered)}")
    return "; ".join(sorted(spans))


def _runs(years: list[int]) -> str:
    """Years as runs: 2005–2013, 2019–2020."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def _edition_name(ident: str | None) -> str:
    return next((e.name for e in editions() if e.id == ident), ident or "—")


def layout(state: ViewState, browser_lang: str | None, _charts: dict[str, Chart]) -> tuple[list[Any], dict[str, Any]]:
    """Everything on /sources, and its (empty) image-export texts: the page has no chart."""
    lang = state.lang
    intro = t("sources_page.intro", lang, edition=texts.edition_label(lang), version=get_store().version)
    content = [
        html.Nav(
            back_link(state, browser_lang, "back-dashboard-sources"),
            className="page-nav d-print-none",
            **attrs({"aria-label": t("route.nav_label", lang)}),
        ),
        html.Div(html.H1(t("sources_page.title", lang), className="page-title"), className="page-head"),
        html.P(intro, className="page-intro"),
        html.Nav(
            [html.A(t(key, lang), href=f"#{anchor}") for key, anchor in TOC],
            className="sources-toc",
            **attrs({"aria-label": t("sources_page.contents", lang)}),
        ),
        *_sources(lang),
        *_editions(lang),
        *_changes(state),
    ]
    return content, {
        "title": t("sources_page.title", lang),
        "charts": {},
        "source": "",
        "file": "sources",
        "copied": t("share.copied", lang),
    }
