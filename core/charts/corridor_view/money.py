"""Money along the corridors: the remittances a subject receives (or sends) by partner, from the current World
Bank/KNOMAD matrix (a model estimate of one year), and the surveyed cost of sending them against the SDG 10.c target
and ceiling."""

from __future__ import annotations

import pandas as pd

from core.charts import explain, sentences
from core.charts.corridor_view import common as c
from core.charts.model import Chart, ready
from core.data import corridors, flows, published, queries
from core.data.store import get_store
from core.figures import dotplot, lines, style
from core.i18n.catalog import one_line, t
from core.i18n.formats import fmt_short, fmt_value, separators


def _short_usd(value: float, lang: str) -> str:
    return t("format.usd_short", lang, value=fmt_short(value, lang))


def matrix_notes(lang: str) -> list[str]:
    """What the matrix is: a model estimate of one year, not comparable with the other matrix edition kept."""
    source, year = corridors.remittance_matrix_source(), corridors.remittance_matrix_year()
    editions = get_store().meta["bilateral"]["remittance_corridors"].get("editions") or {}
    notes = [t("flows.remittance_matrix_note", lang, matrix=t(f"source.{source}", lang), year=year)]
    return notes + [
        t("flows.remittance_matrix_earlier", lang, year=other["year"])
        for ident, other in editions.items()
        if ident != source
    ]


def matrix_gaps(subject: str, direction: str, lang: str) -> list[str]:
    """The gaps of the matrix edition that concern the subject's inflows (the 2021 matrix has none for Venezuela,
    the Bahamas, Barbados and Cuba), in the publisher's words as the metadata gives them."""
    editions = get_store().meta["bilateral"]["remittance_corridors"].get("editions") or {}
    own = editions.get(corridors.remittance_matrix_source()) or {}
    if direction != "out" or not set(flows.members(subject)) & set(own.get("lac_states_without_inflows") or ()):
        return []
    return [one_line(str(caveat[lang])) for caveat in own.get("caveats") or ()]


def remittances_chart(subject: str, direction: str, year: int, lang: str) -> Chart:
    all_rows = flows.remittances(subject, direction)
    rows = all_rows.head(c.TOP_PARTNERS).reset_index(drop=True)
    name = c.subject_name(subject, lang)
    matrix_year = corridors.remittance_matrix_year()
    gaps = matrix_gaps(subject, direction, lang)
    notes = [*matrix_notes(lang), *gaps]
    if flows.is_group(subject):
        notes.append(t("flows.note_remittance_group", lang))
        if rows["within_group"].any():
            notes.append(t("flows.note_orange_senders", lang))
        members = flows.members(subject) if direction == "out" else ()
        absent = [queries.country_name(m, lang) for m in members if corridors.remittance_senders(m).empty]
        if absent:
            notes.append(t("flows.note_remittance_absent", lang, names=", ".join(absent)))
    height = dotplot.fitted_height(len(rows))
    if rows.empty:
        text = c.title(lang, direction, "flows.empty_remittances_out", "flows.empty_remittances_in", subject=name)
        figure = style.empty_figure(text, height, separators(lang))
        if not gaps:  # the edition's own caveat says it otherwise
            notes.append(text)
        subtitle = t("flows.subtitle_empty", lang, year=matrix_year)
    else:
        within = t("flows.hover_within_group_sender", lang)
        data = dotplot.Ranking(
            names=[queries.country_name(code, lang) for code in rows["partner"]],
            codes=rows["partner"].tolist(),
            values=style.clean(rows["usd"].tolist()),
            labels=[
                t("flows.remittance_label", lang, value=_short_usd(float(v), lang), share=c.percent(s, lang))
                for v, s in zip(rows["usd"], rows["share"], strict=True)
            ],
            hovers=[
                t(
                    "flows.hover_remittance",
                    lang,
                    usd=fmt_value(float(v), "usd", lang, compact=False),
                    share=c.percent(s, lang),
                    year=matrix_year,
                )
                + ("<br>" + within if w else "")
                for v, s, w in zip(rows["usd"], rows["share"], rows["within_group"], strict=True)
            ],
            highlighted=rows["within_group"].tolist(),
            reference=None,
            reference_label="",
        )
        figure = dotplot.fitted_dot_plot(data, lambda v: fmt_short(v, lang), separators(lang))
        subtitle = t("flows.remittances_subtitle", lang, count=len(rows), total=len(all_rows), matrix_year=matrix_year)
    every = c.drawn_first(all_rows, rows["partner"].tolist())
    table = pd.DataFrame(
        {
            t("flows.col_rank", lang): every["rank"].astype("int64"),
            c.title(lang, direction, "flows.col_sender", "flows.col_receiver"): [
                queries.country_name(code, lang) for code in every["partner"]
            ],
            t("flows.col_iso3", lang): every["partner"],
            t("flows.col_usd", lang, year=matrix_year): published.rounded(
                every["usd"], "usd", corridors.remittance_matrix_source()
            ).to_numpy(),
            t("flows.col_share", lang): published.derived(every["share"]).to_numpy(),
        }
    )
    if flows.is_group(subject):
        table[t("flows.col_within_group", lang)] = every["within_group"].astype(bool).to_numpy()
    table[t("flows.col_on_chart", lang)] = every["on_chart"].to_numpy()
    title = c.title(lang, direction, "flows.remittances_title_out", "flows.remittances_title_in", subject=name)
    money = sentences.Money(
        subject=name,
        direction=direction,
        year=matrix_year,
        total=float(all_rows["usd"].sum()),
        partners=[
            (queries.country_name(code, lang), float(usd), float(share))
            for code, usd, share in zip(all_rows["partner"], all_rows["usd"], all_rows["share"], strict=True)
        ],
    )
    return Chart(
        id="remittances",
        title=title,
        subtitle=subtitle,
        draw=ready(figure),
        rows=ready(table),
        sources=c.sources(lang, corridors.remittance_matrix_source()),
        notes=tuple(notes),
        height=height,
        kind="dots",
        explain=lambda: explain.money(title, money, lang),
        about=c.about(c.MONEY_TABLE, lang),
        source_ids=(corridors.remittance_matrix_source(),),
    )


def _pair(sender: str, receiver: str, lang: str) -> str:
    return t(
        "flows.corridor_pair",
        lang,
        sender=queries.country_name(sender, lang),
        receiver=queries.country_name(receiver, lang),
    )


def _ordered(every: pd.DataFrame) -> pd.DataFrame:
    """Corridors with the most surveys first; ties (most corridors have every survey): the larger flow in the
    remittance matrix first."""
    counts = every.groupby(["sender", "receiver"], as_index=False).agg(periods=("period", "count"))
    money = flows.matrix_usd()
    counts["usd"] = [money.get(pair, -1.0) for pair in zip(counts["sender"], counts["receiver"], strict=True)]
    return counts.sort_values(
        ["periods", "usd", "sender", "receiver"], ascending=[False, False, True, True], kind="stable"
    ).reset_index(drop=True)


def _cost_series(every: pd.DataFrame, chosen: pd.DataFrame, periods: tuple[str, ...], lang: str) -> list[lines.Series]:
    """One line per chosen corridor over its surveyed span (a period without a survey is a gap). One end is the
    same for every line (a country's corridors in or out): the legend names the other end."""
    out = []
    ends = zip(chosen["sender"].astype(str), chosen["receiver"].astype(str), strict=True)
    for number, (sender, receiver) in enumerate(ends):
        own = every[(every["sender"] == sender) & (every["receiver"] == receiver)]
        values = dict(zip(own["period"], own["cost_pct"], strict=True))
        span = [p for p in periods if own["period"].min() <= p <= own["period"].max()]
        if chosen["receiver"].nunique() == 1:
            legend = queries.country_name(sender, lang)
        elif chosen["sender"].nunique() == 1:
            legend = queries.country_name(receiver, lang)
        else:
            legend = _pair(sender, receiver, lang)
        label = _pair(sender, receiver, lang)
        hover = [
            t("flows.hover_cost", lang, corridor=label, period=p, cost=c.percent(values.get(p), lang)) for p in span
        ]
        out.append(
            lines.Series(
                legend,
                [flows.period_date(p) for p in span],
                [values.get(p) for p in span],
                hover,
                style.QUALITATIVE[number % len(style.QUALITATIVE)],
                width=2,
                dash="solid" if number < len(style.QUALITATIVE) else "dash",
                marker_size=5,
            )
        )
    return out


def _said(series: lines.Series) -> sentences.Line:
    """A cost line as the sentences take it: each survey period's year and quarter from its date on the chart."""
    dates = [str(x) for x in series.x]
    return sentences.Line(
        series.name,
        [int(d[:4]) for d in dates],
        list(series.y),
        [(int(d[5:7]) - 1) // 3 + 1 for d in dates],
    )


def costs_chart(subject: str, direction: str, year: int, lang: str) -> Chart:
    every = flows.costs(subject, direction)
    name = c.subject_name(subject, lang)
    counts = _ordered(every)
    chosen = counts.head(c.MAX_COST_LINES)
    rows = every.merge(chosen[["sender", "receiver"]], on=["sender", "receiver"])
    periods = flows.survey_periods()
    notes = [t("flows.note_costs_survey", lang)]
    if len(counts) > c.MAX_COST_LINES:
        notes.append(t("flows.note_costs_capped", lang, shown=c.MAX_COST_LINES, total=len(counts)))
    negative = rows[rows["cost_pct"] < 0]
    if len(negative):
        found = zip(
            negative["sender"].astype(str),
            negative["receiver"].astype(str),
            negative["period"],
            negative["cost_pct"].astype(float),
            strict=True,
        )
        listed = ", ".join(f"{_pair(s, r, lang)} {period} ({c.percent(cost, lang)})" for s, r, period, cost in found)
        notes.append(t("flows.note_costs_negative", lang, corridors=listed))
    series: list[lines.Series] = []
    if rows.empty:
        text = c.title(lang, direction, "flows.empty_costs_out", "flows.empty_costs_in", subject=name)
        height = 240
        figure = style.empty_figure(text, height, separators(lang))
        notes.append(text)
    else:
        series = _cost_series(rows, chosen, periods, lang)
        ends = [pd.Timestamp(flows.period_date(periods[0])), pd.Timestamp(flows.period_date(periods[-1]))]
        x_range = [
            (ends[0] - pd.DateOffset(months=3)).strftime("%Y-%m-%d"),
            (ends[1] + pd.DateOffset(months=3)).strftime("%Y-%m-%d"),
        ]
        rules = [
            lines.Rule(
                t("flows.target", lang, value=c.percent(corridors.SDG_TARGET, lang)),
                corridors.SDG_TARGET,
                x_range,
                style.TARGET_COLOR,
                "dot",
                2,
            ),
            lines.Rule(
                t("flows.ceiling", lang, value=c.percent(corridors.SDG_CORRIDOR_CEILING, lang)),
                corridors.SDG_CORRIDOR_CEILING,
                x_range,
                style.MUTED,
                "dash",
                1,
            ),
        ]
        height = c.PLOT_HEIGHT + 46 + style.legend_height([one.name for one in series] + [r.name for r in rules])
        figure = lines.series_figure(
            series,
            x_axis={"type": "date", "range": x_range},
            y_axis={
                "title": {"text": t("flows.axis_cost", lang), "font": {"size": 12}},
                "rangemode": "tozero",
                "zeroline": True,
                "zerolinecolor": style.AXIS_LINE,
            },
            height=height,
            separators=separators(lang),
            rules=rules,
        )
    order = {(s, r): i for i, (s, r) in enumerate(zip(counts["sender"], counts["receiver"], strict=True))}
    ranked = every.assign(order=[order[p] for p in zip(every["sender"], every["receiver"], strict=True)])
    ranked = ranked.sort_values(["order", "period"], kind="stable").reset_index(drop=True)
    table = pd.DataFrame(
        {
            t("flows.col_sender", lang): [queries.country_name(code, lang) for code in ranked["sender"]],
            t("flows.col_receiver", lang): [queries.country_name(code, lang) for code in ranked["receiver"]],
            t("flows.col_period", lang): ranked["period"].tolist(),
            t("flows.col_cost", lang): published.rounded(ranked["cost_pct"], "percent", c.SOURCE_COSTS).to_numpy(),
            t("flows.col_on_chart", lang): (ranked["order"] < c.MAX_COST_LINES).to_numpy(),
        }
    )
    title = c.title(lang, direction, "flows.costs_title_out", "flows.costs_title_in", subject=name)
    said = [_said(one) for one in series]
    return Chart(
        id="costs",
        title=title,
        subtitle=t("flows.costs_subtitle", lang, first=periods[0], last=periods[-1]),
        draw=ready(figure),
        rows=ready(table),
        sources=c.sources(lang, c.SOURCE_COSTS),
        notes=tuple(notes),
        height=height,
        kind="lines",
        explain=lambda: explain.costs(title, said, lang),
        about=c.about(c.COSTS_TABLE, lang),
        source_ids=(c.SOURCE_COSTS,),
    )
