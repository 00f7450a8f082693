"""The hand-curated reference files: country table, indicator metadata and focus groups are complete and consistent."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
import yaml

from core.data import schema as s
from pipeline import countries_reference, metadata, sources
from pipeline.paths import LAC_STATES, LAC_TERRITORIES, RAW, REFERENCE

LANGUAGES = ("en", "es", "pt", "fr")
BLOC_SIZES = {"caricom": 15, "oecs": 7, "sica": 8, "mercosur": 5, "can": 4, "pacific_alliance": 4}
INDICATOR_FIELDS = (
    "label",
    "short_label",
    "definition",
    "unit",
    "source",
    "citation",
    "licence",
    "caveats",
    "frequency",
    "nearest_year_tolerance",
    "higher_is",
    "color_scale",
    "aggregate",
)
AUXILIARY_IDS = set(s.DOCUMENTED) | set(s.AUXILIARY)
RAW_FOLDERS = {p.name for p in RAW.iterdir() if p.is_dir()}


@pytest.fixture(scope="module")
def countries() -> pd.DataFrame:
    return sources.read(sources.COUNTRIES_REFERENCE, REFERENCE).set_index("iso3", drop=False)


def load(name: str) -> dict[str, Any]:
    return yaml.safe_load((REFERENCE / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def indicators() -> dict[str, Any]:
    return load("indicators.yaml")


@pytest.fixture(scope="module")
def groups() -> dict[str, Any]:
    return load("groups.yaml")


def assert_translated(value: Any, where: str) -> None:
    assert isinstance(value, dict), f"{where} is not a mapping of languages"
    for lang in LANGUAGES:
        assert isinstance(value.get(lang), str), f"{where} lacks {lang}"
        assert value[lang].strip(), f"{where}.{lang} is empty"


# countries.csv


def test_country_codes_are_unique_and_sorted(countries: pd.DataFrame) -> None:
    assert countries["iso3"].is_unique
    assert list(countries["iso3"]) == sorted(countries["iso3"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_country_has_a_name_in_each_language(countries: pd.DataFrame, lang: str) -> None:
    names = countries[f"name_{lang}"].fillna("").str.strip()
    assert not (names == "").any(), list(countries.loc[names == "", "iso3"])


def test_no_iso_long_forms(countries: pd.DataFrame) -> None:
    for lang in LANGUAGES:
        names = countries[f"name_{lang}"]
        formal = names.str.contains(countries_reference.FORMAL_NAME) & (countries["iso3"] != "BES")
        assert not formal.any(), names[formal].to_dict()


@pytest.mark.parametrize(
    ("iso3", "names"),
    [
        ("BOL", ("Bolivia", "Bolivia", "Bolívia", "Bolivie")),
        ("VEN", ("Venezuela", "Venezuela", "Venezuela", "Venezuela")),
        ("DOM", ("Dominican Republic", "República Dominicana", "República Dominicana", "République dominicaine")),
        # UN short names in Spanish (as ECLAC writes them) and French; Brazilian usage in Portuguese (README, Names)
        ("KNA", ("Saint Kitts and Nevis", "Saint Kitts y Nevis", "São Cristóvão e Névis", "Saint-Kitts-et-Nevis")),
        (
            "VCT",
            (
                "Saint Vincent and the Grenadines",
                "San Vicente y las Granadinas",
                "São Vicente e Granadinas",
                "Saint-Vincent-et-les Grenadines",
            ),
        ),
        ("TTO", ("Trinidad and Tobago", "Trinidad y Tobago", "Trinidad e Tobago", "Trinité-et-Tobago")),
        ("HTI", ("Haiti", "Haití", "Haiti", "Haïti")),
        ("SUR", ("Suriname", "Suriname", "Suriname", "Suriname")),
        ("GRD", ("Grenada", "Granada", "Granada", "Grenade")),
        ("TUR", ("Türkiye", "Türkiye", "Turquia", "Türkiye")),
        ("USA", ("United States", "Estados Unidos", "Estados Unidos", "États-Unis")),
        ("CIV", ("Côte d'Ivoire", "Côte d'Ivoire", "Costa do Marfim", "Côte d'Ivoire")),
        ("CUW", ("Curaçao", "Curaçao", "Curaçao", "Curaçao")),
        (
            "SXM",
            (
                "Sint Maarten (Dutch part)",
                "Sint Maarten (parte neerlandesa)",
                "Sint Maarten (parte neerlandesa)",
                "Sint Maarten (partie néerlandaise)",
            ),
        ),
        ("CYM", ("Cayman Islands", "Islas Caimán", "Ilhas Cayman", "Îles Caïmanes")),
        ("MMR", ("Myanmar", "Myanmar", "Mianmar", "Myanmar")),
        ("TLS", ("Timor-Leste", "Timor-Leste", "Timor-Leste", "Timor-Leste")),
        ("MDA", ("Moldova", "Moldova", "Moldávia", "Moldova")),
        ("CPV", ("Cabo Verde", "Cabo Verde", "Cabo Verde", "Cabo Verde")),
        ("KEN", ("Kenya", "Kenya", "Quênia", "Kenya")),
        ("CHI", ("Channel Islands", "Islas del Canal", "Ilhas do Canal", "Îles Anglo-Normandes")),
    ],
)
def test_dashboard_names(countries: pd.DataFrame, iso3: str, names: tuple[str, ...]) -> None:
    assert tuple(countries.loc[iso3, [f"name_{lang}" for lang in LANGUAGES]]) == names


def test_lac_states_are_lac_and_sovereign(countries: pd.DataFrame) -> None:
    assert len(LAC_STATES) == 33
    rows = countries.reindex(list(LAC_STATES))
    assert rows["iso3"].notna().all(), "LAC state missing"
    assert rows["lac"].all()
    assert rows["sovereign"].all()


def test_lac_territories_are_lac_and_not_sovereign(countries: pd.DataFrame) -> None:
    rows = countries.reindex(list(LAC_TERRITORIES))
    assert rows["iso3"].notna().all(), "LAC territory missing"
    assert rows["lac"].all()
    assert not rows["sovereign"].any()


def test_lac_is_the_three_m49_subregions(countries: pd.DataFrame) -> None:
    in_subregions = countries["subregion"].isin(["Caribbean", "Central America", "South America"])
    assert (countries["lac"] == in_subregions).all()
    assert countries.loc["MEX", "subregion"] == "Central America"
    assert countries.loc["BMU", "subregion"] == "Northern America"
    assert not countries.loc[["USA", "CAN", "BMU", "ESP"], "lac"].any()


def test_regions_are_filled(countries: pd.DataFrame) -> None:
    for column in ("region", "subregion"):
        assert not countries[column].fillna("").eq("").any()
    assert "Seven seas (open ocean)" not in set(countries["region"])


def test_193_un_members(countries: pd.DataFrame) -> None:
    assert countries["sovereign"].sum() == 193
    assert not countries.loc[["PRI", "ABW", "CUW", "GUF", "XKX", "PSE", "VAT", "TWN", "CHI"], "sovereign"].any()


@pytest.mark.parametrize(("bloc", "size"), BLOC_SIZES.items())
def test_bloc_sizes(countries: pd.DataFrame, bloc: str, size: int) -> None:
    members = countries.loc[countries[bloc], "iso3"]
    assert len(members) == size, list(members)
    assert countries.loc[members, "lac"].all()


def test_bloc_judgement_calls(countries: pd.DataFrame) -> None:
    assert countries.loc["MSR", ["caricom", "oecs"]].all()  # Montserrat: a territory, yet a full member
    assert countries.loc["BOL", ["mercosur", "can"]].all()  # Bolivia: MERCOSUR State Party since 2024
    assert not countries.loc["VEN", "mercosur"]  # suspended since 2016
    assert not countries.loc[["AIA", "VGB", "MTQ", "GLP"], "oecs"].any()  # associate members
    assert not countries.loc[["AIA", "BMU", "VGB", "CYM", "TCA", "CUW"], "caricom"].any()


def test_no_world_bank_aggregates(countries: pd.DataFrame) -> None:
    assert not {"WLD", "LCN", "CSS", "LAC", "EAS", "HIC", "OED", "EUU", "XXX"} & set(countries["iso3"])


def test_every_source_code_is_a_row_or_set_aside(countries: pd.DataFrame) -> None:
    found = countries_reference.source_codes(RAW)
    rows = set(countries["iso3"])
    aside = set(countries_reference.SOURCE_ALIASES) | countries_reference.NOT_COUNTRIES
    for name in ("undesa", "iab", "matrix", "corridor_costs"):
        assert found[name] - rows - aside == set(), name
    aliased = {c for c in countries_reference.SOURCE_ALIASES.values() if c is not None}
    assert aliased <= rows


def test_csv_is_up_to_date() -> None:
    """The committed CSV is what the script generates from the raw files (no hand edits drift)."""
    table, _ = countries_reference.build(RAW)
    assert (REFERENCE / "countries.csv").read_text(encoding="utf-8") == countries_reference.render(table)


# indicators.yaml


def test_every_shown_indicator_has_an_entry(indicators: dict[str, Any]) -> None:
    assert set(s.DOCUMENTED) <= set(indicators["indicators"])


@pytest.mark.parametrize("ident", s.DOCUMENTED)
def test_indicator_fields(indicators: dict[str, Any], ident: str) -> None:
    entry = indicators["indicators"][ident]
    for field in INDICATOR_FIELDS:
        assert field in entry, f"{ident} lacks {field}"
    for field in ("label", "short_label", "definition", "licence"):
        assert_translated(entry[field], f"{ident}.{field}")
    for lang in LANGUAGES:
        assert len(entry["short_label"][lang]) <= 28, f"{ident}.short_label.{lang} is too long"
    assert entry["caveats"], f"{ident} has no caveats"
    for number, caveat in enumerate(entry["caveats"]):
        assert_translated(caveat, f"{ident}.caveats[{number}]")
    assert entry["unit"] in {"persons", "percent", "usd"}
    assert entry["frequency"] in {"5-yearly", "annual", "single-year"}
    tolerance = {"5-yearly": 2, "annual": 1, "single-year": 0}[entry["frequency"]]
    assert entry["nearest_year_tolerance"] == tolerance
    assert entry["higher_is"] in {"neutral", "worse", "better"}
    assert entry["color_scale"] in {"sequential", "sequential-log"}
    assert entry["source"]
    assert set(entry["source"]) <= RAW_FOLDERS
    assert entry["citation"]
    assert all(isinstance(c, str) and c.strip() for c in entry["citation"])


@pytest.mark.parametrize(
    ("ident", "aggregate"),
    [
        (s.EMIGRANT_STOCK, {"method": "sum"}),
        (s.REMITTANCES_USD, {"method": "sum"}),
        (s.EMIGRANT_SHARE, {"method": "ratio", "numerator": s.EMIGRANT_STOCK, "denominator": s.POPULATION}),
        (s.FEMALE_SHARE, {"method": "ratio", "numerator": s.EMIGRANT_FEMALE, "denominator": s.EMIGRANT_STOCK}),
        (s.REMITTANCES_GDP, {"method": "ratio", "numerator": s.REMITTANCES_USD, "denominator": s.GDP_USD}),
        (s.IMMIGRANT_STOCK, {"method": "sum"}),
        (s.IMMIGRANT_SHARE, {"method": "ratio", "numerator": s.IMMIGRANT_STOCK, "denominator": s.POPULATION}),
        (
            s.IMMIGRANT_FEMALE_SHARE,
            {"method": "ratio", "numerator": s.IMMIGRANT_FEMALE, "denominator": s.IMMIGRANT_STOCK},
        ),
        (s.DIOC_TERTIARY, {"method": "sum"}),
        (s.DIOC_TERTIARY_SHARE, {"method": "ratio", "numerator": s.DIOC_TERTIARY, "denominator": s.DIOC_KNOWN}),
        (s.TERTIARY_RATE, {"method": "none"}),
        (s.REMITTANCE_COST, {"method": "none"}),
    ],
)
def test_aggregates(indicators: dict[str, Any], ident: str, aggregate: dict[str, str]) -> None:
    entry = indicators["indicators"][ident]["aggregate"]
    assert {k: entry[k] for k in aggregate} == aggregate
    if entry["method"] == "ratio":
        assert entry["scale"] == 100
        assert {entry["numerator"], entry["denominator"]} <= AUXILIARY_IDS
    if entry["method"] == "none":
        assert_translated(entry["reason"], f"{ident}.aggregate.reason")


def test_required_caveats_are_present(indicators: dict[str, Any]) -> None:
    def english(ident: str) -> str:
        return " ".join(c["en"] for c in indicators["indicators"][ident]["caveats"])

    required = {
        s.TERTIARY_RATE: ("20 OECD", "stops in 2010"),
        s.EMIGRANT_STOCK: ("International Migrant Stock 2024", "mid-year", "every five years", "never joined"),
        s.EMIGRANT_SHARE: ("above 100% are real", "Table 2"),
        s.REMITTANCES_USD: ("current US dollars", "not adjusted for inflation", "revises"),
        s.REMITTANCES_GDP: ("one World Bank snapshot", "May 2023", "0.5 percentage points", "current US dollars"),
        s.IMMIGRANT_STOCK: ("Refugees", "1,932,807", "3,063,518"),
        s.DIOC_TERTIARY: ("35 OECD countries", "Colombia"),
        s.DIOC_TERTIARY_SHARE: ("not an emigration rate", "2015/16"),
        s.REMITTANCE_COST: ("US$200", "surveys"),
    }
    for ident, phrases in required.items():
        for phrase in phrases:
            assert phrase in english(ident), f"{ident}: no caveat says {phrase!r}"


@pytest.mark.parametrize("ident", ["migrant_corridors", "remittance_corridors", "corridor_costs"])
def test_bilateral_entries(indicators: dict[str, Any], ident: str) -> None:
    entry = indicators["bilateral"][ident]
    for field in ("label", "short_label", "definition", "licence"):
        assert_translated(entry[field], f"bilateral.{ident}.{field}")
    for number, caveat in enumerate(entry["caveats"]):
        assert_translated(caveat, f"bilateral.{ident}.caveats[{number}]")
    assert entry["citation"]
    assert set(entry["source"]) <= RAW_FOLDERS
    assert entry["unit"] in {"persons", "percent", "usd"}


def test_bilateral_model_and_target_are_stated(indicators: dict[str, Any]) -> None:
    bilateral = indicators["bilateral"]
    assert "model estimate" in bilateral["remittance_corridors"]["definition"]["en"]
    assert bilateral["corridor_costs"]["target"] == 3


def test_metadata_builder_accepts_the_reference() -> None:
    """pipeline.metadata checks the same YAML files when the build runs."""
    frame = pd.DataFrame({"indicator": list(s.DOCUMENTED), "year": [2020] * len(s.DOCUMENTED)})
    meta = metadata.build_metadata(REFERENCE, frame)
    assert set(meta["indicators"]) == set(s.DOCUMENTED)
    assert meta["order"] == list(s.SHOWN)
    assert meta["staged"] == list(s.STAGED)
    assert "lac" in meta["groups"]


# groups.yaml

GROUP_IDS = (
    "lac",
    "lac_states",
    "caribbean",
    "central_america",
    "south_america",
    "caricom",
    "oecs",
    "sica",
    "mercosur",
    "can",
    "pacific_alliance",
    "world",
)


def test_groups_in_menu_order(groups: dict[str, Any]) -> None:
    assert groups["default_group"] == "lac"
    assert tuple(g["id"] for g in groups["groups"]) == GROUP_IDS


def members(group: dict[str, Any], countries: pd.DataFrame) -> set[str]:
    rule = group["members"]
    if rule["column"] == "all":
        return set(countries["iso3"])
    column = countries[rule["column"]]
    mask = column == rule["equals"] if "equals" in rule else column.astype(bool)
    if "and" in rule:
        mask &= countries[rule["and"]].astype(bool)
    return set(countries.loc[mask, "iso3"])


@pytest.mark.parametrize("ident", GROUP_IDS)
def test_group_definitions(groups: dict[str, Any], countries: pd.DataFrame, ident: str) -> None:
    group = next(g for g in groups["groups"] if g["id"] == ident)
    for field in ("name", "short_name", "note"):
        assert_translated(group[field], f"groups.{ident}.{field}")
    rule = group["members"]
    assert rule["column"] == "all" or rule["column"] in countries.columns
    assert members(group, countries), f"{ident} has no members"


def test_group_members(groups: dict[str, Any], countries: pd.DataFrame) -> None:
    by_id = {g["id"]: members(g, countries) for g in groups["groups"]}
    assert set(LAC_STATES) <= by_id["lac"]
    assert by_id["lac_states"] == set(LAC_STATES)
    assert by_id["caribbean"] | by_id["central_america"] | by_id["south_america"] == by_id["lac"]
    assert "MEX" in by_id["central_america"]
    assert {"GUY", "SUR", "GUF"} <= by_id["south_america"]
    for bloc, size in BLOC_SIZES.items():
        assert len(by_id[bloc]) == size
    assert len(by_id["world"]) == len(countries)


# Official names of the region, the blocs and the agencies (reference/README.md, "Official names"): UNTERM forms,
# ECLAC/CEPAL's for Spanish, the bodies' own Portuguese names. One row per name and language.

GROUP_NAMES = {
    "lac": (
        "Latin America and the Caribbean",
        "América Latina y el Caribe",
        "América Latina e o Caribe",
        "Amérique latine et Caraïbes",
    ),
    "caricom": (
        "Caribbean Community (CARICOM)",
        "Comunidad del Caribe (CARICOM)",
        "Comunidade do Caribe (CARICOM)",
        "Communauté des Caraïbes (CARICOM)",
    ),
    "oecs": (
        "Organisation of Eastern Caribbean States (OECS)",
        "Organización de Estados del Caribe Oriental (OECO)",
        "Organização dos Estados do Caribe Oriental (OECO)",
        "Organisation des États des Caraïbes orientales (OECO)",
    ),
    "sica": (
        "Central American Integration System (SICA)",
        "Sistema de la Integración Centroamericana (SICA)",
        "Sistema de Integração Centro-Americana (SICA)",
        "Système d'intégration de l'Amérique centrale (SICA)",
    ),
    "mercosur": (
        "Southern Common Market (MERCOSUR)",
        "Mercado Común del Sur (MERCOSUR)",
        "Mercado Comum do Sul (MERCOSUL)",
        "Marché commun du Sud (MERCOSUR)",
    ),
    "can": ("Andean Community (CAN)", "Comunidad Andina (CAN)", "Comunidade Andina (CAN)", "Communauté andine (CAN)"),
    "pacific_alliance": ("Pacific Alliance", "Alianza del Pacífico", "Aliança do Pacífico", "Alliance du Pacifique"),
}


TERRITORIES = {
    "en": " (states and territories)",
    "es": " (Estados y territorios)",
    "pt": " (Estados e territórios)",
    "fr": " (États et territoires)",
}


@pytest.mark.parametrize(("ident", "lang"), [(ident, lang) for ident in GROUP_NAMES for lang in LANGUAGES])
def test_official_group_names(groups: dict[str, Any], ident: str, lang: str) -> None:
    group = next(g for g in groups["groups"] if g["id"] == ident)
    # The region's group also says that it counts the territories (its sibling "LAC, 33 states" does not).
    assert group["name"][lang].removesuffix(TERRITORIES[lang]) == GROUP_NAMES[ident][LANGUAGES.index(lang)]


def texts_of(lang: str) -> dict[str, str]:
    """Every text of one language: the message catalog and the two reference YAML files."""
    from core.i18n.catalog import catalog

    found = {f"catalog:{key}": text for key, text in catalog(lang).items()}

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == lang and isinstance(value, str):
                    found[where] = value
                else:
                    walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for number, value in enumerate(node):
                walk(value, f"{where}[{number}]")

    walk(load("indicators.yaml"), "indicators.yaml")
    walk(load("groups.yaml"), "groups.yaml")
    return found


# Where each official name must appear, word for word (catalog key or YAML path -> text it contains).
OFFICIAL_USES: dict[str, list[tuple[str, str]]] = {
    "es": [
        ("catalog:app.title", "en América Latina y el Caribe"),  # the region, ECLAC's form
        ("catalog:flows.part_lac", "América Latina y el Caribe"),
        ("catalog:source.undesa_ims2020_bilateral", "DAES de las Naciones Unidas"),  # UN DESA
        ("catalog:route.cyear_label", "DAES de las Naciones Unidas"),
        ("catalog:source.worldbank_wdi", "Banco Mundial, Indicadores del Desarrollo Mundial"),
        ("catalog:source.worldbank_wdi_2023_05_remittances", "Banco Mundial, Indicadores del Desarrollo Mundial"),
        ("catalog:ranking.target", "Meta 10.c de los ODS"),  # SDG 10.c
        ("catalog:flows.target", "Meta 10.c de los ODS"),
        (
            "indicators.yaml.bilateral.corridor_costs.definition",
            "eliminar los corredores de remesas con un costo superior al 5 %",
        ),  # A/RES/70/1
        ("catalog:profile.skilled_axis", "Tasa de emigración de personas con educación terciaria (%)"),
    ],
    "pt": [
        ("catalog:app.title", "na América Latina e no Caribe"),
        ("catalog:flows.part_lac", "América Latina e o Caribe"),
        ("catalog:profile.trend_subtitle", "da América Latina e do Caribe"),
        ("catalog:source.undesa_ims2020_bilateral", "DAES das Nações Unidas"),
        ("catalog:route.cyear_label", "DAES das Nações Unidas"),
        ("catalog:source.worldbank_wdi", "Banco Mundial, Indicadores de Desenvolvimento Mundial"),
        ("catalog:source.worldbank_wdi_2023_05_remittances", "Banco Mundial, Indicadores de Desenvolvimento Mundial"),
        ("catalog:ranking.target", "Meta 10.c dos ODS"),
        ("catalog:flows.target", "Meta 10.c dos ODS"),
        (
            "indicators.yaml.bilateral.corridor_costs.definition",
            "eliminar os corredores de remessas com custos superiores a 5%",
        ),
        ("catalog:profile.skilled_axis", "Taxa de emigração de pessoas com ensino superior (%)"),
    ],
    "fr": [
        ("catalog:app.title", "en Amérique latine et dans les Caraïbes"),
        ("catalog:flows.part_lac", "Amérique latine et Caraïbes"),
        ("catalog:source.undesa_ims2020_bilateral", "DAES des Nations Unies"),
        ("catalog:route.cyear_label", "DAES des Nations Unies"),
        ("catalog:source.worldbank_wdi", "Banque mondiale, Indicateurs du développement dans le monde"),
        (
            "catalog:source.worldbank_wdi_2023_05_remittances",
            "Banque mondiale, Indicateurs du développement dans le monde",
        ),
        ("catalog:ranking.target", "Cible 10.c des ODD"),
        ("catalog:flows.target", "Cible 10.c des ODD"),
        ("catalog:flows.ceiling", "couloir de transfert de fonds"),
        (
            "indicators.yaml.bilateral.corridor_costs.definition",
            "éliminer les couloirs de transfert de fonds dont les coûts sont supérieurs à 5\u202f%",
        ),
        ("indicators.yaml.indicators.remittance_cost.definition", "faire baisser au-dessous de 3\u202f%"),
        ("catalog:map.inset", "Caraïbes orientales"),  # as in the OECS's UNTERM name
    ],
}

# Forms an official name must never take (RAE or calque forms, untranslated names, wrong articles).
WRONG_FORMS: dict[str, list[str]] = {
    "es": [
        r"San Cristóbal y Nieves",
        r"\bSurinam\b",
        r"\bCurazao\b",
        r"\bBirmania\b",
        r"Timor Oriental",
        r"\bDESA\b",
        r"World Bank",
        r"World Development Indicators",
        r"Bilateral Remittance Matrix",
        r"brain-drain",
        r"Meta ODS",
        r"Comisión Económica para la América Latina",
        r"\brelev(?:amiento|ad[oa]s?|a)\b",
        r"miembros plenos",
        r"stocks de migrantes",
        r"millones de US\$",
    ],
    "pt": [
        r"América Latina e Caribe",
        r"\bDESA\b",
        r"World Bank",
        r"World Development Indicators",
        r"Bilateral Remittance Matrix",
        r"brain-drain",
        r"Meta ODS",
        r"Sistema da Integração",
        r"dólares americanos",
        r"São Martinho \(parte neerlandesa\)",
        r"Comissão Econômica para América Latina",
    ],
    "fr": [
        r"Communauté caribéenne",
        r"centraméricain",
        r"Caraïbe orientale",
        r"Saint-Christophe",
        r"Niévès",
        r"\bDESA\b",
        r"World Bank",
        r"Banque Mondiale",
        r"World Development Indicators",
        r"Bilateral Remittance Matrix",
        r"brain-drain",
        r"Cible ODD",
        r"Amérique Latine",
        r"estimations? de modèle",
        r"\bCEPAL\b",
        r"milli(?:on|ard)s? (?:\$|dollars)",  # "61,5 milliards $ US": the noun needs "de"
    ],
}


@pytest.mark.parametrize(
    ("lang", "where", "official"), [(lang, w, o) for lang, uses in OFFICIAL_USES.items() for w, o in uses]
)
def test_official_names_are_used(lang: str, where: str, official: str) -> None:
    texts = texts_of(lang)
    assert where in texts, f"{where} not found"
    assert official in texts[where], f"{lang} {where}: {texts[where]!r} lacks {official!r}"


@pytest.mark.parametrize("lang", list(WRONG_FORMS))
def test_no_unofficial_forms(lang: str) -> None:
    import re

    found = [
        (where, pattern)
        for where, text in texts_of(lang).items()
        for pattern in WRONG_FORMS[lang]
        if re.search(pattern, text)
    ]
    assert not found, found
