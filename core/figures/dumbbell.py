"""The dumbbell chart: each partner's figure in two years, joined by a stem, on a log axis (corridors span four
orders of magnitude), with the change written beside the later dot and the two years named in the legend."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from core.figures import style, ticks
from core.figures.style import Figure

BASE_DOT = "#9aa5b1"  # the comparison year


@dataclass(frozen=True)
class Dumbbell:
    """Rows top to bottom: a name, code, the figure in the base year (None: no row that year) and in the year
    shown, the text beside the row and its hover. `year` and `base` name the legend entries."""

    names: Sequence[str]
    codes: Sequence[str]
    base_values: Sequence[int | None]
    values: Sequence[int]
    labels: Sequence[str]
    hovers: Sequence[str]
    year: int
    base: int


def height(count: int) -> int:
    return max(240, 28 * count + 84)


def dumbbell_figure(data: Dumbbell, tick_label: ticks.Label, separators: str) -> Figure:
    """Grey base-year dots, blue dots for the year shown, stems between them; a row without a base-year figure is a
    lone dot (never a stem from zero)."""
    stems_x: list[float | None] = []
    stems_y: list[str | None] = []
    for name, a, b in zip(data.names, data.base_values, data.values, strict=True):
        if a is not None:
            stems_x += [a, b, None]
            stems_y += [name, name, None]
    present = [i for i, v in enumerate(data.base_values) if v is not None]
    shown = [v for v in [*data.values, *data.base_values] if v]
    low, high = math.log10(min(shown)), math.log10(max(shown))
    rank = {data.base: 1 if data.base < data.year else 2, data.year: 1 if data.year < data.base else 2}
    hover = "<b>%{y}</b><br>%{customdata[0]}<extra></extra>"
    traces: list[dict[str, Any]] = [
        {
            "type": "scatter",
            "x": stems_x,
            "y": stems_y,
            "mode": "lines",
            "line": {"color": style.STEM, "width": 3},
            "hoverinfo": "skip",
            "showlegend": False,
        },
        {
            "type": "scatter",
            "x": [data.base_values[i] for i in present],
            "y": [data.names[i] for i in present],
            "mode": "markers",
            "name": str(data.base),
            "legendrank": rank[data.base],
            "marker": {"color": BASE_DOT, "size": 11, "line": {"color": "white", "width": 1}},
            "customdata": [[data.hovers[i], data.codes[i]] for i in present],
            "hovertemplate": hover,
        },
        {
            "type": "scatter",
            "x": list(data.values),
            "y": list(data.names),
            "mode": "markers",
            "name": str(data.year),
            "legendrank": rank[data.year],
            "marker": {"color": style.BAR, "size": 12, "line": {"color": "white", "width": 1}},
            "customdata": [[h, c] for h, c in zip(data.hovers, data.codes, strict=True)],
            "hovertemplate": hover,
        },
        {
            "type": "scatter",
            "mode": "text",
            "showlegend": False,
            "hoverinfo": "skip",
            "cliponaxis": False,
            "x": [max(v for v in (a, b) if v is not None) for a, b in zip(data.base_values, data.values, strict=True)],
            "y": list(data.names),
            "text": [f"  {label}" for label in data.labels],
            "textposition": "middle right",
            "textfont": {"size": 11, "color": style.MUTED},
        },
    ]
    # The change is written right of each row's larger dot; the largest rows' text runs past the axis's end into a
    # right margin as wide as the longest text, whatever the chart's width (a phone's included).
    room = max((style.text_width(f"  {label}") for label in data.labels), default=0.0)
    layout = style.base_layout(
        height=height(len(data.names)),
        margin={"l": 8, "r": round(room) + 8, "t": 8, "b": 8},
        yaxis=style.category_axis(),
        xaxis={
            "type": "log",
            "gridcolor": style.GRID,
            "side": "bottom",
            "automargin": True,
            "tickangle": 0,
            "fixedrange": True,
            "range": [low - 0.15, high + 0.12],
            **ticks.log_ticks(shown, tick_label, most=4),  # labels of five decades would touch on a phone
        },
        showlegend=True,
        legend=style.legend_below(),
        hovermode="closest",
        separators=separators,
    )
    return {"data": traces, "layout": layout}
