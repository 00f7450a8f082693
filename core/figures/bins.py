"""Colour classes for the map: log bins (1-2-5 steps) for quantities spanning orders of magnitude, rounded
quantile bins otherwise. Pure functions, fixed per indicator and focus so colours mean the same in every
year of an animation."""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Sequence

import numpy as np
from plotly.colors import sample_colorscale, sequential

MAX_CLASSES = 7
NO_DATA_COLOR = "#c8c8c8"


def _nice(value: float) -> float:
    """Round to a readable boundary: 1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5 times a power of ten."""
    if value <= 0:
        return 0.0
    power = 10 ** math.floor(math.log10(value))
    return min((m * power for m in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 10)), key=lambda x: abs(x - value))


def linear_breaks(values: Sequence[float], classes: int = 6) -> list[float]:
    """Inner boundaries near the quantiles of the values, rounded to readable numbers, so each colour holds
    a similar number of country-years (equal intervals would paint most of LAC one colour, because a few
    Caribbean states have shares above 100 %)."""
    data = np.asarray([v for v in values if math.isfinite(v)], dtype=float)
    if data.size == 0:
        return []
    cuts = np.quantile(data, [i / classes for i in range(1, classes)])
    breaks = sorted({_nice(float(c)) for c in cuts})
    if len(breaks) < len(set(cuts)):
        # Readable rounding merged classes (female shares cluster around 50 %: 48.7 and 51.2 both read "50"):
        # round on a grid as fine as the closest two cuts instead.
        gap = min((b - a for a, b in itertools.pairwise(sorted(set(cuts))) if b > a), default=1.0)
        grid = 10.0 ** math.floor(math.log10(gap))
        breaks = sorted({round(round(float(c) / grid) * grid, 10) for c in cuts})
    return [b for b in breaks if data.min() < b < data.max()][: MAX_CLASSES - 1]


def log_breaks(values: Sequence[float]) -> list[float]:
    """Inner boundaries at 1-2-5 x 10^k (or 1-10-100 when the range is wide) between the positive values."""
    data = np.asarray([v for v in values if math.isfinite(v) and v > 0], dtype=float)
    if data.size == 0:
        return []
    low, high = np.percentile(data, [5, 95])
    exponents = range(math.floor(math.log10(low)), min(math.ceil(math.log10(high)), 308) + 1)
    for mantissas in ((1, 2, 5), (1, 3), (1,)):
        candidates = [m * 10.0**e for e in exponents for m in mantissas]
        breaks = [float(b) for b in candidates if low < b < high]
        if len(breaks) <= MAX_CLASSES - 1:
            return breaks
    return breaks[:: math.ceil(len(breaks) / (MAX_CLASSES - 1))]


def classify(value: float, breaks: Sequence[float]) -> int:
    """Class number 1..len(breaks)+1 of a value (0 is reserved for 'no data')."""
    if value is None or not math.isfinite(value):
        return 0
    return 1 + bisect.bisect_right(breaks, value)


def palette(classes: int, higher_is_worse: bool = False) -> list[str]:
    """Colour-blind-safe sequential colours (ColorBrewer YlGnBu, or OrRd where higher is worse)."""
    scale = sequential.OrRd if higher_is_worse else sequential.YlGnBu
    positions = [0.15 + 0.85 * i / max(classes - 1, 1) for i in range(classes)]
    return sample_colorscale(scale, positions, colortype="rgb")


def discrete_colorscale(colors: Sequence[str]) -> list[list[object]]:
    """A plotly colorscale with flat steps, class 0 (no data) grey, for integer z from 0 to len(colors)."""
    steps = [NO_DATA_COLOR, *colors]
    n = len(steps)
    scale: list[list[object]] = []
    for i, color in enumerate(steps):
        scale.append([i / n, color])
        scale.append([(i + 1) / n, color])
    return scale
