"""UN DESA International Migrant Stock 2024: the two totals workbooks read, joined and keyed by ISO3."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipeline import sources
from pipeline.errors import RawDataError

ORIGIN_STOCK = sources.Sheet("Table 1", ("total", "male", "female"))
ORIGIN_FEMALE_PCT = sources.Sheet("Table 2", ("female_pct",))
DESTINATION_STOCK = sources.Sheet("Table 1", ("total", "male", "female"))
# Table 2 (population, thousands) has no location-code column: it is joined to Table 1 by index and name.
DESTINATION_POPULATION = sources.Sheet(
    "Table 2", ("pop_thousands", "pop_male", "pop_female"), code_column=None, first_column=4
)
DESTINATION_SHARE = sources.Sheet("Table 3", ("share_pct", "share_male", "share_female"))
DESTINATION_FEMALE_PCT = sources.Sheet("Table 4", ("female_pct",))


@dataclass(frozen=True)
class Revision2024:
    """The 2024 revision by ISO3 and year. origin: total, female, female_pct (emigrants); destination: total,
    female, population (persons), share_pct, female_pct (immigrants); world: the World row and the migrants of
    unknown origin per year (origin workbook)."""

    origin: pd.DataFrame
    destination: pd.DataFrame
    world: pd.DataFrame


def _keyed(frame: pd.DataFrame, codes: dict[int, str], path: Path, sheet: str) -> pd.DataFrame:
    """Country rows (M49 < 900) with their ISO3 code; a code UN DESA's own table does not know stops the build."""
    areas = frame[frame["code"] < sources.UNDESA_LAST_AREA].copy()
    unknown = areas[~areas["code"].isin(codes)]
    if not unknown.empty:
        row = unknown.iloc[0]
        raise RawDataError(
            f"{path}: sheet {sheet!r}, row {row['row']}: location code {row['code']} ({row['name']}) has no ISO3 "
            "code in UN DESA's code table (undesa_ims2020_country_totals.csv)"
        )
    return areas.assign(iso3=areas["code"].map(codes))


def _same_rows(left: pd.DataFrame, right: pd.DataFrame, path: Path, sheet: str) -> None:
    """Two tables of one workbook list the same areas in the same order (index and name), or the build stops."""
    a = left[["index", "name"]].drop_duplicates().reset_index(drop=True)
    b = right[["row", "index", "name"]].drop_duplicates().reset_index(drop=True)
    if len(a) != len(b) or not (a["index"] == b["index"]).all() or not (a["name"] == b["name"]).all():
        differ = (a["index"] != b["index"]) | (a["name"] != b["name"]) if len(a) == len(b) else pd.Series([True])
        row = b.loc[differ.idxmax()] if len(a) == len(b) else b.iloc[0]
        raise RawDataError(f"{path}: sheet {sheet!r}, row {row['row']}: rows differ from Table 1 ({row['name']!r})")


def read(raw_dir: Path, codes: dict[int, str]) -> Revision2024:
    """Both workbooks, checked and keyed by ISO3 through `codes` (M49 -> ISO3, UN DESA's own correspondence)."""
    origin_path = raw_dir / sources.UNDESA_2024_ORIGIN
    destination_path = raw_dir / sources.UNDESA_2024_DESTINATION
    origin = sources.read_undesa_sheet(origin_path, ORIGIN_STOCK)
    female = sources.read_undesa_sheet(origin_path, ORIGIN_FEMALE_PCT)
    _same_rows(origin, female, origin_path, ORIGIN_FEMALE_PCT.name)
    origin = origin.merge(female[["code", "year", "female_pct"]], on=["code", "year"], how="left", validate="1:1")

    stock = sources.read_undesa_sheet(destination_path, DESTINATION_STOCK)
    population = sources.read_undesa_sheet(destination_path, DESTINATION_POPULATION)
    _same_rows(stock, population, destination_path, DESTINATION_POPULATION.name)
    share = sources.read_undesa_sheet(destination_path, DESTINATION_SHARE)
    female_pct = sources.read_undesa_sheet(destination_path, DESTINATION_FEMALE_PCT)
    for other, sheet in ((share, DESTINATION_SHARE), (female_pct, DESTINATION_FEMALE_PCT)):
        _same_rows(stock, other, destination_path, sheet.name)
    destination = stock.merge(population[["index", "year", "pop_thousands"]], on=["index", "year"], validate="1:1")
    destination = destination.merge(share[["code", "year", "share_pct"]], on=["code", "year"], validate="1:1")
    destination = destination.merge(female_pct[["code", "year", "female_pct"]], on=["code", "year"], validate="1:1")
    # Population is published in thousands with three decimals: whole persons, rounded off float noise.
    destination["population"] = (destination["pop_thousands"] * 1000).round()

    world = origin[origin["code"].isin([sources.UNDESA_WORLD, sources.UNDESA_OTHER])]
    world = world.pivot_table(index="year", columns="code", values="total").rename(
        columns={sources.UNDESA_WORLD: "world", sources.UNDESA_OTHER: "unknown_origin"}
    )
    if list(world.columns) != ["world", "unknown_origin"] or world.isna().any().any():
        raise RawDataError(f"{origin_path}: sheet 'Table 1' lacks the World (900) or OTHER (2003) row")
    return Revision2024(
        origin=_keyed(origin, codes, origin_path, ORIGIN_STOCK.name),
        destination=_keyed(destination, codes, destination_path, DESTINATION_STOCK.name),
        world=world.reset_index().astype({"year": "int64", "world": "int64", "unknown_origin": "int64"}),
    )


def m49_codes(totals_2020: pd.DataFrame) -> dict[int, str]:
    """M49 -> ISO3 as UN DESA pairs them in its 2020 country table (the Channel Islands, 830, as CHI)."""
    pairs = totals_2020[["country_code", "alpha3"]].drop_duplicates()
    return {int(code): str(alpha) for code, alpha in zip(pairs["country_code"], pairs["alpha3"], strict=True)}
