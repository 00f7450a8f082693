"""The map as an SVG, as the dashboard's plotly choropleth draws it: plotly's own projection fitting, background
land, focus members by class colour, small states as dots, the selected outlined, the inset and the legend."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from core.figures import bins
from core.figures.choropleth import INSET_LAT, INSET_LON
from core.figures.projection import Geometry, Projection, fit, shape_paths
from core.figures.style import BACKGROUND_LAND, BORDER, MUTED, SELECTED_LINE
from core.figures.svg.text import AXIS_LINE, YEAR_MARK, clip_rect, esc, hex_color, num, open_svg, rect_attrs, text_at

# --- the map ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dot:
    """A small state drawn as a dot at its label point (its shape would be a few pixels)."""

    id: str
    lon: float
    lat: float
    fill: str


@dataclass(frozen=True)
class Legend:
    """The horizontal colour legend under the map, as plotly's colorbar there: a swatch per class, in order."""

    title: str
    colors: Sequence[str]  # 'No data' first, as core.figures.bins.discrete_colorscale orders them
    labels: Sequence[str]


@dataclass(frozen=True)
class Inset:
    """A zoomed second map (Mercator) in a framed box of the map's lower left, as choropleth.map_figure's geo2."""

    title: str
    lon_range: tuple[float, float] = INSET_LON
    lat_range: tuple[float, float] = INSET_LAT
    domain_x: tuple[float, float] = (0.0, 0.27)
    domain_y: tuple[float, float] = (0.03, 0.45)


@dataclass(frozen=True)
class Choropleth:
    """What the static map draws; colours and texts come prepared (see `choropleth_data` for the dashboard's map)."""

    shapes: Geometry  # every shape: those not in `fills` are drawn as plain background land
    fills: Mapping[str, str]  # focus member id -> fill colour of its class (the 'No data' colour included)
    lon_range: tuple[float, float]
    lat_range: tuple[float, float]
    legend: Legend
    dots: Sequence[Dot] = ()
    selected: Sequence[str] = ()
    inset: Inset | None = None
    year_label: str = ""  # the year, large in the top right corner, as the dashboard's map shows it


LEGEND_HEIGHT = 59  # plotly's horizontal colorbar with a title on top: title, 12 px bar, tick labels


def _map_plot_height(height: float) -> float:
    """Height of the map's plot area: a 64 px bottom margin, pushed (automargin) if the colorbar needs more."""
    return round(min(height - 64, (height - LEGEND_HEIGHT) / 1.01))


def _selected_last(codes: Iterable[str], selected: Sequence[str]) -> list[str]:
    chosen = set(selected)
    ordered = list(codes)
    return [c for c in ordered if c not in chosen] + [c for c in ordered if c in chosen]


def _areas(data: Choropleth, view: Projection, stroke: str, width: str) -> str:
    paths = shape_paths(data.shapes, view)
    chosen = set(data.selected)
    out = []
    for code in _selected_last(data.fills, data.selected):
        d = paths.get(code, "")
        if not d:
            continue
        line = f' stroke="{SELECTED_LINE}" stroke-width="2.2"' if code in chosen else ""
        out.append(f'<path data-id="{esc(code)}" fill="{esc(hex_color(data.fills[code]))}"{line} d="{d}"/>')
    return f'<g class="areas" stroke="{stroke}" stroke-width="{width}" stroke-linejoin="round">{"".join(out)}</g>'


def _map_legend(legend: Legend, width: float, top: float) -> str:
    """plotly's colorbar as choropleth.map_figure sets it: 98 % of the width, 10 px padding, title on top."""
    if not legend.colors:
        return ""
    x0 = round(0.01 * width + 10)
    x1 = round(0.99 * width - 10)
    step = (x1 - x0) / len(legend.colors)
    parts = [text_at(width / 2, top + 18.35, legend.title, 12, anchor="middle")]
    for i, (color, label) in enumerate(zip(legend.colors, legend.labels, strict=True)):
        left = x0 + i * step
        parts.append(f'<rect {rect_attrs(left, top + 24, step + 0.5, 12)} fill="{esc(hex_color(color))}"/>')
        parts.append(text_at(left + step / 2, top + 49.7, label, 11, anchor="middle"))
    return f'<g class="legend">{"".join(parts)}</g>'


def choropleth(data: Choropleth, width: int, height: int, title: str, desc: str = "", uid: str = "svg-map") -> str:
    """The map as choropleth.map_figure draws it in a `width` x `height` box: background land, focus members in
    their class colours, small states as dots, selected ones outlined, the optional inset, the legend below."""
    plot_height = _map_plot_height(height)
    main = fit(data.lon_range, data.lat_range, (0.0, 0.0, float(width), float(plot_height)))
    paths = shape_paths(data.shapes, main)
    background = "".join(d for code, d in paths.items() if code not in data.fills)
    chosen = set(data.selected)
    dots = []
    if data.dots:
        xs, ys = main.project([d.lon for d in data.dots], [d.lat for d in data.dots])
        for dot, x, y in _selected_last_dots(data.dots, xs, ys, chosen):
            line = f' stroke="{SELECTED_LINE}" stroke-width="2.2"' if dot.id in chosen else ""
            fill = esc(hex_color(dot.fill))
            dots.append(f'<circle data-id="{esc(dot.id)}" cx="{num(x)}" cy="{num(y)}" r="4" fill="{fill}"{line}/>')
    parts = [
        open_svg(width, height, uid, title, desc),
        f"<defs>{clip_rect(f'{uid}-clip', main.clip)}</defs>",
        f'<g clip-path="url(#{esc(uid)}-clip)">',
        f'<path class="land" fill="{BACKGROUND_LAND}" stroke="{BORDER}" stroke-width="0.4" d="{background}"/>',
        _areas(data, main, BORDER, "0.6"),
        f'<g class="dots" stroke="#ffffff" stroke-width="1">{"".join(dots)}</g>',
        "</g>",
    ]
    if data.inset is not None:
        parts.append(_inset(data, data.inset, width, plot_height, f"{uid}-inset"))
    if data.year_label:
        parts.append(text_at(0.99 * width - 2, 0.01 * plot_height + 30, data.year_label, 30, YEAR_MARK, "end"))
    parts.append(_map_legend(data.legend, width, plot_height * 1.01))
    parts.append("</svg>")
    return "".join(parts)


def _selected_last_dots(
    dots: Sequence[Dot], xs: np.ndarray, ys: np.ndarray, chosen: set[str]
) -> list[tuple[Dot, float, float]]:
    rows = [(dot, float(x), float(y)) for dot, x, y in zip(dots, xs, ys, strict=True)]
    return [r for r in rows if r[0].id not in chosen] + [r for r in rows if r[0].id in chosen]


def _inset(data: Choropleth, inset: Inset, width: float, plot_height: float, uid: str) -> str:
    """plotly's geo2: a Mercator map of the inset's range, white, framed, titled above its top left corner."""
    extent = (
        width * inset.domain_x[0],
        plot_height * (1 - inset.domain_y[1]),
        width * inset.domain_x[1],
        plot_height * (1 - inset.domain_y[0]),
    )
    view = fit(inset.lon_range, inset.lat_range, extent, kind="mercator")
    x0, y0, x1, y1 = view.clip
    frame = rect_attrs(x0, y0, x1 - x0, y1 - y0)
    return (
        f'<g class="inset"><defs>{clip_rect(f"{uid}-clip", view.clip)}</defs>'
        f'<rect {frame} fill="#ffffff"/>'
        f'<g clip-path="url(#{esc(uid)}-clip)">{_areas(data, view, BORDER, "0.6")}</g>'
        f'<rect {frame} fill="none" stroke="{AXIS_LINE}" stroke-width="1"/>'
        + text_at(0.005 * width + 2, plot_height * (1 - inset.domain_y[1]) - 5, inset.title, 11, MUTED)
        + "</g>"
    )


def choropleth_data(map_data: Any, shapes: Geometry, year_label: str = "") -> Choropleth:
    """A Choropleth from the dashboard's view model (builders.MapData: members with class `z`, markers, ranges),
    colours from core.figures.bins as the interactive map's colorscale (class 0 is 'No data')."""
    palette = [bins.NO_DATA_COLOR, *map_data.colors]
    members = map_data.members
    fills = {code: palette[int(z)] for code, z in zip(members["iso3"], members["z"], strict=True)}
    markers = map_data.markers
    dots = [
        Dot(str(code), float(lon), float(lat), palette[int(z)])
        for code, lon, lat, z in zip(
            markers["iso3"], markers["label_lon"], markers["label_lat"], markers["z"], strict=True
        )
    ]
    return Choropleth(
        shapes=shapes,
        fills=fills,
        lon_range=tuple(map_data.lon_range),
        lat_range=tuple(map_data.lat_range),
        legend=Legend(map_data.legend_title, palette, tuple(map_data.class_labels)),
        dots=dots,
        selected=tuple(map_data.selected),
        inset=Inset(map_data.inset_title) if map_data.inset_title else None,
        year_label=year_label,
    )
