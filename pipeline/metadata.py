"""Indicator, source, edition and focus-group metadata: the reference YAML checked, plus what the data say."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from core.data import schema as s
from core.data.queries import members_of
from pipeline.errors import RawDataError
from pipeline.paths import LAC_STATES

LANGUAGES = ("en", "es", "pt", "fr")
TRANSLATED = ("label", "short_label", "definition")
REQUIRED = (
    *TRANSLATED,
    "unit",
    "source",
    "citation",
    "licence",
    "caveats",
    "frequency",
    "nearest_year_tolerance",
    "color_scale",
    "aggregate",
)
SOURCE_FIELDS = (
    "role",
    "short",
    "publisher",
    "edition",
    "coverage",
    "licence",
    "licence_url",
    "citation",
    "url",
    "last_update",
)
SOURCE_TRANSLATED = ("publisher", "edition", "coverage", "licence")
SOURCE_ROLES = ("current", "earlier_edition", "cross_check", "reference")


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
    """One indicator entry has every required field, its texts in every language, and the ratio rule of the data."""
    if not isinstance(entry, dict):
        raise RawDataError(f"{path}: indicators.{ident} is not a mapping")
    for field in REQUIRED:
        if field not in entry:
            raise RawDataError(f"{path}: indicators.{ident} lacks field {field}")
    for field in TRANSLATED:
        _check_translated(path, f"indicators.{ident}.{field}", entry[field])
    for number, caveat in enumerate(entry["caveats"]):
        _check_translated(path, f"indicators.{ident}.caveats[{number}]", caveat)
    rule = entry["aggregate"]
    pair = (rule.get("numerator"), rule.get("denominator"))
    if ident in s.RATIOS and rule.get("method") == "ratio" and pair != s.RATIOS[ident]:
        raise RawDataError(
            f"{path}: indicators.{ident}.aggregate is {pair[0]} / {pair[1]}, "
            f"but the data compute it as {' / '.join(s.RATIOS[ident])} (core/data/schema.py RATIOS)"
        )


def load_editions(reference_dir: Path) -> dict[str, Any]:
    """editions.yaml checked: the current edition's name, label and previous edition; labels of kept editions."""
    path = reference_dir / "editions.yaml"
    document = _load_yaml(path)
    current = document.get("current")
    if not isinstance(current, dict) or not {"name", "label", "previous"} <= set(current):
        raise RawDataError(f"{path}: 'current' needs name, label and previous")
    _check_translated(path, "current.label", current["label"])
    kept = document.get("editions") or {}
    for ident, entry in kept.items():
        if not isinstance(entry, dict) or not {"name", "label", "erratum"} <= set(entry):
            raise RawDataError(f"{path}: editions.{ident} needs name, label and erratum")
        _check_translated(path, f"editions.{ident}.label", entry["label"])
        _check_translated(path, f"editions.{ident}.erratum", entry["erratum"])
    if str(current["previous"]) not in {str(k) for k in kept}:
        raise RawDataError(f"{path}: previous edition {current['previous']} has no entry under 'editions'")
    return {"current": current, "editions": {str(k): v for k, v in kept.items()}}


def load_caveats(reference_dir: Path) -> dict[str, Any]:
    """caveats.yaml checked: shared caveats and notes in every language, and the bases of percentage changes."""
    path = reference_dir / "caveats.yaml"
    document = _load_yaml(path)
    for section in ("caveats", "notes"):
        for ident, text in (document.get(section) or {}).items():
            _check_translated(path, f"{section}.{ident}", text)
    bases = document.get("percent_change_min_base") or {}
    if not all(isinstance(v, int | float) and v > 0 for v in bases.values()) or not bases:
        raise RawDataError(f"{path}: percent_change_min_base needs a positive number per unit")
    return document


def load_sources(reference_dir: Path) -> dict[str, Any]:
    """sources.yaml checked: every field of every source, texts in every language."""
    path = reference_dir / "sources.yaml"
    entries = _load_yaml(path).get("sources") or {}
    for ident, entry in entries.items():
        if not isinstance(entry, dict):
            raise RawDataError(f"{path}: sources.{ident} is not a mapping")
        for field in SOURCE_FIELDS:
            if field not in entry:
                raise RawDataError(f"{path}: sources.{ident} lacks field {field}")
        for field in SOURCE_TRANSLATED:
            _check_translated(path, f"sources.{ident}.{field}", entry[field])
        if entry["role"] not in SOURCE_ROLES:
            raise RawDataError(f"{path}: sources.{ident}.role must be one of {', '.join(SOURCE_ROLES)}")
    return entries


def _with_shared_caveats(path: Path, where: str, entry: dict[str, Any], shared: dict[str, Any]) -> dict[str, Any]:
    """The entry with the texts its `caveat_ids` name appended to its caveats (ids kept for the UI)."""
    ids = entry.get("caveat_ids") or []
    unknown = [i for i in ids if i not in shared]
    if unknown:
        raise RawDataError(f"{path}: {where}.caveat_ids names unknown caveat(s) {unknown} (see caveats.yaml)")
    return {**entry, "caveats": [*entry.get("caveats", []), *(shared[i] for i in ids)], "caveat_ids": list(ids)}


def _group_members(spec: dict[str, Any], countries: pd.DataFrame) -> set[str]:
    """The member rule of groups.yaml, as the app applies it at run time."""
    return set(members_of(spec, countries))


def _remittance_editions(entry: dict[str, Any], matrix: pd.DataFrame | None) -> dict[str, Any]:
    """Per matrix edition: its year, size, and the LAC states it has no inflow estimate for (Venezuela in 2021)."""
    out = {}
    for source, edition in (entry.get("editions") or {}).items():
        info = {**edition}
        if matrix is not None:
            rows = matrix[matrix["source"] == source]
            info["corridors"] = len(rows)
            info["lac_states_without_inflows"] = sorted(set(LAC_STATES) - set(rows["receiver"]))
            info["lac_states_without_outflows"] = sorted(set(LAC_STATES) - set(rows["sender"]))
        info["current"] = source == entry.get("current")
        out[source] = info
    return out


def build_metadata(
    reference_dir: Path,
    indicators: pd.DataFrame,
    *,
    unattributed: dict[int, int] | None = None,
    countries: pd.DataFrame | None = None,
    remittance_corridors: pd.DataFrame | None = None,
) -> dict[str, Any]:
    """The run-time metadata document: indicator texts with their real coverage, shared caveats, bilateral notes,
    sources, editions and groups."""
    path = reference_dir / "indicators.yaml"
    document = _load_yaml(path)
    caveats = load_caveats(reference_dir)
    shared = caveats.get("caveats") or {}
    bases = caveats["percent_change_min_base"]
    sources = load_sources(reference_dir)
    editions = load_editions(reference_dir)
    entries = document.get("indicators") or {}
    out: dict[str, Any] = {}
    for ident in s.DOCUMENTED:
        if ident not in entries:
            raise RawDataError(f"{path}: no entry for indicator {ident}")
        check_indicator(path, ident, entries[ident])
        entry = _with_shared_caveats(path, f"indicators.{ident}", entries[ident], shared)
        unknown = [src for src in entry["source"] if src not in sources]
        if unknown:
            raise RawDataError(f"{path}: indicators.{ident}.source names {unknown}, not in sources.yaml")
        years = sorted(int(y) for y in indicators.loc[indicators["indicator"] == ident, "year"].unique())
        entry = {
            **entry,
            "years": years,
            # Below this earlier value no percentage change is shown (None: the indicator changes by points).
            "percent_change_min_base": bases.get(entry["unit"]),
            # The short name of each source's edition ("UN DESA 2024"), for source lines.
            "edition_labels": [sources[src]["short"] for src in entry["source"]],
        }
        if "year_labels" in entry:
            entry["year_labels"] = {str(k): str(v) for k, v in entry["year_labels"].items()}
        out[ident] = entry
    if unattributed and s.EMIGRANT_STOCK in out:
        # UN DESA's migrants of unknown origin, per year: in its World total, attributed to no country of origin.
        out[s.EMIGRANT_STOCK]["unattributed"] = {str(y): n for y, n in sorted(unattributed.items())}

    bilateral = {}
    for ident, entry in (document.get("bilateral") or {}).items():
        entry = _with_shared_caveats(path, f"bilateral.{ident}", entry, shared)
        entry["edition_labels"] = [sources[src]["short"] for src in entry.get("source", []) if src in sources]
        entry["percent_change_min_base"] = bases.get(entry.get("unit"))
        if ident == "remittance_corridors":
            entry["editions"] = _remittance_editions(entry, remittance_corridors)
        bilateral[ident] = entry

    groups_path = reference_dir / "groups.yaml"
    groups = _load_yaml(groups_path).get("groups")
    if not isinstance(groups, list) or not groups:
        raise RawDataError(f"{groups_path}: expected a list under 'groups'")
    for number, group in enumerate(groups):
        if not isinstance(group, dict) or not {"id", "name", "members"} <= set(group):
            raise RawDataError(f"{groups_path}: groups[{number}] needs id, name and members")
        _check_translated(groups_path, f"groups[{number}].name", group["name"])
        unknown = [i for i in group.get("caveat_ids") or [] if i not in shared]
        if unknown:
            raise RawDataError(f"{groups_path}: groups[{number}].caveat_ids names unknown caveat(s) {unknown}")
        if countries is not None:
            members = _group_members(group["members"], countries.set_index("iso3", drop=False))
            sovereign = set(countries.loc[countries["sovereign"].astype(bool), "iso3"])
            # True when the group's totals count territories (the Puerto Rico / French departments caveat applies).
            group["includes_territories"] = bool(members - sovereign)
            group["size"] = len(members)
    return {
        "indicators": out,
        "order": list(s.SHOWN),  # the menu
        "staged": list(s.STAGED),  # documented here, not yet in the menu
        "bilateral": bilateral,
        # JSON keys are written sorted, so menu order is kept in its own list.
        "groups": {g["id"]: g for g in groups},
        "group_order": [g["id"] for g in groups],
        "caveats": shared,
        "notes": caveats.get("notes") or {},
        "percent_change_min_base": bases,
        "sources": sources,
        "edition": {
            "name": editions["current"]["name"],
            "label": editions["current"]["label"],
            "previous": str(editions["current"]["previous"]),
        },
        "editions": editions["editions"],
    }
