"""Pipeline units on tiny fixtures: raw readers fail loudly, indicators are derived as documented."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from core.data import schema as s
from pipeline import corridors, indicators, sources
from pipeline import paths as pipeline_paths
from pipeline.errors import RawDataError
from pipeline.undesa2024 import Revision2024
from pipeline.validate import ValidationError, check_matrix_totals, check_ranges, check_reconciliation, check_schema

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


def revision(origin: list[tuple], destination: list[tuple]) -> Revision2024:
    """A tiny UN DESA 2024 revision: origin rows (iso3, year, total, female, female_pct), destination rows (iso3,
    year, total, female, population, share_pct, female_pct)."""
    return Revision2024(
        origin=pd.DataFrame(origin, columns=["iso3", "year", "total", "female", "female_pct"]),
        destination=pd.DataFrame(
            destination, columns=["iso3", "year", "total", "female", "population", "share_pct", "female_pct"]
        ),
        world=pd.DataFrame({"year": [2024], "world": [0], "unknown_origin": [0]}),
    )


def test_undesa_series_take_the_published_figures_of_one_revision() -> None:
    nan = float("nan")
    rev = revision(
        origin=[("SLV", 2024, 1000.0, 510.0, 51.0), ("SLV", 2020, 900.0, 450.0, 50.0), ("BLM", 2024, nan, nan, nan)],
        destination=[
            ("SLV", 2024, 50.0, 30.0, 4000.0, 1.25, 60.0),
            ("SLV", 2020, 40.0, 20.0, 5000.0, 0.8, 50.0),
            ("BLM", 2024, nan, nan, 10000.0, nan, nan),
        ],
    )
    out = indicators.undesa_series(rev).set_index(["indicator", "iso3", "year"])
    value = out["value"]
    assert value[(s.EMIGRANT_STOCK, "SLV", 2024)] == 1000
    assert value[(s.FEMALE_SHARE, "SLV", 2024)] == 51.0  # as published (origin file, Table 2)
    assert value[(s.EMIGRANT_SHARE, "SLV", 2024)] == pytest.approx(25.0)  # 100 x 1000 / 4000, same revision
    assert value[(s.EMIGRANT_SHARE, "SLV", 2020)] == pytest.approx(18.0)
    assert value[(s.IMMIGRANT_STOCK, "SLV", 2024)] == 50
    assert value[(s.IMMIGRANT_SHARE, "SLV", 2024)] == 1.25
    assert value[(s.IMMIGRANT_FEMALE_SHARE, "SLV", 2020)] == 50.0
    assert out.loc[(s.EMIGRANT_SHARE, "SLV", 2024), "computed"]
    assert not out.loc[(s.FEMALE_SHARE, "SLV", 2024), "computed"]
    assert set(out["source"]) == {"undesa_ims2024_totals"}
    # An area UN DESA publishes no migrant figure for has none here: missing, never 0.
    blm = out.xs("BLM", level="iso3")
    assert list(blm.index.get_level_values("indicator")) == [s.POPULATION]


def test_remittances_gdp_is_one_vintage_computed_for_every_year() -> None:
    wdi = pd.DataFrame(
        {
            "iso3": ["SLV"] * 4 + ["BRB"],
            "indicator_code": [indicators.WDI_REMITTANCES, indicators.WDI_GDP] * 2 + [indicators.WDI_GDP],
            "year": [2021, 2021, 2022, 2022, 2019],
            "value": [70.0, 280.0, 80.0, 400.0, 5e9],
        }
    )
    out = indicators.remittance_series(wdi)
    share = out[out["indicator"] == s.REMITTANCES_GDP].set_index(["iso3", "year"])
    assert share.loc[("SLV", 2021), "value"] == pytest.approx(25.0)  # 100 x 70 / 280, whatever an older release said
    assert share.loc[("SLV", 2022), "value"] == pytest.approx(20.0)
    assert share["computed"].all()
    assert set(share["source"]) == {"worldbank_wdi"}
    # Barbados 2019 has GDP but no remittances: no value at all, not a placeholder 0.
    assert ("BRB", 2019) not in share.index


def test_ratio_is_missing_where_a_component_is_missing() -> None:
    top = pd.DataFrame({"iso3": ["A", "B", "C"], "year": [2020] * 3, "value": [1.0, 2.0, 0.0]})
    bottom = pd.DataFrame({"iso3": ["A", "C", "D"], "year": [2020] * 3, "value": [4.0, 5.0, 0.0]})
    out = indicators.ratio(top, bottom).set_index("iso3")["value"]
    assert out.to_dict() == {"A": 25.0, "C": 0.0}  # a real 0 (numerator published as 0) stays


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


def test_remittance_matrices_are_in_dollars_and_named_by_edition() -> None:
    raw_2018 = pd.DataFrame({"sending_iso3": ["USA"], "receiving_iso3": ["MEX"], "usd_millions": [34704.0]})
    raw_2021 = pd.DataFrame(
        {"sending_iso3": ["USA", "LAO"], "receiving_iso3": ["MEX", "AZE"], "usd_millions": [52595.342546, 0.0]}
    )
    out = corridors.remittance_corridors(raw_2018, raw_2021)
    check_schema(s.REMITTANCE_CORRIDORS, out)
    by_year = out.set_index("year")
    assert by_year.loc[2018, "usd"] == 34_704_000_000
    assert by_year.loc[2018, "source"] == "worldbank_bilateral_remittance_matrix_2018"
    assert by_year.loc[2021, "usd"] == pytest.approx(52_595_342_546)
    assert by_year.loc[2021, "source"] == "worldbank_knomad_bilateral_remittance_matrix_2021"
    assert len(out) == 2  # the cell of 0 is no estimate: absent, as in the 2018 file


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
    """The corridors are checked against their own revision's totals (2020), not against emigrant_stock (2024)."""
    lac = list(pipeline_paths.LAC_STATES)
    rows = [(code, "USA", 2020, 10, 5, 5) for code in lac] + [("SLV", "CRI", 2020, 100, 40, 60)]
    frame = pd.DataFrame(rows, columns=["origin_iso3", "destination_iso3", "year", "total", "male", "female"])
    totals = pd.DataFrame({"alpha3": lac, "year": 2020, "disp": [110 if c == "SLV" else 10 for c in lac]})
    check_reconciliation(corridors.migrant_corridors(frame), totals)
    with pytest.raises(ValidationError, match=r"corridors from SLV in 2020 sum to 10\.0, the 2020 revision's own"):
        check_reconciliation(corridors.migrant_corridors(frame.iloc[:-1]), totals)
    with pytest.raises(ValidationError, match=r"no corridors from LAC state\(s\) \['ARG'\]"):
        check_reconciliation(corridors.migrant_corridors(frame[frame["origin_iso3"] != "ARG"]), totals)


# --- UN DESA 2024 workbooks and the KNOMAD 2021 matrix (xlsx) -------------------------------------------------


def undesa_workbook(path: Path, rows: list[tuple], sheet: str = "Table 1", blocks: int = 3) -> Path:
    """A workbook laid out like UN DESA's: header on row 11, index/name/coverage/type/code, then year blocks."""
    book = openpyxl.Workbook()
    sheet_ = book.active
    sheet_.title = sheet
    for _ in range(10):
        sheet_.append([None])
    sheet_.append(
        [
            "Index",
            "Region, development group, country or area",
            "Coverage",
            "Data type",
            "Location code",
            *(sources.UNDESA_2024_YEARS * blocks),
        ]
    )
    for row in rows:
        sheet_.append(list(row))
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def test_undesa_sheet_reader_reads_blocks_by_year(tmp_path: Path) -> None:
    values = list(range(1, 9))
    path = undesa_workbook(tmp_path / "o.xlsx", [(1, " World", None, None, 900, *values, *values, *values)])
    frame = sources.read_undesa_sheet(path, sources.Sheet("Table 1", ("total", "male", "female")))
    assert list(frame["year"]) == list(sources.UNDESA_2024_YEARS)
    assert frame["name"].iloc[0] == "World"
    assert frame.set_index("year").loc[2024, "total"] == 8.0
    assert frame["row"].iloc[0] == 12


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ((1, "World", None, None, 900, 1, "abc", 3, 4, 5, 6, 7, 8), "sheet 'Table 1', cell G12: 'abc' is not a number"),
        ((1, "World", None, None, "x", *range(8)), "cell E12: location code 'x' is not a whole number"),
        ((1, "World", None, None, 900, -1, *range(7)), "cell F12: -1 is negative"),
    ],
)
def test_undesa_sheet_reader_names_the_bad_cell(tmp_path: Path, row: tuple, message: str) -> None:
    path = undesa_workbook(tmp_path / "o.xlsx", [row], blocks=1)
    with pytest.raises(RawDataError) as info:
        sources.read_undesa_sheet(path, sources.Sheet("Table 1", ("total",)))
    assert message in str(info.value)
    assert "o.xlsx" in str(info.value)


def test_undesa_sheet_reader_checks_the_header_and_the_file(tmp_path: Path) -> None:
    path = undesa_workbook(tmp_path / "o.xlsx", [(1, "World", None, None, 900, *range(8))], blocks=1)
    with pytest.raises(RawDataError, match=r"has no sheet 'Table 2'"):
        sources.read_undesa_sheet(path, sources.Sheet("Table 2", ("total",)))
    with pytest.raises(RawDataError, match=r"cell N11: header None, expected 1990"):
        sources.read_undesa_sheet(path, sources.Sheet("Table 1", ("total", "male")))
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    with pytest.raises(RawDataError, match=r"bad\.xlsx: not a readable xlsx workbook"):
        sources.read_undesa_sheet(tmp_path / "bad.xlsx", sources.Sheet("Table 1", ("total",)))
    with pytest.raises(RawDataError, match=r"none\.xlsx: file is missing"):
        sources.read_undesa_sheet(tmp_path / "none.xlsx", sources.Sheet("Table 1", ("total",)))


def knomad_workbook(path: Path, cells: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = sources.KNOMAD_2021_SHEET
    sheet.append(["Bilateral Remittance Estimates for 2021 ..."])
    for row in cells:
        sheet.append(row)
    sheet.append([None])
    sheet.append(
        ["When using the data, please cite: KNOMAD/World Bank Bilateral Remittance Matrix 2021, December 2022."]
    )
    book.save(path)
    return path


def test_knomad_reader_keeps_cells_and_world_totals(tmp_path: Path) -> None:
    path = knomad_workbook(
        tmp_path / "m.xlsx",
        [
            ["sending (down)", "Mexico", "Venezuela, RB", "WORLD"],
            ["United States", 52595.3, None, 52595.3],
            ["Venezuela, RB", 1.5, None, 1.5],
            ["WORLD", 52596.8, None, 52596.8],
        ],
    )
    cells, totals = sources.read_knomad_matrix(path)
    assert cells[["sender", "receiver", "usd_millions"]].values.tolist() == [
        ["United States", "Mexico", 52595.3],
        ["Venezuela, RB", "Mexico", 1.5],
    ]
    check_matrix_totals(cells, totals, path)  # WORLD row = column sums
    names = {"United States": "USA", "Mexico": "MEX"}
    with pytest.raises(RawDataError, match=r"row 4: country name 'Venezuela, RB' matches no World Bank name"):
        corridors.knomad_codes(cells, names, path)
    bad = totals.assign(usd_millions=totals["usd_millions"].where(totals["name"] != "Mexico", 1.0))
    with pytest.raises(ValidationError, match=r"cells received by Mexico sum to 52596\.800 million"):
        check_matrix_totals(cells, bad, path)


def test_knomad_reader_names_a_bad_cell(tmp_path: Path) -> None:
    path = knomad_workbook(tmp_path / "m.xlsx", [["s", "Mexico", "WORLD"], ["United States", "n/a", 1.0]])
    with pytest.raises(RawDataError, match=r"cell B3: 'n/a' is not a non-negative number"):
        sources.read_knomad_matrix(path)


# --- DIOC 2015/16 ----------------------------------------------------------------------------------------------


def test_dioc_counts_tertiary_emigrants_aged_15_and_over() -> None:
    rows = [
        # coub, sex, age_lfs, edu_lfs, fborn, number
        ("MEX", 1, 2, 3, 1, 100),
        ("MEX", 2, 2, 3, 1, 150),
        ("MEX", 2, 1, 1, 1, 250),
        ("MEX", 1, 3, 2, 1, 500),
        ("MEX", 1, 2, 99, 1, 1000),  # education unknown: left out of both counts
        ("MEX", 1, 0, 3, 1, 7),  # aged 0-14: left out
        ("MEX", 1, 2, 3, 0, 9999),  # natives living in Mexico: not emigrants
    ]
    dioc = pd.DataFrame(rows, columns=["coub", "sex", "age_lfs", "edu_lfs", "fborn", "number"])
    out = indicators.dioc_series(dioc).set_index("indicator")
    assert set(out["year"]) == {2015}
    assert out.loc[s.DIOC_TERTIARY, "value"] == 250
    assert out.loc[s.DIOC_KNOWN, "value"] == 1000
    assert out.loc[s.DIOC_TERTIARY_SHARE, "value"] == pytest.approx(25.0)
    assert out.loc[s.DIOC_TERTIARY_FEMALE, "value"] == 150  # sex 2 = women
    assert out.loc[s.DIOC_TERTIARY_SHARE_FEMALE, "value"] == pytest.approx(100 * 150 / 400)
    assert out.loc[s.DIOC_TERTIARY_MALE, "value"] == 100
    assert out.loc[s.DIOC_TERTIARY_SHARE, "computed"]
    assert not out.loc[s.DIOC_TERTIARY, "computed"]


def test_dioc_codes_of_former_federations_become_their_successors(tmp_path: Path) -> None:
    from pipeline import build

    folder = tmp_path / "oecd_dioc_2015_16"
    folder.mkdir()
    lines = [
        "coub,sex,age_lfs,edu_lfs,national,oecd,regionb,oecdb,fborn,number",
        "USSR-UKR,1,2,3,0,1,EURO,0,1,10",
        "FYUG-XXK,1,2,3,0,1,EURO,0,1,20",
        "KOREA-NS,1,2,3,0,1,ASIA,1,1,30",
        "ASIA,1,2,3,0,1,ASIA,0,1,40",
        "MEX,1,2,3,0,1,NOAM,1,1,50",
    ]
    (folder / "DIOC_2015_16_File_A_2.csv").write_text("\n".join(lines) + "\n")
    dropped: list[str] = []
    out = build.read_dioc(tmp_path, {"UKR", "XKX", "MEX"}, dropped)
    assert sorted(out["coub"]) == ["MEX", "UKR", "XKX"]
    assert dropped == ["DIOC: foreign-born persons with a birth code that is not one country: ASIA (40), KOREA-NS (30)"]


# --- anomalies, placeholders ----------------------------------------------------------------------------------


def long_rows(indicator: str, iso3: str, values: dict[int, float], computed: bool = False) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "iso3": iso3,
            "year": list(values),
            "indicator": indicator,
            "value": list(values.values()),
            "source": "x",
            "computed": computed,
            "anomaly": False,
        }
    )


def test_anomaly_rule_flags_a_value_100_times_off_its_neighbours_and_its_ratios() -> None:
    from pipeline import checks

    usd = {2001: 6_038.03, 2002: 36_053_000.0, 2003: 61_753_293.0, 2004: 69_896_167.0, 2005: 76_740_390.0}
    frame = pd.concat(
        [
            long_rows(s.REMITTANCES_USD, "URY", usd),
            long_rows(s.GDP_USD, "URY", dict.fromkeys(usd, 2e10)),
            long_rows(s.REMITTANCES_GDP, "URY", {y: 100 * v / 2e10 for y, v in usd.items()}, computed=True),
            long_rows(s.REMITTANCES_USD, "AAA", {2000: 5.0, 2001: 400.0, 2002: 6.0}),  # 80x: not flagged
            long_rows(s.REMITTANCES_USD, "BBB", {2000: 1e6, 2001: 0.0, 2002: 1e6}),  # a published 0 among millions
            long_rows(s.REMITTANCES_USD, "CCC", {2000: 1.0, 2010: 1e9}),  # neighbours more than 5 years apart
            long_rows(s.REMITTANCE_COST, "DDD", {2011: 0.01, 2012: 9.0, 2013: 8.0}),  # not a level series
        ],
        ignore_index=True,
    )
    out, report = checks.flag_anomalies(frame)
    flagged = set(map(tuple, out.loc[out["anomaly"], ["indicator", "iso3", "year"]].values.tolist()))
    assert flagged == {
        (s.REMITTANCES_USD, "URY", 2001),
        (s.REMITTANCES_GDP, "URY", 2001),
        (s.REMITTANCES_USD, "BBB", 2001),
    }
    assert [(r["iso3"], r["year"]) for r in report] == [("BBB", 2001), ("URY", 2001)]
    assert out["value"].tolist() == frame["value"].tolist()  # kept exactly as published


def test_a_ratio_without_its_components_is_refused_naming_the_row() -> None:
    from pipeline.validate import check_ratio_components

    good = pd.concat(
        [
            long_rows(s.REMITTANCES_USD, "BRB", {2017: 80.0}),
            long_rows(s.GDP_USD, "BRB", {2017: 4e3}),
            long_rows(s.REMITTANCES_GDP, "BRB", {2017: 2.0}, computed=True),
        ],
        ignore_index=True,
    )
    check_ratio_components(good)
    placeholder = pd.concat(
        [good, long_rows(s.GDP_USD, "BRB", {2018: 4e3}), long_rows(s.REMITTANCES_GDP, "BRB", {2018: 0.0})],
        ignore_index=True,
    )
    with pytest.raises(ValidationError) as info:
        check_ratio_components(placeholder)
    assert str(info.value) == (
        "indicators.parquet: remittances_gdp for BRB 2018 is 0.0 but remittances_usd has no value there "
        "(a placeholder, not a value)"
    )


# --- editions: changelog, files stored once --------------------------------------------------------------------


def test_changes_between_editions_say_why() -> None:
    from pipeline import editions

    old = pd.concat(
        [
            long_rows(s.EMIGRANT_STOCK, "MEX", {2015: 12_184_226.0, 2020: 11_185_737.0}),
            long_rows(s.REMITTANCES_USD, "BRB", {2017: 80.0}),
            long_rows(s.GDP_USD, "BRB", {2017: 4e3, 2018: 4e3}),
            long_rows(s.REMITTANCES_GDP, "BRB", {2017: 2.0, 2018: 0.0}),
            long_rows(s.REMITTANCES_GDP, "NOR", {2019: 0.2}),
        ],
        ignore_index=True,
    )
    new = pd.concat(
        [
            long_rows(s.EMIGRANT_STOCK, "MEX", {2015: 12_184_226.0, 2020: 11_452_717.0, 2024: 11_596_529.0}),
            long_rows(s.EMIGRANT_STOCK, "BLZ", {2015: 5_970.0}),
            long_rows(s.REMITTANCES_USD, "BRB", {2017: 80.0}),
            long_rows(s.GDP_USD, "BRB", {2017: 4e3, 2018: 4e3}),
            long_rows(s.REMITTANCES_GDP, "BRB", {2017: 2.0 + 1e-12}),
            long_rows(s.IMMIGRANT_STOCK, "COL", {2024: 3_063_518.0}),
        ],
        ignore_index=True,
    )
    out = editions.changes(old, new)
    check_schema(s.CHANGES, out)
    reasons = {(r.indicator, r.iso3, r.year): r.reason for r in out.itertuples()}
    assert reasons == {
        (s.EMIGRANT_STOCK, "BLZ", 2015): "new_value",
        (s.EMIGRANT_STOCK, "MEX", 2020): "revision",
        (s.EMIGRANT_STOCK, "MEX", 2024): "new_year",
        (s.IMMIGRANT_STOCK, "COL", 2024): "new_indicator",
        (s.REMITTANCES_GDP, "BRB", 2018): "removed_placeholder",
        (s.REMITTANCES_GDP, "NOR", 2019): "removed",
    }
    revision = out[out["year"] == 2020].iloc[0]
    assert (revision["old_value"], revision["new_value"]) == (11_185_737.0, 11_452_717.0)
    assert pd.isna(out.loc[out["reason"] == "new_year", "old_value"]).all()


def test_identical_files_are_stored_once_and_kept_before_they_change(tmp_path: Path) -> None:
    import hashlib
    import json

    from pipeline import editions

    processed, kept = tmp_path / "processed", tmp_path / "editions"
    processed.mkdir()
    for name, text in (("a.json", "same"), ("b.json", "old b")):
        (processed / name).write_text(text)
    files = {n: {"sha256": hashlib.sha256((processed / n).read_bytes()).hexdigest()} for n in ("a.json", "b.json")}
    (processed / s.MANIFEST).write_text(json.dumps({"version": "0123456789ab", "files": files}))
    folder = editions.snapshot(processed, kept)
    assert sorted(p.name for p in folder.iterdir()) == ["a.json", "b.json", s.MANIFEST]
    assert editions.share_identical(kept, processed) == ["0123456789ab/a.json", "0123456789ab/b.json"]
    assert editions.edition_file(folder, "a.json", shared=processed) == b"same"
    # A new build would change a.json: the edition gets its own copy first, so it still reads its bytes.
    assert editions.preserve_shared(kept, processed, {"a.json": b"new", "b.json": b"old b"}) == ["0123456789ab/a.json"]
    (processed / "a.json").write_text("new")
    assert editions.edition_file(folder, "a.json", shared=processed) == b"same"
    (processed / "b.json").write_text("changed without preserve_shared")
    with pytest.raises(RawDataError, match=r"0123456789ab/b\.json: missing"):
        editions.edition_file(folder, "b.json", shared=processed)
