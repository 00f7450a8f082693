"""Typed read-only queries over the store: series, nearest-year values, group members and aggregates.

Every query takes an optional `edition` (a data version id; None = the current edition) and caches per version.

The group rule (one rule for every group figure: headlines, trend lines, the ranking's group dot, profile
comparisons, exports). A group's value in a year is formed from each member's value in that year or, failing
that, its value from the nearest year within the indicator's `nearest_year_tolerance` (earlier wins a tie) —
exactly the value the map shows for that member — and such a member is counted as carried. A sum adds those
values; a ratio divides the sum of numerators by the sum of denominators, both taken from the same year for a
member (the year the member's own ratio comes from). A year has a group value only when at least one member
reports for exactly that year, so a line never runs on carried values alone. `Aggregate.reporting` counts the
members reporting for exactly that year, `carried` those carried from another year (`carried_from` says which).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from core.data import schema as s
from core.data.store import Store, get_store


@dataclass(frozen=True)
class Aggregate:
    """A group's value in one year and which of its members stand behind it."""

    year: int
    value: float
    reporting: int  # members with a value for exactly this year
    members: int  # members of the group
    carried: int = 0  # members whose value is carried from their nearest year within the tolerance
    carried_from: tuple[tuple[str, int], ...] = ()  # (iso3, year the value is from) of each carried member

    @property
    def contributing(self) -> int:
        """Members whose value is in the figure: reporting for the year plus carried."""
        return self.reporting + self.carried


def _store(edition: str | None = None) -> Store:
    """The current store (through get_store() with no argument, which tests replace), or an earlier edition."""
    current = get_store()
    return current if edition is None or edition == current.version else get_store(edition)


def _by_version(version: str) -> Store:
    return _store(version)


def indicator_meta(indicator: str, store: Store | None = None, edition: str | None = None) -> dict[str, Any]:
    meta: dict[str, Any] = (store or _store(edition)).meta["indicators"][indicator]
    return meta


@functools.lru_cache(maxsize=64)
def _series_cached(indicator: str, version: str) -> pd.DataFrame:
    frame = _by_version(version).indicators
    rows = frame[frame["indicator"] == indicator]
    columns = ["iso3", "year", "value", "computed", *(["anomaly"] if "anomaly" in rows.columns else [])]
    return rows[columns].reset_index(drop=True)


def series(indicator: str, edition: str | None = None) -> pd.DataFrame:
    """All (iso3, year, value, computed, anomaly) rows of one indicator (cached per data version).

    anomaly: a published value far out of line with the same country's neighbouring years, kept as published
    (see pipeline/checks.py); the UI marks it "as published by the source"."""
    return _series_cached(indicator, _store(edition).version)


def corridor_groups(edition: str | None = None) -> frozenset[str]:
    """The focus groups that have a corridor view and a place in comparisons: every group but the one of all
    countries (the world is too wide for either)."""
    groups = _store(edition).meta["groups"]
    return frozenset(g for g, spec in groups.items() if spec["members"]["column"] != "all")


def group_members(focus: str, edition: str | None = None) -> tuple[str, ...]:
    """ISO3 codes in a focus group (cached per data version)."""
    return _members_cached(focus, _store(edition).version)


@functools.lru_cache(maxsize=64)
def _members_cached(focus: str, version: str) -> tuple[str, ...]:
    store = _by_version(version)
    return members_of(store.meta["groups"][focus]["members"], store.countries)


def members_of(spec: dict[str, Any], countries: pd.DataFrame) -> tuple[str, ...]:
    """The member rule of groups.yaml over the countries table (the build applies it too): rows where a column is
    true (and, with `and`, a second one too), where it equals a value, or all rows; ISO3 codes, sorted."""
    if spec["column"] == "all":
        mask = pd.Series(True, index=countries.index)
    elif "equals" in spec:
        mask = countries[spec["column"]] == spec["equals"]
    else:
        mask = countries[spec["column"]].astype(bool)
    if "and" in spec:
        mask &= countries[spec["and"]].astype(bool)
    return tuple(sorted(countries.loc[mask, "iso3"]))


@functools.lru_cache(maxsize=64)
def _by_country(indicator: str, version: str) -> dict[str, dict[int, tuple[float, bool, bool]]]:
    rows = _series_cached(indicator, version)
    flags = rows["anomaly"] if "anomaly" in rows.columns else [False] * len(rows)
    out: dict[str, dict[int, tuple[float, bool, bool]]] = {}
    for code, year, value, computed, anomaly in zip(
        rows["iso3"], rows["year"], rows["value"], rows["computed"], flags, strict=True
    ):
        out.setdefault(code, {})[int(year)] = (float(value), bool(computed), bool(anomaly))
    return out


def _offsets(tolerance: int) -> tuple[int, ...]:
    """0, then -1, +1, -2, +2, ...: the order years are tried in (the earlier year wins a tie)."""
    return (0, *(d for k in range(1, tolerance + 1) for d in (-k, k)))


def nearest_year(years: Any, year: int, tolerance: int) -> int | None:
    """The year of `years` used for `year`: itself, or the nearest within `tolerance` (earlier wins a tie)."""
    return next((year + d for d in _offsets(tolerance) if year + d in years), None)


def nearest_values(
    indicator: str, year: int, members: tuple[str, ...], tolerance: int, edition: str | None = None
) -> list[dict[str, Any]]:
    """Each member's value in `year`, or else its nearest year within `tolerance` (earlier wins a tie).

    Records of iso3, value, year (the year the value is from), computed, carried (year differs from the one asked)
    and anomaly; members with nothing near are absent. Plain Python over a per-country index: this runs for every
    year of every map a visitor opens. Group figures use the same rule (aggregate_series)."""
    table = _by_country(indicator, _store(edition).version)
    out = []
    for code in members:
        years = table.get(code)
        if not years:
            continue
        found = nearest_year(years, year, tolerance)
        if found is not None:
            value, computed, anomaly = years[found]
            out.append({"iso3": code, "value": value, "year": found, "computed": computed,
                        "carried": found != year, "anomaly": anomaly})
    return out


def values_at(
    indicator: str, year: int, members: tuple[str, ...], tolerance: int, edition: str | None = None
) -> pd.DataFrame:
    """nearest_values as a frame with columns iso3, year, value, computed (and carried, anomaly after them)."""
    return pd.DataFrame(
        nearest_values(indicator, year, members, tolerance, edition),
        columns=["iso3", "year", "value", "computed", "carried", "anomaly"],
    )


def aggregate_series(indicator: str, members: tuple[str, ...], edition: str | None = None) -> tuple[Aggregate, ...]:
    """The group's figure for every year of the indicator, by the group rule of this module (sums or ratios of
    sums, never averages of percentages, members carried from their nearest year); () when none is honest."""
    return _aggregate_cached(indicator, tuple(members), _store(edition).version)


def _pairs(
    rule: dict[str, Any], version: str, indicator: str
) -> tuple[dict[str, dict[int, float]], dict[str, dict[int, float]] | None]:
    """Per member and year: the numerator value, and for a ratio the denominator of the same year (only years
    where both exist and the denominator is above 0, which are the years the ratio itself has)."""
    top = _by_country(rule.get("numerator", indicator), version)
    if rule["method"] == "sum":
        return {c: {y: v[0] for y, v in ys.items()} for c, ys in top.items()}, None
    bottom = _by_country(rule["denominator"], version)
    numerators: dict[str, dict[int, float]] = {}
    denominators: dict[str, dict[int, float]] = {}
    for code, years in top.items():
        below = bottom.get(code, {})
        for year, (value, _, _) in years.items():
            if year in below and below[year][0] > 0:
                numerators.setdefault(code, {})[year] = value
                denominators.setdefault(code, {})[year] = below[year][0]
    return numerators, denominators


@functools.lru_cache(maxsize=2048)
def _aggregate_cached(indicator: str, members: tuple[str, ...], version: str) -> tuple[Aggregate, ...]:
    meta = _by_version(version).meta["indicators"][indicator]
    rule = meta["aggregate"]  # from indicators.yaml: sum, ratio of two sums, or none
    if rule["method"] not in ("sum", "ratio"):
        return ()
    tolerance = int(meta.get("nearest_year_tolerance", 0))
    numerators, denominators = _pairs(rule, version, indicator)
    years = sorted({y for code in members for y in numerators.get(code, {})})
    out = []
    for year in years:
        top = bottom = 0.0
        exact = 0
        carried: list[tuple[str, int]] = []
        for code in members:
            own = numerators.get(code, {})
            found = nearest_year(own, year, tolerance) if own else None
            if found is None:
                continue
            top += own[found]
            if denominators is not None:
                bottom += denominators[code][found]  # every member with a numerator has its denominator
            if found == year:
                exact += 1
            else:
                carried.append((code, found))
        if exact == 0 or (denominators is not None and bottom <= 0):
            continue
        value = top if denominators is None else 100.0 * top / bottom
        out.append(Aggregate(year, value, exact, len(members), len(carried), tuple(carried)))
    return tuple(out)


def aggregate_at(indicator: str, members: tuple[str, ...], year: int, edition: str | None = None) -> Aggregate | None:
    return next((a for a in aggregate_series(indicator, members, edition) if a.year == year), None)


def percent_change(old: float | None, new: float | None, indicator: str, edition: str | None = None) -> float | None:
    """100 x (new - old) / old, or None where it would mislead: a missing side, an indicator in percent (compare
    in percentage points instead), or an earlier value below the indicator's `percent_change_min_base` (1,000
    persons, US$1 million: the number in the metadata)."""
    if old is None or new is None or not (math.isfinite(old) and math.isfinite(new)):
        return None
    base = indicator_meta(indicator, edition=edition).get("percent_change_min_base")
    if base is None or old < base or old <= 0:
        return None
    return 100.0 * (new - old) / old


def remittance_matrix(source: str | None = None, edition: str | None = None) -> pd.DataFrame:
    """The bilateral remittance estimates of one matrix edition: sender, receiver, year, usd, source.

    source: a matrix edition (a data/raw folder, e.g. worldbank_bilateral_remittance_matrix_2018); None = the
    current one named in the metadata (KNOMAD 2021). Editions are different models: never sum or compare them."""
    store = _store(edition)
    chosen = source or (store.meta.get("bilateral", {}).get("remittance_corridors", {}).get("current"))
    frame = store.remittance_corridors
    if chosen is None:  # an edition built before there were several matrices
        return frame.reset_index(drop=True).copy()
    if chosen not in set(frame["source"]):
        raise ValueError(f"no remittance matrix {chosen!r} in this edition: {sorted(set(frame['source']))}")
    return frame[frame["source"] == chosen].reset_index(drop=True).copy()


def corridor_total_vs_headline(origin: str, year: int, edition: str | None = None) -> dict[str, Any] | None:
    """An origin's corridor sum (UN DESA 2020 revision) beside its emigrant_stock (2024 revision) for one year.

    {year, corridors, headline, difference} or None when either is missing (e.g. 2024 has no corridors). The two
    revisions are never mixed in one figure: the UI says in one line when they differ."""
    store = _store(edition)
    rows = store.corridors
    rows = rows[(rows["origin"] == origin) & (rows["year"] == year)]
    headline = _by_country(s.EMIGRANT_STOCK, store.version).get(origin, {}).get(int(year))
    if rows.empty or headline is None:
        return None
    corridors = float(rows["emigrants"].sum())
    return {"year": int(year), "corridors": corridors, "headline": headline[0], "difference": headline[0] - corridors}


@functools.lru_cache(maxsize=16)
def _names(lang: str, version: str) -> dict[str, str]:
    countries = _by_version(version).countries
    return dict(zip(countries["iso3"], countries[f"name_{lang}"], strict=True))


def country_name(iso3: str, lang: str = "en", edition: str | None = None) -> str:
    return _names(lang, _store(edition).version).get(iso3, iso3)
