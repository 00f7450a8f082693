"""What the dashboard's charts share: the metadata their data files carry, their subtitle, the policy target."""

from __future__ import annotations

import pandas as pd

from core.charts import texts
from core.data import published, queries
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


def about(indicator: str, lang: str) -> tuple[tuple[str, str], ...]:
    """Definition, unit, sources, citation, licence and caveats of an indicator: what its data files carry."""
    meta = queries.indicator_meta(indicator)
    return (
        (t("about.definition", lang), meta["definition"][lang]),
        (t("about.unit", lang), t(f"unit.{meta['unit']}", lang)),
        (t("sources.label", lang).rstrip(" :：\u202f"), texts.indicator_sources(indicator, lang)),
        (t("about.citation", lang), " ".join(meta["citation"])),
        (t("about.licence", lang), meta["licence"][lang]),
        *((t("about.caveats", lang), c[lang]) for c in meta["caveats"]),
    )


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
