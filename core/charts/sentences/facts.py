"""Key facts under a chart: for a map or ranking the highest and lowest and where the selected countries rank, for a
trend the changes since the first and the previous data year, for costs the gap to the SDG 10.c target (and the 5 %
corridor ceiling), for a corridor view its total, main partners and the share of women, for the money sent along the
corridors its total and main senders (or receivers)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Final

from core.charts.sentences.values import Corridors, Group, Line, Money, Ranked
from core.charts.sentences.words import (
    by_value,
    change,
    counted,
    extremes,
    finite,
    is_zero,
    join,
    ordinal,
    persons,
    points,
    points_of,
    shown,
    when,
)
from core.data.corridors import SDG_TARGET
from core.i18n.catalog import t
from core.i18n.formats import fmt_compact, fmt_number, fmt_value

TOP_PARTNERS: Final = 3  # destinations (or origins) named in the corridor facts
GAPS: Final = {  # above, below, at
    "target": ("facts.target_above", "facts.target_below", "facts.target_at"),
    "ceiling": ("facts.ceiling_above", "facts.ceiling_below", "facts.ceiling_at"),
}
BY_DIRECTION: Final = {  # total, main partners, women by partner, women overall
    "out": ("facts.total_out", "facts.partners_out", "facts.women_out", "facts.women_out_only"),
    "in": ("facts.total_in", "facts.partners_in", "facts.women_in", "facts.women_in_only"),
}
CORRIDOR_PARTS: Final = ("total", "partners", "women", "unknown")  # the sentences of corridor_facts, in order
MONEY_BY_DIRECTION: Final = {  # total, main partners: received from where emigrants live, or sent from immigrants
    "out": ("facts.money_out", "facts.money_partners_out"),
    "in": ("facts.money_in", "facts.money_partners_in"),
}


def ranking_facts(
    rows: Sequence[Ranked],
    unit: str,
    group: Group,
    year: int,
    lang: str,
    selected: Sequence[tuple[str, str]] = (),
    target: float | None = None,
) -> list[str]:
    """Key facts of a map or ranking: the highest and lowest, where each selected (code, name) ranks, the group's
    own figure, and with a `target` (SDG 10.c for remittance costs) how many are below it."""
    if not rows:
        return [t("facts.no_data", lang, group=group.name, year=year)]
    ordered = by_value(rows)
    out = [t("facts.leader", lang, group=group.name, year=year, extremes=extremes(ordered, unit, lang, year))]
    by_code = {r.code: r for r in ordered}
    for code, name in selected:
        row = by_code.get(code)
        if row is not None:
            value = shown(row.value, unit, lang, row.year, year)
            out.append(t("facts.rank", lang, name=name, value=value, rank=ordinal(row.rank, lang), total=len(ordered)))
        elif code in group.members:
            out.append(t("facts.rank_no_data", lang, name=name, year=year))
        else:
            out.append(t("facts.rank_outside", lang, name=name, group=group.name))
    if group.value is not None and finite(group.value):
        out.append(
            t(
                counted("facts.group_value", group.reporting, lang),
                lang,
                group=group.name,
                value=fmt_value(group.value, unit, lang),
                count=group.reporting,
                total=len(group.members),
            )
        )
    if target is not None:
        below = sum(1 for r in ordered if r.value < target)
        key = "facts.target_count_none" if below == 0 else counted("facts.target_count", below, lang)
        out.append(t(key, lang, year=year, count=below, total=len(ordered), target=fmt_value(target, unit, lang)))
    return out


def trend_facts(lines: Sequence[Line], unit: str, lang: str) -> list[str]:
    """One sentence per line: its latest value, the change since its first point and since its previous point."""
    out = []
    for line in lines:
        found = points_of(line)
        if not found:
            continue
        year, value, quarter = found[-1]
        values = {"name": line.name, "value": fmt_value(value, unit, lang), "when": when(year, quarter, lang)}
        if len(found) == 1:
            out.append(t("facts.trend_one", lang, **values))
            continue
        first_year, first_value, first_quarter = found[0]
        values["first_change"] = change(first_value, value, unit, lang)
        values["first_since"] = when(first_year, first_quarter, lang, since=True)
        if len(found) == 2:
            out.append(t("facts.trend_two", lang, **values))
            continue
        previous_year, previous_value, previous_quarter = found[-2]
        values["previous_change"] = change(previous_value, value, unit, lang)
        values["previous_since"] = when(previous_year, previous_quarter, lang, since=True)
        out.append(t("facts.trend", lang, **values))
    return out


def _gap(value: float, limit: float, kind: str, lang: str) -> str:
    """ "1.2 percentage points above the SDG 10.c target (3.0 %)"; kind is "target" or "ceiling"."""
    gap = value - limit
    shown = fmt_value(limit, "percent", lang)
    above, below, at = GAPS[kind]
    key = at if is_zero(fmt_number(abs(gap), lang, 1)) else above if gap > 0 else below
    return t(key, lang, gap=points(gap, lang), target=shown, ceiling=shown)


def cost_facts(
    lines: Sequence[Line],
    lang: str,
    target: float = SDG_TARGET,
    ceiling: float | None = None,
    named: int | None = None,
) -> list[str]:
    """The gap of each line's latest cost (% of the amount sent) to the SDG 10.c target and, for corridors (pass
    `ceiling`, SDG_CORRIDOR_CEILING), to the 5 % ceiling; with several corridors, how many are below and above.
    `named`: a sentence for the first `named` lines with data only (the summary still counts every line)."""
    out = []
    latest = []
    for line in lines:
        found = points_of(line)
        if not found:
            continue
        year, value, quarter = found[-1]
        latest.append(value)
        if named is not None and len(latest) > named:
            continue
        values = {
            "name": line.name,
            "value": fmt_value(value, "percent", lang),
            "when": when(year, quarter, lang),
            "target": _gap(value, target, "target", lang),
        }
        if ceiling is None:
            out.append(t("facts.cost", lang, **values))
        else:
            out.append(t("facts.cost_ceiling", lang, ceiling=_gap(value, ceiling, "ceiling", lang), **values))
    if ceiling is not None and len(latest) > 1:
        below = sum(1 for v in latest if v < target)
        out.append(
            t(
                counted("facts.cost_summary", below, lang),
                lang,
                below=below,
                total=len(latest),
                above=sum(1 for v in latest if v > ceiling),
                target=fmt_value(target, "percent", lang),
                ceiling=fmt_value(ceiling, "percent", lang),
            )
        )
    return out


def corridor_facts(
    view: Corridors, lang: str, top: int = TOP_PARTNERS, parts: Collection[str] = CORRIDOR_PARTS
) -> list[str]:
    """The total and how many countries it spreads over, the main destinations (or origins) with their persons and
    share, the share of women overall and in each of them, and the share whose origin is not reported; `parts` (of
    CORRIDOR_PARTS) chooses among them, so two charts of one view need not say the same."""
    way = "out" if view.direction == "out" else "in"
    total_key, partners_key, women_key, women_only_key = BY_DIRECTION[way]
    count = len(view.partners)
    out = []
    if "total" in parts:
        out.append(
            t(
                counted(total_key, count, lang),
                lang,
                subject=view.subject,
                year=view.year,
                persons=persons(view.total, way, lang),
                count=fmt_number(count, lang),
            )
        )
    main = list(view.partners[:top])
    if main and "partners" in parts:
        items = [
            t(
                "facts.partner",
                lang,
                name=p.name,
                persons=fmt_compact(p.persons, lang),
                share=fmt_value(p.share, "percent", lang),
            )
            for p in main
        ]
        out.append(t(counted(partners_key, count, lang), lang, year=view.year, partners=join(items, lang)))
    if "women" in parts and view.female_share is not None and finite(view.female_share):
        women = [
            t("facts.share_of", lang, value=fmt_value(p.female_share, "percent", lang), name=p.name)
            for p in main
            if p.female_share is not None and finite(p.female_share)
        ]
        share = fmt_value(view.female_share, "percent", lang)
        if women:
            out.append(t(women_key, lang, share=share, partners=join(women, lang)))
        else:
            out.append(t(women_only_key, lang, share=share))
    if "unknown" in parts and way == "in" and not is_zero(fmt_value(view.unknown_share, "percent", lang)):
        out.append(t("facts.unknown_origin", lang, share=fmt_value(view.unknown_share, "percent", lang)))
    return out


def money_facts(view: Money, lang: str, top: int = TOP_PARTNERS) -> list[str]:
    """The remittances of a corridor view: the estimated total and how many countries it comes from (or goes to),
    then the main senders (or receivers) with their amounts and shares."""
    if not view.partners:
        return []
    total_key, partners_key = MONEY_BY_DIRECTION["out" if view.direction == "out" else "in"]
    count = len(view.partners)
    total = fmt_value(view.total, "usd", lang)
    out = [t(counted(total_key, count, lang), lang, subject=view.subject, year=view.year, value=total, count=count)]
    out.append(t(counted(partners_key, count, lang), lang, partners=join(money_partners(view, lang, top), lang)))
    return out


def money_partners(view: Money, lang: str, top: int) -> list[str]:
    """ "United States (US$ 6.7 billion, 89.6% of the total)" for each of the first `top` senders (receivers)."""
    return [
        t(
            "facts.money_partner",
            lang,
            name=name,
            value=fmt_value(usd, "usd", lang),
            share=fmt_value(share, "percent", lang),
        )
        for name, usd, share in view.partners[:top]
    ]
