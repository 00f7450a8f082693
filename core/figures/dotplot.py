"""Dot plots (lollipops) of countries: the dashboard's ranking (axis on top, the focus group's figure and a policy
target as rules) and the corridor charts' phone-fitted version (axis at the bottom, each label on the side of its
dot where it fits, an optional text column on the right)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from core.figures import style, ticks
from core.figures.style import Figure

DOT_PLOT_WIDTH = 170  # the value axis of a dot plot on a phone, between the names and the text column
LABEL_GAP = 14  # from a dot's centre to its label
COLUMN_WIDTH = 64  # the right-hand text column ("% women")


@dataclass(frozen=True)
class Ranking:
    """Dots of the focus for one year, best first."""

    names: Sequence[str]
    codes: Sequence[str]
    values: Sequence[float | None]
    labels: Sequence[str]
    highlighted: Sequence[bool]
    reference: float | None
    reference_label: str
    target: float | None = None  # a policy target (SDG 10.c: 3 % cost), drawn as a dotted rule
    target_label: str = ""
    hovers: Sequence[str] = ()  # the value in words for the tooltip, where the label beside the dot is abridged


@dataclass(frozen=True)
class Column:
    """A text column in the right margin of a fitted dot plot: its header and one text per row."""

    header: str
    texts: Sequence[str]


def _traces(data: Ranking, log: bool, positions: Sequence[str] | str = "middle right") -> list[dict[str, Any]]:
    stems_x: list[float | None] = []
    stems_y: list[str | None] = []
    base = min((v for v in data.values if v and v > 0), default=1) / 2 if log else 0
    for name, value in zip(data.names, data.values, strict=True):
        stems_x += [base, value, None]
        stems_y += [name, name, None]
    stems = {
        "type": "scatter",
        "x": stems_x,
        "y": stems_y,
        "mode": "lines",
        "line": {"color": style.STEM, "width": 2},
        "hoverinfo": "skip",
    }
    dots = {
        "type": "scatter",
        "x": style.clean(data.values),
        "y": list(data.names),
        "mode": "markers+text",
        "marker": {
            "color": [style.HIGHLIGHT if h else style.BAR for h in data.highlighted],
            "size": 11,
            "line": {"color": "white", "width": 1},
        },
        "text": list(data.labels),
        "textposition": positions if isinstance(positions, str) else list(positions),
        "textfont": {"size": 11, "color": style.MUTED},
        "cliponaxis": False,
        "customdata": [[label, code] for label, code in zip(data.hovers or data.labels, data.codes, strict=True)],
        "hovertemplate": "<b>%{y}</b><br>%{customdata[0]}<extra></extra>",
    }
    return [stems, dots]


def _rule_label(text: str, x: float, color: str, above: bool) -> dict[str, Any]:
    return {
        "text": text,
        "x": x,
        "xref": "x",
        "y": 0,
        "yref": "paper",
        "yanchor": "bottom" if above else "top",
        "xanchor": "left",
        "showarrow": False,
        "font": {"size": 11, "color": color},
        "bgcolor": "rgba(255,255,255,0.85)",
    }


def ranking_height(count: int) -> int:
    return max(220, 22 * count + 80)


def ranking_figure(
    data: Ranking, log: bool, x_title: str, ticks: dict[str, Any] | None = None, separators: str = ".,"
) -> Figure:
    """The ranking: selected countries in the accent colour, the focus aggregate as a dashed rule, the target dotted."""
    shapes, annotations = [], []
    if data.reference is not None:
        shapes.append(style.vline(data.reference, {"color": style.AGGREGATE_COLOR, "width": 1.5, "dash": "dash"}))
        annotations.append(_rule_label(data.reference_label, data.reference, style.MUTED, above=True))
    if data.target is not None:
        shapes.append(style.vline(data.target, {"color": style.TARGET_COLOR, "width": 2, "dash": "dot"}))
        annotations.append(_rule_label(data.target_label, data.target, style.TARGET_TEXT, above=False))
    layout = style.base_layout(
        height=ranking_height(len(data.names)),
        margin={"l": 8, "r": 110, "t": 8, "b": 28},
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": 12}, "type": "category"},
        xaxis={
            "type": "log" if log else "linear",
            "title": {"text": x_title, "font": {"size": 12}},
            "gridcolor": style.GRID,
            "side": "top",
            "automargin": True,
            "tickangle": 0,  # upright, and few enough to stay so in a phone's narrow plot
            "nticks": 5,
            "rangemode": "tozero" if not log else "normal",
            **(ticks or {}),
        },
        separators=separators,
        showlegend=False,
        shapes=shapes,
        annotations=annotations,
    )
    return {"data": _traces(data, log), "layout": layout}


def _placements(values: Sequence[float | None], labels: Sequence[str], end: float) -> list[str] | None:
    """Where each dot's label goes on a DOT_PLOT_WIDTH px axis from 0 to `end`: right of the dot when it fits
    there, else left of it; None when some label fits on neither side."""
    out = []
    for value, label in zip(values, labels, strict=True):
        at = max(float(value or 0.0), 0.0) / end * DOT_PLOT_WIDTH
        room = LABEL_GAP + style.text_width(label)
        if at + room <= DOT_PLOT_WIDTH or room > DOT_PLOT_WIDTH:  # a label wider than the axis: right, past its end
            out.append("middle right")
        elif at - room >= 0:
            out.append("middle left")
        else:
            return None
    return out


def fitted_end(values: Sequence[float | None], labels: Sequence[str]) -> tuple[float, list[str]]:
    """The axis end and label sides of a fitted dot plot: the axis widens until every label fits on one side of
    its dot (it ends: as the axis widens every dot nears 0, where any label goes on its right)."""
    end = max((float(v) for v in values if v and v > 0), default=1.0) * 1.06
    while (positions := _placements(values, labels, end)) is None:
        end *= 1.1
    return end, positions


def fitted_height(count: int, column: bool = False) -> int:
    return max(220, 22 * count + 60 + (16 if column else 0))


def fitted_dot_plot(data: Ranking, tick_label: ticks.Label, separators: str, column: Column | None = None) -> Figure:
    """A dot plot made to fit a phone: a linear axis at the bottom with about four ticks and no title (the chart's
    title and subtitle give the unit), each label on the side of its dot where it fits, and an optional text
    column in the right margin for a figure that would make the labels too long. Hover gives the full detail."""
    end, positions = fitted_end(data.values, data.labels)
    margin = {"l": 8, "r": 8, "t": 8, "b": 8}
    annotations: list[dict[str, Any]] = []
    if column is not None:
        margin.update({"r": COLUMN_WIDTH, "t": 24})
        cell = {
            "xref": "paper",
            "x": 1,
            "xanchor": "right",
            "xshift": COLUMN_WIDTH - 4,
            "showarrow": False,
            "font": {"size": 11, "color": style.MUTED},
        }
        annotations = [
            {
                **cell,
                "text": column.header,
                "yref": "paper",
                "y": 1,
                "yanchor": "bottom",
                "yshift": 4,
                "font": {"size": 11, "color": style.INK},
            },
            *(
                {**cell, "text": text, "yref": "y", "y": name, "yanchor": "middle"}
                for name, text in zip(data.names, column.texts, strict=True)
            ),
        ]
    layout = style.base_layout(
        height=fitted_height(len(data.names), column is not None),
        margin=margin,
        yaxis=style.category_axis(),
        xaxis={
            "type": "linear",
            "gridcolor": style.GRID,
            "side": "bottom",
            "automargin": True,
            "range": [0, end],
            "tickangle": 0,
            "fixedrange": True,
            **ticks.round_ticks(end, tick_label),
        },
        separators=separators,
        showlegend=False,
        annotations=annotations,
    )
    return {"data": _traces(data, log=False, positions=positions), "layout": layout}
