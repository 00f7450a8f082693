"""The dashboard's headline figures: the focus group's emigrants (total and share of the population) and
remittances (US$ and % of GDP), each with its year, how many members reported and which were carried from a nearby
year (the group rule of core.data.queries)."""

from __future__ import annotations

import math

from core.charts import texts
from core.charts.dashboard.common import reporting
from core.charts.model import Headline
from core.data import queries
from core.data import schema as s
from core.i18n.catalog import t
from core.i18n.formats import fmt_value
from core.state.options import options
from core.state.urlstate import ViewState

INDICATORS = (s.EMIGRANT_STOCK, s.EMIGRANT_SHARE, s.REMITTANCES_USD, s.REMITTANCES_GDP)


def _nearest_year(years: list[int], year: int) -> int | None:
    return min(years, key=lambda y: (abs(y - year), y > year)) if years else None


def headlines(state: ViewState) -> list[Headline]:
    """The focus in four figures, each at the data year nearest the year shown."""
    year = state.resolved_year(options())
    members = queries.group_members(state.focus)
    out = []
    for indicator in INDICATORS:
        series = queries.aggregate_series(indicator, members)
        near = _nearest_year([a.year for a in series], year)
        agg = next((a for a in series if a.year == near), None)
        label = texts.label(indicator, state.lang, "short_label")
        if agg is None or (isinstance(agg.value, float) and math.isnan(agg.value)):
            out.append(Headline(label, t("format.missing", state.lang), ""))
            continue
        note = t("headline.note", state.lang, year=agg.year, reporting=reporting(agg, state.lang))
        out.append(Headline(label, fmt_value(agg.value, texts.unit(indicator), state.lang), note))
    return out
