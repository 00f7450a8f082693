"""The "2005 → today" page (/then-and-now): each figure of the 2005 Mexico City expert group on migration in Latin
America and the Caribbean (../shared/SEED_FACTS.md, with its citation) beside what this site's data say for the same
years and for the latest one, and the charts that set the main ones in their series.

statements: the 2005 figures and today's numbers, computed from the processed data (no text, no formatting);
charts: the page's charts (emigrants 1990–2024 with CELADE's estimate marked, remittances with the 2004 figure marked,
the average cost of a fixed set of surveyed corridors against the SDG 10.c target)."""

from core.charts.thennow.charts import CHARTS, chart
from core.charts.thennow.statements import (
    THEMES,
    Link,
    Measure,
    Point,
    Quoted,
    Statement,
    naming,
    quoted,
    statement,
    statements,
)

__all__ = [
    "CHARTS",
    "THEMES",
    "Link",
    "Measure",
    "Point",
    "Quoted",
    "Statement",
    "chart",
    "naming",
    "quoted",
    "statement",
    "statements",
]
