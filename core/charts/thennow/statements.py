"""The 21 statements of the 2005–2006 reference documents (../shared/SEED_FACTS.md) and what this site's data say for
the same years and for the latest one: numbers only, in the units of core.i18n.formats (the page words them).

Two documents: A, the conclusions of the Expert Group Meeting on International Migration and Development in Latin
America and the Caribbean (Mexico City, 30 November – 2 December 2005), and B, ECLAC/CELADE's report to the Fifth
Coordination Meeting on International Migration (New York, November 2006). Their figures are quoted as they wrote
them ("almost 25 million"); each is set beside today's measure of the same thing for 2000 and 2005 (the documents'
reference years: CELADE's estimates come from the 2000 round of censuses), and for the latest year of its source.

Every number below comes from the processed data through core.data (queries, corridors, flows): nothing is typed in,
interpolated or spliced from two editions. Where the data measure something else, the statement says how
(`verdict`): the same measure in a later estimate, a measure whose definition differs, or none (then the closest
honest one, or nothing). A measure a data edition lacks (an earlier one has fewer groups and indicators) is missing
there, never 0."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Final

from core.data import corridors, queries
from core.data import schema as s
from core.data.cache import per_version
from core.data.store import get_store

THEN: Final = (2000, 2005)  # the documents' reference years: the 2000 census round, and the meeting's
HALF_MILLION: Final = 500_000
OVER_A_FIFTH: Final = 20.0  # % of the population abroad (statement 11)
HALF: Final = 50.0  # % of the tertiary-educated abroad (statement 19)
COST_CEILING: Final = corridors.SDG_CORRIDOR_CEILING
COST_TARGET: Final = corridors.SDG_TARGET
STATES: Final = "lac_states"  # the 33 states, as CELADE counted them
REGION: Final = "lac"  # states and territories, as UN DESA's regional totals count them
UNDESA_2024: Final = "undesa_ims2024_totals"
UNDESA_2020: Final = "undesa_ims2020_bilateral"
WDI: Final = "worldbank_wdi"
RPW: Final = "worldbank_remittance_prices_corridors"
IAB: Final = "iab_brain_drain"

SAME: Final = "same"  # the same measure, in a later estimate
DIFFERS: Final = "differs"  # today's data measure it otherwise (say how)
NONE: Final = "none"  # no comparable measure (the closest honest one, or nothing)

# Themes in the order of the page, each with its statements in the documents' order.
THEMES: Final = (
    ("emigrants", (1, 2, 7, 8, 9, 12)),
    ("destinations", (3, 4, 5, 13, 14, 15)),
    ("shares", (6, 10, 11)),
    ("women", (16,)),
    ("remittances", (17,)),
    ("costs", (18,)),
    ("skilled", (19,)),
    ("policy", (20, 21)),
)


@dataclass(frozen=True)
class Quoted:
    """A figure as a document wrote it: its number, its unit, and the decimals it was written with."""

    value: float
    unit: str  # persons, percent, usd, count
    decimals: int = 0


@dataclass(frozen=True)
class Point:
    """One value of a measure: its year (or the start and end of a period), the value, and for a count the places
    counted, each with its own value."""

    year: int
    value: float | None
    start: int | None = None  # a change over start–year
    items: tuple[tuple[str, float], ...] = ()  # (ISO3, value) of what a count counts
    reporting: tuple[int, int] | None = None  # a group's sum: members with a value, members
    carried: tuple[tuple[str, int], ...] = ()  # members whose value is from a nearby year (ISO3, year)


@dataclass(frozen=True)
class Measure:
    """One of today's measures: what it is (`key`, a catalog key's tail), its unit, its source (an id of the
    metadata's sources) and its values."""

    key: str
    unit: str  # persons, percent, usd, count
    source: str
    points: tuple[Point, ...]
    of: int | None = None  # a count's whole ("of 15 members")
    subject: str | None = None  # the country or group it is about, named in its label
    threshold: Quoted | None = None  # what a count counts above, said in its label
    places: bool = False  # a count of countries: each point's items name them


@dataclass(frozen=True)
class Link:
    """The address of the chart that shows a statement's measure: a page, its subject and the view's parameters."""

    page: str  # dashboard, country, corridors, sources
    subject: str | None = None
    indicator: str | None = None
    focus: str | None = None
    countries: tuple[str, ...] = ()
    year: int | None = None
    direction: str | None = None
    cyear: int | None = None


@dataclass(frozen=True)
class Statement:
    number: int
    theme: str
    citation: tuple[tuple[str, int | None], ...]  # (document, paragraph): ("A", 2)
    quoted: tuple[Quoted, ...]  # the figures of its sentence ("almost {a}"), in order
    verdict: str  # SAME, DIFFERS or NONE
    measures: tuple[Measure, ...]
    link: Link
    values: dict[str, tuple[float | None, str]] = field(default_factory=dict)  # numbers its note quotes, with units
    chart: str | None = None  # the chart of this page that sets it in its series
    countries: tuple[str, ...] = ()  # the countries it names (a profile links to it)
    group: str | None = None  # a group whose members its note names (as the metadata lists them)


# The documents' figures (SEED_FACTS.md), as they wrote them: theme, where they wrote it, the numbers of the sentence.
SEED: Final[dict[int, tuple[str, tuple[tuple[str, int | None], ...], tuple[Quoted, ...]]]] = {
    1: ("emigrants", (("A", 1),), (Quoted(191e6, "persons"), Quoted(60, "percent"))),
    2: ("emigrants", (("A", 2),), (Quoted(25e6, "persons"),)),
    3: ("destinations", (("A", 2),), (Quoted(18e6, "persons"),)),
    4: ("destinations", (("A", 2),), (Quoted(4e6, "persons"),)),
    5: ("destinations", (("A", 2),), (Quoted(3e6, "persons"),)),
    6: ("shares", (("A", 4),), (Quoted(4, "percent"),)),
    7: ("emigrants", (("A", 4),), (Quoted(10e6, "persons"),)),
    8: ("emigrants", (("A", 4),), (Quoted(1e6, "persons"),)),
    9: ("emigrants", (("A", 4),), (Quoted(9, "count"), Quoted(500e3, "persons"))),
    10: ("shares", (("A", 5),), (Quoted(14.5, "percent", 1), Quoted(0.4, "percent", 1))),
    11: ("shares", (("A", 5),), (Quoted(20, "percent"),)),
    12: ("emigrants", (("A", 6),), ()),
    13: ("destinations", (("A", 9),), ()),
    14: ("destinations", (("A", 10),), (Quoted(1e6, "persons"),)),
    15: ("destinations", (("A", 10),), (Quoted(600e3, "persons"),)),
    16: ("women", (("A", 13),), ()),
    17: ("remittances", (("A", 28),), (Quoted(40e9, "usd"),)),
    18: ("costs", (("A", 35),), ()),
    19: ("skilled", (("A", 41),), (Quoted(50, "percent"), Quoted(70, "percent"))),
    20: ("policy", (("A", 40),), ()),
    21: ("policy", (("A", 15), ("B", None)), ()),
}


def citation(number: int) -> tuple[tuple[str, int | None], ...]:
    """Where a statement's figure was written: (document, paragraph or None)."""
    return SEED[number][1]


def quoted(number: int) -> tuple[Quoted, ...]:
    return SEED[number][2]


def _make(
    number: int,
    verdict: str,
    measures: tuple[Measure, ...],
    link: Link,
    values: dict[str, tuple[float | None, str]] | None = None,
    chart: str | None = None,
    countries: tuple[str, ...] = (),
    group: str | None = None,
) -> Statement:
    theme, cited, figures = SEED[number]
    return Statement(number, theme, cited, figures, verdict, measures, link, values or {}, chart, countries, group)


# --- reading the data, a missing group or indicator giving None ---------------------------------------------------


def _has(indicator: str, group: str | None = None) -> bool:
    meta = get_store().meta
    return indicator in meta["indicators"] and (group is None or group in meta["groups"])


def _value(indicator: str, code: str, year: int) -> float | None:
    if not _has(indicator):
        return None
    rows = queries.series(indicator)
    found = rows[(rows["iso3"] == code) & (rows["year"] == year)]["value"]
    return float(found.iloc[0]) if len(found) else None


def _group(indicator: str, group: str, year: int) -> Point:
    """A group's figure by the site's group rule (sums, ratios of sums), with who reports; None where it has none."""
    if not _has(indicator, group):
        return Point(year, None)
    members = queries.group_members(group)
    found = queries.aggregate_at(indicator, members, year)
    if found is None:
        return Point(year, None, reporting=(0, len(members)))
    return Point(year, float(found.value), reporting=(found.reporting, found.members), carried=found.carried_from)


def _latest(indicator: str) -> int:
    return int(queries.indicator_meta(indicator)["years"][-1]) if _has(indicator) else THEN[-1]


def _years(indicator: str) -> tuple[int, ...]:
    return (*THEN, _latest(indicator))


def _corridor_years() -> tuple[int, ...]:
    return (*THEN, corridors.corridor_years()[-1])


def _members(group: str) -> tuple[str, ...]:
    return queries.group_members(group) if group in get_store().meta["groups"] else ()


def _living_in(group: str, destination: str, year: int, women: bool = False) -> float | None:
    """People born in a group's members living in `destination` (UN DESA 2020 revision), or the share of women."""
    members = _members(group)
    if not members:
        return None
    rows = corridors.group_destinations(members, year)
    row = rows[rows["destination"] == destination]
    if row.empty:
        return None
    return float(row["female_share"].iloc[0]) if women else float(row["emigrants"].iloc[0])


def _split(group: str, year: int, parts: tuple[str, ...], women: bool = False) -> float | None:
    """A group's emigrants by region of residence (corridors.regional_split): the persons of `parts`, or the share
    of women among them."""
    members = _members(group)
    if not members:
        return None
    rows = corridors.regional_split(members, year)
    rows = rows[rows["part"].isin(parts)]
    total = float(rows["emigrants"].sum())
    if not women:
        return total
    return 100.0 * float(rows["female"].sum()) / total if total else None


def _usa_share(group: str, year: int) -> float | None:
    """People born in a group's members as % of everyone UN DESA counts as a migrant in the United States."""
    inside = _living_in(group, "USA", year)
    total = float(corridors.origins("USA", year)["emigrants"].sum())
    return None if inside is None or not total else 100.0 * inside / total


def _counted(indicator: str, codes: tuple[str, ...], year: int, above: float) -> Point:
    """How many of `codes` had more than `above` in `year`, and which (largest first)."""
    if not _has(indicator):
        return Point(year, None)
    rows = queries.series(indicator)
    rows = rows[(rows["year"] == year) & rows["iso3"].isin(codes)]
    if rows.empty:
        return Point(year, None)
    over = rows[rows["value"] > above].sort_values(["value", "iso3"], ascending=[False, True])
    items = tuple((str(c), float(v)) for c, v in zip(over["iso3"], over["value"], strict=True))
    return Point(year, float(len(items)), items=items)


def _points(read: Callable[[int], float | None], years: tuple[int, ...]) -> tuple[Point, ...]:
    return tuple(Point(y, read(y)) for y in years)


def _measure(key: str, unit: str, source: str, read: Callable[[int], float | None], years: tuple[int, ...]) -> Measure:
    return Measure(key, unit, source, _points(read, years))


def _country(indicator: str, code: str, key: str, unit: str) -> Measure:
    found = _measure(key, unit, UNDESA_2024, lambda y: _value(indicator, code, y), _years(indicator))
    return replace(found, subject=code)


def _grouped(indicator: str, group: str, key: str, unit: str, source: str = UNDESA_2024) -> Measure:
    return Measure(key, unit, source, tuple(_group(indicator, group, y) for y in _years(indicator)))


# --- the statements -------------------------------------------------------------------------------------------------


def _s1() -> Statement:
    world = _grouped(s.IMMIGRANT_STOCK, "world", "world_migrants", "persons")
    return _make(
        1,
        DIFFERS,
        (world,),
        Link("dashboard", indicator=s.IMMIGRANT_STOCK, focus="world", year=2005),
    )


def _s2() -> Statement:
    states = _grouped(s.EMIGRANT_STOCK, STATES, "emigrants_states", "persons")
    region = _grouped(s.EMIGRANT_STOCK, REGION, "emigrants_region", "persons")
    both = [(a.value, b.value) for a, b in zip(states.points, region.points, strict=True)]
    territories = None if None in both[0] else float(both[0][1] or 0) - float(both[0][0] or 0)
    return _make(
        2,
        DIFFERS,
        (states, region),
        Link("dashboard", indicator=s.EMIGRANT_STOCK, focus=STATES, year=THEN[0]),
        {"territories": (territories, "persons"), "puerto_rico": (_value(s.EMIGRANT_STOCK, "PRI", THEN[0]), "persons")},
        chart="tn-emigrants",
    )


def _corridor_measure(key: str, group: str, parts: tuple[str, ...], women: bool = False) -> Measure:
    unit = "percent" if women else "persons"
    return _measure(key, unit, UNDESA_2020, lambda y: _split(group, y, parts, women), _corridor_years())


def _s3() -> Statement:
    states = _measure(
        "in_usa_states", "persons", UNDESA_2020, lambda y: _living_in(STATES, "USA", y), _corridor_years()
    )
    region = _measure(
        "in_usa_region", "persons", UNDESA_2020, lambda y: _living_in(REGION, "USA", y), _corridor_years()
    )
    year = THEN[0]
    in_corridors = _split(STATES, year, corridors.PARTS)
    return _make(
        3,
        DIFFERS,
        (states, region),
        Link("corridors", STATES, cyear=year),
        {
            "corridors": (in_corridors, "persons"),
            "totals": (_group(s.EMIGRANT_STOCK, STATES, year).value, "persons"),
        },
    )


def _s4() -> Statement:
    inside = _corridor_measure("within_region", STATES, (corridors.PART_LAC,))
    return _make(4, DIFFERS, (inside,), Link("corridors", STATES, cyear=THEN[0]))


def _s5() -> Statement:
    elsewhere = _corridor_measure(
        "other_regions", STATES, (corridors.PART_ESP, corridors.PART_REST, corridors.PART_UNKNOWN)
    )
    return _make(5, DIFFERS, (elsewhere,), Link("corridors", STATES, cyear=THEN[0]))


def _s6() -> Statement:
    states = _grouped(s.EMIGRANT_SHARE, STATES, "share_states", "percent")
    region = _grouped(s.EMIGRANT_SHARE, REGION, "share_region", "percent")
    return _make(
        6,
        SAME,
        (states, region),
        Link("dashboard", indicator=s.EMIGRANT_SHARE, focus=STATES, year=THEN[0]),
    )


def _s7() -> Statement:
    return _make(
        7,
        SAME,
        (_country(s.EMIGRANT_STOCK, "MEX", "country_stock", "persons"),),
        Link("dashboard", indicator=s.EMIGRANT_STOCK, focus=STATES, countries=("MEX",), year=THEN[1]),
        countries=("MEX",),
    )


def _s8() -> Statement:
    return _make(
        8,
        SAME,
        (
            _country(s.EMIGRANT_STOCK, "COL", "country_stock", "persons"),
            replace(_grouped(s.EMIGRANT_STOCK, "caricom", "group_stock", "persons"), subject="caricom"),
        ),
        Link("dashboard", indicator=s.EMIGRANT_STOCK, focus="caricom", countries=("COL",), year=THEN[1]),
        countries=("COL", *_members("caricom")),
        group="caricom",
    )


def _s9() -> Statement:
    others = tuple(c for c in _members(STATES) if c not in ("MEX", "COL"))
    points = tuple(_counted(s.EMIGRANT_STOCK, others, y, HALF_MILLION) for y in _years(s.EMIGRANT_STOCK))
    return _make(
        9,
        DIFFERS,
        (Measure("half_million", "count", UNDESA_2024, points, len(others), threshold=quoted(9)[1], places=True),),
        Link("dashboard", indicator=s.EMIGRANT_STOCK, focus=STATES, year=THEN[0]),
    )


def _s10() -> Statement:
    return _make(
        10,
        SAME,
        (
            _country(s.EMIGRANT_SHARE, "SLV", "country_share", "percent"),
            _country(s.EMIGRANT_SHARE, "BRA", "country_share", "percent"),
        ),
        Link("dashboard", indicator=s.EMIGRANT_SHARE, focus=STATES, countries=("SLV", "BRA"), year=THEN[0]),
        countries=("SLV", "BRA"),
    )


def _s11() -> Statement:
    members = _members("caricom")
    points = tuple(_counted(s.EMIGRANT_SHARE, members, y, OVER_A_FIFTH) for y in _years(s.EMIGRANT_SHARE))
    return _make(
        11,
        DIFFERS,
        (Measure("caribbean_fifth", "count", UNDESA_2024, points, len(members), threshold=quoted(11)[0], places=True),),
        Link("dashboard", indicator=s.EMIGRANT_SHARE, focus="caricom", year=THEN[0]),
        countries=members,
    )


def _decade(start: int, end: int) -> tuple[Point, Point]:
    """The 33 states' emigrant stock's net growth over a decade, and that growth as % of the stock at its end."""
    first, last = _group(s.EMIGRANT_STOCK, STATES, start).value, _group(s.EMIGRANT_STOCK, STATES, end).value
    if first is None or last is None:
        return Point(end, None, start), Point(end, None, start)
    return Point(end, last - first, start), Point(end, 100.0 * (last - first) / last, start)


def _s12() -> Statement:
    years = queries.indicator_meta(s.EMIGRANT_STOCK)["years"] if _has(s.EMIGRANT_STOCK) else []
    decades = [(1990, 2000), *[(y - 10, y) for y in reversed(years) if y - 10 in years][:1]]
    growth = [_decade(a, b) for a, b in decades]
    return _make(
        12,
        NONE,
        (
            Measure("decade_growth", "persons", UNDESA_2024, tuple(g for g, _ in growth)),
            Measure("decade_growth_share", "percent", UNDESA_2024, tuple(share for _, share in growth)),
        ),
        Link("dashboard", indicator=s.EMIGRANT_STOCK, focus=STATES),
        chart="tn-emigrants",
    )


def _s13() -> Statement:
    region = _measure("usa_share_region", "percent", UNDESA_2020, lambda y: _usa_share(REGION, y), _corridor_years())
    states = _measure("usa_share_states", "percent", UNDESA_2020, lambda y: _usa_share(STATES, y), _corridor_years())
    year = THEN[0]
    rows = corridors.origins("USA", year)
    puerto_rico = float(rows[rows["origin"] == "PRI"]["emigrants"].sum())
    unknown = float(rows[rows["unknown"]]["emigrants"].sum())
    return _make(
        13,
        DIFFERS,
        (region, states),
        Link("corridors", "USA", direction="in", cyear=year),
        {"puerto_rico": (puerto_rico, "persons"), "unknown": (unknown, "persons")},
    )


def _living_measure(key: str, destination: str) -> Measure:
    return _measure(key, "persons", UNDESA_2020, lambda y: _living_in(STATES, destination, y), _corridor_years())


def _s14() -> Statement:
    return _make(
        14,
        SAME,
        (_living_measure("in_spain", "ESP"),),
        Link("corridors", "ESP", direction="in", cyear=THEN[1]),
    )


def _s15() -> Statement:
    return _make(
        15,
        SAME,
        (_living_measure("in_canada", "CAN"),),
        Link("corridors", "CAN", direction="in", cyear=THEN[0]),
    )


def _women_in(destination: str) -> Callable[[int], float | None]:
    return lambda year: _living_in(STATES, destination, year, women=True)


def _s16() -> Statement:
    women = [_grouped(s.FEMALE_SHARE, STATES, "women_all", "percent")]
    for key, destination in (("women_usa", "USA"), ("women_spain", "ESP"), ("women_canada", "CAN")):
        women.append(_measure(key, "percent", UNDESA_2020, _women_in(destination), _corridor_years()))
    women.append(_corridor_measure("women_region", STATES, (corridors.PART_LAC,), women=True))
    return _make(
        16,
        DIFFERS,
        tuple(women),
        Link("corridors", STATES, cyear=corridors.corridor_years()[-1]),
    )


def _s17() -> Statement:
    years = (2004, _latest(s.REMITTANCES_USD))
    usd = Measure("remittances", "usd", WDI, tuple(_group(s.REMITTANCES_USD, STATES, y) for y in years))
    gdp = Measure("remittances_gdp", "percent", WDI, tuple(_group(s.REMITTANCES_GDP, STATES, y) for y in years))
    return _make(
        17,
        DIFFERS,
        (usd, gdp),
        Link("dashboard", indicator=s.REMITTANCES_USD, focus=STATES, year=2004),
        chart="tn-remittances",
    )


@per_version(maxsize=2)
def cost_panel() -> tuple[tuple[tuple[str, str], ...], dict[int, tuple[float, ...]]]:
    """The corridors into LAC (states and territories) that Remittance Prices Worldwide surveyed in its first and
    in its last year, and each one's mean cost in every year it was surveyed (the mean of that year's surveys, as
    corridors.cheapest_and_dearest takes it): a fixed set, so its years compare."""
    costs = get_store().corridor_costs
    inside = costs[costs["receiver"].isin(_members(REGION))]
    if inside.empty:
        return (), {}
    yearly = inside.groupby(["sender", "receiver", "year"], as_index=False)["cost_pct"].mean()
    first, last = int(yearly["year"].min()), int(yearly["year"].max())
    seen = yearly.groupby(["sender", "receiver"])["year"].agg(set)
    kept = tuple(sorted((str(a), str(b)) for (a, b), years in seen.items() if first in years and last in years))
    panel = yearly[[pair in set(kept) for pair in zip(yearly["sender"], yearly["receiver"], strict=True)]]
    by_year = {
        int(year): tuple(float(v) for v in panel.loc[panel["year"] == year, "cost_pct"])
        for year in sorted(set(panel["year"]))
    }
    return kept, by_year


def _s18() -> Statement:
    kept, by_year = cost_panel()
    years = (min(by_year), max(by_year)) if by_year else ()

    def mean(year: int) -> float | None:
        found = by_year.get(year, ())
        return sum(found) / len(found) if found else None

    def below(limit: float) -> Callable[[int], float | None]:
        return lambda year: float(sum(1 for v in by_year.get(year, ()) if v < limit)) if year in by_year else None

    return _make(
        18,
        NONE,
        (
            _measure("cost_average", "percent", RPW, mean, years),
            Measure(
                "cost_below_ceiling",
                "count",
                RPW,
                _points(below(COST_CEILING), years),
                len(kept),
                threshold=Quoted(COST_CEILING, "percent"),
            ),
            Measure(
                "cost_below_target",
                "count",
                RPW,
                _points(below(COST_TARGET), years),
                len(kept),
                threshold=Quoted(COST_TARGET, "percent"),
            ),
        ),
        Link("dashboard", indicator=s.REMITTANCE_COST, focus=STATES, year=years[-1] if years else None),
        {"corridors": (float(len(kept)), "count")},
        chart="tn-costs",
    )


def _s19() -> Statement:
    years = tuple(y for y in THEN if y in _iab_years()) + _iab_years()[-1:]
    states = _members(STATES)
    points = tuple(_counted(s.TERTIARY_RATE, states, y, HALF) for y in years)
    return _make(
        19,
        DIFFERS,
        (Measure("skilled_half", "count", IAB, points, len(states), threshold=Quoted(HALF, "percent"), places=True),),
        Link("dashboard", indicator=s.TERTIARY_RATE, focus=STATES, year=years[0] if years else None),
        countries=_members("caricom"),
    )


def _iab_years() -> tuple[int, ...]:
    return tuple(int(y) for y in queries.indicator_meta(s.TERTIARY_RATE)["years"]) if _has(s.TERTIARY_RATE) else ()


def _within(group: str, year: int) -> float | None:
    members = _members(group)
    if not members:
        return None
    rows = corridors.group_destinations(members, year)
    return float(rows[rows["within_group"]]["emigrants"].sum())


def _s20() -> Statement:
    years = (corridors.corridor_years()[0], *_corridor_years())
    inside = _measure("mercosur_within", "persons", UNDESA_2020, lambda y: _within("mercosur", y), years)
    return _make(
        20,
        NONE,
        (inside,),
        Link("corridors", "mercosur", cyear=corridors.corridor_years()[-1]),
        group="mercosur",
    )


def _s21() -> Statement:
    return _make(21, NONE, (), Link("sources"))


BUILDERS: Final[dict[int, Callable[[], Statement]]] = {
    1: _s1,
    2: _s2,
    3: _s3,
    4: _s4,
    5: _s5,
    6: _s6,
    7: _s7,
    8: _s8,
    9: _s9,
    10: _s10,
    11: _s11,
    12: _s12,
    13: _s13,
    14: _s14,
    15: _s15,
    16: _s16,
    17: _s17,
    18: _s18,
    19: _s19,
    20: _s20,
    21: _s21,
}


@per_version(maxsize=2)
def statements() -> tuple[Statement, ...]:
    """Every statement, in the documents' order, with today's numbers (computed once per data edition)."""
    return tuple(BUILDERS[number]() for number in sorted(BUILDERS))


def statement(number: int) -> Statement:
    return statements()[number - 1]


def naming(code: str) -> tuple[int, ...]:
    """The statements that name a country (by name, or as a member of CARICOM): a profile links to them."""
    return tuple(one.number for one in statements() if code in one.countries)
