"""The words of the "2005 → today" statements in a language: what each is about, its figure as the document wrote it,
its note, where it was written, its verdict, each measure's label and values. Every number goes through
core.i18n.formats; the page (components/thennow.py), its data file (core/web/exports.py) and its meta description
(core/charts/facts.py) all word a statement here."""

from __future__ import annotations

from typing import Final

from core.charts import texts
from core.charts.thennow.statements import (
    COST_CEILING,
    COST_TARGET,
    DIFFERS,
    NONE,
    SAME,
    Measure,
    Point,
    Quoted,
    Statement,
    citation,
)
from core.charts.thennow.statements import quoted as seed_figures
from core.data import queries
from core.data.store import get_store
from core.i18n.catalog import one_line, t
from core.i18n.formats import fmt_number, fmt_percent, fmt_value

VERDICTS: Final = {SAME: "thennow.verdict_same", DIFFERS: "thennow.verdict_differs", NONE: "thennow.verdict_none"}
THEMES: Final = {
    "emigrants": "thennow.theme_emigrants",
    "destinations": "thennow.theme_destinations",
    "shares": "thennow.theme_shares",
    "women": "thennow.theme_women",
    "remittances": "thennow.theme_remittances",
    "costs": "thennow.theme_costs",
    "skilled": "thennow.theme_skilled",
    "policy": "thennow.theme_policy",
}
LINKS: Final = {
    "dashboard": "thennow.see_dashboard",
    "corridors": "thennow.see_corridors",
    "country": "thennow.see_dashboard",
    "sources": "thennow.see_sources",
}
GROWTH: Final = ("decade_growth",)  # measures of a change: written with their sign


def quoted(figure: Quoted, lang: str) -> str:
    """A document's figure as it wrote it: 25 million, 4%, 14.5%, US$ 40 billion, 9."""
    if figure.unit == "percent":
        return fmt_percent(figure.value, lang, figure.decimals)
    if figure.unit == "count":
        return fmt_number(figure.value, lang)
    return fmt_value(figure.value, figure.unit, lang)


def _figures(number: int, lang: str) -> dict[str, str]:
    """The figures of a statement's sentence, by their placeholders {a} and {b}."""
    return dict(zip("ab", (quoted(q, lang) for q in seed_figures(number)), strict=False))


def claim(number: int, lang: str) -> str:
    """What a statement is about."""
    return t(f"thennow.claim_{number}", lang)


def figure(number: int, lang: str) -> str:
    """A statement's figure, as the document wrote it ("almost 25 million")."""
    return t(f"thennow.figure_{number}", lang, **_figures(number, lang))


def cite(number: int, lang: str) -> str:
    """ "A ¶2"; "A ¶15; document B" for a statement from both documents."""
    return "; ".join(
        t("thennow.cite", lang, doc=doc) if para is None else t("thennow.cite_para", lang, doc=doc, para=para)
        for doc, para in citation(number)
    )


def note(one: Statement, lang: str) -> str:
    """The statement's note, with the numbers it quotes from the data and the groups it names."""
    values = {  # in full: a note sets figures side by side, which a briefing's rounding would make look alike
        name: t("format.missing", lang) if value is None else fmt_value(value, unit, lang, compact=False)
        for name, (value, unit) in one.values.items()
    }
    values.update(_figures(one.number, lang))
    if one.group is not None:  # who its members are, as the metadata says
        spec = get_store().meta["groups"].get(one.group, {}).get("note") or {}
        values["members"] = one_line(str(spec.get(lang, "")))
    values.update(ceiling=fmt_percent(COST_CEILING, lang, 0), target=fmt_percent(COST_TARGET, lang, 0))
    return t(f"thennow.note_{one.number}", lang, **values)


def verdict(one: Statement, lang: str) -> str:
    return t(VERDICTS[one.verdict], lang)


def theme(theme_id: str, lang: str) -> str:
    return t(THEMES[theme_id], lang)


def shown(value: float | None, unit: str, lang: str, signed: bool = False) -> str:
    """A value of a measure: persons and money in a briefing's words, percentages with a decimal, counts whole;
    "—" for a missing value, never 0."""
    if value is None:
        return t("format.missing", lang)
    text = fmt_number(value, lang) if unit == "count" else fmt_value(value, unit, lang)
    return ("+" if signed and value > 0 else "") + text


def label(measure: Measure, lang: str) -> str:
    """What a measure is: "Emigrants of the 33 states", "Mexico: emigrants", "CARICOM members with more than 20%..."."""
    values: dict[str, str] = {}
    if measure.subject is not None:
        groups = get_store().meta["groups"]
        values["name"] = (
            texts.group_name(measure.subject, lang, "short_name")
            if measure.subject in groups
            else queries.country_name(measure.subject, lang)
        )
    if measure.threshold is not None:
        values["a"] = quoted(measure.threshold, lang)
    return t(f"thennow.m_{measure.key}", lang, **values)


def source(source_id: str, lang: str) -> str:
    """A source's edition as the metadata names it briefly ("UN DESA 2024", "WDI 2026-07"); its publisher's name in
    an edition whose metadata does not describe its sources."""
    spec = (get_store().meta.get("sources") or {}).get(source_id)
    return str(spec["short"]) if spec else t(f"source.{source_id}", lang)


def when(point: Point, lang: str) -> str:
    """The year of a value, or the period of a change ("1990–2000")."""
    return str(point.year) if point.start is None else t("thennow.period", lang, start=point.start, end=point.year)


def value(measure: Measure, point: Point, lang: str) -> str:
    """A cell: the value, a count of its whole ("10 of 31")."""
    if measure.unit == "count" and measure.of is not None and point.value is not None:
        return t("thennow.count_of", lang, count=fmt_number(point.value, lang), total=fmt_number(measure.of, lang))
    return shown(point.value, measure.unit, lang, signed=measure.key in GROWTH)


def counted(measure: Measure, lang: str) -> list[str]:
    """For a count, which places it counts in each year, each with its value: "2000: Cuba (1 million), ..."."""
    if not measure.places or measure.threshold is None:
        return []
    unit = measure.threshold.unit
    out = []
    for point in measure.points:
        if point.value is None:
            continue
        if not point.items:
            if point.value == 0:
                out.append(t("thennow.counted_none", lang, year=point.year))
            continue
        names = ", ".join(
            t("thennow.named_value", lang, name=queries.country_name(code, lang), value=shown(number, unit, lang))
            for code, number in point.items
        )
        out.append(t("thennow.counted", lang, year=point.year, names=names))
    return out


def _reporting(measure: Measure, lang: str) -> str:
    """ "2000, 2005, 2024: 48 of 51 with data": a group figure's years where not every member reports, how many do
    and who is carried from a nearby year; "" when every member reports every year."""
    found: dict[str, list[str]] = {}
    for point in measure.points:
        if point.reporting is None or point.value is None:
            continue
        count, total = point.reporting
        if count == total and not point.carried:
            continue
        text = t("group.reporting", lang, count=count, total=total)
        if point.carried:
            names = ", ".join(f"{queries.country_name(code, lang)} ({year})" for code, year in point.carried)
            text += ", " + t("group.carried_names", lang, names=names)
        found.setdefault(text, []).append(str(point.year))
    return "; ".join(t("thennow.reporting", lang, year=", ".join(years), text=text) for text, years in found.items())


def reporting(measures: tuple[Measure, ...], lang: str) -> list[str]:
    """Who stands behind a statement's group figures, one line for each measure that needs one (named when the
    statement has several measures and they differ)."""
    said = [(measure, _reporting(measure, lang)) for measure in measures]
    said = [(measure, text) for measure, text in said if text]
    if len(measures) == 1 or (len(said) == len(measures) and len({text for _, text in said}) == 1):
        return [text for _, text in said[:1]]
    return [t("thennow.reporting_of", lang, measure=label(measure, lang), text=text) for measure, text in said]
