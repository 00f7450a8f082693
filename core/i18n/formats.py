"""Numbers, percentages, compact quantities and money in es/en/pt/fr, from CLDR through Babel.

CLDR gives the digits (decimal mark, grouping: a narrow no-break space in French), the percent pattern, the plural
categories and the words of compact numbers ("11,2 millones", "1,6 million"). Three choices are ours, each the
usage of the organisations our readers quote (see pipeline/reference/README.md), and each a choice among CLDR's
own formats rather than a rewrite of them:
- Spanish counts billions in thousands of millions, as ECLAC writes: "61.500 millones", not "61,5 mil millones";
- French says thousands in full ("51 800"), not "51,8 mille";
- money is said with the words of the message catalog (format.usd_*: "61,5 milliards de dollars des États-Unis"),
  because CLDR has no long form of compact currency.
Babel does not apply CLDR's minimumGroupingDigits (2 in Spanish: "4000" but "12.345"), so it is applied here.
"""

from __future__ import annotations

import functools
import math
import re
from decimal import Decimal

from babel import Locale
from babel.numbers import format_compact_decimal, format_decimal, format_percent

from core.i18n.catalog import DEFAULT_LANGUAGE, t

LOCALES = {"en": "en", "es": "es", "pt": "pt_BR", "fr": "fr"}  # Brazilian Portuguese: the region's usage
MIN_GROUPING = {"es": 2}  # CLDR numbers.json minimumGroupingDigits where it is not 1
BILLIONS_AS_MILLIONS = frozenset({"es"})
THOUSANDS_IN_FULL = frozenset({"fr"})
STEPS = ((1e9, "billion", "1000000000"), (1e6, "million", "1000000"), (1e3, "thousand", "1000"))


@functools.lru_cache(maxsize=8)
def locale(lang: str) -> Locale:
    return Locale.parse(LOCALES.get(lang, LOCALES[DEFAULT_LANGUAGE]))


def plural(number: float | Decimal, lang: str) -> str:
    """CLDR's plural category of a number ("one", "other", ...), as it is written (1.6 is "one" in French; a Decimal
    keeps its visible decimals: Decimal("1.0") is "other" in English)."""
    return str(locale(lang).plural_form(number if number >= 0 else -number))


def ordinal(number: int, lang: str) -> str:
    """CLDR's ordinal category of a rank ("one", "two", "few", "other": 1st, 2nd, 3rd, 4th in English)."""
    return str(locale(lang).ordinal_form(number))


def fmt_number(value: float, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """A number with the language's decimal mark and grouping."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    grouped = abs(value) >= 10 ** (2 + MIN_GROUPING.get(lang, 1))
    return str(format_decimal(value, format=pattern, locale=locale(lang), group_separator=grouped))


@functools.lru_cache(maxsize=16)
def _percent_pattern(lang: str, decimals: int) -> str:
    pattern = str(locale(lang).percent_formats[None].pattern)
    return re.sub(r"0(?=[^0#,.]*%)", "0." + "0" * decimals, pattern, count=1) if decimals else pattern


def fmt_percent(value: float, lang: str = DEFAULT_LANGUAGE, decimals: int = 1) -> str:
    """A percentage given on a 0–100 scale, in the language's pattern: 24.7%, 24,7 %, 24,7%."""
    return str(format_percent(value / 100, format=_percent_pattern(lang, decimals), locale=locale(lang)))


def magnitude(value: float, lang: str) -> tuple[str, str, str]:
    """How a briefing says a quantity: (magnitude name or "", CLDR plural category, the number as written).

    One decimal below 100 of the unit, none from 100 up; 999.96 million reads as 1.0 billion."""
    for index, (threshold, name, _power) in enumerate(STEPS):
        scaled = value / threshold
        decimals = 0 if abs(scaled) >= 100 else 1
        if abs(round(scaled, decimals)) >= 1000 and index > 0:
            threshold, name, _power = STEPS[index - 1]
            scaled, decimals = value / threshold, 1
        elif abs(round(scaled, decimals)) < 1:
            continue
        if name == "billion" and lang in BILLIONS_AS_MILLIONS:
            millions = round(scaled, decimals) * 1000
            return "million", plural(millions, lang), fmt_number(millions, lang, 0)
        if name == "thousand" and lang in THOUSANDS_IN_FULL:
            return "", "other", fmt_number(round(value, -2), lang, 0)
        rounded = round(abs(scaled), decimals)
        shown = decimals if rounded != int(rounded) else 0
        return name, plural(rounded, lang), fmt_number(scaled, lang, shown)
    return "", "other", fmt_number(value, lang, 0)


def _words(magnitude: str, category: str, number: str, lang: str) -> str:
    """The number with CLDR's long compact words for its magnitude: "11,2 millones", "1,6 million"."""
    power = next(p for _, name, p in STEPS if name == magnitude)
    formats = locale(lang).compact_decimal_formats["long"]
    pattern = str((formats[category] if category in formats else formats["other"])[power].pattern)
    if lang == "fr":  # French typography keeps a number and its word together, as CLDR's French percent does
        pattern = pattern.replace(" ", "\u00a0")
    return re.sub(r"0+", lambda _: number, pattern, count=1)


def fmt_compact(value: float, lang: str = DEFAULT_LANGUAGE) -> str:
    """Large quantities the way a briefing says them: 11.2 million, 61.500 millones, 950 thousand, 51 800."""
    name, category, number = magnitude(value, lang)
    return _words(name, category, number, lang) if name else number


def fmt_usd(value: float, lang: str = DEFAULT_LANGUAGE, compact: bool = True) -> str:
    """An amount of US dollars: US$ 61.5 billion, 61,5 milliards de dollars des États-Unis, US$ 61.500 millones.

    Each magnitude has its own catalog key (format.usd_million, …) because the words around the number change
    with it: French says "61,5 milliards de dollars" but "51 800 dollars", with no "de" after a plain number."""
    if not compact:
        return t("format.usd", lang, value=fmt_number(value, lang, 0))
    name, category, number = magnitude(value, lang)
    if not name:
        return t("format.usd", lang, value=number)
    singular = category == "one" and name != "thousand"  # "1 million de dollars"; thousands have one form
    return t(f"format.usd_{name}" + ("_one" if singular else ""), lang, value=number)


def fmt_short(value: float, lang: str = DEFAULT_LANGUAGE) -> str:
    """A terse number for legend classes and axes, CLDR's short compact form: 2.5K, 10 M, 1,5 Md, 1500 M."""
    scaled = abs(value) / next((s for s, _, _ in STEPS if abs(value) >= s), 1)
    digits = 0 if scaled == int(scaled) else 1
    text = str(format_compact_decimal(value, format_type="short", locale=locale(lang), fraction_digits=digits))
    if digits and re.match(r"\D*\d{3}", text):  # 546M, not 545.6M; Spanish 3564 M, not 3564,4 M
        text = str(format_compact_decimal(value, format_type="short", locale=locale(lang), fraction_digits=0))
    return text


def fmt_value(value: float | None, unit: str, lang: str = DEFAULT_LANGUAGE, compact: bool = True) -> str:
    """A value with its unit: 24.7%, US$ 61.5 billion, 11.2 million persons; '—' when missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return t("format.missing", lang)
    if unit == "percent":
        return fmt_percent(value, lang)
    if unit == "usd":
        return fmt_usd(value, lang, compact)
    return fmt_compact(value, lang) if compact else fmt_number(value, lang)


def separators(lang: str) -> str:
    """plotly's decimal and thousands marks for the language, from CLDR."""
    symbols = locale(lang).number_symbols["latn"]
    return str(symbols["decimal"]) + str(symbols["group"])
