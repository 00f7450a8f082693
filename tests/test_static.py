"""The page as the server writes it (components/static.py): every component of every page written, well formed,
without ids (the app's own elements carry them), with the same numbers, titles and sources as the app, and each
chart that has a still drawn as SVG in its box."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from dash import dcc
from dash import html as dash_html

from components import pages, static
from core.charts.dashboard import headlines
from core.data import queries
from core.state.options import options

VOID = {"area", "br", "col", "hr", "img", "input", "wbr", "path", "rect", "circle", "line", "polyline", "polygon",
        "stop", "use", "ellipse"}  # fmt: skip


class Tags(HTMLParser):
    """Checks that every element is closed in order, and collects ids and text."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.ids: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value or "" for name, value in attrs if name == "id"]
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value or "" for name, value in attrs if name == "id"]

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.open, f"</{tag}> closes nothing"
        assert self.open[-1] == tag, f"</{tag}> closes <{self.open[-1]}>"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(text: str) -> Tags:
    tags = Tags()
    tags.feed(text)
    tags.close()
    assert not tags.open, f"unclosed: {tags.open[-5:]}"
    return tags


ADDRESSES = [
    ("/", ""),
    ("/", "view=table&countries=MEX,JAM&lang=es"),
    ("/", "indicator=remittances_usd&focus=world&scale=log&lang=fr"),
    ("/", "indicator=remittance_cost&focus=caricom&lang=pt"),
    ("/", "indicator=nope&year=abc"),  # a corrected link: the notice
    ("/country/SLV", ""),
    ("/country/HTI", "lang=es"),
    ("/country/XKX", ""),  # gaps everywhere
    ("/corridors/MEX", ""),
    ("/corridors/COL", "direction=in&cyear=2000&lang=fr"),
    ("/corridors/sica", ""),
    ("/sources", "countries=VEN&lang=es"),
    ("/then-and-now", ""),
    ("/then-and-now", "lang=fr"),
]


@pytest.mark.parametrize(("path", "query"), ADDRESSES)
def test_every_page_is_written_whole_and_well_formed(path: str, query: str) -> None:
    page = pages.build(path, query, "en")
    assert page is not None
    tags = parsed(page.html)
    # No element id outside the charts' own SVG: the app's elements carry the ids (Dash and plotly find them), but for
    # the skip link's target and what other elements of the first paint point at (static.KEPT_PREFIXES: a chart's
    # name and description, a control's label, a link's in-page target).
    kept = [i for i in tags.ids if not i.startswith("still-")]
    assert kept[0] == "main"
    assert all(i.startswith(static.KEPT_PREFIXES) for i in kept[1:]), kept[:5]
    pointed = set(re.findall(r'aria-(?:labelledby|describedby)="([^"]+)"', page.html))
    assert {i for i in pointed if not i.startswith("still-")} <= set(kept)  # no reference to a missing id
    heading = re.search(r"<h1[^>]*>([^<]+)</h1>", page.html)
    assert heading is not None  # one heading, written
    assert html.unescape(heading.group(1)) in page.title
    for chart_title in re.findall(r'class="chart-title"[^>]*>([^<]*)<', page.html):
        assert chart_title.strip()  # chart titles are written, not left to the app
    assert "<script" not in page.html


def test_the_dashboard_shows_its_numbers_titles_and_charts_before_any_script() -> None:
    page = pages.build("/", "indicator=remittances_usd&countries=MEX,GTM&lang=es", "en")
    assert page is not None
    text = html.unescape(page.html)
    for card in headlines.headlines(page.state):
        assert card.value in text, card.value
    for chart_id in ("map", "trend", "ranking"):
        assert f'id="still-{chart_id}"' in page.html, chart_id  # each chart as SVG
    assert "Remesas" in text
    assert "México" in text  # the selection, in the country picker and the charts
    assert "Guatemala" in text
    assert 'width="100%" height="100%"' in page.html  # stills scale to the box the interactive chart takes


def test_a_profile_and_a_corridor_view_carry_their_figures_and_charts() -> None:
    page = pages.build("/country/SLV", "", "en")
    assert page is not None
    text = html.unescape(page.html)
    stock = queries.series("emigrant_stock")
    assert not stock[stock["iso3"] == "SLV"].empty
    assert "El Salvador" in text
    stills = re.findall(r'id="still-(pf-trend-[a-z_]+)"', page.html)
    assert stills == [f"pf-trend-{i}" for i in options().years if f'data-id="pf-trend-{i}"' in page.html]
    assert len(stills) >= 5
    assert 'class="table table-sm comparison-table"' in page.html  # the comparison with its groups, a real table
    corridor = pages.build("/corridors/MEX", "", "en")
    assert corridor is not None
    assert 'id="still-cv-regions"' in corridor.html
    assert "United States" in html.unescape(corridor.html)


def test_controls_are_drawn_as_the_app_draws_them_at_rest() -> None:
    page = pages.build("/", "indicator=emigrant_stock&year=2010&countries=MEX", "en")
    assert page is not None
    chosen = re.findall(r"<option value=\"(\w+)\" selected>", page.html)
    assert chosen == ["emigrant_stock", "lac"]  # the indicator and the focus, as native selects
    assert 'aria-label="Remove Mexico from the comparison"' in page.html  # the selection, one button each
    slider = re.search(r'<div class="dash-slider-container".*?</div></div>', page.html, re.S)
    assert slider is not None
    marks = re.findall(r'class="dash-slider-mark"[^>]*>(\d{4})<', slider.group(0))
    assert marks[0] == "1990"
    assert marks[-1] == "2024"
    thumb = re.search(r"left: calc\(([\d.]+)% ", slider.group(0).split("dash-slider-thumb")[0].rsplit("<span", 2)[-2])
    assert thumb is not None
    assert float(thumb.group(1)) == pytest.approx(100 * (2010 - 1990) / (2024 - 1990), abs=0.01)
    assert re.search(
        r'<input type="radio" tabindex="-1" class="form-check-input btn-check" checked aria-label="Log">', page.html
    )


def test_a_component_the_writer_does_not_know_is_an_error() -> None:
    with pytest.raises(TypeError, match="cannot write"):
        static.page(dash_html.Div(dcc.Checklist(options=["a"])), {}, {})
    assert static.page(dash_html.Div([dcc.Store(id="x"), "a < b"]), {}, {}) == "<div>a &lt; b</div>"


def test_the_served_page_starts_the_app_only_from_its_list_of_scripts() -> None:
    from app import server

    text = server.test_client().get("/country/SLV").get_data(as_text=True)
    assert '<html lang="en" class="app-pending"' in text
    assert re.findall(r"<script[^>]*\ssrc=\"([^\"]+)\"", text) == [static_boot(text)]
    listed = re.search(r'<script id="page-scripts" type="application/json">(.*?)</script>', text, re.S)
    assert listed is not None
    assert "dash_renderer" in listed.group(1)
    assert "plotly-geo.min.js" in listed.group(1)
    assert "dash_table" not in listed.group(1)  # no DataTable on any page: its bundle is not loaded


def static_boot(text: str) -> str:
    found = re.search(r'src="(/assets/boot\.js\?v=[0-9a-f]{12})"', text)
    assert found is not None
    return found.group(1)
