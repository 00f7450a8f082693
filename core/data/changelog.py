"""Read-only queries over an edition's changelog (changes.parquet: every value that differs from the previous
edition, with why): counts by series and reason, the changes of some countries, the placeholders removed."""

from __future__ import annotations

import pandas as pd

from core.data import schema as s
from core.data.cache import per_version
from core.data.store import get_store

COLUMNS = tuple(s.COLUMNS[s.CHANGES])


def changes() -> pd.DataFrame:
    """The served edition's changelog, sorted by series, country and year; no rows for an edition without one."""
    return _sorted().copy()


@per_version(maxsize=2)
def _sorted() -> pd.DataFrame:
    frame = get_store().changes
    if frame is None:
        return pd.DataFrame({column: pd.Series(dtype=kind) for column, kind in s.COLUMNS[s.CHANGES].items()})
    return frame.sort_values(["indicator", "iso3", "year"], kind="stable").reset_index(drop=True)


def previous_edition() -> str | None:
    """The id of the edition the changelog compares against (None when the served edition names none)."""
    found = (get_store().meta.get("edition") or {}).get("previous")
    return str(found) if found else None


def counts() -> pd.DataFrame:
    """How many values changed, by series (rows, most changes first) and reason (columns, in CHANGE_REASONS order,
    every reason present), with a `total` column."""
    return _counts().copy()


@per_version(maxsize=2)
def _counts() -> pd.DataFrame:
    frame = _sorted()
    table = pd.crosstab(frame["indicator"], frame["reason"]).reindex(columns=list(s.CHANGE_REASONS), fill_value=0)
    table = table.astype("int64")
    table["total"] = table.sum(axis=1)
    return table.sort_values(["total"], ascending=False, kind="stable").rename_axis(index="indicator", columns=None)


def of(indicators: tuple[str, ...], countries: tuple[str, ...]) -> pd.DataFrame:
    """The changes of some series for some countries, in the order the series are given, then country and year."""
    frame = _sorted()
    rows = frame[frame["indicator"].isin(indicators) & frame["iso3"].isin(countries)]
    order = {indicator: number for number, indicator in enumerate(indicators)}
    return rows.sort_values(["iso3", "indicator", "year"], key=lambda c: c.map(order) if c.name == "indicator" else c,
                            kind="stable").reset_index(drop=True)
