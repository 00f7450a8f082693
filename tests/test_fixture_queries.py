"""Corridor and aggregate queries on a hand-made store small enough to check every number by hand.

The real-data tests (test_corridors.py, test_queries.py, test_flows.py) check published figures; these check the
arithmetic itself: totals are sums, shares are ratios of sums (never means of percentages), corridors reconcile
with country totals, and nothing is filled in where a row is missing."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from core.data import corridors, queries
from core.data.store import Store, get_store

# Three origins (two in a toy group "duo"), destinations in LAC, the USA, Spain and elsewhere.
CORRIDORS = [
    # origin, destination, year, emigrants, female
    ("AAA", "USA", 2020, 600, 300),
    ("AAA", "BBB", 2020, 300, 210),
    ("AAA", "ESP", 2020, 100, 40),
    ("BBB", "USA", 2020, 50, 20),
    ("BBB", "DEU", 2020, 150, 90),
    ("BBB", "AAA", 2020, 800, 400),
    ("CCC", "USA", 2020, 5, 1),
    ("AAA", "USA", 1990, 100, 50),  # BBB has no 1990 rows: missing, not zero
]
COUNTRIES = {
    # iso3: lac
    "AAA": True,
    "BBB": True,
    "CCC": True,
    "USA": False,
    "ESP": False,
    "DEU": False,
}
POPULATION = {"AAA": 10_000, "BBB": 1_000}  # 2020


def fixture_store() -> Store:
    real = get_store()
    countries = pd.DataFrame(
        {"iso3": list(COUNTRIES), "lac": list(COUNTRIES.values()), "duo": [c in ("AAA", "BBB") for c in COUNTRIES]}
    ).set_index("iso3", drop=False)
    frame = pd.DataFrame(CORRIDORS, columns=["origin", "destination", "year", "emigrants", "female"])
    stock = frame.groupby(["origin", "year"], as_index=False)["emigrants"].sum()
    indicators = pd.concat(
        [
            pd.DataFrame(
                {
                    "indicator": "emigrant_stock",
                    "iso3": stock["origin"],
                    "year": stock["year"],
                    "value": stock["emigrants"].astype(float),
                    "computed": False,
                }
            ),
            pd.DataFrame(
                {
                    "indicator": "population",
                    "iso3": list(POPULATION),
                    "year": 2020,
                    "value": [float(v) for v in POPULATION.values()],
                    "computed": False,
                }
            ),
        ],
        ignore_index=True,
    )
    meta = {
        "indicators": {
            "emigrant_stock": {"aggregate": {"method": "sum"}},
            "emigrant_share": {
                "aggregate": {
                    "method": "ratio",
                    "numerator": "emigrant_stock",
                    "denominator": "population",
                    "scale": 100,
                }
            },
        },
        "groups": {"duo": {"members": {"column": "duo"}}},
    }
    return Store(
        indicators=indicators,
        corridors=frame,
        remittance_corridors=real.remittance_corridors.iloc[0:0],
        corridor_costs=real.corridor_costs.iloc[0:0],
        countries=countries,
        meta=meta,
        geometry_gzip=b"",
        version="fixture-1",
    )


@pytest.fixture
def toy(monkeypatch: pytest.MonkeyPatch) -> Store:
    store = fixture_store()
    monkeypatch.setattr(corridors, "get_store", lambda: store)
    monkeypatch.setattr(queries, "get_store", lambda: store)
    return store


def test_destinations_are_sums_with_ratio_of_sums_shares(toy: Store) -> None:
    rows = corridors.destinations("AAA", 2020).set_index("destination")
    assert rows["emigrants"].to_dict() == {"USA": 600, "BBB": 300, "ESP": 100}
    assert rows.loc["USA", "share_of_total"] == pytest.approx(60.0)
    assert rows.loc["BBB", "female_share"] == pytest.approx(70.0)
    assert list(rows["rank"]) == [1, 2, 3]


def test_origins_of_a_destination(toy: Store) -> None:
    rows = corridors.origins("USA", 2020).set_index("origin")
    assert rows["emigrants"].to_dict() == {"AAA": 600, "BBB": 50, "CCC": 5}
    assert rows.loc["BBB", "share_of_total"] == pytest.approx(100 * 50 / 655)


def test_regional_split_of_one_origin(toy: Store) -> None:
    split = corridors.regional_split("AAA", 2020).set_index("part")
    assert split["emigrants"].to_dict() == {"lac": 300, "usa": 600, "esp": 100, "rest": 0, "unknown": 0}
    assert split["share"].sum() == pytest.approx(100.0)


def test_group_female_share_is_a_ratio_of_sums_not_a_mean_of_shares(toy: Store) -> None:
    split = corridors.regional_split(("AAA", "BBB"), 2020).set_index("part")
    # LAC part: AAA->BBB (300, 210 women) and BBB->AAA (800, 400 women): 610 / 1100, not mean(70 %, 50 %) = 60 %.
    assert split.loc["lac", "emigrants"] == 1100
    assert split.loc["lac", "female_share"] == pytest.approx(100 * 610 / 1100)
    assert split.loc["lac", "female_share"] != pytest.approx(60.0)


def test_group_destinations_reconcile_with_the_members_totals(toy: Store) -> None:
    rows = corridors.group_destinations(("AAA", "BBB"), 2020)
    assert int(rows["emigrants"].sum()) == 1000 + 1000  # AAA and BBB each have 1,000 emigrants in 2020
    within = rows[rows["within_group"]].set_index("destination")["emigrants"].to_dict()
    assert within == {"AAA": 800, "BBB": 300}
    usa = rows.set_index("destination").loc["USA"]
    assert usa["emigrants"] == 650


def test_a_missing_corridor_year_is_absent_not_zero(toy: Store) -> None:
    history = corridors.corridor_history("AAA", "USA")
    assert history["year"].tolist() == [1990, 2020]
    assert corridors.corridor_history("BBB", "USA")["year"].tolist() == [2020]


def test_group_total_is_a_sum_and_group_share_a_ratio_of_sums(toy: Store) -> None:
    members = queries.group_members("duo")
    assert members == ("AAA", "BBB")
    total = queries.aggregate_at("emigrant_stock", members, 2020)
    assert total is not None
    assert (total.value, total.reporting, total.members) == (2000.0, 2, 2)
    share = queries.aggregate_at("emigrant_share", members, 2020)
    # (1000 + 1000) / (10,000 + 1,000) = 18.18 %, where the mean of 10 % and 100 % would be 55 %.
    assert share is not None
    assert share.value == pytest.approx(100 * 2000 / 11_000)


def test_a_group_sum_counts_only_members_that_report(toy: Store) -> None:
    total = queries.aggregate_at("emigrant_stock", ("AAA", "BBB"), 1990)
    assert total is not None
    assert (total.value, total.reporting) == (100.0, 1)


def test_a_member_without_the_year_is_carried_from_its_nearest_year(
    toy: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Remittances: AAA reports 2023 and 2024, BBB only 2023. With a tolerance of 1 the 2024 total carries BBB's 2023
    value (and says so), the ratio takes BBB's 2023 numerator and denominator together, and 2025 (nobody reporting)
    has no group figure."""
    rows = [
        ("remittances_usd", "AAA", 2023, 100.0),
        ("remittances_usd", "AAA", 2024, 110.0),
        ("remittances_usd", "BBB", 2023, 50.0),
        ("gdp_usd", "AAA", 2023, 1000.0),
        ("gdp_usd", "AAA", 2024, 1000.0),
        ("gdp_usd", "AAA", 2025, 1000.0),
        ("gdp_usd", "BBB", 2023, 500.0),
        ("gdp_usd", "BBB", 2024, 9999.0),
    ]
    extra = pd.DataFrame(rows, columns=["indicator", "iso3", "year", "value"]).assign(computed=False)
    meta = {
        **toy.meta,
        "indicators": {
            **toy.meta["indicators"],
            "remittances_usd": {"aggregate": {"method": "sum"}, "nearest_year_tolerance": 1},
            "remittances_gdp": {
                "aggregate": {
                    "method": "ratio",
                    "numerator": "remittances_usd",
                    "denominator": "gdp_usd",
                    "scale": 100,
                },
                "nearest_year_tolerance": 1,
            },
        },
    }
    store = dataclasses.replace(toy, indicators=pd.concat([toy.indicators, extra]), meta=meta, version="fixture-2")
    monkeypatch.setattr(queries, "get_store", lambda: store)
    total = queries.aggregate_at("remittances_usd", ("AAA", "BBB"), 2024)
    assert total is not None
    assert (total.value, total.reporting, total.carried, total.carried_from) == (160.0, 1, 1, (("BBB", 2023),))
    share = queries.aggregate_at("remittances_gdp", ("AAA", "BBB"), 2024)
    assert share is not None
    assert share.value == pytest.approx(100 * 160 / 1500)  # BBB's 2023 GDP, not its 2024 one
    assert queries.aggregate_at("remittances_usd", ("AAA", "BBB"), 2025) is None
    assert [a.year for a in queries.aggregate_series("remittances_usd", ("AAA", "BBB"))] == [2023, 2024]


def test_a_group_can_require_two_columns(toy: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    countries = toy.countries.assign(sovereign=[c != "BBB" for c in toy.countries.index])
    meta = {**toy.meta, "groups": {"duo_states": {"members": {"column": "duo", "and": "sovereign"}}}}
    store = dataclasses.replace(toy, countries=countries, meta=meta, version="fixture-3")
    monkeypatch.setattr(queries, "get_store", lambda: store)
    assert queries.group_members("duo_states") == ("AAA",)
