"""The dot plot of a subject's largest partners: persons, share of the total and the share of women."""

from __future__ import annotations

from core.charts import explain
from core.charts.corridor_view import common as c
from core.charts.model import Chart, ready
from core.data import flows
from core.figures import dotplot, style
from core.i18n.catalog import t
from core.i18n.formats import fmt_short, separators


def corridors_chart(subject: str, direction: str, year: int, lang: str) -> Chart:
    all_rows = flows.partners(subject, direction, year)
    rows = c.ranked(all_rows).head(c.TOP_PARTNERS)
    name = c.subject_name(subject, lang)
    notes = [*c.group_notes(subject, lang), *c.orange_note(rows, lang), *c.unknown_count_note(all_rows, lang)]
    height = dotplot.fitted_height(len(rows), column=True)
    if rows.empty:
        figure, subtitle = c.empty_stock(subject, year, height, lang, notes)
    else:
        data = dotplot.Ranking(
            names=[c.partner_name(code, lang) for code in rows["partner"]],
            codes=rows["partner"].tolist(),
            values=style.clean(rows["persons"].tolist()),
            labels=[
                t("flows.dot_label", lang, value=fmt_short(persons, lang), share=c.percent(share, lang))
                for persons, share in zip(rows["persons"].astype(float), rows["share"].astype(float), strict=True)
            ],
            hovers=[c.partner_hover(r, direction, lang) for r in rows.itertuples(index=False)],
            highlighted=rows["within_group"].tolist(),
            reference=None,
            reference_label="",
        )
        column = dotplot.Column(t("flows.col_header_women", lang), [c.percent(v, lang) for v in rows["female_share"]])
        figure = dotplot.fitted_dot_plot(data, lambda v: fmt_short(v, lang), separators(lang), column)
        subtitle = t("flows.corridors_subtitle", lang, count=len(rows), total=len(all_rows), year=year)
    title = c.title(lang, direction, "flows.corridors_title_out", "flows.corridors_title_in", subject=name)
    return Chart(
        id="corridors",
        title=title,
        subtitle=c.with_revision(subtitle, lang),
        draw=ready(figure),
        rows=ready(c.partner_table(all_rows, rows["partner"].tolist(), subject, direction, lang)),
        sources=c.sources(lang, c.SOURCE_STOCKS),
        notes=tuple(notes),
        height=height,
        kind="dots",
        explain=lambda: explain.partners(
            "dots",
            title,
            c.sentence_view(subject, direction, year, lang),
            lang,
            len(rows),
            ("partners", "women", "unknown"),
        ),
        about=c.about(c.STOCKS_TABLE, lang),
        source_ids=(c.SOURCE_STOCKS,),
    )
