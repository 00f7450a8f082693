"""The country profile (/country/<ISO3>): headline figures, every indicator's trend beside the subregion and the
region, skilled emigration by sex, and a comparison with the groups the country belongs to.

Group figures come from core.data.queries.aggregate_series, so they follow each indicator's rule in indicators.yaml:
totals are sums, shares are ratios of sums, and indicators with no honest aggregate (costs, skilled emigration
rates) show none. Nothing is interpolated: a year without a value is a gap in the line and "—" in a table.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import pandas as pd

from core.charts import explain, texts
from core.charts.dashboard import common
from core.charts.model import Chart, ready
from core.data import published, queries
from core.data import schema as s
from core.data.store import get_store
from core.figures import lines, style, ticks
from core.i18n.catalog import t
from core.i18n.formats import fmt_compact, fmt_short, fmt_value, separators
from core.state.options import menu, options
from core.state.urlstate import ViewState

LAC = "lac"
SUBREGION_GROUP = {"Caribbean": "caribbean", "Central America": "central_america", "South America": "south_america"}
BLOC_COLUMNS = ("caricom", "oecs", "sica", "mercosur", "can", "pacific_alliance")  # column = group id
SKILLED_SERIES = (
    (s.TERTIARY_RATE_FEMALE, "profile.women", style.QUALITATIVE[1]),
    (s.TERTIARY_RATE_MALE, "profile.men", style.QUALITATIVE[0]),
    (s.TERTIARY_RATE, "profile.all", style.AGGREGATE_COLOR),
)
SKILLED_SOURCE = "iab_brain_drain"
DIOC_SOURCE = "oecd_dioc_2015_16"


@dataclass(frozen=True)
class Figure:
    """One headline: an indicator's latest value for the country, with its year and source."""

    indicator: str
    label: str
    value: str
    year: int | None
    note: str
    anomaly: bool = False  # a published value far out of line with its neighbouring years, kept as published


@dataclass(frozen=True)
class Comparison:
    """One row of the comparison table: the country and each of its groups in the same year."""

    indicator: str
    label: str
    year: int | None
    country: str
    groups: tuple[str, ...]  # one cell per group of groups(), "—" where the group has no honest figure, "*" after a
    # figure with members carried from a nearby year
    share: str  # the country's share of the first group's total (sums only), else ""
    values: tuple[float | None, ...] = ()  # the same as numbers: country, each group, share (for downloads)


def lac_member(code: str) -> bool:
    return bool(get_store().countries.loc[code, "lac"])


def groups(code: str) -> tuple[str, ...]:
    """The groups a country belongs to, in menu order: its subregion, its blocs, then LAC (LAC countries only)."""
    return _groups(code, get_store().version)


@functools.lru_cache(maxsize=512)
def _groups(code: str, version: str) -> tuple[str, ...]:
    row = get_store().countries.loc[code]
    found = []
    subregion = str(row["subregion"])
    if row["lac"] and subregion in SUBREGION_GROUP:
        found.append(SUBREGION_GROUP[subregion])
    found += [column for column in BLOC_COLUMNS if bool(row[column])]
    if row["lac"]:
        found.append(LAC)
    return tuple(found)


def compared_groups(state: ViewState) -> tuple[str, ...]:
    """The country's own groups, and the dashboard's focus too when the visitor came from one it is not in."""
    own = groups(str(state.subject))
    extra = (state.focus,) if state.focus not in own and state.focus in options().groups else ()
    return own + extra


def share_group(state: ViewState) -> str | None:
    """The group whose total the country's share is given of: the visitor's focus when the country belongs to it,
    else its first own group (its subregion); None for a country outside LAC."""
    own = groups(str(state.subject))
    if state.focus in own:
        return state.focus
    return own[0] if own else None


def _latest(indicator: str, code: str) -> tuple[int, float, bool] | None:
    """The country's latest (year, value, anomaly) of an indicator; None when it has none."""
    rows = queries.series(indicator)
    rows = rows[rows["iso3"] == code].sort_values("year")
    if rows.empty:
        return None
    last = rows.iloc[-1]
    return int(last["year"]), float(last["value"]), bool(last["anomaly"])


def headline_figures(state: ViewState) -> list[Figure]:
    """Every indicator's latest value for the country, each with the year it is from and its source."""
    code, lang = str(state.subject), state.lang
    out = []
    for indicator in menu():
        latest = _latest(indicator, code)
        label = texts.label(indicator, lang, "short_label")
        if latest is None:
            out.append(Figure(indicator, label, t("format.missing", lang), None, t("profile.no_data", lang)))
            continue
        year, value, anomaly = latest
        note = t(
            "profile.figure_note",
            lang,
            year=texts.year_label(indicator, year),
            source=texts.indicator_sources(indicator, lang),
        )
        if anomaly:
            note += " · " + t("value.as_published", lang)
        out.append(Figure(indicator, label, fmt_value(value, texts.unit(indicator), lang), year, note, anomaly))
    return out


def _group_value(indicator: str, group: str, year: int) -> tuple[float | None, bool]:
    """A group's figure in a year by the group rule, and whether some member's value is carried from a nearby year."""
    aggregate = queries.aggregate_at(indicator, queries.group_members(group), year)
    if aggregate is None or not math.isfinite(aggregate.value):
        return None, False
    return aggregate.value, aggregate.carried > 0


def _shown(value: float | None, unit: str, lang: str) -> str:
    """A cell of the comparison table. Money is a bare compact number there (19.6 billion, 19,6 milliards): the
    row label gives the currency, as tables do, where "19,6 milliards de dollars des États-Unis" in each cell
    would squeeze the columns off an A4 page."""
    if value is None:
        return t("format.missing", lang)
    return fmt_compact(value, lang) if unit == "usd" else fmt_value(value, unit, lang)


def comparison(state: ViewState) -> list[Comparison]:
    """The country against its subregion, blocs and LAC, each indicator in the country's latest year with data.

    Percentages are compared as they are (a group's is a ratio of sums); for totals the country's share of its
    first group's total is given, since a country's count beside a sum says little by itself."""
    code, lang = str(state.subject), state.lang
    chosen = compared_groups(state)
    shared = share_group(state)
    rows = []
    for indicator in menu():
        latest = _latest(indicator, code)
        label = texts.label(indicator, lang, "short_label")
        if latest is None:
            blank = t("format.missing", lang)
            rows.append(Comparison(indicator, label, None, blank, tuple(blank for _ in chosen), ""))
            continue
        year, value, _ = latest
        unit = texts.unit(indicator)
        found = [_group_value(indicator, group, year) for group in chosen]
        numbers = [number for number, _ in found]
        share = None
        total = _group_value(indicator, shared, year)[0] if shared and unit != "percent" else None
        if total:
            share = 100.0 * value / total
        cells = tuple(_shown(v, unit, lang) + (" *" if carried else "") for v, carried in found)
        rows.append(
            Comparison(
                indicator,
                label,
                year,
                _shown(value, unit, lang),
                cells,
                "" if share is None else fmt_value(share, "percent", lang),
                (value, *numbers, share),
            )
        )
    return rows


def _published(value: float | None, indicator: str | None) -> float | None:
    """A cell of the comparison as its source publishes it (a share of a total: 15 significant digits)."""
    shown = None if value is None else published.indicator_value(value, indicator) if indicator else value
    return None if shown is None else published.significant(float(shown))


def comparison_table(state: ViewState) -> pd.DataFrame:
    """comparison() as numbers (unit in the indicator column), for the page's data download."""
    lang = state.lang
    chosen = compared_groups(state)
    columns = [
        t("profile.indicator", lang),
        t("about.unit", lang),
        t("table.year_plain", lang),
        queries.country_name(str(state.subject), lang),
        *(texts.group_name(g, lang) for g in chosen),
    ]
    shared = share_group(state)
    if shared:
        columns.append(t("profile.share_of", lang, group=texts.group_name(shared, lang)))
    records = []
    for row in comparison(state):
        numbers = list(row.values) or [None] * (len(columns) - 3)
        kinds = [row.indicator] * (len(numbers) - 1) + [None]  # the last is a share of the group's total, in %
        cells = [_published(v, k) for v, k in zip(numbers, kinds, strict=True)][: len(columns) - 3]
        cells += [None] * (len(columns) - 3 - len(cells))
        records.append([row.label, t(f"unit.{texts.unit(row.indicator)}", lang), row.year, *cells])
    frame = pd.DataFrame(records, columns=columns)
    return frame.astype({columns[2]: "Int64"})


def trend_chart(state: ViewState, indicator: str) -> Chart:
    """The country's line beside its subregion's and LAC's (where the indicator has an honest group figure)."""
    code, lang = str(state.subject), state.lang
    unit = texts.unit(indicator)
    rows = queries.series(indicator)
    own = rows[rows["iso3"] == code].sort_values("year")
    name = queries.country_name(code, lang)
    drawn = [
        lines.Line(
            name=name,
            years=own["year"].tolist(),
            values=own["value"].tolist(),
            hover=[
                t("trend.hover_year", lang, year=y, value=fmt_value(v, unit, lang, compact=False))
                for y, v in zip(own["year"], own["value"], strict=True)
            ],
            color=style.HIGHLIGHT,
        )
    ]
    records = [(name, y, v, bool(c)) for y, v, c in zip(own["year"], own["value"], own["computed"], strict=True)]
    own_groups = groups(code)
    shown_groups = [g for g in (own_groups[0] if own_groups else None, LAC) if g]
    if unit == "percent":  # a sum beside one country's count would flatten its line: compare shares only
        for group, dash in zip(dict.fromkeys(shown_groups), ("dash", "dot"), strict=False):
            aggregate = queries.aggregate_series(indicator, queries.group_members(group))
            if not aggregate:
                continue
            group_name = texts.group_name(group, lang)
            drawn.append(
                lines.Line(
                    name=group_name,
                    years=[a.year for a in aggregate],
                    values=[a.value for a in aggregate],
                    hover=[
                        t("trend.hover_year", lang, year=a.year, value=fmt_value(a.value, unit, lang))
                        for a in aggregate
                    ],
                    color=style.AGGREGATE_COLOR if dash == "dash" else style.MUTED,
                    dash=dash,
                )
            )
            records += [(group_name, a.year, a.value, True) for a in aggregate]
    years = queries.indicator_meta(indicator)["years"]
    # The visitor's year marks the trend of the indicator they came from; the others mark their latest year.
    latest = int(own["year"].max()) if len(own) else years[-1]
    year = state.resolved_year(options()) if state.indicator == indicator else latest
    top = max((v for line in drawn for v in line.values if v is not None and math.isfinite(v)), default=0.0)
    target = common.target_line(indicator, lang)
    figure = lines.trend_figure(
        drawn if not own.empty else [],
        log=False,  # one country's own range: a linear axis reads best
        y_title=texts.label(indicator, lang, "short_label"),
        empty_hint=t("profile.no_data", lang),
        year=year,
        ticks={} if unit == "percent" else ticks.round_ticks(top, lambda v: fmt_short(v, lang), count=4),
        separators=separators(lang),
        target=target,
    )
    columns = [
        t("table.country", lang),
        t("table.year_plain", lang),
        texts.label(indicator, lang, "short_label"),
        t("export.computed", lang),
    ]
    table = pd.DataFrame(records, columns=columns).astype({columns[0]: "str", columns[1]: "int64", columns[3]: bool})
    table[columns[2]] = published.indicator_values(table[columns[2]], indicator)
    title, shown = texts.label(indicator, lang), explain.said(drawn if not own.empty else [])
    return Chart(
        id=f"pf-trend-{indicator}",
        title=title,
        subtitle=t("profile.trend_subtitle", lang, country=name, first=years[0], last=years[-1]),
        draw=ready(figure),
        rows=ready(table),
        sources=texts.indicator_sources(indicator, lang),
        about=common.about(indicator, lang),
        height=260,
        # The country's own line is said; its groups' lines are context (in the description and the numbers).
        explain=lambda: explain.lines(title, shown, unit, lang, shown[:1], None if target is None else target[0]),
        source_ids=common.source_ids(indicator),
    )


def skilled_chart(state: ViewState) -> Chart:
    """Emigration rates of the tertiary-educated, women and men (IAB 1980–2010), where the data has them."""
    code, lang = str(state.subject), state.lang
    drawn: list[lines.Line] = []
    records: list[tuple[str, int, float]] = []
    for indicator, key, color in SKILLED_SERIES:
        rows = queries.series(indicator)
        own = rows[rows["iso3"] == code].sort_values("year")
        if own.empty:
            continue
        label = t(key, lang)
        drawn.append(
            lines.Line(
                name=label,
                years=own["year"].tolist(),
                values=own["value"].tolist(),
                hover=[
                    t("trend.hover_year", lang, year=y, value=fmt_value(v, "percent", lang))
                    for y, v in zip(own["year"], own["value"], strict=True)
                ],
                color=color,
                dash="solid" if indicator != s.TERTIARY_RATE else "dash",
            )
        )
        records += [(label, y, v) for y, v in zip(own["year"], own["value"], strict=True)]
    figure = lines.trend_figure(
        drawn,
        log=False,
        y_title=t("profile.skilled_axis_short", lang),
        empty_hint=t("profile.no_data", lang),
        year=max((y for _, y, _ in records), default=2010),
        separators=separators(lang),
    )
    columns = [t("profile.sex", lang), t("table.year_plain", lang), t("profile.skilled_axis", lang)]
    table = pd.DataFrame(records, columns=columns).astype({columns[0]: "str", columns[1]: "int64"})
    table[columns[2]] = published.indicator_values(table[columns[2]], s.TERTIARY_RATE)  # one source, one unit
    name = queries.country_name(code, lang)
    title = t("profile.skilled_title", lang)
    has_dioc = bool(dioc_note(code, lang))
    return Chart(
        id="pf-skilled",
        title=title,
        subtitle=t("profile.skilled_subtitle", lang, country=name),
        draw=ready(figure),
        rows=ready(table),
        sources=texts.sources_line((SKILLED_SOURCE, *((DIOC_SOURCE,) if has_dioc else ())), lang),
        notes=(t("profile.skilled_note", lang), *dioc_note(code, lang)),
        about=common.about(s.TERTIARY_RATE, lang),
        height=260,
        explain=lambda: explain.lines(title, explain.said(drawn), "percent", lang),
        source_ids=(SKILLED_SOURCE, *((DIOC_SOURCE,) if has_dioc else ())),
    )


def dioc_note(code: str, lang: str) -> tuple[str, ...]:
    """Beside IAB's rates (to 2010), DIOC's later count (around 2015/16): tertiary-educated emigrants aged 15+ in 35
    OECD countries, by sex, and their share of the emigrants with known education; () where DIOC has none."""
    if s.DIOC_TERTIARY not in get_store().meta["indicators"]:
        return ()
    values = {}
    for indicator in (s.DIOC_TERTIARY, s.DIOC_TERTIARY_FEMALE, s.DIOC_TERTIARY_MALE, s.DIOC_TERTIARY_SHARE):
        latest = _latest(indicator, code)
        values[indicator] = (latest[0], latest[1]) if latest else None
    found = values[s.DIOC_TERTIARY]
    if found is None:
        return ()
    year = found[0]

    def shown(indicator: str, unit: str) -> str:
        found = values[indicator]
        return fmt_value(None if found is None else found[1], unit, lang, compact=False)

    return (
        t(
            "profile.dioc_note",
            lang,
            year=texts.year_label(s.DIOC_TERTIARY, year),
            persons=shown(s.DIOC_TERTIARY, "persons"),
            women=shown(s.DIOC_TERTIARY_FEMALE, "persons"),
            men=shown(s.DIOC_TERTIARY_MALE, "persons"),
            share=shown(s.DIOC_TERTIARY_SHARE, "percent"),
        ),
    )


def has_trend(indicator: str) -> bool:
    """Whether an indicator has a trend to draw: more than one year (DIOC's one census round has none: its figures
    are in the headlines, the comparison and the skilled-emigration panel)."""
    return len(queries.indicator_meta(indicator)["years"]) > 1


def trend_order(state: ViewState) -> list[str]:
    """Indicators with a trend, in menu order, the one the visitor came from first."""
    order = [i for i in menu() if has_trend(i)]
    if state.indicator in order:
        order.remove(state.indicator)
        order.insert(0, state.indicator)
    return order
