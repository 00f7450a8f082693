"""Pure figure builders: (prepared data, options) -> figure dict. No data access, no callbacks.

They return plain plotly figure dicts rather than go.Figure: plotly's validation of every property costs
tens of milliseconds per figure on each request; the tests validate every builder's output with go.Figure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from core.figures import bins

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
INK = "#1f2933"
MUTED = "#5f6b7a"
BACKGROUND_LAND = "#eef0f2"
BORDER = "#ffffff"
SELECTED_LINE = "#111111"
AGGREGATE_COLOR = "#1f2933"
HIGHLIGHT = "#d55e00"  # Okabe-Ito vermillion
BAR = "#3b6ea8"
# Okabe-Ito: distinguishable with every common colour-vision deficiency.
QUALITATIVE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#f0e442")
# The Lesser Antilles: drawn again in an inset when the map shows a wider area.
INSET_LON = (-63.7, -59.2)
INSET_LAT = (11.6, 18.7)
LESSER_ANTILLES = frozenset(
    {"AIA", "ATG", "BLM", "BRB", "DMA", "GLP", "GRD", "KNA", "LCA", "MAF", "MSR", "MTQ", "SXM", "VCT", "VGB", "VIR"}
)
SMALL_STATE_KM2 = 12_000  # below this a state is a few pixels at LAC scale: it gets a clickable marker


Figure = dict[str, Any]


def _layout(**extra: Any) -> dict[str, Any]:
    """The shared look: system font, transparent background, white hover labels."""
    return {
        "font": {"family": FONT, "color": INK, "size": 13},
        "margin": {"l": 8, "r": 8, "t": 8, "b": 8},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "hoverlabel": {"font": {"family": FONT, "size": 13}, "bgcolor": "white"},
        "uirevision": "keep",
        **extra,
    }


def _vline(x: float, line: dict[str, Any]) -> dict[str, Any]:
    return {"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1, "line": line}


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
            "marker.line.color": [SELECTED_LINE if c else BORDER for c in chosen],
        },
        {
            "lon": markers["label_lon"].tolist(),
            "lat": markers["label_lat"].tolist(),
            "customdata": markers[["name", "hover", "iso3"]].to_numpy().tolist(),
            "marker.color": [palette[z] for z in markers["z"]],
            "marker.line.width": [2.2 if c else 1 for c in marker_chosen],
            "marker.line.color": [SELECTED_LINE if c else "#ffffff" for c in marker_chosen],
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
    background = {
        "type": "choropleth",
        "geojson": data.geojson_url,
        "featureidkey": "id",
        "locationmode": "geojson-id",
        "locations": list(data.background),
        "z": [0] * len(data.background),
        "colorscale": [[0, BACKGROUND_LAND], [1, BACKGROUND_LAND]],
        "showscale": False,
        "hoverinfo": "skip",
        "marker": {"line": {"color": BORDER, "width": 0.4}},
        "name": "",
    }
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
                "domain": {"x": [0.0, 0.27], "y": [0.03, 0.45]},
                "projection": {"type": "mercator"},
                "lonaxis": {"range": list(INSET_LON)},
                "lataxis": {"range": list(INSET_LAT)},
                "showland": False, "showcountries": False, "showcoastlines": False, "showocean": False,
                "showframe": True, "framecolor": "#9aa5b1", "framewidth": 1, "bgcolor": "#ffffff",
            },
            "annotations": [
                {"text": data.inset_title, "xref": "paper", "yref": "paper", "x": 0.005, "y": 0.45,
                 "xanchor": "left", "yanchor": "bottom", "showarrow": False, "font": {"size": 11, "color": MUTED}}
            ],
        }  # fmt: skip
    layout = _layout(
        geo={
            "domain": {"x": [0, 1], "y": [0, 1]},
            "projection": {"type": "natural earth"},
            "lonaxis": {"range": list(data.lon_range)},
            "lataxis": {"range": list(data.lat_range)},
            "showland": False,
            "showcountries": False,
            "showcoastlines": False,
            "showframe": False,
            "showocean": True,
            "oceancolor": "#f7fafc",
            "bgcolor": "rgba(0,0,0,0)",
            "visible": True,
        },
        margin={"l": 0, "r": 0, "t": 0, "b": 64},
        dragmode=False,
        clickmode="event",
        **extra_layout,
    )
    return {"data": traces, "layout": layout}


@dataclass(frozen=True)
class Line:
    """One line of the trend chart."""

    name: str
    years: Sequence[int]
    values: Sequence[float]
    hover: Sequence[str]
    color: str
    dash: str = "solid"


def trend_figure(
    lines: Sequence[Line],
    log: bool,
    y_title: str,
    empty_hint: str,
    year: int,
    ticks: dict[str, Any] | None = None,
    separators: str = ".,",
    target: tuple[float, str] | None = None,
) -> Figure:
    """Selected countries over time (colour-blind-safe palette) with the focus aggregate dashed."""
    traces = [
        {
            "type": "scatter",
            "x": list(line.years),
            "y": list(line.values),
            "name": line.name,
            "mode": "lines+markers",
            "line": {"color": line.color, "width": 2.5 if line.dash == "solid" else 2, "dash": line.dash},
            "marker": {"size": 6},
            "customdata": list(line.hover),
            "hovertemplate": "%{customdata}<extra>" + line.name + "</extra>",
        }
        for line in lines
    ]
    annotations = []
    empty = not lines
    if not any(line.dash == "solid" for line in lines):
        annotations.append(
            {"text": empty_hint, "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5, "showarrow": False,
             "font": {"color": MUTED, "size": 13}, "bgcolor": "rgba(255,255,255,0.8)"}
        )  # fmt: skip
    target_shapes, target_notes = [], []
    if target is not None and lines:
        value, text = target
        target_shapes.append(
            {
                "type": "line",
                "xref": "paper",
                "yref": "y",
                "x0": 0,
                "x1": 1,
                "y0": value,
                "y1": value,
                "line": {"color": "#009e73", "width": 2, "dash": "dot"},
            }
        )
        target_notes.append(
            {
                "text": text,
                "xref": "paper",
                "yref": "y",
                "x": 1,
                "y": value,
                "xanchor": "right",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 11, "color": "#00795a"},
            }
        )
    layout = _layout(
        showlegend=True,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "font": {"size": 12}},
        hovermode="closest",
        xaxis={
            "showgrid": False,
            "tickformat": "d",
            "linecolor": "#9aa5b1",
            "ticks": "outside",
            "automargin": True,
            "visible": not empty,
        },
        yaxis={
            "title": {"text": y_title, "font": {"size": 12}},
            "type": "log" if log else "linear",
            "gridcolor": "#e4e7eb",
            "zeroline": False,
            "rangemode": "normal" if log else "tozero",
            "automargin": True,
            "visible": not empty,
            **(ticks or {}),
        },
        separators=separators,
        shapes=[] if empty else [_vline(year, {"color": "#9aa5b1", "width": 1, "dash": "dot"}), *target_shapes],
        annotations=annotations + target_notes,
    )
    return {"data": traces, "layout": layout}


@dataclass(frozen=True)
class Ranking:
    """Bars of the focus for one year, best first."""

    names: Sequence[str]
    codes: Sequence[str]
    values: Sequence[float]
    labels: Sequence[str]
    highlighted: Sequence[bool]
    reference: float | None
    reference_label: str
    target: float | None = None  # a policy target (SDG 10.c: 3 % cost), drawn as a dotted rule
    target_label: str = ""
    hovers: Sequence[str] = ()  # the value in words for the tooltip, where the label beside the dot is abridged


def ranking_figure(
    data: Ranking, log: bool, x_title: str, ticks: dict[str, Any] | None = None, separators: str = ".,"
) -> Figure:
    """A dot plot (lollipops), selected countries in the accent colour, the focus aggregate as a dashed rule."""
    count = len(data.names)
    stems_x: list[float | None] = []
    stems_y: list[str | None] = []
    base = min((v for v in data.values if v > 0), default=1) / 2 if log else 0
    for name, value in zip(data.names, data.values, strict=True):
        stems_x += [base, value, None]
        stems_y += [name, name, None]
    stems = {"type": "scatter", "x": stems_x, "y": stems_y, "mode": "lines",
             "line": {"color": "#c5ccd6", "width": 2}, "hoverinfo": "skip"}  # fmt: skip
    dots = {
        "type": "scatter",
        "x": list(data.values),
        "y": list(data.names),
        "mode": "markers+text",
        "marker": {"color": [HIGHLIGHT if h else BAR for h in data.highlighted], "size": 11,
                   "line": {"color": "white", "width": 1}},
        "text": list(data.labels),
        "textposition": "middle right",
        "textfont": {"size": 11, "color": MUTED},
        "cliponaxis": False,
        "customdata": [[label, code] for label, code in zip(data.hovers or data.labels, data.codes, strict=True)],
        "hovertemplate": "<b>%{y}</b><br>%{customdata[0]}<extra></extra>",
    }  # fmt: skip
    shapes, annotations = [], []
    if data.reference is not None:
        shapes.append(_vline(data.reference, {"color": AGGREGATE_COLOR, "width": 1.5, "dash": "dash"}))
        annotations.append(
            {"text": data.reference_label, "x": data.reference, "xref": "x", "y": 0, "yref": "paper",
             "yanchor": "bottom", "xanchor": "left", "showarrow": False, "font": {"size": 11, "color": MUTED},
             "bgcolor": "rgba(255,255,255,0.85)"}
        )  # fmt: skip
    if data.target is not None:
        shapes.append(_vline(data.target, {"color": "#009e73", "width": 2, "dash": "dot"}))
        annotations.append(
            {"text": data.target_label, "x": data.target, "xref": "x", "y": 0, "yref": "paper", "yanchor": "top",
             "xanchor": "left", "showarrow": False, "font": {"size": 11, "color": "#00795a"},
             "bgcolor": "rgba(255,255,255,0.85)"}
        )  # fmt: skip
    layout = _layout(
        height=max(220, 22 * count + 80),
        margin={"l": 8, "r": 110, "t": 8, "b": 28},
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": 12}, "type": "category"},
        xaxis={
            "type": "log" if log else "linear",
            "title": {"text": x_title, "font": {"size": 12}},
            "gridcolor": "#e4e7eb",
            "side": "top",
            "automargin": True,
            "rangemode": "tozero" if not log else "normal",
            **(ticks or {}),
        },
        separators=separators,
        showlegend=False,
        shapes=shapes,
        annotations=annotations,
    )
    return {"data": [stems, dots], "layout": layout}
