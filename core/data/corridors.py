"""Read-only corridor queries: where emigrants live, who lives where, regional splits, remittance corridors and costs.

Every total here is a sum of corridors and every share a ratio of sums, so a corridor view reconciles with the
country totals (`emigrant_stock` is, by construction of the build, the sum of an origin's corridors). Results are
cached per data version and handed out as copies: callers may change what they get without touching the cache.
Invalid input (an unknown ISO3 code, a year the data do not have) raises ValueError with a one-line message.
"""

from __future__ import annotations

import functools
import numbers
from typing import Final

import numpy as np
import pandas as pd

from core.data import queries
from core.data import schema as s
from core.data.store import get_store

UNKNOWN_ORIGIN: Final = s.UNKNOWN_ORIGIN  # UN DESA "Other": real migrants whose origin is not known

# SDG 10.c: "reduce to less than 3 per cent the transaction costs of migrant remittances and eliminate remittance
# corridors with costs higher than 5 per cent" (by 2030).
SDG_TARGET: Final = 3.0
SDG_CORRIDOR_CEILING: Final = 5.0


# Parts of a regional split, in display order (ids, not user text: labels come from the message catalog).
PART_LAC: Final = "lac"
PART_USA: Final = "usa"
PART_ESP: Final = "esp"
PART_REST: Final = "rest"
PART_UNKNOWN: Final = "unknown"
PARTS: Final = (PART_LAC, PART_USA, PART_ESP, PART_REST, PART_UNKNOWN)

# Group tuples arrive from requests, so caches keyed by them are bounded; single codes are bounded by the data.
_GROUP_CACHE_SIZE: Final = 256


# --- validation ------------------------------------------------------------------------------------------------


def _version() -> str:
    return get_store().version


@functools.lru_cache(maxsize=4)
def _codes(version: str) -> frozenset[str]:
    return frozenset(get_store().countries.index)


@functools.lru_cache(maxsize=4)
def _lac_codes(version: str) -> frozenset[str]:
    countries = get_store().countries
    return frozenset(countries.index[countries["lac"].astype(bool)])


def _code(code: object, role: str, *, unknown_ok: bool = False) -> str:
    """The code itself when it names a country or area in the data (or UN DESA's unknown origin when allowed)."""
    if isinstance(code, str) and (code in _codes(_version()) or (unknown_ok and code == UNKNOWN_ORIGIN)):
        return code
    raise ValueError(f"unknown {role} {code!r}: not the ISO3 code of a country or area in the data")


def _members(origin_or_group: str | tuple[str, ...]) -> tuple[str, ...]:
    """One origin or a group of them as a sorted tuple without repeats (a repeat would be counted twice)."""
    if isinstance(origin_or_group, str):
        return (_code(origin_or_group, "origin", unknown_ok=True),)
    if not isinstance(origin_or_group, tuple | list | set | frozenset) or not origin_or_group:
        raise ValueError(f"expected an ISO3 code or a non-empty tuple of them, got {origin_or_group!r}")
    return tuple(sorted({_code(code, "origin", unknown_ok=True) for code in origin_or_group}))


def _year(year: object, years: tuple[int, ...], what: str) -> int:
    if isinstance(year, bool) or not isinstance(year, numbers.Integral) or int(year) not in years:
        listed = ", ".join(str(y) for y in years)
        raise ValueError(f"no {what} for year {year!r}: the years are {listed}")
    return int(year)


def _limit(limit: object) -> int | None:
    if limit is None:
        return None
    if isinstance(limit, bool) or not isinstance(limit, numbers.Integral) or limit < 0:
        raise ValueError(f"limit must be None or a whole number >= 0, got {limit!r}")
    return int(limit)


def _handed_out(frame: pd.DataFrame, limit: int | None = None) -> pd.DataFrame:
    """A copy of a cached frame (its first `limit` rows when given), so callers cannot alter the cache."""
    return (frame if limit is None else frame.head(limit)).copy()


@functools.lru_cache(maxsize=4)
def _corridor_years(version: str) -> tuple[int, ...]:
    return tuple(sorted(int(y) for y in get_store().corridors["year"].unique()))


@functools.lru_cache(maxsize=4)
def _cost_years(version: str) -> tuple[int, ...]:
    return tuple(sorted(int(y) for y in get_store().corridor_costs["year"].unique()))


def corridor_years() -> tuple[int, ...]:
    """The years of the UN DESA bilateral stocks (1990–2020, 5-yearly)."""
    return _corridor_years(_version())


def cost_years() -> tuple[int, ...]:
    """The years surveyed by Remittance Prices Worldwide (2011–2020)."""
    return _cost_years(_version())


# --- indexes over the store (built once per data version) ------------------------------------------------------


def _split_by(frame: pd.DataFrame, column: str) -> dict[str, pd.DataFrame]:
    return {str(code): rows.reset_index(drop=True) for code, rows in frame.groupby(column, sort=False)}


@functools.lru_cache(maxsize=8)
def _corridors_by(column: str, version: str) -> dict[str, pd.DataFrame]:
    return _split_by(get_store().corridors, column)


@functools.lru_cache(maxsize=4)
def _costs_by_receiver(version: str) -> dict[str, pd.DataFrame]:
    return _split_by(get_store().corridor_costs, "receiver")


def _corridor_rows(column: str, code: str, version: str) -> pd.DataFrame:
    """The corridors whose `column` (origin or destination) is `code`; no rows for a code without corridors."""
    found = _corridors_by(column, version).get(code)
    return get_store().corridors.iloc[0:0] if found is None else found


# --- migrant stocks by corridor --------------------------------------------------------------------------------


def _female_share(female: pd.Series, total: pd.Series) -> pd.Series:
    return (100.0 * female / total.where(total > 0)).astype("float64")


def _ranked(rows: pd.DataFrame, key: str, total: float) -> pd.DataFrame:
    """key, emigrants, female, female_share, share_of_total (% of `total`), rank; largest first, ties by code.

    Ties share a rank (1, 2, 2, 4): many small corridors hold the same few persons."""
    out = rows.groupby(key, sort=False, as_index=False)[["emigrants", "female"]].sum()
    out = out.sort_values(["emigrants", key], ascending=[False, True], kind="stable").reset_index(drop=True)
    out["female_share"] = _female_share(out["female"], out["emigrants"])
    out["share_of_total"] = (100.0 * out["emigrants"] / (total if total > 0 else np.nan)).astype("float64")
    out["rank"] = out["emigrants"].rank(method="min", ascending=False).astype("int64")
    return out


def destinations(origin: str, year: int, limit: int | None = None) -> pd.DataFrame:
    """Where an origin's emigrants live: destination, emigrants, female, female_share, share_of_total, rank.

    Largest first; share_of_total is % of ALL the origin's emigrants (also when `limit` cuts the list), and the
    emigrants of all destinations sum exactly to the origin's emigrant_stock. `XXX` (unknown origin) is accepted."""
    code = _code(origin, "origin", unknown_ok=True)
    when = _year(year, corridor_years(), "migrant stocks")
    return _handed_out(_destinations_cached(code, when, _version()), _limit(limit))


@functools.lru_cache(maxsize=2048)
def _destinations_cached(origin: str, year: int, version: str) -> pd.DataFrame:
    rows = _corridor_rows("origin", origin, version)
    rows = rows[rows["year"] == year]
    return _ranked(rows, "destination", float(rows["emigrants"].sum()))


def origins(destination: str, year: int, limit: int | None = None, lac_only: bool = False) -> pd.DataFrame:
    """Who lives in a destination, by origin: origin, emigrants, female, female_share, share_of_total, rank, unknown.

    share_of_total is % of the destination's whole migrant stock (every origin, the unknown one included) even when
    `lac_only` keeps only LAC origins; rank is the position in the returned list. The row of origin `XXX` (UN DESA
    "Other", flagged `unknown`) is kept: those migrants are real, only their origin is not recorded."""
    code = _code(destination, "destination")
    when = _year(year, corridor_years(), "migrant stocks")
    return _handed_out(_origins_cached(code, when, bool(lac_only), _version()), _limit(limit))


@functools.lru_cache(maxsize=4096)
def _origins_cached(destination: str, year: int, lac_only: bool, version: str) -> pd.DataFrame:
    rows = _corridor_rows("destination", destination, version)
    rows = rows[rows["year"] == year]
    total = float(rows["emigrants"].sum())
    if lac_only:  # the unknown origin is not known to be LAC, so it goes too
        rows = rows[rows["origin"].isin(_lac_codes(version))]
    out = _ranked(rows, "origin", total)
    out["unknown"] = out["origin"] == UNKNOWN_ORIGIN
    return out


def corridor_history(origin: str, destination: str) -> pd.DataFrame:
    """One corridor over 1990–2020: year, emigrants, female, female_share, for the years UN DESA has a row.

    A year with no row is left out, never filled: in UN DESA it means zero or not reported, and the two cannot be
    told apart, so a chart should show a gap (or a note), not a zero or an interpolated value."""
    source = _code(origin, "origin", unknown_ok=True)
    target = _code(destination, "destination")
    if source == target:
        raise ValueError(f"origin and destination are both {source!r}: a corridor joins two countries")
    rows = _corridor_rows("origin", source, _version())
    rows = rows[rows["destination"] == target].sort_values("year")
    out = rows[["year", "emigrants", "female"]].reset_index(drop=True)
    out["female_share"] = _female_share(out["female"], out["emigrants"])
    return out


def _group_rows(members: tuple[str, ...], year: int, version: str) -> pd.DataFrame:
    frames = [_corridor_rows("origin", code, version) for code in members]
    rows = pd.concat(frames, ignore_index=True)
    return rows[rows["year"] == year]


def group_destinations(members: tuple[str, ...], year: int) -> pd.DataFrame:
    """Where a group's emigrants live: destinations() summed over the group's origins, plus within_group.

    Flows between members (Nicaragua→Costa Rica inside SICA) are included and flagged `within_group`, so the total
    equals the sum of the members' emigrant_stock; drop those rows to see only emigration out of the group."""
    group = _members(members)
    when = _year(year, corridor_years(), "migrant stocks")
    return _handed_out(_group_destinations_cached(group, when, _version()))


@functools.lru_cache(maxsize=_GROUP_CACHE_SIZE)
def _group_destinations_cached(members: tuple[str, ...], year: int, version: str) -> pd.DataFrame:
    rows = _group_rows(members, year, version)
    out = _ranked(rows, "destination", float(rows["emigrants"].sum()))
    out["within_group"] = out["destination"].isin(members)
    return out


def regional_split(origin_or_group: str | tuple[str, ...], year: int) -> pd.DataFrame:
    """Emigrants of one origin or a group by where they live: part, emigrants, female, female_share, share.

    Parts, always all five in this order: `lac` (destinations with countries.lac, which includes Puerto Rico and
    the US Virgin Islands, and, for a group, the other members), `usa`, `esp`, `rest` (rest of the world) and
    `unknown` (a destination not in the countries table; 0 in this release: UN DESA's unknown is on the origin
    side). Shares are ratios of sums; the parts add up to the total, which equals the sum of emigrant_stock."""
    group = _members(origin_or_group)
    when = _year(year, corridor_years(), "migrant stocks")
    return _handed_out(_regional_split_cached(group, when, _version()))


@functools.lru_cache(maxsize=_GROUP_CACHE_SIZE)
def _regional_split_cached(members: tuple[str, ...], year: int, version: str) -> pd.DataFrame:
    rows = _group_rows(members, year, version)
    destination = rows["destination"]
    part = np.select(
        [
            ~destination.isin(_codes(version)).to_numpy(),
            (destination == "USA").to_numpy(),
            (destination == "ESP").to_numpy(),
            destination.isin(_lac_codes(version)).to_numpy(),
        ],
        [PART_UNKNOWN, PART_USA, PART_ESP, PART_LAC],
        default=PART_REST,
    )
    sums = rows.groupby(part)[["emigrants", "female"]].sum().reindex(list(PARTS), fill_value=0)
    out = sums.rename_axis("part").reset_index().astype({"emigrants": "int64", "female": "int64"})
    total = float(out["emigrants"].sum())
    out["female_share"] = _female_share(out["female"], out["emigrants"])
    out["share"] = (100.0 * out["emigrants"] / (total if total > 0 else np.nan)).astype("float64")
    return out


# --- remittance corridors (the current matrix edition's model estimates) ----------------------------------------


def remittance_matrix_source() -> str:
    """The matrix edition the corridors show (a data/raw folder: the KNOMAD 2021 matrix in the current edition)."""
    return str(queries.remittance_matrix()["source"].iat[0])


def remittance_matrix_year() -> int:
    """The year the shown matrix estimates (2021 for KNOMAD's December 2022 matrix)."""
    return int(queries.remittance_matrix()["year"].max())


def remittance_senders(receiver: str) -> pd.DataFrame:
    """Estimated remittances into a country by sending country, from one matrix edition (the current one, see
    queries.remittance_matrix): sender, usd, share_of_total, rank.

    share_of_total is % of the receiver's inflows summed over the matrix: a model estimate that allocates each
    country's remittances by migrant stocks and incomes, not observed corridor flows, so its totals differ from the
    balance-of-payments series (remittances_usd)."""
    code = _code(receiver, "receiver")
    return _handed_out(_remittances_cached(code, "receiver", _version()))


def remittance_receivers(sender: str) -> pd.DataFrame:
    """Estimated remittances out of a country by receiving country (the current matrix edition): receiver, usd,
    share_of_total, rank."""
    code = _code(sender, "sender")
    return _handed_out(_remittances_cached(code, "sender", _version()))


@functools.lru_cache(maxsize=1024)
def _remittances_cached(code: str, role: str, version: str) -> pd.DataFrame:
    matrix = queries.remittance_matrix()  # one edition: the file holds the 2021 and 2018 matrices
    other = "sender" if role == "receiver" else "receiver"
    rows = matrix[matrix[role] == code]
    out = rows[[other, "usd"]].sort_values(["usd", other], ascending=[False, True], kind="stable")
    out = out.reset_index(drop=True)
    total = float(out["usd"].sum())
    out["share_of_total"] = (100.0 * out["usd"] / (total if total > 0 else np.nan)).astype("float64")
    out["rank"] = out["usd"].rank(method="min", ascending=False).astype("int64")
    return out


# --- corridor costs (Remittance Prices Worldwide) --------------------------------------------------------------


def _cost_rows(receiver: str) -> pd.DataFrame:
    found = _costs_by_receiver(_version()).get(receiver)
    return get_store().corridor_costs.iloc[0:0] if found is None else found


def corridor_cost_series(sender: str, receiver: str) -> pd.DataFrame:
    """Average total cost of sending US$200 in one corridor: period, year, quarter, cost_pct, oldest first.

    Semi-annual before 2013 (Q1, Q3), quarterly to 2020Q3; unsurveyed periods are absent. A few costs are negative
    (a favourable exchange-rate margin): they are published values, kept as they are."""
    source = _code(sender, "sender")
    target = _code(receiver, "receiver")
    rows = _cost_rows(target)
    rows = rows[rows["sender"] == source].sort_values("period")
    return rows[["period", "year", "quarter", "cost_pct"]].reset_index(drop=True)


def cheapest_and_dearest(receiver: str, year: int) -> pd.DataFrame:
    """Each surveyed corridor into a country in one year, cheapest first: sender, cost_pct, periods, flags, rank.

    cost_pct is the mean of that one corridor's surveys in the year (`periods` of them): a yearly figure for the same
    corridor. Costs of different corridors are never averaged into a country cost: that is the separate WDI
    indicator `remittance_cost`. below_target: cost_pct < SDG_TARGET; above_ceiling: cost_pct > SDG_CORRIDOR_CEILING.
    """
    code = _code(receiver, "receiver")
    when = _year(year, cost_years(), "corridor costs")
    return _handed_out(_cheapest_cached(code, when, _version()))


@functools.lru_cache(maxsize=1024)
def _cheapest_cached(receiver: str, year: int, version: str) -> pd.DataFrame:
    rows = _cost_rows(receiver)
    rows = rows[rows["year"] == year]
    out = rows.groupby("sender", as_index=False).agg(cost_pct=("cost_pct", "mean"), periods=("period", "count"))
    out = out.sort_values(["cost_pct", "sender"], kind="stable").reset_index(drop=True)
    out = out.astype({"cost_pct": "float64", "periods": "int64"})
    out["below_target"] = out["cost_pct"] < SDG_TARGET
    out["above_ceiling"] = out["cost_pct"] > SDG_CORRIDOR_CEILING
    out["rank"] = out["cost_pct"].rank(method="min").astype("int64")
    return out


def surveyed_receivers() -> pd.DataFrame:
    """Countries with at least one surveyed corridor: receiver, senders (how many), first_period, last_period."""
    return _handed_out(_surveyed_receivers_cached(_version()))


@functools.lru_cache(maxsize=4)
def _surveyed_receivers_cached(version: str) -> pd.DataFrame:
    costs = get_store().corridor_costs
    return costs.groupby("receiver", as_index=False).agg(
        senders=("sender", "nunique"), first_period=("period", "min"), last_period=("period", "max")
    )


def surveyed_senders(receiver: str) -> pd.DataFrame:
    """The surveyed corridors into a country: sender, first_period, last_period, periods (how many surveys)."""
    code = _code(receiver, "receiver")
    return _handed_out(_surveyed_senders_cached(code, _version()))


@functools.lru_cache(maxsize=512)
def _surveyed_senders_cached(receiver: str, version: str) -> pd.DataFrame:
    return (
        _cost_rows(receiver)
        .groupby("sender", as_index=False)
        .agg(first_period=("period", "min"), last_period=("period", "max"), periods=("period", "count"))
    )
