"""Charts as static SVG, drawn on the server from the same view models as the interactive figures: the first
paint of a page before its scripts run (and without them), and link previews. The map and the dashboard's ranking
draw their own (Chart.still); any line chart is drawn from its figure; other charts have no still yet."""

from __future__ import annotations

from core.charts.model import Chart
from core.data import geometry
from core.data.cache import per_version
from core.figures import projection
from core.figures.svg import trend as svg_trend
from core.figures.svg.text import TickFormat


@per_version(maxsize=1)
def shapes() -> projection.Geometry:
    """The map's shapes, projected once per data edition (about 0.4 s: done at start-up, see registry.warm)."""
    return projection.geometry(geometry.collection()["features"])


def tick_format(separators: str) -> TickFormat:
    """Tick labels as plotly writes them with these `separators` (decimal mark, then thousands mark, grouped from
    five digits)."""
    decimal, group = separators[0], separators[1]

    def write(value: float, decimals: int) -> str:
        text = f"{value:,.{decimals}f}" if abs(value) >= 10_000 else f"{value:.{decimals}f}"
        return text.replace(",", "\0").replace(".", decimal).replace("\0", group)

    return write


def still(chart: Chart, width: int, height: int) -> str | None:
    """The chart as an SVG of `width` x `height` px, or None when it has no static drawing."""
    if chart.still is not None:
        return chart.still(width, height)
    if chart.kind != "lines":
        return None
    figure = chart.figure
    if not all(isinstance(x, int | float) for trace in figure.get("data", []) for x in trace.get("x", [])):
        return None  # survey periods drawn on a date axis: no static drawing yet
    separators = str(figure.get("layout", {}).get("separators", ".,"))
    return svg_trend.lines(
        **svg_trend.trend_args(figure),
        width=width,
        height=height,
        title=chart.title,
        uid=f"still-{chart.id}",
        tick_format=tick_format(separators),
    )
