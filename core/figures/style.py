"""The look every figure shares: colours, fonts, the base layout, reference lines, messages on empty charts and
the legend under a chart. Pure: no data access, no catalog (callers pass the texts)."""

from __future__ import annotations

import math
import re
from typing import Any

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
INK = "#1f2933"
MUTED = "#5f6b7a"
YEAR_MARK = "rgba(31,41,51,0.45)"  # the large year in the corner of the map
BACKGROUND_LAND = "#eef0f2"
BORDER = "#ffffff"
SELECTED_LINE = "#111111"
AGGREGATE_COLOR = "#1f2933"
HIGHLIGHT = "#d55e00"  # Okabe-Ito vermillion
BAR = "#3b6ea8"
GRID = "#e4e7eb"
AXIS_LINE = "#9aa5b1"
STEM = "#c5ccd6"
TARGET_COLOR = "#009e73"  # a policy target (SDG 10.c): dotted green
TARGET_TEXT = "#00795a"
# Okabe-Ito: distinguishable with every common colour-vision deficiency.
QUALITATIVE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#f0e442")

Figure = dict[str, Any]

# Sized for the narrowest screen (a phone, about 340 px of figure): what fits there fits anywhere.
WRAP = 40  # characters per line of a message drawn on an empty chart
LEGEND_FONT = 11
LEGEND_ROW = 20  # height of a legend row
LEGEND_GAP_FONT = 28  # the blank title above a legend: room for a slide image's source line
LEGEND_WIDTH = 280  # width a legend row gets on a phone


def base_layout(**extra: Any) -> dict[str, Any]:
    """The shared layout: system font, transparent background, white hover labels, kept zoom between updates."""
    return {
        "font": {"family": FONT, "color": INK, "size": 13},
        "margin": {"l": 8, "r": 8, "t": 8, "b": 8},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "hoverlabel": {"font": {"family": FONT, "size": 13}, "bgcolor": "white"},
        "uirevision": "keep",
        **extra,
    }


def vline(x: float, line: dict[str, Any]) -> dict[str, Any]:
    """A vertical rule across the plot at data position `x`."""
    return {"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1, "line": line}


def hline(y: float, line: dict[str, Any]) -> dict[str, Any]:
    """A horizontal rule across the plot at data position `y`."""
    return {"type": "line", "xref": "paper", "yref": "y", "x0": 0, "x1": 1, "y0": y, "y1": y, "line": line}


def wrap(text: str, width: int = WRAP) -> str:
    """Text broken at ordinary spaces into lines of at most `width` characters, joined by <br> (plotly never wraps;
    a no-break space, French U+202F before ":", keeps its words together)."""
    lines: list[str] = []
    for word in re.sub(r"[ \t\r\n]+", " ", text).strip(" ").split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def message(text: str) -> dict[str, Any]:
    """A message in the middle of the plot (an empty chart says why it is empty)."""
    return {
        "text": wrap(text),
        "xref": "paper",
        "yref": "paper",
        "x": 0.5,
        "y": 0.5,
        "showarrow": False,
        "align": "center",
        "font": {"color": MUTED, "size": 13},
        "bgcolor": "rgba(255,255,255,0.85)",
    }


def empty_figure(text: str, height: int, separators: str) -> Figure:
    """A chart with nothing to draw: no axes, the reason in the middle."""
    layout = base_layout(
        height=height,
        xaxis={"visible": False},
        yaxis={"visible": False},
        separators=separators,
        showlegend=False,
        annotations=[message(text)],
    )
    return {"data": [], "layout": layout}


def text_width(text: str, size: float = 11) -> float:
    """A generous estimate of a text's width in pixels in the app's sans-serif font at `size` px."""
    return len(text) * size * 0.6


def legend_rows(names: list[str], width: float = LEGEND_WIDTH) -> int:
    """Rows a horizontal legend of these entries takes on a phone: one when they all fit, else plotly gives every
    entry the width of the widest and fills a grid."""
    entries = [46 + text_width(name, LEGEND_FONT) for name in names]
    if sum(entries) <= width:
        return 1
    columns = max(1, int(width // max(entries)))
    return math.ceil(len(entries) / columns)


def category_axis() -> dict[str, Any]:
    """The y axis of a chart with one row per country, the first on top."""
    return {
        "autorange": "reversed",
        "automargin": True,
        "tickfont": {"size": 12},
        "type": "category",
        "fixedrange": True,
    }


def legend_below() -> dict[str, Any]:
    """A horizontal legend at the bottom of the figure, under the axis: plotly reserves its height below the plot,
    so it never covers the plot or the title block a slide image adds above; it may take the whole height
    (plotly's default, half of it, hides entries behind a scroll bar). Its blank title keeps a band under the tick
    labels where a slide image writes its source line (assets/dashboard.js); being text, it grows with the slide's
    fonts."""
    return {
        "orientation": "h",
        "xref": "paper",
        "x": 0,
        "xanchor": "left",
        "yref": "container",
        "y": 0,
        "yanchor": "bottom",
        "font": {"size": LEGEND_FONT},
        "tracegroupgap": 0,
        "maxheight": 1,
        "title": {"text": "\u00a0", "side": "top", "font": {"size": LEGEND_GAP_FONT}},
    }


def legend_height(names: list[str]) -> int:
    """Pixels legend_below() takes for these entries."""
    return LEGEND_ROW * legend_rows(names) + round(1.3 * LEGEND_GAP_FONT) + 8


def clean(values: Any) -> list[Any]:
    """Plain Python numbers with None for missing ones: figures must serialise as strict JSON."""
    out: list[Any] = []
    for value in values:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            out.append(None)
        elif hasattr(value, "item"):  # numpy scalars
            item = value.item()
            out.append(None if isinstance(item, float) and math.isnan(item) else item)
        else:
            out.append(value)
    return out
