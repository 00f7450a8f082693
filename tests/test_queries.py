"""Queries over the real processed data (core.queries): group members, honest aggregates, nearest-year values."""

from __future__ import annotations

import pandas as pd
import pytest

from core import queries
from core.store import get_store
from pipeline.paths import LAC_STATES


@pytest.fixture(scope="module")
def indicators() -> pd.DataFrame:
    return get_store().indicators


def wide(indicators: pd.DataFrame, names: tuple[str, ...], members: tuple[str, ...]) -> pd.DataFrame:
    """One column per indicator, rows (iso3, year) where every one of them has a value."""
    rows = indicators[indicators["indicator"].isin(names) & indicators["iso3"].isin(members)]
    return rows.pivot_table(index=["iso3", "year"], columns="indicator", values="value").dropna().reset_index()


def one_value(indicators: pd.DataFrame, indicator: str, iso3: str, year: int) -> float:
    row = indicators[
        (indicators["indicator"] == indicator) & (indicators["iso3"] == iso3) & (indicators["year"] == year)
    ]
    assert len(row) == 1
    return float(row["value"].iloc[0])


# --- groups ----------------------------------------------------------------------------------------------------


def test_lac_holds_the_33_states_and_not_the_usa():
    members = queries.group_members("lac")
    assert len(LAC_STATES) == 33
    assert set(LAC_STATES) <= set(members)
    assert "USA" not in members
    assert "CAN" not in members


def test_lac_sovereign_members_are_exactly_the_33_states():
    countries = get_store().countries
    members = queries.group_members("lac")
    sovereign = {c for c in members if bool(countries.at[c, "sovereign"])}
    assert sovereign == set(LAC_STATES)


def test_sica_members():
    assert set(queries.group_members("sica")) == {"BLZ", "CRI", "DOM", "GTM", "HND", "NIC", "PAN", "SLV"}


def test_caricom_has_15_full_members():
    members = queries.group_members("caricom")
    assert len(members) == 15
    assert "MSR" in members  # Montserrat is a full member
    assert "AIA" not in members  # associate member


@pytest.mark.parametrize("focus", ["lac", "sica", "caricom", "mercosur", "world"])
def test_group_members_are_sorted_unique_and_known(focus):
    members = queries.group_members(focus)
    assert list(members) == sorted(set(members))
    assert set(members) <= set(get_store().countries["iso3"])


# --- aggregates ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "numerator", "denominator", "focus"),
    [
        ("emigrant_share", "emigrant_stock", "population", "lac"),
        ("emigrant_share", "emigrant_stock", "population", "caricom"),
        ("remittances_gdp", "remittances_usd", "gdp_usd", "lac"),
        ("remittances_gdp", "remittances_usd", "gdp_usd", "sica"),
        ("female_share", "emigrant_female", "emigrant_stock", "lac"),
    ],
)
def test_ratio_aggregate_is_ratio_of_sums(indicators, indicator, numerator, denominator, focus):
    members = queries.group_members(focus)
    both = wide(indicators, (numerator, denominator), members)
    grouped = both.groupby("year").agg(n=(numerator, "sum"), d=(denominator, "sum"), count=("iso3", "count"))
    expected = {int(y): (100 * r["n"] / r["d"], int(r["count"])) for y, r in grouped.iterrows()}

    result = queries.aggregate_series(indicator, members)
    assert {a.year for a in result} == set(expected)
    for a in result:
        value, count = expected[a.year]
        assert a.value == pytest.approx(value, rel=1e-12)
        assert a.reporting == count
        assert a.members == len(members)


def test_emigrant_share_aggregate_is_not_the_mean_of_percentages(indicators):
    members = queries.group_members("lac")
    aggregate = queries.aggregate_at("emigrant_share", members, 2020)
    assert aggregate is not None
    shares = indicators[
        (indicators["indicator"] == "emigrant_share") & (indicators["year"] == 2020) & indicators["iso3"].isin(members)
    ]["value"]
    # small Caribbean states with shares near or above 100 % pull the plain mean far above the weighted figure
    assert abs(aggregate.value - shares.mean()) > 5


def test_sum_aggregate_is_sum_with_count(indicators):
    members = queries.group_members("lac")
    rows = indicators[(indicators["indicator"] == "remittances_usd") & indicators["iso3"].isin(members)]
    expected = rows.groupby("year")["value"].agg(["sum", "count"])
    result = queries.aggregate_series("remittances_usd", members)
    assert [a.year for a in result] == list(expected.index)
    for a in result:
        assert a.value == pytest.approx(expected.at[a.year, "sum"], rel=1e-12)
        assert a.reporting == expected.at[a.year, "count"]


@pytest.mark.parametrize("indicator", ["tertiary_emigration_rate", "remittance_cost"])
def test_indicators_without_an_honest_aggregate(indicator):
    assert len(queries.aggregate_series(indicator, queries.group_members("lac"))) == 0  # () or []
    assert queries.aggregate_at(indicator, queries.group_members("lac"), 2010) is None


# --- values_at -------------------------------------------------------------------------------------------------


def test_values_at_uses_the_exact_year(indicators):
    members = queries.group_members("lac")
    tolerance = queries.indicator_meta("emigrant_share")["nearest_year_tolerance"]
    rows = queries.values_at("emigrant_share", 2020, members, tolerance)
    assert list(rows.columns) == ["iso3", "year", "value", "computed"]
    assert set(rows["year"]) == {2020}
    assert rows["iso3"].is_unique
    for row in rows.itertuples():
        assert row.value == one_value(indicators, "emigrant_share", row.iso3, 2020)


def test_values_at_falls_back_to_the_nearest_year_within_tolerance(indicators):
    """A real case: LAC members with remittances up to 2023 but not 2024 show their 2023 figure."""
    indicator, year = "remittances_usd", 2024
    tolerance = queries.indicator_meta(indicator)["nearest_year_tolerance"]
    assert tolerance == 1
    members = tuple(LAC_STATES)
    rows = indicators[(indicators["indicator"] == indicator) & indicators["iso3"].isin(members)]
    years_of = rows.groupby("iso3")["year"].apply(set).to_dict()
    late = sorted(c for c, ys in years_of.items() if year not in ys and year - 1 in ys)
    stale = sorted(c for c in members if not years_of.get(c, set()) & {year - 1, year})
    assert late, "expected a LAC state without 2024 remittances but with 2023"  # GUY in the 2026 WDI
    assert stale  # e.g. CUB has no series at all

    result = queries.values_at(indicator, year, members, tolerance).set_index("iso3")
    for iso3 in late:
        assert result.at[iso3, "year"] == year - 1
        assert result.at[iso3, "value"] == one_value(indicators, indicator, iso3, year - 1)
    for iso3 in stale:
        assert iso3 not in result.index
    exact = set(result.index) - set(late)
    assert set(result.loc[sorted(exact), "year"]) == {year}


def test_values_at_prefers_the_earlier_year_on_a_tie(indicators):
    """A real gap: a country with remittances the year before and after, but not in the year asked."""
    rows = indicators[indicators["indicator"] == "remittances_usd"]
    years_of = rows.groupby("iso3")["year"].apply(set).to_dict()
    gaps = [(c, y) for c, ys in sorted(years_of.items()) for y in sorted(ys) if y + 1 not in ys and y + 2 in ys]
    assert gaps, "expected a one-year gap in remittances_usd (COM 2013 in the 2026 WDI)"
    for iso3, before in gaps:
        result = queries.values_at("remittances_usd", before + 1, (iso3,), 1)
        assert list(result["year"]) == [before]
        assert result["value"].iloc[0] == one_value(indicators, "remittances_usd", iso3, before)


@pytest.mark.parametrize(
    ("year", "shown"),
    [(2022, 2020), (2021, 2020), (1988, 1990), (1989, 1990), (2017, 2015), (2018, 2020), (2023, None)],
)
def test_values_at_nearest_of_five_yearly_series(year, shown):
    result = queries.values_at("emigrant_share", year, ("MEX",), 2)
    if shown is None:
        assert result.empty
    else:
        assert list(result["year"]) == [shown]


def test_values_at_with_zero_tolerance_leaves_out_missing_years():
    assert queries.values_at("emigrant_share", 2019, ("MEX", "HTI"), 0).empty
    assert set(queries.values_at("emigrant_share", 2020, ("MEX", "HTI"), 0)["iso3"]) == {"MEX", "HTI"}


def test_values_at_only_returns_members():
    result = queries.values_at("emigrant_share", 2020, ("MEX", "USA", "ZZZ"), 2)
    assert set(result["iso3"]) <= {"MEX", "USA", "ZZZ"}
    assert "ZZZ" not in set(result["iso3"])
