"""Key-fact sentences, chart names and descriptions, and meta descriptions, written from the data by templates.

Every function is pure: it takes plain values (the dataclasses below, names already in the sentence's language) and
returns text in one of the catalog's languages. The templates are the `facts.*` keys of core/i18n/messages/*.json; this
module only chooses a template (by number, by sign, by the kind of chart) and assembles the pieces. Every number
goes through core.i18n (fmt_value, fmt_number, fmt_compact), so the sentences change with it when it moves to Babel.

Grammar: no template ever inflects a name. A country, territory or group name stands alone, as the label of a clause
("El Salvador: 24,7 %, 15.º de 48"), in parentheses ("máximo Montserrat (491,7 %)") or in a list, never after a
preposition or an article ("no Brasil", "au Mexique", "en el Caribe"). Inflecting would need an article, a gender,
a number and a contracted preposition for each of the ~250 countries, areas and 11 groups in four languages ("aux
Bahamas", "à la Barbade", "nas Ilhas Cayman", "en El Salvador" but "en el Caribe"), kept in the data contract, where
one wrong article is a visible error in a ministry's own country name; non-inflecting templates are right for any
name the data will ever hold. The same rule keeps indicator labels and chart titles out of running text. Agreement
is still needed, and lives in the templates' own words, chosen here by number:
- plurals by CLDR's cardinal rule (`_singular`): "1 país"/"2 países", "1 pays ou territoire renseigné"; French and
  Portuguese keep the singular below two ("1,5 point de pourcentage", "1,5 ponto percentual");
- ordinals by CLDR's ordinal categories (`ordinal`): 1st/2nd/3rd/4th, 1.º, 1º, 1er/2e;
- a noun after a count written in words takes "de" in es/pt/fr ("11,2 millones de emigrantes", "11,2 millions
  d'émigrés", but "950 mil emigrantes"): `persons`;
- Spanish "y" becomes "e" before an /i/ sound ("Panamá e Islas Caimán"): `join`;
- French typography (a narrow no-break space before ; : ? ! and inside « ») is in the French templates.

Percentage changes (`change`): for a unit that is already a percentage (shares, costs) a change is given in
percentage points only, never as a percent of a percent. For counts and money a relative change is added only when
the base is at least MIN_BASE (1,000 persons, US$ 1 million): below that a handful of persons or dollars reads as
hundreds of percent. From MULTIPLE_FROM (ten times the base) on, the relative change is a multiple: Mexico's
remittances of 1990-2024 are "×21.8", which reads better than "+2,083.3 %". A change that rounds to zero at the
precision shown is "unchanged".
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

from core.data.corridors import SDG_CORRIDOR_CEILING, SDG_TARGET
from core.i18n.catalog import t
from core.i18n.formats import fmt_compact, fmt_number, fmt_value, magnitude, plural
from core.i18n.formats import ordinal as ordinal_category

MIN_BASE: Final[dict[str, float]] = {"persons": 1_000.0, "usd": 1_000_000.0}  # smallest base of a relative change
MULTIPLE_FROM: Final = 10.0  # from this ratio of end to start, a multiple ("×21.8") instead of a percentage
LINES_SPELLED_OUT: Final = 4  # a line chart's description follows each line up to this many, then only the extremes
TOP_PARTNERS: Final = 3  # destinations (or origins) named in the corridor facts
TIES_NAMED: Final = 3  # countries named when more share the highest or lowest value ("A, B, C and 19 others")
META_LIMIT: Final = 160  # characters of a meta description

# Templates by what they are chosen on. A key's variants are chosen in code by suffix: _one (the singular, see
# _counted), _relative (a change with its relative size), _gaps (a map with members without data), _large (a noun
# after a count in words).
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
IN_PERIOD: Final = (
    "facts.in_year",
    "facts.in_quarter_first",
    "facts.in_quarter_second",
    "facts.in_quarter_third",
    "facts.in_quarter_fourth",
)
SINCE_PERIOD: Final = (
    "facts.since_year",
    "facts.since_quarter_first",
    "facts.since_quarter_second",
    "facts.since_quarter_third",
    "facts.since_quarter_fourth",
)
GAPS: Final = {  # above, below, at
    "target": ("facts.target_above", "facts.target_below", "facts.target_at"),
    "ceiling": ("facts.ceiling_above", "facts.ceiling_below", "facts.ceiling_at"),
}
BY_DIRECTION: Final = {  # total, main partners, women by partner, women overall
    "out": ("facts.total_out", "facts.partners_out", "facts.women_out", "facts.women_out_only"),
    "in": ("facts.total_in", "facts.partners_in", "facts.women_in", "facts.women_in_only"),
}


@dataclass(frozen=True)
class Ranked:
    """A country or territory in a map, ranking or dot chart, as core.charts.dashboard.ranked_records gives it: ISO3
    code, name in the sentence's language, value, the year the value is from (a nearest year may stand in for the
    year asked) and rank (ties share the better rank). Functions sort them by value; rows of equal value keep the
    caller's order."""

    code: str
    name: str
    value: float
    year: int
    rank: int


@dataclass(frozen=True)
class Group:
    """The focus group: its name, its members' ISO3 codes, and its aggregate for the year (a sum or a ratio of sums,
    core.data.queries.Aggregate) with the number of members behind it; value None where no group figure is honest."""

    name: str
    members: tuple[str, ...]
    value: float | None = None
    reporting: int = 0


@dataclass(frozen=True)
class Line:
    """One line of a time chart: its name, years (ascending) and values; a None or NaN value is a gap and skipped.
    quarters (1-4, one per point) mark survey periods (remittance costs); empty for yearly data."""

    name: str
    years: Sequence[int]
    values: Sequence[float | None]
    quarters: Sequence[int] = field(default=())


@dataclass(frozen=True)
class Partner:
    """A destination (or an origin) of a corridor view: its name, persons, share of the subject's total (%) and
    share of women among those persons (%), None where unknown."""

    name: str
    persons: float
    share: float
    female_share: float | None = None


@dataclass(frozen=True)
class Corridors:
    """A corridor view: the subject's name, direction ("out": where its emigrants live; "in": where its immigrants
    were born), the UN DESA year, the total persons (every partner, unknown origins included), the share of women
    (%), every known partner largest first (core.charts.corridor.partners without the unknown origin) and the share
    (%) whose origin is not reported."""

    subject: str
    direction: str
    year: int
    total: float
    female_share: float | None
    partners: Sequence[Partner]
    unknown_share: float = 0.0


# --- grammar ---------------------------------------------------------------------------------------------------


def _singular(value: float, lang: str, decimals: int = 0) -> bool:
    """CLDR's cardinal category "one" for `value` as it is shown, with `decimals` places (visible decimals count:
    "1.0 percentage points" but "1,5 point de pourcentage")."""
    return plural(Decimal(f"{abs(value):.{decimals}f}"), lang) == "one"


def _counted(key: str, value: float, lang: str, decimals: int = 0) -> str:
    """The key's singular variant (key_one) where `value` takes the singular, else the key itself."""
    return key + "_one" if _singular(value, lang, decimals) else key


def ordinal(n: int, lang: str) -> str:
    """A rank as the language writes it: 1st, 22nd, 13th; 2.º; 2º; 1er, 2e (CLDR's ordinal categories)."""
    category = ordinal_category(n, lang)
    key = f"facts.ordinal_{category}" if category in ("one", "two", "few") else "facts.ordinal"
    return t(key, lang, n=fmt_number(n, lang))


def _starts_with_i_sound(word: str) -> bool:
    """Spanish writes "e" for "y" before /i/: i-, hi- (Islas, Hispaniola), not hi- + vowel (hielo, hiato)."""
    plain = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))
    return plain.startswith("i") or (plain.startswith("hi") and plain[2:3] not in ("a", "e", "o", "u"))


def join(names: Sequence[str], lang: str, limit: int | None = None) -> str:
    """Names as a list: "A, B and C", "A, B y C", "Panamá e Islas Caimán", "A, B et C"; beyond `limit` names (and
    one more), the first `limit` and how many others: "A, B, C and 19 others"."""
    if limit is not None and len(names) > limit + 1:
        return t("facts.list_others", lang, items=", ".join(names[:limit]), count=fmt_number(len(names) - limit, lang))
    if len(names) < 2:
        return "".join(names)
    key = "facts.list_and_i" if lang == "es" and _starts_with_i_sound(names[-1]) else "facts.list_and"
    return t(key, lang, items=", ".join(names[:-1]), last=names[-1])


def _is_zero(text: str) -> bool:
    """True when a formatted number shows no non-zero digit ("0.0", "US$ 0"): it rounds to nothing."""
    return not any(c in "123456789" for c in text)


def _finite(value: float | None) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def points(value: float, lang: str) -> str:
    """A difference of two percentages: "1.2 percentage points", "1,5 point de pourcentage"."""
    key = _counted("facts.points", value, lang, decimals=1)
    return t(key, lang, value=fmt_number(abs(value), lang, 1))


def persons(value: float, direction: str, lang: str) -> str:
    """Emigrants ("out") or immigrants ("in") counted in words: "11.2 million emigrants", "11,2 millones de
    emigrantes", "1 900 émigrés", "1 emigrante"."""
    number = fmt_compact(value, lang)
    key = "facts.emigrants" if direction == "out" else "facts.immigrants"
    # A noun after a count in words takes "de" in es/pt/fr ("11,2 millones de emigrantes").
    if magnitude(value, lang)[0] in ("million", "billion"):
        key += "_large"
    elif _singular(value, lang):
        key += "_one"
    return t(key, lang, value=number)


def _shown(value: float, unit: str, lang: str, year: int | None = None, asked: int | None = None) -> str:
    """A value with its unit, and its year when it is not the year asked (a nearest year stood in)."""
    text = fmt_value(value, unit, lang)
    return text if year is None or year == asked else t("facts.value_in_year", lang, value=text, year=year)


def _when(year: int, quarter: int | None, lang: str, since: bool = False) -> str:
    """ "in 2020", "en el tercer trimestre de 2020", "depuis 2011" ..."""
    return t((SINCE_PERIOD if since else IN_PERIOD)[quarter or 0], lang, year=year)


# --- changes ---------------------------------------------------------------------------------------------------


def _relative(start: float, end: float, unit: str, lang: str) -> str | None:
    """The relative change where its base means something (see the module docstring), else None."""
    if unit not in MIN_BASE or start < MIN_BASE[unit] or end < 0:
        return None
    ratio = end / start
    if ratio >= MULTIPLE_FROM:
        return t("facts.times", lang, value=fmt_number(ratio, lang, 1))
    percent = 100.0 * (end - start) / start
    text = fmt_value(abs(percent), "percent", lang)
    if _is_zero(text):
        return None
    return t("facts.plus" if percent > 0 else "facts.minus", lang, value=text)


def change(start: float, end: float, unit: str, lang: str) -> str:
    """From `start` to `end`: "up US$ 64.5 billion (×21.8)", "down 2.9 percentage points", "unchanged"."""
    delta = end - start
    if unit == "percent":
        shown, amount = fmt_number(abs(delta), lang, 1), points(delta, lang)
    else:
        shown = amount = fmt_value(abs(delta), unit, lang)
    if _is_zero(shown):
        return t("facts.unchanged", lang)
    relative = _relative(start, end, unit, lang)
    key = "facts.up" if delta > 0 else "facts.down"
    if relative is None:
        return t(key, lang, amount=amount)
    return t(key + "_relative", lang, amount=amount, relative=relative)


def _points_of(line: Line) -> list[tuple[int, float, int | None]]:
    """(year, value, quarter) of each point with a value, in order."""
    quarters: Sequence[int | None] = line.quarters or [None] * len(line.years)
    return [
        (int(y), float(v), q)
        for y, v, q in zip(line.years, line.values, quarters, strict=True)
        if v is not None and _finite(float(v))
    ]


# --- key facts -------------------------------------------------------------------------------------------------


def _sorted(rows: Sequence[Ranked]) -> list[Ranked]:
    return sorted(rows, key=lambda r: -r.value)  # stable: callers' order breaks ties


def _extremes(rows: Sequence[Ranked], unit: str, lang: str, asked: int | None) -> str:
    """ "highest Montserrat (491.7 %), lowest Brazil (0.9 %)"; ties name every country that shares the value."""
    ordered = _sorted(rows)
    if len(ordered) == 1:
        only = ordered[0]
        return t("facts.extremes_one", lang, name=only.name, value=_shown(only.value, unit, lang, only.year, asked))
    high, low = ordered[0], ordered[-1]
    highs = [r.name for r in ordered if r.value == high.value]
    lows = [r.name for r in ordered if r.value == low.value]
    return t(
        "facts.extremes",
        lang,
        high_name=join(highs, lang, TIES_NAMED),
        high=_shown(high.value, unit, lang, high.year, asked),
        low_name=join(lows, lang, TIES_NAMED),
        low=_shown(low.value, unit, lang, low.year, asked),
    )


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
    ordered = _sorted(rows)
    out = [t("facts.leader", lang, group=group.name, year=year, extremes=_extremes(ordered, unit, lang, year))]
    by_code = {r.code: r for r in ordered}
    for code, name in selected:
        row = by_code.get(code)
        if row is not None:
            value = _shown(row.value, unit, lang, row.year, year)
            out.append(t("facts.rank", lang, name=name, value=value, rank=ordinal(row.rank, lang), total=len(ordered)))
        elif code in group.members:
            out.append(t("facts.rank_no_data", lang, name=name, year=year))
        else:
            out.append(t("facts.rank_outside", lang, name=name, group=group.name))
    if group.value is not None and _finite(group.value):
        out.append(
            t(
                _counted("facts.group_value", group.reporting, lang),
                lang,
                group=group.name,
                value=fmt_value(group.value, unit, lang),
                count=group.reporting,
                total=len(group.members),
            )
        )
    if target is not None:
        below = sum(1 for r in ordered if r.value < target)
        key = "facts.target_count_none" if below == 0 else _counted("facts.target_count", below, lang)
        out.append(t(key, lang, year=year, count=below, total=len(ordered), target=fmt_value(target, unit, lang)))
    return out


def trend_facts(lines: Sequence[Line], unit: str, lang: str) -> list[str]:
    """One sentence per line: its latest value, the change since its first point and since its previous point."""
    out = []
    for line in lines:
        found = _points_of(line)
        if not found:
            continue
        year, value, quarter = found[-1]
        values = {"name": line.name, "value": fmt_value(value, unit, lang), "when": _when(year, quarter, lang)}
        if len(found) == 1:
            out.append(t("facts.trend_one", lang, **values))
            continue
        first_year, first_value, first_quarter = found[0]
        values["first_change"] = change(first_value, value, unit, lang)
        values["first_since"] = _when(first_year, first_quarter, lang, since=True)
        if len(found) == 2:
            out.append(t("facts.trend_two", lang, **values))
            continue
        previous_year, previous_value, previous_quarter = found[-2]
        values["previous_change"] = change(previous_value, value, unit, lang)
        values["previous_since"] = _when(previous_year, previous_quarter, lang, since=True)
        out.append(t("facts.trend", lang, **values))
    return out


def _gap(value: float, limit: float, kind: str, lang: str) -> str:
    """ "1.2 percentage points above the SDG 10.c target (3.0 %)"; kind is "target" or "ceiling"."""
    gap = value - limit
    shown = fmt_value(limit, "percent", lang)
    above, below, at = GAPS[kind]
    key = at if _is_zero(fmt_number(abs(gap), lang, 1)) else above if gap > 0 else below
    return t(key, lang, gap=points(gap, lang), target=shown, ceiling=shown)


def cost_facts(lines: Sequence[Line], lang: str, target: float = SDG_TARGET, ceiling: float | None = None) -> list[str]:
    """The gap of each line's latest cost (% of the amount sent) to the SDG 10.c target and, for corridors (pass
    `ceiling`, SDG_CORRIDOR_CEILING), to the 5 % ceiling; with several corridors, how many are below and above."""
    out = []
    latest = []
    for line in lines:
        found = _points_of(line)
        if not found:
            continue
        year, value, quarter = found[-1]
        latest.append(value)
        values = {
            "name": line.name,
            "value": fmt_value(value, "percent", lang),
            "when": _when(year, quarter, lang),
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
                _counted("facts.cost_summary", below, lang),
                lang,
                below=below,
                total=len(latest),
                above=sum(1 for v in latest if v > ceiling),
                target=fmt_value(target, "percent", lang),
                ceiling=fmt_value(ceiling, "percent", lang),
            )
        )
    return out


def corridor_facts(view: Corridors, lang: str, top: int = TOP_PARTNERS) -> list[str]:
    """The total and how many countries it spreads over, the main destinations (or origins) with their persons and
    share, the share of women overall and in each of them, and the share whose origin is not reported."""
    way = "out" if view.direction == "out" else "in"
    total_key, partners_key, women_key, women_only_key = BY_DIRECTION[way]
    count = len(view.partners)
    out = [
        t(
            _counted(total_key, count, lang),
            lang,
            subject=view.subject,
            year=view.year,
            persons=persons(view.total, way, lang),
            count=fmt_number(count, lang),
        )
    ]
    main = list(view.partners[:top])
    if main:
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
        out.append(t(_counted(partners_key, count, lang), lang, year=view.year, partners=join(items, lang)))
    if view.female_share is not None and _finite(view.female_share):
        women = [
            t("facts.share_of", lang, value=fmt_value(p.female_share, "percent", lang), name=p.name)
            for p in main
            if p.female_share is not None and _finite(p.female_share)
        ]
        share = fmt_value(view.female_share, "percent", lang)
        if women:
            out.append(t(women_key, lang, share=share, partners=join(women, lang)))
        else:
            out.append(t(women_only_key, lang, share=share))
    if way == "in" and not _is_zero(fmt_value(view.unknown_share, "percent", lang)):
        out.append(t("facts.unknown_origin", lang, share=fmt_value(view.unknown_share, "percent", lang)))
    return out


def pair(sender: str, receiver: str, lang: str) -> str:
    """A corridor's name from its two ends' names: "United States → Mexico"."""
    return t("facts.pair", lang, sender=sender, receiver=receiver)


# --- names and descriptions for screen readers -----------------------------------------------------------------


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
        key = _counted(key, len(rows), lang)
    extremes = _extremes(rows, unit, lang, year)
    return t(key, lang, count=fmt_number(len(rows), lang), missing=fmt_number(missing, lang), extremes=extremes)


def describe_lines(lines: Sequence[Line], unit: str, lang: str, target: float | None = None) -> str:
    """One sentence on a line chart: its lines and years, each line from its first to its last value (up to
    LINES_SPELLED_OUT lines), and the highest and lowest points; with a `target`, a second on the target line."""
    drawn = [(line, found) for line in lines if (found := _points_of(line))]
    if not drawn:
        return t("facts.describe_lines_empty", lang)
    years = [year for _, found in drawn for year, _, _ in found]
    # Every point of every line, as unranked rows (rank 0): the extremes of the chart as a whole.
    peaks = [Ranked(line.name, line.name, value, year, 0) for line, found in drawn for year, value, _ in found]
    ordered = _sorted(peaks)
    high, low = ordered[0], ordered[-1]
    extremes = t(
        "facts.extremes",
        lang,
        high_name=high.name,
        high=_shown(high.value, unit, lang, high.year),
        low_name=low.name,
        low=_shown(low.value, unit, lang, low.year),
    )
    values = {"count": fmt_number(len(drawn), lang), "first": min(years), "last": max(years), "extremes": extremes}
    if len(drawn) > LINES_SPELLED_OUT:
        text = t("facts.describe_lines_many", lang, **values)
    else:
        trends = []
        for line, found in drawn:
            (y0, v0, _), (y1, v1, _) = found[0], found[-1]
            start = _shown(v0, unit, lang, y0)
            if len(found) == 1:
                trends.append(t("facts.line_single", lang, name=line.name, start=start))
            else:
                trends.append(t("facts.line_trend", lang, name=line.name, start=start, end=_shown(v1, unit, lang, y1)))
        separator = t("facts.separator", lang)
        text = t(_counted("facts.describe_lines", len(drawn), lang), lang, trends=separator.join(trends), **values)
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


__all__ = [
    "KINDS",
    "META_LIMIT",
    "MIN_BASE",
    "MULTIPLE_FROM",
    "SDG_CORRIDOR_CEILING",
    "SDG_TARGET",
    "Corridors",
    "Group",
    "Line",
    "Partner",
    "Ranked",
    "change",
    "chart_name",
    "corridor_facts",
    "cost_facts",
    "describe",
    "describe_lines",
    "join",
    "meta_description",
    "ordinal",
    "pair",
    "persons",
    "points",
    "ranking_facts",
    "trend_facts",
]
