"""A chart's Facts (core.charts.model) from what its builder drew: its accessible name and description, its key facts
(core.charts.sentences writes them) and the main numbers a speaker's notes list. One function per family of chart:
ranked values (a map, a ranking), lines over time (trends, shares by region, costs), the partners of a corridor view
and the money sent along it. Builders pass what they drew as the sentence module's plain values, names already in
the chart's language, and call these lazily (Chart.explain): nothing here reads the data."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Final

from core.charts import sentences
from core.charts.model import Facts
from core.charts.sentences.words import points_of, shown
from core.figures import lines as drawn_lines
from core.i18n.catalog import t
from core.i18n.formats import fmt_value

NUMBERS: Final = 10  # rows (countries, partners, lines) a speaker's notes list
POINTS: Final = 8  # points of a line they list: a longer line gives this many, evenly spread, first and last kept
COST_LINES_NAMED: Final = 3  # corridors with a sentence of their own (a cost's summary counts every one)


def said(drawn: Sequence[drawn_lines.Line]) -> list[sentences.Line]:
    """The lines of a trend figure as the sentences take them."""
    return [sentences.Line(line.name, line.years, line.values) for line in drawn]


def _when(year: int, quarter: int | None, lang: str) -> str:
    return t("facts.number_quarter", lang, quarter=quarter, year=year) if quarter else str(year)


def ranked_numbers(rows: Sequence[sentences.Ranked], unit: str, lang: str, year: int | None = None) -> tuple[str, ...]:
    """ "1. Montserrat: 491.7 %", the first NUMBERS by rank (a value from another year says its year)."""
    ordered = sorted(rows, key=lambda r: (r.rank, -r.value))[:NUMBERS]
    return tuple(
        t("facts.number_rank", lang, rank=r.rank, name=r.name, value=shown(r.value, unit, lang, r.year, year))
        for r in ordered
    )


def line_numbers(lines: Sequence[sentences.Line], unit: str, lang: str) -> tuple[str, ...]:
    """ "El Salvador: 8.1 % (1990), 15.3 % (2000), 28.9 % (2024)" for each of the first NUMBERS lines."""
    out = []
    for line in lines[:NUMBERS]:
        found = points_of(line)
        if not found:
            continue
        if len(found) > POINTS:
            found = [found[round(i * (len(found) - 1) / (POINTS - 1))] for i in range(POINTS)]
        points = [
            t("facts.number_point", lang, value=fmt_value(v, unit, lang), when=_when(y, q, lang)) for y, v, q in found
        ]
        out.append(t("facts.number_line", lang, name=line.name, points=", ".join(points)))
    return tuple(out)


def ranking(
    kind: str,
    title: str,
    rows: Sequence[sentences.Ranked],
    unit: str,
    group: sentences.Group,
    year: int,
    lang: str,
    selected: Sequence[tuple[str, str]] = (),
    target: float | None = None,
    missing: int = 0,
) -> Facts:
    """A map or a ranking: the highest and lowest, where the selected countries rank, the group's own figure and,
    with a target, how many are below it."""
    return Facts(
        name=sentences.chart_name(kind, title, lang),
        description=sentences.describe(kind, rows, unit, lang, year, missing),
        sentences=tuple(sentences.ranking_facts(rows, unit, group, year, lang, selected, target)),
        numbers=ranked_numbers(rows, unit, lang, year),
    )


def lines(
    title: str,
    drawn: Sequence[sentences.Line],
    unit: str,
    lang: str,
    said: Sequence[sentences.Line] | None = None,
    target: float | None = None,
) -> Facts:
    """A chart of lines over time: the latest value of each line `said` (all drawn, unless told) and its changes
    since the first and the previous data year; with a `target` (SDG 10.c for costs), its gap to it too."""
    told = list(drawn if said is None else said)
    facts = sentences.trend_facts(told, unit, lang)
    if target is not None:
        facts += sentences.cost_facts(told, lang, target=target)
    return Facts(
        name=sentences.chart_name("lines", title, lang),
        description=sentences.describe_lines(drawn, unit, lang, target),
        sentences=tuple(facts),
        numbers=line_numbers(drawn, unit, lang),
    )


def change(title: str, total: sentences.Line, drawn: Sequence[sentences.Line], year: int, lang: str) -> Facts:
    """Corridors in two years (a dumbbell): the change of the subject's total and of its largest corridors, each
    line's earlier and later figure in the numbers."""
    latest = [(line.name, points_of(line)) for line in drawn]
    rows = [
        sentences.Ranked(name, name, value, year, n)
        for n, (name, found) in enumerate(latest, start=1)
        for found_year, value, _ in found[-1:]
        if found_year == year
    ]
    return Facts(
        name=sentences.chart_name("dots", title, lang),
        description=sentences.describe("dots", rows, "persons", lang, year),
        sentences=tuple(sentences.trend_facts([total, *drawn[:COST_LINES_NAMED]], "persons", lang)),
        numbers=line_numbers(drawn, "persons", lang),
    )


def costs(title: str, drawn: Sequence[sentences.Line], lang: str) -> Facts:
    """Corridor costs: the latest cost of the first corridors against the SDG 10.c target and the 5 % ceiling, and
    how many of all the corridors drawn are below and above them."""
    facts = sentences.cost_facts(drawn, lang, ceiling=sentences.SDG_CORRIDOR_CEILING, named=COST_LINES_NAMED)
    return Facts(
        name=sentences.chart_name("lines", title, lang),
        description=sentences.describe_lines(drawn, "percent", lang, sentences.SDG_TARGET),
        sentences=tuple(facts),
        numbers=line_numbers(drawn, "percent", lang),
    )


def partners(
    kind: str,
    title: str,
    view: sentences.Corridors,
    lang: str,
    drawn: int,
    parts: Collection[str] = sentences.CORRIDOR_PARTS,
) -> Facts:
    """A corridor view's map or dot chart of its `drawn` largest partners: its total, main destinations (or
    origins) and the share of women (`parts` of them)."""
    rows = [sentences.Ranked(p.name, p.name, p.persons, view.year, n) for n, p in enumerate(view.partners, start=1)]
    numbers = tuple(
        t(
            "facts.partner",
            lang,
            name=p.name,
            persons=fmt_value(p.persons, "persons", lang),
            share=fmt_value(p.share, "percent", lang),
        )
        for p in view.partners[:NUMBERS]
    )
    return Facts(
        name=sentences.chart_name(kind, title, lang),
        description=sentences.describe(kind, rows[:drawn], "persons", lang, view.year),
        sentences=tuple(sentences.corridor_facts(view, lang, parts=parts)),
        numbers=numbers,
    )


def money(title: str, view: sentences.Money, lang: str) -> Facts:
    """The remittances along a corridor view's corridors: the estimated total and the main senders (receivers)."""
    rows = [sentences.Ranked(name, name, usd, view.year, n) for n, (name, usd, _) in enumerate(view.partners, start=1)]
    numbers = tuple(sentences.money_partners(view, lang, NUMBERS))
    return Facts(
        name=sentences.chart_name("dots", title, lang),
        description=sentences.describe("dots", rows, "usd", lang, view.year),
        sentences=tuple(sentences.money_facts(view, lang)),
        numbers=numbers,
    )
