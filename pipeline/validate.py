"""Checks run on the outputs before anything is written: schema, keys, ranges, placeholders, coverage, totals."""

from __future__ import annotations

import pandas as pd

from core.data import schema as s
from pipeline.paths import LAC_STATES


class ValidationError(Exception):
    """An output breaks the data contract; the message is one line saying which file and how."""


# Plausible bounds per indicator. Emigrant shares above 100 % are real (small Caribbean states); the
# bound only catches unit mistakes such as fractions written as percentages twice.
RANGES: dict[str, tuple[float, float]] = {
    s.EMIGRANT_STOCK: (0, 5e8),
    s.EMIGRANT_FEMALE: (0, 5e8),
    s.EMIGRANT_SHARE: (0, 1000),
    s.FEMALE_SHARE: (0, 100),
    s.IMMIGRANT_STOCK: (0, 5e8),
    s.IMMIGRANT_FEMALE: (0, 5e8),
    s.IMMIGRANT_SHARE: (0, 105),  # as published: Bonaire, Sint Eustatius and Saba 2010 is 100.005 %
    s.IMMIGRANT_FEMALE_SHARE: (0, 100),
    s.POPULATION: (1, 2e10),
    s.REMITTANCES_USD: (0, 1e12),
    s.GDP_USD: (0, 1e15),
    s.REMITTANCES_GDP: (0, 300),  # Lesotho received 167 % of GDP in 1990
    s.TERTIARY_RATE: (0, 100),
    s.TERTIARY_RATE_FEMALE: (0, 100),
    s.TERTIARY_RATE_MALE: (0, 100),
    s.REMITTANCE_COST: (0, 100),
    s.DIOC_TERTIARY: (0, 5e8),
    s.DIOC_TERTIARY_FEMALE: (0, 5e8),
    s.DIOC_TERTIARY_MALE: (0, 5e8),
    s.DIOC_KNOWN: (1, 5e8),
    s.DIOC_KNOWN_FEMALE: (1, 5e8),
    s.DIOC_KNOWN_MALE: (1, 5e8),
    s.DIOC_TERTIARY_SHARE: (0, 100),
    s.DIOC_TERTIARY_SHARE_FEMALE: (0, 100),
    s.DIOC_TERTIARY_SHARE_MALE: (0, 100),
}

# LAC states a source does not publish at all, so their absence is expected, not a build error.
# Each entry is checked against the data: if the source starts publishing it, the build says so.
KNOWN_GAPS: dict[str, frozenset[str]] = {
    s.REMITTANCES_USD: frozenset({"CUB"}),
    s.REMITTANCES_GDP: frozenset({"CUB"}),
    # Remittance Prices Worldwide surveys only some receiving countries.
    s.REMITTANCE_COST: frozenset(
        {"ARG", "ATG", "BHS", "BLZ", "BRB", "CHL", "DMA", "GRD", "KNA", "LCA", "TTO", "URY", "VCT", "VEN"}
    ),
}
# UN DESA series must cover every LAC state in every one of their years.
COMPLETE: tuple[str, ...] = (
    s.EMIGRANT_STOCK,
    s.EMIGRANT_SHARE,
    s.FEMALE_SHARE,
    s.POPULATION,
    s.IMMIGRANT_STOCK,
    s.IMMIGRANT_SHARE,
    s.IMMIGRANT_FEMALE_SHARE,
)


def check_schema(name: str, frame: pd.DataFrame) -> None:
    """Columns, dtypes, no missing values and unique keys, as core.data.schema declares them."""
    expected = s.COLUMNS[name]
    if list(frame.columns) != list(expected):
        raise ValidationError(f"{name}: columns {list(frame.columns)} differ from the contract {list(expected)}")
    for column, dtype in expected.items():
        actual = frame[column].dtype
        ok = pd.api.types.is_string_dtype(actual) if dtype == "str" else str(actual) == dtype
        if not ok:
            raise ValidationError(f"{name}: column {column} has dtype {actual}, expected {dtype}")
        if column not in s.NULLABLE.get(name, ()) and frame[column].isna().any():
            raise ValidationError(f"{name}: column {column} has missing values")
    duplicated = frame.duplicated(list(s.KEYS[name]))
    if duplicated.any():
        key = frame.loc[duplicated, list(s.KEYS[name])].iloc[0].tolist()
        raise ValidationError(f"{name}: key {key} appears more than once")


def check_ranges(indicators: pd.DataFrame) -> None:
    """Every value within its indicator's plausible bounds; no indicator id outside the contract."""
    unknown = set(indicators["indicator"]) - set(RANGES)
    if unknown:
        raise ValidationError(f"{s.INDICATORS}: unknown indicator id(s) {sorted(unknown)}")
    for indicator, (low, high) in RANGES.items():
        rows = indicators[indicators["indicator"] == indicator]
        bad = rows[(rows["value"] < low) | (rows["value"] > high)]
        if not bad.empty:
            row = bad.iloc[0]
            raise ValidationError(
                f"{s.INDICATORS}: {indicator} for {row['iso3']} {row['year']} is {row['value']}, "
                f"outside [{low}, {high}]"
            )


def coverage(indicators: pd.DataFrame) -> pd.DataFrame:
    """Per indicator: its years and how many of the 33 LAC states it covers (overall and in its last year)."""
    rows = []
    lac = indicators[indicators["iso3"].isin(LAC_STATES)]
    for indicator, group in indicators.groupby("indicator", sort=True):
        in_lac = lac[lac["indicator"] == indicator]
        last = int(group["year"].max())
        rows.append(
            {
                "indicator": indicator,
                "years": f"{int(group['year'].min())}-{last}",
                "n_years": group["year"].nunique(),
                "countries": group["iso3"].nunique(),
                "lac_states": in_lac["iso3"].nunique(),
                "lac_in_last_year": in_lac.loc[in_lac["year"] == last, "iso3"].nunique(),
                "lac_missing": " ".join(sorted(set(LAC_STATES) - set(in_lac["iso3"]))),
            }
        )
    return pd.DataFrame(rows)


def check_coverage(indicators: pd.DataFrame) -> None:
    """UN DESA series complete for all LAC states; other series miss no LAC state beyond the known gaps."""
    for indicator in COMPLETE:
        rows = indicators[(indicators["indicator"] == indicator) & indicators["iso3"].isin(LAC_STATES)]
        years = sorted(indicators.loc[indicators["indicator"] == indicator, "year"].unique())
        for year in years:
            missing = set(LAC_STATES) - set(rows.loc[rows["year"] == year, "iso3"])
            if missing:
                raise ValidationError(f"{s.INDICATORS}: {indicator} {year} misses LAC state(s) {sorted(missing)}")
    report = coverage(indicators).set_index("indicator")
    for indicator in s.DOCUMENTED:
        if indicator not in report.index:
            raise ValidationError(f"{s.INDICATORS}: indicator {indicator} has no rows")
        missing = set(report.at[indicator, "lac_missing"].split())
        expected = KNOWN_GAPS.get(indicator, frozenset())
        if missing - expected:
            raise ValidationError(f"{s.INDICATORS}: {indicator} has no value at all for {sorted(missing - expected)}")
        if expected - missing:
            raise ValidationError(
                f"{s.INDICATORS}: {indicator} now covers {sorted(expected - missing)}; "
                "remove them from KNOWN_GAPS in pipeline/validate.py"
            )


def check_ratio_components(indicators: pd.DataFrame) -> None:
    """Every ratio value has both of its components (same country and year): no placeholder 0 for a missing one."""
    keys = {name: set(zip(rows["iso3"], rows["year"], strict=True)) for name, rows in indicators.groupby("indicator")}
    for target, (numerator, denominator) in s.RATIOS.items():
        rows = indicators[indicators["indicator"] == target]
        for component in (numerator, denominator):
            have = keys.get(component, set())
            lacking = [key not in have for key in zip(rows["iso3"], rows["year"], strict=True)]
            if any(lacking):
                row = rows[lacking].iloc[0]
                kind = "a placeholder, not a value" if row["value"] == 0 else "a ratio needs both components"
                raise ValidationError(
                    f"{s.INDICATORS}: {target} for {row['iso3']} {row['year']} is {row['value']} but {component} "
                    f"has no value there ({kind})"
                )


def check_reconciliation(corridors: pd.DataFrame, totals: pd.DataFrame) -> None:
    """The corridors (UN DESA 2020 revision) of each origin sum to that revision's own total (disp), every year.

    Every LAC state has corridors in every corridor year, and every origin-year in both tables agrees exactly."""
    sums = corridors[corridors["origin"] != s.UNKNOWN_ORIGIN].groupby(["origin", "year"])["emigrants"].sum()
    sums = sums.rename_axis(["iso3", "year"]).rename("corridors")
    for year in sorted(corridors["year"].unique()):
        present = set(sums.xs(year, level="year").index)
        missing = set(LAC_STATES) - present
        if missing:
            raise ValidationError(f"{s.CORRIDORS}: no corridors from LAC state(s) {sorted(missing)} in {year}")
    disp = totals.dropna(subset=["alpha3"]).set_index(["alpha3", "year"])["disp"].rename_axis(["iso3", "year"])
    both = pd.concat([sums, disp.astype("float64").rename("disp")], axis=1, join="inner")
    off = both[(both["corridors"] - both["disp"]).abs() > 0.5]
    if not off.empty:
        (iso3, year), row = next(off.iterrows())
        raise ValidationError(
            f"{s.CORRIDORS}: corridors from {iso3} in {year} sum to {row['corridors']}, the 2020 revision's own "
            f"total (undesa_ims2020_country_totals.csv, disp) is {row['disp']}"
        )


def check_world_totals(indicators: pd.DataFrame, world: pd.DataFrame) -> None:
    """UN DESA 2024: countries of origin + unknown origin = the World row, and no country was lost on the way."""
    stock = indicators[indicators["indicator"] == s.EMIGRANT_STOCK].groupby("year")["value"].sum()
    for row in world.itertuples():
        attributed = float(stock.get(row.year, 0.0))
        if abs(attributed + row.unknown_origin - row.world) > 0.5:
            raise ValidationError(
                f"{s.INDICATORS}: emigrant_stock {row.year} sums to {attributed:,.0f} over countries of origin; with "
                f"{row.unknown_origin:,} of unknown origin that is not UN DESA's World total {row.world:,}"
            )


def check_matrix_totals(cells: pd.DataFrame, totals: pd.DataFrame, path: object) -> None:
    """KNOMAD 2021: each receiving country's cells sum to the matrix's own WORLD row (within a thousandth)."""
    sums = cells.groupby("receiver")["usd_millions"].sum()
    world = totals[totals["role"] == "receiver"].set_index("name")["usd_millions"]
    both = pd.concat([sums.rename("cells"), world.rename("world")], axis=1).fillna(0.0)
    off = both[(both["cells"] - both["world"]).abs() > 1e-3]
    if not off.empty:
        name, row = next(off.iterrows())
        raise ValidationError(
            f"{path}: cells received by {name} sum to {row['cells']:.3f} million, its WORLD row says {row['world']:.3f}"
        )
    grand = totals.loc[totals["role"] == "grand", "usd_millions"]
    if len(grand) != 1 or abs(float(grand.iloc[0]) - float(cells["usd_millions"].sum())) > 1e-3 * len(world):
        raise ValidationError(f"{path}: the WORLD total differs from the sum of the matrix cells")


def check_countries(countries: pd.DataFrame, geometry_ids: set[str], tables: dict[str, pd.DataFrame]) -> None:
    """Every code used in a table is a known country; every LAC state and territory has a shape and label."""
    known = set(countries["iso3"])
    for name, frame in tables.items():
        for column in ("iso3", "origin", "destination", "sender", "receiver"):
            if column in frame.columns:
                unknown = set(frame[column]) - known - {s.UNKNOWN_ORIGIN}
                if unknown:
                    raise ValidationError(f"{name}: column {column} has codes not in {s.COUNTRIES}: {sorted(unknown)}")
    lac = set(countries.loc[countries["lac"], "iso3"])
    for code in sorted(set(LAC_STATES) | (lac & geometry_ids)):
        if code not in geometry_ids:
            raise ValidationError(f"{s.GEOMETRY}: no shape for LAC state {code}")
    missing_label = countries.loc[countries["lac"] & countries["label_lon"].isna(), "iso3"]
    if not missing_label.empty:
        raise ValidationError(f"{s.COUNTRIES}: no label point for {sorted(missing_label)}")
