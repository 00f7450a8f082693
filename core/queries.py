"""Typed read-only queries over the store: series, nearest-year values, group members and aggregates."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pandas as pd

from core.store import Store, get_store


@dataclass(frozen=True)
class Aggregate:
    """A group's value in one year and how many of its members stand behind it."""

    year: int
    value: float
    reporting: int
    members: int


def indicator_meta(indicator: str, store: Store | None = None) -> dict:
    return (store or get_store()).meta["indicators"][indicator]


@functools.cache
def _series_cached(indicator: str, version: str) -> pd.DataFrame:
    frame = get_store().indicators
    rows = frame[frame["indicator"] == indicator]
    return rows[["iso3", "year", "value", "computed"]].reset_index(drop=True)


def series(indicator: str) -> pd.DataFrame:
    """All (iso3, year, value, computed) rows of one indicator (cached per data version)."""
    return _series_cached(indicator, get_store().version)


def group_members(focus: str) -> tuple[str, ...]:
    """ISO3 codes in a focus group (cached per data version)."""
    return _members_cached(focus, get_store().version)


@functools.cache
def _members_cached(focus: str, version: str) -> tuple[str, ...]:
    """As groups.yaml defines a group: rows where a column is true, where it equals a value, or all rows."""
    store = get_store()
    spec = store.meta["groups"][focus]["members"]
    countries = store.countries
    if spec["column"] == "all":
        mask = pd.Series(True, index=countries.index)
    elif "equals" in spec:
        mask = countries[spec["column"]] == spec["equals"]
    else:
        mask = countries[spec["column"]].astype(bool)
    return tuple(sorted(countries.loc[mask, "iso3"]))


def values_at(indicator: str, year: int, members: tuple[str, ...], tolerance: int) -> pd.DataFrame:
    """Each member's value in `year`, or else its nearest year within `tolerance` (earlier wins a tie).

    Columns iso3, value, year (the year the value is from), computed. Members with nothing near are absent.
    """
    rows = series(indicator)
    rows = rows[rows["iso3"].isin(members) & (rows["year"] - year).abs().le(tolerance)]
    if rows.empty:
        return rows.copy()
    distance = (rows["year"] - year).abs() * 2 + (rows["year"] > year)
    best = rows.assign(_d=distance).sort_values(["iso3", "_d"]).drop_duplicates("iso3")
    return best.drop(columns="_d").reset_index(drop=True)


def aggregate_series(indicator: str, members: tuple[str, ...]) -> tuple[Aggregate, ...]:
    """The group's figure for every year, from sums (never averages of percentages); () when none is honest."""
    return _aggregate_cached(indicator, members, get_store().version)


@functools.cache
def _aggregate_cached(indicator: str, members: tuple[str, ...], version: str) -> tuple[Aggregate, ...]:
    rule = indicator_meta(indicator)["aggregate"]  # from indicators.yaml: sum, ratio of two sums, or none
    if rule["method"] not in ("sum", "ratio"):
        return ()
    top = series(rule.get("numerator", indicator))
    top = top[top["iso3"].isin(members)]
    if rule["method"] == "sum":
        grouped = top.groupby("year")["value"].agg(["sum", "count"])
        return tuple(Aggregate(int(y), float(r["sum"]), int(r["count"]), len(members)) for y, r in grouped.iterrows())
    bottom = series(rule["denominator"])
    both = top.merge(bottom[bottom["iso3"].isin(members)], on=["iso3", "year"], suffixes=("_n", "_d"))
    grouped = both.groupby("year").agg(n=("value_n", "sum"), d=("value_d", "sum"), count=("iso3", "count"))
    grouped = grouped[grouped["d"] > 0]
    return tuple(
        Aggregate(int(y), 100.0 * r["n"] / r["d"], int(r["count"]), len(members)) for y, r in grouped.iterrows()
    )


def aggregate_at(indicator: str, members: tuple[str, ...], year: int) -> Aggregate | None:
    return next((a for a in aggregate_series(indicator, members) if a.year == year), None)


def country_name(iso3: str, lang: str = "en") -> str:
    countries = get_store().countries
    return str(countries.at[iso3, f"name_{lang}"]) if iso3 in countries.index else iso3
