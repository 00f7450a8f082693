"""Axes of server-drawn charts: plotly's autorange and automatic ticks, and the axis lines, grid and tick labels."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from core.figures.svg.text import AUTO_PAD, MARKER_PAD, TickFormat

# --- axes ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Axis:
    """A value axis: its range in axis units (log10 of the value on a log axis) and its ticks."""

    lo: float
    hi: float
    log: bool
    ticks: tuple[tuple[float, str], ...]  # value (not log) and label

    def to_unit(self, value: float) -> float:
        """Position along the axis as a fraction 0..1."""
        v = math.log10(value) if self.log else value
        return (v - self.lo) / (self.hi - self.lo) if self.hi != self.lo else 0.5


def _autorange(
    values: Sequence[float], length: float, log: bool, to_zero: bool, marker: float, tight: Sequence[float] = ()
) -> tuple[float, float]:
    """plotly's autorange of padded scatter data: each end 5 % of the length plus the marker size / 1.6 beyond the
    data; with rangemode 'tozero' zero is included with no padding; `tight` values (shapes) are included unpadded."""
    data = [math.log10(v) if log else v for v in values if v is not None and math.isfinite(v) and (v > 0 or not log)]
    extra = [math.log10(v) if log else v for v in tight if v is not None and math.isfinite(v) and (v > 0 or not log)]
    if not data:
        return (0.0, 1.0)
    vmin, vmax = min(data), max(data)
    pad = AUTO_PAD * length + marker * MARKER_PAD
    if to_zero and not log and vmin >= 0:
        lo, hi = 0.0, (vmax * length / (length - pad) if vmax > 0 else 1.0)
    elif vmax == vmin:
        lo, hi = vmin - 1, vmax + 1
    else:
        span = (vmax - vmin) / (length - 2 * pad)
        lo, hi = vmin - pad * span, vmax + pad * span
    if extra:
        lo, hi = min(lo, *extra), max(hi, *extra)
    return lo, hi


def _decimals(step: float) -> int:
    return max(0, -math.floor(math.log10(step) + 1e-9)) if step > 0 else 0


def _nice_step(rough: float) -> float:
    """plotly's roundDTick with roundBase10 = (2, 5, 10)."""
    base = 10 ** math.floor(math.log10(rough))
    return base * next(m for m in (2, 5, 10) if m >= rough / base - 1e-9)


def auto_ticks(lo: float, hi: float, length: float, log: bool, vertical: bool) -> list[float]:
    """Tick values plotly's 'auto' mode picks for a range (log10 units on a log axis) and a length in pixels."""
    count = min(max(length / (40 if vertical else 80), 4), 9) + 1
    rough = abs(hi - lo) / count
    if rough <= 0:
        return []
    if not log:
        step = _nice_step(rough)
        first = math.ceil(lo / step - 1e-9)
        return [round(k * step, 12) for k in range(first, math.floor(hi / step + 1e-9) + 1)]
    if rough > 0.7:  # powers of ten only, every ceil(rough) decades
        step = math.ceil(rough)
        return [10.0**k for k in range(math.ceil(lo), math.floor(hi) + 1) if k % step == 0]
    if hi - lo < 1:  # less than a decade: linear ticks, labelled in full
        rough = abs(10**hi - 10**lo) / (1.5 * abs(hi - lo) / rough)
        step = _nice_step(rough)
        return [k * step for k in range(math.ceil(10**lo / step), math.floor(10**hi / step) + 1) if k > 0]
    # between powers of ten, plotly's 'D2' marks 2 and 5 as well (its 'D1' every digit: 1-2-5 is kept here)
    return [
        m * 10.0**k
        for k in range(math.floor(lo), math.ceil(hi) + 1)
        for m in (1, 2, 5)
        if lo <= math.log10(m * 10.0**k) <= hi
    ]


def axis(
    values: Sequence[float],
    length: float,
    *,
    log: bool,
    vertical: bool,
    to_zero: bool,
    marker: float,
    fmt: TickFormat,
    ticks: Sequence[tuple[float, str]] | None = None,
    tight: Sequence[float] = (),
    reverse_ticks: bool = False,
) -> Axis:
    lo, hi = _autorange(values, length, log, to_zero, marker, tight)
    if ticks is not None:
        chosen = tuple((float(v), str(t)) for v, t in ticks if v > 0 or not log)
    else:
        picked = auto_ticks(lo, hi, length, log, vertical)
        steps = [b - a for a, b in itertools.pairwise(picked)]
        decimals = (
            max((_decimals(s) for s in steps), default=0) if not log else max((_decimals(v) for v in picked), default=0)
        )
        chosen = tuple((v, fmt(v, decimals)) for v in picked)
    inside = tuple((v, t) for v, t in chosen if lo - 1e-9 <= (math.log10(v) if log else v) <= hi + 1e-9)
    return Axis(lo, hi, log, tuple(reversed(inside)) if reverse_ticks else inside)


def plain_ticks(value: float, decimals: int) -> str:
    """A tick label with '.' as decimal mark and no grouping (callers pass their language's `TickFormat`)."""
    return f"{value:.{decimals}f}"
