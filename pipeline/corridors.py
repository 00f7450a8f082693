"""Bilateral tables: migrant corridors (UN DESA 2020 revision), remittance matrices (KNOMAD), corridor costs (RPW)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.errors import RawDataError

SRC_MATRIX_2018 = "worldbank_bilateral_remittance_matrix_2018"
SRC_MATRIX_2021 = "worldbank_knomad_bilateral_remittance_matrix_2021"
MATRIX_YEARS = {SRC_MATRIX_2018: 2018, SRC_MATRIX_2021: 2021}
CURRENT_MATRIX = SRC_MATRIX_2021  # the edition queries return unless asked for another


def migrant_corridors(bilateral: pd.DataFrame) -> pd.DataFrame:
    """UN DESA origin -> destination stocks by year, with the female part (XXX = origin unknown kept)."""
    out = bilateral.rename(columns={"origin_iso3": "origin", "destination_iso3": "destination", "total": "emigrants"})[
        ["origin", "destination", "year", "emigrants", "female"]
    ]
    out = out.astype({"origin": "str", "destination": "str", "year": "int64", "emigrants": "int64", "female": "int64"})
    return out.sort_values(["origin", "destination", "year"], kind="stable").reset_index(drop=True)


def _matrix_rows(matrix: pd.DataFrame, source: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "sender": matrix["sending_iso3"].astype("str"),
            "receiver": matrix["receiving_iso3"].astype("str"),
            "year": MATRIX_YEARS[source],
            "usd": matrix["usd_millions"].astype("float64") * 1e6,
            "source": source,
        }
    ).astype({"year": "int64"})


def remittance_corridors(matrix_2018: pd.DataFrame, matrix_2021: pd.DataFrame | None = None) -> pd.DataFrame:
    """World Bank/KNOMAD bilateral remittance estimates (models, not observed flows), sender -> receiver, US$.

    One row per corridor and edition; `source` names the edition and `year` the year it estimates. The editions
    are different models and are never summed or compared. Empty and zero cells are absent (no estimate)."""
    frames = [_matrix_rows(matrix_2018, SRC_MATRIX_2018)]
    if matrix_2021 is not None:
        frames.append(_matrix_rows(matrix_2021, SRC_MATRIX_2021))
    out = pd.concat(frames, ignore_index=True)
    out = out[out["usd"] > 0]
    return out.sort_values(["year", "sender", "receiver"], kind="stable").reset_index(drop=True)


def knomad_codes(cells: pd.DataFrame, names: dict[str, str], path: Path) -> pd.DataFrame:
    """KNOMAD 2021 cells with ISO3 codes for World Bank country names; an unknown name stops the build."""
    for role in ("sender", "receiver"):
        unknown = cells[~cells[role].isin(names)]
        if not unknown.empty:
            row = unknown.iloc[0]
            where = f"row {row['row']}" if role == "sender" else f"column {row['column']}"
            raise RawDataError(
                f"{path}: {where}: country name {row[role]!r} matches no World Bank name in worldbank_wdi or the "
                "2018 matrix; add it to KNOMAD_NAMES in pipeline/corridors.py"
            )
    return pd.DataFrame(
        {
            "sending_iso3": cells["sender"].map(names),
            "receiving_iso3": cells["receiver"].map(names),
            "usd_millions": cells["usd_millions"],
        }
    )


# World Bank names the 2021 matrix spells differently from the WDI files and the 2018 matrix (none at present:
# every name of the December 2022 version matches exactly).
KNOMAD_NAMES: dict[str, str] = {}


def world_bank_names(*frames: tuple[pd.DataFrame, str, str]) -> dict[str, str]:
    """Name -> code from (frame, name column, code column) tables; a name given two codes is left out."""
    seen: dict[str, set[str]] = {}
    for frame, name, code in frames:
        for key, value in zip(frame[name], frame[code], strict=True):
            seen.setdefault(str(key).strip(), set()).add(str(value))
    out = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
    return {**out, **KNOMAD_NAMES}


def corridor_costs(costs: pd.DataFrame) -> pd.DataFrame:
    """Remittance Prices Worldwide average total cost per corridor and period (YYYYQn), % of US$200."""
    periods = costs["period"].str.extract(r"^(\d{4})Q([1-4])$")
    out = pd.DataFrame(
        {
            "sender": costs["sending_iso3"].astype("str"),
            "receiver": costs["receiving_iso3"].astype("str"),
            "period": costs["period"].astype("str"),
            "year": periods[0].astype("int64"),
            "quarter": periods[1].astype("int64"),
            "cost_pct": costs["value"].astype("float64"),
        }
    )
    return out.sort_values(["sender", "receiver", "period"], kind="stable").reset_index(drop=True)
