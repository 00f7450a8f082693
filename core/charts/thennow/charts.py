"""The charts of the "2005 → today" page, each a Chart like every other (slide images, data files, embeds, data links,
words): the region's emigrants 1990–2024 with CELADE's estimate of the 2000 census round marked; remittances received
by the region with the 2004 figure marked; and the average cost of sending US$200 along a fixed set of surveyed
corridors into the region, 2011–2020, against the SDG 10.c target.

A quoted figure is drawn as a single point of its own, named by its document and paragraph, never joined to a series:
it is another estimate of the same thing, not a year of it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Final

import pandas as pd

from core.charts import explain, texts
from core.charts.corridor_view import common as corridor
from core.charts.dashboard import common
from core.charts.model import Chart, Facts, ready
from core.charts.thennow import statements as st
from core.charts.thennow import words
from core.data import published, queries
from core.data import schema as s
from core.data.cache import per_version
from core.data.store import get_store
from core.figures import lines, style, ticks
from core.i18n.catalog import t
from core.i18n.formats import fmt_short, fmt_value, separators

HEIGHT: Final = 340
QUOTED_MARKER: Final = 12  # px: the quoted figure's point, larger than a series' markers


def _quoted_line(number: int, year: int, value: float, shown: str, lang: str) -> lines.Line:
    name = t("thennow.chart_quoted", lang, cite=words.cite(number, lang))
    return lines.Line(
        name=name,
        years=[year],
        values=[value],
        hover=[t("thennow.chart_quoted_hover", lang, figure=shown, year=year)],
        color=style.HIGHLIGHT,
        marker_size=QUOTED_MARKER,
    )


def _group_line(indicator: str, group: str, lang: str, color: str, dash: str) -> tuple[lines.Line, list[tuple]] | None:
    """A group's series by the site's group rule, its hover saying who reports, and its rows for the data file."""
    if group not in get_store().meta["groups"] or indicator not in get_store().meta["indicators"]:
        return None
    found = queries.aggregate_series(indicator, queries.group_members(group))
    if not found:
        return None
    unit = texts.unit(indicator)
    name = texts.group_name(group, lang)
    line = lines.Line(
        name=name,
        years=[a.year for a in found],
        values=[a.value for a in found],
        hover=[
            t("trend.hover_year", lang, year=a.year, value=fmt_value(a.value, unit, lang))
            + "<br>"
            + common.reporting(a, lang)
            for a in found
        ],
        color=color,
        dash=dash,
    )
    rows = [(name, a.year, a.value, a.reporting, a.carried, "") for a in found]
    return line, rows


def _table(records: list[tuple], indicator: str, source: str, lang: str, quoted: tuple | None) -> pd.DataFrame:
    """The chart's data file: each series by year (a group's figure always computed, with how many members report
    and how many are carried from a nearby year), then the quoted figure as its document wrote it."""
    value = texts.label(indicator, lang, "short_label")
    columns = [
        t("thennow.col_series", lang),
        t("table.year_plain", lang),
        value,
        t("thennow.col_reporting", lang),
        t("thennow.col_carried", lang),
        texts.sources_term(lang),
        t("thennow.col_quoted", lang),
    ]
    shown = [(n, y, v, r, c, words.source(source, lang), q) for n, y, v, r, c, q in records]
    if quoted is not None:
        shown.append(quoted)
    frame = pd.DataFrame(shown, columns=columns)
    frame[value] = published.indicator_values(frame[value], indicator)
    return frame.astype({columns[1]: "int64", columns[3]: "Int64", columns[4]: "Int64"})


def emigrants_chart(lang: str) -> Chart:
    """The region's emigrants, 1990–2024 (the 33 states, and with the territories), CELADE's estimate marked."""
    drawn, records = [], []
    for group, color, dash in ((st.STATES, style.QUALITATIVE[0], "solid"), (st.REGION, style.AGGREGATE_COLOR, "dash")):
        found = _group_line(s.EMIGRANT_STOCK, group, lang, color, dash)
        if found is not None:
            drawn.append(found[0])
            records += found[1]
    figure_text, value = words.figure(2, lang), st.quoted(2)[0].value
    quoted = _quoted_line(2, st.THEN[0], value, figure_text, lang)
    cite = words.cite(2, lang)
    quoted_row = (quoted.name, st.THEN[0], value, None, None, cite, figure_text)
    title = t("thennow.chart_emigrants_title", lang)
    return _chart(
        "tn-emigrants",
        title,
        t("thennow.chart_emigrants_subtitle", lang, year=st.THEN[0]),
        drawn,
        quoted,
        _table(records, s.EMIGRANT_STOCK, st.UNDESA_2024, lang, quoted_row),
        s.EMIGRANT_STOCK,
        lang,
        notes=(t("thennow.chart_emigrants_note", lang), *texts.group_caveats(st.REGION, lang)),
        quoted_fact=t("thennow.chart_quoted_fact", lang, figure=figure_text, year=st.THEN[0], cite=cite),
        year=st.THEN[0],
        cite=cite,
    )


def remittances_chart(lang: str) -> Chart:
    """Remittances received by the 33 states, every year WDI has, the 2004 figure marked."""
    found = _group_line(s.REMITTANCES_USD, st.STATES, lang, style.QUALITATIVE[0], "solid")
    drawn, records = ([found[0]], found[1]) if found is not None else ([], [])
    figure_text, value = words.figure(17, lang), st.quoted(17)[0].value
    quoted = _quoted_line(17, 2004, value, figure_text, lang)
    cite = words.cite(17, lang)
    quoted_row = (quoted.name, 2004, value, None, None, cite, figure_text)
    years = queries.indicator_meta(s.REMITTANCES_USD)["years"]
    return _chart(
        "tn-remittances",
        t("thennow.chart_remittances_title", lang),
        t("thennow.chart_remittances_subtitle", lang, first=years[0], last=years[-1]),
        drawn,
        quoted,
        _table(records, s.REMITTANCES_USD, st.WDI, lang, quoted_row),
        s.REMITTANCES_USD,
        lang,
        notes=(t("thennow.chart_remittances_note", lang),),
        quoted_fact=t("thennow.chart_quoted_fact", lang, figure=figure_text, year=2004, cite=cite),
        year=2004,
        cite=cite,
    )


def _chart(
    chart_id: str,
    title: str,
    subtitle: str,
    drawn: list[lines.Line],
    quoted: lines.Line,
    table: pd.DataFrame,
    indicator: str,
    lang: str,
    notes: tuple[str, ...],
    quoted_fact: str,
    year: int,
    cite: str,
) -> Chart:
    """A series of the site's data with a quoted figure beside it: the figure, its table, its words and metadata."""
    unit = texts.unit(indicator)
    top = max((v for line in (*drawn, quoted) for v in line.values if v is not None), default=0.0)
    figure = lines.trend_figure(
        [*drawn, quoted] if drawn else [],
        log=False,
        y_title=texts.label(indicator, lang, "short_label"),
        empty_hint=t("profile.no_data", lang),
        year=year,
        ticks=ticks.round_ticks(top, lambda v: fmt_short(v, lang), count=4),
        separators=separators(lang),
    )

    def facts() -> Facts:
        said = explain.lines(title, explain.said(drawn), unit, lang)
        return replace(said, sentences=(*said.sentences, quoted_fact), numbers=(*said.numbers, quoted_fact))

    quoted_about = (t("thennow.about_quoted", lang), t("thennow.about_quoted_text", lang, cite=cite))
    return Chart(
        id=chart_id,
        title=title,
        subtitle=subtitle,
        draw=ready(figure),
        rows=ready(table),
        sources=f"{texts.indicator_sources(indicator, lang)}; {t('thennow.documents_short', lang)}",
        notes=notes,
        about=(*common.about(indicator, lang), quoted_about),
        height=HEIGHT,
        explain=facts,
        source_ids=common.source_ids(indicator),
    )


def costs_chart(lang: str) -> Chart:
    """The simple average cost of the corridors into the region surveyed in the first and the last year, every year,
    against the SDG 10.c target; how many of them were below 5 % and 3 % in the data file."""
    kept, by_year = st.cost_panel()
    years = sorted(by_year)
    means = [sum(by_year[y]) / len(by_year[y]) for y in years]
    name = t("thennow.chart_costs_line", lang, count=len(kept))
    drawn = (
        [
            lines.Line(
                name=name,
                years=years,
                values=means,
                hover=[
                    t("trend.hover_year", lang, year=y, value=fmt_value(v, "percent", lang))
                    for y, v in zip(years, means, strict=True)
                ],
                color=style.QUALITATIVE[0],
            )
        ]
        if years
        else []
    )
    target = (st.COST_TARGET, t("ranking.target", lang, value=fmt_value(st.COST_TARGET, "percent", lang)))
    figure = lines.trend_figure(
        drawn,
        log=False,
        y_title=t("thennow.chart_costs_axis", lang),
        empty_hint=t("profile.no_data", lang),
        year=years[-1] if years else 2020,
        separators=separators(lang),
        target=target,
    )
    average = t("thennow.col_average_cost", lang)
    table = pd.DataFrame(
        {
            t("table.year_plain", lang): pd.array(years, dtype="int64"),
            average: published.derived(means).to_numpy(),
            t("thennow.col_corridors", lang): pd.array([len(by_year[y]) for y in years], dtype="int64"),
            t("thennow.col_below_ceiling", lang): pd.array(
                [sum(1 for v in by_year[y] if v < st.COST_CEILING) for y in years], dtype="int64"
            ),
            t("thennow.col_below_target", lang): pd.array(
                [sum(1 for v in by_year[y] if v < st.COST_TARGET) for y in years], dtype="int64"
            ),
        }
    )
    pairs = ", ".join(f"{a}→{b}" for a, b in kept)
    title = t("thennow.chart_costs_title", lang)
    return Chart(
        id="tn-costs",
        title=title,
        subtitle=t(
            "thennow.chart_costs_subtitle",
            lang,
            count=len(kept),
            first=years[0] if years else "",
            last=years[-1] if years else "",
        ),
        draw=ready(figure),
        rows=ready(table),
        sources=corridor.sources(lang, corridor.SOURCE_COSTS),
        notes=(t("thennow.chart_costs_note", lang), t("thennow.chart_costs_pledge", lang)),
        about=(
            *corridor.about(corridor.COSTS_TABLE, lang),
            (t("thennow.about_average", lang), t("thennow.about_average_text", lang, count=len(kept), pairs=pairs)),
        ),
        height=HEIGHT,
        explain=lambda: explain.lines(title, explain.said(drawn), "percent", lang, target=st.COST_TARGET),
        source_ids=(corridor.SOURCE_COSTS,),
    )


CHARTS: Final[dict[str, Callable[[str], Chart]]] = {
    "tn-emigrants": emigrants_chart,
    "tn-remittances": remittances_chart,
    "tn-costs": costs_chart,
}


@per_version(maxsize=24)
def chart(chart_id: str, lang: str) -> Chart:
    """One chart of the page in a language: the same for every visitor, so kept (readers only copy it)."""
    return CHARTS[chart_id](lang)
