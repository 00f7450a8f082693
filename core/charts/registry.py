"""The charts of the profile and corridor pages, by id: what the page draws, exports and embeds.

Chart ids are the page's DOM ids: `cv-<chart>` on the corridor view (one per core.charts.corridor chart) and
`pf-...` on a country profile (a trend per indicator, skilled emigration by sex, and the profile's corridor charts).
"""

from __future__ import annotations

import functools
from dataclasses import replace

from core.charts import corridor as flows
from core.charts import dashboard as views
from core.charts import profile as profiles
from core.charts.model import Chart
from core.data.store import get_store
from core.state.urlstate import ViewState

CORRIDOR_PREFIX = "cv-"
PROFILE_PREFIX = "pf-"
TREND_PREFIX = "pf-trend-"
PROFILE_FLOWS = ("corridors", "remittances", "costs")  # shown on a profile, for where its emigrants live
EMBED_HEIGHT = {"flow-map": 560, "corridors": 600, "change": 480, "regions": 440, "remittances": 600, "costs": 680}


def corridor_chart_ids() -> tuple[str, ...]:
    return tuple(CORRIDOR_PREFIX + name for name in flows.FLOW_CHARTS)


def profile_chart_ids() -> tuple[str, ...]:
    trends = tuple(TREND_PREFIX + indicator for indicator in get_store().meta["order"])
    return (*trends, "pf-skilled", *(PROFILE_PREFIX + name for name in PROFILE_FLOWS))


def page_of(chart_id: str) -> str | None:
    """The page a chart id belongs to ('corridors' or 'country'), None for any other text."""
    if chart_id in corridor_chart_ids():
        return "corridors"
    if chart_id in profile_chart_ids():
        return "country"
    return None


@functools.lru_cache(maxsize=1024)
def _flow_chart(name: str, subject: str, direction: str, year: int, lang: str, version: str) -> Chart:
    """flows.chart, kept: a corridor chart is the same for every visitor (readers only copy or serialise it)."""
    return flows.chart(name, subject, direction, year, lang)


def _named(chart: Chart, chart_id: str) -> Chart:
    return chart if chart.name == chart_id else replace(chart, name=chart_id)


def chart(state: ViewState, chart_id: str) -> Chart | None:
    """One chart of the state's page, or None when the id is not a chart of that page."""
    if state.subject is None or page_of(chart_id) != state.page:
        return None
    year = state.resolved_cyear(views.options())
    if state.page == "corridors":
        name = chart_id.removeprefix(CORRIDOR_PREFIX)
        chart = _flow_chart(name, state.subject, state.direction, year, state.lang, get_store().version)
        return _named(chart, chart_id)
    if chart_id.startswith(TREND_PREFIX):
        return profiles.trend_chart(state, chart_id.removeprefix(TREND_PREFIX))
    if chart_id == "pf-skilled":
        return profiles.skilled_chart(state)
    name = chart_id.removeprefix(PROFILE_PREFIX)
    latest = views.options().corridor_years[-1]
    return _named(_flow_chart(name, state.subject, "out", latest, state.lang, get_store().version), chart_id)


def embed_height(chart_id: str) -> int:
    if chart_id.startswith(TREND_PREFIX) or chart_id == "pf-skilled":
        return 380
    return EMBED_HEIGHT.get(chart_id.removeprefix(CORRIDOR_PREFIX).removeprefix(PROFILE_PREFIX), 480)
