"""What the dashboard's charts share: the metadata their data files carry, their subtitle, the policy target."""

from __future__ import annotations

import pandas as pd

from core.charts import texts
from core.data import published, queries
from core.data.queries import Aggregate
from core.i18n.catalog import one_line, t
from core.i18n.formats import fmt_value
from core.state.urlstate import ViewState


def _first_sentence(text: str) -> str:
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def subtitle(state: ViewState, period: str) -> str:
    """The definition's first sentence, the focus and the period: what the chart shows, where, when."""
    definition = _first_sentence(one_line(queries.indicator_meta(state.indicator)["definition"][state.lang]))
    focus = texts.group_name(state.focus, state.lang)
    return t("export.subtitle", state.lang, definition=definition, focus=focus, period=period)


def group_rule(indicator: str, lang: str) -> str:
    """How the indicator's group figures are formed (the group rule and the indicator's own note), or why it has
    none (costs and skilled-emigration rates need weights the data do not include)."""
    rule = queries.indicator_meta(indicator)["aggregate"]
    if rule.get("reason"):
        return one_line(str(rule["reason"][lang]))
    return " ".join(
        text for text in (texts.note("group_rule", lang), one_line((rule.get("note") or {}).get(lang, ""))) if text
    )


def source_ids(indicator: str) -> tuple[str, ...]:
    """The sources of an indicator's values (ids of the metadata's sources)."""
    return tuple(queries.indicator_meta(indicator)["source"])


def about(indicator: str, lang: str) -> tuple[tuple[str, str], ...]:
    """Definition, unit, sources, group rule, citation, licence and caveats of an indicator: what its data files
    carry."""
    rule = group_rule(indicator, lang)
    return texts.about(queries.indicator_meta(indicator), lang, ((t("about.groups", lang), rule),) if rule else ())


def reporting(agg: Aggregate, lang: str) -> str:
    """Who stands behind a group figure: "30 of 51 with data", and the members carried from a nearby year by the
    group rule ("plus Guyana (2023) from a nearby year"; counted when more than three)."""
    text = t("group.reporting", lang, count=agg.reporting, total=agg.members)
    if not agg.carried:
        return text
    if agg.carried > 3:
        years = sorted({y for _, y in agg.carried_from})
        span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
        return text + ", " + t("group.carried_count", lang, count=agg.carried, years=span)
    names = ", ".join(f"{queries.country_name(c, lang)} ({y})" for c, y in agg.carried_from)
    return text + ", " + t("group.carried_names", lang, names=names)


def target_line(indicator: str, lang: str) -> tuple[float, str] | None:
    """The indicator's policy target and its label (SDG 10.c: a 3 % cost of sending remittances), if any."""
    meta = queries.indicator_meta(indicator)
    target = meta.get("target")
    if target is None:
        return None
    return float(target), t("ranking.target", lang, value=fmt_value(float(target), meta["unit"], lang))


def values_table(state: ViewState, rows: pd.DataFrame, year: int) -> pd.DataFrame:
    """A data file of countries' values near `year`: rank, country, ISO3, the value as its source publishes it,
    whether this project computed it, whether it is from the nearest year rather than `year`, the year of the value."""
    lang = state.lang
    values = published.indicator_values(rows["value"], state.indicator)
    return pd.DataFrame(
        {
            t("table.rank", lang): rows["rank"].astype("int64"),
            t("table.country", lang): rows["name"].astype("str"),
            "iso3": rows["iso3"].astype("str"),
            texts.label(state.indicator, lang, "short_label"): values,
            t("export.computed", lang): rows["computed"].astype(bool),
            t("export.nearest_year", lang): rows["year"].astype("int64") != year,
            t("table.year", lang): rows["year"].astype("int64"),
        }
    )
