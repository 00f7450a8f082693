"""Which page an address shows, drawn whole on the server: the view decoded from the query string (the visitor's
browser language when it names none), the page's layout, the same layout as plain HTML for the first paint, its
document title and the corrected address of a link that had to fall back to defaults. No callback runs to fill a
page: its first paint is its final content."""

from __future__ import annotations

from dataclasses import dataclass

from dash import dcc, html

from components import corridors, dashboard, ids, profile, shell, sources, static, thennow
from core.charts import facts, registry, texts
from core.charts.model import Chart
from core.data import queries
from core.data.cache import per_version
from core.i18n.catalog import t
from core.state.address import state_of
from core.state.options import options
from core.state.urlstate import ViewState

PAGES_KEPT = 24  # drawn pages kept per process (about 1 MB each): the most visited views
BUILDERS = {
    "dashboard": dashboard.layout,
    "country": profile.layout,
    "corridors": corridors.layout,
    "sources": sources.layout,
    "thennow": thennow.layout,
}


@dataclass(frozen=True)
class Page:
    state: ViewState
    browser_lang: str
    title: str  # the document's <title>
    layout: html.Div
    corrected: str | None  # the canonical query when the link had to be corrected
    html: str  # the layout as HTML: what the page shows before its scripts run
    description: str  # its key facts in a sentence or two: the meta description of search results and previews


# The box each chart's still is drawn in on a laptop (it scales to its box elsewhere): by page, then chart id or
# kind; the height is the chart's own unless given.
STILL_WIDTHS = {
    "dashboard": {"map": (760, 540), "trend": (540, 340), "ranking": (540, 0)},
    "country": {"lines": (320, 0), "dots": (440, 0)},
    "corridors": {"flow_map": (1300, 0), "lines": (440, 0), "dots": (640, 0)},
    "sources": {},
    "thennow": {"lines": (640, 0)},
}


def still_sizes(page: str, charts: dict[str, Chart]) -> dict[str, tuple[int, int]]:
    sizes = STILL_WIDTHS[page]
    out = {}
    for chart_id, chart in charts.items():
        width, height = sizes.get(chart_id) or sizes.get(chart.kind) or (540, 0)
        out[chart_id] = (width, height or chart.height)
    return out


def title(state: ViewState) -> str:
    site = t("app.title", state.lang)
    if state.page == "country":
        return (
            t("profile.title", state.lang, country=queries.country_name(str(state.subject), state.lang)) + " · " + site
        )
    if state.page == "corridors":
        name = texts.subject_name(str(state.subject), state.lang)
        year = state.resolved_cyear(options())
        return t(f"route.corridor_title_{state.direction}", state.lang, name=name, year=year) + " · " + site
    if state.page == "sources":
        return t("sources_page.title", state.lang) + " · " + site
    if state.page == "thennow":
        return t("thennow.title", state.lang) + " · " + site
    return site


def address(search: str) -> dcc.Location:
    """The dashboard's address as the browser shows it once a corrected link is replaced (see replaceUrl), every
    part given: dcc.Location then sets none of them when it mounts, so the dashboard's callback hears only later
    changes (Back, Forward), and a mount racing replaceUrl cannot push the uncorrected address back."""
    return dcc.Location(id=ids.URL, refresh=False, pathname="/", search=search, hash="", href="/" + search)


def build(path: str, query: str, accept_language: str | None) -> Page | None:
    found = state_of(path, query, accept_language)
    if found is None:
        return None
    state, browser_lang = found
    raw = query and "?" + query.removeprefix("?")
    corrected = shell.canonical_query(state, raw, browser_lang)
    return _drawn(state, state.rejected, browser_lang, raw if corrected is None else corrected, corrected)


@per_version(maxsize=PAGES_KEPT)
def _drawn(state: ViewState, rejected: tuple[str, ...], browser_lang: str, search: str, corrected: str | None) -> Page:
    """A page drawn once per view (its notice included: `rejected` is not part of a ViewState's equality) and kept:
    the same view asked again costs no drawing. Pages are shared: nothing may change them."""
    charts = registry.page_charts(state)
    content, meta = BUILDERS[state.page](state, browser_lang, charts)
    if state.page == "dashboard":
        content = [address(search), *content]
    layout = shell.page(state, browser_lang, content, meta, corrected)
    written = static.page(layout, charts, still_sizes(state.page, charts))
    return Page(state, browser_lang, title(state), layout, corrected, written, facts.description(state))


def default_layout() -> html.Div:
    """The dashboard in its default view: what Dash is given as its layout (each request gets its own page)."""
    page = build("/", "", None)
    assert page is not None
    return page.layout
