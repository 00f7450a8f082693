"""The choropleth of the dashboard: the focus on plain land in binned colours with a "No data" class, small states as
clickable dots, an optional Eastern Caribbean inset. The year-dependent parts come apart (map_year_traces) so the
browser can swap years and play the animation without the server."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from core.figures import bins, geo, style
from core.figures.style import Figure

# The Lesser Antilles: drawn again in an inset when the map shows a wider area.
INSET_LON = (-63.7, -59.2)
INSET_LAT = (11.6, 18.7)
LESSER_ANTILLES = frozenset(
    {"AIA", "ATG", "BLM", "BRB", "DMA", "GLP", "GRD", "KNA", "LCA", "MAF", "MSR", "MTQ", "SXM", "VCT", "VGB", "VIR"}
)
SMALL_STATE_KM2 = 12_000  # below this a state is a few pixels at LAC scale: it gets a clickable marker


@dataclass(frozen=True)
class MapData:
    """Everything the map draws for one year: focus rows with values and their hover text."""

    geojson_url: str
    background: tuple[str, ...]  # every shape id, drawn as plain land
    members: pd.DataFrame  # iso3, name, z (class, 0 = no data), hover; one row per focus member
    markers: pd.DataFrame  # same columns plus label_lon, label_lat: small members drawn as dots
    selected: tuple[str, ...]
    colors: tuple[str, ...]
    class_labels: tuple[str, ...]  # "No data" first, then one per colour
    lon_range: tuple[float, float]
    lat_range: tuple[float, float]
    legend_title: str
    inset_title: str = ""  # set: an Eastern Caribbean inset, where island states are a few pixels apart
    year: int | str | None = None  # set: the year (or its label, "2015/16"), large in the map's corner (the browser
    # rewrites it as the years play)


def year_label(year: int | str) -> dict[str, Any]:
    """The year shown, large and faint in the map's top right corner (named: the browser finds it to rewrite)."""
    return {
        "name": "year",
        "text": str(year),
        "xref": "paper",
        "yref": "paper",
        "x": 0.99,
        "y": 0.99,
        "xanchor": "right",
        "yanchor": "top",
        "showarrow": False,
        "font": {"size": 30, "color": style.YEAR_MARK},
    }


def map_year_traces(data: MapData) -> list[dict]:
    """The year-dependent parts of traces 1 (focus shapes) and 2 (small-state markers), as plain dicts.

    The browser swaps these in when the year changes or the animation plays, with no server round-trip.
    """
    members, markers = data.members, data.markers
    chosen = members["iso3"].isin(data.selected)
    marker_chosen = markers["iso3"].isin(data.selected)
    palette = [bins.NO_DATA_COLOR, *data.colors]
    return [
        {
            "locations": members["iso3"].tolist(),
            "z": members["z"].tolist(),
            "customdata": members[["name", "hover", "iso3"]].to_numpy().tolist(),
            "marker.line.width": [2.2 if c else 0.6 for c in chosen],
            "marker.line.color": [style.SELECTED_LINE if c else style.BORDER for c in chosen],
        },
        {
            "lon": markers["label_lon"].tolist(),
            "lat": markers["label_lat"].tolist(),
            "customdata": markers[["name", "hover", "iso3"]].to_numpy().tolist(),
            "marker.color": [palette[z] for z in markers["z"]],
            "marker.line.width": [2.2 if c else 1 for c in marker_chosen],
            "marker.line.color": [style.SELECTED_LINE if c else "#ffffff" for c in marker_chosen],
        },
    ]


def _apply(trace: dict, update: dict) -> dict:
    out = dict(trace)
    for dotted, value in update.items():
        node = out
        *parents, leaf = dotted.split(".")
        for key in parents:
            node[key] = dict(node.get(key, {}))
            node = node[key]
        node[leaf] = value
    return out


def map_figure(data: MapData) -> Figure:
    """Choropleth of the focus on plain land, binned colours with a 'No data' class, small states as dots."""
    n = len(data.colors)
    hover = "<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>"
    background = geo.land(data.geojson_url, data.background)
    year_traces = map_year_traces(data)
    shapes = _apply(
        {
            "type": "choropleth",
            "geojson": data.geojson_url,
            "featureidkey": "id",
            "locationmode": "geojson-id",
            "zmin": -0.5,
            "zmax": n + 0.5,
            "colorscale": bins.discrete_colorscale(data.colors),
            "hovertemplate": hover,
            "colorbar": {
                "title": {"text": data.legend_title, "side": "top", "font": {"size": 12}},
                "orientation": "h",
                "tickvals": list(range(n + 1)),
                "ticktext": list(data.class_labels),
                "ticks": "",
                "thickness": 12,
                "len": 0.98,
                "x": 0.5,
                "xanchor": "center",
                "y": -0.01,
                "yanchor": "top",
                "outlinewidth": 0,
                "tickfont": {"size": 11},
            },
            "name": "",
            "meta": "shapes",
        },
        year_traces[0],
    )
    dots = _apply(
        {
            "type": "scattergeo",
            "mode": "markers",
            "marker": {"size": 8, "symbol": "circle"},
            "hovertemplate": hover,
            "showlegend": False,
            "name": "",
            "meta": "dots",
        },
        year_traces[1],
    )
    traces = [background, shapes, dots]
    extra_layout: dict[str, Any] = {}
    if data.inset_title:
        # The same shapes again on a second, zoomed map: the browser fills both from one year frame (by "meta").
        traces.append({**shapes, "geo": "geo2", "showscale": False, "colorbar": None})
        extra_layout = {
            "geo2": {
                **geo.geo_layout(INSET_LON, INSET_LAT),
                "domain": {"x": [0.0, 0.27], "y": [0.03, 0.45]},
                "projection": {"type": "mercator"},
                "showocean": False,
                "showframe": True,
                "framecolor": "#9aa5b1",
                "framewidth": 1,
                "bgcolor": "#ffffff",
            },
            "annotations": [
                {
                    "text": data.inset_title,
                    "xref": "paper",
                    "yref": "paper",
                    "x": 0.005,
                    "y": 0.45,
                    "xanchor": "left",
                    "yanchor": "bottom",
                    "showarrow": False,
                    "font": {"size": 11, "color": style.MUTED},
                }
            ],
        }
    if data.year is not None:
        extra_layout["annotations"] = [*extra_layout.get("annotations", []), year_label(data.year)]
    layout = style.base_layout(
        geo=geo.geo_layout(data.lon_range, data.lat_range),
        margin={"l": 0, "r": 0, "t": 0, "b": 64},
        dragmode=False,
        clickmode="event",
        # A small island's dot answers a pointer on it or within 2 px of its edge, not 20 px around it (plotly's
        # default): a tap on Venezuela's coast must not pick Bonaire. A shape answers anywhere inside it.
        hoverdistance=2,
        **extra_layout,
    )
    return {"data": traces, "layout": layout}
