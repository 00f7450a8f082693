"""Pipeline units on tiny fixtures: raw readers fail loudly, indicators are derived as documented."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from core import schema as s
from pipeline import corridors, indicators, sources
from pipeline.errors import RawDataError
from pipeline.validate import ValidationError, check_ranges, check_reconciliation, check_schema

SPEC = sources.RawFile("t/x.csv", {"iso3": sources.CODE, "year": sources.INT, "value": sources.FLOAT})


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "t" / "x.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return tmp_path


def test_reader_coerces_kinds(tmp_path: Path) -> None:
    frame = sources.read(SPEC, write(tmp_path, "iso3,year,value,extra\nMEX,2020,1.5,a\nSLV,2021,2,b\n"))
    assert list(frame.columns) == ["iso3", "year", "value"]
    assert frame["year"].dtype == "int64"
    assert frame["value"].tolist() == [1.5, 2.0]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("iso3,year\nMEX,2020\n", "missing column(s) value"),
        ("iso3,year,value\n", "no rows"),
        ("iso3,year,value\nMEX,2020,1\nSLV,20x1,2\n", "line 3, column year: '20x1' is not a number"),
        ("iso3,year,value\nMEX,2020.5,1\n", "line 2, column year"),
        ("iso3,year,value\nMEX,2020,1\nmex,2020,1\n", "line 3, column iso3: 'mex' is not a 3-letter code"),
        ("iso3,year,value\nMEX,2020,\n", "line 2, column value: empty value"),
        ("", "not a readable CSV"),
    ],
)
def test_reader_names_the_bad_cell(tmp_path: Path, text: str, message: str) -> None:
    root = write(tmp_path, text)
    with pytest.raises(RawDataError) as info:
        sources.read(SPEC, root)
    assert message in str(info.value)
    assert "x.csv" in str(info.value)
    assert "\n" not in str(info.value)


def test_reader_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RawDataError, match=r"x\.csv: file is missing"):
        sources.read(SPEC, tmp_path)


BILATERAL = pd.DataFrame(
    {
        "origin_iso3": ["SLV", "SLV", "SLV", "XXX", "HND"],
        "destination_iso3": ["USA", "CRI", "USA", "USA", "USA"],
        "year": [2020, 2020, 2015, 2020, 2020],
        "total": [900, 100, 500, 70, 0],
        "male": [450, 40, 250, 35, 0],
        "female": [450, 60, 250, 35, 0],
    }
)
TOTALS = pd.DataFrame({"alpha3": ["SLV", "SLV"], "year": [2020, 2015], "pop": [4000.0, 5000.0]})


def test_emigrant_series_sums_destinations_and_ignores_unknown_origin() -> None:
    out = indicators.emigrant_series(BILATERAL, TOTALS).set_index(["indicator", "iso3", "year"])["value"]
    assert out[(s.EMIGRANT_STOCK, "SLV", 2020)] == 1000
    assert out[(s.FEMALE_SHARE, "SLV", 2020)] == pytest.approx(51.0)
    assert out[(s.EMIGRANT_SHARE, "SLV", 2020)] == pytest.approx(25.0)
    assert out[(s.EMIGRANT_SHARE, "SLV", 2015)] == pytest.approx(10.0)
    assert "XXX" not in out.index.get_level_values("iso3")
    # A zero total has a stock but no female share (no division by zero).
    assert (s.FEMALE_SHARE, "HND", 2020) not in out.index


def test_remittances_gdp_is_official_then_computed_and_flagged() -> None:
    wdi = pd.DataFrame(
        {
            "iso3": ["SLV"] * 4,
            "indicator_code": [indicators.WDI_REMITTANCES, indicators.WDI_GDP] * 2,
            "year": [2021, 2021, 2022, 2022],
            "value": [70.0, 300.0, 80.0, 400.0],
        }
    )
    official = pd.DataFrame(
        {"iso3": ["SLV"], "indicator_code": [indicators.WDI_REMITTANCES_GDP], "year": [2021], "value": [26.1]}
    )
    out = indicators.remittance_series(wdi, official)
    share = out[out["indicator"] == s.REMITTANCES_GDP].set_index("year")
    assert share.loc[2021, "value"] == 26.1  # the official value, not 100 * 70 / 300
    assert not share.loc[2021, "computed"]
    assert share.loc[2022, "value"] == pytest.approx(20.0)
    assert share.loc[2022, "computed"]


def test_tertiary_rates_become_percentages_per_sex() -> None:
    iab = pd.DataFrame(
        {
            "origin_iso3": ["GUY", "GUY", "GUY"],
            "gender": ["Male and Female", "Female", "Male"],
            "year": [2000] * 3,
            "tot_rate": [0.3] * 3,
            "high_rate": [0.992, 0.5, 0.25],
        }
    )
    out = indicators.tertiary_series(iab).set_index("indicator")["value"]
    assert out[s.TERTIARY_RATE] == pytest.approx(99.2)
    assert out[s.TERTIARY_RATE_FEMALE] == pytest.approx(50.0)
    assert out[s.TERTIARY_RATE_MALE] == pytest.approx(25.0)


def test_corridor_costs_split_periods() -> None:
    raw = pd.DataFrame(
        {
            "sending_iso3": ["USA"],
            "receiving_iso3": ["MEX"],
            "series_code": ["ATCR.CORR"],
            "period": ["2020Q3"],
            "value": [4.18],
        }
    )
    out = corridors.corridor_costs(raw)
    assert out.iloc[0][["year", "quarter", "cost_pct"]].tolist() == [2020, 3, 4.18]
    check_schema(s.CORRIDOR_COSTS, out)


def test_remittance_matrix_is_in_dollars() -> None:
    raw = pd.DataFrame({"sending_iso3": ["USA"], "receiving_iso3": ["MEX"], "usd_millions": [34704.0]})
    out = corridors.remittance_corridors(raw)
    assert out.iloc[0]["usd"] == 34_704_000_000
    check_schema(s.REMITTANCE_CORRIDORS, out)


def test_schema_check_rejects_duplicate_keys() -> None:
    frame = corridors.migrant_corridors(pd.concat([BILATERAL, BILATERAL.iloc[:1]]))
    with pytest.raises(ValidationError, match="appears more than once"):
        check_schema(s.CORRIDORS, frame)


def test_range_check_names_the_value() -> None:
    frame = pd.DataFrame(
        {"iso3": ["SLV"], "year": [2020], "indicator": [s.FEMALE_SHARE], "value": [0.51 * 1000], "source": ["x"]}
    )
    with pytest.raises(ValidationError, match=r"female_share for SLV 2020 is 510.0"):
        check_ranges(frame)


def test_reconciliation_catches_a_lost_corridor() -> None:
    built = indicators.emigrant_series(BILATERAL, TOTALS)
    lost = corridors.migrant_corridors(BILATERAL.iloc[1:])
    totals = pd.DataFrame({"alpha3": ["SLV"], "year": [2020], "disp": [1000]})
    check_reconciliation(built, corridors.migrant_corridors(BILATERAL), totals)
    with pytest.raises(ValidationError, match="corridors from SLV in 2020 sum to 100"):
        check_reconciliation(built, lost, totals)
