"""Names and descriptions of charts for screen readers, and meta descriptions of pages for link previews."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from core.charts.sentences.values import Line, Ranked
from core.charts.sentences.words import by_value, counted, extremes, points_of, shown
from core.i18n.catalog import t
from core.i18n.formats import fmt_number, fmt_value

LINES_SPELLED_OUT: Final = 4  # a line chart's description follows each line up to this many, then only the extremes
META_LIMIT: Final = 160  # characters of a meta description
KINDS: Final = {
    "map": "facts.kind_map",
    "flow_map": "facts.kind_flow_map",
    "ranking": "facts.kind_ranking",
    "dots": "facts.kind_dots",
    "lines": "facts.kind_lines",
}
DESCRIBED: Final = {
    "map": "facts.describe_map",
    "ranking": "facts.describe_ranking",
    "dots": "facts.describe_dots",
    "flow_map": "facts.describe_flow_map",
}


def chart_name(kind: str, title: str, lang: str) -> str:
    """A chart's accessible name: its kind and its title ("Map: Emigrants as a share of the population, ...")."""
    if kind not in KINDS:
        raise ValueError(f"unknown chart kind {kind!r}: one of {', '.join(KINDS)}")
    return t("facts.chart_name", lang, kind=t(KINDS[kind], lang), title=title)


def describe(kind: str, rows: Sequence[Ranked], unit: str, lang: str, year: int | None = None, missing: int = 0) -> str:
    """One sentence on a map, ranking, dot chart or flow map: what it draws, and its largest and smallest values.
    `year` is the year shown (values from another year say theirs); `missing`, a map's members without data."""
    if kind not in DESCRIBED:
        raise ValueError(f"describe() takes map, ranking, dots or flow_map, not {kind!r}: lines have describe_lines")
    if not rows:
        return t("facts.describe_none", lang)
    key = DESCRIBED[kind]
    if kind == "map" and missing:
        key += "_gaps"
    if kind in ("map", "ranking"):
        key = counted(key, len(rows), lang)
    highest_lowest = extremes(rows, unit, lang, year)
    return t(key, lang, count=fmt_number(len(rows), lang), missing=fmt_number(missing, lang), extremes=highest_lowest)


def describe_lines(lines: Sequence[Line], unit: str, lang: str, target: float | None = None) -> str:
    """One sentence on a line chart: its lines and years, each line from its first to its last value (up to
    LINES_SPELLED_OUT lines), and the highest and lowest points; with a `target`, a second on the target line."""
    drawn = [(line, found) for line in lines if (found := points_of(line))]
    if not drawn:
        return t("facts.describe_lines_empty", lang)
    years = [year for _, found in drawn for year, _, _ in found]
    # Every point of every line, as unranked rows (rank 0): the extremes of the chart as a whole.
    peaks = [Ranked(line.name, line.name, value, year, 0) for line, found in drawn for year, value, _ in found]
    ordered = by_value(peaks)
    high, low = ordered[0], ordered[-1]
    extremes = t(
        "facts.extremes",
        lang,
        high_name=high.name,
        high=shown(high.value, unit, lang, high.year),
        low_name=low.name,
        low=shown(low.value, unit, lang, low.year),
    )
    values = {"count": fmt_number(len(drawn), lang), "first": min(years), "last": max(years), "extremes": extremes}
    if len(drawn) > LINES_SPELLED_OUT:
        text = t("facts.describe_lines_many", lang, **values)
    else:
        trends = []
        for line, found in drawn:
            (y0, v0, _), (y1, v1, _) = found[0], found[-1]
            start = shown(v0, unit, lang, y0)
            if len(found) == 1:
                trends.append(t("facts.line_single", lang, name=line.name, start=start))
            else:
                trends.append(t("facts.line_trend", lang, name=line.name, start=start, end=shown(v1, unit, lang, y1)))
        separator = t("facts.separator", lang)
        text = t(counted("facts.describe_lines", len(drawn), lang), lang, trends=separator.join(trends), **values)
    if target is None:
        return text
    return t("facts.describe_lines_target", lang, description=text, target=fmt_value(target, unit, lang))


# --- link previews ---------------------------------------------------------------------------------------------


def _has_figure(text: str) -> bool:
    """True when `text` holds a number other than a year."""
    return any(c.isdigit() for c in re.sub(r"\b(?:19|20)\d\d\b", "", text))


def _shorten(text: str, limit: int, lang: str) -> str:
    """`text` cut with an ellipsis to at most `limit` characters, at a space between two words and outside
    parentheses, so no figure loses its unit or its decimals ("US$ 1.4…") and no parenthesis stays open; after a
    clause (a comma or semicolon) where that keeps at least half the room."""
    if len(text) <= limit:
        return text
    room = limit - len(t("facts.truncated", lang, text=""))
    cuts = [
        i
        for i in range(1, min(room, len(text) - 1) + 1)
        if text[i] == " "
        and not text[i - 1].isdigit()
        and (text[i + 1].isalpha() or text[i + 1] == "(")
        and text[:i].count("(") == text[:i].count(")")
    ]
    clauses = [i for i in cuts if text[i - 1] in ",;" and i >= room // 2]  # rather after a clause than a word
    cut = text[: (clauses or cuts)[-1]].rstrip(" ,;:\u202f") if cuts else text[:room]
    return t("facts.truncated", lang, text=cut)


def meta_description(title: str, sentences: Sequence[str], lang: str, limit: int = META_LIMIT) -> str:
    """A page's meta description: a short lead (the indicator's short label, the subject) and as many key facts as
    fit in `limit` characters, starting with the first that holds a figure; shortened with an ellipsis if even that
    one does not fit."""
    facts = [s for s in sentences if s]
    first = next((i for i, s in enumerate(facts) if _has_figure(s)), None)
    if first is None:
        return _shorten(title, limit, lang)
    chosen = [facts[first]]
    for sentence in facts[first + 1 :]:
        if len(t("facts.meta", lang, title=title, facts=" ".join([*chosen, sentence]))) <= limit:
            chosen.append(sentence)
    text = t("facts.meta", lang, title=title, facts=" ".join(chosen))
    if len(text) <= limit:
        return text
    alone = facts[first]
    return alone if len(alone) <= limit else _shorten(alone, limit, lang)
