"""Queries over the real processed data (core.data.queries): group members, honest aggregates, nearest-year values."""

from __future__ import annotations

import pandas as pd
import pytest

from core.data import queries
from core.data.store import get_store
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


def test_lac_states_group_is_the_33_states():
    assert queries.group_members("lac_states") == tuple(sorted(LAC_STATES))
    meta = get_store().meta["groups"]
    assert meta["lac"]["includes_territories"]
    assert not meta["lac_states"]["includes_territories"]
    assert meta["central_america"]["name"]["en"] == "Central America (incl. Mexico)"


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


# --- aggregates ---------------------------------------------------------------------------------------------


def carried_expectation(
    indicators: pd.DataFrame, numerator: str, denominator: str | None, members: tuple[str, ...], tolerance: int
) -> dict[int, tuple[float, int, int]]:
    """The group rule written out plainly: per year, each member's value of that year or of its nearest year within
    the tolerance (the earlier on a tie), numerator and denominator from the same year; kept when at least one
    member reports for that exact year. year -> (value, exact reporters, carried members)."""
    names = (numerator,) if denominator is None else (numerator, denominator)
    table = wide(indicators, names, members)
    if denominator is not None:
        table = table[table[denominator] > 0]
    by_member = {code: rows.set_index("year") for code, rows in table.groupby("iso3")}
    out = {}
    for year in sorted(table["year"].unique()):
        top = bottom = 0.0
        exact = carried = 0
        for rows in by_member.values():
            near = [y for y in rows.index if abs(y - year) <= tolerance]
            if not near:
                continue
            used = min(near, key=lambda y: (abs(y - year), y))
            top += rows.at[used, numerator]
            bottom += rows.at[used, denominator] if denominator else 0.0
            exact, carried = (exact + 1, carried) if used == year else (exact, carried + 1)
        if exact:
            out[int(year)] = (top if denominator is None else 100 * top / bottom, exact, carried)
    return out


@pytest.mark.parametrize(
    ("indicator", "numerator", "denominator", "focus"),
    [
        ("emigrant_share", "emigrant_stock", "population", "lac"),
        ("emigrant_share", "emigrant_stock", "population", "caricom"),
        ("remittances_gdp", "remittances_usd", "gdp_usd", "lac"),
        ("remittances_gdp", "remittances_usd", "gdp_usd", "sica"),
        ("remittances_gdp", "remittances_usd", "gdp_usd", "caricom"),
        ("female_share", "emigrant_female", "emigrant_stock", "lac"),
        ("immigrant_share", "immigrant_stock", "population", "lac_states"),
        ("dioc_tertiary_share", "dioc_tertiary_emigrants", "dioc_emigrants_known_education", "caribbean"),
    ],
)
def test_ratio_aggregate_is_ratio_of_sums_with_members_carried(indicators, indicator, numerator, denominator, focus):
    members = queries.group_members(focus)
    tolerance = queries.indicator_meta(indicator)["nearest_year_tolerance"]
    expected = carried_expectation(indicators, numerator, denominator, members, tolerance)
    result = queries.aggregate_series(indicator, members)
    assert {a.year for a in result} == set(expected)
    for a in result:
        value, exact, carried = expected[a.year]
        assert a.value == pytest.approx(value, rel=1e-12)
        assert (a.reporting, a.carried, a.members) == (exact, carried, len(members))


def test_emigrant_share_aggregate_is_not_the_mean_of_percentages(indicators):
    members = queries.group_members("lac")
    aggregate = queries.aggregate_at("emigrant_share", members, 2024)
    assert aggregate is not None
    shares = indicators[
        (indicators["indicator"] == "emigrant_share") & (indicators["year"] == 2024) & indicators["iso3"].isin(members)
    ]["value"]
    # small territories with large shares pull the plain mean far above the weighted figure
    assert abs(aggregate.value - shares.mean()) > 5


def test_sum_aggregate_is_sum_with_members_carried(indicators):
    members = queries.group_members("lac")
    expected = carried_expectation(indicators, "remittances_usd", None, members, 1)
    result = queries.aggregate_series("remittances_usd", members)
    assert [a.year for a in result] == sorted(expected)
    for a in result:
        value, exact, carried = expected[a.year]
        assert a.value == pytest.approx(value, rel=1e-12)
        assert (a.reporting, a.carried) == (exact, carried)


def test_caricom_remittances_do_not_drop_because_guyana_has_no_2024_value():
    """Issue 12: the old rule gave -2.3 % for 2023 -> 2024 (Guyana missing in 2024); carried, it is about +3.9 %."""
    members = queries.group_members("caricom")
    before = queries.aggregate_at("remittances_usd", members, 2023)
    after = queries.aggregate_at("remittances_usd", members, 2024)
    assert before is not None
    assert after is not None
    assert 100 * (after.value / before.value - 1) == pytest.approx(3.9, abs=0.05)
    assert after.carried_from == (("GUY", 2023),)
    assert (after.reporting, after.carried, after.contributing, after.members) == (12, 1, 13, 15)
    # The map shows the same values for the same year, so the map and the group total agree.
    mapped = queries.nearest_values("remittances_usd", 2024, members, 1)
    assert sum(r["value"] for r in mapped) == pytest.approx(after.value, rel=1e-12)
    assert [r["iso3"] for r in mapped if r["carried"]] == ["GUY"]
    # The ratio uses the same rule for numerator and denominator (Guyana's 2023 remittances and 2023 GDP).
    share = queries.aggregate_at("remittances_gdp", members, 2024)
    assert share is not None
    assert share.carried_from == (("GUY", 2023),)


def test_a_year_needs_one_member_reporting_for_it():
    """2025 has GDP but no remittances anywhere: no group figure made of 2024 values carried forward."""
    members = queries.group_members("lac")
    assert queries.aggregate_at("remittances_usd", members, 2025) is None
    assert queries.aggregate_series("remittances_usd", members)[-1].year == 2024


def test_world_emigrants_sum_the_countries_of_origin():
    world = queries.aggregate_at("emigrant_stock", queries.group_members("world"), 2024)
    assert world is not None
    assert world.value == 281_956_199  # UN DESA world 304,021,813 less 22,065,614 of unknown origin
    assert queries.indicator_meta("emigrant_stock")["unattributed"]["2024"] == 22_065_614


def test_percent_change_is_withheld_below_the_stated_base():
    assert queries.indicator_meta("emigrant_stock")["percent_change_min_base"] == 1000
    assert queries.indicator_meta("remittances_usd")["percent_change_min_base"] == 1_000_000
    assert queries.percent_change(500, 5_000, "emigrant_stock") is None  # tiny base: show the absolute change
    assert queries.percent_change(5_000, 6_000, "emigrant_stock") == pytest.approx(20.0)
    assert queries.percent_change(10.0, 12.0, "emigrant_share") is None  # percentages change by points
    assert queries.percent_change(None, 12.0, "emigrant_stock") is None


def test_remittance_matrix_editions_are_kept_apart():
    current = queries.remittance_matrix()
    assert set(current["source"]) == {"worldbank_knomad_bilateral_remittance_matrix_2021"}
    assert set(current["year"]) == {2021}
    usa_mex = current[(current["sender"] == "USA") & (current["receiver"] == "MEX")]["usd"].item()
    assert usa_mex == pytest.approx(52_595.342546e6, rel=1e-9)  # PROVENANCE: USA -> Mexico 52,595
    assert "VEN" not in set(current["receiver"])  # no 2021 estimate of Venezuela's inflows
    earlier = queries.remittance_matrix("worldbank_bilateral_remittance_matrix_2018")
    assert set(earlier["year"]) == {2018}
    assert earlier[(earlier["sender"] == "USA") & (earlier["receiver"] == "MEX")]["usd"].item() == 34_704e6
    with pytest.raises(ValueError, match="no remittance matrix"):
        queries.remittance_matrix("worldbank_wdi")


def test_corridor_total_beside_the_headline_of_another_revision():
    gap = queries.corridor_total_vs_headline("VEN", 2020)
    assert gap == {"year": 2020, "corridors": 5_415_337.0, "headline": 5_477_198.0, "difference": 61_861.0}
    assert queries.corridor_total_vs_headline("VEN", 2024) is None  # no 2024 corridors


@pytest.mark.parametrize("indicator", ["tertiary_emigration_rate", "remittance_cost"])
def test_indicators_without_an_honest_aggregate(indicator):
    assert len(queries.aggregate_series(indicator, queries.group_members("lac"))) == 0  # () or []
    assert queries.aggregate_at(indicator, queries.group_members("lac"), 2010) is None


# --- values_at -------------------------------------------------------------------------------------------------


def test_values_at_uses_the_exact_year(indicators):
    members = queries.group_members("lac")
    tolerance = queries.indicator_meta("emigrant_share")["nearest_year_tolerance"]
    rows = queries.values_at("emigrant_share", 2020, members, tolerance)
    assert list(rows.columns) == ["iso3", "year", "value", "computed", "carried", "anomaly"]
    assert set(rows["year"]) == {2020}
    assert not rows["carried"].any()
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
        assert result.at[iso3, "carried"]
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
    [(2022, 2020), (2021, 2020), (1988, 1990), (1989, 1990), (2017, 2015), (2018, 2020), (2023, 2024), (2027, None)],
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
