"""Lines over time: the trend chart (countries beside their group's figure, a policy target, the year shown) and
series charts with their legend under the plot (shares by region, survey costs)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from core.figures import style
from core.figures.style import Figure


@dataclass(frozen=True)
class Line:
    """One line of the trend chart."""

    name: str
    years: Sequence[int]
    values: Sequence[float]
    hover: Sequence[str]
    color: str
    dash: str = "solid"
    marker_size: int = 6  # a quoted figure beside a series (a single point) is drawn larger


def trend_figure(
    lines: Sequence[Line],
    log: bool,
    y_title: str,
    empty_hint: str,
    year: int,
    ticks: dict[str, Any] | None = None,
    separators: str = ".,",
    target: tuple[float, str] | None = None,
    year_labels: dict[int, str] | None = None,
) -> Figure:
    """Selected countries over time (colour-blind-safe palette) with the focus aggregate dashed. `year_labels`:
    years the source writes otherwise ("2015/16" for a census round stored as 2015), ticked with their label."""
    traces = [
        {
            "type": "scatter",
            "x": list(line.years),
            "y": list(line.values),
            "name": line.name,
            # One point (a figure quoted beside a series, a country's one census round) is a marker, also in the
            # legend: a line sample there would promise a line.
            "mode": "markers" if len(line.years) == 1 else "lines+markers",
            "line": {"color": line.color, "width": 2.5 if line.dash == "solid" else 2, "dash": line.dash},
            "marker": {"size": line.marker_size},
            "customdata": list(line.hover),
            "hovertemplate": "%{customdata}<extra>" + line.name + "</extra>",
        }
        for line in lines
    ]
    annotations = []
    empty = not lines
    if empty:  # a chart with lines needs no hint: the page says how to add countries (components/dashboard.py)
        annotations.append(
            {
                "text": empty_hint,
                "xref": "paper",
                "yref": "paper",
                "x": 0.5,
                "y": 0.5,
                "showarrow": False,
                "font": {"color": style.MUTED, "size": 13},
                "bgcolor": "rgba(255,255,255,0.8)",
            }
        )
    target_shapes, target_notes = [], []
    if target is not None and lines:
        value, text = target
        target_shapes.append(style.hline(value, {"color": style.TARGET_COLOR, "width": 2, "dash": "dot"}))
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
                "font": {"size": 11, "color": style.TARGET_TEXT},
            }
        )
    layout = style.base_layout(
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
            **({"tickvals": list(year_labels), "ticktext": list(year_labels.values())} if year_labels else {}),
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
        shapes=[] if empty else [style.vline(year, {"color": "#9aa5b1", "width": 1, "dash": "dot"}), *target_shapes],
        annotations=annotations + target_notes,
    )
    return {"data": traces, "layout": layout}


@dataclass(frozen=True)
class Series:
    """One line of a series chart: x values (years or dates), y values (None is a gap), one hover text per point."""

    name: str
    x: Sequence[Any]
    y: Sequence[float | None]
    hover: Sequence[str]
    color: str
    width: float = 2.5
    dash: str = "solid"
    marker_size: int = 7


@dataclass(frozen=True)
class Rule:
    """A horizontal policy line across the whole x range, named in the legend (a label on the plot would sit on some
    line)."""

    name: str
    value: float
    x_range: Sequence[Any]
    color: str
    dash: str
    width: float


def series_figure(
    series: Sequence[Series],
    x_axis: dict[str, Any],
    y_axis: dict[str, Any],
    height: int,
    separators: str,
    rules: Sequence[Rule] = (),
    shapes: Sequence[dict[str, Any]] = (),
) -> Figure:
    """Lines with markers, the legend under the plot (style.legend_below), axes fixed (no zoom on a phone)."""
    traces: list[dict[str, Any]] = [
        {
            "type": "scatter",
            "mode": "lines+markers",
            "name": one.name,
            "x": list(one.x),
            "y": style.clean(one.y),
            "line": {"color": one.color, "width": one.width, "dash": one.dash},
            "marker": {"size": one.marker_size},
            "connectgaps": False,
            "customdata": list(one.hover),
            "hovertemplate": "%{customdata}<extra></extra>",
        }
        for one in series
    ]
    traces += [
        {
            "type": "scatter",
            "mode": "lines",
            "name": rule.name,
            "x": list(rule.x_range),
            "y": [rule.value, rule.value],
            "line": {"color": rule.color, "width": rule.width, "dash": rule.dash},
            "hoverinfo": "skip",
        }
        for rule in rules
    ]
    layout = style.base_layout(
        height=height,
        showlegend=True,
        legend=style.legend_below(),
        hovermode="closest",
        xaxis={
            "showgrid": False,
            "linecolor": style.AXIS_LINE,
            "ticks": "outside",
            "automargin": True,
            "tickangle": 0,
            "fixedrange": True,
            **x_axis,
        },
        yaxis={"gridcolor": style.GRID, "zeroline": False, "automargin": True, "fixedrange": True, **y_axis},
        shapes=list(shapes),
        separators=separators,
    )
    return {"data": traces, "layout": layout}
