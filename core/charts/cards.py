"""Link-preview images: a 1200 x 630 PNG of a page's main chart with its title, subtitle, source line and data
edition, drawn on the server from the same view models (core.figures.raster rasterises the chart's still with the
vendored font). One image per canonical view: the selection of countries, the scale and the table view do not
change it, so any combination costs nothing more."""

from __future__ import annotations

from dataclasses import replace

from core.charts import registry, stills, texts
from core.charts.model import Chart
from core.data.cache import per_version
from core.figures import raster
from core.i18n.catalog import t
from core.state.options import options
from core.state.urlstate import ViewState

PREVIEWED = ("dashboard", "country", "corridors", "thennow")  # pages with a chart of their own to preview
CARDS_KEPT = 64  # PNGs kept per process (40-80 KB each)


def canonical(state: ViewState) -> ViewState:
    """The view a preview shows: the page, its subject, indicator, focus, year, corridor settings and language (a
    page without charts shows the dashboard's)."""
    if state.page not in PREVIEWED:
        state = replace(state, page="dashboard", subject=None)
    year = state.resolved_year(options()) if state.page == "dashboard" else None
    return replace(state, year=year, countries=(), scale=None, view="map", rejected=())


def main_chart(state: ViewState) -> tuple[Chart, bool]:
    """The chart a page's preview shows, and whether it stands beside the texts (a map, taller than wide)."""
    charts = registry.page_charts(state)
    if state.page == "country":
        chart = charts.get(f"pf-trend-{state.indicator}") or next(iter(charts.values()))
        return chart, False
    if state.page == "corridors":
        return charts["cv-regions"], False
    if state.page == "thennow":
        return charts["tn-emigrants"], False
    return charts["map"], True


@per_version(maxsize=CARDS_KEPT)
def png(state: ViewState) -> bytes:
    """The preview of a canonical view (see canonical) as a PNG of 1200 x 630."""
    chart, side = main_chart(state)
    width, height = raster.chart_slot(chart.title, chart.subtitle, side=side).chart_size
    drawn = stills.still(chart, width, height) or ""
    lang = state.lang
    source = f"{t('sources.label', lang)} {chart.sources}."
    edition = t("embed.edition_note", lang, edition=texts.edition_name()).rstrip(".")
    card = raster.preview_card(chart.title, chart.subtitle, drawn, source, edition, lang, side=side)
    return raster.png(card, raster.CARD_WIDTH, raster.CARD_HEIGHT)
