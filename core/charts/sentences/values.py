"""The plain values the sentences are written from: rows of a map or ranking, the focus group, lines of a time
chart, and a corridor view with its partners. Names are already in the sentence's language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Ranked:
    """A country or territory in a map, ranking or dot chart, as core.charts.dashboard.ranked_records gives it: ISO3
    code, name in the sentence's language, value, the year the value is from (a nearest year may stand in for the
    year asked) and rank (ties share the better rank). Functions sort them by value; rows of equal value keep the
    caller's order."""

    code: str
    name: str
    value: float
    year: int
    rank: int


@dataclass(frozen=True)
class Group:
    """The focus group: its name, its members' ISO3 codes, and its aggregate for the year (a sum or a ratio of sums,
    core.data.queries.Aggregate) with the number of members behind it; value None where no group figure is honest."""

    name: str
    members: tuple[str, ...]
    value: float | None = None
    reporting: int = 0


@dataclass(frozen=True)
class Line:
    """One line of a time chart: its name, years (ascending) and values; a None or NaN value is a gap and skipped.
    quarters (1-4, one per point) mark survey periods (remittance costs); empty for yearly data."""

    name: str
    years: Sequence[int]
    values: Sequence[float | None]
    quarters: Sequence[int] = field(default=())


@dataclass(frozen=True)
class Partner:
    """A destination (or an origin) of a corridor view: its name, persons, share of the subject's total (%) and
    share of women among those persons (%), None where unknown."""

    name: str
    persons: float
    share: float
    female_share: float | None = None


@dataclass(frozen=True)
class Corridors:
    """A corridor view: the subject's name, direction ("out": where its emigrants live; "in": where its immigrants
    were born), the UN DESA year, the total persons (every partner, unknown origins included), the share of women
    (%), every known partner largest first (core.charts.corridor.partners without the unknown origin) and the share
    (%) whose origin is not reported."""

    subject: str
    direction: str
    year: int
    total: float
    female_share: float | None
    partners: Sequence[Partner]
    unknown_share: float = 0.0


@dataclass(frozen=True)
class Money:
    """The remittances of a corridor view (one matrix year, a model estimate): direction "out", what the subject
    receives from the countries its emigrants live in; "in", what it sends. partners: (name, US$, share of the total
    in %), largest first."""

    subject: str
    direction: str
    year: int
    total: float
    partners: Sequence[tuple[str, float, float]]


# --- grammar ---------------------------------------------------------------------------------------------------
