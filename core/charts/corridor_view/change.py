"""Change since 1990: each of the largest corridors in the year shown beside the same corridor in the base year."""

from __future__ import annotations

from typing import Final

import pandas as pd

from core.charts import explain, sentences, texts
from core.charts.corridor_view import common as c
from core.charts.model import Chart, ready
from core.data import corridors, flows, published, queries
from core.data.store import get_store
from core.figures import dumbbell
from core.i18n.catalog import t
from core.i18n.formats import fmt_short, separators

CENTRAL_AMERICA: Final = "central_america"  # the 1990 figures of its corridors count refugees of the civil wars
REFUGEE_YEAR: Final = 1990


def min_base() -> float:
    """The smallest earlier figure a percentage change is given for (1,000 persons: caveats.yaml); below it, the
    change is said in persons only."""
    base = get_store().meta["bilateral"]["migrant_corridors"].get("percent_change_min_base")
    return float(base) if base else 1.0


def _change_of(early: int | None, late: int | None) -> tuple[int | None, float | None]:
    """Later minus earlier, in persons and in % of the earlier figure; None where a figure is missing, and no
    percentage from a base below min_base() (a few hundred people would make several hundred per cent)."""
    if early is None or late is None:
        return None, None
    return late - early, (100.0 * (late - early) / early if early >= max(min_base(), 1.0) else None)


def _notes(
    subject: str, codes: list[str], values: list[tuple[int | None, int | None]], years: tuple[int, int], lang: str
) -> list[str]:
    """The caveats a specialist expects under this chart: percentages withheld from tiny bases, and refugees in the
    1990 figures of Central American corridors."""
    out = []
    if any(a is not None and b is not None and _change_of(a, b)[1] is None for a, b in values):
        out.append(texts.caveat("percent_change_tiny_base", lang))
    region = set(queries.group_members(CENTRAL_AMERICA)) if CENTRAL_AMERICA in get_store().meta["groups"] else set()
    if REFUGEE_YEAR in years and region & {*flows.members(subject), *codes}:
        out.append(texts.caveat("refugees_1990", lang))
    return [text for text in out if text]


def _hover(early: int, late: int, a: int | None, b: int | None, lang: str) -> str:
    change, change_pct = _change_of(a, b)
    missing, no_row = t("format.missing", lang), t("flows.no_row", lang)
    return t(
        "flows.hover_change",
        lang,
        early=early,
        late=late,
        early_value=c.persons(a, lang, compact=False) if a is not None else no_row,
        late_value=c.persons(b, lang, compact=False) if b is not None else no_row,
        change=missing if change is None else ("+" if change > 0 else "") + c.persons(change, lang, compact=False),
        change_pct=c.signed_percent(change_pct, lang) if change_pct is not None else missing,
    )


def _table(
    by_year: dict[int, dict[str, int]], codes: list[str], direction: str, early: int, late: int, lang: str
) -> pd.DataFrame:
    """Every corridor of the year shown, then those gone since the base year; which are drawn."""
    every = [*by_year[late], *(code for code in by_year[early] if code not in by_year[late])]
    rows = c.drawn_first(pd.DataFrame({"partner": every}), codes)
    values = [(by_year[early].get(code), by_year[late].get(code)) for code in rows["partner"]]
    changes = [_change_of(a, b) for a, b in values]
    return pd.DataFrame(
        {
            c.partner_column(lang, direction): [c.partner_name(code, lang) for code in rows["partner"]],
            t("flows.col_iso3", lang): rows["partner"].tolist(),
            t("flows.col_persons_year", lang, year=early): pd.array([a for a, _ in values], dtype="Int64"),
            t("flows.col_persons_year", lang, year=late): pd.array([b for _, b in values], dtype="Int64"),
            t("flows.col_change", lang): pd.array([d for d, _ in changes], dtype="Int64"),
            t("flows.col_change_pct", lang): published.derived([p for _, p in changes]).astype("Float64").array,
            t("flows.col_on_chart", lang): rows["on_chart"].to_numpy(),
        }
    )


def change_chart(subject: str, direction: str, year: int, lang: str) -> Chart:
    years = corridors.corridor_years()
    base = years[-1] if year == years[0] else years[0]  # 1990 is compared with 2020
    early, late = min(base, year), max(base, year)
    now_rows = flows.partners(subject, direction, year)
    rows = c.ranked(now_rows).head(c.TOP_CHANGE)
    then_rows = flows.partners(subject, direction, base)
    now = {str(p): int(v) for p, v in zip(now_rows["partner"], now_rows["persons"], strict=True)}
    then = {str(p): int(v) for p, v in zip(then_rows["partner"], then_rows["persons"], strict=True)}
    by_year = {year: now, base: then}
    codes = rows["partner"].tolist()
    names = [c.partner_name(code, lang) for code in codes]
    base_values = [then.get(code) for code in codes]
    labels, hovers = [], []
    for code in codes:
        a, b = by_year[early].get(code), by_year[late].get(code)
        change, change_pct = _change_of(a, b)
        if change is None:
            labels.append(t("flows.label_no_row", lang, year=base))
        elif change_pct is None:  # a tiny base: the change in persons
            labels.append(("+" if change > 0 else "") + c.persons(change, lang))
        else:
            labels.append(c.signed_percent(change_pct, lang))
        hovers.append(_hover(early, late, a, b, lang))
    notes = [*c.group_notes(subject, lang), *c.unknown_count_note(now_rows, lang)]
    notes += _notes(subject, codes, [(by_year[early].get(k), by_year[late].get(k)) for k in codes], (early, late), lang)
    missing = [n for n, v in zip(names, base_values, strict=True) if v is None]
    if missing:
        notes.append(t("flows.note_no_row", lang, base=base, year=year, names=", ".join(missing)))
    height = dumbbell.height(len(rows))
    if rows.empty:
        figure, subtitle = c.empty_stock(subject, year, height, lang, notes)
    else:
        data = dumbbell.Dumbbell(names, codes, base_values, [now[code] for code in codes], labels, hovers, year, base)
        figure = dumbbell.dumbbell_figure(data, lambda v: fmt_short(v, lang), separators(lang))
        subtitle = t("flows.change_subtitle", lang, count=len(rows), year=year, base=base)
        if year == years[0]:
            subtitle += " " + t("flows.change_subtitle_first", lang, year=year, base=base)
    title = c.title(
        lang, direction, "flows.change_title_out", "flows.change_title_in", subject=c.subject_name(subject, lang)
    )
    said = [
        sentences.Line(name, [early, late], [by_year[early].get(code), by_year[late].get(code)])
        for name, code in zip(names, codes, strict=True)
    ]
    total = sentences.Line(
        c.subject_name(subject, lang), [early, late], [sum(by_year[early].values()), sum(by_year[late].values())]
    )
    return Chart(
        id="change",
        title=title,
        subtitle=c.with_revision(subtitle, lang),
        draw=ready(figure),
        rows=ready(_table(by_year, codes, direction, early, late, lang)),
        sources=c.sources(lang, c.SOURCE_STOCKS),
        notes=tuple(notes),
        height=height,
        kind="dots",
        explain=lambda: explain.change(title, total, said, year, lang),
        about=c.about(c.STOCKS_TABLE, lang),
        source_ids=(c.SOURCE_STOCKS,),
    )
