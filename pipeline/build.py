"""The one build command: data/raw -> data/processed, validated, deterministic (python -m pipeline.build)."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from core import schema as s
from pipeline import corridors, geometry, metadata, sources
from pipeline.countries_reference import SOURCE_ALIASES
from pipeline.errors import RawDataError
from pipeline.indicators import build_indicators
from pipeline.paths import PROCESSED, RAW, REFERENCE, ROOT
from pipeline.validate import (
    ValidationError,
    check_countries,
    check_coverage,
    check_ranges,
    check_reconciliation,
    check_schema,
    coverage,
)

GEOMETRY_RAW = "natural_earth_50m_admin0/ne_50m_admin_0_map_units.geojson"
TOPOJSON_STUB = ROOT / "assets" / "topojson" / "world_110m.json"


def read_countries(reference_dir: Path, units_labels: pd.DataFrame) -> pd.DataFrame:
    """The country reference table joined with label points and areas from the unsimplified geometry."""
    table = sources.read(sources.COUNTRIES_REFERENCE, reference_dir)
    table = table.merge(units_labels, on="iso3", how="left")
    columns = s.COLUMNS[s.COUNTRIES]
    table = table[list(columns)].astype({c: t for c, t in columns.items() if t != "str"})
    return table.sort_values("iso3").reset_index(drop=True)


def recode(frame: pd.DataFrame, columns: tuple[str, ...], dropped: list[str], name: str) -> pd.DataFrame:
    """Old or non-ISO codes of a source mapped to ISO3 (ROM -> ROU, KSV -> XKX); rows of dissolved entities
    with no successor (Netherlands Antilles, Serbia and Montenegro) are dropped and reported, never hidden."""
    for column in columns:
        aliases = {old: new for old, new in SOURCE_ALIASES.items() if old in set(frame[column])}
        gone = [old for old, new in aliases.items() if new is None]
        if gone:
            mask = frame[column].isin(gone)
            dropped.append(
                f"{name}: {int(mask.sum())} rows with {column} {', '.join(sorted(gone))} (no successor code)"
            )
            frame = frame[~mask]
        frame = frame.assign(**{column: frame[column].replace({k: v for k, v in aliases.items() if v})})
    return frame.reset_index(drop=True)


def write_parquet(frame: pd.DataFrame, path: Path) -> None:
    """Parquet with no index and fixed settings, so a rebuild writes the same bytes."""
    frame.to_parquet(path, index=False, compression="zstd", engine="pyarrow")


def write_json(payload: Any, path: Path) -> None:
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def manifest(out_dir: Path, names: list[str], rows: dict[str, int]) -> dict[str, Any]:
    """Checksums of every processed file and a version id derived from them (pinned embeds cite it)."""
    files = {}
    for name in sorted(names):
        data = (out_dir / name).read_bytes()
        files[name] = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data), "rows": rows.get(name)}
    digest = hashlib.sha256("".join(f["sha256"] for f in files.values()).encode()).hexdigest()
    return {"version": digest[:12], "files": files}


def build(
    raw_dir: Path = RAW, out_dir: Path = PROCESSED, reference_dir: Path = REFERENCE, stub: Path = TOPOJSON_STUB
) -> pd.DataFrame:
    """Read, derive, validate, then write every processed file; return the coverage report."""
    bilateral = sources.read(sources.UNDESA_BILATERAL, raw_dir)
    totals = sources.read(sources.UNDESA_TOTALS, raw_dir)
    # Channel Islands: UN DESA gives no ISO3 in the totals file; the bilateral file calls it CHI.
    totals["alpha3"] = totals["alpha3"].where(totals["country_code"] != 830, "CHI")
    if totals["alpha3"].isna().any():
        line = int(totals["alpha3"].isna().to_numpy().nonzero()[0][0]) + 2
        raise RawDataError(f"{raw_dir / sources.UNDESA_TOTALS.path}: line {line}, column alpha3: empty value")
    wdi = sources.read(sources.WDI, raw_dir)
    wdi_2023 = sources.read(sources.WDI_2023, raw_dir)
    dropped: list[str] = []
    iab = recode(sources.read(sources.IAB, raw_dir), ("origin_iso3",), dropped, "IAB")
    matrix = recode(
        sources.read(sources.REMITTANCE_MATRIX, raw_dir), ("sending_iso3", "receiving_iso3"), dropped, "matrix"
    )
    costs = recode(
        sources.read(sources.CORRIDOR_COSTS, raw_dir), ("sending_iso3", "receiving_iso3"), dropped, "RPW corridors"
    )

    units = geometry.load_map_units(raw_dir / GEOMETRY_RAW)
    countries = read_countries(reference_dir, geometry.label_points(units))
    world = geometry.simplify(units)
    known = set(countries["iso3"])
    world = world[world["iso3"].isin(known)]

    tables = {
        s.INDICATORS: build_indicators(bilateral, totals, wdi, wdi_2023, iab, known),
        s.CORRIDORS: corridors.migrant_corridors(bilateral),
        s.REMITTANCE_CORRIDORS: corridors.remittance_corridors(matrix),
        s.CORRIDOR_COSTS: corridors.corridor_costs(costs),
        s.COUNTRIES: countries,
    }
    for name, frame in tables.items():
        check_schema(name, frame)
    check_ranges(tables[s.INDICATORS])
    check_coverage(tables[s.INDICATORS])
    check_reconciliation(tables[s.INDICATORS], tables[s.CORRIDORS], totals)
    check_countries(countries, set(world["iso3"]), tables)
    meta = metadata.build_metadata(reference_dir, tables[s.INDICATORS])

    out_dir.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        write_parquet(frame, out_dir / name)
    geometry.write_geometry(world, out_dir / s.GEOMETRY)
    write_json(meta, out_dir / s.METADATA)
    stub.parent.mkdir(parents=True, exist_ok=True)
    geometry.write_topojson_stub(stub)
    names = [*tables, s.GEOMETRY, s.METADATA]
    write_json(manifest(out_dir, names, {n: len(f) for n, f in tables.items()}), out_dir / s.MANIFEST)
    for line in dropped:
        print(f"note: dropped {line}")
    return coverage(tables[s.INDICATORS])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=PROCESSED, help="output folder (default data/processed)")
    args = parser.parse_args(argv)
    try:
        report = build(out_dir=args.out)
    except (RawDataError, ValidationError) as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    with pd.option_context("display.width", 200, "display.max_columns", 20, "display.max_colwidth", 60):
        print("Coverage (LAC = the 33 independent states):")
        print(report.to_string(index=False))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
