"""The flow map of a corridor view: the subject's shapes highlighted on plain land, a line to each partner as wide
as its corridor, partners as circles sized by persons, and the subject as a diamond."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from core.figures import geo, style
from core.figures.style import Figure

ARC_POINTS = 24  # intermediate points of a flow line
ARC_BULGE = 0.12  # how far a flow line bows out, as a share of its length in degrees
HOVER = "<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>"


@dataclass(frozen=True)
class Place:
    """A point on the map: lon, lat, its name, hover text and code; `persons` sizes circles and lines."""

    lon: float
    lat: float
    name: str
    hover: str
    code: str
    persons: float = 0.0


@dataclass(frozen=True)
class FlowMap:
    geojson_url: str
    land: Sequence[str]  # every shape id
    shapes: Sequence[tuple[str, str]]  # (code, name) of the subject's shapes, highlighted
    partners: Sequence[Place]
    start: Place | None  # the subject's own point (a country); None for a group: no lines
    inbound: bool  # lines run from the partners (their origins) to the subject
    lon_range: tuple[float, float]
    lat_range: tuple[float, float]
    height: int
    empty_message: str = ""


def arc(head: tuple[float, float], tail: tuple[float, float]) -> tuple[list[float], list[float]]:
    """A flow line from `head` to `tail` (lon, lat) through ARC_POINTS points. Longitude and latitude move evenly
    from one end to the other, so the line never crosses the antimeridian (plotly's great circles do, and leave
    the frame to come back on the other side) nor runs over a pole; it bows out to its northern side by ARC_BULGE
    of its length in degrees."""
    (lon0, lat0), (lon1, lat1) = head, tail
    dlon, dlat = lon1 - lon0, lat1 - lat0
    length = math.hypot(dlon, dlat)
    if length == 0:
        return [lon0, lon1], [lat0, lat1]
    side_lon, side_lat = -dlat / length, dlon / length
    if side_lat < 0 or (side_lat == 0 and side_lon < 0):
        side_lon, side_lat = -side_lon, -side_lat
    lons, lats = [lon0], [lat0]
    steps = ARC_POINTS + 1
    for k in range(1, steps):
        share = k / steps
        bow = ARC_BULGE * length * math.sin(math.pi * share)
        lons.append(round(lon0 + share * dlon + bow * side_lon, 3))
        lats.append(round(lat0 + share * dlat + bow * side_lat, 3))
    return [*lons, lon1], [*lats, lat1]


def arcs(data: FlowMap) -> list[tuple[Place, list[float], list[float]]]:
    """Each partner's flow line (none for a group: its emigrants leave from several places)."""
    if data.start is None:
        return []
    out = []
    for partner in data.partners:
        ends = ((partner.lon, partner.lat), (data.start.lon, data.start.lat))
        head, tail = ends if data.inbound else ends[::-1]
        out.append((partner, *arc(head, tail)))
    return out


def _clip(values: list[float], bounds: tuple[float, float]) -> list[float]:
    return [min(max(v, bounds[0]), bounds[1]) for v in values]


def flow_map_figure(data: FlowMap, separators: str) -> Figure:
    top = max((p.persons for p in data.partners), default=1.0) or 1.0
    highlight = {
        "type": "choropleth",
        "geojson": data.geojson_url,
        "featureidkey": "id",
        "locationmode": "geojson-id",
        "locations": [code for code, _ in data.shapes],
        "z": [1] * len(data.shapes),
        "colorscale": [[0, style.HIGHLIGHT], [1, style.HIGHLIGHT]],
        "showscale": False,
        "marker": {"line": {"color": style.BORDER, "width": 0.6}, "opacity": 0.75},
        "customdata": [[name, code] for code, name in data.shapes],
        "hovertemplate": "<b>%{customdata[0]}</b><extra></extra>",
        "name": "",
    }
    traces: list[dict[str, Any]] = [geo.land(data.geojson_url, data.land), highlight]
    for partner, lons, lats in arcs(data):
        traces.append(
            {
                "type": "scattergeo",
                "mode": "lines",
                "lon": _clip(lons, data.lon_range),
                "lat": _clip(lats, data.lat_range),
                "opacity": 0.55,
                "hoverinfo": "skip",
                "showlegend": False,
                "line": {"color": style.BAR, "width": round(1 + 7 * math.sqrt(partner.persons / top), 2)},
                "name": "",
            }
        )
    if data.partners:
        traces.append(
            {
                "type": "scattergeo",
                "mode": "markers",
                "lon": [p.lon for p in data.partners],
                "lat": [p.lat for p in data.partners],
                "showlegend": False,
                "name": "",
                "hovertemplate": HOVER,
                "marker": {
                    "size": [round(6 + 22 * math.sqrt(p.persons / top), 2) for p in data.partners],
                    "color": style.BAR,
                    "opacity": 0.85,
                    "line": {"color": "white", "width": 1},
                },
                "customdata": [[p.name, p.hover, p.code] for p in data.partners],
            }
        )
    if data.start is not None:
        start = data.start
        traces.append(
            {
                "type": "scattergeo",
                "mode": "markers",
                "lon": [start.lon],
                "lat": [start.lat],
                "showlegend": False,
                "marker": {
                    "size": 12,
                    "symbol": "diamond",
                    "color": style.HIGHLIGHT,
                    "line": {"color": style.SELECTED_LINE, "width": 1.5},
                },
                "customdata": [[start.name, start.hover, start.code]],
                "hovertemplate": HOVER,
                "name": "",
            }
        )
    layout = style.base_layout(
        geo=geo.geo_layout(data.lon_range, data.lat_range),
        height=data.height,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        dragmode=False,
        clickmode="event",
        showlegend=False,
        separators=separators,
        annotations=[style.message(data.empty_message)] if data.empty_message else [],
    )
    return {"data": traces, "layout": layout}
