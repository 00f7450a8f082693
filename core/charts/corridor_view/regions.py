"""Shares by region over every UN DESA year: where a subject's emigrants live (within LAC, the USA, Spain, the
rest), or where its immigrants were born (LAC, elsewhere, not reported)."""

from __future__ import annotations

import pandas as pd

from core.charts import explain, sentences
from core.charts.corridor_view import common as c
from core.charts.model import Chart, ready
from core.data import corridors, flows, published
from core.figures import lines, style
from core.i18n.catalog import t
from core.i18n.formats import separators


def _part_shown(part: str, every: pd.DataFrame, subject: str) -> bool:
    """Every part is drawn, even at zero, except the unknown one when nobody is in it, and the USA or Spain as the
    destination of its own emigrants (always zero: there is no corridor from a country to itself)."""
    if part == corridors.PART_UNKNOWN:
        return bool(every.loc[every["part"] == part, "persons"].any())
    return {corridors.PART_USA: "USA", corridors.PART_ESP: "ESP"}.get(part) != subject


def regions_chart(subject: str, direction: str, year: int, lang: str) -> Chart:
    labels = c.PART_LABELS_OUT if direction == "out" else c.PART_LABELS_IN
    years = corridors.corridor_years()
    frames = []
    for when in years:
        rows = flows.split(subject, direction, when)
        rows.insert(0, "year", when)
        frames.append(rows)
    every = pd.concat(frames, ignore_index=True)
    every = every[every.groupby("year")["persons"].transform("sum") > 0]  # a year with no corridor: nothing to draw
    parts = corridors.PARTS if direction == "out" else flows.ORIGIN_PARTS
    shown = [p for p in parts if _part_shown(p, every, subject)]
    every = every[every["part"].isin(shown)]
    name = c.subject_name(subject, lang)
    series = []
    for part in shown:
        own = every[every["part"] == part]
        part_name = t(labels[part], lang)
        hover = [
            t(
                "flows.hover_region",
                lang,
                part=part_name,
                year=y,
                share=c.percent(s, lang),
                persons=c.persons(p, lang, compact=False),
            )
            for y, s, p in zip(own["year"], own["share"], own["persons"], strict=True)
        ]
        series.append(lines.Series(part_name, own["year"].tolist(), own["share"].tolist(), hover, c.PART_COLORS[part]))
    notes = [*c.group_notes(subject, lang)]
    if every.empty:
        text = t("flows.empty_stock_years", lang, subject=name, first=years[0], last=years[-1])
        height = 240
        figure = style.empty_figure(text, height, separators(lang))
        notes.append(text)
    else:
        if direction == "in" and corridors.PART_UNKNOWN in shown:
            notes.append(t("flows.note_unknown_origin", lang))
        height = c.PLOT_HEIGHT + 50 + style.legend_height([one.name for one in series])
        axis_title = c.title(lang, direction, "flows.axis_share_out", "flows.axis_share_in")
        figure = lines.series_figure(
            series,
            x_axis={"tickformat": "d", "tickvals": list(years)},
            y_axis={"title": {"text": axis_title, "font": {"size": 12}}, "range": [0, 100]},
            height=height,
            separators=separators(lang),
            shapes=[style.vline(year, {"color": style.AXIS_LINE, "width": 1, "dash": "dot"})],
        )
    table = pd.DataFrame(
        {
            t("flows.col_year", lang): every["year"].astype("int64").to_numpy(),
            t("flows.col_part", lang): [t(labels[p], lang) for p in every["part"]],
            t("flows.col_persons", lang): every["persons"].astype("int64").to_numpy(),
            t("flows.col_share", lang): published.derived(every["share"]).to_numpy(),
        }
    )
    title = c.title(lang, direction, "flows.regions_title_out", "flows.regions_title_in", subject=name)
    said = [sentences.Line(one.name, one.x, one.y) for one in series]
    return Chart(
        id="regions",
        title=title,
        subtitle=c.with_revision(t("flows.regions_subtitle", lang, first=years[0], last=years[-1]), lang),
        draw=ready(figure),
        rows=ready(table),
        sources=c.sources(lang, c.SOURCE_STOCKS),
        notes=tuple(notes),
        height=height,
        kind="lines",
        explain=lambda: explain.lines(title, said, "percent", lang),
        about=c.about(c.STOCKS_TABLE, lang),
        source_ids=(c.SOURCE_STOCKS,),
    )
