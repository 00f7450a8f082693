"""The one build command: data/raw -> data/processed, validated, deterministic (python -m pipeline.build)."""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from core.data import schema as s
from pipeline import checks, corridors, editions, geometry, metadata, sources, undesa2024
from pipeline.countries_reference import SOURCE_ALIASES
from pipeline.errors import RawDataError
from pipeline.indicators import WDI_REMITTANCES_GDP, build_indicators
from pipeline.paths import EDITIONS, PROCESSED, RAW, REFERENCE, ROOT
from pipeline.validate import (
    ValidationError,
    check_countries,
    check_coverage,
    check_matrix_totals,
    check_ranges,
    check_ratio_components,
    check_reconciliation,
    check_schema,
    check_world_totals,
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


def _parquet_bytes(frame: pd.DataFrame) -> bytes:
    """Parquet with no index and fixed settings, so a rebuild writes the same bytes."""
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False, compression="zstd", engine="pyarrow")
    return buffer.getvalue()


def _json_bytes(payload: Any) -> bytes:
    return (json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def write_json(payload: Any, path: Path) -> None:
    path.write_bytes(_json_bytes(payload))


def manifest(out_dir: Path, names: list[str], rows: dict[str, int]) -> dict[str, Any]:
    """Checksums of every processed file and a version id derived from them (pinned embeds cite it)."""
    files = {}
    for name in sorted(names):
        data = (out_dir / name).read_bytes()
        files[name] = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data), "rows": rows.get(name)}
    digest = hashlib.sha256("".join(f["sha256"] for f in files.values()).encode()).hexdigest()
    return {"version": digest[:12], "files": files}


def read_dioc(raw_dir: Path, known: set[str], dropped: list[str]) -> pd.DataFrame:
    """DIOC File A_2 with its birth codes as ISO3: DIOC names a successor state of a former federation as
    PREFIX-ISO3 (USSR-UKR, FYUG-HRV, CSFR-CZE; FYUG-XXK is Kosovo, XKX); regions, unsplit federations (CSFR, FYUG,
    USSR), "Korea, North and South" (KOREA-NS), other (OTH) and the Netherlands Antilles have no single code and
    are dropped and reported."""
    dioc = sources.read(sources.DIOC_A2, raw_dir)
    parts = dioc["coub"].str.extract(r"^(?:CSFR|FYUG|USSR)-([A-Z]{3})$")[0]
    coub = parts.where(parts.isna(), parts.replace({"XXK": "XKX"})).fillna(dioc["coub"])
    dioc = dioc.assign(coub=coub)
    lost = dioc[~dioc["coub"].isin(known) & (dioc["fborn"] == 1)]
    if not lost.empty:
        persons = lost.groupby("coub")["number"].sum()
        listed = ", ".join(f"{code} ({int(n):,})" for code, n in persons.items())
        dropped.append(f"DIOC: foreign-born persons with a birth code that is not one country: {listed}")
    return dioc[dioc["coub"].isin(known)].reset_index(drop=True)


def read_knomad(raw_dir: Path, names: dict[str, str], dropped: list[str]) -> pd.DataFrame:
    """KNOMAD 2021 matrix cells with ISO3 codes, checked against its own WORLD row."""
    path = raw_dir / sources.KNOMAD_2021
    cells, totals = sources.read_knomad_matrix(path)
    check_matrix_totals(cells, totals, path)
    zero = cells[cells["usd_millions"] == 0]
    if not zero.empty:
        listed = ", ".join(f"{a} -> {b}" for a, b in zip(zero["sender"], zero["receiver"], strict=True))
        dropped.append(f"KNOMAD 2021: {len(zero)} cells of 0 (no estimate, as the 2018 file has none): {listed}")
    return corridors.knomad_codes(cells, names, path)


def build(
    raw_dir: Path = RAW,
    out_dir: Path = PROCESSED,
    reference_dir: Path = REFERENCE,
    stub: Path = TOPOJSON_STUB,
    editions_dir: Path = EDITIONS,
) -> pd.DataFrame:
    """Read, derive, validate, then write every processed file; return the coverage report."""
    bilateral = sources.read(sources.UNDESA_BILATERAL, raw_dir)
    totals = sources.read(sources.UNDESA_TOTALS, raw_dir)
    # Channel Islands: UN DESA gives no ISO3 in the totals file; the bilateral file calls it CHI.
    totals["alpha3"] = totals["alpha3"].where(totals["country_code"] != 830, "CHI")
    if totals["alpha3"].isna().any():
        line = int(totals["alpha3"].isna().to_numpy().nonzero()[0][0]) + 2
        raise RawDataError(f"{raw_dir / sources.UNDESA_TOTALS.path}: line {line}, column alpha3: empty value")
    revision = undesa2024.read(raw_dir, undesa2024.m49_codes(totals))
    wdi = sources.read(sources.WDI, raw_dir)
    wdi_2023 = sources.read(sources.WDI_2023, raw_dir)
    dropped: list[str] = []
    iab = recode(sources.read(sources.IAB, raw_dir), ("origin_iso3",), dropped, "IAB")
    matrix_2018 = sources.read(sources.REMITTANCE_MATRIX, raw_dir)
    names = corridors.world_bank_names(
        (wdi, "country_name", "iso3"),
        (wdi_2023, "country_name", "iso3"),
        (matrix_2018, "sending_country", "sending_iso3"),
        (matrix_2018, "receiving_country", "receiving_iso3"),
    )
    matrix_2018 = recode(matrix_2018, ("sending_iso3", "receiving_iso3"), dropped, "matrix 2018")
    matrix_2021 = recode(
        read_knomad(raw_dir, names, dropped), ("sending_iso3", "receiving_iso3"), dropped, "matrix 2021"
    )
    costs = recode(
        sources.read(sources.CORRIDOR_COSTS, raw_dir), ("sending_iso3", "receiving_iso3"), dropped, "RPW corridors"
    )

    units = geometry.load_map_units(raw_dir / GEOMETRY_RAW)
    countries = read_countries(reference_dir, geometry.label_points(units))
    world = geometry.simplify(units)
    known = set(countries["iso3"])
    world = world[world["iso3"].isin(known)]
    dioc = read_dioc(raw_dir, known, dropped)

    built = build_indicators(revision, wdi, wdi_2023, iab, dioc, known)
    built, anomalies = checks.flag_anomalies(built)
    tables = {
        s.INDICATORS: built,
        s.CORRIDORS: corridors.migrant_corridors(bilateral),
        s.REMITTANCE_CORRIDORS: corridors.remittance_corridors(matrix_2018, matrix_2021),
        s.CORRIDOR_COSTS: corridors.corridor_costs(costs),
        s.COUNTRIES: countries,
    }
    for name, frame in tables.items():
        check_schema(name, frame)
    check_ranges(tables[s.INDICATORS])
    check_ratio_components(tables[s.INDICATORS])
    check_coverage(tables[s.INDICATORS])
    check_reconciliation(tables[s.CORRIDORS], totals)
    check_world_totals(tables[s.INDICATORS], revision.world)
    check_countries(countries, set(world["iso3"]), tables)

    edition = metadata.load_editions(reference_dir)
    previous = editions.previous_indicators(editions_dir, edition["current"]["previous"], shared=PROCESSED)
    tables[s.CHANGES] = editions.changes(previous, tables[s.INDICATORS])
    check_schema(s.CHANGES, tables[s.CHANGES])
    report = {
        "anomalies": anomalies,
        "anomaly_rule": {
            "factor": checks.ANOMALY_FACTOR,
            "neighbours_each_side": checks.ANOMALY_NEIGHBOURS,
            "max_gap_years": checks.ANOMALY_MAX_GAP,
            "series": list(checks.ANOMALY_SERIES),
        },
        "cross_checks": {
            "remittances_gdp_vs_wdi_2023_05": checks.cross_check_remittances_gdp(
                tables[s.INDICATORS], wdi_2023, WDI_REMITTANCES_GDP, set(countries.loc[countries["lac"], "iso3"])
            ),
            "undesa_2024_published_percentages": checks.cross_check_undesa(revision),
            "immigrant_stock_vs_wdi_sm_pop_totl": checks.cross_check_immigrants_wdi(tables[s.INDICATORS], wdi),
        },
        "corridor_headline_gaps": checks.corridor_headline_gaps(tables[s.INDICATORS], tables[s.CORRIDORS]),
        "changes": {
            "previous_edition": edition["current"]["previous"],
            "counts": editions.change_counts(tables[s.CHANGES]),
        },
        "dropped": dropped,
    }
    meta = metadata.build_metadata(
        reference_dir,
        tables[s.INDICATORS],
        unattributed={int(r.year): int(r.unknown_origin) for r in revision.world.itertuples()},
        countries=countries,
        remittance_corridors=tables[s.REMITTANCE_CORRIDORS],
    )

    out_dir.mkdir(parents=True, exist_ok=True)
    payloads = {name: _parquet_bytes(frame) for name, frame in tables.items()}
    payloads[s.GEOMETRY] = geometry.geometry_bytes(world)
    payloads[s.METADATA] = _json_bytes(meta)
    payloads[s.REPORT] = _json_bytes(report)
    if out_dir.resolve() == PROCESSED.resolve():
        for line in editions.preserve_shared(editions_dir, out_dir, payloads):
            print(f"note: kept {line} in its edition folder (the new build changes it)")
    for name, data in payloads.items():
        (out_dir / name).write_bytes(data)
    if out_dir.resolve() == PROCESSED.resolve():
        for line in editions.share_identical(editions_dir, out_dir):
            print(f"note: {line} is identical in the new build: stored once, in {out_dir.name}")
    stub.parent.mkdir(parents=True, exist_ok=True)
    geometry.write_topojson_stub(stub)
    rows = {n: len(f) for n, f in tables.items()}
    written = manifest(out_dir, sorted(payloads), rows)
    written["edition"] = {
        "name": edition["current"]["name"],
        "label": edition["current"]["label"],
        "previous": edition["current"]["previous"],
    }
    write_json(written, out_dir / s.MANIFEST)
    for line in dropped:
        print(f"note: dropped {line}")
    for line in checks.summary_lines(report):
        print(line)
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
