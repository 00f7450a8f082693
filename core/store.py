"""The one owner of the processed data: loaded once at start-up, checked, then only read."""

from __future__ import annotations

import functools
import gzip
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from core import schema as s
from core import settings

PROCESSED = Path(__file__).resolve().parent.parent / "data" / "processed"
REBUILD_HINT = "rebuild with `make data`"


class DataFileError(Exception):
    """A processed file is missing or corrupt; the message is one line naming it."""


@dataclass(frozen=True)
class Store:
    """Every processed table, read-only by convention: queries filter and copy, never mutate."""

    indicators: pd.DataFrame
    corridors: pd.DataFrame
    remittance_corridors: pd.DataFrame
    corridor_costs: pd.DataFrame
    countries: pd.DataFrame
    meta: dict[str, Any]
    geometry_gzip: bytes  # the world GeoJSON, gzip-compressed once, served as a static file
    version: str


def _checked_bytes(folder: Path, name: str, files: dict[str, Any]) -> bytes:
    path = folder / name
    if not path.is_file():
        raise DataFileError(f"{path}: missing; {REBUILD_HINT}")
    data = path.read_bytes()
    expected = files.get(name, {}).get("sha256")
    if expected != hashlib.sha256(data).hexdigest():
        raise DataFileError(f"{path}: corrupt (checksum differs from manifest.json); {REBUILD_HINT}")
    return data


def _read_table(folder: Path, name: str, files: dict[str, Any]) -> pd.DataFrame:
    data = _checked_bytes(folder, name, files)
    try:
        frame = pd.read_parquet(io.BytesIO(data))
    except Exception as exc:  # pyarrow raises several types for a damaged file
        raise DataFileError(f"{folder / name}: unreadable parquet ({type(exc).__name__}); {REBUILD_HINT}") from None
    if list(frame.columns) != list(s.COLUMNS[name]):
        raise DataFileError(f"{folder / name}: columns {list(frame.columns)} differ from the contract")
    if frame.empty:
        raise DataFileError(f"{folder / name}: no rows")
    return frame


def _read_json(folder: Path, name: str, files: dict[str, Any] | None) -> Any:
    path = folder / name
    if files is None:
        if not path.is_file():
            raise DataFileError(f"{path}: missing; {REBUILD_HINT}")
        data = path.read_bytes()
    else:
        data = _checked_bytes(folder, name, files)
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError):
        raise DataFileError(f"{path}: not valid JSON; {REBUILD_HINT}") from None


def load(folder: Path = PROCESSED) -> Store:
    """Read and check every processed file against manifest.json; raise DataFileError naming the first bad one."""
    manifest = _read_json(folder, s.MANIFEST, None)
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        raise DataFileError(f"{folder / s.MANIFEST}: has no file list; {REBUILD_HINT}")
    files = manifest["files"]
    meta = _read_json(folder, s.METADATA, files)
    geometry = _checked_bytes(folder, s.GEOMETRY, files)
    return Store(
        indicators=_read_table(folder, s.INDICATORS, files),
        corridors=_read_table(folder, s.CORRIDORS, files),
        remittance_corridors=_read_table(folder, s.REMITTANCE_CORRIDORS, files),
        corridor_costs=_read_table(folder, s.CORRIDOR_COSTS, files),
        countries=_read_table(folder, s.COUNTRIES, files).set_index("iso3", drop=False),
        meta=meta,
        geometry_gzip=gzip.compress(geometry, compresslevel=9, mtime=0),
        version=str(manifest.get("version", "unknown")),
    )


@functools.cache
def get_store() -> Store:
    """The process-wide store, loaded on first use (at start-up, from app.py)."""
    folder = settings.get("DATA_DIR")
    return load(Path(folder) if folder else PROCESSED)
