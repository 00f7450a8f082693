"""One chart, with everything a page, a download, an embed and a slide image need: the same Chart is drawn on the
page, exported as data and as an image, and embedded, so what leaves the site is what is on screen.

Charts are built from a ViewState by the builders the registry (core/charts/registry.py) names by chart id. Their
figure and table are drawn on first use: a page that only needs a chart's texts (a slide image's title, a link
preview) does not pay for its figure. Its key facts (the sentences under it, its accessible name and description, the
numbers a speaker's notes give) are written on first use too, from what the builder drew (core.charts.explain)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

Figure = dict[str, Any]


@dataclass(frozen=True)
class Facts:
    """What a chart says in words, in its language: its accessible name (its kind and title), one sentence on what
    it draws (its accessible description), its key facts (under it on the page, in slide notes) and its main numbers
    (one line each, for a speaker's notes)."""

    name: str
    description: str = ""
    sentences: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Chart:
    id: str  # the registry id, also the chart's DOM id: "map", "pf-trend-emigrant_share", "cv-costs", ...
    title: str
    subtitle: str  # what, where, when: baked under the title of slide images, embeds and data files
    draw: Callable[[], Figure]  # the figure (a plotly dict), built when first asked for
    rows: Callable[[], pd.DataFrame]  # the values drawn, one row per point, columns named in the chart's language
    sources: str  # short publisher names, "; "-joined: the line under the chart
    notes: tuple[str, ...] = ()  # caveats shown under the chart (a model estimate, a gap)
    about: tuple[tuple[str, str], ...] = ()  # (label, text) metadata that travels with the data
    height: int = 440  # pixels on the page and in an embed
    kind: str = "lines"  # map, flow_map, lines, dots, ranking (dots, axis on top): how slide images lay it out
    file: str = ""  # the stem of its download files (the registry fills it)
    # The chart as a static SVG of (width, height) px, drawn on the server: the page's first paint before plotly
    # draws, and link previews. None: core.charts.stills draws line charts from the figure, others have none.
    still: Callable[[int, int], str] | None = field(default=None, compare=False, repr=False)
    # Its facts, written when first asked for; None: a chart that says nothing beyond its title.
    explain: Callable[[], Facts] | None = field(default=None, compare=False, repr=False)
    source_ids: tuple[str, ...] = ()  # the sources of its numbers (ids of the metadata's "sources"), for citations
    _built: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def figure(self) -> Figure:
        if "figure" not in self._built:
            self._built["figure"] = self.draw()
        return self._built["figure"]

    @property
    def table(self) -> pd.DataFrame:
        if "table" not in self._built:
            self._built["table"] = self.rows()
        return self._built["table"]

    @property
    def facts(self) -> Facts:
        if "facts" not in self._built:
            self._built["facts"] = self.explain() if self.explain is not None else Facts(self.title)
        return self._built["facts"]


def ready(value: Any) -> Callable[[], Any]:
    """A figure or table already built, for a Chart."""
    return lambda: value


@dataclass(frozen=True)
class Headline:
    """One headline figure: a label, the value as written, and a note (its year, who reported, its source)."""

    label: str
    value: str
    note: str
