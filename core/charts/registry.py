"""Every chart of every page, by id: the page that shows it and how it is built from the view state. Pages,
downloads, embeds, slide images and page metadata all go through here, so none of them asks which kind of chart it
holds.

Ids are the charts' DOM ids: "map", "trend", "ranking" on the dashboard; "pf-trend-<indicator>", "pf-skilled" and
"pf-<corridor chart>" on a country profile; "cv-<corridor chart>" on a corridor view; "tn-<chart>" on the "2005 →
today" page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from core.charts import corridor_view, profile, stills, thennow
from core.charts.dashboard.mapview import map_chart
from core.charts.dashboard.ranking import ranking_chart
from core.charts.dashboard.trend import trend_chart
from core.charts.model import Chart
from core.data.cache import per_version
from core.state.options import menu, options
from core.state.urlstate import ViewState

PAGES = ("dashboard", "country", "corridors", "thennow")
SUBJECT_PAGES = ("country", "corridors")  # pages about a country or group: their charts need one
PROFILE_CORRIDOR_CHARTS = ("corridors", "remittances", "costs")  # a profile shows where its emigrants live


@dataclass(frozen=True)
class Spec:
    id: str
    page: str
    build: Callable[[ViewState], Chart]
    series: bool = False  # its Download menu also offers the indicator's full series (dashboard charts)


@per_version(maxsize=512)
def _corridor_chart(name: str, subject: str, direction: str, year: int, lang: str) -> Chart:
    """A corridor chart is the same for every visitor: kept (readers only copy or serialise it)."""
    return corridor_view.chart(name, subject, direction, year, lang)


def _corridor_view(name: str) -> Callable[[ViewState], Chart]:
    def build(state: ViewState) -> Chart:
        year = state.resolved_cyear(options())
        return _corridor_chart(name, str(state.subject), state.direction, year, state.lang)

    return build


def _profile_corridors(name: str) -> Callable[[ViewState], Chart]:
    def build(state: ViewState) -> Chart:
        year = options().corridor_years[-1]
        chart = _corridor_chart(name, str(state.subject), "out", year, state.lang)
        if name != "corridors":
            return chart
        # Beside the profile's 2024 headline figures, the corridors' own revision and total are said in one line (the
        # corridor view explains, where they are far apart, why; the one-page brief has no room for it).
        line = corridor_view.reconcile(str(state.subject), "out", year, state.lang, explain=False)
        return replace(chart, notes=(*chart.notes, line)) if line else chart

    return build


def _profile_trend(indicator: str) -> Callable[[ViewState], Chart]:
    return lambda state: profile.trend_chart(state, indicator)


def specs(page: str) -> tuple[Spec, ...]:
    """The charts of a page, in the order it shows them."""
    if page == "dashboard":
        return (
            Spec("map", page, map_chart, series=True),
            Spec("trend", page, trend_chart, series=True),
            Spec("ranking", page, ranking_chart, series=True),
        )
    if page == "country":
        trends = tuple(Spec(f"pf-trend-{i}", page, _profile_trend(i)) for i in menu() if profile.has_trend(i))
        flows = tuple(Spec(f"pf-{name}", page, _profile_corridors(name)) for name in PROFILE_CORRIDOR_CHARTS)
        return (*trends, Spec("pf-skilled", page, profile.skilled_chart), *flows)
    if page == "corridors":
        return tuple(Spec(f"cv-{name}", page, _corridor_view(name)) for name in corridor_view.CHARTS)
    if page == "thennow":
        return tuple(Spec(name, page, _then_and_now(name)) for name in thennow.CHARTS)
    return ()


def _then_and_now(name: str) -> Callable[[ViewState], Chart]:
    """A chart of the "2005 → today" page: the same for every visitor in a language (kept by thennow.chart)."""
    return lambda state: thennow.chart(name, state.lang)


def spec(chart_id: object) -> Spec | None:
    """The chart an id names, on whichever page; None for any other value."""
    if not isinstance(chart_id, str):
        return None
    return next((one for page in PAGES for one in specs(page) if one.id == chart_id), None)


def page_of(chart_id: object) -> str | None:
    found = spec(chart_id)
    return found.page if found else None


def build(state: ViewState, chart_id: object) -> Chart | None:
    """One chart of the state's page, named by its id; None when the id is not a chart of that page."""
    found = spec(chart_id)
    if found is None or found.page != state.page or (state.page in SUBJECT_PAGES and state.subject is None):
        return None
    chart = found.build(state)
    return replace(chart, id=found.id, file=_file(state, found.id))


def _file(state: ViewState, chart_id: str) -> str:
    """Download file names: what the view is, then which chart of it."""
    if state.page == "dashboard":
        when = "trend" if chart_id == "trend" else str(state.resolved_year(options()))
        return f"{state.indicator}_{state.focus}_{when}" + ("_ranking" if chart_id == "ranking" else "")
    return f"{chart_id}_{state.subject}" if state.subject else chart_id


def page_charts(state: ViewState) -> dict[str, Chart]:
    """Every chart of the state's page, built once: the page draws them, the slide images take their texts."""
    built = (build(state, one.id) for one in specs(state.page))
    return {chart.id: chart for chart in built if chart is not None}


def warm() -> None:
    """Build the default view once at start-up (before gunicorn forks), so the first visitor waits for nothing."""
    from core.charts.dashboard import headlines, mapview
    from core.state.urlstate import default_state

    state = default_state(options())
    mapview.map_json(state)
    stills.shapes()
    for chart in page_charts(state).values():
        chart.figure  # noqa: B018  (drawn and kept)
    headlines.headlines(state)
