"""Key-fact sentences (core.charts.sentences): exact sentences per language on small fixtures of real figures, grammar and
typography rules on every output, and structure and numbers on the real data."""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from core.charts import corridor_view as corridor_charts
from core.charts import explain, texts
from core.charts import sentences as s
from core.charts.corridor_view import common as corridor_common
from core.charts.corridor_view.headlines import headlines as corridor_headlines
from core.charts.dashboard import mapview, trend
from core.data import flows, queries
from core.data.store import get_store
from core.i18n.catalog import MESSAGES, catalog, t
from core.i18n.formats import fmt_number, fmt_value
from core.state.urlstate import ViewState

LANGS = ("en", "es", "pt", "fr")
NNBSP = "\u202f"


def name(code: str, lang: str) -> str:
    return queries.country_name(code, lang)


def group_name(focus: str, lang: str) -> str:
    return texts.group_name(focus, lang)


# --- fixtures: real figures copied from data/processed, a few rows each -----------------------------------------

# emigrant_share, Central America, 2020 (% of the population), highest first; the group's ratio of sums.
CA_SHARE_2020 = (
    ("SLV", 24.653229216917577),
    ("BLZ", 13.267911),
    ("NIC", 10.84079),
    ("HND", 9.945643),
    ("MEX", 8.675637),
    ("GTM", 7.638223),
    ("PAN", 3.233546),
    ("CRI", 2.949306),
)
CA_SHARE_2020_GROUP = 9.015949925047664
# remittance_cost, Central America, 2020 (% of US$200): Belize has no value.
CA_COST_2020 = (
    ("CRI", 6.600869),
    ("HND", 4.580879),
    ("NIC", 4.43881),
    ("MEX", 4.179567),
    ("PAN", 3.952727),
    ("GTM", 3.942211),
    ("SLV", 2.853846),
)
CA = ("BLZ", "CRI", "GTM", "HND", "MEX", "NIC", "PAN", "SLV")
MEX_REMITTANCES = ((1990, 3.098e9), (2023, 6.623785e10), (2024, 6.763791e10))  # remittances_usd, US$
BOL_REMITTANCES = ((2023, 1448643182.89681), (2024, 1279661295.86324))
SLV_FEMALE = ((1990, 51.002658), (2015, 50.197403), (2020, 50.33526))  # female_share, %
CHL_SHARE = ((2000, 3.3371484811648804), (2005, 3.347677240522031), (2010, 3.351448855975705))  # emigrant_share
CYM_STOCK = ((1990, 356.0), (2015, 1709.0), (2020, 1908.0))  # emigrant_stock, persons
USA_MEX_COST = ((2011, 1, 5.006111), (2020, 2, 4.219643), (2020, 3, 4.18037))  # corridor cost, % of US$200
HTI_COSTS_2020Q3 = (("CAN", 6.252308), ("DOM", 10.683333), ("FRA", 10.674), ("USA", 4.731538))
ARE_IND_COST = ((2013, 3, 4.994706), (2017, 1, 2.993572))  # at the ceiling, then at the target
USA_MEX_SURVEYS = ((2013, 1, 5.316), (2013, 2, 5.670455), (2013, 3, 4.411053), (2013, 4, 5.293889), (2014, 1, 4.480667))
ONE_PERSON = 1.0  # ABW -> ARG, 1990: the smallest corridor UN DESA publishes


def ranked(rows: tuple[tuple[str, float], ...], year: int, lang: str) -> list[s.Ranked]:
    out, rank = [], 0
    for position, (code, value) in enumerate(rows, start=1):
        rank = position if position == 1 or value != rows[position - 2][1] else rank
        out.append(s.Ranked(code, name(code, lang), value, year, rank))
    return out


def line(code: str, points: tuple[tuple[int, float], ...], lang: str) -> s.Line:
    return s.Line(name(code, lang), [y for y, _ in points], [v for _, v in points])


def cost_line(sender: str, receiver: str, points: tuple[tuple[int, int, float], ...], lang: str) -> s.Line:
    return s.Line(
        s.pair(name(sender, lang), name(receiver, lang), lang),
        [y for y, _, _ in points],
        [v for _, _, v in points],
        [q for _, q, _ in points],
    )


def corridor_view(subject: str, direction: str, year: int, lang: str) -> s.Corridors:
    """A corridor view built the way the page will: from core.charts.corridor.partners (real data)."""
    rows = flows.partners(subject, direction, year)
    known = rows[~rows["unknown"]]
    total = float(rows["persons"].sum())
    return s.Corridors(
        subject=corridor_common.subject_name(subject, lang),
        direction=direction,
        year=year,
        total=total,
        female_share=100.0 * float(rows["female"].sum()) / total,
        partners=[s.Partner(name(r.partner, lang), r.persons, r.share, r.female_share) for r in known.itertuples()],
        unknown_share=float(rows.loc[rows["unknown"], "share"].sum()),
    )


# --- the table: each case builds its output in one language -----------------------------------------------------


def _ranking(lang: str) -> list[str]:
    group = s.Group(group_name("central_america", lang), CA, CA_SHARE_2020_GROUP, 8)
    selected = [("PAN", name("PAN", lang)), ("SLV", name("SLV", lang)), ("BRA", name("BRA", lang))]
    return s.ranking_facts(ranked(CA_SHARE_2020, 2020, lang), "percent", group, 2020, lang, selected)


def _ranking_costs(lang: str) -> list[str]:
    group = s.Group(group_name("central_america", lang), CA)  # no honest group figure for costs
    selected = [("BLZ", name("BLZ", lang)), ("GTM", name("GTM", lang))]
    return s.ranking_facts(ranked(CA_COST_2020, 2020, lang), "percent", group, 2020, lang, selected, target=3.0)


def _ranking_costs_none_below(lang: str) -> list[str]:
    group = s.Group(group_name("central_america", lang), CA)
    return s.ranking_facts(ranked(CA_COST_2020[:-1], 2020, lang), "percent", group, 2020, lang, target=3.0)[-1:]


def _ranking_one_reporting(lang: str) -> list[str]:
    group = s.Group(group_name("central_america", lang), CA, CA_SHARE_2020_GROUP, 1)
    return s.ranking_facts(ranked(CA_SHARE_2020[:1], 2020, lang), "percent", group, 2020, lang)


def _ranking_nearest_year(lang: str) -> list[str]:
    # Where a value comes from a nearer year than the one asked, the sentence says so.
    rows = [s.Ranked("SLV", name("SLV", lang), 24.653229216917577, 2020, 1)]
    group = s.Group(group_name("central_america", lang), CA)
    return s.ranking_facts(rows, "percent", group, 2019, lang, [("SLV", name("SLV", lang))])


def _no_data(lang: str) -> list[str]:
    return s.ranking_facts([], "percent", s.Group(group_name("central_america", lang), CA), 2020, lang)


def _trend(lang: str) -> list[str]:
    lines = [
        line("MEX", MEX_REMITTANCES, lang),
        line("BOL", BOL_REMITTANCES, lang),
        s.Line(name("MEX", lang), [2024], [MEX_REMITTANCES[-1][1]]),
    ]
    return s.trend_facts(lines, "usd", lang)


def _trend_points(lang: str) -> list[str]:
    return s.trend_facts([line("SLV", SLV_FEMALE, lang), line("CHL", CHL_SHARE, lang)], "percent", lang)


def _trend_small_base(lang: str) -> list[str]:
    return s.trend_facts([line("CYM", CYM_STOCK, lang)], "persons", lang)


def _trend_quarters(lang: str) -> list[str]:
    return s.trend_facts([cost_line("USA", "MEX", USA_MEX_COST, lang)], "percent", lang)


def _costs(lang: str) -> list[str]:
    lines = [line("SLV", ((2020, CA_COST_2020[-1][1]),), lang), line("CRI", ((2020, CA_COST_2020[0][1]),), lang)]
    return s.cost_facts(lines, lang)


def _corridor_costs(lang: str) -> list[str]:
    return s.cost_facts([cost_line("USA", "MEX", USA_MEX_COST, lang)], lang, ceiling=s.SDG_CORRIDOR_CEILING)


def _corridor_costs_many(lang: str) -> list[str]:
    lines = [cost_line(sender, "HTI", ((2020, 3, cost),), lang) for sender, cost in HTI_COSTS_2020Q3]
    return s.cost_facts(lines, lang, ceiling=s.SDG_CORRIDOR_CEILING)[-1:]


def _corridor_costs_at(lang: str) -> list[str]:
    at_ceiling = cost_line("ARE", "IND", ARE_IND_COST[:1], lang)
    at_target = cost_line("ARE", "IND", ARE_IND_COST, lang)
    return [
        *s.cost_facts([at_ceiling], lang, ceiling=s.SDG_CORRIDOR_CEILING),
        *s.cost_facts([at_target], lang, ceiling=s.SDG_CORRIDOR_CEILING),
    ]


def _corridors_out(lang: str) -> list[str]:
    return s.corridor_facts(corridor_view("SLV", "out", 2020, lang), lang)


def _corridors_in_one(lang: str) -> list[str]:
    return s.corridor_facts(corridor_view("SOM", "in", 1990, lang), lang)


def _corridors_no_women_by_partner(lang: str) -> list[str]:
    view = corridor_view("SLV", "out", 2020, lang)
    partners = [s.Partner(p.name, p.persons, p.share) for p in view.partners]
    return s.corridor_facts(s.Corridors(view.subject, "out", 2020, view.total, view.female_share, partners), lang)[2:]


def _trend_each_quarter(lang: str) -> list[str]:
    pairs = itertools.pairwise(USA_MEX_SURVEYS)
    return s.trend_facts([cost_line("USA", "MEX", pair, lang) for pair in pairs], "percent", lang)


def _corridors_small(lang: str) -> list[str]:
    return s.corridor_facts(corridor_view("CYM", "out", 2020, lang), lang)[:1]


def _corridors_out_one(lang: str) -> list[str]:
    # A view of one corridor (El Salvador -> United States, 2020), as a corridor page of its own would show it.
    usa = corridor_view("SLV", "out", 2020, lang).partners[0]
    one = s.Corridors(name("SLV", lang), "out", 2020, usa.persons, usa.female_share, [usa])
    return s.corridor_facts(one, lang)[:2]


def _money_out(lang: str) -> list[str]:
    # The remittances El Salvador receives along its corridors (the 2021 matrix), its three largest senders.
    partners = [("USA", 6_714_000_000.0, 89.6), ("CAN", 229_000_000.0, 3.1), ("ITA", 86_400_000.0, 1.2)]
    view = s.Money(name("SLV", lang), "out", 2021, 7_493_000_000.0, [(name(c, lang), v, p) for c, v, p in partners])
    sent = s.Money(
        name("USA", lang),
        "in",
        2021,
        1_800_000.0,
        [(name("MEX", lang), 1_200_000.0, 66.7), (name("SLV", lang), 600_000.0, 33.3)],
    )
    return s.money_facts(view, lang) + s.money_facts(sent, lang)


def _money_in_one(lang: str) -> list[str]:
    # A subject that sends to one country only (as a corridor of its own would show it).
    view = s.Money(name("HTI", lang), "in", 2021, 12_600_000.0, [(name("DOM", lang), 12_600_000.0, 100.0)])
    received = s.Money(name("MSR", lang), "out", 2021, 2_100_000.0, [(name("GBR", lang), 2_100_000.0, 100.0)])
    return s.money_facts(view, lang) + s.money_facts(received, lang)


def _numbers(lang: str) -> list[str]:
    # A speaker's notes: the first ranks of a map, and a quarterly cost line spread over its surveys.
    rows = [s.Ranked("MSR", name("MSR", lang), 76.1, 2024, 1), s.Ranked("PRI", name("PRI", lang), 60.1, 2023, 2)]
    line = s.Line(name("USA", lang), [2011, 2015, 2020], [5.2, 4.6, 2.9], [1, 4, 3])
    return [*explain.ranked_numbers(rows, "percent", lang, 2024), *explain.line_numbers([line], "percent", lang)]


def _persons(lang: str) -> list[str]:
    return [
        s.persons(ONE_PERSON, "out", lang),
        s.persons(ONE_PERSON, "in", lang),
        s.persons(CYM_STOCK[-1][1], "out", lang),
        s.persons(1599058.0, "out", lang),  # El Salvador's emigrants, 2020
    ]


def _meta(lang: str) -> list[str]:
    facts, title = _ranking(lang), texts.label("emigrant_share", lang, "short_label")
    return [s.meta_description(title, facts, lang), s.meta_description(title, facts, lang, 60)]


def _describe(lang: str) -> list[str]:
    rows = ranked(CA_SHARE_2020, 2020, lang)
    return [
        *(s.chart_name(kind, "T", lang) for kind in s.KINDS),
        s.describe("map", rows[:1], "percent", lang, 2020),
        s.describe("map", rows, "percent", lang, 2020),
        s.describe("map", rows[:1], "percent", lang, 2020, missing=7),
        s.describe("map", rows[:2], "percent", lang, 2020, missing=6),
        s.describe("ranking", rows, "percent", lang, 2020),
        s.describe("ranking", rows[:1], "percent", lang, 2020),
        s.describe("dots", rows[:3], "percent", lang, 2020),
        s.describe("flow_map", rows[:3], "percent", lang, 2020),
        s.describe("map", [], "percent", lang, 2020),
    ]


def _describe_lines(lang: str) -> list[str]:
    return [
        s.describe_lines([line("MEX", MEX_REMITTANCES, lang)], "usd", lang),
        s.describe_lines(
            [line("MEX", MEX_REMITTANCES, lang), s.Line(name("BOL", lang), [2024], [BOL_REMITTANCES[-1][1]])],
            "usd",
            lang,
        ),
        s.describe_lines([cost_line("USA", "MEX", USA_MEX_COST, lang)], "percent", lang, target=3.0),
        s.describe_lines([], "usd", lang),
    ]


def _lists(lang: str) -> list[str]:
    return [
        s.join([name("PAN", lang), name("CYM", lang)], lang),
        s.join([name("CHL", lang), name("TCA", lang)], lang),
        s.join([name("SLV", lang), name("HND", lang), name("HTI", lang)], lang),
        s.join([name("SLV", lang)], lang),
    ]


CASES: dict[str, Callable[[str], list[str]]] = {
    "ranking": _ranking,
    "ranking_costs": _ranking_costs,
    "ranking_costs_none_below": _ranking_costs_none_below,
    "ranking_one_reporting": _ranking_one_reporting,
    "ranking_nearest_year": _ranking_nearest_year,
    "no_data": _no_data,
    "trend": _trend,
    "trend_points": _trend_points,
    "trend_small_base": _trend_small_base,
    "trend_quarters": _trend_quarters,
    "trend_each_quarter": _trend_each_quarter,
    "costs": _costs,
    "corridor_costs": _corridor_costs,
    "corridor_costs_many": _corridor_costs_many,
    "corridor_costs_at": _corridor_costs_at,
    "corridors_out": _corridors_out,
    "corridors_in_one": _corridors_in_one,
    "corridors_no_women_by_partner": _corridors_no_women_by_partner,
    "corridors_small": _corridors_small,
    "corridors_out_one": _corridors_out_one,
    "money_out": _money_out,
    "money_in_one": _money_in_one,
    "numbers": _numbers,
    "persons": _persons,
    "meta": _meta,
    "describe": _describe,
    "describe_lines": _describe_lines,
    "lists": _lists,
    "many_ties": lambda lang: s.ranking_facts(
        tied(["ARG", "BRA", "CHL", "COL", "PER", "URY"], lang),
        "percent",
        s.Group(group_name("lac", lang), ("MEX", "ARG", "BRA", "CHL", "COL", "PER", "URY")),
        2005,
        lang,
    )[:1],
}

EXPECTED: dict[str, dict[str, list[str]]] = {
    "ranking": {
        "en": [
            "Central America (incl. Mexico), 2020: highest El Salvador (24.7%), lowest Costa Rica (2.9%).",
            "Panama: 3.2%, 7th of 8.",
            "El Salvador: 24.7%, 1st of 8.",
            "Brazil: outside this group (Central America (incl. Mexico)).",
            "Central America (incl. Mexico) as a whole: 9.0% (8 of 8 countries and territories with data).",
        ],
        "es": [
            "Centroamérica (incl. México), 2020: máximo El Salvador (24,7\xa0%) y mínimo Costa Rica (2,9\xa0%).",
            "Panamá: 3,2\xa0%, 7.º de 8.",
            "El Salvador: 24,7\xa0%, 1.º de 8.",
            "Brasil: fuera de este grupo (Centroamérica (incl. México)).",
            "Centroamérica (incl. México) en conjunto: 9,0\xa0% (8 de 8 países y territorios con datos).",
        ],
        "pt": [
            "América Central (incl. México), 2020: máximo El Salvador (24,7%) e mínimo Costa Rica (2,9%).",
            "Panamá: 3,2%, 7º de 8.",
            "El Salvador: 24,7%, 1º de 8.",
            "Brasil: fora deste grupo (América Central (incl. México)).",
            "América Central (incl. México) em conjunto: 9,0% (8 de 8 países e territórios com dados).",
        ],
        "fr": [
            "Amérique centrale (avec le Mexique), 2020\u202f: maximum El Salvador (24,7\xa0%) et minimum Costa Rica (2,9\xa0%).",
            "Panama\u202f: 3,2\xa0%, 7e sur 8.",
            "El Salvador\u202f: 24,7\xa0%, 1er sur 8.",
            "Brésil\u202f: hors de ce groupe (Amérique centrale (avec le Mexique)).",
            "Amérique centrale (avec le Mexique), dans l'ensemble\u202f: 9,0\xa0% (8 pays et territoires renseignés sur 8).",
        ],
    },
    "ranking_costs": {
        "en": [
            "Central America (incl. Mexico), 2020: highest Costa Rica (6.6%), lowest El Salvador (2.9%).",
            "Belize: no data for 2020.",
            "Guatemala: 3.9%, 6th of 7.",
            "2020: 1 of 7 countries and territories below the SDG 10.c target (3.0%).",
        ],
        "es": [
            "Centroamérica (incl. México), 2020: máximo Costa Rica (6,6\xa0%) y mínimo El Salvador (2,9\xa0%).",
            "Belice: sin datos para 2020.",
            "Guatemala: 3,9\xa0%, 6.º de 7.",
            "2020: 1 de 7 países y territorios por debajo de la meta del ODS 10.c (3,0\xa0%).",
        ],
        "pt": [
            "América Central (incl. México), 2020: máximo Costa Rica (6,6%) e mínimo El Salvador (2,9%).",
            "Belize: sem dados para 2020.",
            "Guatemala: 3,9%, 6º de 7.",
            "2020: 1 de 7 países e territórios abaixo da meta do ODS 10.c (3,0%).",
        ],
        "fr": [
            "Amérique centrale (avec le Mexique), 2020\u202f: maximum Costa Rica (6,6\xa0%) et minimum El Salvador (2,9\xa0%).",
            "Belize\u202f: pas de données pour 2020.",
            "Guatemala\u202f: 3,9\xa0%, 6e sur 7.",
            "2020\u202f: 1 pays ou territoire sur 7 sous la cible de l'ODD 10.c (3,0\xa0%).",
        ],
    },
    "ranking_costs_none_below": {
        "en": [
            "2020: none of the 6 countries and territories with data is below the SDG 10.c target (3.0%).",
        ],
        "es": [
            "2020: ninguno de los 6 países y territorios con datos está por debajo de la meta del ODS 10.c (3,0\xa0%).",
        ],
        "pt": [
            "2020: nenhum dos 6 países e territórios com dados está abaixo da meta do ODS 10.c (3,0%).",
        ],
        "fr": [
            "2020\u202f: aucun des 6 pays et territoires renseignés n'est sous la cible de l'ODD 10.c (3,0\xa0%).",
        ],
    },
    "ranking_one_reporting": {
        "en": [
            "Central America (incl. Mexico), 2020: one country or territory with data, El Salvador (24.7%).",
            "Central America (incl. Mexico) as a whole: 9.0% (1 of 8 countries and territories with data).",
        ],
        "es": [
            "Centroamérica (incl. México), 2020: un solo país o territorio con datos, El Salvador (24,7\xa0%).",
            "Centroamérica (incl. México) en conjunto: 9,0\xa0% (1 de 8 países y territorios con datos).",
        ],
        "pt": [
            "América Central (incl. México), 2020: um só país ou território com dados, El Salvador (24,7%).",
            "América Central (incl. México) em conjunto: 9,0% (1 de 8 países e territórios com dados).",
        ],
        "fr": [
            "Amérique centrale (avec le Mexique), 2020\u202f: un seul pays ou territoire renseigné, El Salvador (24,7\xa0%).",
            "Amérique centrale (avec le Mexique), dans l'ensemble\u202f: 9,0\xa0% (1 pays ou territoire renseigné sur 8).",
        ],
    },
    "ranking_nearest_year": {
        "en": [
            "Central America (incl. Mexico), 2019: one country or territory with data, El Salvador (24.7% in 2020).",
            "El Salvador: 24.7% in 2020, 1st of 1.",
        ],
        "es": [
            "Centroamérica (incl. México), 2019: un solo país o territorio con datos, El Salvador (24,7\xa0% en 2020).",
            "El Salvador: 24,7\xa0% en 2020, 1.º de 1.",
        ],
        "pt": [
            "América Central (incl. México), 2019: um só país ou território com dados, El Salvador (24,7% em 2020).",
            "El Salvador: 24,7% em 2020, 1º de 1.",
        ],
        "fr": [
            "Amérique centrale (avec le Mexique), 2019\u202f: un seul pays ou territoire renseigné, El Salvador (24,7\xa0% en 2020).",
            "El Salvador\u202f: 24,7\xa0% en 2020, 1er sur 1.",
        ],
    },
    "no_data": {
        "en": [
            "Central America (incl. Mexico), 2020: no country or territory has data.",
        ],
        "es": [
            "Centroamérica (incl. México), 2020: ningún país o territorio tiene datos.",
        ],
        "pt": [
            "América Central (incl. México), 2020: nenhum país ou território tem dados.",
        ],
        "fr": [
            "Amérique centrale (avec le Mexique), 2020\u202f: aucun pays ni territoire n'a de données.",
        ],
    },
    "trend": {
        "en": [
            "Mexico: US$ 67.6 billion in 2024, up US$ 64.5 billion (×21.8) since 1990 and up US$ 1.4 billion (+2.1%) since 2023.",
            "Bolivia: US$ 1.3 billion in 2024, down US$ 169 million (−11.7%) since 2023.",
            "Mexico: US$ 67.6 billion in 2024, the only data point.",
        ],
        "es": [
            "México: US$ 67.600 millones en 2024, un aumento de US$ 64.500 millones (×21,8) desde 1990 y un aumento de US$ 1400 millones (+2,1\xa0%) desde 2023.",
            "Bolivia: US$ 1300 millones en 2024, una disminución de US$ 169 millones (−11,7\xa0%) desde 2023.",
            "México: US$ 67.600 millones en 2024, único dato disponible.",
        ],
        "pt": [
            "México: US$ 67,6 bilhões em 2024, um aumento de US$ 64,5 bilhões (×21,8) desde 1990 e um aumento de US$ 1,4 bilhão (+2,1%) desde 2023.",
            "Bolívia: US$ 1,3 bilhão em 2024, uma queda de US$ 169 milhões (−11,7%) desde 2023.",
            "México: US$ 67,6 bilhões em 2024, único dado disponível.",
        ],
        "fr": [
            "Mexique\u202f: 67,6\xa0milliards de dollars des États-Unis en 2024, en hausse de 64,5\xa0milliards de dollars des États-Unis (×21,8) depuis 1990 et en hausse de 1,4\xa0milliard de dollars des États-Unis (+2,1\xa0%) depuis 2023.",
            "Bolivie\u202f: 1,3\xa0milliard de dollars des États-Unis en 2024, en baisse de 169\xa0millions de dollars des États-Unis (−11,7\xa0%) depuis 2023.",
            "Mexique\u202f: 67,6\xa0milliards de dollars des États-Unis en 2024, seule donnée disponible.",
        ],
    },
    "trend_points": {
        "en": [
            "El Salvador: 50.3% in 2020, down 0.7 percentage points since 1990 and up 0.1 percentage points since 2015.",
            "Chile: 3.4% in 2010, unchanged since 2000 and unchanged since 2005.",
        ],
        "es": [
            "El Salvador: 50,3\xa0% en 2020, una disminución de 0,7 puntos porcentuales desde 1990 y un aumento de 0,1 puntos porcentuales desde 2015.",
            "Chile: 3,4\xa0% en 2010, sin cambios desde 2000 y sin cambios desde 2005.",
        ],
        "pt": [
            "El Salvador: 50,3% em 2020, uma queda de 0,7 ponto percentual desde 1990 e um aumento de 0,1 ponto percentual desde 2015.",
            "Chile: 3,4% em 2010, sem alteração desde 2000 e sem alteração desde 2005.",
        ],
        "fr": [
            "El Salvador\u202f: 50,3\xa0% en 2020, en baisse de 0,7 point de pourcentage depuis 1990 et en hausse de 0,1 point de pourcentage depuis 2015.",
            "Chili\u202f: 3,4\xa0% en 2010, stable depuis 2000 et stable depuis 2005.",
        ],
    },
    "trend_small_base": {
        "en": [
            "Cayman Islands: 1.9 thousand in 2020, up 1.6 thousand since 1990 and up 199 (+11.6%) since 2015.",
        ],
        "es": [
            "Islas Caimán: 1,9 mil en 2020, un aumento de 1,6 mil desde 1990 y un aumento de 199 (+11,6\xa0%) desde 2015.",
        ],
        "pt": [
            "Ilhas Cayman: 1,9 mil em 2020, um aumento de 1,6 mil desde 1990 e um aumento de 199 (+11,6%) desde 2015.",
        ],
        "fr": [
            "Îles Caïmanes\u202f: 1\u202f900 en 2020, en hausse de 1\u202f600 depuis 1990 et en hausse de 199 (+11,6\xa0%) depuis 2015.",
        ],
    },
    "trend_quarters": {
        "en": [
            "United States → Mexico: 4.2% in Q3 2020, down 0.8 percentage points since Q1 2011 and unchanged since Q2 2020.",
        ],
        "es": [
            "Estados Unidos → México: 4,2\xa0% en el tercer trimestre de 2020, una disminución de 0,8 puntos porcentuales desde el primer trimestre de 2011 y sin cambios desde el segundo trimestre de 2020.",
        ],
        "pt": [
            "Estados Unidos → México: 4,2% no terceiro trimestre de 2020, uma queda de 0,8 ponto percentual desde o primeiro trimestre de 2011 e sem alteração desde o segundo trimestre de 2020.",
        ],
        "fr": [
            "États-Unis → Mexique\u202f: 4,2\xa0% au troisième trimestre 2020, en baisse de 0,8 point de pourcentage depuis le premier trimestre 2011 et stable depuis le deuxième trimestre 2020.",
        ],
    },
    "trend_each_quarter": {
        "en": [
            "United States → Mexico: 5.7% in Q2 2013, up 0.4 percentage points since Q1 2013.",
            "United States → Mexico: 4.4% in Q3 2013, down 1.3 percentage points since Q2 2013.",
            "United States → Mexico: 5.3% in Q4 2013, up 0.9 percentage points since Q3 2013.",
            "United States → Mexico: 4.5% in Q1 2014, down 0.8 percentage points since Q4 2013.",
        ],
        "es": [
            "Estados Unidos → México: 5,7\xa0% en el segundo trimestre de 2013, un aumento de 0,4 puntos porcentuales desde el primer trimestre de 2013.",
            "Estados Unidos → México: 4,4\xa0% en el tercer trimestre de 2013, una disminución de 1,3 puntos porcentuales desde el segundo trimestre de 2013.",
            "Estados Unidos → México: 5,3\xa0% en el cuarto trimestre de 2013, un aumento de 0,9 puntos porcentuales desde el tercer trimestre de 2013.",
            "Estados Unidos → México: 4,5\xa0% en el primer trimestre de 2014, una disminución de 0,8 puntos porcentuales desde el cuarto trimestre de 2013.",
        ],
        "pt": [
            "Estados Unidos → México: 5,7% no segundo trimestre de 2013, um aumento de 0,4 ponto percentual desde o primeiro trimestre de 2013.",
            "Estados Unidos → México: 4,4% no terceiro trimestre de 2013, uma queda de 1,3 ponto percentual desde o segundo trimestre de 2013.",
            "Estados Unidos → México: 5,3% no quarto trimestre de 2013, um aumento de 0,9 ponto percentual desde o terceiro trimestre de 2013.",
            "Estados Unidos → México: 4,5% no primeiro trimestre de 2014, uma queda de 0,8 ponto percentual desde o quarto trimestre de 2013.",
        ],
        "fr": [
            "États-Unis → Mexique\u202f: 5,7\xa0% au deuxième trimestre 2013, en hausse de 0,4 point de pourcentage depuis le premier trimestre 2013.",
            "États-Unis → Mexique\u202f: 4,4\xa0% au troisième trimestre 2013, en baisse de 1,3 point de pourcentage depuis le deuxième trimestre 2013.",
            "États-Unis → Mexique\u202f: 5,3\xa0% au quatrième trimestre 2013, en hausse de 0,9 point de pourcentage depuis le troisième trimestre 2013.",
            "États-Unis → Mexique\u202f: 4,5\xa0% au premier trimestre 2014, en baisse de 0,8 point de pourcentage depuis le quatrième trimestre 2013.",
        ],
    },
    "costs": {
        "en": [
            "El Salvador: 2.9% in 2020, 0.1 percentage points below the SDG 10.c target (3.0%).",
            "Costa Rica: 6.6% in 2020, 3.6 percentage points above the SDG 10.c target (3.0%).",
        ],
        "es": [
            "El Salvador: 2,9\xa0% en 2020, 0,1 puntos porcentuales por debajo de la meta del ODS 10.c (3,0\xa0%).",
            "Costa Rica: 6,6\xa0% en 2020, 3,6 puntos porcentuales por encima de la meta del ODS 10.c (3,0\xa0%).",
        ],
        "pt": [
            "El Salvador: 2,9% em 2020, 0,1 ponto percentual abaixo da meta do ODS 10.c (3,0%).",
            "Costa Rica: 6,6% em 2020, 3,6 pontos percentuais acima da meta do ODS 10.c (3,0%).",
        ],
        "fr": [
            "El Salvador\u202f: 2,9\xa0% en 2020, 0,1 point de pourcentage en dessous de la cible de l'ODD 10.c (3,0\xa0%).",
            "Costa Rica\u202f: 6,6\xa0% en 2020, 3,6 points de pourcentage au-dessus de la cible de l'ODD 10.c (3,0\xa0%).",
        ],
    },
    "corridor_costs": {
        "en": [
            "United States → Mexico: 4.2% in Q3 2020, 1.2 percentage points above the SDG 10.c target (3.0%) and 0.8 percentage points below the SDG 10.c corridor ceiling (5.0%).",
        ],
        "es": [
            "Estados Unidos → México: 4,2\xa0% en el tercer trimestre de 2020, 1,2 puntos porcentuales por encima de la meta del ODS 10.c (3,0\xa0%) y 0,8 puntos porcentuales por debajo del límite por corredor del ODS 10.c (5,0\xa0%).",
        ],
        "pt": [
            "Estados Unidos → México: 4,2% no terceiro trimestre de 2020, 1,2 ponto percentual acima da meta do ODS 10.c (3,0%) e 0,8 ponto percentual abaixo do limite por corredor do ODS 10.c (5,0%).",
        ],
        "fr": [
            "États-Unis → Mexique\u202f: 4,2\xa0% au troisième trimestre 2020, 1,2 point de pourcentage au-dessus de la cible de l'ODD 10.c (3,0\xa0%) et 0,8 point de pourcentage en dessous du plafond par corridor de l'ODD 10.c (5,0\xa0%).",
        ],
    },
    "corridor_costs_many": {
        "en": [
            "In each corridor's latest survey: 0 of 4 corridors below the SDG 10.c target (3.0%), 3 above the corridor ceiling (5.0%).",
        ],
        "es": [
            "En la última encuesta de cada corredor: 0 de 4 corredores por debajo de la meta del ODS 10.c (3,0\xa0%) y 3 por encima del límite por corredor (5,0\xa0%).",
        ],
        "pt": [
            "Na última pesquisa de cada corredor: 0 de 4 corredores abaixo da meta do ODS 10.c (3,0%) e 3 acima do limite por corredor (5,0%).",
        ],
        "fr": [
            "Lors de la dernière enquête de chaque corridor\u202f: 0 corridor sur 4 sous la cible de l'ODD 10.c (3,0\xa0%) et 3 au-dessus du plafond par corridor (5,0\xa0%).",
        ],
    },
    "corridor_costs_at": {
        "en": [
            "United Arab Emirates → India: 5.0% in Q3 2013, 2.0 percentage points above the SDG 10.c target (3.0%) and at the SDG 10.c corridor ceiling (5.0%).",
            "United Arab Emirates → India: 3.0% in Q1 2017, at the SDG 10.c target (3.0%) and 2.0 percentage points below the SDG 10.c corridor ceiling (5.0%).",
        ],
        "es": [
            "Emiratos Árabes Unidos → India: 5,0\xa0% en el tercer trimestre de 2013, 2,0 puntos porcentuales por encima de la meta del ODS 10.c (3,0\xa0%) y en el límite por corredor del ODS 10.c (5,0\xa0%).",
            "Emiratos Árabes Unidos → India: 3,0\xa0% en el primer trimestre de 2017, en la meta del ODS 10.c (3,0\xa0%) y 2,0 puntos porcentuales por debajo del límite por corredor del ODS 10.c (5,0\xa0%).",
        ],
        "pt": [
            "Emirados Árabes Unidos → Índia: 5,0% no terceiro trimestre de 2013, 2,0 pontos percentuais acima da meta do ODS 10.c (3,0%) e no limite por corredor do ODS 10.c (5,0%).",
            "Emirados Árabes Unidos → Índia: 3,0% no primeiro trimestre de 2017, na meta do ODS 10.c (3,0%) e 2,0 pontos percentuais abaixo do limite por corredor do ODS 10.c (5,0%).",
        ],
        "fr": [
            "Émirats arabes unis → Inde\u202f: 5,0\xa0% au troisième trimestre 2013, 2,0 points de pourcentage au-dessus de la cible de l'ODD 10.c (3,0\xa0%) et au niveau du plafond par corridor de l'ODD 10.c (5,0\xa0%).",
            "Émirats arabes unis → Inde\u202f: 3,0\xa0% au premier trimestre 2017, au niveau de la cible de l'ODD 10.c (3,0\xa0%) et 2,0 points de pourcentage en dessous du plafond par corridor de l'ODD 10.c (5,0\xa0%).",
        ],
    },
    "corridors_out": {
        "en": [
            "El Salvador, 2020: 1.6 million emigrants living abroad; 51 countries and territories of destination.",
            "Main destinations in 2020: United States (1.4 million, 88.2% of the total), Canada (51.8 thousand, 3.2% of the total) and Guatemala (20.7 thousand, 1.3% of the total).",
            "Women: 50.3% of the emigrants; by destination, 49.6% (United States), 50.4% (Canada) and 77.4% (Guatemala).",
        ],
        "es": [
            "El Salvador, 2020: 1,6 millones de emigrantes en el exterior; 51 países y territorios de destino.",
            "Principales destinos en 2020: Estados Unidos (1,4 millones, el 88,2\xa0% del total), Canadá (51,8 mil, el 3,2\xa0% del total) y Guatemala (20,7 mil, el 1,3\xa0% del total).",
            "Mujeres: 50,3\xa0% de los emigrantes; según el destino, 49,6\xa0% (Estados Unidos), 50,4\xa0% (Canadá) y 77,4\xa0% (Guatemala).",
        ],
        "pt": [
            "El Salvador, 2020: 1,6 milhão de emigrantes no exterior; 51 países e territórios de destino.",
            "Principais destinos em 2020: Estados Unidos (1,4 milhão, 88,2% do total), Canadá (51,8 mil, 3,2% do total) e Guatemala (20,7 mil, 1,3% do total).",
            "Mulheres: 50,3% dos emigrantes; segundo o destino, 49,6% (Estados Unidos), 50,4% (Canadá) e 77,4% (Guatemala).",
        ],
        "fr": [
            "El Salvador, 2020\u202f: 1,6\xa0million d'émigrés à l'étranger\u202f; 51 pays et territoires de destination.",
            "Principales destinations en 2020\u202f: États-Unis (1,4\xa0million, soit 88,2\xa0% du total), Canada (51\u202f800, soit 3,2\xa0% du total) et Guatemala (20\u202f700, soit 1,3\xa0% du total).",
            "Femmes\u202f: 50,3\xa0% des émigrés\u202f; selon la destination, 49,6\xa0% (États-Unis), 50,4\xa0% (Canada) et 77,4\xa0% (Guatemala).",
        ],
    },
    "corridors_in_one": {
        "en": [
            "Somalia, 1990: 478 thousand immigrants; 1 country or territory of birth.",
            "Only country of birth in 1990: Ethiopia (460 thousand, 96.2% of the total).",
            "Women: 48.9% of the immigrants; by country of birth, 48.9% (Ethiopia).",
            "Country of birth not reported: 3.8% of the total.",
        ],
        "es": [
            "Somalia, 1990: 478 mil inmigrantes; 1 país o territorio de nacimiento.",
            "Único país de nacimiento en 1990: Etiopía (460 mil, el 96,2\xa0% del total).",
            "Mujeres: 48,9\xa0% de los inmigrantes; según el país de nacimiento, 48,9\xa0% (Etiopía).",
            "País de nacimiento no declarado: 3,8\xa0% del total.",
        ],
        "pt": [
            "Somália, 1990: 478 mil imigrantes; 1 país ou território de nascimento.",
            "Único país de nascimento em 1990: Etiópia (460 mil, 96,2% do total).",
            "Mulheres: 48,9% dos imigrantes; segundo o país de nascimento, 48,9% (Etiópia).",
            "País de nascimento não informado: 3,8% do total.",
        ],
        "fr": [
            "Somalie, 1990\u202f: 478\u202f300 immigrés\u202f; 1 pays ou territoire de naissance.",
            "Seul pays de naissance en 1990\u202f: Éthiopie (460\u202f000, soit 96,2\xa0% du total).",
            "Femmes\u202f: 48,9\xa0% des immigrés\u202f; selon le pays de naissance, 48,9\xa0% (Éthiopie).",
            "Pays de naissance non déclaré\u202f: 3,8\xa0% du total.",
        ],
    },
    "corridors_no_women_by_partner": {
        "en": [
            "Women: 50.3% of the emigrants.",
        ],
        "es": [
            "Mujeres: 50,3\xa0% de los emigrantes.",
        ],
        "pt": [
            "Mulheres: 50,3% dos emigrantes.",
        ],
        "fr": [
            "Femmes\u202f: 50,3\xa0% des émigrés.",
        ],
    },
    "corridors_small": {
        "en": [
            "Cayman Islands, 2020: 1.9 thousand emigrants living abroad; 15 countries and territories of destination.",
        ],
        "es": [
            "Islas Caimán, 2020: 1,9 mil emigrantes en el exterior; 15 países y territorios de destino.",
        ],
        "pt": [
            "Ilhas Cayman, 2020: 1,9 mil emigrantes no exterior; 15 países e territórios de destino.",
        ],
        "fr": [
            "Îles Caïmanes, 2020\u202f: 1\u202f900 émigrés à l'étranger\u202f; 15 pays et territoires de destination.",
        ],
    },
    "money_out": {
        "en": [
            "El Salvador, 2021: an estimated US$ 7.5 billion received from 3 countries and territories.",
            "Main senders: United States (US$ 6.7 billion, 89.6% of the total), Canada (US$ 229 million, 3.1% of the total) and Italy (US$ 86.4 million, 1.2% of the total).",
            "United States, 2021: an estimated US$ 1.8 million sent to 2 countries and territories.",
            "Main receivers: Mexico (US$ 1.2 million, 66.7% of the total) and El Salvador (US$ 600 thousand, 33.3% of the total).",
        ],
        "es": [
            "El Salvador, 2021: remesas recibidas estimadas en US$ 7500 millones, de 3 países y territorios.",
            "Principales países de envío: Estados Unidos (US$ 6700 millones, el 89,6\xa0% del total), Canadá (US$ 229 millones, el 3,1\xa0% del total) e Italia (US$ 86,4 millones, el 1,2\xa0% del total).",
            "Estados Unidos, 2021: remesas enviadas estimadas en US$ 1,8 millones, a 2 países y territorios.",
            "Principales países receptores: México (US$ 1,2 millones, el 66,7\xa0% del total) y El Salvador (US$ 600 mil, el 33,3\xa0% del total).",
        ],
        "pt": [
            "El Salvador, 2021: remessas recebidas estimadas em US$ 7,5 bilhões, de 3 países e territórios.",
            "Principais países de envio: Estados Unidos (US$ 6,7 bilhões, 89,6% do total), Canadá (US$ 229 milhões, 3,1% do total) e Itália (US$ 86,4 milhões, 1,2% do total).",
            "Estados Unidos, 2021: remessas enviadas estimadas em US$ 1,8 milhão, para 2 países e territórios.",
            "Principais países receptores: México (US$ 1,2 milhão, 66,7% do total) e El Salvador (US$ 600 mil, 33,3% do total).",
        ],
        "fr": [
            "El Salvador, 2021\u202f: envois de fonds reçus estimés à 7,5\xa0milliards de dollars des États-Unis, en provenance de 3 pays et territoires.",
            "Principaux pays d'envoi\u202f: États-Unis (6,7\xa0milliards de dollars des États-Unis, soit 89,6\xa0% du total), Canada (229\xa0millions de dollars des États-Unis, soit 3,1\xa0% du total) et Italie (86,4\xa0millions de dollars des États-Unis, soit 1,2\xa0% du total).",
            "États-Unis, 2021\u202f: envois de fonds émis estimés à 1,8\xa0million de dollars des États-Unis, vers 2 pays et territoires.",
            "Principaux pays bénéficiaires\u202f: Mexique (1,2\xa0million de dollars des États-Unis, soit 66,7\xa0% du total) et El Salvador (600\u202f000\xa0dollars des États-Unis, soit 33,3\xa0% du total).",
        ],
    },
    "money_in_one": {
        "en": [
            "Haiti, 2021: an estimated US$ 12.6 million sent to 1 country or territory.",
            "Only receiver: Dominican Republic (US$ 12.6 million, 100.0% of the total).",
            "Montserrat, 2021: an estimated US$ 2.1 million received from 1 country or territory.",
            "Only sender: United Kingdom (US$ 2.1 million, 100.0% of the total).",
        ],
        "es": [
            "Haití, 2021: remesas enviadas estimadas en US$ 12,6 millones, a 1 país o territorio.",
            "Único país receptor: República Dominicana (US$ 12,6 millones, el 100,0\xa0% del total).",
            "Montserrat, 2021: remesas recibidas estimadas en US$ 2,1 millones, de 1 país o territorio.",
            "Único país de envío: Reino Unido (US$ 2,1 millones, el 100,0\xa0% del total).",
        ],
        "pt": [
            "Haiti, 2021: remessas enviadas estimadas em US$ 12,6 milhões, para 1 país ou território.",
            "Único país receptor: República Dominicana (US$ 12,6 milhões, 100,0% do total).",
            "Montserrat, 2021: remessas recebidas estimadas em US$ 2,1 milhões, de 1 país ou território.",
            "Único país de envio: Reino Unido (US$ 2,1 milhões, 100,0% do total).",
        ],
        "fr": [
            "Haïti, 2021\u202f: envois de fonds émis estimés à 12,6\xa0millions de dollars des États-Unis, vers 1 pays ou territoire.",
            "Seul pays bénéficiaire\u202f: République dominicaine (12,6\xa0millions de dollars des États-Unis, soit 100,0\xa0% du total).",
            "Montserrat, 2021\u202f: envois de fonds reçus estimés à 2,1\xa0millions de dollars des États-Unis, en provenance de 1 pays ou territoire.",
            "Seul pays d'envoi\u202f: Royaume-Uni (2,1\xa0millions de dollars des États-Unis, soit 100,0\xa0% du total).",
        ],
    },
    "numbers": {
        "en": [
            "1. Montserrat: 76.1%",
            "2. Puerto Rico: 60.1% in 2023",
            "United States: 5.2% (Q1 2011), 4.6% (Q4 2015), 2.9% (Q3 2020)",
        ],
        "es": [
            "1. Montserrat: 76,1\xa0%",
            "2. Puerto Rico: 60,1\xa0% en 2023",
            "Estados Unidos: 5,2\xa0% (T1 2011), 4,6\xa0% (T4 2015), 2,9\xa0% (T3 2020)",
        ],
        "pt": [
            "1. Montserrat: 76,1%",
            "2. Porto Rico: 60,1% em 2023",
            "Estados Unidos: 5,2% (T1 2011), 4,6% (T4 2015), 2,9% (T3 2020)",
        ],
        "fr": [
            "1. Montserrat\u202f: 76,1\xa0%",
            "2. Porto Rico\u202f: 60,1\xa0% en 2023",
            "États-Unis\u202f: 5,2\xa0% (T1 2011), 4,6\xa0% (T4 2015), 2,9\xa0% (T3 2020)",
        ],
    },
    "corridors_out_one": {
        "en": [
            "El Salvador, 2020: 1.4 million emigrants living abroad; 1 country or territory of destination.",
            "Only destination in 2020: United States (1.4 million, 88.2% of the total).",
        ],
        "es": [
            "El Salvador, 2020: 1,4 millones de emigrantes en el exterior; 1 país o territorio de destino.",
            "Único destino en 2020: Estados Unidos (1,4 millones, el 88,2\xa0% del total).",
        ],
        "pt": [
            "El Salvador, 2020: 1,4 milhão de emigrantes no exterior; 1 país ou território de destino.",
            "Único destino em 2020: Estados Unidos (1,4 milhão, 88,2% do total).",
        ],
        "fr": [
            "El Salvador, 2020\u202f: 1,4\xa0million d'émigrés à l'étranger\u202f; 1 pays ou territoire de destination.",
            "Seule destination en 2020\u202f: États-Unis (1,4\xa0million, soit 88,2\xa0% du total).",
        ],
    },
    "persons": {
        "en": [
            "1 emigrant",
            "1 immigrant",
            "1.9 thousand emigrants",
            "1.6 million emigrants",
        ],
        "es": [
            "1 emigrante",
            "1 inmigrante",
            "1,9 mil emigrantes",
            "1,6 millones de emigrantes",
        ],
        "pt": [
            "1 emigrante",
            "1 imigrante",
            "1,9 mil emigrantes",
            "1,6 milhão de emigrantes",
        ],
        "fr": [
            "1 émigré",
            "1 immigré",
            "1\u202f900 émigrés",
            "1,6\xa0million d'émigrés",
        ],
    },
    "meta": {
        "en": [
            "Emigrants (% of population). Central America (incl. Mexico), 2020: highest El Salvador (24.7%), lowest Costa Rica (2.9%). Panama: 3.2%, 7th of 8.",
            "Central America (incl. Mexico), 2020: highest El Salvador…",
        ],
        "es": [
            "Emigrantes (% de población). Centroamérica (incl. México), 2020: máximo El Salvador (24,7\xa0%) y mínimo Costa Rica (2,9\xa0%). Panamá: 3,2\xa0%, 7.º de 8.",
            "Centroamérica (incl. México), 2020: máximo El Salvador…",
        ],
        "pt": [
            "Emigrantes (% da população). América Central (incl. México), 2020: máximo El Salvador (24,7%) e mínimo Costa Rica (2,9%). Panamá: 3,2%, 7º de 8.",
            "América Central (incl. México), 2020: máximo El Salvador…",
        ],
        "fr": [
            "Émigrés (% de la population). Amérique centrale (avec le Mexique), 2020\u202f: maximum El Salvador (24,7\xa0%) et minimum Costa Rica (2,9\xa0%). Panama\u202f: 3,2\xa0%, 7e sur 8.",
            "Amérique centrale (avec le Mexique), 2020\u202f: maximum El…",
        ],
    },
    "describe": {
        "en": [
            "Map: T",
            "Flow map: T",
            "Ranking: T",
            "Dot chart: T",
            "Line chart: T",
            "1 country or territory shaded by value; one country or territory with data, El Salvador (24.7%).",
            "8 countries and territories shaded by value; highest El Salvador (24.7%), lowest Costa Rica (2.9%).",
            "1 country or territory shaded by value, 7 in grey without data; one country or territory with data, El Salvador (24.7%).",
            "2 countries and territories shaded by value, 6 in grey without data; highest El Salvador (24.7%), lowest Belize (13.3%).",
            "8 countries and territories ranked from highest to lowest value; highest El Salvador (24.7%), lowest Costa Rica (2.9%).",
            "1 country or territory ranked; one country or territory with data, El Salvador (24.7%).",
            "One dot per country or territory, 3 in all, largest first; highest El Salvador (24.7%), lowest Nicaragua (10.8%).",
            "One line per country or territory, 3 in all, its width showing the number of persons; highest El Salvador (24.7%), lowest Nicaragua (10.8%).",
            "No country or territory has data.",
        ],
        "es": [
            "Mapa: T",
            "Mapa de flujos: T",
            "Clasificación: T",
            "Gráfico de puntos: T",
            "Gráfico de líneas: T",
            "1 país o territorio coloreado según su valor; un solo país o territorio con datos, El Salvador (24,7\xa0%).",
            "8 países y territorios coloreados según su valor; máximo El Salvador (24,7\xa0%) y mínimo Costa Rica (2,9\xa0%).",
            "1 país o territorio coloreado según su valor, 7 en gris sin datos; un solo país o territorio con datos, El Salvador (24,7\xa0%).",
            "2 países y territorios coloreados según su valor, 6 en gris sin datos; máximo El Salvador (24,7\xa0%) y mínimo Belice (13,3\xa0%).",
            "8 países y territorios ordenados de mayor a menor valor; máximo El Salvador (24,7\xa0%) y mínimo Costa Rica (2,9\xa0%).",
            "1 país o territorio clasificado; un solo país o territorio con datos, El Salvador (24,7\xa0%).",
            "Un punto por país o territorio, 3 en total, de mayor a menor; máximo El Salvador (24,7\xa0%) y mínimo Nicaragua (10,8\xa0%).",
            "Una línea por país o territorio, 3 en total, con un grosor que indica el número de personas; máximo El Salvador (24,7\xa0%) y mínimo Nicaragua (10,8\xa0%).",
            "Ningún país o territorio tiene datos.",
        ],
        "pt": [
            "Mapa: T",
            "Mapa de fluxos: T",
            "Classificação: T",
            "Gráfico de pontos: T",
            "Gráfico de linhas: T",
            "1 país ou território colorido segundo o valor; um só país ou território com dados, El Salvador (24,7%).",
            "8 países e territórios coloridos segundo o valor; máximo El Salvador (24,7%) e mínimo Costa Rica (2,9%).",
            "1 país ou território colorido segundo o valor, 7 em cinza sem dados; um só país ou território com dados, El Salvador (24,7%).",
            "2 países e territórios coloridos segundo o valor, 6 em cinza sem dados; máximo El Salvador (24,7%) e mínimo Belize (13,3%).",
            "8 países e territórios ordenados do maior ao menor valor; máximo El Salvador (24,7%) e mínimo Costa Rica (2,9%).",
            "1 país ou território classificado; um só país ou território com dados, El Salvador (24,7%).",
            "Um ponto por país ou território, 3 no total, do maior ao menor; máximo El Salvador (24,7%) e mínimo Nicarágua (10,8%).",
            "Uma linha por país ou território, 3 no total, com uma espessura que indica o número de pessoas; máximo El Salvador (24,7%) e mínimo Nicarágua (10,8%).",
            "Nenhum país ou território tem dados.",
        ],
        "fr": [
            "Carte\u202f: T",
            "Carte des flux\u202f: T",
            "Classement\u202f: T",
            "Graphique à points\u202f: T",
            "Graphique en courbes\u202f: T",
            "1 pays ou territoire coloré selon sa valeur\u202f; un seul pays ou territoire renseigné, El Salvador (24,7\xa0%).",
            "8 pays et territoires colorés selon leur valeur\u202f; maximum El Salvador (24,7\xa0%) et minimum Costa Rica (2,9\xa0%).",
            "1 pays ou territoire coloré selon sa valeur, 7 en gris sans données\u202f; un seul pays ou territoire renseigné, El Salvador (24,7\xa0%).",
            "2 pays et territoires colorés selon leur valeur, 6 en gris sans données\u202f; maximum El Salvador (24,7\xa0%) et minimum Belize (13,3\xa0%).",
            "8 pays et territoires classés par valeur décroissante\u202f; maximum El Salvador (24,7\xa0%) et minimum Costa Rica (2,9\xa0%).",
            "1 pays ou territoire classé\u202f; un seul pays ou territoire renseigné, El Salvador (24,7\xa0%).",
            "Un point par pays ou territoire, 3 au total, du plus grand au plus petit\u202f; maximum El Salvador (24,7\xa0%) et minimum Nicaragua (10,8\xa0%).",
            "Une ligne par pays ou territoire, 3 au total, d'une épaisseur qui indique le nombre de personnes\u202f; maximum El Salvador (24,7\xa0%) et minimum Nicaragua (10,8\xa0%).",
            "Aucun pays ni territoire n'a de données.",
        ],
    },
    "describe_lines": {
        "en": [
            "1 line, 1990–2024: Mexico from US$ 3.1 billion in 1990 to US$ 67.6 billion in 2024; highest Mexico (US$ 67.6 billion in 2024), lowest Mexico (US$ 3.1 billion in 1990).",
            "2 lines, 1990–2024: Mexico from US$ 3.1 billion in 1990 to US$ 67.6 billion in 2024; Bolivia (US$ 1.3 billion in 2024); highest Mexico (US$ 67.6 billion in 2024), lowest Bolivia (US$ 1.3 billion in 2024).",
            "1 line, 2011–2020: United States → Mexico from 5.0% in 2011 to 4.2% in 2020; highest United States → Mexico (5.0% in 2011), lowest United States → Mexico (4.2% in 2020). A dotted line marks the SDG 10.c target (3.0%).",
            "No data to draw: the source has no value for this chart.",
        ],
        "es": [
            "1 línea, 1990–2024: México, de US$ 3100 millones en 1990 a US$ 67.600 millones en 2024; máximo México (US$ 67.600 millones en 2024) y mínimo México (US$ 3100 millones en 1990).",
            "2 líneas, 1990–2024: México, de US$ 3100 millones en 1990 a US$ 67.600 millones en 2024; Bolivia (US$ 1300 millones en 2024); máximo México (US$ 67.600 millones en 2024) y mínimo Bolivia (US$ 1300 millones en 2024).",
            "1 línea, 2011–2020: Estados Unidos → México, de 5,0\xa0% en 2011 a 4,2\xa0% en 2020; máximo Estados Unidos → México (5,0\xa0% en 2011) y mínimo Estados Unidos → México (4,2\xa0% en 2020). Una línea punteada marca la meta del ODS 10.c (3,0\xa0%).",
            "Sin datos que mostrar: la fuente no tiene valores para este gráfico.",
        ],
        "pt": [
            "1 linha, 1990–2024: México, de US$ 3,1 bilhões em 1990 para US$ 67,6 bilhões em 2024; máximo México (US$ 67,6 bilhões em 2024) e mínimo México (US$ 3,1 bilhões em 1990).",
            "2 linhas, 1990–2024: México, de US$ 3,1 bilhões em 1990 para US$ 67,6 bilhões em 2024; Bolívia (US$ 1,3 bilhão em 2024); máximo México (US$ 67,6 bilhões em 2024) e mínimo Bolívia (US$ 1,3 bilhão em 2024).",
            "1 linha, 2011–2020: Estados Unidos → México, de 5,0% em 2011 para 4,2% em 2020; máximo Estados Unidos → México (5,0% em 2011) e mínimo Estados Unidos → México (4,2% em 2020). Uma linha pontilhada marca a meta do ODS 10.c (3,0%).",
            "Sem dados para mostrar: a fonte não tem valores para este gráfico.",
        ],
        "fr": [
            "1 courbe, 1990–2024\u202f: Mexique, de 3,1\xa0milliards de dollars des États-Unis en 1990 à 67,6\xa0milliards de dollars des États-Unis en 2024\u202f; maximum Mexique (67,6\xa0milliards de dollars des États-Unis en 2024) et minimum Mexique (3,1\xa0milliards de dollars des États-Unis en 1990).",
            "2 courbes, 1990–2024\u202f: Mexique, de 3,1\xa0milliards de dollars des États-Unis en 1990 à 67,6\xa0milliards de dollars des États-Unis en 2024\u202f; Bolivie (1,3\xa0milliard de dollars des États-Unis en 2024)\u202f; maximum Mexique (67,6\xa0milliards de dollars des États-Unis en 2024) et minimum Bolivie (1,3\xa0milliard de dollars des États-Unis en 2024).",
            "1 courbe, 2011–2020\u202f: États-Unis → Mexique, de 5,0\xa0% en 2011 à 4,2\xa0% en 2020\u202f; maximum États-Unis → Mexique (5,0\xa0% en 2011) et minimum États-Unis → Mexique (4,2\xa0% en 2020). Une ligne pointillée marque la cible de l'ODD 10.c (3,0\xa0%).",
            "Aucune donnée à afficher\u202f: la source n'a pas de valeur pour ce graphique.",
        ],
    },
    "lists": {
        "en": [
            "Panama and Cayman Islands",
            "Chile and Turks and Caicos Islands",
            "El Salvador, Honduras and Haiti",
            "El Salvador",
        ],
        "es": [
            "Panamá e Islas Caimán",
            "Chile e Islas Turcas y Caicos",
            "El Salvador, Honduras y Haití",
            "El Salvador",
        ],
        "pt": [
            "Panamá e Ilhas Cayman",
            "Chile e Ilhas Turcas e Caicos",
            "El Salvador, Honduras e Haiti",
            "El Salvador",
        ],
        "fr": [
            "Panama et Îles Caïmanes",
            "Chili et Îles Turques-et-Caïques",
            "El Salvador, Honduras et Haïti",
            "El Salvador",
        ],
    },
    "many_ties": {
        "en": [
            "Latin America and the Caribbean (states and territories), 2005: highest Mexico (4.0%), lowest Argentina, Brazil, Chile and 3 others (0.1%).",
        ],
        "es": [
            "América Latina y el Caribe (Estados y territorios), 2005: máximo México (4,0\xa0%) y mínimo Argentina, Brasil, Chile y 3 más (0,1\xa0%).",
        ],
        "pt": [
            "América Latina e o Caribe (Estados e territórios), 2005: máximo México (4,0%) e mínimo Argentina, Brasil, Chile e mais 3 (0,1%).",
        ],
        "fr": [
            "Amérique latine et Caraïbes (États et territoires), 2005\u202f: maximum Mexique (4,0\xa0%) et minimum Argentine, Brésil, Chili et 3 autres (0,1\xa0%).",
        ],
    },
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_exact_sentences(case, lang):
    assert CASES[case](lang) == EXPECTED[case][lang]


def test_every_case_is_expected_in_every_language():
    assert set(EXPECTED) == set(CASES)
    assert all(set(by_lang) == set(LANGS) for by_lang in EXPECTED.values())


# --- small rules -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 23rd 101st 111th 112th"),
        ("es", "1.º 2.º 3.º 4.º 11.º 12.º 13.º 21.º 22.º 23.º 101.º 111.º 112.º"),
        ("pt", "1º 2º 3º 4º 11º 12º 13º 21º 22º 23º 101º 111º 112º"),
        ("fr", "1er 2e 3e 4e 11e 12e 13e 21e 22e 23e 101e 111e 112e"),
    ],
)
def test_ordinals(lang, expected):
    ranks = (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112)
    assert " ".join(s.ordinal(n, lang) for n in ranks) == expected


@pytest.mark.parametrize(
    ("lang", "value", "expected"),
    [
        ("en", 1.0, "1.0 percentage points"),  # CLDR: English is singular only for a bare 1
        ("en", 0.5, "0.5 percentage points"),
        ("es", 1.0, "1,0 punto porcentual"),
        ("es", 1.5, "1,5 puntos porcentuales"),
        ("pt", 1.5, "1,5 ponto percentual"),  # Portuguese and French: singular below two
        ("pt", 2.0, "2,0 pontos percentuais"),
        ("fr", 1.9, "1,9 point de pourcentage"),
        ("fr", -2.0, "2,0 points de pourcentage"),
    ],
)
def test_percentage_points_agree_in_number(lang, value, expected):
    assert s.points(value, lang) == expected


def test_relative_change_needs_a_base_of_at_least_min_base():
    base = s.MIN_BASE["persons"]
    assert s.change(base, 2 * base, "persons", "en") == "up 1 thousand (+100.0%)"
    assert s.change(base - 1, 2 * base, "persons", "en") == "up 1 thousand"
    money = s.MIN_BASE["usd"]
    assert s.change(money, s.MULTIPLE_FROM * money, "usd", "fr") == (
        "en hausse de 9\u00a0millions de dollars des États-Unis (×10,0)"
    )


def test_percentages_change_in_points_only():
    text = s.change(SLV_FEMALE[0][1], SLV_FEMALE[-1][1], "percent", "es")
    assert text == "una disminución de 0,7 puntos porcentuales"


def test_chart_kinds_are_checked():
    with pytest.raises(ValueError, match="unknown chart kind"):
        s.chart_name("pie", "T", "en")
    with pytest.raises(ValueError, match="describe_lines"):
        s.describe("lines", [], "percent", "en")


# --- the real data: structure and numbers, not wording -----------------------------------------------------------


def real_ranked(indicator: str, focus: str, year: int, lang: str) -> tuple[list[s.Ranked], s.Group]:
    state = ViewState(indicator=indicator, focus=focus, year=year, lang=lang)
    rows = [
        s.Ranked(r["iso3"], r["name"], r["value"], r["year"], r["rank"]) for r in mapview.ranked_records(state, year)
    ]
    members = queries.group_members(focus)
    aggregate = queries.aggregate_at(indicator, members, year)
    group = s.Group(
        group_name(focus, lang),
        members,
        None if aggregate is None else float(aggregate.value),
        0 if aggregate is None else aggregate.reporting,
    )
    return rows, group


@pytest.mark.parametrize("lang", LANGS)
def test_lac_emigrant_share_2020_is_led_by_montserrat(lang):
    rows, group = real_ranked("emigrant_share", "lac", 2020, lang)
    facts = s.ranking_facts(rows, "percent", group, 2020, lang, [("SLV", name("SLV", lang))])
    leader = max(rows, key=lambda r: r.value)
    assert leader.code == "MSR"
    assert facts[0].startswith(group_name("lac", lang))
    assert f"{name('MSR', lang)} ({fmt_value(leader.value, 'percent', lang)})" in facts[0]
    lowest = min(rows, key=lambda r: r.value)
    assert f"{lowest.name} ({fmt_value(lowest.value, 'percent', lang)})" in facts[0]
    slv = next(r for r in rows if r.code == "SLV")
    assert facts[1].startswith(name("SLV", lang))
    assert s.ordinal(slv.rank, lang) in facts[1]
    assert str(len(rows)) in facts[1]
    assert fmt_value(group.value, "percent", lang) in facts[2]
    assert f"{group.reporting} " in facts[2]
    assert str(len(group.members)) in facts[2]


@pytest.mark.parametrize("lang", LANGS)
def test_mexico_remittances_trend(lang):
    state = ViewState(indicator="remittances_usd", focus="lac", countries=("MEX",), lang=lang)
    lines = [s.Line(x.name, x.years, x.values) for x in trend.trend_lines(state)]
    mexico = next(x for x in lines if x.name == name("MEX", lang))
    (sentence,) = s.trend_facts([mexico], "usd", lang)
    first, previous, last = mexico.years[0], mexico.years[-2], mexico.years[-1]
    assert sentence.startswith(name("MEX", lang))
    assert fmt_value(mexico.values[-1], "usd", lang) in sentence
    assert all(str(year) in sentence for year in (first, previous, last))
    ratio = mexico.values[-1] / mexico.values[0]
    assert ratio >= s.MULTIPLE_FROM  # decades of growth: told as a multiple
    assert fmt_number(ratio, lang, 1) in sentence
    assert fmt_value(abs(mexico.values[-1] - mexico.values[-2]), "usd", lang) in sentence


def tied(codes: list[str], lang: str) -> list[s.Ranked]:
    """A ranking whose lowest value is shared by `codes` (a fixture: the data no longer has such ties since the
    placeholder zeros of the old edition are gone)."""
    rows = [s.Ranked("MEX", name("MEX", lang), 4.0, 2005, 1)]
    rows += [s.Ranked(code, name(code, lang), 0.1, 2005, 2) for code in codes]
    return rows


def test_lowest_tie_names_every_country_and_spanish_writes_e_before_islas():
    rows = tied(["CHL", "TCA"], "es")
    group = s.Group(group_name("lac", "es"), tuple(r.code for r in rows))
    (leader,) = s.ranking_facts(rows, "percent", group, 2005, "es")[:1]
    assert s.join([r.name for r in rows[1:]], "es") in leader
    assert " e Islas Turcas y Caicos" in leader


@pytest.mark.parametrize("lang", LANGS)
def test_many_ties_are_counted_not_listed(lang):
    rows = tied(["ARG", "BRA", "CHL", "COL", "PER", "URY"], lang)
    group = s.Group(group_name("lac", lang), tuple(r.code for r in rows))
    lowest = rows[1:]
    leader = s.ranking_facts(rows, "percent", group, 2005, lang)[0]
    assert s.join([r.name for r in lowest], lang, s.TIES_NAMED) in leader
    assert str(len(lowest) - s.TIES_NAMED) in leader
    assert lowest[-1].name not in leader


@pytest.mark.parametrize("lang", LANGS)
def test_mexico_corridors(lang):
    facts = s.corridor_facts(corridor_view("MEX", "out", 2020, lang), lang)
    headline = {h.label: h.value for h in corridor_headlines("MEX", "out", 2020, lang)}
    assert headline[t("flows.headline_emigrants", lang)] in facts[0]
    assert facts[1].index(name("USA", lang)) < facts[1].index(name("CAN", lang)) < facts[1].index(name("ESP", lang))
    assert headline[t("flows.headline_female", lang)] in facts[2]


@pytest.mark.parametrize("lang", LANGS)
def test_mexico_corridor_cost_gap(lang):
    rows = flows.costs("MEX", "out")
    latest = rows.iloc[-1]
    corridor = s.Line(
        s.pair(name("USA", lang), name("MEX", lang), lang),
        rows["year"].tolist(),
        rows["cost_pct"].tolist(),
        rows["quarter"].tolist(),
    )
    (sentence,) = s.cost_facts([corridor], lang, ceiling=s.SDG_CORRIDOR_CEILING)
    assert fmt_value(latest["cost_pct"], "percent", lang) in sentence
    assert s.points(latest["cost_pct"] - s.SDG_TARGET, lang) in sentence
    assert s.points(s.SDG_CORRIDOR_CEILING - latest["cost_pct"], lang) in sentence
    assert str(latest["year"]) in sentence


@pytest.mark.parametrize("lang", LANGS)
def test_meta_description_has_a_figure_and_fits(lang):
    rows, group = real_ranked("emigrant_share", "lac", 2020, lang)
    facts = s.ranking_facts(rows, "percent", group, 2020, lang, [("SLV", name("SLV", lang))])
    title = texts.label("emigrant_share", lang, "short_label")
    text = s.meta_description(title, facts, lang)
    assert len(text) <= s.META_LIMIT
    assert text.startswith(title)
    assert facts[0] in text
    assert any(c.isdigit() for c in text.removeprefix(title))


def test_meta_description_shortens_what_does_not_fit():
    rows, group = real_ranked("emigrant_share", "lac", 2020, "fr")
    facts = s.ranking_facts(rows, "percent", group, 2020, "fr")
    text = s.meta_description("T", facts, "fr", limit=60)
    assert len(text) <= 60
    assert text.endswith("…")
    assert any(c.isdigit() for c in text)
    assert s.meta_description("Titre", ["Sans chiffre."], "fr") == "Titre"
    no_data = _no_data("fr")  # a year alone is no figure
    assert s.meta_description("Titre", no_data, "fr") == "Titre"


# --- every output: no placeholder, no English in the other languages, typography -------------------------------


def real_outputs(lang: str) -> Iterator[str]:
    """Sentences of every kind on the real data: each dashboard indicator in two focuses, trends, corridors, costs."""
    selected = [(code, name(code, lang)) for code in ("SLV", "MEX", "BRA", "HTI")]
    for indicator in (
        "emigrant_share",
        "emigrant_stock",
        "female_share",
        "remittances_gdp",
        "remittances_usd",
        "remittance_cost",
        "tertiary_emigration_rate",
    ):
        meta = queries.indicator_meta(indicator)
        unit, year = meta["unit"], int(meta["years"][-1])
        for focus in ("lac", "caribbean"):
            rows, group = real_ranked(indicator, focus, year, lang)
            target = meta.get("target")
            yield from s.ranking_facts(rows, unit, group, year, lang, selected, None if target is None else target)
            yield s.describe("map", rows, unit, lang, year, missing=len(group.members) - len(rows))
            yield s.describe("ranking", rows, unit, lang, year)
        state = ViewState(indicator=indicator, focus="central_america", countries=("SLV", "HND"), lang=lang)
        lines = [s.Line(x.name, x.years, x.values) for x in trend.trend_lines(state)]
        yield from s.trend_facts(lines, unit, lang)
        yield s.describe_lines(lines, unit, lang)
    rows, group = real_ranked("remittances_gdp", "world", 2005, lang)  # 22 tied at the bottom
    yield from s.ranking_facts(rows, "percent", group, 2005, lang)
    rows, group = real_ranked("remittance_cost", "world", 2020, lang)  # several below the target
    yield from s.ranking_facts(rows, "percent", group, 2020, lang, target=s.SDG_TARGET)
    state = ViewState(indicator="emigrant_stock", focus="lac", countries=("SLV", "HND", "GTM", "NIC", "CRI"), lang=lang)
    yield s.describe_lines([s.Line(x.name, x.years, x.values) for x in trend.trend_lines(state)], "persons", lang)
    for subject, direction in (("MEX", "out"), ("COL", "in"), ("central_america", "out"), ("BES", "in")):
        yield from s.corridor_facts(corridor_view(subject, direction, 2020, lang), lang)
    costs = flows.costs("HTI", "out")
    lines = [
        s.Line(
            s.pair(name(a, lang), name(b, lang), lang),
            own["year"].tolist(),
            own["cost_pct"].tolist(),
            own["quarter"].tolist(),
        )
        for (a, b), own in costs.groupby(["sender", "receiver"], sort=False)
    ]
    yield from s.cost_facts(lines, lang, ceiling=s.SDG_CORRIDOR_CEILING)
    yield s.describe_lines(lines, "percent", lang, target=s.SDG_TARGET)


def every_output(lang: str) -> list[str]:
    return [text for build in CASES.values() for text in build(lang)] + list(real_outputs(lang))


@pytest.fixture(scope="module")
def outputs() -> dict[str, list[str]]:
    return {lang: every_output(lang) for lang in LANGS}


WORD = re.compile(r"[^\W\d_]+")


def words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def facts_templates(lang: str) -> dict[str, str]:
    return {k: v for k, v in catalog(lang).items() if k.startswith("facts.")}


def template_words(lang: str) -> set[str]:
    """Words of the language's facts templates, placeholders left out."""
    return set().union(*(words(re.sub(r"\{[a-z_]*\}", " ", v)) for v in facts_templates(lang).values()))


def names_words(lang: str) -> set[str]:
    """Words of every country, area and group name in `lang`: a name may share a word with English."""
    store = get_store()
    found = set().union(*(words(n) for n in store.countries[f"name_{lang}"]))
    return found.union(*(words(g["name"][lang]) for g in store.meta["groups"].values()))


@pytest.mark.parametrize("lang", LANGS)
def test_no_unfilled_placeholder(outputs, lang):
    assert outputs[lang]
    offenders = [text for text in outputs[lang] if "{" in text or "}" in text]
    assert not offenders


@pytest.mark.parametrize("lang", ["es", "pt", "fr"])
def test_no_english_words(outputs, lang):
    english = template_words("en") - template_words(lang) - names_words(lang)
    assert {"highest", "since", "percentage", "of", "and", "the", "countries"} <= english
    offenders = {text: sorted(words(text) & english) for text in outputs[lang] if words(text) & english}
    assert not offenders


def test_french_typography(outputs):
    for text in outputs["fr"]:
        assert not re.search(r"(?<!\u202f)[;:?!»]", text), text
        assert not re.search(r"«(?!\u202f)", text), text
        assert " \u202f" not in text, text


@pytest.mark.parametrize("lang", ["en", "es", "pt"])
def test_no_space_before_colon_outside_french(outputs, lang):
    assert not [text for text in outputs[lang] if re.search(r"\s[;:]", text)]


def test_spanish_writes_e_before_an_i_sound(outputs):
    assert not [text for text in outputs["es"] if re.search(r"\by (?:[iíIÍ]|[hH][iíIÍ](?![aeouáéóú]))", text)]


@pytest.mark.parametrize("lang", LANGS)
def test_clean_spacing(outputs, lang):
    assert not [text for text in outputs[lang] if re.search(r"  | [.,]|\.\.|^\s|\s$", text)]


# --- the catalog block ---------------------------------------------------------------------------------------------


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


@pytest.mark.parametrize("lang", LANGS)
def test_facts_keys_have_the_same_placeholders_in_every_language(lang):
    english, other = facts_templates("en"), facts_templates(lang)
    assert set(other) == set(english)
    assert {k for k, v in other.items() if placeholders(v) != placeholders(english[k])} == set()


@pytest.mark.parametrize("lang", LANGS)
def test_facts_keys_sit_in_one_block_at_the_end(lang):
    keys = list(catalog(lang))
    first = next(i for i, key in enumerate(keys) if key.startswith("facts."))
    assert all(key.startswith("facts.") for key in keys[first:])
    assert (MESSAGES / f"{lang}.json").read_text(encoding="utf-8").rstrip().endswith("}")


def test_every_facts_key_is_used(monkeypatch):
    used: set[str] = set()
    real_t = t

    def recording(key: str, lang: str = "en", **values: object) -> str:
        used.add(key)
        return real_t(key, lang, **values)

    for module in (s.words, s.facts, s.descriptions, explain):
        monkeypatch.setattr(module, "t", recording)
    for lang in LANGS:
        every_output(lang)
        charts_facts(lang)
    assert set(facts_templates("en")) - used == set()


def charts_facts(lang: str) -> None:
    """The facts of real charts, built afresh (a chart writes its facts once): core.charts.explain's numbers for a
    speaker's notes and the money sent along corridors, which only charts ask for."""
    for name in corridor_charts.CHARTS:
        for subject, direction in (("MEX", "out"), ("USA", "in")):
            assert corridor_charts.chart(name, subject, direction, 2020, lang).facts.name
    for subject, direction in (("UZB", "out"), ("SOM", "in")):  # one sender, one receiver in the matrix
        assert corridor_charts.chart("remittances", subject, direction, 2020, lang).facts.sentences
    assert mapview.map_chart(ViewState(indicator="remittance_cost", focus="lac", lang=lang)).facts.numbers


def test_the_module_stays_free_of_dash():
    for path in Path(s.__file__).parent.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "import dash" not in source
        assert "from dash" not in source
