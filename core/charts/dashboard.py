"""View models: turn a ViewState into the prepared data each figure builder, table and headline needs."""

from __future__ import annotations

import functools
import gzip
import itertools
import json
import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from core.data import cache, queries
from core.data import schema as s
from core.data.store import get_store
from core.figures import bins
from core.figures import builders as figures
from core.i18n.catalog import LANGUAGES, t
from core.i18n.formats import fmt_short, fmt_value, separators
from core.state.urlstate import Options, ViewState, default_state

GEOMETRY_ROUTE = "/data/geometry.{version}.json"
RANKING_LIMIT = 60  # all of LAC (51) fits; a World ranking shows its top 60 and says so


@functools.lru_cache(maxsize=1)
def options() -> Options:
    """Valid state values, from the data itself."""
    store = get_store()
    meta = store.meta["indicators"]
    return Options(
        years={i: tuple(meta[i]["years"]) for i in store.meta["order"]},
        default_scales={i: "log" if meta[i]["color_scale"] == "sequential-log" else "linear" for i in meta},
        focuses=tuple(store.meta["group_order"]),
        countries=frozenset(store.countries["iso3"]),
        languages=LANGUAGES,
        corridor_years=tuple(sorted(int(y) for y in store.corridors["year"].unique())),
        # Every group but the one of all countries (the world: too wide to be compared with or to have corridors).
        groups=frozenset(g for g in store.meta["group_order"] if store.meta["groups"][g]["members"]["column"] != "all"),
    )


def geometry_url() -> str:
    return GEOMETRY_ROUTE.format(version=get_store().version)


def label(indicator: str, lang: str, field: str = "label") -> str:
    return str(queries.indicator_meta(indicator)[field][lang])


def focus_name(focus: str, lang: str) -> str:
    return str(get_store().meta["groups"][focus]["name"][lang])


@functools.lru_cache(maxsize=1)
def _bounds() -> dict[str, tuple[float, float, float, float]]:
    """Bounding box (lon0, lat0, lon1, lat1) of each shape, for fitting the map to a focus."""

    collection = json.loads(gzip.decompress(get_store().geometry_gzip))
    out: dict[str, tuple[float, float, float, float]] = {}
    for feature in collection["features"]:
        lons: list[float] = []
        lats: list[float] = []
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in polygons:
            for lon, lat in polygon[0]:
                lons.append(lon)
                lats.append(lat)
        out[feature["id"]] = (min(lons), min(lats), max(lons), max(lats))
    return out


def fit(members: tuple[str, ...]) -> tuple[tuple[float, float], tuple[float, float]]:
    """Lon and lat ranges around a focus, with a margin; the world when the focus is (nearly) everything."""
    boxes = [b for code, b in _bounds().items() if code in members]
    if not boxes or len(members) > 150:
        return (-180.0, 180.0), (-58.0, 85.0)
    lon0, lat0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    lon1, lat1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    pad_lon, pad_lat = max(2.0, (lon1 - lon0) * 0.04), max(2.0, (lat1 - lat0) * 0.04)
    return (lon0 - pad_lon, lon1 + pad_lon), (max(-89.0, lat0 - pad_lat), min(89.0, lat1 + pad_lat))


@dataclass(frozen=True)
class Classes:
    breaks: tuple[float, ...]
    colors: tuple[str, ...]
    labels: tuple[str, ...]


@functools.lru_cache(maxsize=1024)
def classes(indicator: str, focus: str, scale: str, lang: str, version: str) -> Classes:
    """Colour classes fixed across all years of an indicator in a focus, so an animation compares like with like."""
    meta = queries.indicator_meta(indicator)
    rows = queries.series(indicator)
    values = rows.loc[rows["iso3"].isin(queries.group_members(focus)), "value"].tolist()
    breaks = bins.log_breaks(values) if scale == "log" else bins.linear_breaks(values)
    target = meta.get("target")
    if target is not None and values and min(values) < target < max(values):
        breaks = sorted({*breaks, float(target)})  # the policy target is a class edge (SDG 10.c: 3 %)
    colors = bins.palette(len(breaks) + 1, higher_is_worse=meta.get("higher_is") == "worse")

    def fmt(value: float) -> str:
        return fmt_short(value, lang)

    labels = [t("map.no_data", lang)]
    if breaks:
        labels.append(t("map.class_below", lang, value=fmt(breaks[0])))
        labels += [t("map.class_between", lang, low=fmt(a), high=fmt(b)) for a, b in itertools.pairwise(breaks)]
        labels.append(t("map.class_above", lang, value=fmt(breaks[-1])))
    else:
        labels.append(t("map.class_all", lang))
    return Classes(tuple(breaks), tuple(colors), tuple(labels))


def ranked_records(state: ViewState, year: int) -> list[dict[str, Any]]:
    """Focus members with a value near `year`, highest first: iso3, value, year, computed, name, rank."""
    meta = queries.indicator_meta(state.indicator)
    members = queries.group_members(state.focus)
    rows = queries.nearest_values(state.indicator, year, members, int(meta["nearest_year_tolerance"]))
    rows.sort(key=lambda r: (-r["value"], r["iso3"]))
    # Only remittances_gdp mixes published and computed values (after 2021); say which is which there.
    flag = state.indicator == s.REMITTANCES_GDP
    rank = 0
    for position, row in enumerate(rows, start=1):
        if position == 1 or row["value"] != rows[position - 2]["value"]:
            rank = position  # ties share the better rank
        row["rank"] = rank
        row["name"] = queries.country_name(row["iso3"], state.lang)
        row["flag_computed"] = flag
    return rows


def ranked_values(state: ViewState, year: int) -> pd.DataFrame:
    columns = ["iso3", "value", "year", "computed", "rank", "name"]
    return pd.DataFrame(ranked_records(state, year), columns=columns)


def _hover(row: dict[str, Any] | None, year: int, total: int, unit: str, focus: str, lang: str) -> str:
    if row is None:
        return t("map.hover_no_data", lang, year=year)
    text = t("map.hover_value", lang, value=fmt_value(row["value"], unit, lang, compact=False), year=row["year"])
    if row["year"] != year:
        text += "<br>" + t("map.hover_nearest", lang, year=row["year"], asked=year)
    if row.get("computed") and row.get("flag_computed"):
        text += "<br>" + t("map.hover_computed", lang)
    return text + "<br>" + t("map.hover_rank", lang, rank=row["rank"], total=total, focus=focus)


def map_members(state: ViewState, year: int, scale: str) -> pd.DataFrame:
    """One row per focus member with its colour class and hover text for `year`."""
    meta = queries.indicator_meta(state.indicator)
    store = get_store()
    members = queries.group_members(state.focus)
    ranked = {r["iso3"]: r for r in ranked_records(state, year)}
    cls = classes(state.indicator, state.focus, scale, state.lang, store.version)
    focus = focus_name(state.focus, state.lang)
    rows = []
    for code in members:
        row = ranked.get(code)
        value = None if row is None else float(row["value"])
        rows.append(
            {
                "iso3": code,
                "name": queries.country_name(code, state.lang),
                "z": 0 if value is None else bins.classify(value, cls.breaks),
                "hover": _hover(row, year, len(ranked), meta["unit"], focus, state.lang),
            }
        )
    frame = pd.DataFrame(rows, columns=["iso3", "name", "z", "hover"])
    places = _places()
    for column in ("area_km2", "label_lon", "label_lat"):
        frame[column] = [places[column].get(code) for code in frame["iso3"]]
    return frame


@functools.lru_cache(maxsize=1)
def _places() -> dict[str, dict[str, float]]:
    countries = get_store().countries
    return {c: dict(zip(countries["iso3"], countries[c], strict=True)) for c in ("area_km2", "label_lon", "label_lat")}


def map_data(state: ViewState, year: int) -> figures.MapData:
    store = get_store()
    scale = state.resolved_scale(options())
    members = map_members(state, year, scale)
    cls = classes(state.indicator, state.focus, scale, state.lang, store.version)
    small = members[members["area_km2"].fillna(0).lt(figures.SMALL_STATE_KM2) & members["label_lon"].notna()]
    lon_range, lat_range = fit(tuple(members["iso3"]))
    wide = lon_range[1] - lon_range[0] > 25
    island_members = figures.LESSER_ANTILLES & set(members["iso3"])
    with_data = island_members & set(queries.series(state.indicator)["iso3"])
    inset = wide and bool(with_data)  # no inset of grey islands where the source covers none of them
    return figures.MapData(
        geojson_url=geometry_url(),
        background=tuple(sorted(_bounds())),
        members=members[["iso3", "name", "z", "hover"]],
        markers=small.reset_index(drop=True),
        selected=state.countries,
        colors=cls.colors,
        class_labels=cls.labels,
        lon_range=lon_range,
        lat_range=lat_range,
        inset_title=t("map.inset", state.lang) if inset else "",
        legend_title=label(state.indicator, state.lang, "short_label")
        + (" " + t("map.log_note", state.lang) if scale == "log" else ""),
    )


def map_frames(state: ViewState) -> dict[str, list[dict]]:
    """The year-dependent map traces for every year of the indicator, for the browser to play without the server."""
    years = options().years[state.indicator]
    return {str(y): figures.map_year_traces(map_data(state, y)) for y in years}


def map_payload(state: ViewState) -> dict[str, Any]:
    """The whole map of a view (every year), cached: the same view asked again costs nothing to rebuild.

    The selection is left out (the browser outlines selected countries), so selecting countries reuses it."""
    parts = (state.indicator, state.focus, state.resolved_scale(options()), state.lang)
    return cache.cached("map", get_store().version, parts, lambda: _map_payload(*parts))


def _map_payload(indicator: str, focus: str, scale: str, lang: str) -> dict[str, Any]:
    state = ViewState(indicator=indicator, focus=focus, scale=scale, lang=lang)
    return {
        "base": map_figure(state, state.resolved_year(options())),
        "frames": map_frames(state),
        "years": list(options().years[indicator]),
        "labels": {k: t(f"play.{k}", lang) for k in ("play", "pause", "play_label", "pause_label")},
    }


def trend_lines(state: ViewState) -> list[figures.Line]:
    meta = queries.indicator_meta(state.indicator)
    unit = meta["unit"]
    rows = queries.series(state.indicator)
    lines: list[figures.Line] = []
    members = queries.group_members(state.focus)
    aggregate = queries.aggregate_series(state.indicator, members)
    if aggregate:
        focus = focus_name(state.focus, state.lang)
        lines.append(
            figures.Line(
                name=focus,
                years=[a.year for a in aggregate],
                values=[a.value for a in aggregate],
                hover=[
                    t("trend.hover_year", state.lang, year=a.year, value=fmt_value(a.value, unit, state.lang))
                    + "<br>"
                    + t("trend.reporting", state.lang, count=a.reporting, total=a.members)
                    for a in aggregate
                ],
                color=figures.AGGREGATE_COLOR,
                dash="dash",
            )
        )
    for number, code in enumerate(state.countries):
        own = rows[rows["iso3"] == code].sort_values("year")
        hover = [
            t("trend.hover_year", state.lang, year=y, value=fmt_value(v, unit, state.lang, compact=False))
            + (f" ({t('trend.computed', state.lang)})" if c else "")
            for y, v, c in zip(own["year"], own["value"], own["computed"], strict=False)
        ]
        lines.append(
            figures.Line(
                name=queries.country_name(code, state.lang),
                years=own["year"].tolist(),
                values=own["value"].tolist(),
                hover=hover,
                color=figures.QUALITATIVE[number % len(figures.QUALITATIVE)],
            )
        )
    return lines


def value_ticks(values: list[float], log: bool, unit: str, lang: str) -> dict[str, Any]:
    """Axis ticks for counts and money in the language's own words (plotly's 'B' reads as a trillion in Spanish):
    powers of ten on a log axis; on a linear one plotly picks the ticks and the separators localise them."""
    positive = [v for v in values if v and v > 0 and math.isfinite(v)]
    if unit == "percent" or not log or not positive:
        return {}
    low, high = math.floor(math.log10(min(positive))), math.ceil(math.log10(max(positive)))
    ticks = [10.0**e for e in range(low, high + 1)]
    return {"tickvals": ticks, "ticktext": [fmt_short(v, lang) for v in ticks]}


def trend_figure(state: ViewState) -> figures.Figure:
    log = state.resolved_scale(options()) == "log"
    lines = trend_lines(state)
    unit = queries.indicator_meta(state.indicator)["unit"]
    return figures.trend_figure(
        lines,
        log=log,
        y_title=label(state.indicator, state.lang, "short_label"),
        empty_hint=t("trend.empty", state.lang),
        year=state.resolved_year(options()),
        ticks=value_ticks([v for line in lines for v in line.values], log, unit, state.lang),
        separators=separators(state.lang),
        target=target_line(state),
    )


def target_line(state: ViewState) -> tuple[float, str] | None:
    """The indicator's policy target and its label (SDG 10.c: a 3 % cost of sending remittances), if any."""
    meta = queries.indicator_meta(state.indicator)
    target = meta.get("target")
    if target is None:
        return None
    return float(target), t("ranking.target", state.lang, value=fmt_value(float(target), meta["unit"], state.lang))


def _dot_label(value: float, unit: str, lang: str) -> str:
    """The value beside a ranking dot. Money is abridged (US$ 4.1bn, 4,1 Md $ US), as on the corridor charts: in
    words it runs to "4,1 milliards de dollars des États-Unis", wider than the plot; the tooltip says it in full."""
    if unit == "usd":
        return t("format.usd_short", lang, value=fmt_short(value, lang))
    return fmt_value(value, unit, lang)


def ranking(state: ViewState) -> figures.Ranking:
    year = state.resolved_year(options())
    meta = queries.indicator_meta(state.indicator)
    rows = ranked_values(state, year)
    keep = rows.head(RANKING_LIMIT)
    extra = rows[rows["iso3"].isin(state.countries) & ~rows.index.isin(keep.index)]
    rows = pd.concat([keep, extra])
    agg = queries.aggregate_at(state.indicator, queries.group_members(state.focus), year)
    unit = meta["unit"]
    reference = agg.value if agg is not None and unit == "percent" else None
    target, target_label = target_line(state) or (None, "")
    return figures.Ranking(
        target=target,
        target_label=target_label,
        names=[f"{n}{' *' if y != year else ''}" for n, y in zip(rows["name"], rows["year"], strict=True)],
        codes=rows["iso3"].tolist(),
        values=rows["value"].tolist(),
        labels=[_dot_label(v, unit, state.lang) for v in rows["value"]],
        hovers=[fmt_value(v, unit, state.lang) for v in rows["value"]],
        highlighted=[c in state.countries for c in rows["iso3"]],
        reference=reference,
        reference_label=(
            t("ranking.reference", state.lang, focus=focus_name(state.focus, state.lang),
              value=fmt_value(reference, unit, state.lang)) if reference is not None else ""
        ),
    )  # fmt: skip


def ranking_figure(state: ViewState) -> figures.Figure:
    log = state.resolved_scale(options()) == "log"
    data = ranking(state)
    unit = queries.indicator_meta(state.indicator)["unit"]
    return figures.ranking_figure(
        data,
        log=log,
        x_title=label(state.indicator, state.lang, "short_label"),
        ticks=value_ticks(list(data.values), log, unit, state.lang),
        separators=separators(state.lang),
    )


@dataclass(frozen=True)
class Headline:
    label: str
    value: str
    note: str


def _nearest_year(years: list[int], year: int) -> int | None:
    return min(years, key=lambda y: (abs(y - year), y > year)) if years else None


def headlines(state: ViewState) -> list[Headline]:
    """The focus in four figures: emigrants (total and share of population), remittances (US$ and % of GDP)."""
    year = state.resolved_year(options())
    members = queries.group_members(state.focus)
    out = []
    for indicator in (s.EMIGRANT_STOCK, s.EMIGRANT_SHARE, s.REMITTANCES_USD, s.REMITTANCES_GDP):
        series = queries.aggregate_series(indicator, members)
        near = _nearest_year([a.year for a in series], year)
        agg = next((a for a in series if a.year == near), None)
        unit = queries.indicator_meta(indicator)["unit"]
        if agg is None or (isinstance(agg.value, float) and math.isnan(agg.value)):
            out.append(Headline(label(indicator, state.lang, "short_label"), t("format.missing", state.lang), ""))
            continue
        out.append(
            Headline(
                label=label(indicator, state.lang, "short_label"),
                value=fmt_value(agg.value, unit, state.lang),
                note=t("headline.note", state.lang, year=agg.year, count=agg.reporting, total=agg.members),
            )
        )
    return out


def table_rows(state: ViewState) -> pd.DataFrame:
    """What the map shows, as a table: rank, country, value, year of the value."""
    year = state.resolved_year(options())
    unit = queries.indicator_meta(state.indicator)["unit"]
    rows = ranked_values(state, year)
    return pd.DataFrame(
        {
            "rank": rows["rank"],
            "iso3": rows["iso3"],
            "name": rows["name"],
            "value": rows["value"],
            "display": [
                fmt_value(v, unit, state.lang, compact=False)
                + (" †" if c and state.indicator == s.REMITTANCES_GDP else "")
                for v, c in zip(rows["value"], rows["computed"], strict=True)
            ],
            "year": rows["year"],
        }
    )


def map_figure(state: ViewState, year: int) -> figures.Figure:
    return figures.map_figure(map_data(state, year))


def map_title(state: ViewState) -> str:
    return t(
        "map.title", state.lang, indicator=label(state.indicator, state.lang),
        focus=focus_name(state.focus, state.lang), year=state.resolved_year(options()),
    )  # fmt: skip


def trend_title(state: ViewState) -> str:
    return t("trend.title", state.lang, indicator=label(state.indicator, state.lang))


def ranking_title(state: ViewState) -> str:
    year = state.resolved_year(options())
    title = t("ranking.title", state.lang, focus=focus_name(state.focus, state.lang), year=year)
    total = len(ranked_records(state, year))
    if total > RANKING_LIMIT:
        title += " (" + t("ranking.top", state.lang, shown=RANKING_LIMIT, total=total) + ")"
    return title


def map_note(state: ViewState) -> str:
    """How sparse years are handled, said plainly under the map."""
    meta = queries.indicator_meta(state.indicator)
    tolerance = int(meta["nearest_year_tolerance"])
    years = meta["years"]
    note = t("map.note_years", state.lang, first=years[0], last=years[-1], count=len(years))
    if tolerance:
        note += " " + t("map.note_nearest", state.lang, tolerance=tolerance)
    if state.indicator == s.REMITTANCES_GDP:
        note += " " + t("table.computed_mark", state.lang) + "."
    return note


def warm() -> None:
    """Build the default view once at start-up (before gunicorn forks), so the first visitor waits for nothing."""
    state = default_state(options())
    map_payload(state)
    trend_figure(state)
    ranking_figure(state)
    headlines(state)
