"""Indicator and focus-group metadata: the reference YAML checked, plus the years each series covers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from core import schema as s
from pipeline.errors import RawDataError

LANGUAGES = ("en", "es", "pt", "fr")
TRANSLATED = ("label", "short_label", "definition")
REQUIRED = (*TRANSLATED, "unit", "source", "citation", "licence", "caveats", "frequency",
            "nearest_year_tolerance", "color_scale", "aggregate")  # fmt: skip


def _load_yaml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise RawDataError(f"{path}: file is missing")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RawDataError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise RawDataError(f"{path}: expected a mapping at the top level")
    return data


def _check_translated(path: Path, where: str, value: Any) -> None:
    if not isinstance(value, dict) or any(not str(value.get(lang) or "").strip() for lang in LANGUAGES):
        raise RawDataError(f"{path}: {where} needs non-empty text in each of {', '.join(LANGUAGES)}")


def check_indicator(path: Path, ident: str, entry: Any) -> None:
    """One indicator entry has every required field, its texts in every language."""
    if not isinstance(entry, dict):
        raise RawDataError(f"{path}: indicators.{ident} is not a mapping")
    for field in REQUIRED:
        if field not in entry:
            raise RawDataError(f"{path}: indicators.{ident} lacks field {field}")
    for field in TRANSLATED:
        _check_translated(path, f"indicators.{ident}.{field}", entry[field])
    for number, caveat in enumerate(entry["caveats"]):
        _check_translated(path, f"indicators.{ident}.caveats[{number}]", caveat)


def build_metadata(reference_dir: Path, indicators: pd.DataFrame) -> dict[str, Any]:
    """The run-time metadata document: indicator texts with their real coverage, bilateral notes, groups."""
    path = reference_dir / "indicators.yaml"
    document = _load_yaml(path)
    entries = document.get("indicators") or {}
    out: dict[str, Any] = {}
    for ident in s.SHOWN:
        if ident not in entries:
            raise RawDataError(f"{path}: no entry for indicator {ident}")
        check_indicator(path, ident, entries[ident])
        years = sorted(int(y) for y in indicators.loc[indicators["indicator"] == ident, "year"].unique())
        out[ident] = {**entries[ident], "years": years}
    groups_path = reference_dir / "groups.yaml"
    groups = _load_yaml(groups_path).get("groups")
    if not isinstance(groups, list) or not groups:
        raise RawDataError(f"{groups_path}: expected a list under 'groups'")
    for number, group in enumerate(groups):
        if not isinstance(group, dict) or not {"id", "name", "members"} <= set(group):
            raise RawDataError(f"{groups_path}: groups[{number}] needs id, name and members")
        _check_translated(groups_path, f"groups[{number}].name", group["name"])
    return {
        "indicators": out,
        "order": list(s.SHOWN),
        "bilateral": document.get("bilateral", {}),
        # JSON keys are written sorted, so menu order is kept in its own list.
        "groups": {g["id"]: g for g in groups},
        "group_order": [g["id"] for g in groups],
    }
