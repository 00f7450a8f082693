"""The dashboard's map: colour classes fixed across the years of a view, each member's value near the year shown
(nearest year within the indicator's tolerance, marked), the map of every year for the browser to play, and the
map as a Chart (its table is what the table view shows)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import pandas as pd
from plotly.io.json import to_json_plotly

from core.charts import explain, sentences, stills, texts
from core.charts.dashboard import common
from core.charts.model import Chart, Facts
from core.data import cache, geometry, queries
from core.data.cache import per_version
from core.data.store import get_store
from core.figures import bins, choropleth, geo
from core.figures.style import Figure
from core.figures.svg import map as svg_map
from core.i18n.catalog import t
from core.i18n.formats import fmt_short, fmt_value
from core.state.options import options
from core.state.urlstate import ViewState

WORLD_MEMBERS = 150  # a focus of more members than this is the world: the map shows all of it


@dataclass(frozen=True)
class Classes:
    breaks: tuple[float, ...]
    colors: tuple[str, ...]
    labels: tuple[str, ...]


@per_version(maxsize=1024)
def classes(indicator: str, focus: str, scale: str, lang: str) -> Classes:
    """Colour classes fixed across all years of an indicator in a focus, so an animation compares like with like."""
    meta = queries.indicator_meta(indicator)
    rows = queries.series(indicator)
    values = rows.loc[rows["iso3"].isin(queries.group_members(focus)), "value"].tolist()
    breaks = bins.log_breaks(values) if scale == "log" else bins.linear_breaks(values)
    target = meta.get("target")
    if target is not None and values and min(values) < target < max(values):
        breaks = sorted({*breaks, float(target)})  # the policy target is a class edge (SDG 10.c: 3 %)
    colors = bins.palette(len(breaks) + 1, higher_is_worse=meta.get("higher_is") == "worse")
    labels = [t("map.no_data", lang)]
    if breaks:
        labels.append(t("map.class_below", lang, value=fmt_short(breaks[0], lang)))
        labels += [
            t("map.class_between", lang, low=fmt_short(a, lang), high=fmt_short(b, lang))
            for a, b in itertools.pairwise(breaks)
        ]
        labels.append(t("map.class_above", lang, value=fmt_short(breaks[-1], lang)))
    else:
        labels.append(t("map.class_all", lang))
    return Classes(tuple(breaks), tuple(colors), tuple(labels))


def ranked_records(state: ViewState, year: int) -> list[dict[str, Any]]:
    """Focus members with a value near `year`, highest first: iso3, value, year, computed, carried, anomaly, name,
    rank."""
    meta = queries.indicator_meta(state.indicator)
    members = queries.group_members(state.focus)
    rows = queries.nearest_values(state.indicator, year, members, int(meta["nearest_year_tolerance"]))
    rows.sort(key=lambda r: (-r["value"], r["iso3"]))
    rank = 0
    for position, row in enumerate(rows, start=1):
        if position == 1 or row["value"] != rows[position - 2]["value"]:
            rank = position  # ties share the better rank
        row["rank"] = rank
        row["name"] = queries.country_name(row["iso3"], state.lang)
    return rows


def ranked_facts(state: ViewState, year: int, kind: str, title: str) -> Facts:
    """The facts of the map or the ranking of `year`: the highest and lowest, where the selected countries rank, the
    group's own figure (a sum or a ratio of sums, where one is honest) and, for costs, how many are below SDG 10.c."""
    lang = state.lang
    rows = [
        sentences.Ranked(r["iso3"], r["name"], r["value"], r["year"], r["rank"]) for r in ranked_records(state, year)
    ]
    members = queries.group_members(state.focus)
    aggregate = queries.aggregate_at(state.indicator, members, year)
    group = sentences.Group(
        texts.group_name(state.focus, lang),
        members,
        None if aggregate is None else float(aggregate.value),
        0 if aggregate is None else aggregate.reporting,
    )
    selected = [(code, queries.country_name(code, lang)) for code in state.countries]
    target = queries.indicator_meta(state.indicator).get("target")
    unit = texts.unit(state.indicator)
    return explain.ranking(
        kind,
        title,
        rows,
        unit,
        group,
        year,
        lang,
        selected,
        None if target is None else float(target),
        missing=len(members) - len(rows) if kind == "map" else 0,
    )


def ranked_values(state: ViewState, year: int) -> pd.DataFrame:
    columns = ["iso3", "value", "year", "computed", "anomaly", "rank", "name"]
    return pd.DataFrame(ranked_records(state, year), columns=columns)


def _hover(row: dict[str, Any] | None, year: int, total: int, indicator: str, focus: str, lang: str) -> str:
    if row is None:
        return t("map.hover_no_data", lang, year=texts.year_label(indicator, year))
    value = fmt_value(row["value"], texts.unit(indicator), lang, compact=False)
    text = t("map.hover_value", lang, value=value, year=texts.year_label(indicator, row["year"]))
    if row["year"] != year:
        text += "<br>" + t("map.hover_nearest", lang, year=row["year"], asked=year)
    if row.get("anomaly"):
        text += "<br>" + t("value.as_published", lang)
    return text + "<br>" + t("map.hover_rank", lang, rank=row["rank"], total=total, focus=focus)


def map_members(state: ViewState, year: int, scale: str) -> pd.DataFrame:
    """One row per focus member with its colour class and hover text for `year`, its area and label point."""
    members = queries.group_members(state.focus)
    ranked = {r["iso3"]: r for r in ranked_records(state, year)}
    cls = classes(state.indicator, state.focus, scale, state.lang)
    focus = texts.group_name(state.focus, state.lang)
    places, areas = geometry.places(), geometry.areas()
    rows = []
    for code in members:
        row = ranked.get(code)
        place = places.get(code)
        rows.append(
            {
                "iso3": code,
                "name": queries.country_name(code, state.lang),
                "z": 0 if row is None else bins.classify(float(row["value"]), cls.breaks),
                "hover": _hover(row, year, len(ranked), state.indicator, focus, state.lang),
                "area_km2": areas.get(code),
                "label_lon": None if place is None else place[0],
                "label_lat": None if place is None else place[1],
            }
        )
    return pd.DataFrame(rows, columns=["iso3", "name", "z", "hover", "area_km2", "label_lon", "label_lat"])


def fit(members: tuple[str, ...]) -> tuple[tuple[float, float], tuple[float, float]]:
    """Lon and lat ranges around a focus, with a margin; the world when the focus is (nearly) everything."""
    if len(members) > WORLD_MEMBERS:
        return geo.WORLD_LON, geo.WORLD_LAT
    bounds = geometry.bounds()
    boxes = [bounds[code] for code in members if code in bounds]
    return geo.fit(boxes, limits=((-360.0, 360.0), (-89.0, 89.0))) if boxes else (geo.WORLD_LON, geo.WORLD_LAT)


def map_data(state: ViewState, year: int) -> choropleth.MapData:
    scale = state.resolved_scale(options())
    members = map_members(state, year, scale)
    cls = classes(state.indicator, state.focus, scale, state.lang)
    small = members[
        members["area_km2"].fillna(0).lt(choropleth.SMALL_STATE_KM2) & members["label_lon"].notna()
    ].reset_index(drop=True)
    lon_range, lat_range = fit(tuple(members["iso3"]))
    wide = lon_range[1] - lon_range[0] > 25
    with_data = choropleth.LESSER_ANTILLES & set(members["iso3"]) & set(queries.series(state.indicator)["iso3"])
    inset = wide and bool(with_data)  # no inset of grey islands where the source covers none of them
    log_note = " " + t("map.log_note", state.lang) if scale == "log" else ""
    return choropleth.MapData(
        geojson_url=geometry.url(),
        background=tuple(sorted(geometry.bounds())),
        members=members[["iso3", "name", "z", "hover"]],
        markers=small,
        selected=state.countries,
        colors=cls.colors,
        class_labels=cls.labels,
        lon_range=lon_range,
        lat_range=lat_range,
        inset_title=t("map.inset", state.lang) if inset else "",
        legend_title=texts.label(state.indicator, state.lang, "short_label") + log_note,
        year=texts.year_label(state.indicator, year),
    )


def map_figure(state: ViewState, year: int) -> Figure:
    return choropleth.map_figure(map_data(state, year))


def map_still(state: ViewState, year: int, width: int, height: int) -> str:
    """The map as a static SVG (the same classes, shapes, dots and inset as the interactive one)."""
    data = svg_map.choropleth_data(map_data(state, year), stills.shapes(), year_label=str(year))
    return svg_map.choropleth(data, width, height, map_title(state), uid="still-map")


def map_frames(state: ViewState) -> dict[str, list[dict[str, Any]]]:
    """The year-dependent map traces for every year of the indicator, for the browser to play without the server."""
    return {str(y): choropleth.map_year_traces(map_data(state, y)) for y in options().years[state.indicator]}


def map_json(state: ViewState) -> str:
    """The whole map of a view (every year) as the JSON the browser fetches, cached: the same view asked again costs
    nothing to rebuild. The selection is left out (the browser outlines selected countries), so selecting countries
    reuses it."""
    parts = (state.indicator, state.focus, state.resolved_scale(options()), state.lang)
    return cache.cached("map", get_store().version, parts, lambda: to_json_plotly(_map_payload(*parts)))


def _map_payload(indicator: str, focus: str, scale: str, lang: str) -> dict[str, Any]:
    state = ViewState(indicator=indicator, focus=focus, scale=scale, lang=lang)
    return {
        "base": map_figure(state, state.resolved_year(options())),
        "frames": map_frames(state),
        "years": list(options().years[indicator]),
        "year_labels": {str(y): texts.year_label(indicator, y) for y in options().years[indicator]},
        "labels": {k: t(f"play.{k}", lang) for k in ("play", "pause", "play_label", "pause_label")},
    }


def table_rows(state: ViewState) -> pd.DataFrame:
    """What the map shows, as a table: rank, country, value (marked where it is an outlier kept as published), year
    of the value (as the source names it: "2015/16")."""
    year = state.resolved_year(options())
    unit = texts.unit(state.indicator)
    rows = ranked_records(state, year)
    published = t("value.as_published", state.lang)
    return pd.DataFrame(
        {
            "rank": [r["rank"] for r in rows],
            "iso3": [r["iso3"] for r in rows],
            "name": [r["name"] for r in rows],
            "value": [r["value"] for r in rows],
            "display": [
                fmt_value(r["value"], unit, state.lang, compact=False) + (f" ({published})" if r["anomaly"] else "")
                for r in rows
            ],
            "year": [texts.year_label(state.indicator, r["year"]) for r in rows],
        },
        columns=["rank", "iso3", "name", "value", "display", "year"],
    )


def map_title(state: ViewState) -> str:
    year = texts.titled_year(state.indicator, state.resolved_year(options()), state.lang)
    key = "map.title" if year else "map.title_no_year"
    return t(
        key,
        state.lang,
        indicator=texts.label(state.indicator, state.lang),
        focus=texts.group_name(state.focus, state.lang),
        year=year,
    )


def anomaly_note(state: ViewState) -> str:
    """The focus members' values kept as published although far out of line with their neighbouring years
    ("Uruguay 2001"), with what that means; "" when there are none."""
    rows = queries.series(state.indicator)
    members = set(queries.group_members(state.focus))
    flagged = rows[rows["anomaly"] & rows["iso3"].isin(members)].sort_values(["iso3", "year"])
    if flagged.empty:
        return ""
    names = ", ".join(
        f"{queries.country_name(c, state.lang)} {texts.year_label(state.indicator, y)}"
        for c, y in zip(flagged["iso3"], flagged["year"], strict=True)
    )
    return t("value.anomaly_note", state.lang, names=names, note=texts.note("anomaly", state.lang))


def map_note(state: ViewState) -> str:
    """How sparse years are handled, said plainly under the map, and any value kept as published."""
    meta = queries.indicator_meta(state.indicator)
    tolerance = int(meta["nearest_year_tolerance"])
    years = meta["years"]
    first, last = texts.year_label(state.indicator, years[0]), texts.year_label(state.indicator, years[-1])
    if len(years) == 1:
        note = t("map.note_one_year", state.lang, year=first)
    else:
        note = t("map.note_years", state.lang, first=first, last=last, count=len(years))
    if tolerance:
        note += " " + t("map.note_nearest", state.lang, tolerance=tolerance)
    anomalies = anomaly_note(state)
    return note + (" " + anomalies if anomalies else "")


def map_chart(state: ViewState) -> Chart:
    """The map of the year shown, with the table of its values."""
    year = state.resolved_year(options())
    title = map_title(state)
    return Chart(
        id="map",
        title=title,
        subtitle=common.subtitle(state, texts.year_label(state.indicator, year)),
        draw=lambda: map_figure(state, year),
        rows=lambda: common.values_table(state, ranked_values(state, year), year),
        sources=texts.indicator_sources(state.indicator, state.lang),
        notes=(map_note(state),),
        about=common.about(state.indicator, state.lang),
        height=560,
        kind="map",
        still=lambda width, height: map_still(state, year, width, height),
        explain=lambda: ranked_facts(state, year, "map", title),
        source_ids=common.source_ids(state.indicator),
    )
