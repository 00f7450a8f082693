"""Static SVG charts drawn on the server with no browser: the map, trend and ranking as the page's plotly charts
draw them (same projection, colours, extent and proportions), as markup strings for a first paint and previews.

Pure functions of plain inputs: no plotly, no Dash, no data access (only the vendored font's metrics are read,
to lay text out). Every text is escaped here; numbers are formatted by the caller (a `TickFormat` for axis
ticks). Coordinates are pixels of a `width` x `height` box, the box the interactive chart fills. Each SVG is
an image (role="img") named by its <title> (and <desc>); `uid` prefixes every id in it, so several charts can
share a page."""

from __future__ import annotations

import functools
import html
import itertools
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from core.figures import bins
from core.figures.builders import (
    AGGREGATE_COLOR,
    BACKGROUND_LAND,
    BAR,
    BORDER,
    FONT,
    HIGHLIGHT,
    INK,
    INSET_LAT,
    INSET_LON,
    MUTED,
    SELECTED_LINE,
    Line,
    Ranking,
)
from core.figures.projection import Geometry, Projection, fit, shape_paths

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
FONT_NAME = "Source Sans 3"
FONT_FILES = {400: "SourceSans3-Regular.ttf", 600: "SourceSans3-Semibold.ttf"}
FONT_FAMILY = f"'{FONT_NAME}', {FONT}"
# Colours core.figures writes inline in its layouts (tests/test_svg.py checks they still agree), plotly's defaults
# (tick marks, a category axis's grid) and the year the dashboard's map shows (assets/dashboard.js).
GRID = "#e4e7eb"
AXIS_LINE = "#9aa5b1"
TARGET = "#009e73"
TARGET_TEXT = "#00795a"
STEM = "#c5ccd6"
TICK = "#444444"
ROW_GRID = "#eeeeee"
YEAR_MARK = "rgba(31,41,51,0.45)"

# plotly.js constants the layouts below reproduce (src/plots/cartesian/autorange.js, scatter/calc.js):
AUTO_PAD = 0.05  # autorange pads each padded end by 5 % of the axis length ...
MARKER_PAD = 1 / 1.6  # ... plus the marker size / 1.6
MARGIN = 8  # the figures' base margin

# Margins and legend items are laid out for text 22 % wider than the vendored font's: in the page, the system
# font plotly uses (and the static chart falls back to until the vendored font loads) is wider, up to DejaVu
# Sans on Linux (Segoe UI, Roboto and SF are about 8 % wider); measured on names of this dashboard.
LAYOUT_SLACK = 1.22

TickFormat = Callable[[float, int], str]  # (value, decimals the tick step needs) -> label


# --- text -----------------------------------------------------------------------------------------------------

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def esc(text: object) -> str:
    """Text safe in an SVG text node or a double-quoted attribute (characters XML cannot hold are dropped)."""
    return html.escape(_NOT_XML.sub("", str(text)), quote=True)


@functools.lru_cache(maxsize=2)
def _advances(weight: int) -> tuple[dict[int, float], float]:
    from fontTools.ttLib import TTFont  # imported late: only text layout needs it

    font = TTFont(FONT_DIR / FONT_FILES[weight], lazy=True)
    units = font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    widths = {code: metrics[name][0] / units for code, name in font.getBestCmap().items()}
    return widths, widths.get(ord("n"), 0.5)


def text_width(text: str, size: float, weight: int = 400) -> float:
    """Width in pixels of one line of text in the vendored font (advance widths, no kerning)."""
    widths, fallback = _advances(600 if weight >= 600 else 400)
    return size * sum(widths.get(ord(char), fallback) for char in text)


def wrap(text: str, size: float, width: float, weight: int = 400, max_lines: int = 0) -> list[str]:
    """Greedy word wrap to `width` pixels; with `max_lines`, the last line kept ends in an ellipsis."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size, weight) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if max_lines and len(lines) > max_lines:
        last = " ".join(lines[max_lines - 1 :])
        lines = [*lines[: max_lines - 1], ellipsize(last, size, width, weight)]
    return lines


def ellipsize(text: str, size: float, width: float, weight: int = 400) -> str:
    """The text, cut at a word and ended with an ellipsis if it is wider than `width` pixels."""
    if text_width(text, size, weight) <= width:
        return text
    words = text.split()
    while len(words) > 1 and text_width(" ".join(words) + "…", size, weight) > width:
        words.pop()
    short = " ".join(words)
    while len(short) > 1 and text_width(short + "…", size, weight) > width:
        short = short[:-1]
    return short.rstrip(" ,;:") + "…"


def _text(x: float, y: float, content: str, size: float, fill: str = INK, anchor: str = "start") -> str:
    anchor_attr = "" if anchor == "start" else f' text-anchor="{anchor}"'
    return f'<text x="{num(x)}" y="{num(y)}" font-size="{num(size)}" fill="{fill}"{anchor_attr}>{esc(content)}</text>'


# --- numbers and colours ----------------------------------------------------------------------------------------


def num(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


_RGB = re.compile(r"rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)")


def hex_color(color: str) -> str:
    """'rgb(8, 29, 88)' (as plotly's colour scales give them) as '#081d58'; other colours unchanged."""
    match = _RGB.fullmatch(color.strip())
    if not match or match.group(4) is not None:
        return color
    return "#" + "".join(f"{round(float(v)):02x}" for v in match.groups()[:3])


def _dash(kind: str, width: float) -> str:
    """plotly.js's dash patterns (Drawing.dashStyle): 'dash' and 'dot' scale with the line, 3 px at least."""
    unit = max(width, 3)
    pattern = {"dash": f"{num(3 * unit)},{num(3 * unit)}", "dot": f"{num(unit)},{num(unit)}"}.get(kind, "")
    return f' stroke-dasharray="{pattern}"' if pattern else ""


# --- the document ------------------------------------------------------------------------------------------------


def _open(width: float, height: float, uid: str, title: str, desc: str, lang: str = "") -> str:
    """The root element with its accessible name (and description), system of units and font."""
    labelled = f"{uid}-title" + (f" {uid}-desc" if desc else "")
    lang_attr = f' xml:lang="{esc(lang)}" lang="{esc(lang)}"' if lang else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{num(width)}" height="{num(height)}" '
        f'viewBox="0 0 {num(width)} {num(height)}" role="img" aria-labelledby="{esc(labelled)}"{lang_attr} '
        f'font-family="{esc(FONT_FAMILY)}" id="{esc(uid)}">'
        f'<title id="{esc(uid)}-title">{esc(title)}</title>'
        + (f'<desc id="{esc(uid)}-desc">{esc(desc)}</desc>' if desc else "")
    )


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
    """A zoomed second map (Mercator) in a framed box of the map's lower left, as builders.map_figure's geo2."""

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


def _box(x: float, y: float, width: float, height: float) -> str:
    return f'x="{num(x)}" y="{num(y)}" width="{num(width)}" height="{num(height)}"'


def _clip_rect(uid: str, box: tuple[float, float, float, float]) -> str:
    x0, y0, x1, y1 = box
    return f'<clipPath id="{esc(uid)}"><rect {_box(x0, y0, x1 - x0, y1 - y0)}/></clipPath>'


def _map_legend(legend: Legend, width: float, top: float) -> str:
    """plotly's colorbar as builders.map_figure sets it: 98 % of the width, 10 px padding, title on top."""
    if not legend.colors:
        return ""
    x0 = round(0.01 * width + 10)
    x1 = round(0.99 * width - 10)
    step = (x1 - x0) / len(legend.colors)
    parts = [_text(width / 2, top + 18.35, legend.title, 12, anchor="middle")]
    for i, (color, label) in enumerate(zip(legend.colors, legend.labels, strict=True)):
        left = x0 + i * step
        parts.append(f'<rect {_box(left, top + 24, step + 0.5, 12)} fill="{esc(hex_color(color))}"/>')
        parts.append(_text(left + step / 2, top + 49.7, label, 11, anchor="middle"))
    return f'<g class="legend">{"".join(parts)}</g>'


def choropleth(data: Choropleth, width: int, height: int, title: str, desc: str = "", uid: str = "svg-map") -> str:
    """The map as builders.map_figure draws it in a `width` x `height` box: background land, focus members in
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
        _open(width, height, uid, title, desc),
        f"<defs>{_clip_rect(f'{uid}-clip', main.clip)}</defs>",
        f'<g clip-path="url(#{esc(uid)}-clip)">',
        f'<path class="land" fill="{BACKGROUND_LAND}" stroke="{BORDER}" stroke-width="0.4" d="{background}"/>',
        _areas(data, main, BORDER, "0.6"),
        f'<g class="dots" stroke="#ffffff" stroke-width="1">{"".join(dots)}</g>',
        "</g>",
    ]
    if data.inset is not None:
        parts.append(_inset(data, data.inset, width, plot_height, f"{uid}-inset"))
    if data.year_label:
        parts.append(_text(0.99 * width - 2, 0.01 * plot_height + 30, data.year_label, 30, YEAR_MARK, "end"))
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
    frame = _box(x0, y0, x1 - x0, y1 - y0)
    return (
        f'<g class="inset"><defs>{_clip_rect(f"{uid}-clip", view.clip)}</defs>'
        f'<rect {frame} fill="#ffffff"/>'
        f'<g clip-path="url(#{esc(uid)}-clip)">{_areas(data, view, BORDER, "0.6")}</g>'
        f'<rect {frame} fill="none" stroke="{AXIS_LINE}" stroke-width="1"/>'
        + _text(0.005 * width + 2, plot_height * (1 - inset.domain_y[1]) - 5, inset.title, 11, MUTED)
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


# --- axes ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Axis:
    """A value axis: its range in axis units (log10 of the value on a log axis) and its ticks."""

    lo: float
    hi: float
    log: bool
    ticks: tuple[tuple[float, str], ...]  # value (not log) and label

    def to_unit(self, value: float) -> float:
        """Position along the axis as a fraction 0..1."""
        v = math.log10(value) if self.log else value
        return (v - self.lo) / (self.hi - self.lo) if self.hi != self.lo else 0.5


def _autorange(
    values: Sequence[float], length: float, log: bool, to_zero: bool, marker: float, tight: Sequence[float] = ()
) -> tuple[float, float]:
    """plotly's autorange of padded scatter data: each end 5 % of the length plus the marker size / 1.6 beyond the
    data; with rangemode 'tozero' zero is included with no padding; `tight` values (shapes) are included unpadded."""
    data = [math.log10(v) if log else v for v in values if v is not None and math.isfinite(v) and (v > 0 or not log)]
    extra = [math.log10(v) if log else v for v in tight if v is not None and math.isfinite(v) and (v > 0 or not log)]
    if not data:
        return (0.0, 1.0)
    vmin, vmax = min(data), max(data)
    pad = AUTO_PAD * length + marker * MARKER_PAD
    if to_zero and not log and vmin >= 0:
        lo, hi = 0.0, (vmax * length / (length - pad) if vmax > 0 else 1.0)
    elif vmax == vmin:
        lo, hi = vmin - 1, vmax + 1
    else:
        span = (vmax - vmin) / (length - 2 * pad)
        lo, hi = vmin - pad * span, vmax + pad * span
    if extra:
        lo, hi = min(lo, *extra), max(hi, *extra)
    return lo, hi


def _decimals(step: float) -> int:
    return max(0, -math.floor(math.log10(step) + 1e-9)) if step > 0 else 0


def _nice_step(rough: float) -> float:
    """plotly's roundDTick with roundBase10 = (2, 5, 10)."""
    base = 10 ** math.floor(math.log10(rough))
    return base * next(m for m in (2, 5, 10) if m >= rough / base - 1e-9)


def auto_ticks(lo: float, hi: float, length: float, log: bool, vertical: bool) -> list[float]:
    """Tick values plotly's 'auto' mode picks for a range (log10 units on a log axis) and a length in pixels."""
    count = min(max(length / (40 if vertical else 80), 4), 9) + 1
    rough = abs(hi - lo) / count
    if rough <= 0:
        return []
    if not log:
        step = _nice_step(rough)
        first = math.ceil(lo / step - 1e-9)
        return [round(k * step, 12) for k in range(first, math.floor(hi / step + 1e-9) + 1)]
    if rough > 0.7:  # powers of ten only, every ceil(rough) decades
        step = math.ceil(rough)
        return [10.0**k for k in range(math.ceil(lo), math.floor(hi) + 1) if k % step == 0]
    if hi - lo < 1:  # less than a decade: linear ticks, labelled in full
        rough = abs(10**hi - 10**lo) / (1.5 * abs(hi - lo) / rough)
        step = _nice_step(rough)
        return [k * step for k in range(math.ceil(10**lo / step), math.floor(10**hi / step) + 1) if k > 0]
    # between powers of ten, plotly's 'D2' marks 2 and 5 as well (its 'D1' every digit: 1-2-5 is kept here)
    return [
        m * 10.0**k
        for k in range(math.floor(lo), math.ceil(hi) + 1)
        for m in (1, 2, 5)
        if lo <= math.log10(m * 10.0**k) <= hi
    ]


def _axis(
    values: Sequence[float],
    length: float,
    *,
    log: bool,
    vertical: bool,
    to_zero: bool,
    marker: float,
    fmt: TickFormat,
    ticks: Sequence[tuple[float, str]] | None = None,
    tight: Sequence[float] = (),
    reverse_ticks: bool = False,
) -> Axis:
    lo, hi = _autorange(values, length, log, to_zero, marker, tight)
    if ticks is not None:
        chosen = tuple((float(v), str(t)) for v, t in ticks if v > 0 or not log)
    else:
        picked = auto_ticks(lo, hi, length, log, vertical)
        steps = [b - a for a, b in itertools.pairwise(picked)]
        decimals = (
            max((_decimals(s) for s in steps), default=0) if not log else max((_decimals(v) for v in picked), default=0)
        )
        chosen = tuple((v, fmt(v, decimals)) for v in picked)
    inside = tuple((v, t) for v, t in chosen if lo - 1e-9 <= (math.log10(v) if log else v) <= hi + 1e-9)
    return Axis(lo, hi, log, tuple(reversed(inside)) if reverse_ticks else inside)


def plain_ticks(value: float, decimals: int) -> str:
    """A tick label with '.' as decimal mark and no grouping (callers pass their language's `TickFormat`)."""
    return f"{value:.{decimals}f}"


# --- the trend ------------------------------------------------------------------------------------------------------

LEGEND_ROW = 19  # plotly's legend row height at 12 px
LEGEND_SYMBOL = 40  # line sample and marker before each legend text
LEGEND_GAP = 5


def _legend_rows(lines: Sequence[Line], width: float) -> list[list[tuple[Line, float]]]:
    """plotly's horizontal legend: one row if every item fits in the plot's width, else columns as wide as the
    widest item, as many per row as fit."""
    items = [LEGEND_SYMBOL + LAYOUT_SLACK * text_width(line.name, 12) + 4 for line in lines]
    one_row = sum(items) + LEGEND_GAP * (len(items) - 1) < width
    column = max(items, default=0.0)
    rows: list[list[tuple[Line, float]]] = [[]]
    x = 0.0
    for line, item in zip(lines, items, strict=True):
        step = item if one_row else column
        if rows[-1] and step + x - LEGEND_GAP >= width:
            rows.append([])
            x = 0.0
        rows[-1].append((line, x))
        x += step
    return rows


def _segments(points: list[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    out: list[list[tuple[float, float]]] = [[]]
    for point in points:
        if point is None:
            if out[-1]:
                out.append([])
        else:
            out[-1].append(point)
    return [s for s in out if s]


def _polyline(points: Sequence[tuple[float, float]]) -> str:
    return "M" + "L".join(f"{num(x)},{num(y)}" for x, y in points)


def lines(
    series: Sequence[Line],
    width: int,
    height: int,
    title: str,
    *,
    desc: str = "",
    uid: str = "svg-trend",
    log: bool = False,
    y_title: str = "",
    year: int | None = None,
    target: tuple[float, str] | None = None,
    ticks: Sequence[tuple[float, str]] | None = None,
    tick_format: TickFormat = plain_ticks,
    empty_hint: str = "",
) -> str:
    """The trend as builders.trend_figure draws it: lines with markers (the aggregate dashed), a legend row on
    top, a y axis with its title, years below, the selected year dotted, an optional dotted target with its label.
    `ticks` (value, label) replaces the automatic y ticks (as core.charts.dashboard.value_ticks does on log axes)."""
    parts = [_open(width, height, uid, title, desc)]
    hint = _hint(width / 2, height / 2, empty_hint) if not any(line.dash == "solid" for line in series) else ""
    if not series:
        return "".join(parts) + hint + "</svg>"
    bottom = 33  # outside ticks (5 px) and 13 px year labels
    values = [v for line in series for v in line.values]
    left = 40  # a first guess: the legend's width depends on the y labels' margin, and they on its height
    for _ in range(2):
        legend = _legend_rows(series, width - left - MARGIN)
        legend_height = len(legend) * LEGEND_ROW + 10
        top = round((MARGIN + legend_height + 0.02 * (height - bottom)) / 1.02)
        plot_h = height - top - bottom
        y_axis = _axis(
            values, plot_h, log=log, vertical=True, to_zero=True, marker=6, fmt=tick_format, ticks=ticks,
            tight=[target[0]] if target else (),
        )  # fmt: skip
        label_width = LAYOUT_SLACK * max((text_width(label, 13) for _, label in y_axis.ticks), default=0)
        left = max(MARGIN, math.ceil((14.4 + 4 if y_title else 0) + label_width + 3))
    plot_w = width - left - MARGIN
    years = [float(y) for line in series for y in line.years]
    x_axis = _axis(
        years, plot_w, log=False, vertical=False, to_zero=False, marker=6, fmt=lambda v, d: f"{v:.0f}",
        tight=[year] if year is not None else (),
    )  # fmt: skip

    def px(value: float) -> float:
        return left + x_axis.to_unit(value) * plot_w

    def py(value: float) -> float:
        return top + (1 - y_axis.to_unit(value)) * plot_h

    grid = "".join(f'<path d="M{left},{num(py(v))}h{plot_w}"/>' for v, _ in y_axis.ticks)
    parts.append(f'<g class="grid" stroke="{GRID}" stroke-width="1">{grid}</g>')
    parts.append(
        f'<g class="y-ticks" font-size="13" fill="{INK}" text-anchor="end">'
        + "".join(f'<text x="{left - 1}" y="{num(py(v) + 4.55)}">{esc(label)}</text>' for v, label in y_axis.ticks)
        + "</g>"
    )
    if y_title:
        cy = top + plot_h / 2
        parts.append(
            f'<text transform="translate(11,{num(cy)}) rotate(-90)" font-size="12" fill="{INK}" '
            f'text-anchor="middle">{esc(y_title)}</text>'
        )
    base = top + plot_h
    parts.append(f'<path d="M{left},{num(base + 0.5)}H{left + plot_w}" stroke="{AXIS_LINE}" stroke-width="1"/>')
    parts.append(
        f'<g class="x-ticks" font-size="13" fill="{INK}" text-anchor="middle">'
        + "".join(
            f'<path d="M{num(px(v))},{num(base + 1)}v5" stroke="{TICK}" stroke-width="1"/>'
            f'<text x="{num(px(v))}" y="{num(base + 21.6)}">{esc(label)}</text>'
            for v, label in x_axis.ticks
        )
        + "</g>"
    )
    if year is not None:
        parts.append(
            f'<path d="M{num(px(year))},{num(base)}V{top}" stroke="{AXIS_LINE}" stroke-width="1"{_dash("dot", 1)}/>'
        )
    if target is not None:
        value, label = target
        ty = py(value)
        parts.append(f'<path d="M{left},{num(ty)}h{plot_w}" stroke="{TARGET}" stroke-width="2"{_dash("dot", 2)}/>')
        parts.append(_text(left + plot_w - 2, ty - 4, label, 11, TARGET_TEXT, "end"))
    parts.append(f"<defs>{_clip_rect(f'{uid}-plot', (left, top, left + plot_w, top + plot_h))}</defs>")
    traces = []
    for line in series:
        width_px = 2.5 if line.dash == "solid" else 2
        points = [
            (px(float(x)), py(float(v))) if v is not None and math.isfinite(v) and (v > 0 or not log) else None
            for x, v in zip(line.years, line.values, strict=True)
        ]
        color = esc(hex_color(line.color))
        path = "".join(_polyline(seg) for seg in _segments(points) if len(seg) > 1)
        marks = "".join(f'<circle cx="{num(x)}" cy="{num(y)}" r="3"/>' for x, y in (p for p in points if p))
        traces.append(
            f'<g class="line" fill="{color}"><path d="{path}" fill="none" stroke="{color}" '
            f'stroke-width="{width_px}" stroke-linejoin="round"{_dash(line.dash, width_px)}/>{marks}</g>'
        )
    parts.append(f'<g clip-path="url(#{esc(uid)}-plot)">{"".join(traces)}</g>')
    parts.append(_trend_legend(legend, left, top - 0.02 * plot_h - legend_height))
    parts.append(_hint(left + plot_w / 2, top + plot_h / 2, empty_hint) if hint else "")
    parts.append("</svg>")
    return "".join(parts)


def trend_args(figure: Mapping[str, Any]) -> dict[str, Any]:
    """The keyword arguments of `lines` (series, log, y_title, year, target, ticks, empty_hint) read back from a
    figure dict built by builders.trend_figure, so every trend the app builds (dashboard, profiles) can be
    drawn statically from the figure it already has."""
    layout = figure.get("layout", {})
    yaxis = layout.get("yaxis", {})
    series = [
        Line(
            name=str(trace.get("name", "")),
            years=list(trace.get("x", [])),
            values=list(trace.get("y", [])),
            hover=[],
            color=str(trace.get("line", {}).get("color", INK)),
            dash=str(trace.get("line", {}).get("dash", "solid")),
        )
        for trace in figure.get("data", [])
    ]
    year = next((s["x0"] for s in layout.get("shapes", []) if s.get("xref") == "x"), None)
    target_value = next((s["y0"] for s in layout.get("shapes", []) if s.get("yref") == "y"), None)
    notes = [a for a in layout.get("annotations", []) if a.get("yref") == "y"]
    hints = [a for a in layout.get("annotations", []) if a.get("yref") == "paper"]
    ticks = list(zip(yaxis["tickvals"], yaxis["ticktext"], strict=True)) if "tickvals" in yaxis else None
    return {
        "series": series,
        "log": yaxis.get("type") == "log",
        "y_title": str(yaxis.get("title", {}).get("text", "")),
        "year": year,
        "target": (float(target_value), str(notes[0]["text"]) if notes else "") if target_value is not None else None,
        "ticks": ticks,
        "empty_hint": str(hints[0]["text"]) if hints else "",
    }


def _hint(x: float, y: float, text: str) -> str:
    """The centred hint on a white box (plotly's annotation with bgcolor rgba(255,255,255,0.8))."""
    if not text:
        return ""
    w = text_width(text, 13)
    return (
        f'<rect x="{num(x - w / 2 - 3)}" y="{num(y - 9.5)}" width="{num(w + 6)}" height="19" fill="#ffffff" '
        f'fill-opacity="0.8"/>' + _text(x, y + 4.5, text, 13, MUTED, "middle")
    )


def _trend_legend(rows: list[list[tuple[Line, float]]], left: float, top: float) -> str:
    items = []
    for number, row in enumerate(rows):
        cy = top + 5 + LEGEND_ROW / 2 + number * LEGEND_ROW
        for line, x in row:
            color = esc(hex_color(line.color))
            width_px = 2.5 if line.dash == "solid" else 2
            items.append(
                f'<path d="M{num(left + x + 5)},{num(cy)}h30" stroke="{color}" stroke-width="{width_px}"'
                f'{_dash(line.dash, width_px)}/><circle cx="{num(left + x + 20)}" cy="{num(cy)}" r="3" fill="{color}"/>'
                + _text(left + x + LEGEND_SYMBOL, cy + 4.68, line.name, 12)
            )
    return f'<g class="legend">{"".join(items)}</g>'


# --- the ranking ----------------------------------------------------------------------------------------------------

RANK_ROW = 22  # px per country, as builders.ranking_figure sizes the figure
DOT_SIZE = 11


def ranking_height(count: int) -> int:
    """The ranking's height for `count` rows, as builders.ranking_figure sets its layout height."""
    return max(220, RANK_ROW * count + 80)


def dot_plot(
    data: Ranking,
    width: int,
    title: str,
    *,
    desc: str = "",
    uid: str = "svg-ranking",
    log: bool = False,
    x_title: str = "",
    ticks: Sequence[tuple[float, str]] | None = None,
    tick_format: TickFormat = plain_ticks,
    height: int | None = None,
) -> str:
    """The ranking as builders.ranking_figure draws it, `ranking_height(rows)` pixels tall unless `height` says
    otherwise (the dashboard's box is at least 300 px: `.graph-wrap` in assets/style.css stretches the figure):
    names on the left, stems and dots (selected countries in the accent colour), value labels right of the dots,
    the value axis on top, the focus aggregate as a dashed rule labelled at its foot, a dotted target below."""
    count = len(data.names)
    height = height or ranking_height(count)
    parts = [_open(width, height, uid, title, desc)]
    top, bottom, right = (36 if x_title else 26), 28, 110
    label_width = LAYOUT_SLACK * max((text_width(name, 12) for name in data.names), default=0)
    left = max(MARGIN, math.ceil(MARGIN + label_width + 3))
    plot_w, plot_h = width - left - right, height - top - bottom
    values = list(data.values)
    positive = [v for v in values if v > 0]
    base = min(positive, default=1) / 2 if log else 0.0
    rules = [v for v in (data.reference, data.target) if v is not None]
    axis = _axis(
        values, plot_w, log=log, vertical=False, to_zero=not log, marker=DOT_SIZE, fmt=tick_format, ticks=ticks,
        tight=[*rules, base] if log else rules,
    )  # fmt: skip
    pad = AUTO_PAD * plot_h + DOT_SIZE * MARKER_PAD

    def px(value: float) -> float:
        return left + axis.to_unit(value) * plot_w

    def row_y(i: int) -> float:
        return top + plot_h / 2 if count < 2 else top + pad + i * (plot_h - 2 * pad) / (count - 1)

    bottom_y = top + plot_h
    grid = "".join(f'<path d="M{num(px(v))},{top}V{bottom_y}"/>' for v, _ in axis.ticks if log or v != 0)
    grid += "".join(f'<path d="M{left},{num(row_y(i))}h{plot_w}" stroke="{ROW_GRID}"/>' for i in range(count))
    parts.append(f'<g class="grid" stroke="{GRID}" stroke-width="1">{grid}</g>')
    if not log and axis.lo <= 0 <= axis.hi:
        parts.append(f'<path d="M{num(px(0))},{top}V{bottom_y}" stroke="{TICK}" stroke-width="1"/>')
    if x_title:
        parts.append(_text(left + plot_w / 2, 11, x_title, 12, anchor="middle"))
    parts.append(
        f'<g class="x-ticks" font-size="13" fill="{INK}" text-anchor="middle">'
        + "".join(f'<text x="{num(px(v))}" y="{num(top - 3.6)}">{esc(label)}</text>' for v, label in axis.ticks)
        + "</g>"
    )
    parts.append(
        f'<g class="names" font-size="12" fill="{INK}" text-anchor="end">'
        + "".join(
            f'<text x="{left - 1}" y="{num(row_y(i) + 4.2)}">{esc(name)}</text>' for i, name in enumerate(data.names)
        )
        + "</g>"
    )
    stems, dots, labels = [], [], []
    for i, (value, label, chosen) in enumerate(zip(values, data.labels, data.highlighted, strict=True)):
        if log and value <= 0:
            continue
        y, x = row_y(i), px(value)
        stems.append(f'<path d="M{num(px(base))},{num(y)}H{num(x)}"/>')
        dots.append(f'<circle cx="{num(x)}" cy="{num(y)}" r="5.5" fill="{HIGHLIGHT if chosen else BAR}"/>')
        labels.append(f'<text x="{num(x + 7.875)}" y="{num(y + 2.75)}">{esc(label)}</text>')
    parts.append(
        f"<defs>{_clip_rect(f'{uid}-plot', (left, top, left + plot_w, top + plot_h))}</defs>"
        f'<g class="stems" clip-path="url(#{esc(uid)}-plot)" stroke="{STEM}" stroke-width="2">{"".join(stems)}</g>'
        f'<g class="dots" stroke="#ffffff" stroke-width="1">{"".join(dots)}</g>'
        f'<g class="values" font-size="11" fill="{MUTED}">{"".join(labels)}</g>'
    )
    if data.reference is not None:
        x = px(data.reference)
        parts.append(
            f'<path d="M{num(x)},{bottom_y}V{top}" stroke="{AGGREGATE_COLOR}" stroke-width="1.5"{_dash("dash", 1.5)}/>'
            + _label_box(x + 3, bottom_y - 5, data.reference_label, MUTED)
        )
    if data.target is not None:
        x = px(data.target)
        parts.append(
            f'<path d="M{num(x)},{bottom_y}V{top}" stroke="{TARGET}" stroke-width="2"{_dash("dot", 2)}/>'
            + _label_box(x + 3, bottom_y + 12, data.target_label, TARGET_TEXT)
        )
    parts.append("</svg>")
    return "".join(parts)


def _label_box(x: float, baseline: float, label: str, color: str) -> str:
    """An 11 px annotation on a translucent white box (plotly's annotation bgcolor rgba(255,255,255,0.85))."""
    if not label:
        return ""
    w = text_width(label, 11)
    return (
        f'<rect x="{num(x - 2)}" y="{num(baseline - 11)}" width="{num(w + 4)}" height="15" fill="#ffffff" '
        f'fill-opacity="0.85"/>' + _text(x, baseline, label, 11, color)
    )
