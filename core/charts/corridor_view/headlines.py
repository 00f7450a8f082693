"""The corridor view's headline figures: its total emigrants (or immigrants), where they live (or were born) and
the share of women, from the sums of its corridors."""

from __future__ import annotations

from core.charts.corridor_view import common as c
from core.charts.model import Headline
from core.data import corridors, flows
from core.i18n.catalog import t


def headlines(subject: str, direction: str, year: int, lang: str) -> list[Headline]:
    code = flows.check_subject(subject)
    way, when = flows.check_direction(code, direction), flows.check_year(year)
    parts = flows.split(code, way, when).set_index("part")
    total = float(parts["persons"].sum())
    female = float(parts["female"].sum())

    def share(*names: str) -> str:
        return c.percent(100.0 * float(parts.loc[list(names), "persons"].sum()) / total if total > 0 else None, lang)

    note = t("flows.headline_note", lang, year=when)
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
