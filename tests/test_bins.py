"""Map colour classes (core.figures.bins): readable breaks inside the data, class numbers, colours, colorscale."""

from __future__ import annotations

import math
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.figures.bins import (
    MAX_CLASSES,
    NO_DATA_COLOR,
    classify,
    discrete_colorscale,
    linear_breaks,
    log_breaks,
    palette,
)

FAST = settings(max_examples=200, deadline=None)
# Realistic magnitudes: shares of a fraction of a percent up to remittances in the hundreds of billions.
POSITIVE = st.floats(min_value=1e-4, max_value=1e13, allow_nan=False, allow_infinity=False)
SAMPLES = st.lists(POSITIVE, min_size=1, max_size=60)


def mantissa(value: float) -> float:
    return round(value / 10 ** math.floor(math.log10(value) + 1e-12), 9)


def assert_good_breaks(breaks: list[float], values: list[float]) -> None:
    assert len(breaks) <= MAX_CLASSES - 1
    assert all(a < b for a, b in pairwise(breaks)), breaks
    assert all(min(values) < b < max(values) for b in breaks), (breaks, min(values), max(values))


# --- linear_breaks ---------------------------------------------------------------------------------------------


@FAST
@given(SAMPLES)
def test_linear_breaks_increase_inside_the_data(values):
    assert_good_breaks(linear_breaks(values), values)


@FAST
@given(SAMPLES, st.integers(min_value=2, max_value=12))
def test_linear_breaks_respect_max_classes_for_any_class_count(values, classes):
    assert_good_breaks(linear_breaks(values, classes), values)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], []),
        ([5.0], []),
        ([3.0, 3.0, 3.0], []),
        ([float("nan"), float("inf")], []),
        (list(range(1, 11)), [2, 4, 6, 7, 8]),  # readable rounding would merge two classes: a 1-unit grid
    ],
)
def test_linear_breaks_examples(values, expected):
    assert linear_breaks(values) == expected


def test_linear_breaks_ignore_missing_values():
    values = [float(v) for v in range(1, 11)]
    assert linear_breaks([*values, float("nan"), float("inf")]) == linear_breaks(values)


# --- log_breaks ------------------------------------------------------------------------------------------------


@FAST
@given(SAMPLES)
def test_log_breaks_increase_inside_the_data(values):
    assert_good_breaks(log_breaks(values), values)


@FAST
@given(SAMPLES)
def test_log_breaks_are_one_two_five_or_one_three_or_powers_of_ten(values):
    mantissas = {mantissa(b) for b in log_breaks(values)}
    assert mantissas <= {1.0, 2.0, 5.0} or mantissas <= {1.0, 3.0}, mantissas


@FAST
@given(st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=30))
def test_log_breaks_ignore_zero_negative_and_missing(values):
    positive = [v for v in values if math.isfinite(v) and v > 0]
    # restrict to the realistic range for the comparison (extreme magnitudes are covered separately)
    if all(1e-4 <= v <= 1e13 for v in positive):
        assert log_breaks(values) == log_breaks(positive)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], []),
        ([0.0, -5.0], []),
        ([7.0], []),
        ([0.03, 0.1, 0.3, 1.0], [0.05, 0.1, 0.2, 0.5]),
        ([1e-9, 1e-3, 2e-3, 1.0], [0.001, 0.01, 0.1]),
        ([10.0**k for k in range(3, 12)], [10.0**k for k in range(4, 11)][::2]),  # 1 x 10^k, thinned to fit
    ],
)
def test_log_breaks_examples(values, expected):
    assert log_breaks(values) == pytest.approx(expected)


def test_log_breaks_for_remittance_sized_values():
    values = [2e6, 3e7, 4.5e8, 1.2e9, 6.15e10, 8e9, 2.5e8, 9e7]
    breaks = log_breaks(values)
    assert breaks
    assert_good_breaks(breaks, values)
    assert {mantissa(b) for b in breaks} <= {1.0, 2.0, 5.0} or {mantissa(b) for b in breaks} <= {1.0, 3.0}


def test_log_breaks_do_not_overflow_near_float_max():
    values = [1e300, 1e307, 1.5e308]
    assert_good_breaks(log_breaks(values), values)


# --- classify --------------------------------------------------------------------------------------------------

BREAKS = [1.0, 2.0, 5.0]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.5, 1),
        (-100.0, 1),
        (1.0, 2),  # a value on a break belongs to the class above it
        (1.5, 2),
        (2.0, 3),
        (4.999, 3),
        (5.0, 4),
        (1e12, 4),
        (float("nan"), 0),
        (None, 0),
    ],
)
def test_classify(value, expected):
    assert classify(value, BREAKS) == expected


def test_classify_without_breaks_is_one_class():
    assert classify(3.0, []) == 1
    assert classify(float("nan"), []) == 0


@FAST
@given(SAMPLES, POSITIVE)
def test_classify_agrees_with_breaks(values, value):
    breaks = log_breaks(values)
    number = classify(value, breaks)
    assert 1 <= number <= len(breaks) + 1
    if not breaks or value < breaks[0]:
        assert number == 1
    if breaks and value >= breaks[-1]:
        assert number == len(breaks) + 1
    if 1 < number <= len(breaks):
        assert breaks[number - 2] <= value < breaks[number - 1]


# --- palette and colorscale ------------------------------------------------------------------------------------


@pytest.mark.parametrize("higher_is_worse", [False, True])
@pytest.mark.parametrize("classes", range(1, MAX_CLASSES + 1))
def test_palette_gives_distinct_colours(classes, higher_is_worse):
    colours = palette(classes, higher_is_worse)
    assert len(colours) == classes
    assert len(set(colours)) == classes
    assert all(c.startswith("rgb(") for c in colours)
    assert NO_DATA_COLOR not in colours


def test_palettes_differ_when_higher_is_worse():
    assert palette(5) != palette(5, higher_is_worse=True)


@pytest.mark.parametrize("classes", range(1, MAX_CLASSES + 1))
def test_discrete_colorscale_has_flat_steps_from_zero_to_one(classes):
    colours = palette(classes)
    scale = discrete_colorscale(colours)
    positions = [p for p, _ in scale]
    assert positions[0] == 0
    assert positions[-1] == 1
    assert positions == sorted(positions)
    assert len(scale) == 2 * (classes + 1)
    steps = [scale[i : i + 2] for i in range(0, len(scale), 2)]
    assert [a[1] for a, _ in steps] == [NO_DATA_COLOR, *colours]
    for (start, colour_a), (end, colour_b) in steps:
        assert colour_a == colour_b
        assert end - start == pytest.approx(1 / (classes + 1))
    for (_, (end, _)), ((start, _), _) in pairwise(steps):
        assert end == pytest.approx(start)  # no gap between steps
