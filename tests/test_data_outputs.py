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

from core import schema as s
from core.store import PROCESSED, DataFileError, load
from pipeline import build
from pipeline.paths import LAC_STATES, LAC_TERRITORIES, RAW, ROOT


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


def test_mexico_2020_emigrants_equal_the_sum_of_its_bilateral_rows(store) -> None:
    raw = pd.read_csv(RAW / "undesa_ims2020_bilateral/undesa_ims2020_bilateral_stock_by_sex.csv")
    expected = raw[(raw["origin_iso3"] == "MEX") & (raw["year"] == 2020)]["total"].sum()
    rows = store.indicators
    value = rows[(rows.iso3 == "MEX") & (rows.year == 2020) & (rows.indicator == s.EMIGRANT_STOCK)]["value"]
    assert value.item() == expected == 11_185_737


def test_mexico_2022_remittances_equal_the_wdi_value(store) -> None:
    raw = pd.read_csv(RAW / "worldbank_wdi/wdi_migration_selected_long.csv")
    expected = raw[(raw.iso3 == "MEX") & (raw.year == 2022) & (raw.indicator_code == "BX.TRF.PWKR.CD.DT")]["value"]
    rows = store.indicators
    value = rows[(rows.iso3 == "MEX") & (rows.year == 2022) & (rows.indicator == s.REMITTANCES_USD)]["value"]
    assert value.item() == pytest.approx(expected.item()) == pytest.approx(61.46e9, rel=1e-3)


def test_remittances_gdp_official_to_2021_then_computed_and_flagged(store) -> None:
    rows = store.indicators
    hnd = rows[(rows.iso3 == "HND") & (rows.indicator == s.REMITTANCES_GDP)].set_index("year")
    assert hnd.loc[2021, "value"] == pytest.approx(25.3, abs=0.05)  # official WDI 2023-05 value
    assert not hnd.loc[2021, "computed"]
    assert hnd.loc[2024, "computed"]
    assert hnd.loc[2024, "value"] == pytest.approx(25.7, abs=0.1)  # 100 x remittances / GDP (PROVENANCE check)


def test_documented_values_of_the_sources(store) -> None:
    rows = store.indicators.set_index(["indicator", "iso3", "year"])["value"]
    assert rows[(s.TERTIARY_RATE, "GUY", 2000)] == pytest.approx(99.2, abs=0.05)
    assert rows[(s.REMITTANCE_COST, "MEX", 2020)] == pytest.approx(4.18, abs=0.005)
    assert rows[(s.FEMALE_SHARE, "MEX", 2020)] == pytest.approx(46.8, abs=0.05)
    assert rows[(s.EMIGRANT_SHARE, "SLV", 2020)] == pytest.approx(24.7, abs=0.05)
    assert rows[(s.EMIGRANT_SHARE, "MSR", 2020)] > 100  # real, not an error


def test_corridors_reconcile_with_emigrant_stock(store) -> None:
    corridors = store.corridors[store.corridors.origin != s.UNKNOWN_ORIGIN]
    sums = corridors.groupby(["origin", "year"])["emigrants"].sum()
    stock = store.indicators[store.indicators.indicator == s.EMIGRANT_STOCK].set_index(["iso3", "year"])["value"]
    joined = pd.concat([sums.rename_axis(["iso3", "year"]), stock], axis=1, join="inner")
    assert len(joined) > 1500
    assert (joined["emigrants"] - joined["value"]).abs().max() == 0


def test_remittance_and_cost_corridors(store) -> None:
    matrix = store.remittance_corridors.set_index(["sender", "receiver"])["usd"]
    assert matrix[("USA", "MEX")] == 34_704e6
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
    assert meta[s.EMIGRANT_STOCK]["years"] == [1990, 1995, 2000, 2005, 2010, 2015, 2020]
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
