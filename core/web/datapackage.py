"""Metadata that travels with the open data (core/web/opendata.py): the Frictionless Data Package of each data link
and of the whole processed dataset (whose tables are served as CSV files), and the JSON form of a file: its table
schema and rows, which pandas reads back with its types (`pd.read_json(url, orient="table")`).

Every package names its edition (id and name), its sources (publisher, edition, address, citation) and licences,
and for every field its type and, where it is a quantity, its unit (persons, percent, usd)."""

from __future__ import annotations

import functools
import gzip
import json
import re
from typing import Any

import pandas as pd
from pandas.io.json import build_table_schema

from core.charts import profile, texts
from core.charts.corridor_view import common as corridor
from core.data import corridors, published, queries
from core.data import schema as s
from core.data.store import get_store, serving
from core.i18n.catalog import one_line
from core.web import exports

DATASET = {  # resource name -> processed file: the whole dataset, one CSV each
    "indicators": s.INDICATORS,
    "countries": s.COUNTRIES,
    "corridors": s.CORRIDORS,
    "remittance_corridors": s.REMITTANCE_CORRIDORS,
    "corridor_costs": s.CORRIDOR_COSTS,
    "changes": s.CHANGES,
}
DESCRIPTIONS = {  # the columns of the dataset's files (data/README.md says more)
    "iso3": "ISO 3166-1 alpha-3 code",
    "year": "Year the value refers to",
    "indicator": "Series id (indicators_meta.json documents the indicators; the others are their components)",
    "value": "The value, in the row's unit, as the source publishes it (15 significant digits at most)",
    "unit": "Unit of the value: persons, percent (0-100) or usd (current US$)",
    "source": "Source folder in data/raw the value comes from (see the package's sources)",
    "computed": "True when this project computes the value as a ratio of two published series of the same source",
    "anomaly": "True for a published value far out of line with its neighbouring years, kept as published",
    "origin": "Country of birth (ISO3; XXX: origin unknown to UN DESA)",
    "destination": "Country of residence (ISO3)",
    "emigrants": "Persons born in origin living in destination (UN DESA 2020 revision)",
    "female": "Of whom women",
    "sender": "Country remittances are sent from (ISO3)",
    "receiver": "Country receiving the remittances (ISO3)",
    "usd": "Estimated remittances, US$ (World Bank/KNOMAD model estimate)",
    "period": "Survey period (year and quarter)",
    "quarter": "Quarter of the survey",
    "cost_pct": "Average total cost of sending US$200, % of the amount",
    "old_value": "Value in the previous edition (empty for a new value)",
    "new_value": "Value in this edition (empty for a removed value)",
    "reason": "Why the value changed: " + ", ".join(s.CHANGE_REASONS),
}
FIELD_UNITS = {"emigrants": "persons", "female": "persons", "usd": "usd", "cost_pct": "percent", "area_km2": "km2"}
FOREIGN_KEYS = {"indicators": [{"fields": "iso3", "reference": {"resource": "countries", "fields": "iso3"}}]}
SLUG = re.compile(r"[^a-z0-9._-]+")


def slug(text: str) -> str:
    """A Data Package name: lower case letters, digits and . _ - only."""
    return SLUG.sub("-", text.lower()).strip("-") or "data"


def fields(frame: pd.DataFrame, units: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The table schema fields of a frame (types as pandas declares them, so `read_json(orient="table")` restores
    them), with a unit where one is known."""
    schema: dict[str, Any] = build_table_schema(frame, index=False, version=False)
    out: list[dict[str, Any]] = schema["fields"]
    for field in out:
        if units and field["name"] in units:
            field["unit"] = units[field["name"]]
    return out


def _plain(value: Any) -> Any:
    return None if pd.isna(value) else (value.item() if hasattr(value, "item") else value)


def edition() -> dict[str, str]:
    """The edition being served: its id (the value of `edition=`) and name."""
    store = get_store()
    return {"id": store.version, "name": store.edition_name()}


def to_json(table: exports.Table, package: str, units: dict[str, str] | None = None) -> bytes:
    """A file as JSON: title, edition, notes, the address of its Data Package, its table schema and its rows."""
    frame = table.frame
    document = {
        "title": table.title,
        "edition": edition(),
        "notes": [{"label": label, "text": one_line(text)} for label, text in table.notes],
        "datapackage": package,
        "schema": {"fields": fields(frame, units)},
        "data": [dict(zip(frame.columns, map(_plain, row), strict=True)) for row in frame.itertuples(index=False)],
    }
    return json.dumps(document, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")


def edition_source_ids() -> tuple[str, ...]:
    """Every source of the edition served: those its metadata lists, or those its tables name."""
    store = get_store()
    if "sources" in store.meta:
        return tuple(store.meta["sources"])
    bilateral = (i for spec in store.meta["bilateral"].values() for i in spec["source"])
    used = {*store.indicators["source"], *store.remittance_corridors["source"], *bilateral}
    return tuple(i for i in texts.sources_catalog() if i in used)


def sources(ids: tuple[str, ...], lang: str) -> list[dict[str, str]]:
    """Frictionless sources: publisher and edition, address, citation (in the file's language where translated)."""
    known = texts.sources_catalog()
    return [
        {
            "title": f"{known[i]['publisher'][lang]}: {known[i]['edition'][lang]}",
            "path": known[i]["url"],
            "citation": one_line(known[i]["citation"]),
        }
        for i in dict.fromkeys(ids)
        if i in known
    ]


def licenses(ids: tuple[str, ...], lang: str) -> list[dict[str, str]]:
    """The licences of the sources, each once."""
    known = texts.sources_catalog()
    found = {known[i]["licence_url"]: known[i]["licence"][lang] for i in ids if i in known}
    return [{"path": path, "title": title} for path, title in found.items()]


def source_ids(page: str, chart: str | None, indicator: str) -> tuple[str, ...]:
    """The sources of a data link's numbers: its indicator's, a profile chart's or a corridor chart's."""
    name = (chart or "").removeprefix("pf-").removeprefix("cv-")
    if page == "dashboard":
        return _of(indicator)
    if name.startswith("trend-"):
        return _of(name.removeprefix("trend-"))
    corridor_sources = {
        "skilled": profile.SKILLED_SOURCE,
        "remittances": corridors.remittance_matrix_source(),
        "costs": corridor.SOURCE_COSTS,
    }
    if name:  # the other corridor charts show who lives where
        return (corridor_sources.get(name, corridor.SOURCE_STOCKS),)
    return tuple(i for shown in get_store().meta["order"] for i in _of(shown))  # a profile's own file: every figure


def _of(indicator: str) -> tuple[str, ...]:
    return tuple(queries.indicator_meta(indicator)["source"])


def value_units(indicator: str, lang: str) -> dict[str, str]:
    """The unit of the column that holds an indicator's values in the charts' files (its short label)."""
    return {texts.label(indicator, lang, "short_label"): published.unit(indicator)}


def file_package(
    table: exports.Table, ids: tuple[str, ...], urls: dict[str, str], lang: str, units: dict[str, str]
) -> dict[str, Any]:
    """The Data Package of one data link: its CSV file (at `urls["csv"]`, pinned to the edition served), schema,
    sources, licences, notes and the page it comes from (`urls["page"]`)."""
    return {
        "name": slug(f"lac-migration-{table.name}"),
        "title": table.title,
        "homepage": urls["page"],
        "edition": edition(),
        "licenses": licenses(ids, lang),
        "sources": sources(ids, lang),
        "resources": [
            {
                "name": slug(table.name),
                "path": urls["csv"],
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "title": table.title,
                "notes": [{"label": label, "text": one_line(text)} for label, text in table.notes],
                "schema": {"fields": fields(table.frame, units), "missingValues": [""]},
            }
        ],
    }


def _first(frame: pd.DataFrame, rows: int | None) -> pd.DataFrame:
    return frame if rows is None else frame.head(rows)


def dataset_frame(name: str, rows: int | None = None) -> pd.DataFrame:
    """A table of the whole dataset as it is served (its first `rows` only, when given): every value as its source
    publishes it. `name` is one of dataset_names()."""
    store = get_store()
    if name == "indicators":
        return published.table(_first(store.indicators, rows))
    if name == "remittance_corridors":
        frame = _first(store.remittance_corridors, rows).copy()
        for source, part in frame.groupby("source"):
            frame.loc[part.index, "usd"] = published.rounded(part["usd"], "usd", str(source))
        return frame
    if name == "changes":
        if store.changes is None:
            raise LookupError("this edition has no changelog")
        frame = _first(store.changes, rows)
        return frame.assign(
            **{c: frame[c].astype("float64").map(published.significant) for c in ("old_value", "new_value")}
        )
    if name == "corridor_costs":
        frame = _first(store.corridor_costs, rows)
        return frame.assign(cost_pct=frame["cost_pct"].map(published.significant))
    return _first(getattr(store, name), rows).reset_index(drop=True)


def dataset_names() -> tuple[str, ...]:
    """The tables of the whole dataset of the edition served (an edition built before the changelog has none)."""
    return tuple(name for name in DATASET if name != "changes" or get_store().changes is not None)


@functools.lru_cache(maxsize=4 * len(DATASET))
def dataset_csv(version: str, name: str, gzipped: bool = False) -> bytes:
    """One table of the whole dataset of an edition as CSV, or gzip-compressed CSV (each built once per process: a
    few MB at most, a few hundred KB compressed)."""
    if gzipped:
        return gzip.compress(dataset_csv(version, name), compresslevel=6, mtime=0)
    with serving(version):
        frame = dataset_frame(name)
    return exports.to_csv(exports.Table(name, name, frame, ()), plain=True)


def dataset_package(urls: dict[str, str], lang: str) -> dict[str, Any]:
    """The Data Package of the whole processed dataset of the edition served: each table's CSV file (`urls[name]`,
    pinned to the edition), its schema with types, units, descriptions and keys, every source and licence."""
    store = get_store()
    ids = edition_source_ids()
    resources = []
    for name in dataset_names():
        file = DATASET[name]
        described = [
            {**field, **({"description": DESCRIPTIONS[field["name"]]} if field["name"] in DESCRIPTIONS else {})}
            for field in fields(dataset_frame(name, rows=50), FIELD_UNITS)
        ]
        schema: dict[str, Any] = {"fields": described, "missingValues": [""], "primaryKey": list(s.KEYS[file])}
        if name in FOREIGN_KEYS:
            schema["foreignKeys"] = FOREIGN_KEYS[name]
        resources.append(
            {
                "name": name,
                "path": urls[name],
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    return {
        "name": "lac-migration-and-development",
        "title": "Migration and development in Latin America and the Caribbean: the processed dataset",
        "homepage": urls["home"],
        "edition": {**edition(), "label": str((store.meta.get("edition") or {}).get("label", {}).get(lang, ""))},
        "licenses": licenses(ids, lang),
        "sources": sources(ids, lang),
        "resources": resources,
    }
