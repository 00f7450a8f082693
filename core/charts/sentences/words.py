"""The words the sentences are built of: plural and ordinal forms, lists of names, values with their unit and
year, periods, and changes between two values (see the package docstring for the rules)."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from core.charts.sentences.values import Line, Ranked
from core.i18n.catalog import t
from core.i18n.formats import fmt_compact, fmt_number, fmt_value, magnitude, plural
from core.i18n.formats import ordinal as ordinal_category

MIN_BASE: Final[dict[str, float]] = {"persons": 1_000.0, "usd": 1_000_000.0}  # smallest base of a relative change
MULTIPLE_FROM: Final = 10.0  # from this ratio of end to start, a multiple ("×21.8") instead of a percentage
TIES_NAMED: Final = 3  # countries named when more share the highest or lowest value ("A, B, C and 19 others")
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


def singular(value: float, lang: str, decimals: int = 0) -> bool:
    """CLDR's cardinal category "one" for `value` as it is shown, with `decimals` places (visible decimals count:
    "1.0 percentage points" but "1,5 point de pourcentage")."""
    return plural(Decimal(f"{abs(value):.{decimals}f}"), lang) == "one"


def counted(key: str, value: float, lang: str, decimals: int = 0) -> str:
    """The key's singular variant (key_one) where `value` takes the singular, else the key itself."""
    return key + "_one" if singular(value, lang, decimals) else key


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


def is_zero(text: str) -> bool:
    """True when a formatted number shows no non-zero digit ("0.0", "US$ 0"): it rounds to nothing."""
    return not any(c in "123456789" for c in text)


def finite(value: float | None) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def points(value: float, lang: str) -> str:
    """A difference of two percentages: "1.2 percentage points", "1,5 point de pourcentage"."""
    key = counted("facts.points", value, lang, decimals=1)
    return t(key, lang, value=fmt_number(abs(value), lang, 1))


def persons(value: float, direction: str, lang: str) -> str:
    """Emigrants ("out") or immigrants ("in") counted in words: "11.2 million emigrants", "11,2 millones de
    emigrantes", "1 900 émigrés", "1 emigrante"."""
    number = fmt_compact(value, lang)
    key = "facts.emigrants" if direction == "out" else "facts.immigrants"
    # A noun after a count in words takes "de" in es/pt/fr ("11,2 millones de emigrantes").
    if magnitude(value, lang)[0] in ("million", "billion"):
        key += "_large"
    elif singular(value, lang):
        key += "_one"
    return t(key, lang, value=number)


def shown(value: float, unit: str, lang: str, year: int | None = None, asked: int | None = None) -> str:
    """A value with its unit, and its year when it is not the year asked (a nearest year stood in)."""
    text = fmt_value(value, unit, lang)
    return text if year is None or year == asked else t("facts.value_in_year", lang, value=text, year=year)


def when(year: int, quarter: int | None, lang: str, since: bool = False) -> str:
    """ "in 2020", "en el tercer trimestre de 2020", "depuis 2011" ..."""
    return t((SINCE_PERIOD if since else IN_PERIOD)[quarter or 0], lang, year=year)


# --- changes ---------------------------------------------------------------------------------------------------


def relative_change(start: float, end: float, unit: str, lang: str) -> str | None:
    """The relative change where its base means something (see the module docstring), else None."""
    if unit not in MIN_BASE or start < MIN_BASE[unit] or end < 0:
        return None
    ratio = end / start
    if ratio >= MULTIPLE_FROM:
        return t("facts.times", lang, value=fmt_number(ratio, lang, 1))
    percent = 100.0 * (end - start) / start
    text = fmt_value(abs(percent), "percent", lang)
    if is_zero(text):
        return None
    return t("facts.plus" if percent > 0 else "facts.minus", lang, value=text)


def change(start: float, end: float, unit: str, lang: str) -> str:
    """From `start` to `end`: "up US$ 64.5 billion (×21.8)", "down 2.9 percentage points", "unchanged"."""
    delta = end - start
    if unit == "percent":
        shown, amount = fmt_number(abs(delta), lang, 1), points(delta, lang)
    else:
        shown = amount = fmt_value(abs(delta), unit, lang)
    if is_zero(shown):
        return t("facts.unchanged", lang)
    relative = relative_change(start, end, unit, lang)
    key = "facts.up" if delta > 0 else "facts.down"
    if relative is None:
        return t(key, lang, amount=amount)
    return t(key + "_relative", lang, amount=amount, relative=relative)


def points_of(line: Line) -> list[tuple[int, float, int | None]]:
    """(year, value, quarter) of each point with a value, in order."""
    quarters: Sequence[int | None] = line.quarters or [None] * len(line.years)
    return [
        (int(y), float(v), q)
        for y, v, q in zip(line.years, line.values, quarters, strict=True)
        if v is not None and finite(float(v))
    ]


def by_value(rows: Sequence[Ranked]) -> list[Ranked]:
    """Largest first; rows of equal value keep the caller's order."""
    return sorted(rows, key=lambda r: -r.value)


def extremes(rows: Sequence[Ranked], unit: str, lang: str, asked: int | None) -> str:
    """ "highest Montserrat (491.7 %), lowest Brazil (0.9 %)"; ties name every country that shares the value."""
    ordered = by_value(rows)
    if len(ordered) == 1:
        only = ordered[0]
        return t("facts.extremes_one", lang, name=only.name, value=shown(only.value, unit, lang, only.year, asked))
    high, low = ordered[0], ordered[-1]
    highs = [r.name for r in ordered if r.value == high.value]
    lows = [r.name for r in ordered if r.value == low.value]
    return t(
        "facts.extremes",
        lang,
        high_name=join(highs, lang, TIES_NAMED),
        high=shown(high.value, unit, lang, high.year, asked),
        low_name=join(lows, lang, TIES_NAMED),
        low=shown(low.value, unit, lang, low.year, asked),
    )


def pair(sender: str, receiver: str, lang: str) -> str:
    """A corridor's name from its two ends' names: "United States → Mexico"."""
    return t("facts.pair", lang, sender=sender, receiver=receiver)
