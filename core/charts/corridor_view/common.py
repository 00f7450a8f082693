"""What the corridor view's charts share: sizes, the subject's and partners' names, numbers in words, notes that
travel with several charts, and the table of partners behind the map and the dot plot."""

from __future__ import annotations

import math
from typing import Any, Final

import pandas as pd

from core.charts import sentences, texts
from core.data import corridors, flows, published, queries
from core.data.store import get_store
from core.figures import style
from core.i18n.catalog import t
from core.i18n.formats import fmt_value, separators

TOP_PARTNERS: Final = 15  # corridors on the map, the dot plot and the remittance chart
TOP_CHANGE: Final = 10  # corridors of the dumbbell chart
MAX_COST_LINES: Final = 12  # more lines than this cannot be told apart
PLOT_HEIGHT: Final = 270  # the plotting area of a line chart, whatever its legend takes

SOURCE_STOCKS: Final = "undesa_ims2020_bilateral"
SOURCE_COSTS: Final = "worldbank_remittance_prices_corridors"
STOCKS_TABLE: Final = "migrant_corridors"  # the bilateral tables of the metadata
MONEY_TABLE: Final = "remittance_corridors"
COSTS_TABLE: Final = "corridor_costs"

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
    corridors.PART_LAC: style.QUALITATIVE[0],
    corridors.PART_USA: style.QUALITATIVE[1],
    corridors.PART_ESP: style.QUALITATIVE[2],
    corridors.PART_REST: style.QUALITATIVE[3],
    corridors.PART_UNKNOWN: style.MUTED,
}


def revision(lang: str) -> str:
    """The UN DESA revision the corridors come from ("UN DESA 2020 revision"); the source's name in an edition that
    does not say."""
    number = get_store().meta["bilateral"]["migrant_corridors"].get("revision")
    return t("flows.revision_tag", lang, revision=number) if number else sources(lang, SOURCE_STOCKS)


def with_revision(subtitle: str, lang: str) -> str:
    """A subtitle that names the UN DESA revision the corridors come from (the country totals elsewhere on the site
    come from a later one); unchanged for an edition built before the two differed."""
    number = get_store().meta["bilateral"]["migrant_corridors"].get("revision")
    return f"{subtitle} · {revision(lang)}" if number else subtitle


def subject_name(subject: str, lang: str) -> str:
    """The subject's name: a group's, or a country's."""
    return texts.subject_name(flows.check_subject(subject), lang)


def partner_name(code: str, lang: str) -> str:
    """A partner's name; UN DESA's unknown origin gets its catalog label."""
    return t("flows.unknown_origin", lang) if code == corridors.UNKNOWN_ORIGIN else queries.country_name(code, lang)


def sources(lang: str, *ids: str) -> str:
    return texts.sources_line(ids, lang)


def persons(value: float, lang: str, compact: bool = True) -> str:
    return fmt_value(float(value), "persons", lang, compact=compact)


def percent(value: float | None, lang: str) -> str:
    return fmt_value(None if value is None or math.isnan(value) else float(value), "percent", lang)


def signed_percent(value: float, lang: str) -> str:
    return ("+" if value > 0 else "") + fmt_value(float(value), "percent", lang)


def title(lang: str, direction: str, out_key: str, in_key: str, **values: object) -> str:
    return t(out_key, lang, **values) if direction == "out" else t(in_key, lang, **values)


def partner_column(lang: str, direction: str) -> str:
    return t("flows.col_destination", lang) if direction == "out" else t("flows.col_origin", lang)


def empty_stock_text(subject: str, year: int, lang: str) -> str:
    return t("flows.empty_stock", lang, subject=subject_name(subject, lang), year=year)


def empty_stock(subject: str, year: int, height: int, lang: str, notes: list[str]) -> tuple[dict[str, Any], str]:
    """The figure and subtitle of a corridor chart with nothing to draw in `year`; the reason joins its notes."""
    text = empty_stock_text(subject, year, lang)
    notes.append(text)
    return style.empty_figure(text, height, separators(lang)), t("flows.subtitle_empty", lang, year=year)


def ranked(rows: pd.DataFrame) -> pd.DataFrame:
    """The partners a ranking may show: UN DESA's unknown origin is not a place, so it is never ranked (it stays in
    the tables and in every total)."""
    return rows[~rows["unknown"]].reset_index(drop=True)


def drawn_first(rows: pd.DataFrame, drawn: list[str], key: str = "partner") -> pd.DataFrame:
    """Every row, those drawn first (in the order drawn), then the others in their own order; `on_chart` says which
    are drawn."""
    position = {code: i for i, code in enumerate(drawn)}
    codes = rows[key].astype(str).tolist()
    order = sorted(range(len(rows)), key=lambda i: (position.get(codes[i], len(position)), i))
    out = rows.iloc[order].reset_index(drop=True)
    out["on_chart"] = out[key].isin(list(position)).astype(bool)
    return out


def partner_table(all_rows: pd.DataFrame, drawn: list[str], subject: str, direction: str, lang: str) -> pd.DataFrame:
    """Every partner (the chart draws only the largest): those drawn first, a column saying which are. The rank
    is among the countries; the unknown origin has none."""
    rows = drawn_first(all_rows, drawn)
    rank = rows["persons"].where(~rows["unknown"]).rank(method="min", ascending=False)
    table = pd.DataFrame(
        {
            t("flows.col_rank", lang): rank.astype("Int64"),
            partner_column(lang, direction): [partner_name(c, lang) for c in rows["partner"]],
            t("flows.col_iso3", lang): rows["partner"],
            t("flows.col_persons", lang): rows["persons"].astype("int64"),
            t("flows.col_share", lang): published.derived(rows["share"]).to_numpy(),
            t("flows.col_women", lang): rows["female"].astype("int64"),
            t("flows.col_female_share", lang): published.derived(rows["female_share"]).to_numpy(),
        }
    )
    if flows.is_group(subject):
        table[t("flows.col_within_group", lang)] = rows["within_group"].astype(bool).to_numpy()
    table[t("flows.col_on_chart", lang)] = rows["on_chart"].to_numpy()
    return table.reset_index(drop=True)


def partner_hover(row: Any, direction: str, lang: str) -> str:
    text = title(
        lang,
        direction,
        "flows.hover_partner_out",
        "flows.hover_partner_in",
        persons=persons(row.persons, lang, compact=False),
        share=percent(row.share, lang),
        female=percent(row.female_share, lang),
    )
    if row.within_group:
        text += "<br>" + t("flows.hover_within_group", lang)
    return text


def group_notes(subject: str, lang: str) -> list[str]:
    return [t("flows.note_group_within", lang)] if flows.is_group(subject) else []


def unknown_count_note(rows: pd.DataFrame, lang: str) -> list[str]:
    """How many persons have an unknown origin: counted everywhere, ranked nowhere."""
    count = float(rows.loc[rows["unknown"], "persons"].sum())
    return [t("flows.note_unknown_count", lang, persons=persons(count, lang, compact=False))] if count > 0 else []


def orange_note(rows: pd.DataFrame, lang: str) -> list[str]:
    return [t("flows.note_orange", lang)] if rows["within_group"].any() else []


def sentence_view(subject: str, direction: str, year: int, lang: str) -> sentences.Corridors:
    """A corridor view as its charts show it, for the sentences: every partner, the share of women, the share of
    unknown origin."""
    rows = flows.partners(subject, direction, year)
    known = rows[~rows["unknown"]]
    total = float(rows["persons"].sum())
    partners = [
        sentences.Partner(
            partner_name(str(code), lang), float(persons), float(share), None if math.isnan(female) else female
        )
        for code, persons, share, female in zip(
            known["partner"], known["persons"], known["share"], known["female_share"], strict=True
        )
    ]
    return sentences.Corridors(
        subject=subject_name(subject, lang),
        direction=direction,
        year=year,
        total=total,
        female_share=100.0 * float(rows["female"].sum()) / total if total else None,
        partners=partners,
        unknown_share=float(rows.loc[rows["unknown"], "share"].sum()),
    )


def about(table: str, lang: str) -> tuple[tuple[str, str], ...]:
    """Definition, unit, sources, citation, licence and caveats of a bilateral table (migrant_corridors,
    remittance_corridors, corridor_costs): what the data files of its charts carry, as the dashboard's do."""
    return texts.about(get_store().meta["bilateral"][table], lang)
