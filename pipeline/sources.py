"""Readers for the raw published files: each checks its file's shape and names the first bad cell."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipeline.errors import RawDataError
from pipeline.paths import RAW

INT = "int"
FLOAT = "float"
STR = "str"
CODE = "code"  # a three-letter upper-case code (ISO3 or World Bank code)
PERIOD = "period"  # a quarter such as 2020Q3
BOOL = "bool"  # true/false

PATTERNS = {CODE: r"[A-Z]{3}", PERIOD: r"\d{4}Q[1-4]"}
DESCRIBED = {CODE: "a 3-letter code", PERIOD: "a quarter like 2020Q3"}


@dataclass(frozen=True)
class RawFile:
    """One raw CSV: where it lives and the columns (with kinds) the build relies on."""

    path: str  # relative to data/raw
    columns: dict[str, str]
    optional: tuple[str, ...] = ()  # columns that may be empty (NA) in a row


UNDESA_BILATERAL = RawFile(
    "undesa_ims2020_bilateral/undesa_ims2020_bilateral_stock_by_sex.csv",
    {"origin_iso3": CODE, "destination_iso3": CODE, "year": INT, "total": INT, "male": INT, "female": INT},
)
UNDESA_TOTALS = RawFile(
    "undesa_ims2020_bilateral/undesa_ims2020_country_totals.csv",
    {"alpha3": CODE, "name": STR, "country_code": INT, "year": INT, "pop": FLOAT, "disp": INT},
    optional=("alpha3",),  # the Channel Islands row has no ISO3 code upstream
)
WDI = RawFile(
    "worldbank_wdi/wdi_migration_selected_long.csv",
    {"iso3": CODE, "indicator_code": STR, "year": INT, "value": FLOAT},
)
WDI_2023 = RawFile(
    "worldbank_wdi_2023_05_remittances/wdi_2023_05_remittances_long.csv",
    {"iso3": CODE, "indicator_code": STR, "year": INT, "value": FLOAT},
)
IAB = RawFile(
    "iab_brain_drain/iabbd_8010_v1_emigration_rates.csv",
    {"origin_iso3": STR, "gender": STR, "year": INT, "tot_rate": FLOAT, "high_rate": FLOAT},
)
REMITTANCE_MATRIX = RawFile(
    "worldbank_bilateral_remittance_matrix_2018/bilateral_remittance_matrix_2018_long.csv",
    {"sending_iso3": CODE, "receiving_iso3": CODE, "usd_millions": FLOAT},
)
CORRIDOR_COSTS = RawFile(
    "worldbank_remittance_prices_corridors/rpw_corridor_average_total_cost_long.csv",
    {"sending_iso3": CODE, "receiving_iso3": CODE, "series_code": STR, "period": PERIOD, "value": FLOAT},
)

# The hand-curated reference table (pipeline/reference/countries.csv); read with reference_dir as raw_dir.
COUNTRIES_REFERENCE = RawFile(
    "countries.csv",
    {
        "iso3": CODE, "name_en": STR, "name_es": STR, "name_pt": STR, "name_fr": STR, "region": STR,
        "subregion": STR, "lac": BOOL, "sovereign": BOOL, "caricom": BOOL, "oecs": BOOL, "sica": BOOL,
        "mercosur": BOOL, "can": BOOL, "pacific_alliance": BOOL,
    },
)  # fmt: skip


def _fail(path: Path, message: str) -> RawDataError:
    return RawDataError(f"{path}: {message}")


def _first_bad(mask: pd.Series) -> int:
    """Index of the first True in a boolean mask, as a 1-based line number of the CSV (header is line 1)."""
    return int(mask.to_numpy().nonzero()[0][0]) + 2


def read(spec: RawFile, raw_dir: Path = RAW) -> pd.DataFrame:
    """Read one raw CSV, keep the declared columns and coerce them to their kinds, or raise naming the cell."""
    path = raw_dir / spec.path
    if not path.is_file():
        raise _fail(path, "file is missing (copy it from the source named in its PROVENANCE.md)")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=["", "NA"])
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        raise _fail(path, f"not a readable CSV ({str(exc).splitlines()[0]})") from None
    missing = [c for c in spec.columns if c not in frame.columns]
    if missing:
        raise _fail(path, f"missing column(s) {', '.join(missing)}; header is {', '.join(frame.columns)}")
    if frame.empty:
        raise _fail(path, "has a header but no rows")
    out = pd.DataFrame(index=frame.index)
    for column, kind in spec.columns.items():
        raw = frame[column]
        empty = raw.isna()
        if empty.any() and column not in spec.optional:
            raise _fail(path, f"line {_first_bad(empty)}, column {column}: empty value")
        if kind in (INT, FLOAT):
            parsed = pd.to_numeric(raw, errors="coerce")
            bad = parsed.isna() & ~empty
            if kind == INT:
                bad |= parsed.notna() & (parsed % 1 != 0)
            if bad.any():
                line = _first_bad(bad)
                raise _fail(path, f"line {line}, column {column}: {raw.iloc[line - 2]!r} is not a number")
            out[column] = parsed.astype("int64") if kind == INT else parsed.astype("float64")
        elif kind == BOOL:
            lowered = raw.str.lower()
            bad = ~lowered.isin(["true", "false"])
            if bad.any():
                line = _first_bad(bad)
                raise _fail(path, f"line {line}, column {column}: {raw.iloc[line - 2]!r} is not true/false")
            out[column] = lowered == "true"
        elif kind in PATTERNS:
            bad = ~empty & ~raw.str.fullmatch(PATTERNS[kind]).fillna(False)
            if bad.any():
                line = _first_bad(bad)
                raise _fail(path, f"line {line}, column {column}: {raw.iloc[line - 2]!r} is not {DESCRIBED[kind]}")
            out[column] = raw
        else:
            out[column] = raw
    return out
