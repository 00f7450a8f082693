"""Readers for the raw published files (CSV and xlsx): each checks its file's shape and names the first bad cell."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
from openpyxl.utils.exceptions import InvalidFileException

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
    {"iso3": CODE, "country_name": STR, "indicator_code": STR, "year": INT, "value": FLOAT},
)
WDI_2023 = RawFile(
    "worldbank_wdi_2023_05_remittances/wdi_2023_05_remittances_long.csv",
    {"iso3": CODE, "country_name": STR, "indicator_code": STR, "year": INT, "value": FLOAT},
)
IAB = RawFile(
    "iab_brain_drain/iabbd_8010_v1_emigration_rates.csv",
    {"origin_iso3": STR, "gender": STR, "year": INT, "tot_rate": FLOAT, "high_rate": FLOAT},
)
REMITTANCE_MATRIX = RawFile(
    "worldbank_bilateral_remittance_matrix_2018/bilateral_remittance_matrix_2018_long.csv",
    {
        "sending_country": STR,
        "sending_iso3": CODE,
        "receiving_country": STR,
        "receiving_iso3": CODE,
        "usd_millions": FLOAT,
    },
)
CORRIDOR_COSTS = RawFile(
    "worldbank_remittance_prices_corridors/rpw_corridor_average_total_cost_long.csv",
    {"sending_iso3": CODE, "receiving_iso3": CODE, "series_code": STR, "period": PERIOD, "value": FLOAT},
)

UNDESA_2024_ORIGIN = "undesa_ims2024_totals/undesa_pd_2024_ims_stock_by_sex_and_origin.xlsx"
UNDESA_2024_DESTINATION = "undesa_ims2024_totals/undesa_pd_2024_ims_stock_by_sex_and_destination.xlsx"
UNDESA_2024_YEARS: tuple[int, ...] = (1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024)
UNDESA_WORLD = 900  # M49 code of the World row
UNDESA_OTHER = 2003  # the origin workbook's "OTHER" row: migrants whose country of origin is not known
UNDESA_LAST_AREA = 900  # M49 codes below 900 are countries or areas; 900 and above are regions and groups
KNOMAD_2021 = "worldbank_knomad_bilateral_remittance_matrix_2021/bilateral_remittance_matrix_2021_0.xlsx"
KNOMAD_2021_SHEET = "FINAL BRM 2021 "  # (sic, with the trailing space)
KNOMAD_TOTAL = "WORLD"
DIOC_A2 = RawFile(
    "oecd_dioc_2015_16/DIOC_2015_16_File_A_2.csv",
    {"coub": STR, "sex": INT, "age_lfs": INT, "edu_lfs": INT, "fborn": INT, "number": INT},
)


# The hand-curated reference table (pipeline/reference/countries.csv); read with reference_dir as raw_dir.
COUNTRIES_REFERENCE = RawFile(
    "countries.csv",
    {
        "iso3": CODE,
        "name_en": STR,
        "name_es": STR,
        "name_pt": STR,
        "name_fr": STR,
        "region": STR,
        "subregion": STR,
        "lac": BOOL,
        "sovereign": BOOL,
        "caricom": BOOL,
        "oecs": BOOL,
        "sica": BOOL,
        "mercosur": BOOL,
        "can": BOOL,
        "pacific_alliance": BOOL,
    },
)


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


@dataclass(frozen=True)
class Sheet:
    """One table of a UN DESA workbook: header on row 11, one block of eight year columns per measure."""

    name: str
    blocks: tuple[str, ...]  # measure names, one per block of UNDESA_2024_YEARS columns from first_column on
    code_column: int | None = 4  # 0-based column holding the M49 code (None: the table has no code column)
    first_column: int = 5  # 0-based column of the first year (F; E in the table without a code column)


HEADER_ROW = 11  # 1-based row of the column headers in every UN DESA table


def _column_letter(index: int) -> str:
    """Excel column letters of a 0-based index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _workbook_rows(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    """Every row of one sheet as values (formulas are not evaluated: the UN files hold values)."""
    if not path.is_file():
        raise _fail(path, "file is missing (copy it from the source named in its PROVENANCE.md)")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, InvalidFileException) as exc:
        raise _fail(path, f"not a readable xlsx workbook ({type(exc).__name__})") from None
    try:
        if sheet not in book.sheetnames:
            raise _fail(path, f"has no sheet {sheet!r}; sheets are {', '.join(book.sheetnames)}")
        return [tuple(row) for row in book[sheet].iter_rows(values_only=True)]
    finally:
        book.close()


def read_undesa_sheet(path: Path, spec: Sheet) -> pd.DataFrame:
    """One UN DESA table in long form: row (Excel row), index, name, code, year, then one column per block.

    The header must name the years of every block in order; every value cell must be a number or empty (an empty
    cell is a value UN DESA does not publish, e.g. Saint Barthélemy); the error names sheet, cell and value."""
    rows = _workbook_rows(path, spec.name)
    where = f"sheet {spec.name!r}"
    if len(rows) <= HEADER_ROW:
        raise _fail(path, f"{where} has no rows below its header (row {HEADER_ROW})")
    header = rows[HEADER_ROW - 1]
    width = spec.first_column + len(spec.blocks) * len(UNDESA_2024_YEARS)
    for number, expected in enumerate(UNDESA_2024_YEARS * len(spec.blocks)):
        column = spec.first_column + number
        found = header[column] if column < len(header) else None
        if str(found).strip() != str(expected):
            letter = _column_letter(column)
            raise _fail(path, f"{where}, cell {letter}{HEADER_ROW}: header {found!r}, expected {expected}")
    records = []
    for offset, row in enumerate(rows[HEADER_ROW:], start=HEADER_ROW + 1):
        row = tuple(row) + (None,) * max(0, width - len(row))
        if row[0] is None and row[1] is None:
            continue  # blank line
        if not isinstance(row[0], int) or not isinstance(row[1], str):
            raise _fail(path, f"{where}, row {offset}: expected an index number and a name, found {row[:2]!r}")
        code = None
        if spec.code_column is not None:
            code = row[spec.code_column]
            if isinstance(code, bool) or not isinstance(code, int):
                letter = _column_letter(spec.code_column)
                raise _fail(path, f"{where}, cell {letter}{offset}: location code {code!r} is not a whole number")
        for number, year in enumerate(UNDESA_2024_YEARS):
            record: dict[str, Any] = {
                "row": offset,
                "index": row[0],
                "name": row[1].strip(),
                "code": code,
                "year": year,
            }
            for block_number, block in enumerate(spec.blocks):
                column = spec.first_column + block_number * len(UNDESA_2024_YEARS) + number
                value = row[column]
                if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
                    letter = _column_letter(column)
                    raise _fail(path, f"{where}, cell {letter}{offset}: {value!r} is not a number")
                if value is not None and value < 0:
                    raise _fail(path, f"{where}, cell {_column_letter(column)}{offset}: {value!r} is negative")
                record[block] = float("nan") if value is None else float(value)
            records.append(record)
    if not records:
        raise _fail(path, f"{where} has no rows below its header (row {HEADER_ROW})")
    return pd.DataFrame.from_records(records)


def read_knomad_matrix(path: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The KNOMAD 2021 matrix: (cells, totals). cells: sender, receiver (World Bank names), usd_millions, for
    every non-empty cell; totals: name, role (sender, receiver or grand), usd_millions from the WORLD row and column.

    Header on row 2 (receivers across), senders down column A until the WORLD row; an empty cell is no estimate."""
    rows = _workbook_rows(path, KNOMAD_2021_SHEET)
    where = f"sheet {KNOMAD_2021_SHEET!r}"
    if len(rows) < 3:
        raise _fail(path, f"{where} has no matrix below its header (row 2)")
    header = [str(c).strip() if c is not None else "" for c in rows[1]]
    receivers = header[1:]
    while receivers and not receivers[-1]:
        receivers.pop()
    if not receivers or receivers[-1] != KNOMAD_TOTAL or "" in receivers:
        raise _fail(path, f"{where}, row 2: expected receiving-country names ending with {KNOMAD_TOTAL}")
    cells, totals = [], []
    for offset, row in enumerate(rows[2:], start=3):
        sender = str(row[0]).strip() if row[0] is not None else ""
        if not sender:
            raise _fail(path, f"{where}, cell A{offset}: empty sending-country name above the {KNOMAD_TOTAL} row")
        for number, receiver in enumerate(receivers, start=1):
            value = row[number] if number < len(row) else None
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                letter = _column_letter(number)
                raise _fail(path, f"{where}, cell {letter}{offset}: {value!r} is not a non-negative number")
            if sender == KNOMAD_TOTAL or receiver == KNOMAD_TOTAL:
                both = sender == receiver
                role = "grand" if both else "receiver" if sender == KNOMAD_TOTAL else "sender"
                name = receiver if sender == KNOMAD_TOTAL else sender
                totals.append({"name": name, "role": role, "usd_millions": float(value), "row": offset})
            else:
                cells.append(
                    {
                        "sender": sender,
                        "receiver": receiver,
                        "usd_millions": float(value),
                        "row": offset,
                        "column": _column_letter(number),
                    }
                )
        if sender == KNOMAD_TOTAL:
            break
    else:
        raise _fail(path, f"{where}: no {KNOMAD_TOTAL} row closes the matrix")
    return pd.DataFrame.from_records(cells), pd.DataFrame.from_records(totals)
