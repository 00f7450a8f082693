"""Data editions: the previous edition read back for the changelog, snapshots, and files shared between editions."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from core.data import schema as s
from pipeline.errors import RawDataError

# Two values are the same when they agree to this relative precision (float noise of a recomputed ratio is not a
# revision).
SAME_RELATIVE = 1e-9


def _manifest(folder: Path) -> dict[str, Any]:
    path = folder / s.MANIFEST
    if not path.is_file():
        raise RawDataError(f"{path}: missing (the previous edition named in pipeline/reference/editions.yaml)")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        raise RawDataError(f"{path}: not valid JSON") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        raise RawDataError(f"{path}: has no file list")
    return manifest


def edition_file(folder: Path, name: str, shared: Path | None = None) -> bytes:
    """One file of an edition, checked against the edition's manifest; a file the edition shares with `shared`
    (the current processed folder: identical bytes are stored once) is read from there, checked the same way."""
    expected = _manifest(folder)["files"].get(name, {}).get("sha256")
    for place in (folder, shared):
        if place is None or not (place / name).is_file():
            continue
        data = (place / name).read_bytes()
        if hashlib.sha256(data).hexdigest() == expected:
            return data
        if place == folder:
            raise RawDataError(f"{folder / name}: corrupt (checksum differs from its manifest.json)")
    raise RawDataError(f"{folder / name}: missing")


def previous_indicators(editions_dir: Path, edition: str, shared: Path | None = None) -> pd.DataFrame:
    """The indicator rows of an earlier edition, as that edition wrote them."""
    data = edition_file(editions_dir / edition, s.INDICATORS, shared)
    return pd.read_parquet(io.BytesIO(data))


def changes(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """Every value that differs between two editions, with why (core.data.schema.CHANGE_REASONS):

    revision (both editions have a value and they differ, including a change of source edition), new_year (a year
    the indicator did not have), new_value (a country-year newly published in a year the indicator had),
    new_indicator, removed_placeholder (a 0 of a ratio whose components are missing, no longer shown), removed."""
    key = ["indicator", "iso3", "year"]
    left = old[[*key, "value", "source"]].rename(columns={"value": "old_value", "source": "old_source"})
    right = new[[*key, "value", "source"]].rename(columns={"value": "new_value", "source": "new_source"})
    both = left.merge(right, on=key, how="outer")
    old_years = old.groupby("indicator")["year"].agg(lambda y: set(y.astype(int))).to_dict()
    components = {(t, i, y) for t, i, y in zip(new["indicator"], new["iso3"], new["year"], strict=True)}

    def placeholder(row: pd.Series) -> bool:
        if row["indicator"] not in s.RATIOS or row["old_value"] != 0:
            return False
        numerator, denominator = s.RATIOS[row["indicator"]]
        key_n, key_d = (numerator, row["iso3"], row["year"]), (denominator, row["iso3"], row["year"])
        return key_n not in components or key_d not in components

    reasons = []
    for row in both.to_dict("records"):
        has_old, has_new = pd.notna(row["old_value"]), pd.notna(row["new_value"])
        if has_old and has_new:
            same = np.isclose(row["old_value"], row["new_value"], rtol=SAME_RELATIVE, atol=0.0)
            reasons.append(None if same else "revision")
        elif has_new:
            years = old_years.get(row["indicator"])
            reasons.append(
                "new_indicator" if years is None else "new_year" if row["year"] not in years else "new_value"
            )
        else:
            reasons.append("removed_placeholder" if placeholder(pd.Series(row)) else "removed")
    out = both.assign(reason=reasons).dropna(subset=["reason"])
    out = out[list(s.COLUMNS[s.CHANGES])].astype(
        {
            "indicator": "str",
            "iso3": "str",
            "year": "int64",
            "old_value": "float64",
            "new_value": "float64",
            "old_source": "str",
            "new_source": "str",
            "reason": "str",
        }
    )
    # Absent sides stay missing (not the text "nan") so the file says plainly which side did not exist.
    for column in ("old_source", "new_source"):
        out[column] = out[column].where(out[column] != "nan", None)
    return out.sort_values(key, kind="stable").reset_index(drop=True)


def change_counts(frame: pd.DataFrame) -> dict[str, dict[str, int]]:
    """How many changes of each reason, per indicator (for the build report and data/README.md)."""
    counts = frame.groupby(["indicator", "reason"]).size()
    out: dict[str, dict[str, int]] = {}
    for (indicator, reason), n in counts.items():
        out.setdefault(str(indicator), {})[str(reason)] = int(n)
    return out


def snapshot(processed: Path, editions_dir: Path) -> Path:
    """Copy the processed folder, unchanged, to editions/<its version>/ (done before a new edition is built)."""
    version = str(_manifest(processed)["version"])
    target = editions_dir / version
    if target.exists():
        raise RawDataError(f"{target}: already exists")
    target.mkdir(parents=True)
    for name in sorted(_manifest(processed)["files"]):
        shutil.copy2(processed / name, target / name)
    shutil.copy2(processed / s.MANIFEST, target / s.MANIFEST)
    return target


def share_identical(editions_dir: Path, processed: Path) -> list[str]:
    """Drop from each edition folder the files byte-identical to the current processed ones (read from there by
    checksum); returns what was dropped. Run after a build, so only the current bytes are compared."""
    dropped = []
    for folder in (
        sorted(p for p in editions_dir.iterdir() if (p / s.MANIFEST).is_file()) if editions_dir.is_dir() else []
    ):
        for name, entry in sorted(_manifest(folder)["files"].items()):
            mine, theirs = folder / name, processed / name
            if (
                mine.is_file()
                and theirs.is_file()
                and hashlib.sha256(theirs.read_bytes()).hexdigest() == entry["sha256"]
            ):
                mine.unlink()
                dropped.append(f"{folder.name}/{name}")
    return dropped


def preserve_shared(editions_dir: Path, processed: Path, new_files: dict[str, bytes]) -> list[str]:
    """Before a build overwrites processed/<name>, copy it into every edition that reads it from there and whose
    checksum the new bytes would no longer match; returns what was copied."""
    kept = []
    if not editions_dir.is_dir():
        return kept
    for folder in sorted(p for p in editions_dir.iterdir() if (p / s.MANIFEST).is_file()):
        for name, entry in sorted(_manifest(folder)["files"].items()):
            current = processed / name
            if (folder / name).is_file() or not current.is_file() or name not in new_files:
                continue
            if hashlib.sha256(new_files[name]).hexdigest() == entry["sha256"]:
                continue
            if hashlib.sha256(current.read_bytes()).hexdigest() == entry["sha256"]:
                shutil.copy2(current, folder / name)
                kept.append(f"{folder.name}/{name}")
    return kept
