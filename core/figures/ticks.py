"""Axis ticks written in the language's own words (plotly's "10B" reads as a trillion in Spanish): powers of ten
on a log axis, a few round steps from zero on a linear one. `label` formats a tick value (core.i18n.fmt_short)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Any

Label = Callable[[float], str]
STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)  # round multiples of a power of ten


def log_ticks(values: Iterable[float | None], label: Label, most: int | None = None) -> dict[str, Any]:
    """Every power of ten from below the smallest positive value to above the largest; {} when none is positive.
    `most`: at most that many ticks (every second or third power, counted from the largest) where the span is wide."""
    positive = [v for v in values if v is not None and v > 0 and math.isfinite(v)]
    if not positive:
        return {}
    low, high = math.floor(math.log10(min(positive))), math.ceil(math.log10(max(positive)))
    step = math.ceil((high - low + 1) / most) if most else 1
    ticks = [10.0**e for e in range(high, low - 1, -step)][::-1]
    return {"tickvals": ticks, "ticktext": [label(v) for v in ticks]}


def round_ticks(top: float, label: Label, count: int = 4) -> dict[str, Any]:
    """About `count` round ticks from zero to the first one at or above `top`; {} when there is nothing to mark."""
    if not math.isfinite(top) or top <= 0:
        return {}
    rough = top / count
    power = 10.0 ** math.floor(math.log10(rough))
    step = next(m * power for m in STEPS if m * power >= rough)
    ticks = [step * k for k in range(math.ceil(top / step - 1e-9) + 1)]
    return {"tickvals": ticks, "ticktext": [label(v) for v in ticks]}
