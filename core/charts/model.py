"""One chart of the corridor and profile pages, with everything its exports and embed need.

The dashboard's three charts are built from a ViewState (core/charts/dashboard.py); the charts of the corridor
view and the country profile are built from a page state and come back as a Chart: the figure, its title and
subtitle for slide images, the data it draws (for CSV/Excel), the sources line and the notes a reader must see
beside it. The page, the download callback and the /embed route all use the same Chart, so what is exported is
what is on screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd


@dataclass(frozen=True)
class Chart:
    name: str  # stable id, used in export file names and embed URLs ("destinations", "costs", ...)
    title: str
    subtitle: str  # what, where, when: baked under the title of slide images
    figure: dict[str, Any]
    table: pd.DataFrame  # the values drawn, one row per point, columns named in the page's language
    sources: str  # short publisher names, "; "-joined
    notes: tuple[str, ...] = field(default=())  # caveats shown under the chart (a model estimate, a gap)
    height: int = 440  # pixels on the page and in an embed
