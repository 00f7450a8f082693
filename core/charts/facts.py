"""The key facts of a view, written from the same view models the charts draw (core.charts.sentences writes them):
the sentences under a chart, in link previews and search results (a page's meta description), and in slide notes.

Each function turns a view model into the plain values of core.charts.sentences.values, names already in the view's
language; nothing here formats a number."""

from __future__ import annotations

from core.charts import sentences, texts, thennow
from core.charts.corridor_view import common as corridor
from core.charts.dashboard import mapview
from core.data import queries
from core.data import schema as s
from core.data.corridors import SDG_TARGET
from core.i18n.catalog import t
from core.i18n.formats import fmt_value
from core.state.options import options
from core.state.urlstate import ViewState


def ranked(state: ViewState, year: int) -> list[sentences.Ranked]:
    """The focus members with a value near `year`, ranked, as the map and the ranking show them."""
    return [
        sentences.Ranked(r["iso3"], r["name"], r["value"], r["year"], r["rank"])
        for r in mapview.ranked_records(state, year)
    ]


def group(indicator: str, focus: str, year: int, lang: str) -> sentences.Group:
    """The focus group and its own figure for the year (a sum or a ratio of sums), where one is honest."""
    members = queries.group_members(focus)
    aggregate = queries.aggregate_at(indicator, members, year)
    value = None if aggregate is None else float(aggregate.value)
    return sentences.Group(
        texts.group_name(focus, lang), members, value, 0 if aggregate is None else aggregate.reporting
    )


def dashboard(state: ViewState) -> list[str]:
    """The map's and the ranking's facts: highest and lowest, where the selected countries rank, the group figure
    and, for costs, how many are below the SDG 10.c target."""
    lang, year = state.lang, state.resolved_year(options())
    selected = [(code, queries.country_name(code, lang)) for code in state.countries]
    target = SDG_TARGET if state.indicator == s.REMITTANCE_COST else None
    return sentences.ranking_facts(
        ranked(state, year),
        texts.unit(state.indicator),
        group(state.indicator, state.focus, year, lang),
        year,
        lang,
        selected,
        target,
    )


def country_line(indicator: str, code: str, lang: str) -> sentences.Line:
    rows = queries.series(indicator)
    own = rows[rows["iso3"] == code].sort_values("year")
    return sentences.Line(queries.country_name(code, lang), own["year"].tolist(), own["value"].tolist())


def profile(state: ViewState) -> list[str]:
    """A country's figure on the visitor's indicator and its change, then its emigrants."""
    code, lang = str(state.subject), state.lang
    indicators = [state.indicator] + [i for i in (s.EMIGRANT_STOCK,) if i != state.indicator]
    out: list[str] = []
    for indicator in indicators:
        out += sentences.trend_facts([country_line(indicator, code, lang)], texts.unit(indicator), lang)
    return out


def corridors(state: ViewState) -> list[str]:
    year = state.resolved_cyear(options())
    return sentences.corridor_facts(
        corridor.sentence_view(str(state.subject), state.direction, year, state.lang), state.lang
    )


def page(state: ViewState) -> list[str]:
    """The key facts of the page a state shows."""
    if state.page == "country":
        return profile(state)
    if state.page == "corridors":
        return corridors(state)
    if state.page == "sources":
        return []
    if state.page == "thennow":
        return then_and_now(state.lang)
    return dashboard(state)


def then_and_now(lang: str) -> list[str]:
    """The "2005 → today" page's lead facts: the region's emigrants (CELADE's 2005 estimate, UN DESA's latest) and
    the remittances it received (2004, latest), from the same statements the page shows."""
    emigrants = thennow.statement(2).measures[0].points
    remittances = thennow.statement(17).measures[0].points
    out = []
    if emigrants[-1].value is not None:
        out.append(
            t(
                "thennow.description_emigrants",
                lang,
                celade=fmt_value(thennow.quoted(2)[0].value, "persons", lang),
                states=fmt_value(emigrants[-1].value, "persons", lang),
                year=emigrants[-1].year,
            )
        )
    if remittances[0].value is not None and remittances[-1].value is not None:
        out.append(
            t(
                "thennow.description_remittances",
                lang,
                then=fmt_value(remittances[0].value, "usd", lang),
                now=fmt_value(remittances[-1].value, "usd", lang),
                latest=remittances[-1].year,
            )
        )
    return out


def lead(state: ViewState) -> str:
    """What a page is about, in a few words, the lead of its meta description (the facts name the place)."""
    if state.page == "corridors":
        name = corridor.subject_name(str(state.subject), state.lang)
        return t(f"route.direction_{state.direction}", state.lang, name=name)
    if state.page == "thennow":
        return t("thennow.link", state.lang)
    return texts.label(state.indicator, state.lang, "short_label")


def description(state: ViewState) -> str:
    """The page's meta description: its lead and as many key facts as fit, the first with a figure (the Sources
    page: what it lists)."""
    if state.page == "sources":
        return t("sources_page.description", state.lang)
    return sentences.meta_description(lead(state), page(state), state.lang)
