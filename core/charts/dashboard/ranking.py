"""The dashboard's ranking: the focus members in the year shown, highest first (a World ranking its top 60), the
selected countries highlighted, the group's figure and the policy target as rules."""

from __future__ import annotations

import pandas as pd

from core.charts import stills, texts
from core.charts.dashboard import common
from core.charts.dashboard.mapview import map_title, ranked_facts, ranked_records, ranked_values
from core.charts.dashboard.trend import value_ticks
from core.charts.model import Chart
from core.data import queries
from core.figures import dotplot
from core.figures.style import Figure
from core.figures.svg import ranking as svg_ranking
from core.i18n.catalog import t
from core.i18n.formats import fmt_short, fmt_value, separators
from core.state.options import options
from core.state.urlstate import ViewState

RANKING_LIMIT = 60  # all of LAC (51) fits; a World ranking shows its top 60 and says so


def _dot_label(value: float, unit: str, lang: str) -> str:
    """The value beside a dot. Money is abridged (US$ 4.1B, 4,1 Md $ US), as on the corridor charts: in words it runs
    to "4,1 milliards de dollars des États-Unis", wider than the plot; the tooltip says it in full."""
    if unit == "usd":
        return t("format.usd_short", lang, value=fmt_short(value, lang))
    return fmt_value(value, unit, lang)


def ranked_rows(state: ViewState) -> pd.DataFrame:
    """The rows drawn: the top RANKING_LIMIT, and any selected country below them."""
    rows = ranked_values(state, state.resolved_year(options()))
    keep = rows.head(RANKING_LIMIT)
    extra = rows[rows["iso3"].isin(state.countries) & ~rows.index.isin(keep.index)]
    return pd.concat([keep, extra])


def ranking(state: ViewState) -> dotplot.Ranking:
    year = state.resolved_year(options())
    unit, lang = texts.unit(state.indicator), state.lang
    rows = ranked_rows(state)
    agg = queries.aggregate_at(state.indicator, queries.group_members(state.focus), year)
    reference = agg.value if agg is not None and unit == "percent" else None
    target, target_label = common.target_line(state.indicator, lang) or (None, "")
    reference_label = (
        t("ranking.reference", lang, focus=texts.group_name(state.focus, lang), value=fmt_value(reference, unit, lang))
        if reference is not None
        else ""
    )
    return dotplot.Ranking(
        target=target,
        target_label=target_label,
        names=[f"{n}{' *' if y != year else ''}" for n, y in zip(rows["name"], rows["year"], strict=True)],
        codes=rows["iso3"].tolist(),
        values=rows["value"].tolist(),
        labels=[_dot_label(v, unit, lang) for v in rows["value"]],
        hovers=[
            fmt_value(v, unit, lang) + (f" ({t('value.as_published', lang)})" if a else "")
            for v, a in zip(rows["value"], rows["anomaly"], strict=True)
        ],
        highlighted=[c in state.countries for c in rows["iso3"]],
        reference=reference,
        reference_label=reference_label,
    )


def ranking_figure(state: ViewState) -> Figure:
    log = state.resolved_scale(options()) == "log"
    data = ranking(state)
    return dotplot.ranking_figure(
        data,
        log=log,
        x_title=texts.label(state.indicator, state.lang, "short_label"),
        ticks=value_ticks([v for v in data.values if v is not None], log, texts.unit(state.indicator), state.lang),
        separators=separators(state.lang),
    )


def ranking_still(state: ViewState, width: int) -> str:
    """The ranking as a static SVG, as tall as the interactive one."""
    log = state.resolved_scale(options()) == "log"
    data = ranking(state)
    axis = value_ticks([v for v in data.values if v is not None], log, texts.unit(state.indicator), state.lang)
    return svg_ranking.dot_plot(
        data,
        width,
        ranking_title(state),
        uid="still-ranking",
        log=log,
        x_title=texts.label(state.indicator, state.lang, "short_label"),
        ticks=list(zip(axis["tickvals"], axis["ticktext"], strict=True)) if axis else None,
        tick_format=stills.tick_format(separators(state.lang)),
    )


def ranking_title(state: ViewState) -> str:
    year = state.resolved_year(options())
    title = t(
        "ranking.title",
        state.lang,
        focus=texts.group_name(state.focus, state.lang),
        year=texts.year_label(state.indicator, year),
    )
    total = len(ranked_records(state, year))
    if total > RANKING_LIMIT:
        title += " (" + t("ranking.top", state.lang, shown=RANKING_LIMIT, total=total) + ")"
    return title


def ranking_chart(state: ViewState) -> Chart:
    year = state.resolved_year(options())
    title = ranking_title(state)
    return Chart(
        id="ranking",
        title=title,
        subtitle=common.subtitle(state, texts.year_label(state.indicator, year)),
        draw=lambda: ranking_figure(state),
        rows=lambda: common.values_table(state, ranked_rows(state), year),
        notes=texts.group_notes(state.focus, state.lang),
        sources=texts.indicator_sources(state.indicator, state.lang),
        about=common.about(state.indicator, state.lang),
        height=640,
        kind="ranking",
        still=lambda width, _height: ranking_still(state, width),
        explain=lambda: ranked_facts(state, year, "ranking", map_title(state)),  # the name says the indicator
        source_ids=common.source_ids(state.indicator),
    )
