"""Corridor queries (core.data.corridors) on the real processed data: published figures, reconciliation, validation."""

from __future__ import annotations

import functools

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.data import corridors
from core.data.queries import group_members
from core.data.store import get_store
from pipeline.paths import LAC_STATES, RAW

YEARS = (1990, 1995, 2000, 2005, 2010, 2015, 2020)


@functools.cache
def _revision_2020() -> tuple[pd.DataFrame, pd.DataFrame]:
    totals = pd.read_csv(RAW / "undesa_ims2020_bilateral/undesa_ims2020_country_totals.csv")
    bilateral = pd.read_csv(RAW / "undesa_ims2020_bilateral/undesa_ims2020_bilateral_stock_by_sex.csv")
    return totals, bilateral


def stock(iso3: str, year: int, indicator: str = "emigrant_stock") -> float:
    """The UN DESA 2020 revision's own figures, which the corridors (2020 revision) reconcile with; the country
    series in the store (emigrant_stock, ...) come from the 2024 revision and are not expected to match them."""
    totals, bilateral = _revision_2020()
    if indicator == "emigrant_stock":
        row = totals[(totals["alpha3"] == iso3) & (totals["year"] == year)]
        assert len(row) == 1
        return float(row["disp"].iloc[0])
    rows = bilateral[(bilateral["origin_iso3"] == iso3) & (bilateral["year"] == year)]
    female = float(rows["female"].sum())
    assert indicator in ("emigrant_female", "female_share"), indicator
    return female if indicator == "emigrant_female" else 100 * female / float(rows["total"].sum())


# --- where emigrants live --------------------------------------------------------------------------------------


def test_mexico_usa_2020_is_the_published_corridor():
    rows = corridors.destinations("MEX", 2020)
    usa = rows.iloc[0]
    assert usa["destination"] == "USA"
    assert usa["emigrants"] == 10_853_105
    assert usa["rank"] == 1
    assert usa["share_of_total"] == pytest.approx(97.0, abs=0.1)  # PROVENANCE: 97.0 %


def test_destinations_of_mexico_sum_exactly_to_its_emigrant_stock():
    rows = corridors.destinations("MEX", 2020)
    assert int(rows["emigrants"].sum()) == 11_185_737 == stock("MEX", 2020)
    assert rows["share_of_total"].sum() == pytest.approx(100.0)


def test_limit_keeps_the_share_of_all_emigrants():
    full = corridors.destinations("MEX", 2020)
    top = corridors.destinations("MEX", 2020, limit=3)
    assert list(top.columns) == ["destination", "emigrants", "female", "female_share", "share_of_total", "rank"]
    pd.testing.assert_frame_equal(top, full.head(3))
    assert len(corridors.destinations("MEX", 2020, limit=0)) == 0


@settings(max_examples=25, deadline=None)
@given(origin=st.sampled_from(LAC_STATES), year=st.sampled_from(YEARS))
def test_every_lac_origin_reconciles_with_its_totals(origin, year):
    rows = corridors.destinations(origin, year)
    assert int(rows["emigrants"].sum()) == stock(origin, year)
    assert int(rows["female"].sum()) == stock(origin, year, "emigrant_female")
    assert rows["emigrants"].is_monotonic_decreasing
    assert rows["female_share"].between(0, 100).all()
    assert (rows["female"] <= rows["emigrants"]).all()
    split = corridors.regional_split(origin, year)
    assert int(split["emigrants"].sum()) == stock(origin, year)


def test_results_are_copies_of_the_cache():
    first = corridors.destinations("MEX", 2020)
    first.loc[0, "emigrants"] = -1
    assert corridors.destinations("MEX", 2020).loc[0, "emigrants"] == 10_853_105


# --- who lives where -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("destination", "origin"),
    [("COL", "VEN"), ("CRI", "NIC"), ("DOM", "HTI"), ("USA", "MEX")],
)
def test_largest_origin_group(destination, origin):
    rows = corridors.origins(destination, 2020, limit=1)
    assert rows["origin"].tolist() == [origin]
    assert rows["rank"].tolist() == [1]


def test_unknown_origin_is_kept_and_flagged():
    rows = corridors.origins("USA", 2020)
    unknown = rows[rows["unknown"]]
    assert unknown["origin"].tolist() == [corridors.UNKNOWN_ORIGIN]
    assert int(unknown["emigrants"].iloc[0]) == 4_046_231
    assert rows["share_of_total"].sum() == pytest.approx(100.0)


def test_lac_only_keeps_lac_origins_with_shares_of_all_immigrants():
    countries = get_store().countries
    rows = corridors.origins("ESP", 2020, lac_only=True)
    assert rows["origin"].map(countries["lac"]).all()
    assert not rows["unknown"].any()
    assert rows["rank"].iloc[0] == 1
    assert 0 < rows["share_of_total"].sum() < 100  # Morocco, Romania, ... are Spain's other migrants


def test_corridor_history_lists_only_published_years():
    rows = corridors.corridor_history("VEN", "COL")
    assert rows["year"].tolist() == list(YEARS)
    assert rows.loc[rows["year"] == 2020, "emigrants"].item() == 1_780_486
    assert (rows["emigrants"] > 0).all()  # absent years stay absent, never zero-filled


def test_corridor_history_leaves_gaps_as_gaps():
    all_rows = get_store().corridors
    counts = all_rows.groupby(["origin", "destination"]).size()
    origin, destination = counts[counts < len(YEARS)].index[0]
    rows = corridors.corridor_history(origin, destination)
    assert len(rows) == counts[(origin, destination)]
    assert (rows["emigrants"] > 0).all()


# --- regional views and groups ---------------------------------------------------------------------------------


def test_regional_split_of_el_salvador():
    split = corridors.regional_split("SLV", 2020).set_index("part")
    assert tuple(split.index) == corridors.PARTS
    assert split.at["usa", "share"] == pytest.approx(88.0, abs=0.5)  # PROVENANCE: 88 % in the USA
    assert int(split["emigrants"].sum()) == 1_599_058 == stock("SLV", 2020)
    assert split["share"].sum() == pytest.approx(100.0)
    total_female = split["female"].sum()
    assert 100 * total_female / split["emigrants"].sum() == pytest.approx(stock("SLV", 2020, "female_share"))


def test_group_destinations_of_sica_sum_the_members_stocks():
    members = group_members("sica")
    rows = corridors.group_destinations(members, 2020)
    assert int(rows["emigrants"].sum()) == sum(stock(code, 2020) for code in members)
    assert rows.loc[rows["destination"] == "CRI", "within_group"].item()  # Nicaraguans in Costa Rica
    split = corridors.regional_split(members, 2020)
    assert int(split["emigrants"].sum()) == int(rows["emigrants"].sum())


def test_a_repeated_member_is_counted_once():
    once = corridors.regional_split(("SLV", "GTM"), 2020)
    pd.testing.assert_frame_equal(corridors.regional_split(("GTM", "SLV", "SLV"), 2020), once)


# --- remittances and costs -------------------------------------------------------------------------------------


def test_remittance_matrix_usa_to_mexico():
    """The corridors read the current matrix, KNOMAD 2021 (the raw file: USA row, Mexico column 52,595.34, Mexico's
    WORLD total 54,130.11, US$ million); the 2018 matrix (34,704 of 35,557) is never mixed in."""
    assert (corridors.remittance_matrix_source(), corridors.remittance_matrix_year()) == (
        "worldbank_knomad_bilateral_remittance_matrix_2021",
        2021,
    )
    rows = corridors.remittance_senders("MEX")
    usa = rows.iloc[0]
    assert usa["sender"] == "USA"
    assert usa["usd"] == pytest.approx(52_595.342546e6)
    assert usa["share_of_total"] == pytest.approx(100 * 52_595.342546 / 54_130.111445)
    assert rows["usd"].sum() == pytest.approx(54_130.111445e6)
    assert "MEX" in corridors.remittance_receivers("USA")["receiver"].tolist()
    assert corridors.remittance_senders("VEN").empty  # 2021: "unclassified due to the unavailability of data"


def test_corridor_cost_usa_mexico():
    rows = corridors.corridor_cost_series("USA", "MEX")
    assert rows["period"].is_monotonic_increasing
    assert rows.loc[rows["period"] == "2020Q3", "cost_pct"].item() == pytest.approx(4.18, abs=0.01)
    year = corridors.cheapest_and_dearest("MEX", 2020)
    usa = year[year["sender"] == "USA"].iloc[0]
    quarters = rows.loc[rows["year"] == 2020, "cost_pct"]
    assert usa["cost_pct"] == pytest.approx(quarters.mean())
    assert usa["periods"] == len(quarters) == 3
    assert not usa["below_target"]


def test_cheapest_first_within_one_receiver():
    rows = corridors.cheapest_and_dearest("COL", 2019)  # LAC receivers have at most two surveyed senders
    assert rows["sender"].tolist() == ["ESP", "USA"]
    assert rows["cost_pct"].is_monotonic_increasing
    assert rows["rank"].tolist() == [1, 2]
    assert rows["above_ceiling"].all()  # both over SDG 10.c's 5 % ceiling


def test_sdg_flags_follow_the_target():
    rows = corridors.cheapest_and_dearest("IND", 2019)
    assert (rows["below_target"] == (rows["cost_pct"] < corridors.SDG_TARGET)).all()
    assert rows["below_target"].any()
    assert not rows["below_target"].all()


def test_surveyed_corridors():
    assert "MEX" in corridors.surveyed_receivers()["receiver"].tolist()
    assert "USA" in corridors.surveyed_senders("MEX")["sender"].tolist()
    assert corridors.surveyed_senders("ATG").empty  # one of the LAC states RPW never surveyed


# --- validation ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: corridors.destinations("ZZZ", 2020),
        lambda: corridors.destinations("mex", 2020),
        lambda: corridors.origins(corridors.UNKNOWN_ORIGIN, 2020),
        lambda: corridors.corridor_history("MEX", "ZZZ"),
        lambda: corridors.regional_split(("SLV", "ZZZ"), 2020),
        lambda: corridors.group_destinations((), 2020),
        lambda: corridors.remittance_senders("ZZZ"),
        lambda: corridors.corridor_cost_series("USA", "ZZZ"),
        lambda: corridors.surveyed_senders("ZZZ"),
    ],
)
def test_unknown_iso3_raises_value_error(call):
    with pytest.raises(ValueError, match="ISO3"):
        call()


@pytest.mark.parametrize(
    "call",
    [
        lambda: corridors.destinations("MEX", 2021),
        lambda: corridors.destinations("MEX", "2020"),
        lambda: corridors.origins("USA", True),
        lambda: corridors.regional_split("SLV", 1985),
        lambda: corridors.cheapest_and_dearest("MEX", 2010),
    ],
)
def test_year_not_in_the_data_raises_value_error(call):
    with pytest.raises(ValueError, match="year"):
        call()


def test_bad_limit_and_self_corridor_raise_value_error():
    with pytest.raises(ValueError, match="limit"):
        corridors.destinations("MEX", 2020, limit=-1)
    with pytest.raises(ValueError, match="corridor"):
        corridors.corridor_history("MEX", "MEX")


def test_a_known_code_without_corridors_gives_empty_frames():
    assert corridors.destinations("XKX", 2020).empty  # Kosovo is counted within Serbia by UN DESA
    assert corridors.remittance_senders("CUB").empty  # no remittance data for Cuba
