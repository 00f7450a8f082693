"""The committed processed data: equal to a fresh rebuild, true to its sources, and checked at start-up."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from core.data import schema as s
from core.data.store import PROCESSED, DataFileError, load
from pipeline import build
from pipeline.paths import EDITIONS, LAC_STATES, LAC_TERRITORIES, RAW, ROOT


@pytest.fixture(scope="module")
def store():
    return load(PROCESSED)


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("processed")
    build.build(out_dir=out, stub=out / "world_110m.json")
    return out


def test_committed_data_equals_a_fresh_rebuild(rebuilt: Path) -> None:
    """Fails when data/processed is stale: run `make data` and commit the result."""
    for name in json.loads((PROCESSED / s.MANIFEST).read_text())["files"]:
        assert (rebuilt / name).read_bytes() == (PROCESSED / name).read_bytes(), f"{name} is stale"
    assert (rebuilt / s.MANIFEST).read_bytes() == (PROCESSED / s.MANIFEST).read_bytes()
    assert (rebuilt / "world_110m.json").read_bytes() == (ROOT / "assets/topojson/world_110m.json").read_bytes()


def value_of(store, indicator: str, iso3: str, year: int) -> float:
    rows = store.indicators
    return rows[(rows.iso3 == iso3) & (rows.year == year) & (rows.indicator == indicator)]["value"].item()


@pytest.fixture(scope="module")
def undesa_2024() -> dict[str, pd.DataFrame]:
    """The two UN DESA 2024 workbooks as published (Table 1 of each; population from destination Table 2)."""
    folder = RAW / "undesa_ims2024_totals"
    return {
        name: pd.read_excel(
            folder / f"undesa_pd_2024_ims_stock_by_sex_and_{name}.xlsx", sheet_name=sheet, skiprows=10
        ).rename(columns=str)
        for name, sheet in (("origin", "Table 1"), ("destination", "Table 1"))
    }


def published(table: pd.DataFrame, code: int, year: int) -> float:
    return float(table.loc[table["Location code"] == code, str(year)].item())


@pytest.mark.parametrize(
    ("iso3", "m49", "year", "expected"),
    [("VEN", 862, 2024, 8_328_514), ("MEX", 484, 2024, 11_596_529), ("MEX", 484, 2020, 11_452_717)],
)
def test_emigrants_are_the_2024_revision_as_published(store, undesa_2024, iso3, m49, year, expected) -> None:
    assert value_of(store, s.EMIGRANT_STOCK, iso3, year) == published(undesa_2024["origin"], m49, year) == expected


def test_immigrants_of_colombia(store, undesa_2024) -> None:
    for year, expected in ((2020, 1_932_807), (2024, 3_063_518)):
        assert value_of(store, s.IMMIGRANT_STOCK, "COL", year) == published(undesa_2024["destination"], 170, year)
        assert value_of(store, s.IMMIGRANT_STOCK, "COL", year) == expected


def test_world_emigrants_are_the_countries_of_origin_without_other(store, undesa_2024) -> None:
    origin = undesa_2024["origin"]
    assert published(origin, 900, 2024) == 304_021_813
    assert published(origin, 2003, 2024) == 22_065_614  # "OTHER": origin unknown
    rows = store.indicators
    total = rows[(rows.indicator == s.EMIGRANT_STOCK) & (rows.year == 2024)]["value"].sum()
    assert total == 281_956_199 == 304_021_813 - 22_065_614
    assert store.meta["indicators"][s.EMIGRANT_STOCK]["unattributed"]["2024"] == 22_065_614


def test_emigrant_share_uses_the_same_revisions_population(store) -> None:
    workbook = RAW / "undesa_ims2024_totals/undesa_pd_2024_ims_stock_by_sex_and_destination.xlsx"
    population = pd.read_excel(workbook, sheet_name="Table 2", skiprows=10).rename(columns=str)
    slv = 1000 * population.loc[population.iloc[:, 1].str.strip() == "El Salvador", "2024"].item()
    assert value_of(store, s.POPULATION, "SLV", 2024) == pytest.approx(slv)
    share = 100 * value_of(store, s.EMIGRANT_STOCK, "SLV", 2024) / slv
    assert value_of(store, s.EMIGRANT_SHARE, "SLV", 2024) == pytest.approx(share)


def test_no_series_mixes_two_editions_of_a_source(store) -> None:
    by_indicator = store.indicators.groupby("indicator")["source"].nunique()
    assert (by_indicator == 1).all(), by_indicator[by_indicator > 1]
    sources = store.indicators.groupby("indicator")["source"].first()
    assert sources[s.EMIGRANT_STOCK] == sources[s.POPULATION] == "undesa_ims2024_totals"
    assert sources[s.REMITTANCES_GDP] == sources[s.REMITTANCES_USD] == sources[s.GDP_USD] == "worldbank_wdi"


def test_mexico_2022_remittances_equal_the_wdi_value(store) -> None:
    raw = pd.read_csv(RAW / "worldbank_wdi/wdi_migration_selected_long.csv")
    expected = raw[(raw.iso3 == "MEX") & (raw.year == 2022) & (raw.indicator_code == "BX.TRF.PWKR.CD.DT")]["value"]
    assert value_of(store, s.REMITTANCES_USD, "MEX", 2022) == pytest.approx(expected.item())
    assert expected.item() == pytest.approx(61.46e9, rel=1e-3)


def test_remittances_gdp_is_one_vintage_and_agrees_with_the_amounts_beside_it(store) -> None:
    rows = store.indicators.pivot_table(index=["iso3", "year"], columns="indicator", values="value")
    both = rows[[s.REMITTANCES_GDP, s.REMITTANCES_USD, s.GDP_USD]].dropna()
    assert len(both) == rows[s.REMITTANCES_GDP].notna().sum()
    assert (both[s.REMITTANCES_GDP] - 100 * both[s.REMITTANCES_USD] / both[s.GDP_USD]).abs().max() < 1e-9
    gdp_share = store.indicators[store.indicators.indicator == s.REMITTANCES_GDP]
    assert gdp_share["computed"].all()
    # The issue's splice: Jamaica 25.3 (2023-05 official, 2021) -> 19.6 (2022); on one vintage 23.2 -> 19.6.
    assert value_of(store, s.REMITTANCES_GDP, "JAM", 2021) == pytest.approx(23.2, abs=0.05)
    assert value_of(store, s.REMITTANCES_GDP, "JAM", 2022) == pytest.approx(19.6, abs=0.05)
    assert value_of(store, s.REMITTANCES_GDP, "HND", 2024) == pytest.approx(25.7, abs=0.1)  # PROVENANCE


ISSUE_PLACEHOLDERS = {
    "BRB": range(2018, 2021),
    "CHL": range(2005, 2009),
    "CYM": range(2006, 2016),
    "TCA": (*range(2005, 2014), 2019, 2020),
}


def test_placeholder_zeros_of_the_previous_edition_are_gone(store) -> None:
    old = load(EDITIONS / "4b94809ebbe9", shared=PROCESSED).indicators
    zeros = old[(old.indicator == s.REMITTANCES_GDP) & (old.value == 0)]
    assert len(zeros) == 217
    lac = set(store.countries.index[store.countries["lac"]])
    listed = {(c, y) for c, years in ISSUE_PLACEHOLDERS.items() for y in years}
    assert (
        set(zip(zeros.loc[zeros.iso3.isin(lac), "iso3"], zeros.loc[zeros.iso3.isin(lac), "year"], strict=True))
        == listed
    )
    now = store.indicators[store.indicators.indicator == s.REMITTANCES_GDP].set_index(["iso3", "year"])["value"]
    assert not any(key in now.index for key in listed)  # missing now: neither 0 nor a value
    assert (now != 0).all()
    changes = store.changes
    removed = changes[changes.reason == "removed_placeholder"]
    assert len(removed) == 215  # the other 2 (Burundi 2019-2020) now have real values from the 2026-07 WDI
    assert listed <= set(zip(removed.iso3, removed.year, strict=True))


def test_published_zeros_stay(store) -> None:
    iab = pd.read_csv(RAW / "iab_brain_drain/iabbd_8010_v1_emigration_rates.csv")
    zero = iab[(iab.high_rate == 0) & (iab.gender == "Male and Female")].iloc[0]
    assert value_of(store, s.TERTIARY_RATE, zero.origin_iso3, int(zero.year)) == 0


def test_uruguay_2001_is_kept_as_published_and_flagged(store) -> None:
    rows = store.indicators.set_index(["indicator", "iso3", "year"])
    assert rows.loc[(s.REMITTANCES_USD, "URY", 2001), "value"] == 6_038.03
    assert rows.loc[(s.REMITTANCES_USD, "URY", 2001), "anomaly"]
    assert rows.loc[(s.REMITTANCES_GDP, "URY", 2001), "anomaly"]  # computed from it
    assert not rows.loc[(s.REMITTANCES_USD, "URY", 2002), "anomaly"]
    assert {"iso3": "URY", "year": 2001} in [{"iso3": a["iso3"], "year": a["year"]} for a in store.report["anomalies"]]


def test_build_report_cross_checks(store) -> None:
    checks = store.report["cross_checks"]
    gdp = checks["remittances_gdp_vs_wdi_2023_05"]
    assert gdp["tolerance_points"] == 0.5
    assert gdp["official_placeholder_zeros"] == 215
    assert gdp["official_placeholder_zeros_lac_states_and_territories"] == 28
    jam = next(d for d in gdp["discrepancies"] if (d["iso3"], d["year"]) == ("JAM", 2021))
    assert jam["value_official"] == pytest.approx(25.3, abs=0.05)
    assert checks["immigrant_stock_vs_wdi_sm_pop_totl"]["differ"] == 0
    assert all(
        v["beyond_tolerance"] == 0
        for k, v in checks["undesa_2024_published_percentages"].items()
        if k != "tolerance_points"
    )


def test_dioc_tertiary_emigrants_of_mexico(store) -> None:
    dioc = pd.read_csv(RAW / "oecd_dioc_2015_16/DIOC_2015_16_File_A_2.csv")
    rows = dioc[(dioc.coub == "MEX") & (dioc.fborn == 1) & dioc.age_lfs.isin([1, 2, 3])]
    tertiary = rows[rows.edu_lfs == 3]["number"].sum()
    known = rows[rows.edu_lfs.isin([1, 2, 3])]["number"].sum()
    assert value_of(store, s.DIOC_TERTIARY, "MEX", 2015) == tertiary == 1_135_877
    assert value_of(store, s.DIOC_TERTIARY_SHARE, "MEX", 2015) == pytest.approx(100 * tertiary / known)
    assert value_of(store, s.DIOC_TERTIARY_SHARE, "MEX", 2015) == pytest.approx(9.7, abs=0.05)  # PROVENANCE
    assert value_of(store, s.DIOC_TERTIARY_SHARE, "VEN", 2015) == pytest.approx(52.7, abs=0.05)  # PROVENANCE
    assert store.meta["indicators"][s.DIOC_TERTIARY]["year_labels"] == {"2015": "2015/16"}


def test_documented_values_of_the_sources(store) -> None:
    rows = store.indicators.set_index(["indicator", "iso3", "year"])["value"]
    assert rows[(s.TERTIARY_RATE, "GUY", 2000)] == pytest.approx(99.2, abs=0.05)
    assert rows[(s.REMITTANCE_COST, "MEX", 2020)] == pytest.approx(4.18, abs=0.005)
    assert rows[(s.EMIGRANT_SHARE, "NIU", 2024)] > 100  # real, not an error


def test_corridors_reconcile_with_their_own_revisions_totals(store) -> None:
    """Corridors stay on the UN DESA 2020 revision and sum to that revision's totals, not to emigrant_stock (2024)."""
    totals = pd.read_csv(RAW / "undesa_ims2020_bilateral/undesa_ims2020_country_totals.csv").dropna(subset=["alpha3"])
    corridors = store.corridors[store.corridors.origin != s.UNKNOWN_ORIGIN]
    sums = corridors.groupby(["origin", "year"])["emigrants"].sum()
    disp = totals.set_index(["alpha3", "year"])["disp"]
    joined = pd.concat([sums.rename_axis(["iso3", "year"]), disp], axis=1, join="inner")
    assert len(joined) > 1500
    assert (joined["emigrants"] - joined["disp"]).abs().max() == 0
    assert sums[("MEX", 2020)] == 11_185_737  # 2020 revision; the 2024 revision says 11,452_717
    assert store.meta["bilateral"]["migrant_corridors"]["revision"] == "2020"
    assert store.meta["bilateral"]["migrant_corridors"]["edition_labels"] == ["UN DESA 2020"]


def test_remittance_and_cost_corridors(store) -> None:
    matrix = store.remittance_corridors.set_index(["source", "sender", "receiver"])["usd"]
    assert matrix[("worldbank_bilateral_remittance_matrix_2018", "USA", "MEX")] == 34_704e6
    assert matrix[("worldbank_knomad_bilateral_remittance_matrix_2021", "USA", "GTM")] == pytest.approx(
        14_078e6, rel=1e-4
    )
    editions = store.meta["bilateral"]["remittance_corridors"]["editions"]
    current = editions["worldbank_knomad_bilateral_remittance_matrix_2021"]
    assert current["lac_states_without_inflows"] == ["BHS", "BRB", "CUB", "VEN"]  # Venezuela: said by KNOMAD
    assert current["current"]
    costs = store.corridor_costs.set_index(["sender", "receiver", "period"])["cost_pct"]
    assert costs[("USA", "MEX", "2020Q3")] == pytest.approx(4.18, abs=0.01)


def test_every_lac_state_and_territory_has_a_shape_label_and_names(store) -> None:
    shapes = {f["id"]: f for f in json.loads(gzip.decompress(store.geometry_gzip))["features"]}
    countries = store.countries
    for code in (*LAC_STATES, *LAC_TERRITORIES):
        assert code in shapes, code
        row = countries.loc[code]
        assert row["lac"], code
        assert pd.notna(row["label_lon"]), code
        assert pd.notna(row["label_lat"]), code
        assert all(row[f"name_{lang}"] for lang in ("en", "es", "pt", "fr"))
    assert len(json.dumps(shapes)) > 0
    assert len(gzip.compress((PROCESSED / s.GEOMETRY).read_bytes())) <= 200 * 1024


def test_metadata_covers_each_indicator_with_its_real_years(store) -> None:
    meta = store.meta["indicators"]
    assert meta[s.EMIGRANT_STOCK]["years"] == [1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024]
    assert meta[s.IMMIGRANT_SHARE]["years"] == [1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024]
    assert meta[s.DIOC_TERTIARY_SHARE]["years"] == [2015]
    assert meta[s.TERTIARY_RATE]["years"][-1] == 2010
    assert meta[s.REMITTANCES_USD]["years"][-1] == 2024
    assert store.meta["group_order"][0] == "lac"


def _copy_processed(tmp_path: Path) -> Path:
    folder = tmp_path / "processed"
    shutil.copytree(PROCESSED, folder)
    return folder


def test_loader_names_a_missing_file(tmp_path: Path) -> None:
    folder = _copy_processed(tmp_path)
    (folder / s.CORRIDORS).unlink()
    with pytest.raises(DataFileError, match=r"corridors\.parquet: missing"):
        load(folder)


def test_loader_names_a_corrupt_file(tmp_path: Path) -> None:
    folder = _copy_processed(tmp_path)
    data = bytearray((folder / s.INDICATORS).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (folder / s.INDICATORS).write_bytes(bytes(data))
    with pytest.raises(DataFileError, match=r"indicators\.parquet: corrupt"):
        load(folder)


def test_app_start_up_stops_with_one_line_on_bad_data(tmp_path: Path) -> None:
    folder = _copy_processed(tmp_path)
    (folder / s.METADATA).write_text("{ not json")
    env = {**os.environ, "DATA_DIR": str(folder)}
    result = subprocess.run(
        [sys.executable, "-c", "import app"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "indicators_meta.json" in lines[0]
    assert "Traceback" not in result.stderr


def test_build_stops_with_one_line_naming_a_malformed_raw_file(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    path = raw / "worldbank_wdi/wdi_migration_selected_long.csv"
    lines = path.read_text().splitlines()
    lines[5] = lines[5].rsplit(",", 1)[0] + ",12x4"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(build.RawDataError, match=r"wdi_migration_selected_long\.csv: line 6, column value"):
        build.build(raw_dir=raw, out_dir=tmp_path / "out", stub=tmp_path / "stub.json")
    assert not (tmp_path / "out").exists()  # nothing half-written


# --- editions ---------------------------------------------------------------------------------------------------


def test_the_previous_edition_loads_as_it_was(store) -> None:
    old = load(EDITIONS / "4b94809ebbe9", shared=PROCESSED)
    assert old.version == "4b94809ebbe9"
    assert old.edition_name() == "4b94809ebbe9"  # built before editions had names: its label is in the current meta
    stock = old.indicators.set_index(["indicator", "iso3", "year"])["value"]
    assert stock[(s.EMIGRANT_STOCK, "MEX", 2020)] == 11_185_737  # the 2020 revision, as that edition showed it
    assert not old.indicators["anomaly"].any()  # a column it lacked, with the value it implies
    assert set(old.remittance_corridors["source"]) == {"worldbank_bilateral_remittance_matrix_2018"}
    assert old.changes is None
    # Files identical in both editions are stored once (in data/processed) and checked against the old manifest.
    kept = {p.name for p in (EDITIONS / "4b94809ebbe9").iterdir()}
    assert s.GEOMETRY not in kept
    assert old.geometry_gzip == store.geometry_gzip
    assert sum(p.stat().st_size for p in (EDITIONS / "4b94809ebbe9").iterdir()) < 500_000


def test_editions_are_listed_named_and_labelled(store) -> None:
    from core.data import store as store_module

    listed = store_module.editions()
    assert [e.id for e in listed] == [store.version, "4b94809ebbe9"]
    current, previous = listed
    assert current.current
    assert current.name == store.edition_name() == "2026-12"
    assert current.label["en"].startswith("2026-12: UN DESA 2024, WDI 2026-07, KNOMAD 2021, DIOC 2015/16")
    assert previous.name == "2026-11"
    assert "0.0" in previous.erratum["en"]
    assert all(previous.erratum[lang] and previous.label[lang] for lang in ("en", "es", "pt", "fr"))
    assert store_module.get_store("4b94809ebbe9").version == "4b94809ebbe9"
    assert store_module.get_store(store.version) is store_module.get_store()
    for bad in ("ffffffffffff", "../processed", "4B94809EBBE9"):
        with pytest.raises(store_module.UnknownEditionError):
            store_module.get_store(bad)
    manifest = json.loads((PROCESSED / s.MANIFEST).read_text())
    assert manifest["edition"]["name"] == "2026-12"
    assert manifest["edition"]["previous"] == "4b94809ebbe9"


def test_changelog_counts(store) -> None:
    changes = store.changes
    assert set(changes["reason"]) <= set(s.CHANGE_REASONS)
    mex = changes[(changes.indicator == s.EMIGRANT_STOCK) & (changes.iso3 == "MEX")].set_index("year")
    assert mex.loc[2020, ["old_value", "new_value", "reason"]].tolist() == [11_185_737, 11_452_717, "revision"]
    assert mex.loc[2020, "old_source"] == "undesa_ims2020_bilateral"
    assert mex.loc[2020, "new_source"] == "undesa_ims2024_totals"
    assert mex.loc[2024, "reason"] == "new_year"
    assert pd.isna(mex.loc[2024, "old_value"])
    assert (changes.loc[changes.indicator == s.IMMIGRANT_STOCK, "reason"] == "new_indicator").all()
    assert store.report["changes"]["previous_edition"] == "4b94809ebbe9"


def _copy_with_editions(tmp_path: Path) -> Path:
    folder = _copy_processed(tmp_path)
    shutil.copytree(EDITIONS, tmp_path / "editions")
    return folder


def test_a_corrupt_file_of_an_earlier_edition_stops_start_up_with_one_line(tmp_path: Path) -> None:
    folder = _copy_with_editions(tmp_path)
    path = tmp_path / "editions/4b94809ebbe9" / s.INDICATORS
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(DataFileError, match=r"4b94809ebbe9/indicators\.parquet: corrupt"):
        load(tmp_path / "editions/4b94809ebbe9", shared=folder)
    env = {**os.environ, "DATA_DIR": str(folder)}
    result = subprocess.run(
        [sys.executable, "-c", "import app"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "4b94809ebbe9/indicators.parquet: corrupt" in lines[0]


def test_a_shared_file_changed_under_an_earlier_edition_is_named(tmp_path: Path) -> None:
    folder = _copy_with_editions(tmp_path)
    (folder / s.GEOMETRY).write_text("{}")  # the old edition reads its geometry from the current folder
    with pytest.raises(DataFileError, match=r"4b94809ebbe9/geometry\.json: missing"):
        load(tmp_path / "editions/4b94809ebbe9", shared=folder)


def test_figures_quoted_in_the_caveats_are_the_datas(store) -> None:
    """caveats.yaml quotes figures; they are read back from the data here, so a rebuild cannot leave them stale."""
    caveats = {k: v["en"] for k, v in store.meta["caveats"].items()}
    rows = store.indicators.pivot_table(index=["iso3", "year"], columns="indicator", values="value")
    countries = store.countries
    caribbean = countries.index[countries["lac"] & (countries["subregion"] == "Caribbean")]
    y24 = rows.xs(2024, level="year")

    def share(members) -> float:
        both = y24.loc[y24.index.intersection(members), [s.EMIGRANT_STOCK, s.POPULATION]].dropna()
        return round(100 * both[s.EMIGRANT_STOCK].sum() / both[s.POPULATION].sum(), 1)

    territories = countries.index[countries["lac"] & ~countries["sovereign"]]
    assert f"{y24.at['PRI', s.EMIGRANT_STOCK] / 1e6:.2f} million" in caveats["territories"]
    assert (
        f"{y24.loc[y24.index.intersection(territories), s.EMIGRANT_STOCK].sum() / 1e6:.2f} million"
        in caveats["territories"]
    )
    for code in ("GLP", "MTQ"):
        assert f"{y24.at[code, s.EMIGRANT_STOCK]:,.0f}" in caveats["territories"]
    without = share([c for c in caribbean if c != "PRI"])
    assert f"from {without}% to {share(caribbean)}%" in caveats["territories"]

    old = load(EDITIONS / "4b94809ebbe9", shared=PROCESSED).indicators
    old_2020 = old[(old.indicator == s.EMIGRANT_STOCK) & (old.year == 2020)].set_index("iso3")["value"]
    for code in ("BHS", "BLZ", "BRB", "DMA", "CRI"):
        new = rows.at[(code, 2020), s.EMIGRANT_STOCK]
        assert f"{new:,.0f} against {old_2020[code]:,.0f}" in caveats["revision_2024_small_states"], code
    assert f"{22_553_863 / 1e6:.1f} million" in caveats["revision_2024_small_states"]
    corridors = store.corridors[(store.corridors.origin == "VEN") & (store.corridors.year == 2020)]
    assert f"{corridors['emigrants'].sum():,} in the corridors" in caveats["revisions_not_mixed"]
    assert f"{rows.at[('VEN', 2020), s.EMIGRANT_STOCK]:,.0f} in the 2024 revision" in caveats["revisions_not_mixed"]
    assert "281,956,199" in caveats["world_unattributed"]

    totals = pd.read_csv(RAW / "undesa_ims2020_bilateral/undesa_ims2020_country_totals.csv")
    in_1990 = totals[totals.year == 1990].set_index("alpha3")
    for code, name in (("MEX", "Mexico"), ("CRI", "Costa Rica"), ("GTM", "Guatemala"), ("HND", "Honduras")):
        percent = round(100 * float(in_1990.at[code, "refugee"]) / in_1990.at[code, "fb"])
        assert f"{percent}% of {name}" in caveats["refugees_1990"], code
    bilateral = store.corridors.set_index(["origin", "destination", "year"])["emigrants"]
    assert (
        f"{bilateral[('SLV', 'MEX', 1990)]:,} people in 1990, {bilateral[('SLV', 'MEX', 1995)]:,}"
        in caveats["refugees_1990"]
    )
    central = queries_share_of_mexico(store)
    assert central == pytest.approx(66.5, abs=0.05)  # "two thirds" in the Central America group note


def queries_share_of_mexico(store) -> float:
    from core.data import queries

    members = queries.group_members("central_america")
    total = queries.aggregate_at(s.EMIGRANT_STOCK, members, 2024)
    assert total is not None
    return 100 * value_of(store, s.EMIGRANT_STOCK, "MEX", 2024) / total.value
