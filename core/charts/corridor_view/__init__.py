"""The corridor view's charts (also shown on a country profile): who went where, how it changed, the shares by
region, the money sent home and what sending it costs; each a Chart, by name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from core.charts.corridor_view.change import change_chart
from core.charts.corridor_view.flowmap import flow_map_chart
from core.charts.corridor_view.headlines import reconcile
from core.charts.corridor_view.money import costs_chart, remittances_chart
from core.charts.corridor_view.partners import corridors_chart
from core.charts.corridor_view.regions import regions_chart
from core.charts.model import Chart
from core.data import flows
from core.i18n.catalog import LANGUAGES

__all__ = ["CHARTS", "chart", "reconcile"]

CHARTS: Final[dict[str, Callable[[str, str, int, str], Chart]]] = {
    "flow-map": flow_map_chart,
    "corridors": corridors_chart,
    "change": change_chart,
    "regions": regions_chart,
    "remittances": remittances_chart,
    "costs": costs_chart,
}


def chart(name: str, subject: str, direction: str, year: int, lang: str) -> Chart:
    """One chart of the corridor view; ValueError (one line) for an unknown chart, subject, direction, year or
    language. `year` is a UN DESA year; the remittance matrix has its own year and the costs their surveys."""
    if not isinstance(name, str) or name not in CHARTS:
        raise ValueError(f"unknown chart {name!r}: one of {', '.join(CHARTS)}")
    if not isinstance(lang, str) or lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: one of {', '.join(LANGUAGES)}")
    code = flows.check_subject(subject)
    return CHARTS[name](code, flows.check_direction(code, direction), flows.check_year(year), lang)
