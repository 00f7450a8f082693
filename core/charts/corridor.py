"""The charts of the corridor view (also shown on the country profile): who went where, how it changed, the money
sent home and what sending it costs, each returned as a core.charts.model.Chart.

A subject is a country or area (ISO3 code of the countries table) or a focus group (an id of meta["groups"] other
than the world). Direction "out" follows the subject's emigrants to where they live (by destination); "in" looks at
who lives in the subject (by origin, countries only). Every total is a sum of corridors and every share a ratio of
sums, so the charts reconcile with the country totals; a corridor without a row is a gap (UN DESA cannot tell zero
from not reported), never a zero and never interpolated. Invalid input raises ValueError with a one-line message.

The app ships a partial plotly.js bundle with only the scatter, scattergeo and choropleth traces: bars are drawn as
dot plots, flows as lines on a map. Figures are plain dicts (see core/figures/builders.py) and never load anything from
another host: the land is the app's own geometry, drawn as a choropleth.
"""

from __future__ import annotations

import functools
import math
import numbers
from collections.abc import Callable
from typing import Any, Final

import numpy as np
import pandas as pd

from core.charts import dashboard as views
from core.charts.model import Chart
from core.data import corridors, queries
from core.data.store import get_store
from core.figures import builders as figures
from core.i18n.catalog import LANGUAGES, one_line, t
from core.i18n.formats import fmt_short, fmt_value

DIRECTIONS: Final = ("out", "in")
FLOW_CHARTS: Final = ("flow-map", "corridors", "change", "regions", "remittances", "costs")

TOP_PARTNERS: Final = 15  # corridors on the map, the dot plot and the remittance chart
TOP_CHANGE: Final = 10  # corridors of the dumbbell chart
MAX_COST_LINES: Final = 12  # more lines than this cannot be told apart

# Layout in pixels, sized for the narrowest screen (a phone, about 340 px of figure): what fits there fits anywhere.
WRAP: Final = 40  # characters per line of a message drawn on an empty chart
LEGEND_FONT: Final = 11
LEGEND_ROW: Final = 20  # height of a legend row
LEGEND_GAP_FONT: Final = 28  # the blank title above a legend: room for a slide image's source line
LEGEND_WIDTH: Final = 280  # width a legend row gets on a phone
PLOT_HEIGHT: Final = 270  # the plotting area of a line chart, whatever its legend takes
DOT_PLOT_WIDTH: Final = 170  # the value axis of a dot plot on a phone, between the names and the text column
LABEL_GAP: Final = 14  # from a dot's centre to its label
COLUMN_WIDTH: Final = 64  # the right-hand text column of a dot plot ("% women")
ARC_POINTS: Final = 24  # intermediate points of a flow line
ARC_BULGE: Final = 0.12  # how far a flow line bows out, as a share of its length in degrees
MAP_WIDTH: Final = 800  # the map's height is that of a map this wide (a laptop panel), between its limits
MAP_HEIGHTS: Final = (300, 480)
MIN_WORLD_LAT: Final = 100.0  # degrees of latitude a world-wide map shows at least

SOURCE_STOCKS: Final = "undesa_ims2020_bilateral"
SOURCE_REMITTANCES: Final = "worldbank_bilateral_remittance_matrix_2018"
SOURCE_COSTS: Final = "worldbank_remittance_prices_corridors"

# Parts of the origin split of a destination's immigrants, in display order (ids; labels come from the catalog).
ORIGIN_PARTS: Final = (corridors.PART_LAC, corridors.PART_REST, corridors.PART_UNKNOWN)

PART_LABELS_OUT: Final = {
    corridors.PART_LAC: "flows.part_lac",
    corridors.PART_USA: "flows.part_usa",
    corridors.PART_ESP: "flows.part_esp",
    corridors.PART_REST: "flows.part_rest",
    corridors.PART_UNKNOWN: "flows.part_unknown_destination",
}
PART_LABELS_IN: Final = {
    corridors.PART_LAC: "flows.part_born_lac",
    corridors.PART_REST: "flows.part_born_rest",
    corridors.PART_UNKNOWN: "flows.part_born_unknown",
}
PART_COLORS: Final = {
    corridors.PART_LAC: figures.QUALITATIVE[0],
    corridors.PART_USA: figures.QUALITATIVE[1],
    corridors.PART_ESP: figures.QUALITATIVE[2],
    corridors.PART_REST: figures.QUALITATIVE[3],
    corridors.PART_UNKNOWN: figures.MUTED,
}

WORLD_LON: Final = (-180.0, 180.0)
WORLD_LAT: Final = (-58.0, 85.0)
BASE_DOT: Final = "#9aa5b1"  # the comparison year of the dumbbell chart
STEM: Final = "#c5ccd6"
TARGET_COLOR: Final = "#009e73"

Figure = dict[str, Any]


# --- validation ------------------------------------------------------------------------------------------------


def is_group(subject: object) -> bool:
    """True for a focus-group id ("lac", "central_america", "sica", ...); the world is not a subject."""
    return isinstance(subject, str) and subject in views.options().groups


def _is_country(subject: object) -> bool:
    return isinstance(subject, str) and subject in get_store().countries.index


def _subject(subject: object) -> str:
    if is_group(subject) or _is_country(subject):
        return str(subject)
    raise ValueError(f"unknown subject {subject!r}: not the ISO3 code of a country or area in the data nor a group id")


def subjects() -> tuple[str, ...]:
    """Every valid subject: the groups (menu order), then every country or area code (sorted)."""
    groups = tuple(g for g in get_store().meta["group_order"] if is_group(g))
    return groups + tuple(sorted(get_store().countries.index))


def directions(subject: str) -> tuple[str, ...]:
    """("out",) for a group (its immigrants are not a group figure), ("out", "in") for a country."""
    return ("out",) if is_group(_subject(subject)) else DIRECTIONS


def _direction(subject: str, direction: object) -> str:
    allowed = directions(subject)
    if not isinstance(direction, str) or direction not in allowed:
        raise ValueError(f"direction {direction!r} is not one of {', '.join(allowed)} for {subject!r}")
    return direction


def _year(year: object) -> int:
    years = corridors.corridor_years()
    if isinstance(year, bool) or not isinstance(year, numbers.Integral) or int(year) not in years:
        raise ValueError(f"no migrant stocks for year {year!r}: the years are {', '.join(str(y) for y in years)}")
    return int(year)


def _lang(lang: object) -> str:
    if not isinstance(lang, str) or lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: one of {', '.join(LANGUAGES)}")
    return lang


def _members(subject: str) -> tuple[str, ...]:
    return queries.group_members(subject) if is_group(subject) else (subject,)


def subject_name(subject: str, lang: str) -> str:
    """The subject's name in `lang`: a group's name, or a country's."""
    code, lang = _subject(subject), _lang(lang)
    return views.focus_name(code, lang) if is_group(code) else queries.country_name(code, lang)


def _name(code: str, lang: str) -> str:
    """A partner's name; UN DESA's unknown origin gets its catalog label."""
    return t("flows.unknown_origin", lang) if code == corridors.UNKNOWN_ORIGIN else queries.country_name(code, lang)


# --- queries the corridor layer does not have ------------------------------------------------------------------


def _lac_codes() -> frozenset[str]:
    return _lac_cached(get_store().version)


@functools.lru_cache(maxsize=4)
def _lac_cached(version: str) -> frozenset[str]:
    countries = get_store().countries
    return frozenset(countries.index[countries["lac"].astype(bool)])


def _parts_frame(part: np.ndarray, rows: pd.DataFrame, parts: tuple[str, ...]) -> pd.DataFrame:
    """part, emigrants, female, female_share, share: sums by part (every part, in order), shares ratios of sums."""
    sums = (
        rows.groupby(part)[["emigrants", "female"]].sum()
        if len(rows)
        else pd.DataFrame(columns=["emigrants", "female"])
    )
    sums = sums.reindex(list(parts), fill_value=0)
    out = sums.rename_axis("part").reset_index().astype({"emigrants": "int64", "female": "int64"})
    total = float(out["emigrants"].sum())
    out["female_share"] = (100.0 * out["female"] / out["emigrants"].where(out["emigrants"] > 0)).astype("float64")
    out["share"] = (100.0 * out["emigrants"] / (total if total > 0 else np.nan)).astype("float64")
    return out


def origin_split(destination: str, year: int) -> pd.DataFrame:
    """Immigrants in a destination by where they were born: part, emigrants, female, female_share, share.

    Parts, always all three in this order: `lac` (origins with countries.lac), `rest` (every other known origin) and
    `unknown` (UN DESA's origin `XXX`: real migrants whose birthplace the destination does not report). Sums of the
    destination's corridors; shares are ratios of sums and the parts add up to its whole migrant stock."""
    rows = corridors.origins(destination, year)  # validates both
    part = np.select(
        [rows["unknown"].to_numpy(dtype=bool), rows["origin"].isin(_lac_codes()).to_numpy()],
        [corridors.PART_UNKNOWN, corridors.PART_LAC],
        default=corridors.PART_REST,
    )
    return _parts_frame(part, rows, ORIGIN_PARTS)


PARTNER_COLUMNS: Final = ("partner", "persons", "female", "female_share", "share", "rank", "within_group", "unknown")


def partners(subject: str, direction: str, year: int) -> pd.DataFrame:
    """Every partner of the subject in `year`, largest first, from the corridor layer.

    Columns: partner (destination for "out", origin for "in"), persons, female, female_share, share (% of the
    subject's total: all its emigrants, or all its immigrants), rank (ties share one), within_group (a group's
    emigrants living in another member) and unknown (UN DESA's unknown origin). persons sum to the subject's total
    (its emigrant_stock for "out"; for a group, the sum of its members' emigrant_stock)."""
    code = _subject(subject)
    way = _direction(code, direction)
    when = _year(year)
    if way == "in":
        rows = corridors.origins(code, when).rename(columns={"origin": "partner"})
        rows["within_group"] = False
    elif is_group(code):
        rows = corridors.group_destinations(_members(code), when).rename(columns={"destination": "partner"})
        rows["unknown"] = False
    else:
        rows = corridors.destinations(code, when).rename(columns={"destination": "partner"})
        rows["within_group"] = False
        rows["unknown"] = False
    rows = rows.rename(columns={"emigrants": "persons", "share_of_total": "share"})
    return rows[list(PARTNER_COLUMNS)].astype({"within_group": bool, "unknown": bool})


def split(subject: str, direction: str, year: int) -> pd.DataFrame:
    """The subject's total by part: part, persons, female, female_share, share (% of the total).

    "out": corridors.regional_split (lac, usa, esp, rest, unknown destination); "in": origin_split (lac, rest,
    unknown origin). The parts sum to the subject's total."""
    code = _subject(subject)
    way = _direction(code, direction)
    when = _year(year)
    if way == "in":
        rows = origin_split(code, when)
    else:
        rows = corridors.regional_split(_members(code) if is_group(code) else code, when)
    return rows.rename(columns={"emigrants": "persons"})


def remittances(subject: str, direction: str) -> pd.DataFrame:
    """2018 matrix estimates: partner, usd, share (% of the subject's total), rank, within_group; largest first.

    "out": money received by the subject, by sending country (its emigrants send it home); "in": money sent from
    the subject, by receiving country. A group sums its members' inflows by sender: money sent from one member to
    another is included (flagged within_group), so the total is the sum of the members' inflows in the matrix."""
    code = _subject(subject)
    way = _direction(code, direction)
    if way == "in":
        rows = corridors.remittance_receivers(code).rename(columns={"receiver": "partner"})
    else:
        frames = [corridors.remittance_senders(m) for m in _members(code)]
        rows = pd.concat(frames, ignore_index=True).rename(columns={"sender": "partner"})
        rows = rows.groupby("partner", as_index=False, sort=False)["usd"].sum()
    rows = rows.sort_values(["usd", "partner"], ascending=[False, True], kind="stable").reset_index(drop=True)
    total = float(rows["usd"].sum())
    rows["share"] = (100.0 * rows["usd"] / (total if total > 0 else np.nan)).astype("float64")
    rows["rank"] = rows["usd"].rank(method="min", ascending=False).astype("int64")
    rows["within_group"] = rows["partner"].isin(_members(code)) if is_group(code) else False
    return rows[["partner", "usd", "share", "rank", "within_group"]].astype({"within_group": bool})


@functools.lru_cache(maxsize=4)
def _matrix_usd(version: str) -> dict[tuple[str, str], float]:
    """The 2018 matrix estimate of each (sender, receiver) corridor, used only to order corridors, never drawn."""
    matrix = get_store().remittance_corridors
    matrix = matrix[matrix["year"] == corridors.REMITTANCE_MATRIX_YEAR]  # one edition: the file holds 2018 and 2021
    return {
        (str(a), str(b)): float(v) for a, b, v in zip(matrix["sender"], matrix["receiver"], matrix["usd"], strict=True)
    }


@functools.lru_cache(maxsize=4)
def _costs_by_sender(version: str) -> dict[str, pd.DataFrame]:
    costs = get_store().corridor_costs
    return {str(code): rows.reset_index(drop=True) for code, rows in costs.groupby("sender", sort=False)}


def cost_corridors_from(sender: str) -> pd.DataFrame:
    """Every surveyed corridor out of a country: receiver, period, year, quarter, cost_pct; by receiver, then period.

    The by-sender twin of corridors.corridor_cost_series (which looks a corridor up by its receiver). Unsurveyed
    periods are absent, negative published costs are kept; a country that is never a surveyed sender gives no rows."""
    if not _is_country(sender):
        raise ValueError(f"unknown sender {sender!r}: not the ISO3 code of a country or area in the data")
    found = _costs_by_sender(get_store().version).get(sender)
    rows = get_store().corridor_costs.iloc[0:0] if found is None else found
    rows = rows.sort_values(["receiver", "period"], kind="stable")
    return rows[["receiver", "period", "year", "quarter", "cost_pct"]].reset_index(drop=True)


COST_COLUMNS: Final = ("sender", "receiver", "period", "year", "quarter", "cost_pct")


def costs(subject: str, direction: str) -> pd.DataFrame:
    """Surveyed corridor costs of the subject: sender, receiver, period, year, quarter, cost_pct.

    "out": corridors into the subject (it receives what its emigrants send; a group: into any member); "in":
    corridors from the subject (it is the sender). Sorted by sender, receiver and period."""
    code = _subject(subject)
    way = _direction(code, direction)
    if way == "in":
        rows = cost_corridors_from(code)
        rows.insert(0, "sender", code)
    else:
        table = get_store().corridor_costs
        rows = table[table["receiver"].isin(_members(code))]
    rows = rows[list(COST_COLUMNS)].sort_values(["sender", "receiver", "period"], kind="stable")
    return rows.reset_index(drop=True).astype({"year": "int64", "quarter": "int64", "cost_pct": "float64"})


def period_date(period: str) -> str:
    """The first day of a survey period: "2016Q2" -> "2016-04-01" (a date plotly puts on a time axis)."""
    year, quarter = period.split("Q")
    return f"{int(year):04d}-{3 * (int(quarter) - 1) + 1:02d}-01"


@functools.lru_cache(maxsize=4)
def _survey_periods(version: str) -> tuple[str, ...]:
    return tuple(sorted(get_store().corridor_costs["period"].unique()))


# --- formatting helpers ----------------------------------------------------------------------------------------


def _sources(lang: str, *ids: str) -> str:
    return "; ".join(t(f"source.{source}", lang) for source in ids)


def _persons(value: float, lang: str, compact: bool = True) -> str:
    return fmt_value(float(value), "persons", lang, compact=compact)


def _percent(value: float | None, lang: str) -> str:
    missing = value is None or (isinstance(value, float) and math.isnan(value))
    return fmt_value(None if missing else float(value), "percent", lang)


def _signed_percent(value: float, lang: str) -> str:
    return ("+" if value > 0 else "") + fmt_value(float(value), "percent", lang)


def _clean(values: Any) -> list[Any]:
    """Plain Python numbers with None for missing ones: figures must serialise as strict JSON."""
    out: list[Any] = []
    for value in values:
        if value is None or (isinstance(value, float | np.floating) and math.isnan(value)):
            out.append(None)
        elif isinstance(value, np.integer):
            out.append(int(value))
        elif isinstance(value, np.floating):
            out.append(float(value))
        else:
            out.append(value)
    return out


def _wrap(text: str, width: int = WRAP) -> str:
    """Text broken at spaces into lines of at most `width` characters, joined by <br> (plotly never wraps).

    Only ordinary spaces break a line: a no-break space (French U+202F before ":") keeps its words together."""
    lines: list[str] = []
    for word in one_line(text).split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def _message(text: str) -> dict[str, Any]:
    return {
        "text": _wrap(text), "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5, "showarrow": False,
        "align": "center", "font": {"color": figures.MUTED, "size": 13}, "bgcolor": "rgba(255,255,255,0.85)",
    }  # fmt: skip


def _empty_figure(message: str, lang: str, height: int) -> Figure:
    layout = figures._layout(
        height=height,
        xaxis={"visible": False},
        yaxis={"visible": False},
        separators=views.separators(lang),
        showlegend=False,
        annotations=[_message(message)],
    )
    return {"data": [], "layout": layout}


def _text_width(text: str, size: float = 11) -> float:
    """A generous estimate of a text's width in pixels (the app's sans-serif font at `size` px)."""
    return len(text) * size * 0.6


def _legend_rows(names: list[str], width: float = LEGEND_WIDTH) -> int:
    """How many rows a horizontal legend of these entries takes on a phone: one row when they all fit, else plotly
    gives every entry the width of the widest and fills a grid."""
    entries = [46 + _text_width(name, LEGEND_FONT) for name in names]
    if sum(entries) <= width:
        return 1
    columns = max(1, int(width // max(entries)))
    return math.ceil(len(entries) / columns)


def _legend_below() -> dict[str, Any]:
    """A horizontal legend at the bottom of the figure, under the axis: plotly reserves its height below the plot,
    so it never covers the plot, the axis or the title block a slide image adds above the figure, and it may take
    the whole height (plotly's default, half of it, hides entries behind a scroll bar). Its blank title
    keeps a band free under the tick labels, where a slide image writes its source line (assets/dashboard.js); it
    is a text, so it grows with the slide's fonts."""
    return {
        "orientation": "h", "xref": "paper", "x": 0, "xanchor": "left", "yref": "container", "y": 0,
        "yanchor": "bottom", "font": {"size": LEGEND_FONT}, "tracegroupgap": 0, "maxheight": 1,
        "title": {"text": "\u00a0", "side": "top", "font": {"size": LEGEND_GAP_FONT}},
    }  # fmt: skip


def _legend_height(names: list[str]) -> int:
    return LEGEND_ROW * _legend_rows(names) + round(1.3 * LEGEND_GAP_FONT) + 8


def _placements(values: list[float], labels: list[str], end: float) -> list[str] | None:
    """Where each dot's label goes on a `DOT_PLOT_WIDTH` px wide axis from 0 to `end`: right of the dot when it
    fits there, else left of it; None when some label fits on neither side."""
    out = []
    for value, label in zip(values, labels, strict=True):
        at = max(float(value or 0.0), 0.0) / end * DOT_PLOT_WIDTH
        room = LABEL_GAP + _text_width(label)
        if at + room <= DOT_PLOT_WIDTH or room > DOT_PLOT_WIDTH:  # a label wider than the axis: right, past its end
            out.append("middle right")
        elif at - room >= 0:
            out.append("middle left")
        else:
            return None
    return out


def _dot_plot(
    names: list[str], codes: list[str], values: list[float], labels: list[str], hovers: list[str],
    highlighted: list[bool], lang: str, column: tuple[str, list[str]] | None = None,
) -> Figure:  # fmt: skip
    """figures.ranking_figure (a lollipop dot plot on a linear axis) made to fit a phone: the axis at the bottom
    with about four ticks and no title (the chart's title and subtitle give the unit), each label right of its dot
    or, where that would run off the axis, left of it, and an optional text column in the right margin (header,
    one text per row) for a figure that would make the labels too long. Hover gives the full detail."""
    ranking = figures.Ranking(
        names=names, codes=codes, values=_clean(values), labels=labels, highlighted=highlighted, reference=None,
        reference_label="",
    )  # fmt: skip
    top = max((float(v) for v in values if v and v > 0), default=1.0)
    end, positions = top * 1.06, None
    while positions is None:  # widen the axis until every label fits on one side of its dot
        positions = _placements(values, labels, end)
        end = end if positions is not None else end * 1.1
    # (it ends: as the axis widens, every dot nears 0, where any label goes on its right)
    figure = figures.ranking_figure(ranking, log=False, x_title="", ticks=_linear_ticks(end, lang),
                                    separators=views.separators(lang))  # fmt: skip
    dots = figure["data"][1]
    dots["textposition"] = positions
    dots["customdata"] = [[hover, code] for hover, code in zip(hovers, codes, strict=True)]
    layout = figure["layout"]
    xaxis = layout["xaxis"]
    xaxis.pop("title", None)
    xaxis.update({"side": "bottom", "range": [0, end], "tickangle": 0, "fixedrange": True})
    layout["yaxis"]["fixedrange"] = True
    layout["margin"] = {"l": 8, "r": 8, "t": 8, "b": 8}
    if column is not None:
        header, texts = column
        layout["margin"].update({"r": COLUMN_WIDTH, "t": 24})
        cell = {"xref": "paper", "x": 1, "xanchor": "right", "xshift": COLUMN_WIDTH - 4, "showarrow": False,
                "font": {"size": 11, "color": figures.MUTED}}  # fmt: skip
        layout["annotations"] = [
            {**cell, "text": header, "yref": "paper", "y": 1, "yanchor": "bottom", "yshift": 4,
             "font": {"size": 11, "color": figures.INK}},
            *({**cell, "text": text, "yref": "y", "y": name, "yanchor": "middle"}
              for name, text in zip(names, texts, strict=True)),
        ]  # fmt: skip
    return figure


def _linear_ticks(end: float, lang: str) -> dict[str, Any]:
    """Round ticks from 0 to `end` written in the language's words (plotly's own "10B" reads as a trillion in
    Spanish): steps of 1, 2 or 5 times a power of ten, about four of them (more would crowd a phone)."""
    rough = end / 4
    power = 10.0 ** math.floor(math.log10(rough))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= rough)
    ticks = [step * k for k in range(int(end // step) + 1)]
    return {"tickvals": ticks, "ticktext": [fmt_short(v, lang) for v in ticks]}


def _dot_plot_height(count: int, column: bool = False) -> int:
    return max(220, 22 * count + 60 + (16 if column else 0))


# --- the charts ------------------------------------------------------------------------------------------------


def _title(lang: str, direction: str, out_key: str, in_key: str, **values: object) -> str:
    return t(out_key, lang, **values) if direction == "out" else t(in_key, lang, **values)


def _partner_column(lang: str, direction: str) -> str:
    return t("flows.col_destination", lang) if direction == "out" else t("flows.col_origin", lang)


def _empty_stock_text(subject: str, year: int, lang: str) -> str:
    return t("flows.empty_stock", lang, subject=subject_name(subject, lang), year=year)


def _ranked(rows: pd.DataFrame) -> pd.DataFrame:
    """The partners a ranking may show: UN DESA's unknown origin is not a place, so it is never ranked (it stays in
    the tables and in every total)."""
    return rows[~rows["unknown"]].reset_index(drop=True)


def _drawn_first(rows: pd.DataFrame, drawn: list[str], key: str = "partner") -> pd.DataFrame:
    """Every row, those drawn first (in the order drawn), then the others in their own order; `on_chart` says which
    are drawn."""
    position = {code: i for i, code in enumerate(drawn)}
    order = sorted(range(len(rows)), key=lambda i: (position.get(rows[key].iat[i], len(position)), i))
    out = rows.iloc[order].reset_index(drop=True)
    out["on_chart"] = out[key].isin(list(position)).astype(bool)
    return out


def _partner_table(all_rows: pd.DataFrame, drawn: list[str], subject: str, direction: str, lang: str) -> pd.DataFrame:
    """Every partner (the chart draws only the largest): those drawn first, a column saying which are. The rank
    is among the countries; the unknown origin has none."""
    rows = _drawn_first(all_rows, drawn)
    rank = rows["persons"].where(~rows["unknown"]).rank(method="min", ascending=False)
    table = pd.DataFrame(
        {
            t("flows.col_rank", lang): rank.astype("Int64"),
            _partner_column(lang, direction): [_name(c, lang) for c in rows["partner"]],
            t("flows.col_iso3", lang): rows["partner"],
            t("flows.col_persons", lang): rows["persons"].astype("int64"),
            t("flows.col_share", lang): rows["share"].round(6),
            t("flows.col_women", lang): rows["female"].astype("int64"),
            t("flows.col_female_share", lang): rows["female_share"].round(6),
        }
    )
    if is_group(subject):
        table[t("flows.col_within_group", lang)] = rows["within_group"].astype(bool).to_numpy()
    table[t("flows.col_on_chart", lang)] = rows["on_chart"].to_numpy()
    return table.reset_index(drop=True)


def _partner_hover(row: Any, direction: str, lang: str) -> str:
    text = _title(
        lang, direction, "flows.hover_partner_out", "flows.hover_partner_in",
        persons=_persons(row.persons, lang, compact=False), share=_percent(row.share, lang),
        female=_percent(row.female_share, lang),
    )  # fmt: skip
    if row.within_group:
        text += "<br>" + t("flows.hover_within_group", lang)
    return text


def _group_notes(subject: str, lang: str) -> list[str]:
    return [t("flows.note_group_within", lang)] if is_group(subject) else []


def _unknown_count_note(rows: pd.DataFrame, lang: str) -> list[str]:
    """How many persons have an unknown origin: counted everywhere, ranked nowhere."""
    persons = float(rows.loc[rows["unknown"], "persons"].sum())
    return [t("flows.note_unknown_count", lang, persons=_persons(persons, lang, compact=False))] if persons > 0 else []


def _orange_note(rows: pd.DataFrame, lang: str) -> list[str]:
    return [t("flows.note_orange", lang)] if rows["within_group"].any() else []


@functools.lru_cache(maxsize=4)
def _places(version: str) -> dict[str, tuple[float, float]]:
    countries = get_store().countries.dropna(subset=["label_lon", "label_lat"])
    return {
        str(code): (float(lon), float(lat))
        for code, lon, lat in zip(countries["iso3"], countries["label_lon"], countries["label_lat"], strict=True)
    }


def _arc(head: tuple[float, float], tail: tuple[float, float]) -> tuple[list[float], list[float]]:
    """A flow line from `head` to `tail` (lon, lat) as ARC_POINTS intermediate points. Longitude and latitude move
    evenly from one end to the other, so the line never crosses the antimeridian (plotly's great circles do, and
    leave the frame to come back on the other side) nor runs over a pole; it bows out sideways, to its northern
    side, by ARC_BULGE of its length in degrees."""
    (lon0, lat0), (lon1, lat1) = head, tail
    dlon, dlat = lon1 - lon0, lat1 - lat0
    length = math.hypot(dlon, dlat)
    if length == 0:
        return [lon0, lon1], [lat0, lat1]
    side_lon, side_lat = -dlat / length, dlon / length
    if side_lat < 0 or (side_lat == 0 and side_lon < 0):
        side_lon, side_lat = -side_lon, -side_lat
    lons, lats = [lon0], [lat0]
    steps = ARC_POINTS + 1
    for k in range(1, steps):
        share = k / steps
        bow = ARC_BULGE * length * math.sin(math.pi * share)
        lons.append(round(lon0 + share * dlon + bow * side_lon, 3))
        lats.append(round(lat0 + share * dlat + bow * side_lat, 3))
    return [*lons, lon1], [*lats, lat1]


def _clip(values: list[float], bounds: tuple[float, float]) -> list[float]:
    return [min(max(v, bounds[0]), bounds[1]) for v in values]


def _fit(
    boxes: list[tuple[float, float, float, float]], points: list[tuple[float, float]]
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Lon and lat ranges around the subject's shapes and the points (partners and flow lines), with a margin, so
    the map shows what is drawn and little else (on a phone, every degree left out makes the rest larger). A map
    spread over most longitudes shows at least MIN_WORLD_LAT degrees of latitude, so it does not become a strip."""
    lons = [b[0] for b in boxes] + [b[2] for b in boxes] + [p[0] for p in points]
    lats = [b[1] for b in boxes] + [b[3] for b in boxes] + [p[1] for p in points]
    if not lons:
        return WORLD_LON, WORLD_LAT
    lon0, lon1, lat0, lat1 = min(lons), max(lons), min(lats), max(lats)
    pad_lon, pad_lat = max(5.0, (lon1 - lon0) * 0.08), max(4.0, (lat1 - lat0) * 0.1)
    low, high = lat0 - pad_lat, lat1 + pad_lat
    if lon1 - lon0 > 200 and high - low < MIN_WORLD_LAT:
        middle = (low + high) / 2
        low, high = middle - MIN_WORLD_LAT / 2, middle + MIN_WORLD_LAT / 2
    return (
        (max(WORLD_LON[0], lon0 - pad_lon), min(WORLD_LON[1], lon1 + pad_lon)),
        (max(WORLD_LAT[0], low), min(WORLD_LAT[1], high)),
    )


def _natural_earth(lon: float, lat: float) -> tuple[float, float]:
    """The natural earth projection (plotly's, from d3-geo) of a point in degrees, on the unit sphere."""
    phi = math.radians(lat)
    p2 = phi * phi
    p4 = p2 * p2
    x = math.radians(lon) * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)))
    y = phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)))
    return x, y


def _map_height(lon_range: tuple[float, float], lat_range: tuple[float, float]) -> int:
    """The height in pixels of the fitted map drawn MAP_WIDTH wide, within MAP_HEIGHTS: a world map is short (on a
    phone it is as wide as the screen and a tall box would be mostly empty), a regional one taller."""
    lats = [lat_range[0] + (lat_range[1] - lat_range[0]) * k / 20 for k in range(21)]
    width = max(_natural_earth(lon_range[1], lat)[0] - _natural_earth(lon_range[0], lat)[0] for lat in lats)
    height = _natural_earth(0.0, lat_range[1])[1] - _natural_earth(0.0, lat_range[0])[1]
    return int(min(max(round(MAP_WIDTH * height / width), MAP_HEIGHTS[0]), MAP_HEIGHTS[1]))


def _flow_map(subject: str, direction: str, year: int, lang: str) -> Chart:
    version = get_store().version
    places = _places(version)
    bounds = views._bounds()  # every shape id with its bounding box (the app's own geometry)
    all_rows = partners(subject, direction, year)
    rows = _ranked(all_rows).head(TOP_PARTNERS)
    members = _members(subject)
    group = is_group(subject)
    name = subject_name(subject, lang)
    url = views.geometry_url()

    background = {
        "type": "choropleth", "geojson": url, "featureidkey": "id", "locationmode": "geojson-id",
        "locations": sorted(bounds), "z": [0] * len(bounds),
        "colorscale": [[0, figures.BACKGROUND_LAND], [1, figures.BACKGROUND_LAND]], "showscale": False,
        "hoverinfo": "skip", "marker": {"line": {"color": figures.BORDER, "width": 0.4}}, "name": "",
    }  # fmt: skip
    shaped = [m for m in members if m in bounds]
    highlight = {
        "type": "choropleth", "geojson": url, "featureidkey": "id", "locationmode": "geojson-id",
        "locations": shaped, "z": [1] * len(shaped),
        "colorscale": [[0, figures.HIGHLIGHT], [1, figures.HIGHLIGHT]], "showscale": False,
        "marker": {"line": {"color": figures.BORDER, "width": 0.6}, "opacity": 0.75},
        "customdata": [[queries.country_name(m, lang), m] for m in shaped],
        "hovertemplate": "<b>%{customdata[0]}</b><extra></extra>", "name": "",
    }  # fmt: skip
    traces: list[dict[str, Any]] = [background, highlight]

    drawn = rows[rows["partner"].isin(places.keys())].reset_index(drop=True)
    unplaced = [_name(c, lang) for c in rows["partner"] if c not in places]
    start = None if group else places.get(subject)
    top = float(drawn["persons"].max()) if len(drawn) else 1.0
    arcs = []
    if start is not None:
        for row in drawn.itertuples(index=False):
            end = places[row.partner]
            head, tail = (end, start) if direction == "in" else (start, end)  # origin first
            arcs.append((row, *_arc(head, tail)))
    points = [places[c] for c in drawn["partner"]]
    points += [point for _, lons, lats in arcs for point in zip(lons, lats, strict=True)]
    lon_range, lat_range = _fit([bounds[m] for m in shaped], points)
    for row, lons, lats in arcs:
        traces.append(
            {
                "type": "scattergeo", "mode": "lines", "lon": _clip(lons, lon_range), "lat": _clip(lats, lat_range),
                "line": {"color": figures.BAR, "width": round(1 + 7 * math.sqrt(row.persons / top), 2)},
                "opacity": 0.55, "hoverinfo": "skip", "showlegend": False, "name": "",
            }
        )  # fmt: skip
    if len(drawn):
        traces.append(
            {
                "type": "scattergeo",
                "mode": "markers",
                "lon": [places[c][0] for c in drawn["partner"]],
                "lat": [places[c][1] for c in drawn["partner"]],
                "marker": {
                    "size": [round(6 + 22 * math.sqrt(v / top), 2) for v in drawn["persons"]],
                    "color": figures.BAR,  # a member destination sits on its highlighted shape already
                    "opacity": 0.85,
                    "line": {"color": "white", "width": 1},
                },
                "customdata": [
                    [_name(row.partner, lang), _partner_hover(row, direction, lang), row.partner]
                    for row in drawn.itertuples(index=False)
                ],
                "hovertemplate": "<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
                "showlegend": False,
                "name": "",
            }
        )
    if start is not None:
        total = float(all_rows["persons"].sum())
        hover = _title(lang, direction, "flows.hover_total_out", "flows.hover_total_in",
                       persons=_persons(total, lang, compact=False))  # fmt: skip
        traces.append(
            {
                "type": "scattergeo", "mode": "markers", "lon": [start[0]], "lat": [start[1]],
                "marker": {"size": 12, "symbol": "diamond", "color": figures.HIGHLIGHT,
                           "line": {"color": figures.SELECTED_LINE, "width": 1.5}},
                "customdata": [[name, hover, subject]],
                "hovertemplate": "<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
                "showlegend": False, "name": "",
            }
        )  # fmt: skip

    notes = [*_group_notes(subject, lang)]
    if len(drawn):
        largest = drawn.iloc[0]
        key = "flows.note_map_size" if arcs else "flows.note_map_size_circles"
        notes.append(t(key, lang, name=_name(largest["partner"], lang),
                       persons=_persons(largest["persons"], lang, compact=False)))  # fmt: skip
    notes += _unknown_count_note(all_rows, lang)
    annotations = []
    if rows.empty:
        text = _empty_stock_text(subject, year, lang)
        annotations.append(_message(text))
        notes.append(text)
    if unplaced:
        notes.append(t("flows.note_unplaced", lang, names=", ".join(unplaced)))
    if not group and start is None:
        notes.append(t("flows.note_no_place", lang, subject=name))
    height = _map_height(lon_range, lat_range)
    layout = figures._layout(
        geo={
            "domain": {"x": [0, 1], "y": [0, 1]}, "projection": {"type": "natural earth"},
            "lonaxis": {"range": list(lon_range)}, "lataxis": {"range": list(lat_range)},
            "showland": False, "showcountries": False, "showcoastlines": False, "showframe": False,
            "showocean": True, "oceancolor": "#f7fafc", "bgcolor": "rgba(0,0,0,0)", "visible": True,
        },
        height=height, margin={"l": 0, "r": 0, "t": 0, "b": 0}, dragmode=False, clickmode="event",
        showlegend=False, separators=views.separators(lang), annotations=annotations,
    )  # fmt: skip
    title = _title(lang, direction, "flows.map_title_out", "flows.map_title_in", subject=name)
    if rows.empty:
        subtitle = t("flows.subtitle_empty", lang, year=year)
    elif group:
        subtitle = t("flows.map_subtitle_group", lang, count=len(rows), year=year)
    else:
        subtitle = _title(lang, direction, "flows.map_subtitle_out", "flows.map_subtitle_in", count=len(rows),
                          year=year)  # fmt: skip
    return Chart(
        name="flow-map",
        title=title,
        subtitle=subtitle,
        figure={"data": traces, "layout": layout},
        table=_partner_table(all_rows, drawn["partner"].tolist(), subject, direction, lang),
        sources=_sources(lang, SOURCE_STOCKS),
        notes=tuple(notes),
        height=height,
    )


def _corridors_chart(subject: str, direction: str, year: int, lang: str) -> Chart:
    all_rows = partners(subject, direction, year)
    rows = _ranked(all_rows).head(TOP_PARTNERS)
    name = subject_name(subject, lang)
    notes = [*_group_notes(subject, lang), *_orange_note(rows, lang), *_unknown_count_note(all_rows, lang)]
    height = _dot_plot_height(len(rows), column=True)
    if rows.empty:
        text = _empty_stock_text(subject, year, lang)
        figure = _empty_figure(text, lang, height)
        notes.append(text)
    else:
        figure = _dot_plot(
            names=[_name(c, lang) for c in rows["partner"]],
            codes=rows["partner"].tolist(),
            values=rows["persons"].tolist(),
            labels=[
                t("flows.dot_label", lang, value=fmt_short(float(r.persons), lang), share=_percent(r.share, lang))
                for r in rows.itertuples(index=False)
            ],
            hovers=[_partner_hover(r, direction, lang) for r in rows.itertuples(index=False)],
            highlighted=rows["within_group"].tolist(),
            lang=lang,
            column=(t("flows.col_header_women", lang), [_percent(v, lang) for v in rows["female_share"]]),
        )
    if rows.empty:
        subtitle = t("flows.subtitle_empty", lang, year=year)
    else:
        subtitle = t("flows.corridors_subtitle", lang, count=len(rows), total=len(all_rows), year=year)
    return Chart(
        name="corridors",
        title=_title(lang, direction, "flows.corridors_title_out", "flows.corridors_title_in", subject=name),
        subtitle=subtitle,
        figure=figure,
        table=_partner_table(all_rows, rows["partner"].tolist(), subject, direction, lang),
        sources=_sources(lang, SOURCE_STOCKS),
        notes=tuple(notes),
        height=height,
    )


def _change_of(early: int | None, late: int | None) -> tuple[int | None, float | None]:
    """Later minus earlier, in persons and in % of the earlier figure; None where a figure is missing."""
    if early is None or late is None:
        return None, None
    return late - early, (100.0 * (late - early) / early if early > 0 else None)


def _change(subject: str, direction: str, year: int, lang: str) -> Chart:
    years = corridors.corridor_years()
    base = years[-1] if year == years[0] else years[0]  # 1990 is compared with 2020
    early, late = min(base, year), max(base, year)
    now_rows = partners(subject, direction, year)
    rows = _ranked(now_rows).head(TOP_CHANGE)
    earlier = partners(subject, direction, base)
    now = {str(c): int(v) for c, v in zip(now_rows["partner"], now_rows["persons"], strict=True)}
    then = {str(c): int(v) for c, v in zip(earlier["partner"], earlier["persons"], strict=True)}
    by_year = {year: now, base: then}
    name = subject_name(subject, lang)
    codes = rows["partner"].tolist()
    names = [_name(c, lang) for c in codes]
    now_values = [now[c] for c in codes]
    base_values = [then.get(c) for c in codes]

    hovers, labels = [], []
    for a, b in ((by_year[early].get(c), by_year[late].get(c)) for c in codes):
        change, change_pct = _change_of(a, b)
        if change is None:
            labels.append(t("flows.label_no_row", lang, year=base))
        else:
            labels.append(_signed_percent(change_pct, lang) if change_pct is not None else "")
        hovers.append(
            t("flows.hover_change", lang, early=early, late=late,
              early_value=_persons(a, lang, compact=False) if a is not None else t("flows.no_row", lang),
              late_value=_persons(b, lang, compact=False) if b is not None else t("flows.no_row", lang),
              change=(("+" if change > 0 else "") + _persons(change, lang, compact=False)) if change is not None
              else t("format.missing", lang),
              change_pct=_signed_percent(change_pct, lang) if change_pct is not None else t("format.missing", lang))
        )  # fmt: skip
    missing = [n for n, v in zip(names, base_values, strict=True) if v is None]
    notes = [*_group_notes(subject, lang), *_unknown_count_note(now_rows, lang)]
    if missing:
        notes.append(t("flows.note_no_row", lang, base=base, year=year, names=", ".join(missing)))
    height = max(240, 28 * len(rows) + 84)
    if rows.empty:
        text = _empty_stock_text(subject, year, lang)
        figure = _empty_figure(text, lang, height)
        notes.append(text)
    else:
        stems_x: list[float | None] = []
        stems_y: list[str | None] = []
        for n, a, b in zip(names, base_values, now_values, strict=True):
            if a is not None:
                stems_x += [a, b, None]
                stems_y += [n, n, None]
        present = [i for i, v in enumerate(base_values) if v is not None]
        shown = [v for v in now_values + base_values if v]
        low, high = math.log10(min(shown)), math.log10(max(shown))
        traces = [
            {"type": "scatter", "x": stems_x, "y": stems_y, "mode": "lines", "line": {"color": STEM, "width": 3},
             "hoverinfo": "skip", "showlegend": False},
            {"type": "scatter", "x": [base_values[i] for i in present], "y": [names[i] for i in present],
             "mode": "markers", "name": str(base), "legendrank": 1 if base < year else 2,
             "marker": {"color": BASE_DOT, "size": 11, "line": {"color": "white", "width": 1}},
             "customdata": [[hovers[i], codes[i]] for i in present],
             "hovertemplate": "<b>%{y}</b><br>%{customdata[0]}<extra></extra>"},
            {"type": "scatter", "x": now_values, "y": names, "mode": "markers", "name": str(year),
             "legendrank": 1 if year < base else 2,
             "marker": {"color": figures.BAR, "size": 12, "line": {"color": "white", "width": 1}},
             "customdata": [[h, c] for h, c in zip(hovers, codes, strict=True)],
             "hovertemplate": "<b>%{y}</b><br>%{customdata[0]}<extra></extra>"},
            {"type": "scatter", "mode": "text", "showlegend": False, "hoverinfo": "skip", "cliponaxis": False,
             "x": [max(v for v in (a, b) if v is not None) for a, b in zip(base_values, now_values, strict=True)],
             "y": names, "text": [f"  {label}" for label in labels], "textposition": "middle right",
             "textfont": {"size": 11, "color": figures.MUTED}},
        ]  # fmt: skip
        layout = figures._layout(
            height=height,
            margin={"l": 8, "r": 24, "t": 8, "b": 8},
            yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": 12}, "type": "category",
                   "fixedrange": True},
            xaxis={
                "type": "log", "gridcolor": "#e4e7eb", "side": "bottom", "automargin": True, "tickangle": 0,
                "fixedrange": True, "range": [low - 0.15, high + 0.55],
                **views.value_ticks(shown, True, "persons", lang),
            },
            showlegend=True,
            legend=_legend_below(),
            hovermode="closest",
            separators=views.separators(lang),
        )  # fmt: skip
        figure = {"data": traces, "layout": layout}
    every = [*now, *(c for c in then if c not in now)]  # this year's partners, then those gone since the base year
    table_rows = _drawn_first(pd.DataFrame({"partner": every}), codes)
    values = [(by_year[early].get(c), by_year[late].get(c)) for c in table_rows["partner"]]
    changes = [_change_of(a, b) for a, b in values]
    table = pd.DataFrame(
        {
            _partner_column(lang, direction): [_name(c, lang) for c in table_rows["partner"]],
            t("flows.col_iso3", lang): table_rows["partner"].tolist(),
            t("flows.col_persons_year", lang, year=early): pd.array([a for a, _ in values], dtype="Int64"),
            t("flows.col_persons_year", lang, year=late): pd.array([b for _, b in values], dtype="Int64"),
            t("flows.col_change", lang): pd.array([c for c, _ in changes], dtype="Int64"),
            t("flows.col_change_pct", lang): pd.array(
                [None if p is None else round(p, 6) for _, p in changes], dtype="Float64"
            ),
            t("flows.col_on_chart", lang): table_rows["on_chart"].to_numpy(),
        }
    )
    subtitle = t("flows.change_subtitle", lang, count=len(rows), year=year, base=base)
    if rows.empty:
        subtitle = t("flows.subtitle_empty", lang, year=year)
    elif year == years[0]:
        subtitle += " " + t("flows.change_subtitle_first", lang, year=year, base=base)
    return Chart(
        name="change",
        title=_title(lang, direction, "flows.change_title_out", "flows.change_title_in", subject=name),
        subtitle=subtitle,
        figure=figure,
        table=table,
        sources=_sources(lang, SOURCE_STOCKS),
        notes=tuple(notes),
        height=height,
    )


def _part_shown(part: str, every: pd.DataFrame, subject: str) -> bool:
    """Every part is drawn, even at zero, except the unknown one when nobody is in it, and the USA or Spain as the
    destination of its own emigrants (always zero: there is no corridor from a country to itself)."""
    if part == corridors.PART_UNKNOWN:
        return bool(every.loc[every["part"] == part, "persons"].any())
    return {corridors.PART_USA: "USA", corridors.PART_ESP: "ESP"}.get(part) != subject


def _regions(subject: str, direction: str, year: int, lang: str) -> Chart:
    labels = PART_LABELS_OUT if direction == "out" else PART_LABELS_IN
    frames = []
    for when in corridors.corridor_years():
        rows = split(subject, direction, when)
        rows.insert(0, "year", when)
        frames.append(rows)
    every = pd.concat(frames, ignore_index=True)
    every = every[every.groupby("year")["persons"].transform("sum") > 0]  # a year with no corridor: nothing to draw
    shown = [p for p in (corridors.PARTS if direction == "out" else ORIGIN_PARTS) if _part_shown(p, every, subject)]
    every = every[every["part"].isin(shown)]
    name = subject_name(subject, lang)
    traces = []
    for part in shown:
        own = every[every["part"] == part]
        part_name = t(labels[part], lang)
        traces.append(
            {
                "type": "scatter", "mode": "lines+markers", "name": part_name,
                "x": own["year"].tolist(), "y": _clean(own["share"].tolist()),
                "line": {"color": PART_COLORS[part], "width": 2.5}, "marker": {"size": 7},
                "customdata": [
                    t("flows.hover_region", lang, part=part_name, year=y, share=_percent(s, lang),
                      persons=_persons(p, lang, compact=False))
                    for y, s, p in zip(own["year"], own["share"], own["persons"], strict=True)
                ],
                "hovertemplate": "%{customdata}<extra></extra>",
            }
        )  # fmt: skip
    notes = [*_group_notes(subject, lang)]
    years = corridors.corridor_years()
    height = PLOT_HEIGHT + 50 + _legend_height([trace["name"] for trace in traces])
    if every.empty:
        text = t("flows.empty_stock_years", lang, subject=name, first=years[0], last=years[-1])
        height = 240
        figure = _empty_figure(text, lang, height)
        notes.append(text)
    else:
        if direction == "in" and corridors.PART_UNKNOWN in shown:
            notes.append(t("flows.note_unknown_origin", lang))
        layout = figures._layout(
            height=height,
            showlegend=True,
            legend=_legend_below(),
            hovermode="closest",
            xaxis={"showgrid": False, "tickformat": "d", "tickvals": list(years), "linecolor": "#9aa5b1",
                   "ticks": "outside", "automargin": True, "tickangle": 0, "fixedrange": True},
            yaxis={"title": {"text": _title(lang, direction, "flows.axis_share_out", "flows.axis_share_in"),
                             "font": {"size": 12}}, "range": [0, 100], "gridcolor": "#e4e7eb", "zeroline": False,
                   "automargin": True, "fixedrange": True},
            shapes=[figures._vline(year, {"color": "#9aa5b1", "width": 1, "dash": "dot"})],
            separators=views.separators(lang),
        )  # fmt: skip
        figure = {"data": traces, "layout": layout}
    table = pd.DataFrame(
        {
            t("flows.col_year", lang): every["year"].astype("int64").to_numpy(),
            t("flows.col_part", lang): [t(labels[p], lang) for p in every["part"]],
            t("flows.col_persons", lang): every["persons"].astype("int64").to_numpy(),
            t("flows.col_share", lang): every["share"].round(6).to_numpy(),
        }
    )
    return Chart(
        name="regions",
        title=_title(lang, direction, "flows.regions_title_out", "flows.regions_title_in", subject=name),
        subtitle=t("flows.regions_subtitle", lang, first=years[0], last=years[-1]),
        figure=figure,
        table=table,
        sources=_sources(lang, SOURCE_STOCKS),
        notes=tuple(notes),
        height=height,
    )


def _remittances(subject: str, direction: str, year: int, lang: str) -> Chart:
    all_rows = remittances(subject, direction)
    rows = all_rows.head(TOP_PARTNERS).reset_index(drop=True)
    name = subject_name(subject, lang)
    matrix_year = corridors.REMITTANCE_MATRIX_YEAR
    notes = [t("flows.remittance_matrix_note", lang)]
    if is_group(subject):
        notes.append(t("flows.note_remittance_group", lang))
        if rows["within_group"].any():
            notes.append(t("flows.note_orange_senders", lang))
        members = _members(subject) if direction == "out" else ()
        absent = [queries.country_name(m, lang) for m in members if corridors.remittance_senders(m).empty]
        if absent:
            notes.append(t("flows.note_remittance_absent", lang, names=", ".join(absent)))
    height = _dot_plot_height(len(rows))
    if rows.empty:
        text = _title(lang, direction, "flows.empty_remittances_out", "flows.empty_remittances_in", subject=name)
        figure = _empty_figure(text, lang, height)
        notes.append(text)
    else:
        figure = _dot_plot(
            names=[queries.country_name(c, lang) for c in rows["partner"]],
            codes=rows["partner"].tolist(),
            values=rows["usd"].tolist(),
            labels=[
                t(
                    "flows.remittance_label",
                    lang,
                    value=t("format.usd_short", lang, value=fmt_short(float(v), lang)),
                    share=_percent(s, lang),
                )
                for v, s in zip(rows["usd"], rows["share"], strict=True)
            ],
            hovers=[
                t(
                    "flows.hover_remittance",
                    lang,
                    usd=fmt_value(float(v), "usd", lang, compact=False),
                    share=_percent(s, lang),
                    year=matrix_year,
                )
                + ("<br>" + t("flows.hover_within_group_sender", lang) if within else "")
                for v, s, within in zip(rows["usd"], rows["share"], rows["within_group"], strict=True)
            ],
            highlighted=rows["within_group"].tolist(),
            lang=lang,
        )
    every = _drawn_first(all_rows, rows["partner"].tolist())
    table = pd.DataFrame(
        {
            t("flows.col_rank", lang): every["rank"].astype("int64"),
            _title(lang, direction, "flows.col_sender", "flows.col_receiver"): [
                queries.country_name(c, lang) for c in every["partner"]
            ],
            t("flows.col_iso3", lang): every["partner"],
            t("flows.col_usd", lang, year=matrix_year): every["usd"].round(2),
            t("flows.col_share", lang): every["share"].round(6),
        }
    )
    if is_group(subject):
        table[t("flows.col_within_group", lang)] = every["within_group"].astype(bool).to_numpy()
    table[t("flows.col_on_chart", lang)] = every["on_chart"].to_numpy()
    if rows.empty:
        subtitle = t("flows.subtitle_empty", lang, year=matrix_year)
    else:
        subtitle = t("flows.remittances_subtitle", lang, count=len(rows), total=len(all_rows), matrix_year=matrix_year)
    return Chart(
        name="remittances",
        title=_title(lang, direction, "flows.remittances_title_out", "flows.remittances_title_in", subject=name),
        subtitle=subtitle,
        figure=figure,
        table=table,
        sources=_sources(lang, SOURCE_REMITTANCES),
        notes=tuple(notes),
        height=height,
    )


def _costs(subject: str, direction: str, year: int, lang: str) -> Chart:
    every = costs(subject, direction)
    name = subject_name(subject, lang)
    counts = every.groupby(["sender", "receiver"], as_index=False).agg(periods=("period", "count"))
    money = _matrix_usd(get_store().version)  # ties (most corridors have every survey): the larger 2018 flow first
    counts["usd"] = [money.get(pair, -1.0) for pair in zip(counts["sender"], counts["receiver"], strict=True)]
    counts = counts.sort_values(
        ["periods", "usd", "sender", "receiver"], ascending=[False, False, True, True], kind="stable"
    ).reset_index(drop=True)
    chosen = counts.head(MAX_COST_LINES)
    rows = every.merge(chosen[["sender", "receiver"]], on=["sender", "receiver"])
    periods = _survey_periods(get_store().version)
    notes = [t("flows.note_costs_survey", lang)]
    if len(counts) > MAX_COST_LINES:
        notes.append(t("flows.note_costs_capped", lang, shown=MAX_COST_LINES, total=len(counts)))
    negative = rows[rows["cost_pct"] < 0]
    if len(negative):
        listed = ", ".join(
            f"{_pair(r.sender, r.receiver, lang)} {r.period} ({_percent(r.cost_pct, lang)})"
            for r in negative.itertuples(index=False)
        )
        notes.append(t("flows.note_costs_negative", lang, corridors=listed))
    if rows.empty:
        text = _title(lang, direction, "flows.empty_costs_out", "flows.empty_costs_in", subject=name)
        height = 240
        figure = _empty_figure(text, lang, height)
        notes.append(text)
    else:
        # One end is the same for every line (a country's corridors in or out): the legend names the other end.
        def legend_name(sender: str, receiver: str) -> str:
            if chosen["receiver"].nunique() == 1:
                return queries.country_name(sender, lang)
            if chosen["sender"].nunique() == 1:
                return queries.country_name(receiver, lang)
            return _pair(sender, receiver, lang)

        traces = []
        for number, pair in enumerate(chosen.itertuples(index=False)):
            own = rows[(rows["sender"] == pair.sender) & (rows["receiver"] == pair.receiver)]
            values = dict(zip(own["period"], own["cost_pct"], strict=True))
            first, last = own["period"].min(), own["period"].max()
            span = [p for p in periods if first <= p <= last]  # a period without a survey is drawn as a gap
            label = _pair(pair.sender, pair.receiver, lang)
            traces.append(
                {
                    "type": "scatter", "mode": "lines+markers", "name": legend_name(pair.sender, pair.receiver),
                    "x": [period_date(p) for p in span], "y": _clean([values.get(p) for p in span]),
                    "line": {"color": figures.QUALITATIVE[number % len(figures.QUALITATIVE)], "width": 2,
                             "dash": "solid" if number < len(figures.QUALITATIVE) else "dash"},
                    "marker": {"size": 5}, "connectgaps": False,
                    "customdata": [
                        t("flows.hover_cost", lang, corridor=label, period=p, cost=_percent(values.get(p), lang))
                        for p in span
                    ],
                    "hovertemplate": "%{customdata}<extra></extra>",
                }
            )  # fmt: skip
        # The SDG 10.c rules run across the whole axis and are named in the legend (a label on the plot would sit
        # on some corridor's line).
        ends = [period_date(periods[0]), period_date(periods[-1])]
        x_range = [(pd.Timestamp(ends[0]) - pd.DateOffset(months=3)).strftime("%Y-%m-%d"),
                   (pd.Timestamp(ends[1]) + pd.DateOffset(months=3)).strftime("%Y-%m-%d")]  # fmt: skip
        rules = [
            (corridors.SDG_TARGET, "flows.target", TARGET_COLOR, "dot", 2),
            (corridors.SDG_CORRIDOR_CEILING, "flows.ceiling", figures.MUTED, "dash", 1),
        ]
        for value, key, color, dash, width in rules:
            traces.append(
                {"type": "scatter", "mode": "lines", "name": t(key, lang, value=_percent(value, lang)),
                 "x": x_range, "y": [value, value], "line": {"color": color, "width": width, "dash": dash},
                 "hoverinfo": "skip"}
            )  # fmt: skip
        height = PLOT_HEIGHT + 46 + _legend_height([trace["name"] for trace in traces])
        layout = figures._layout(
            height=height,
            showlegend=True,
            legend=_legend_below(),
            hovermode="closest",
            xaxis={"type": "date", "showgrid": False, "linecolor": "#9aa5b1", "ticks": "outside", "automargin": True,
                   "range": x_range, "tickangle": 0, "fixedrange": True},
            yaxis={"title": {"text": t("flows.axis_cost", lang), "font": {"size": 12}}, "gridcolor": "#e4e7eb",
                   "rangemode": "tozero", "zeroline": True, "zerolinecolor": "#9aa5b1", "automargin": True,
                   "fixedrange": True},
            separators=views.separators(lang),
        )  # fmt: skip
        figure = {"data": traces, "layout": layout}
    order = {(s, r): i for i, (s, r) in enumerate(zip(counts["sender"], counts["receiver"], strict=True))}
    ranked = every.assign(order=[order[p] for p in zip(every["sender"], every["receiver"], strict=True)])
    ranked = ranked.sort_values(["order", "period"], kind="stable").reset_index(drop=True)
    table = pd.DataFrame(
        {
            t("flows.col_sender", lang): [queries.country_name(c, lang) for c in ranked["sender"]],
            t("flows.col_receiver", lang): [queries.country_name(c, lang) for c in ranked["receiver"]],
            t("flows.col_period", lang): ranked["period"].tolist(),
            t("flows.col_cost", lang): ranked["cost_pct"].round(6).tolist(),
            t("flows.col_on_chart", lang): (ranked["order"] < MAX_COST_LINES).to_numpy(),
        }
    )
    return Chart(
        name="costs",
        title=_title(lang, direction, "flows.costs_title_out", "flows.costs_title_in", subject=name),
        subtitle=t("flows.costs_subtitle", lang, first=periods[0], last=periods[-1]),
        figure=figure,
        table=table,
        sources=_sources(lang, SOURCE_COSTS),
        notes=tuple(notes),
        height=height,
    )


def _pair(sender: str, receiver: str, lang: str) -> str:
    return t("flows.corridor_pair", lang, sender=queries.country_name(sender, lang),
             receiver=queries.country_name(receiver, lang))  # fmt: skip


_BUILDERS: Final[dict[str, Callable[[str, str, int, str], Chart]]] = {
    "flow-map": _flow_map,
    "corridors": _corridors_chart,
    "change": _change,
    "regions": _regions,
    "remittances": _remittances,
    "costs": _costs,
}


def chart(name: str, subject: str, direction: str, year: int, lang: str) -> Chart:
    """One chart of the corridor view; ValueError (one line) for an unknown chart, subject, direction, year or
    language. `year` is a UN DESA year (1990–2020); the remittance matrix is always 2018 and the costs 2011–2020."""
    if not isinstance(name, str) or name not in _BUILDERS:
        raise ValueError(f"unknown chart {name!r}: one of {', '.join(FLOW_CHARTS)}")
    code = _subject(subject)
    return _BUILDERS[name](code, _direction(code, direction), _year(year), _lang(lang))


def headlines(subject: str, direction: str, year: int, lang: str) -> list[views.Headline]:
    """The subject in five figures: total emigrants (or immigrants), where they live (or were born), women's share."""
    code = _subject(subject)
    way, when, lang = _direction(code, direction), _year(year), _lang(lang)
    parts = split(code, way, when).set_index("part")
    total = float(parts["persons"].sum())
    female = float(parts["female"].sum())

    def share(*names: str) -> float | None:
        return 100.0 * float(parts.loc[list(names), "persons"].sum()) / total if total > 0 else None

    note = t("flows.headline_note", lang, year=when)
    female_share = 100.0 * female / total if total > 0 else None
    if way == "out":
        label = "flows.headline_emigrants_group" if is_group(code) else "flows.headline_emigrants"
        out = [
            views.Headline(t(label, lang), _persons(total, lang), note),
            views.Headline(t("flows.headline_in_lac", lang), _percent(share(corridors.PART_LAC), lang), note),
        ]
        if code != "USA":
            out.append(
                views.Headline(t("flows.headline_in_usa", lang), _percent(share(corridors.PART_USA), lang), note)
            )
        elsewhere = [p for p in corridors.PARTS if p not in (corridors.PART_LAC, corridors.PART_USA)]
        out.append(views.Headline(t("flows.headline_elsewhere", lang), _percent(share(*elsewhere), lang), note))
    else:
        out = [
            views.Headline(t("flows.headline_immigrants", lang), _persons(total, lang), note),
            views.Headline(t("flows.headline_born_lac", lang), _percent(share(corridors.PART_LAC), lang), note),
            views.Headline(t("flows.headline_born_rest", lang), _percent(share(corridors.PART_REST), lang), note),
            views.Headline(t("flows.headline_born_unknown", lang), _percent(share(corridors.PART_UNKNOWN), lang), note),
        ]
    out.append(views.Headline(t("flows.headline_female", lang), _percent(female_share, lang), note))
    return out
