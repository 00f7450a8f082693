"""The ranking as an SVG, as the plotly dot plot draws it: names, stems, dots, value labels, reference rules."""

from __future__ import annotations

import math
from collections.abc import Sequence

from core.figures.dotplot import Ranking
from core.figures.style import AGGREGATE_COLOR, BAR, HIGHLIGHT, INK, MUTED
from core.figures.svg import axes
from core.figures.svg.axes import plain_ticks
from core.figures.svg.text import (
    AUTO_PAD,
    GRID,
    LAYOUT_SLACK,
    MARGIN,
    MARKER_PAD,
    ROW_GRID,
    STEM,
    TARGET,
    TARGET_TEXT,
    TICK,
    TickFormat,
    clip_rect,
    dash,
    esc,
    num,
    open_svg,
    text_at,
    text_width,
)

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
    parts = [open_svg(width, height, uid, title, desc)]
    top, bottom, right = (36 if x_title else 26), 28, 110
    label_width = LAYOUT_SLACK * max((text_width(name, 12) for name in data.names), default=0)
    left = max(MARGIN, math.ceil(MARGIN + label_width + 3))
    plot_w, plot_h = width - left - right, height - top - bottom
    values = list(data.values)
    drawn = [v for v in values if v is not None]  # None: no value, no dot
    positive = [v for v in drawn if v > 0]
    base = min(positive, default=1) / 2 if log else 0.0
    rules = [v for v in (data.reference, data.target) if v is not None]
    axis = axes.axis(
        drawn,
        plot_w,
        log=log,
        vertical=False,
        to_zero=not log,
        marker=DOT_SIZE,
        fmt=tick_format,
        ticks=ticks,
        tight=[*rules, base] if log else rules,
    )
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
        parts.append(text_at(left + plot_w / 2, 11, x_title, 12, anchor="middle"))
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
        if value is None or (log and value <= 0):
            continue
        y, x = row_y(i), px(value)
        stems.append(f'<path d="M{num(px(base))},{num(y)}H{num(x)}"/>')
        dots.append(f'<circle cx="{num(x)}" cy="{num(y)}" r="5.5" fill="{HIGHLIGHT if chosen else BAR}"/>')
        labels.append(f'<text x="{num(x + 7.875)}" y="{num(y + 2.75)}">{esc(label)}</text>')
    parts.append(
        f"<defs>{clip_rect(f'{uid}-plot', (left, top, left + plot_w, top + plot_h))}</defs>"
        f'<g class="stems" clip-path="url(#{esc(uid)}-plot)" stroke="{STEM}" stroke-width="2">{"".join(stems)}</g>'
        f'<g class="dots" stroke="#ffffff" stroke-width="1">{"".join(dots)}</g>'
        f'<g class="values" font-size="11" fill="{MUTED}">{"".join(labels)}</g>'
    )
    if data.reference is not None:
        x = px(data.reference)
        parts.append(
            f'<path d="M{num(x)},{bottom_y}V{top}" stroke="{AGGREGATE_COLOR}" stroke-width="1.5"{dash("dash", 1.5)}/>'
            + _label_box(x + 3, bottom_y - 5, data.reference_label, MUTED)
        )
    if data.target is not None:
        x = px(data.target)
        parts.append(
            f'<path d="M{num(x)},{bottom_y}V{top}" stroke="{TARGET}" stroke-width="2"{dash("dot", 2)}/>'
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
        f'fill-opacity="0.85"/>' + text_at(x, baseline, label, 11, color)
    )
