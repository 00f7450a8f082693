"""The dashboard's trend: the focus group's figure (dashed) beside each selected country, over every year."""

from __future__ import annotations

import pandas as pd

from core.charts import explain, texts
from core.charts.dashboard import common
from core.charts.model import Chart, Facts
from core.data import published, queries
from core.data.cache import per_version
from core.figures import lines, style, ticks
from core.figures.style import Figure
from core.i18n.catalog import t
from core.i18n.formats import fmt_short, fmt_value, separators
from core.state.options import options
from core.state.urlstate import ViewState


@per_version(maxsize=64)  # drawn and told (trend_facts) from one computation; shared, so never changed
def trend_lines(state: ViewState) -> list[lines.Line]:
    unit = texts.unit(state.indicator)
    lang = state.lang
    rows = queries.series(state.indicator)
    out: list[lines.Line] = []
    aggregate = queries.aggregate_series(state.indicator, queries.group_members(state.focus))
    if aggregate:
        out.append(
            lines.Line(
                name=texts.group_name(state.focus, lang),
                years=[a.year for a in aggregate],
                values=[a.value for a in aggregate],
                hover=[
                    t(
                        "trend.hover_year",
                        lang,
                        year=texts.year_label(state.indicator, a.year),
                        value=fmt_value(a.value, unit, lang),
                    )
                    + "<br>"
                    + common.reporting(a, lang)
                    for a in aggregate
                ],
                color=style.AGGREGATE_COLOR,
                dash="dash",
            )
        )
    for number, code in enumerate(state.countries):
        own = rows[rows["iso3"] == code].sort_values("year")
        hover = [
            t(
                "trend.hover_year",
                lang,
                year=texts.year_label(state.indicator, y),
                value=fmt_value(v, unit, lang, compact=False),
            )
            + (f" ({t('value.as_published', lang)})" if a else "")
            for y, v, a in zip(own["year"], own["value"], own["anomaly"], strict=True)
        ]
        out.append(
            lines.Line(
                name=queries.country_name(code, lang),
                years=own["year"].tolist(),
                values=own["value"].tolist(),
                hover=hover,
                color=style.QUALITATIVE[number % len(style.QUALITATIVE)],
            )
        )
    return out


def value_ticks(values: list[float], log: bool, unit: str, lang: str) -> dict:
    """Counts and money on a log axis are ticked at powers of ten in the language's words; elsewhere plotly picks
    the ticks and the separators localise them."""
    return ticks.log_ticks(values, lambda v: fmt_short(v, lang)) if log and unit != "percent" else {}


def trend_figure(state: ViewState) -> Figure:
    log = state.resolved_scale(options()) == "log"
    drawn = trend_lines(state)
    return lines.trend_figure(
        drawn,
        log=log,
        y_title=texts.label(state.indicator, state.lang, "short_label"),
        empty_hint=t("trend.empty", state.lang),
        year=state.resolved_year(options()),
        ticks=value_ticks([v for line in drawn for v in line.values], log, texts.unit(state.indicator), state.lang),
        separators=separators(state.lang),
        target=common.target_line(state.indicator, state.lang),
        year_labels=year_labels(state.indicator),
    )


def year_labels(indicator: str) -> dict[int, str]:
    """The tick labels of years the source names otherwise ("2015/16"); {} when every year is written as itself."""
    years = queries.indicator_meta(indicator)["years"]
    labels = {int(y): texts.year_label(indicator, int(y)) for y in years}
    return {y: text for y, text in labels.items() if text != str(y)}


def trend_title(state: ViewState) -> str:
    """ "... over time"; for an indicator of one year (DIOC 2015/16), the comparison it is."""
    one = len(queries.indicator_meta(state.indicator)["years"]) == 1
    return t(
        "trend.title_one_year" if one else "trend.title", state.lang, indicator=texts.label(state.indicator, state.lang)
    )


def _table(state: ViewState) -> pd.DataFrame:
    """The trend's data file: its lines by year (the group's first, then each selected country's), each value as its
    source publishes it and whether this project computed it (a group's figure always is)."""
    lang = state.lang
    aggregate = queries.aggregate_series(state.indicator, queries.group_members(state.focus))
    records: list[tuple[str, str | None, int, float, bool]] = [
        (texts.group_name(state.focus, lang), None, a.year, a.value, True) for a in aggregate
    ]
    rows = queries.series(state.indicator)
    for code in state.countries:
        own = rows[rows["iso3"] == code].sort_values("year")
        name = queries.country_name(code, lang)
        records += [
            (name, code, int(y), float(v), bool(c))
            for y, v, c in zip(own["year"], own["value"], own["computed"], strict=True)
        ]
    value = texts.label(state.indicator, lang, "short_label")
    columns = [t("table.country", lang), "iso3", t("table.year_plain", lang), value, t("export.computed", lang)]
    frame = pd.DataFrame(records, columns=columns).astype({columns[0]: "str", "iso3": "str", columns[2]: "int64"})
    frame[value] = published.indicator_values(frame[value], state.indicator)
    return frame.astype({columns[4]: bool})


def trend_facts(state: ViewState, title: str) -> Facts:
    """Each line's latest value and its changes since its first and its previous data year; for costs, its gap to
    the SDG 10.c target."""
    target = common.target_line(state.indicator, state.lang)
    drawn = explain.said(trend_lines(state))
    unit = texts.unit(state.indicator)
    return explain.lines(title, drawn, unit, state.lang, target=None if target is None else target[0])


def trend_chart(state: ViewState) -> Chart:
    years = [texts.year_label(state.indicator, y) for y in queries.indicator_meta(state.indicator)["years"]]
    period = years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"
    title = trend_title(state)
    return Chart(
        id="trend",
        title=title,
        subtitle=common.subtitle(state, period),
        draw=lambda: trend_figure(state),
        rows=lambda: _table(state),
        notes=texts.group_notes(state.focus, state.lang),
        sources=texts.indicator_sources(state.indicator, state.lang),
        about=common.about(state.indicator, state.lang),
        height=440,
        kind="lines",
        explain=lambda: trend_facts(state, title),
        source_ids=common.source_ids(state.indicator),
    )
