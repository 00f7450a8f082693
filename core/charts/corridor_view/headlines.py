"""The corridor view's headline figures: its total emigrants (or immigrants), where they live (or were born) and
the share of women, from the sums of its corridors."""

from __future__ import annotations

from core.charts import texts
from core.charts.corridor_view import common as c
from core.charts.model import Headline
from core.data import corridors, flows, queries
from core.data import schema as s
from core.data.store import get_store
from core.i18n.catalog import t

FAR_APART = 2.0  # a corridor total this many times the country figure (or less) gets the caveat on small states


def headlines(subject: str, direction: str, year: int, lang: str) -> list[Headline]:
    code = flows.check_subject(subject)
    way, when = flows.check_direction(code, direction), flows.check_year(year)
    parts = flows.split(code, way, when).set_index("part")
    total = float(parts["persons"].sum())
    female = float(parts["female"].sum())

    def share(*names: str) -> str:
        return c.percent(100.0 * float(parts.loc[list(names), "persons"].sum()) / total if total > 0 else None, lang)

    note = t("flows.headline_note", lang, year=when, source=c.revision(lang))
    if way == "out":
        label = "flows.headline_emigrants_group" if flows.is_group(code) else "flows.headline_emigrants"
        out = [
            Headline(t(label, lang), c.persons(total, lang), note),
            Headline(t("flows.headline_in_lac", lang), share(corridors.PART_LAC), note),
        ]
        if code != "USA":
            out.append(Headline(t("flows.headline_in_usa", lang), share(corridors.PART_USA), note))
        elsewhere = [p for p in corridors.PARTS if p not in (corridors.PART_LAC, corridors.PART_USA)]
        out.append(Headline(t("flows.headline_elsewhere", lang), share(*elsewhere), note))
    else:
        out = [
            Headline(t("flows.headline_immigrants", lang), c.persons(total, lang), note),
            Headline(t("flows.headline_born_lac", lang), share(corridors.PART_LAC), note),
            Headline(t("flows.headline_born_rest", lang), share(corridors.PART_REST), note),
            Headline(t("flows.headline_born_unknown", lang), share(corridors.PART_UNKNOWN), note),
        ]
    female_share = 100.0 * female / total if total > 0 else None
    out.append(Headline(t("flows.headline_female", lang), c.percent(female_share, lang), note))
    return out


def reconcile(subject: str, direction: str, year: int, lang: str, explain: bool = True) -> str:
    """One line saying where the corridors' total and the country figures of the rest of the site part: the
    corridors come from UN DESA's 2020 revision, the country totals from the 2024 one, and the two are never mixed.
    "" when the edition takes both from the same revision or the country figure is missing. `explain`: add, where the
    two are far apart, the caveat on the small states the 2024 revision attributes far fewer emigrants to."""
    code = flows.check_subject(subject)
    way, when = flows.check_direction(code, direction), flows.check_year(year)
    indicator = s.EMIGRANT_STOCK if way == "out" else s.IMMIGRANT_STOCK
    meta = get_store().meta
    headline_sources = meta["indicators"].get(indicator, {}).get("source", [])
    if not headline_sources or c.SOURCE_STOCKS in headline_sources:
        return ""
    members = flows.members(code)
    if flows.is_group(code):
        series = {a.year: a.value for a in queries.aggregate_series(indicator, members)}
    else:
        rows = queries.series(indicator)
        rows = rows[rows["iso3"] == code]
        series = dict(zip(rows["year"].astype(int), rows["value"], strict=True))
    if when not in series:
        return ""
    latest = max(series)
    total = float(flows.split(code, way, when)["persons"].sum())
    key = "flows.reconcile_same" if round(total) == round(series[when]) else "flows.reconcile"
    # Far apart (the Bahamas: 42,965 in the corridors, 1,955 in the 2024 revision): the caveat says why.
    apart = min(total, series[when]) * FAR_APART < max(total, series[when])
    extra = " " + texts.caveat("revision_2024_small_states", lang) if explain and apart and way == "out" else ""
    return (
        t(
            key,
            lang,
            corridors=c.sources(lang, c.SOURCE_STOCKS),
            total=c.persons(total, lang, compact=False),
            year=when,
            headline=texts.sources_line(headline_sources, lang),
            same=c.persons(series[when], lang, False),
            latest=c.persons(series[latest], lang, compact=False),
            latest_year=latest,
        ).rstrip()
        + extra
    )
