"""Typed read-only queries over the store: series, nearest-year values, group members and aggregates."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

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


@functools.cache
def _by_country(indicator: str, version: str) -> dict[str, dict[int, tuple[float, bool]]]:
    rows = series(indicator)
    out: dict[str, dict[int, tuple[float, bool]]] = {}
    for code, year, value, computed in zip(rows["iso3"], rows["year"], rows["value"], rows["computed"], strict=True):
        out.setdefault(code, {})[int(year)] = (float(value), bool(computed))
    return out


def nearest_values(indicator: str, year: int, members: tuple[str, ...], tolerance: int) -> list[dict[str, Any]]:
    """Each member's value in `year`, or else its nearest year within `tolerance` (earlier wins a tie).

    Records of iso3, value, year (the year the value is from), computed; members with nothing near are absent.
    Plain Python over a per-country index: this runs for every year of every map a visitor opens."""
    table = _by_country(indicator, get_store().version)
    out = []
    for code in members:
        years = table.get(code)
        if not years:
            continue
        for offset in (0, *(d for k in range(1, tolerance + 1) for d in (-k, k))):
            if year + offset in years:
                value, computed = years[year + offset]
                out.append({"iso3": code, "value": value, "year": year + offset, "computed": computed})
                break
    return out


def values_at(indicator: str, year: int, members: tuple[str, ...], tolerance: int) -> pd.DataFrame:
    """nearest_values as a frame with columns iso3, value, year, computed."""
    return pd.DataFrame(
        nearest_values(indicator, year, members, tolerance), columns=["iso3", "year", "value", "computed"]
    )


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


@functools.cache
def _names(lang: str, version: str) -> dict[str, str]:
    countries = get_store().countries
    return dict(zip(countries["iso3"], countries[f"name_{lang}"], strict=True))


def country_name(iso3: str, lang: str = "en") -> str:
    return _names(lang, get_store().version).get(iso3, iso3)
