"""Data files for download: the view on screen and the full indicator series, as CSV and Excel, each with the
indicator's definition, unit, source, licence and citation alongside. Pure: (rows, metadata) -> bytes."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from core.charts import dashboard as views
from core.charts import profile as profiles
from core.charts.model import Chart
from core.data import queries
from core.data.store import get_store
from core.i18n.catalog import one_line, t
from core.state.urlstate import ViewState

CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Table:
    """A downloadable table: its rows, and the notes that must travel with it."""

    name: str  # file name without extension
    title: str
    frame: pd.DataFrame
    notes: tuple[tuple[str, str], ...]  # (label, text), e.g. ("Definition", "...")
    lang: str = "en"  # the language of the notes' "label: text" lines


def notes(state: ViewState, site_url: str, link: str, accessed: date) -> tuple[tuple[str, str], ...]:
    """Definition, unit, source, citation, licence, caveats, access date and address of an indicator's data."""
    lang = state.lang
    meta = queries.indicator_meta(state.indicator)
    return (
        (t("about.definition", lang), meta["definition"][lang]),
        (t("about.unit", lang), t(f"unit.{meta['unit']}", lang)),
        (t("sources.label", lang).rstrip(" :：\u202f"), "; ".join(t(f"source.{s}", lang) for s in meta["source"])),
        (t("about.citation", lang), " ".join(meta["citation"])),
        (t("about.licence", lang), meta["licence"][lang]),
        *((t("about.caveats", lang), c[lang]) for c in meta["caveats"]),
        (t("export.accessed", lang), accessed.isoformat()),
        (t("export.address", lang), site_url.rstrip("/") + "/" + link),
    )


def view_table(state: ViewState, site_url: str, link: str, accessed: date) -> Table:
    """What the map and table show: rank, country, ISO3, value, year of the value, for the focus and year."""
    lang = state.lang
    rows = views.table_rows(state)
    frame = pd.DataFrame(
        {
            t("table.rank", lang): rows["rank"],
            t("table.country", lang): rows["name"],
            "iso3": rows["iso3"],
            views.label(state.indicator, lang, "short_label"): rows["value"].round(6),
            t("table.year", lang): rows["year"],
        }
    )
    year = state.resolved_year(views.options())
    name = f"{state.indicator}_{state.focus}_{year}"
    return Table(name, views.map_title(state), frame, notes(state, site_url, link, accessed), lang)


def trend_table(state: ViewState, site_url: str, link: str, accessed: date) -> Table:
    """What the trend chart shows: each line (the focus group's figure and each selected country) by year."""
    lang = state.lang
    records = [
        {"series": line.name, "year": year, "value": round(float(value), 6)}
        for line in views.trend_lines(state)
        for year, value in zip(line.years, line.values, strict=True)
    ]
    frame = pd.DataFrame(records, columns=["series", "year", "value"]).rename(
        columns={
            "series": t("table.country", lang),
            "year": t("table.year_plain", lang),
            "value": views.label(state.indicator, lang, "short_label"),
        }
    )
    name = f"{state.indicator}_{state.focus}_trend"
    return Table(name, views.trend_title(state), frame, notes(state, site_url, link, accessed), lang)


def series_table(state: ViewState, site_url: str, link: str, accessed: date) -> Table:
    """Every country and year of the indicator, with a flag where the value is computed rather than published."""
    lang = state.lang
    rows = queries.series(state.indicator).sort_values(["iso3", "year"])
    frame = pd.DataFrame(
        {
            "iso3": rows["iso3"],
            t("table.country", lang): [queries.country_name(c, lang) for c in rows["iso3"]],
            t("table.year_plain", lang): rows["year"],
            views.label(state.indicator, lang, "short_label"): rows["value"].round(6),
            t("export.computed", lang): rows["computed"],
        }
    )
    title = views.label(state.indicator, lang)
    return Table(f"{state.indicator}_all_years", title, frame, notes(state, site_url, link, accessed), lang)


def page_notes(sources: str, extra: tuple[str, ...], lang: str, site_url: str, link: str,
               accessed: date) -> tuple[tuple[str, str], ...]:  # fmt: skip
    return (
        (t("sources.label", lang).rstrip(" :：\u202f"), sources),
        *((t("about.caveats", lang), note) for note in extra),
        (t("export.accessed", lang), accessed.isoformat()),
        (t("export.address", lang), site_url.rstrip("/") + "/" + link.lstrip("/")),
    )


def chart_table(chart: Chart, state: ViewState, site_url: str, link: str, accessed: date) -> Table:
    """What a chart of a profile or corridor view draws, with its subtitle, sources and notes."""
    notes = ((t("export.subtitle_label", state.lang), chart.subtitle),
             *page_notes(chart.sources, chart.notes, state.lang, site_url, link, accessed))  # fmt: skip
    return Table(f"{chart.name}_{state.subject}", chart.title, chart.table, notes, state.lang)


def profile_table(state: ViewState, site_url: str, link: str, accessed: date) -> Table:
    """A profile's headline figures beside its groups' (the comparison table), with each figure's source."""
    lang = state.lang
    frame = profiles.comparison_table(state)
    order = get_store().meta["order"]
    ids = [source for indicator in order for source in queries.indicator_meta(indicator)["source"]]
    sources = "; ".join(dict.fromkeys(t(f"source.{source}", lang) for source in ids))
    notes = page_notes(sources, (t("profile.comparison_note", lang),), lang, site_url, link, accessed)
    name = queries.country_name(str(state.subject), lang)
    return Table(f"profile_{state.subject}", t("profile.title", lang, country=name), frame, notes, lang)


def to_csv(table: Table) -> bytes:
    """UTF-8 CSV (with BOM, so Excel reads accents) opening with '#' lines for the notes, then header and rows.

    Read it with pandas as `pd.read_csv(path, comment="#")`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    buffer.write(f"# {table.title}\n")
    for label, text in table.notes:
        buffer.write(f"# {t('export.note_line', table.lang, label=label, text=one_line(text))}\n")
    writer.writerow(table.frame.columns)
    for row in table.frame.itertuples(index=False):
        writer.writerow(["" if pd.isna(v) else v for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(table: Table, about_sheet: str, data_sheet: str) -> bytes:
    """An Excel workbook: a header sheet with the notes first, then the data sheet."""
    book = Workbook()
    about = book.active
    about.title = about_sheet[:31]
    about.append([table.title])
    about["A1"].font = Font(bold=True, size=14)
    for label, text in table.notes:
        about.append([label, one_line(text)])
    about.column_dimensions["A"].width = 22
    about.column_dimensions["B"].width = 110
    for row in about.iter_rows(min_row=2):
        row[0].font = Font(bold=True)
        row[0].alignment = Alignment(vertical="top")
        row[1].alignment = Alignment(wrap_text=True, vertical="top")
    data = book.create_sheet(data_sheet[:31])
    data.append(list(table.frame.columns))
    for cell in data[1]:
        cell.font = Font(bold=True)
    for row in table.frame.itertuples(index=False):
        data.append([None if pd.isna(v) else (v.item() if hasattr(v, "item") else v) for v in row])
    for column in data.columns:
        data.column_dimensions[column[0].column_letter].width = max(10, min(40, len(str(column[0].value)) + 4))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
