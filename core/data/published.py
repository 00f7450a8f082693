"""Numbers as their sources publish them: the precision every download and data link writes a value with, and the
unit of every series (the documented indicators carry theirs in the metadata; the auxiliary series are named here).

The rule, one per value: counts of people are whole persons; a source that publishes fixed decimals keeps them (IAB
rates: fractions with six decimals, i.e. percentages with four; the 2018 remittance matrix: US$ millions with one
decimal); everything else keeps 15 significant digits, the digits WDI writes in its files and a spreadsheet cell of
UN DESA's workbooks holds. That drops only the binary noise of rescaling (0.029635 × 100 = 2.9635000000000002) and
never a digit the publisher wrote. Values this project computes (ratios, group sums, a corridor's share of a total
or of women, a change in percent) are written the same way: `derived`. Every table a chart or a page downloads goes
through one of these functions, whatever the page (tests/test_exports.py walks them all)."""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

import pandas as pd

from core.data import schema as s
from core.data.store import get_store

SIGNIFICANT = 15
WHOLE = "persons"  # units counted in whole numbers
FIXED_DECIMALS = {  # sources publishing fixed decimals, as decimals on the processed scale (percent, US$)
    "iab_brain_drain": 4,
    "worldbank_bilateral_remittance_matrix_2018": -5,
}
AUXILIARY_UNITS = {  # the series kept for ratios of sums and breakdowns by sex (core/data/schema.py AUXILIARY)
    s.POPULATION: "persons",
    s.EMIGRANT_FEMALE: "persons",
    s.IMMIGRANT_FEMALE: "persons",
    s.GDP_USD: "usd",
    s.TERTIARY_RATE_FEMALE: "percent",
    s.TERTIARY_RATE_MALE: "percent",
    s.DIOC_TERTIARY_FEMALE: "persons",
    s.DIOC_TERTIARY_MALE: "persons",
    s.DIOC_TERTIARY_SHARE_FEMALE: "percent",
    s.DIOC_TERTIARY_SHARE_MALE: "percent",
    s.DIOC_KNOWN: "persons",
    s.DIOC_KNOWN_FEMALE: "persons",
    s.DIOC_KNOWN_MALE: "persons",
}


def unit(indicator: str) -> str:
    """persons, percent or usd: from the metadata for a documented indicator, else the auxiliary series' own."""
    meta = get_store().meta["indicators"].get(indicator)
    return str(meta["unit"]) if meta is not None else AUXILIARY_UNITS[indicator]


@functools.lru_cache(maxsize=8)
def _sources(version: str) -> dict[str, str]:
    rows = get_store(version).indicators.drop_duplicates("indicator")
    return dict(zip(rows["indicator"], rows["source"], strict=True))


def source(indicator: str) -> str:
    """The raw folder an indicator's values come from (one per indicator)."""
    meta = get_store().meta["indicators"].get(indicator)
    return str(meta["source"][0]) if meta is not None else _sources(get_store().version)[indicator]


def significant(value: float) -> float:
    """A float cut to SIGNIFICANT digits (a missing or infinite value unchanged)."""
    return float(f"{value:.{SIGNIFICANT}g}") if math.isfinite(value) else value


def rounded(values: pd.Series, unit_: str, source_: str | None = None) -> pd.Series:
    """Values of one unit and source as the source publishes them: whole persons as nullable integers, else floats
    (missing values stay missing, never 0)."""
    numbers = pd.to_numeric(values, errors="raise").astype("float64")
    if unit_ == WHOLE:
        return numbers.round(0).astype("Int64")
    if source_ in FIXED_DECIMALS:
        return numbers.round(FIXED_DECIMALS[source_])
    return numbers.map(significant)


def derived(values: pd.Series | Sequence[float | None]) -> pd.Series:
    """Values this project derives from published ones (a share of a total, a share of women, a change in percent, a
    simple average of surveyed costs): 15 significant digits, as its ratios are written; missing stays missing."""
    numbers = pd.to_numeric(pd.Series(values, dtype="float64"), errors="raise")
    return numbers.map(significant)


def indicator_values(values: pd.Series, indicator: str) -> pd.Series:
    """An indicator's values (a country's or a group's) as its source publishes them."""
    return rounded(values, unit(indicator), source(indicator))


def indicator_value(value: float | None, indicator: str) -> float | int | None:
    """One value of an indicator as its source publishes it; None stays None."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    out = indicator_values(pd.Series([float(value)]), indicator).iloc[0]
    return int(out) if unit(indicator) == WHOLE else float(out)


def table(frame: pd.DataFrame) -> pd.DataFrame:
    """The indicators table (iso3, year, indicator, value, source, ...) with each value as its source publishes it
    and its unit beside it: the whole-dataset file."""
    units = frame["indicator"].map(unit)
    values = pd.Series(index=frame.index, dtype="float64")
    for (unit_, source_), rows in frame.groupby([units, frame["source"]], sort=False):
        values.loc[rows.index] = rounded(rows["value"], str(unit_), str(source_)).astype("float64")
    out = frame.assign(value=values)
    out.insert(list(out.columns).index("value") + 1, "unit", units)
    return out

