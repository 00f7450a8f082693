"""The one owner of the processed data: each edition loaded once, checked against its manifest, then only read."""

from __future__ import annotations

import contextlib
import contextvars
import functools
import gzip
import hashlib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from core.data import schema as s
from core.state import settings

PROCESSED = Path(__file__).resolve().parents[2] / "data" / "processed"
REBUILD_HINT = "rebuild with `make data`"
EDITION_ID = re.compile(r"^[0-9a-f]{12}$")  # an edition is named by its data version (manifest.json `version`)


class DataFileError(Exception):
    """A processed file is missing or corrupt; the message is one line naming it."""


class UnknownEditionError(ValueError):
    """No kept edition has this id; the message is one line."""


@dataclass(frozen=True)
class Store:
    """Every processed table of one edition, read-only by convention: queries filter and copy, never mutate.

    remittance_corridors holds every matrix edition (column `source`); core.data.queries.remittance_matrix picks one.
    changes (the value-level changelog against the previous edition) and report (build findings) are None for
    editions built before they existed."""

    indicators: pd.DataFrame
    corridors: pd.DataFrame
    remittance_corridors: pd.DataFrame
    corridor_costs: pd.DataFrame
    countries: pd.DataFrame
    meta: dict[str, Any]
    geometry_gzip: bytes  # the world GeoJSON, gzip-compressed once, served as a static file
    version: str
    changes: pd.DataFrame | None = None
    report: dict[str, Any] | None = None
    manifest: dict[str, Any] = field(default_factory=dict)

    @property
    def edition(self) -> str:
        """The edition id (= data version), the value of the edition parameter in links and embeds."""
        return self.version

    def edition_name(self) -> str:
        """The human edition name ("2026-12"), or the bare id for editions built without one."""
        return str((self.manifest.get("edition") or {}).get("name") or self.version)


@dataclass(frozen=True)
class Edition:
    """One loadable edition: its id, human name and label (by language), whether it is current, and the erratum
    the UI shows on pages pinned to it (empty for the current edition)."""

    id: str
    name: str
    label: dict[str, str]
    current: bool
    erratum: dict[str, str]
    folder: Path


def _checked_bytes(folder: Path, name: str, files: dict[str, Any], shared: Path | None = None) -> bytes:
    """A file of `folder` whose checksum matches its manifest. A file an earlier edition shares with the current one
    (stored once) is read from `shared` (the current processed folder), checked against the same checksum."""
    expected = files.get(name, {}).get("sha256")
    path = folder / name
    if not path.is_file() and shared is not None and (shared / name).is_file():
        data = (shared / name).read_bytes()
        if expected == hashlib.sha256(data).hexdigest():
            return data
        raise DataFileError(f"{path}: missing (not kept in its edition folder, and the current one differs)")
    if not path.is_file():
        raise DataFileError(f"{path}: missing; {REBUILD_HINT}")
    data = path.read_bytes()
    if expected != hashlib.sha256(data).hexdigest():
        raise DataFileError(f"{path}: corrupt (checksum differs from manifest.json); {REBUILD_HINT}")
    return data


def _read_table(folder: Path, name: str, files: dict[str, Any], shared: Path | None = None) -> pd.DataFrame:
    data = _checked_bytes(folder, name, files, shared)
    try:
        frame = pd.read_parquet(io.BytesIO(data))
    except Exception as exc:  # pyarrow raises several types for a damaged file
        raise DataFileError(f"{folder / name}: unreadable parquet ({type(exc).__name__}); {REBUILD_HINT}") from None
    expected = list(s.COLUMNS[name])
    legacy = s.LEGACY_DEFAULTS.get(name, {})
    if list(frame.columns) != expected and list(frame.columns) == [c for c in expected if c not in legacy]:
        # An edition built under the older contract: the columns it lacked, with the value they imply.
        frame = frame.assign(**legacy)[expected]
    if list(frame.columns) != expected:
        raise DataFileError(f"{folder / name}: columns {list(frame.columns)} differ from the contract")
    if frame.empty and name != s.CHANGES:
        raise DataFileError(f"{folder / name}: no rows")
    return frame


def _read_json(folder: Path, name: str, files: dict[str, Any] | None, shared: Path | None = None) -> Any:
    path = folder / name
    if files is None:
        if not path.is_file():
            raise DataFileError(f"{path}: missing; {REBUILD_HINT}")
        data = path.read_bytes()
    else:
        data = _checked_bytes(folder, name, files, shared)
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError):
        raise DataFileError(f"{path}: not valid JSON; {REBUILD_HINT}") from None


def _manifest(folder: Path) -> dict[str, Any]:
    manifest = _read_json(folder, s.MANIFEST, None)
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        raise DataFileError(f"{folder / s.MANIFEST}: has no file list; {REBUILD_HINT}")
    return manifest


def load(folder: Path = PROCESSED, shared: Path | None = None) -> Store:
    """Read and check every file of one edition against its manifest.json; raise DataFileError naming the first bad
    one. `shared`: the current processed folder, for the files an earlier edition stores only once there."""
    manifest = _manifest(folder)
    files = manifest["files"]
    meta = _read_json(folder, s.METADATA, files, shared)
    geometry = _checked_bytes(folder, s.GEOMETRY, files, shared)
    return Store(
        indicators=_read_table(folder, s.INDICATORS, files, shared),
        corridors=_read_table(folder, s.CORRIDORS, files, shared),
        remittance_corridors=_read_table(folder, s.REMITTANCE_CORRIDORS, files, shared),
        corridor_costs=_read_table(folder, s.CORRIDOR_COSTS, files, shared),
        countries=_read_table(folder, s.COUNTRIES, files, shared).set_index("iso3", drop=False),
        meta=meta,
        geometry_gzip=gzip.compress(geometry, compresslevel=9, mtime=0),
        version=str(manifest.get("version", "unknown")),
        changes=_read_table(folder, s.CHANGES, files, shared) if s.CHANGES in files else None,
        report=_read_json(folder, s.REPORT, files, shared) if s.REPORT in files else None,
        manifest=manifest,
    )


def processed_folder() -> Path:
    """The current edition's folder: DATA_DIR when set, else data/processed."""
    folder = settings.get("DATA_DIR")
    return Path(folder) if folder else PROCESSED


def editions_folder() -> Path:
    """Where earlier editions are kept: the `editions` folder beside the current one (data/editions)."""
    return processed_folder().parent / "editions"


@functools.lru_cache(maxsize=1)
def _current() -> Store:
    return load(processed_folder())


@functools.lru_cache(maxsize=4)
def _kept(edition: str) -> Store:
    return load(editions_folder() / edition, shared=processed_folder())


_SERVED: contextvars.ContextVar[str | None] = contextvars.ContextVar("served_edition", default=None)


@contextlib.contextmanager
def serving(edition: str | None) -> Iterator[Store]:
    """Within the block, get_store() (and every query and chart built on it) reads `edition`: a pinned embed or
    a data link shows the numbers of the edition it names. None is the current edition."""
    store = get_store(edition)
    token = _SERVED.set(None if edition is None else store.version)
    try:
        yield store
    finally:
        _SERVED.reset(token)


def get_store(edition: str | None = None) -> Store:
    """The store of an edition: the one being served (see `serving`; the current one outside), its own id, or a
    kept earlier edition by id (loaded on first use). An id that names no kept edition raises UnknownEditionError."""
    current = _current()
    edition = edition if edition is not None else _SERVED.get()
    if edition is None or edition == current.version:
        return current
    if not isinstance(edition, str) or not EDITION_ID.match(edition) or edition not in kept_edition_ids():
        raise UnknownEditionError(f"unknown data edition {edition!r}: the editions are {', '.join(edition_ids())}")
    return _kept(edition)


@functools.lru_cache(maxsize=1)
def kept_edition_ids() -> tuple[str, ...]:
    """Ids of the earlier editions kept in the editions folder (each a folder with its manifest.json), sorted."""
    folder = editions_folder()
    if not folder.is_dir():
        return ()
    return tuple(sorted(p.name for p in folder.iterdir() if EDITION_ID.match(p.name) and (p / s.MANIFEST).is_file()))


def edition_ids() -> tuple[str, ...]:
    """Every loadable edition id, the current one first."""
    return (_current().version, *(e for e in kept_edition_ids() if e != _current().version))


def editions() -> tuple[Edition, ...]:
    """The loadable editions, the current one first, with the names, labels and errata of the current metadata."""
    current = _current()
    labels = current.meta.get("editions") or {}
    own = current.meta.get("edition") or {}
    out = [Edition(current.version, str(own.get("name") or current.version), dict(own.get("label") or {}), True,
                   {}, processed_folder())]
    for ident in kept_edition_ids():
        if ident == current.version:
            continue
        info = labels.get(ident) or {}
        out.append(
            Edition(ident, str(info.get("name") or ident), dict(info.get("label") or {}), False,
                    dict(info.get("erratum") or {}), editions_folder() / ident)
        )
    return tuple(out)


def check_editions() -> None:
    """Load every kept edition once (each file checked against its own manifest), so a missing or corrupt file of
    an earlier edition stops start-up with one line naming it, like a file of the current one."""
    for ident in kept_edition_ids():
        get_store(ident)
