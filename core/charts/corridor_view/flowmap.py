"""The flow map: where a subject's emigrants live (or where its immigrants were born), a line to each of its
largest partners as wide as the corridor."""

from __future__ import annotations

from dataclasses import replace

from core.charts import explain
from core.charts.corridor_view import common as c
from core.charts.model import Chart, ready
from core.data import flows, geometry, queries
from core.figures import flowmap, geo
from core.i18n.catalog import t
from core.i18n.formats import separators

MAP_WIDTH = 800  # the map's height is that of a map this wide (a laptop panel), between its limits
MAP_HEIGHTS = (300, 480)
MIN_WORLD_LAT = 100.0  # degrees of latitude a world-wide map shows at least


def flow_map_chart(subject: str, direction: str, year: int, lang: str) -> Chart:
    places, bounds = geometry.places(), geometry.bounds()
    all_rows = flows.partners(subject, direction, year)
    rows = c.ranked(all_rows).head(c.TOP_PARTNERS)
    group = flows.is_group(subject)
    name = c.subject_name(subject, lang)
    shaped = [m for m in flows.members(subject) if m in bounds]
    drawn = rows[rows["partner"].isin(places.keys())].reset_index(drop=True)
    unplaced = [c.partner_name(code, lang) for code in rows["partner"] if code not in places]
    partners = [
        flowmap.Place(*places[code], c.partner_name(code, lang), c.partner_hover(row, direction, lang), code, persons)
        for code, persons, row in zip(
            drawn["partner"].astype(str), drawn["persons"].astype(float), drawn.itertuples(index=False), strict=True
        )
    ]
    start = None
    if not group and subject in places:
        total = float(all_rows["persons"].sum())
        hover = c.title(
            lang,
            direction,
            "flows.hover_total_out",
            "flows.hover_total_in",
            persons=c.persons(total, lang, compact=False),
        )
        start = flowmap.Place(*places[subject], name, hover, subject)
    data = flowmap.FlowMap(
        geojson_url=geometry.url(),
        land=sorted(bounds),
        shapes=[(m, queries.country_name(m, lang)) for m in shaped],
        partners=partners,
        start=start,
        inbound=direction == "in",
        lon_range=(0.0, 0.0),
        lat_range=(0.0, 0.0),
        height=0,
        empty_message=c.empty_stock_text(subject, year, lang) if rows.empty else "",
    )
    points = [(p.lon, p.lat) for p in partners]
    points += [point for _, lons, lats in flowmap.arcs(data) for point in zip(lons, lats, strict=True)]
    lon_range, lat_range = geo.fit(
        [bounds[m] for m in shaped], points, pad=(0.08, 0.1), least=(5.0, 4.0), min_lat_span=MIN_WORLD_LAT
    )
    height = geo.map_height(lon_range, lat_range, MAP_WIDTH, MAP_HEIGHTS)
    data = replace(data, lon_range=lon_range, lat_range=lat_range, height=height)

    notes = [*c.group_notes(subject, lang)]
    if partners:
        largest = partners[0]
        key = "flows.note_map_size" if start is not None else "flows.note_map_size_circles"
        notes.append(t(key, lang, name=largest.name, persons=c.persons(largest.persons, lang, compact=False)))
    notes += c.unknown_count_note(all_rows, lang)
    if rows.empty:
        notes.append(data.empty_message)
    if unplaced:
        notes.append(t("flows.note_unplaced", lang, names=", ".join(unplaced)))
    if not group and start is None:
        notes.append(t("flows.note_no_place", lang, subject=name))
    if rows.empty:
        subtitle = t("flows.subtitle_empty", lang, year=year)
    elif group:
        subtitle = t("flows.map_subtitle_group", lang, count=len(rows), year=year)
    else:
        subtitle = c.title(
            lang, direction, "flows.map_subtitle_out", "flows.map_subtitle_in", count=len(rows), year=year
        )
    title = c.title(lang, direction, "flows.map_title_out", "flows.map_title_in", subject=name)
    return Chart(
        id="flow-map",
        title=title,
        subtitle=c.with_revision(subtitle, lang),
        draw=ready(flowmap.flow_map_figure(data, separators(lang))),
        rows=ready(c.partner_table(all_rows, drawn["partner"].tolist(), subject, direction, lang)),
        sources=c.sources(lang, c.SOURCE_STOCKS),
        notes=tuple(notes),
        height=height,
        kind="flow_map",
        explain=lambda: explain.partners(
            "flow_map",
            title,
            c.sentence_view(subject, direction, year, lang),
            lang,
            len(partners),
            ("total", "partners"),
        ),
        about=c.about(c.STOCKS_TABLE, lang),
        source_ids=(c.SOURCE_STOCKS,),
    )
