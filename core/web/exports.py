"""Data files for download: what any chart draws, a dashboard indicator's full series and a profile's comparison,
as CSV and Excel, with the metadata that must travel with them (definition, unit, sources, citation, licence,
caveats, access date, address); and the texts of slide images."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from core.charts import profile, texts
from core.charts.dashboard import common
from core.charts.model import Chart
from core.data import changelog, geometry, published, queries
from core.data.store import editions, get_store
from core.i18n.catalog import one_line, t
from core.state.options import menu
from core.state.urlstate import ViewState

CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Table:
    """A downloadable table: its rows, and the notes that must travel with it."""

    name: str  # file name without extension
    title: str
    frame: pd.DataFrame
    notes: tuple[tuple[str, str], ...]  # (label, text), e.g. ("Definition", "..."), each once
    lang: str = "en"  # the language of the notes' "label: text" lines
    sources: tuple[str, ...] = ()  # the sources of its numbers (ids of the metadata's "sources"): its Data Package's


def _once(notes: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """The notes in order, each once: a chart's own caveat may repeat one of its table's (the corridors' revision),
    a group's caveat one of its indicator's (how territories count)."""
    return tuple(dict.fromkeys(notes))


def _where(lang: str, site_url: str, link: str, accessed: date) -> tuple[tuple[str, str], ...]:
    """The data edition the numbers come from, when they were downloaded and from which address."""
    return (
        (t("export.edition", lang), f"{texts.edition_label(lang)} ({get_store().version})"),
        (t("export.accessed", lang), accessed.isoformat()),
        (t("export.address", lang), site_url.rstrip("/") + "/" + link.lstrip("/")),
    )


def chart_table(chart: Chart, state: ViewState, site_url: str, link: str, accessed: date) -> Table:
    """What a chart draws, with its subtitle, its metadata (definition, unit, sources, citation, licence, caveats
    where it shows one indicator; else its sources), its notes, the access date and the page's address."""
    lang = state.lang
    about = chart.about or ((texts.sources_term(lang), chart.sources),)
    notes = _once(
        (
            (t("export.subtitle_label", lang), chart.subtitle),
            *about,
            *((t("about.caveats", lang), note) for note in chart.notes),
            *_where(lang, site_url, link, accessed),
        )
    )
    return Table(chart.file or chart.id, chart.title, chart.table, notes, lang, chart.source_ids)


def series_table(state: ViewState, site_url: str, link: str, accessed: date) -> Table:
    """Every country and year of the indicator, with a flag where the value is computed rather than published, and
    one where a published value far out of line with its neighbouring years is kept as published."""
    lang = state.lang
    rows = queries.series(state.indicator).sort_values(["iso3", "year"])
    values = published.indicator_values(rows["value"], state.indicator)
    frame = pd.DataFrame(
        {
            "iso3": rows["iso3"],
            t("table.country", lang): [queries.country_name(c, lang) for c in rows["iso3"]],
            t("table.year_plain", lang): rows["year"],
            texts.label(state.indicator, lang, "short_label"): values,
            t("export.computed", lang): rows["computed"],
            t("export.as_published", lang): rows["anomaly"],
        }
    )
    notes = _once((*common.about(state.indicator, lang), *_where(lang, site_url, link, accessed)))
    return Table(
        f"{state.indicator}_all_years",
        texts.label(state.indicator, lang),
        frame,
        notes,
        lang,
        common.source_ids(state.indicator),
    )


def indicators_about(indicators: Iterable[str], lang: str) -> tuple[tuple[str, str], ...]:
    """The metadata of a file holding several indicators: what a dashboard file says of its one indicator
    (common.about), said of each. Per indicator, named: its definition with its unit and what its group figures say
    beyond the rule they share (or why it has none); then, each once: the sources, the group rule, citations, licences
    and caveats."""
    shown = list(dict.fromkeys(indicators))
    rule_label = t("about.groups", lang)
    own: list[tuple[str, str]] = [(rule_label, texts.note("group_rule", lang))]
    for indicator in shown:
        name = texts.label(indicator, lang, "short_label")
        definition = t(
            "export.definition_unit",
            lang,
            definition=one_line(str(queries.indicator_meta(indicator)["definition"][lang])),
            unit_label=t("about.unit", lang),
            unit=t(f"unit.{texts.unit(indicator)}", lang),
        )
        own.append((t("export.about_of", lang, label=t("about.definition", lang), indicator=name), definition))
        rule = queries.indicator_meta(indicator)["aggregate"]
        said = (rule.get("reason") or rule.get("note") or {}).get(lang)
        if said:
            own.append((t("export.about_of", lang, label=rule_label, indicator=name), one_line(str(said))))
    order = (t("about.citation", lang), t("about.licence", lang), t("about.caveats", lang))
    shared = [row for i in shown for row in common.about(i, lang) if row[0] in order]
    ranked = sorted(dict.fromkeys(shared), key=lambda row: order.index(row[0]))
    sources = texts.sources_line((s for i in shown for s in common.source_ids(i)), lang)
    return _once(((texts.sources_term(lang), sources), *own, *ranked))


def profile_table(state: ViewState, site_url: str, link: str, accessed: date) -> Table:
    """A profile's headline figures beside its groups' (the comparison table), with what a dashboard file says of its
    indicator said of each (definition and unit, sources, group rules, citations, licences, caveats)."""
    lang = state.lang
    frame = profile.comparison_table(state)
    notes = _once(
        (
            *indicators_about(menu(), lang),
            (t("about.caveats", lang), t("profile.comparison_note", lang)),
            *_where(lang, site_url, link, accessed),
        )
    )
    name = queries.country_name(str(state.subject), lang)
    sources = tuple(dict.fromkeys(s for i in menu() for s in common.source_ids(i)))
    return Table(f"profile_{state.subject}", t("profile.title", lang, country=name), frame, notes, lang, sources)


def _then_and_now_value(value: float | None, unit: str, source: str) -> float | None:
    """A value of the "2005 → today" comparison by the rule of every download: whole persons and countries, money as
    its source publishes it, a percentage this project derives at 15 significant digits."""
    if value is None:
        return None
    if unit in ("persons", "count"):
        return float(round(value))
    if unit == "usd":
        return float(published.rounded(pd.Series([value]), "usd", source).iloc[0])
    return float(published.derived([value]).iloc[0])


def then_and_now_table(state: ViewState, site_url: str, link: str, accessed: date) -> Table:
    """The "2005 → today" page as a table: each statement of the 2005–2006 documents (what it is about, its figure as
    written, its citation, how today's data compare) and each of today's measures by year, its source's edition,
    the countries a count counts and the statement's note; the documents' citations, how to read the comparison,
    the sources' citations and licences in the notes."""
    from core.charts import thennow
    from core.charts.thennow import words

    lang = state.lang
    records: list[list[Any]] = []
    for one in thennow.statements():
        said = [
            one.number,
            words.theme(one.theme, lang),
            words.claim(one.number, lang),
            words.figure(one.number, lang),
            words.cite(one.number, lang),
            words.verdict(one, lang),
        ]
        note = words.note(one, lang)
        if not one.measures:
            records.append([*said, "", "", None, None, None, "", "", note])
        for measure in one.measures:
            unit = t("thennow.unit_count", lang) if measure.unit == "count" else t(f"unit.{measure.unit}", lang)
            for point in measure.points:
                names = ", ".join(queries.country_name(code, lang) for code, _ in point.items)
                value = _then_and_now_value(point.value, measure.unit, measure.source)
                records.append(
                    [
                        *said,
                        words.label(measure, lang),
                        words.source(measure.source, lang),
                        point.start,
                        point.year,
                        value,
                        unit,
                        names,
                        note,
                    ]
                )
    columns = [
        t("thennow.col_statement", lang),
        t("thennow.col_theme", lang),
        t("thennow.col_about", lang),
        t("thennow.col_said", lang),
        t("thennow.col_cite", lang),
        t("thennow.col_verdict", lang),
        t("thennow.col_measure", lang),
        t("thennow.col_source", lang),
        t("thennow.col_start", lang),
        t("table.year_plain", lang),
        t("thennow.col_value", lang),
        t("thennow.col_unit", lang),
        t("thennow.col_counted", lang),
        t("thennow.col_note", lang),
    ]
    frame = pd.DataFrame(records, columns=columns).astype(
        {columns[0]: "int64", columns[8]: "Int64", columns[9]: "Int64", columns[10]: "float64"}
    )
    used = tuple(dict.fromkeys(m.source for one in thennow.statements() for m in one.measures))
    known = get_store().meta.get("sources") or {}
    notes = _once(
        (
            (t("thennow.documents_title", lang), t("thennow.doc_a", lang)),
            (t("thennow.documents_title", lang), t("thennow.doc_b", lang)),
            (t("thennow.how_title", lang), t("thennow.how_celade", lang)),
            (t("thennow.how_title", lang), t("thennow.how_sources", lang)),
            (texts.sources_term(lang), texts.sources_line(used, lang)),
            *((t("about.citation", lang), one_line(str(known[i]["citation"]))) for i in used if i in known),
            *((t("about.licence", lang), str(known[i]["licence"][lang])) for i in used if i in known),
            *((t("about.caveats", lang), texts.caveat(c, lang)) for c in ("revisions_not_mixed", "territories")),
            *_where(lang, site_url, link, accessed),
        )
    )
    return Table("then-and-now", t("thennow.file_title", lang), frame, notes, lang, used)


def changes_table(lang: str, site_url: str, link: str, accessed: date) -> Table:
    """The served edition's changelog, one row per value that differs from the previous edition, with the country's
    name beside its code; the notes say which two editions it compares and what each reason means."""
    frame = changelog.changes()
    frame.insert(2, "country", [queries.country_name(code, lang) for code in frame["iso3"]])
    previous = changelog.previous_edition() or ""
    name = next((e.name for e in editions() if e.id == previous), previous)
    notes = (
        (t("export.previous_edition", lang), f"{name} ({previous})"),
        (t("export.reasons", lang), t("export.reasons_text", lang)),
        *_where(lang, site_url, link, accessed),
    )
    return Table(
        f"changes_{get_store().version}",
        t("export.changes_title", lang, previous=name, edition=texts.edition_name()),
        frame,
        notes,
        lang,
    )


def image_meta(
    charts: Iterable[Chart],
    lang: str,
    file: str,
    title: str = "",
    links: dict[str, str] | None = None,
    files: dict[str, dict[str, str]] | None = None,
) -> dict[str, Any]:
    """What the browser needs to render slide images of a page's charts: each chart's title, subtitle and source
    line (with the data edition and the access date; "{url}" becomes the page's address there), the file name stem,
    the page's title; for "Copy data link", the data link of each chart (`links`, by chart id:
    core/web/opendata.py); and what a briefing pack keeps of a chart (assets/pack.js): its accessible description,
    key facts and main numbers (for the speaker's notes), its sources (by id: each source's publisher, citation and
    licence are in "sources", once), and its numbers as files pinned to this edition (`files`, by chart id:
    opendata.pinned_files)."""
    today = date.today().isoformat()
    line = t("export.source_line", lang, sources="{sources}", edition=texts.edition_name(), date=today, url="{url}")
    charts = list(charts)
    cited = texts.citations((ident for c in charts for ident in _source_ids(c)), lang)
    return {
        "title": title,
        "charts": {
            c.id: {
                "title": c.title,
                "subtitle": c.subtitle,
                "source": line.replace("{sources}", c.sources),
                "kind": c.kind,
                "file": c.file or c.id,
                "description": c.facts.description,
                "facts": list(c.facts.sentences),
                "numbers": list(c.facts.numbers),
                "sources": list(_source_ids(c)),
                "files": (files or {}).get(c.id, {}),
            }
            for c in charts
        },
        "source": "",
        "file": file,
        "lang": lang,
        "edition": {"id": get_store().version, "name": texts.edition_name()},
        "sources": {source.pop("id"): source for source in cited},
        "copied": t("share.copied", lang),
        "data_links": links or {},
        "data_copied": t("share.data_copied", lang),
    }


def _source_ids(chart: Chart) -> tuple[str, ...]:
    """The sources of a chart's picture: its numbers', and the map shapes' for a map."""
    return (*chart.source_ids, *((geometry.SOURCE,) if chart.kind in ("map", "flow_map") else ()))


def _cell(value: Any) -> Any:
    """A CSV cell: empty for a missing value (never 0); a flag as TRUE or FALSE, which R's read.csv, pandas, Excel
    and frictionless all read as a logical value (R reads Python's True, and true, as text)."""
    if pd.isna(value):
        return ""
    return ("TRUE" if value else "FALSE") if pd.api.types.is_bool(value) else value


def to_csv(table: Table, plain: bool = False) -> bytes:
    """UTF-8 CSV (with BOM, so Excel reads accents) opening with '#' lines for the notes, then header and rows.

    Read it with pandas as `pd.read_csv(path, comment="#")`. `plain`: header and rows only, without BOM, as the
    data links (core/web/opendata.py) serve it: its notes travel in its Data Package."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if not plain:
        buffer.write(f"# {table.title}\n")
        for label, text in table.notes:
            buffer.write(f"# {t('export.note_line', table.lang, label=label, text=one_line(text))}\n")
    writer.writerow(table.frame.columns)
    for row in table.frame.itertuples(index=False):
        writer.writerow([_cell(v) for v in row])
    return (("" if plain else "\ufeff") + buffer.getvalue()).encode("utf-8")


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
