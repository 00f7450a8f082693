"""The corridor view's data, from the bilateral tables: a subject's partners, its total split by region, the money
sent along its corridors and their surveyed costs, with the subject, direction and year checked.

A subject is a country or area (ISO3 code) or a group with a corridor view (every focus group but the world).
Direction "out" follows the subject's emigrants to where they live (by destination); "in" looks at who lives in the
subject (by origin, countries only). Every total is a sum of corridors and every share a ratio of sums, so the
charts reconcile with the country totals; a corridor without a row is a gap (UN DESA cannot tell zero from not
reported), never a zero. Invalid input raises ValueError with a one-line message."""

from __future__ import annotations

import numbers
from typing import Final

import numpy as np
import pandas as pd

from core.data import corridors, queries
from core.data.cache import per_version
from core.data.store import get_store

DIRECTIONS: Final = ("out", "in")
# Parts of the origin split of a destination's immigrants, in display order.
ORIGIN_PARTS: Final = (corridors.PART_LAC, corridors.PART_REST, corridors.PART_UNKNOWN)


def is_group(subject: object) -> bool:
    """True for a focus-group id ("lac", "central_america", "sica", ...); the world is not a subject."""
    return isinstance(subject, str) and subject in queries.corridor_groups()


def is_country(subject: object) -> bool:
    return isinstance(subject, str) and subject in get_store().countries.index


def check_subject(subject: object) -> str:
    if is_group(subject) or is_country(subject):
        return str(subject)
    raise ValueError(f"unknown subject {subject!r}: not the ISO3 code of a country or area nor a group id")


def subjects() -> tuple[str, ...]:
    """Every valid subject: the groups (menu order), then every country or area code (sorted)."""
    groups = tuple(g for g in get_store().meta["group_order"] if is_group(g))
    return groups + tuple(sorted(get_store().countries.index))


def directions(subject: str) -> tuple[str, ...]:
    """("out",) for a group (its immigrants are not a group figure), ("out", "in") for a country."""
    return ("out",) if is_group(check_subject(subject)) else DIRECTIONS


def check_direction(subject: str, direction: object) -> str:
    allowed = directions(subject)
    if not isinstance(direction, str) or direction not in allowed:
        raise ValueError(f"direction {direction!r} is not one of {', '.join(allowed)} for {subject!r}")
    return direction


def check_year(year: object) -> int:
    years = corridors.corridor_years()
    if isinstance(year, bool) or not isinstance(year, numbers.Integral) or int(year) not in years:
        raise ValueError(f"no migrant stocks for year {year!r}: the years are {', '.join(str(y) for y in years)}")
    return int(year)


def members(subject: str) -> tuple[str, ...]:
    return queries.group_members(subject) if is_group(subject) else (subject,)


@per_version(maxsize=4)
def _lac_codes() -> frozenset[str]:
    countries = get_store().countries
    return frozenset(countries.index[countries["lac"].astype(bool)])


def _parts_frame(part: np.ndarray, rows: pd.DataFrame, parts: tuple[str, ...]) -> pd.DataFrame:
    """part, emigrants, female, female_share, share: sums by part (every part, in order), shares ratios of sums."""
    sums = (
        rows.groupby(part)[["emigrants", "female"]].sum()
        if len(rows)
        else pd.DataFrame(columns=["emigrants", "female"])
    )
    sums = sums.reindex(list(parts), fill_value=0)
    out = sums.rename_axis("part").reset_index().astype({"emigrants": "int64", "female": "int64"})
    total = float(out["emigrants"].sum())
    out["female_share"] = (100.0 * out["female"] / out["emigrants"].where(out["emigrants"] > 0)).astype("float64")
    out["share"] = (100.0 * out["emigrants"] / (total if total > 0 else np.nan)).astype("float64")
    return out


def origin_split(destination: str, year: int) -> pd.DataFrame:
    """Immigrants in a destination by where they were born: part, emigrants, female, female_share, share.

    Parts, always all three in this order: `lac` (origins with countries.lac), `rest` (every other known origin) and
    `unknown` (UN DESA's origin `XXX`: real migrants whose birthplace the destination does not report). Sums of the
    destination's corridors; shares are ratios of sums and the parts add up to its whole migrant stock."""
    rows = corridors.origins(destination, year)  # validates both
    part = np.select(
        [rows["unknown"].to_numpy(dtype=bool), rows["origin"].isin(_lac_codes()).to_numpy()],
        [corridors.PART_UNKNOWN, corridors.PART_LAC],
        default=corridors.PART_REST,
    )
    return _parts_frame(part, rows, ORIGIN_PARTS)


PARTNER_COLUMNS: Final = ("partner", "persons", "female", "female_share", "share", "rank", "within_group", "unknown")


def partners(subject: str, direction: str, year: int) -> pd.DataFrame:
    """Every partner of the subject in `year`, largest first, from the corridor layer.

    Columns: partner (destination for "out", origin for "in"), persons, female, female_share, share (% of the
    subject's total: all its emigrants, or all its immigrants), rank (ties share one), within_group (a group's
    emigrants living in another member) and unknown (UN DESA's unknown origin). persons sum to the subject's total
    (its emigrant_stock for "out"; for a group, the sum of its members' emigrant_stock)."""
    code = check_subject(subject)
    way = check_direction(code, direction)
    when = check_year(year)
    if way == "in":
        rows = corridors.origins(code, when).rename(columns={"origin": "partner"})
        rows["within_group"] = False
    elif is_group(code):
        rows = corridors.group_destinations(members(code), when).rename(columns={"destination": "partner"})
        rows["unknown"] = False
    else:
        rows = corridors.destinations(code, when).rename(columns={"destination": "partner"})
        rows["within_group"] = False
        rows["unknown"] = False
    rows = rows.rename(columns={"emigrants": "persons", "share_of_total": "share"})
    return rows[list(PARTNER_COLUMNS)].astype({"within_group": bool, "unknown": bool})


def split(subject: str, direction: str, year: int) -> pd.DataFrame:
    """The subject's total by part: part, persons, female, female_share, share (% of the total).

    "out": corridors.regional_split (lac, usa, esp, rest, unknown destination); "in": origin_split (lac, rest,
    unknown origin). The parts sum to the subject's total."""
    code = check_subject(subject)
    way = check_direction(code, direction)
    when = check_year(year)
    if way == "in":
        rows = origin_split(code, when)
    else:
        rows = corridors.regional_split(members(code) if is_group(code) else code, when)
    return rows.rename(columns={"emigrants": "persons"})


def remittances(subject: str, direction: str) -> pd.DataFrame:
    """Matrix estimates (the current matrix edition): partner, usd, share (% of the subject's total), rank,
    within_group; largest first.

    "out": money received by the subject, by sending country (its emigrants send it home); "in": money sent from
    the subject, by receiving country. A group sums its members' inflows by sender: money sent from one member to
    another is included (flagged within_group), so the total is the sum of the members' inflows in the matrix."""
    code = check_subject(subject)
    way = check_direction(code, direction)
    if way == "in":
        rows = corridors.remittance_receivers(code).rename(columns={"receiver": "partner"})
    else:
        frames = [corridors.remittance_senders(m) for m in members(code)]
        rows = pd.concat(frames, ignore_index=True).rename(columns={"sender": "partner"})
        rows = rows.groupby("partner", as_index=False, sort=False).agg(usd=("usd", "sum"))
    rows = rows.sort_values(["usd", "partner"], ascending=[False, True], kind="stable").reset_index(drop=True)
    total = float(rows["usd"].sum())
    rows["share"] = (100.0 * rows["usd"] / (total if total > 0 else np.nan)).astype("float64")
    rows["rank"] = rows["usd"].rank(method="min", ascending=False).astype("int64")
    rows["within_group"] = rows["partner"].isin(members(code)) if is_group(code) else False
    return rows[["partner", "usd", "share", "rank", "within_group"]].astype({"within_group": bool})


@per_version(maxsize=4)
def matrix_usd() -> dict[tuple[str, str], float]:
    """The matrix estimate of each (sender, receiver) corridor (the current matrix edition), used only to order
    corridors, never drawn."""
    matrix = queries.remittance_matrix()  # one edition: the file holds the 2021 and 2018 matrices
    return {
        (str(a), str(b)): float(v) for a, b, v in zip(matrix["sender"], matrix["receiver"], matrix["usd"], strict=True)
    }


@per_version(maxsize=4)
def _costs_by_sender() -> dict[str, pd.DataFrame]:
    costs = get_store().corridor_costs
    return {str(code): rows.reset_index(drop=True) for code, rows in costs.groupby("sender", sort=False)}


def cost_corridors_from(sender: str) -> pd.DataFrame:
    """Every surveyed corridor out of a country: receiver, period, year, quarter, cost_pct; by receiver, then period.

    The by-sender twin of corridors.corridor_cost_series (which looks a corridor up by its receiver). Unsurveyed
    periods are absent, negative published costs are kept; a country that is never a surveyed sender gives no rows."""
    if not is_country(sender):
        raise ValueError(f"unknown sender {sender!r}: not the ISO3 code of a country or area in the data")
    found = _costs_by_sender().get(sender)
    rows = get_store().corridor_costs.iloc[0:0] if found is None else found
    rows = rows.sort_values(["receiver", "period"], kind="stable")
    return rows[["receiver", "period", "year", "quarter", "cost_pct"]].reset_index(drop=True)


COST_COLUMNS: Final = ("sender", "receiver", "period", "year", "quarter", "cost_pct")


def costs(subject: str, direction: str) -> pd.DataFrame:
    """Surveyed corridor costs of the subject: sender, receiver, period, year, quarter, cost_pct.

    "out": corridors into the subject (it receives what its emigrants send; a group: into any member); "in":
    corridors from the subject (it is the sender). Sorted by sender, receiver and period."""
    code = check_subject(subject)
    way = check_direction(code, direction)
    if way == "in":
        rows = cost_corridors_from(code)
        rows.insert(0, "sender", code)
    else:
        table = get_store().corridor_costs
        rows = table[table["receiver"].isin(members(code))]
    rows = rows[list(COST_COLUMNS)].sort_values(["sender", "receiver", "period"], kind="stable")
    return rows.reset_index(drop=True).astype({"year": "int64", "quarter": "int64", "cost_pct": "float64"})


def period_date(period: str) -> str:
    """The first day of a survey period: "2016Q2" -> "2016-04-01" (a date plotly puts on a time axis)."""
    year, quarter = period.split("Q")
    return f"{int(year):04d}-{3 * (int(quarter) - 1) + 1:02d}-01"


@per_version(maxsize=4)
def survey_periods() -> tuple[str, ...]:
    return tuple(sorted(get_store().corridor_costs["period"].unique()))
