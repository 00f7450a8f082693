"""The trend as an SVG, as the plotly trend figure draws it: lines with markers, the legend rows on top, the year
marker, a policy target; and the builder's arguments read back from any trend figure dict."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from core.figures.lines import Line
from core.figures.style import INK, MUTED
from core.figures.svg import axes
from core.figures.svg.axes import plain_ticks
from core.figures.svg.text import (
    AXIS_LINE,
    GRID,
    LAYOUT_SLACK,
    MARGIN,
    TARGET,
    TARGET_TEXT,
    TICK,
    TickFormat,
    clip_rect,
    dash,
    esc,
    hex_color,
    num,
    open_svg,
    text_at,
    text_width,
)

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
    parts = [open_svg(width, height, uid, title, desc)]
    hint = _hint(width / 2, height / 2, empty_hint) if not series else ""
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
        y_axis = axes.axis(
            values,
            plot_h,
            log=log,
            vertical=True,
            to_zero=True,
            marker=6,
            fmt=tick_format,
            ticks=ticks,
            tight=[target[0]] if target else (),
        )
        label_width = LAYOUT_SLACK * max((text_width(label, 13) for _, label in y_axis.ticks), default=0)
        left = max(MARGIN, math.ceil((14.4 + 4 if y_title else 0) + label_width + 3))
    plot_w = width - left - MARGIN
    years = [float(y) for line in series for y in line.years]
    x_axis = axes.axis(
        years,
        plot_w,
        log=False,
        vertical=False,
        to_zero=False,
        marker=6,
        fmt=lambda v, d: f"{v:.0f}",
        tight=[year] if year is not None else (),
    )

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
            f'<path d="M{num(px(year))},{num(base)}V{top}" stroke="{AXIS_LINE}" stroke-width="1"{dash("dot", 1)}/>'
        )
    if target is not None:
        value, label = target
        ty = py(value)
        parts.append(f'<path d="M{left},{num(ty)}h{plot_w}" stroke="{TARGET}" stroke-width="2"{dash("dot", 2)}/>')
        parts.append(text_at(left + plot_w - 2, ty - 4, label, 11, TARGET_TEXT, "end"))
    parts.append(f"<defs>{clip_rect(f'{uid}-plot', (left, top, left + plot_w, top + plot_h))}</defs>")
    traces = []
    for line in series:
        width_px = 2.5 if line.dash == "solid" else 2
        points = [
            (px(float(x)), py(float(v))) if v is not None and math.isfinite(v) and (v > 0 or not log) else None
            for x, v in zip(line.years, line.values, strict=True)
        ]
        color = esc(hex_color(line.color))
        path = "".join(_polyline(seg) for seg in _segments(points) if len(seg) > 1)
        radius = num(line.marker_size / 2)
        marks = "".join(f'<circle cx="{num(x)}" cy="{num(y)}" r="{radius}"/>' for x, y in (p for p in points if p))
        traces.append(
            f'<g class="line" fill="{color}"><path d="{path}" fill="none" stroke="{color}" '
            f'stroke-width="{width_px}" stroke-linejoin="round"{dash(line.dash, width_px)}/>{marks}</g>'
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
            marker_size=int(trace.get("marker", {}).get("size", 6)),
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
        f'fill-opacity="0.8"/>' + text_at(x, y + 4.5, text, 13, MUTED, "middle")
    )


def _trend_legend(rows: list[list[tuple[Line, float]]], left: float, top: float) -> str:
    items = []
    for number, row in enumerate(rows):
        cy = top + 5 + LEGEND_ROW / 2 + number * LEGEND_ROW
        for line, x in row:
            color = esc(hex_color(line.color))
            width_px = 2.5 if line.dash == "solid" else 2
            sample = (
                f'<path d="M{num(left + x + 5)},{num(cy)}h30" stroke="{color}" stroke-width="{width_px}"'
                f"{dash(line.dash, width_px)}/>"
                if len(line.years) != 1  # one point is a marker only, as plotly's legend draws it
                else ""
            )
            items.append(
                sample + f'<circle cx="{num(left + x + 20)}" cy="{num(cy)}" r="{num(min(line.marker_size, 12) / 2)}"'
                f' fill="{color}"/>' + text_at(left + x + LEGEND_SYMBOL, cy + 4.68, line.name, 12)
            )
    return f'<g class="legend">{"".join(items)}</g>'
