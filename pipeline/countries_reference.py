"""Regenerate pipeline/reference/countries.csv: every country or area code in the raw sources, named and grouped."""

from __future__ import annotations

import argparse
import gettext
import json
import re
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pandas as pd
import pycountry

from pipeline import sources
from pipeline.paths import LAC_STATES, LAC_TERRITORIES, RAW, REFERENCE

OUTPUT = REFERENCE / "countries.csv"
NATURAL_EARTH = "natural_earth_50m_admin0/ne_50m_admin_0_map_units.geojson"
LANGUAGES = ("en", "es", "pt", "fr")
# Brazilian Portuguese first: Brazil is the Portuguese-speaking country of the region; European forms are the fallback.
LOCALES: dict[str, list[str]] = {"es": ["es"], "pt": ["pt_BR", "pt"], "fr": ["fr"]}
BLOCS = ("caricom", "oecs", "sica", "mercosur", "can", "pacific_alliance")
COLUMNS = ("iso3", *(f"name_{lang}" for lang in LANGUAGES), "region", "subregion", "lac", "sovereign", *BLOCS)
LAC_SUBREGIONS = frozenset({"Caribbean", "Central America", "South America"})
# Catalogue-style long forms a dashboard must not show: "Bolivia, Plurinational State of", "Salomon, Îles",
# "Holy See (Vatican City State)". Bonaire, Sint Eustatius and Saba is the one short name with a comma.
FORMAL_NAME = re.compile(r",|\((?:vatican|ciudad|estado|[ée]tat)", re.IGNORECASE)
COMMA_IN_NAME = frozenset({"BES"})

# Codes the raw files use that are not current ISO 3166-1 alpha-3 codes: the code the country table uses instead,
# or None where there is no single current successor. The data build must recode or drop these rows.
SOURCE_ALIASES: dict[str, str | None] = {
    # Natural Earth map units (ADM0_A3 where ISO_A3 is -99)
    "KOS": "XKX",  # Kosovo
    "PSX": "PSE",  # Palestine
    "CYN": "CYP",  # Northern Cyprus: part of Cyprus in the UN view
    "SOL": "SOM",  # Somaliland: part of Somalia in the UN view
    "ATC": "AUS",  # Ashmore and Cartier Islands: an Australian external territory
    "KAS": None,  # Siachen Glacier: disputed (India/Pakistan), no country
    # IAB brain-drain file: older or non-ISO codes
    "ADO": "AND",
    "NAU": "NRU",
    "ROM": "ROU",
    "SIN": "SGP",
    "TMP": "TLS",
    "UAE": "ARE",
    "WBG": "PSE",
    "ZAR": "COD",
    "SRB&MNE": None,  # Serbia and Montenegro, dissolved in 2006
    # Remittance Prices Worldwide corridors
    "KSV": "XKX",
    "ANT": None,  # Netherlands Antilles, dissolved in 2010 into CUW, SXM and BES
}
# Not countries: UN DESA's "Other" (origin unknown) and IAB's world total.
NOT_COUNTRIES = frozenset({"XXX", "WLD"})

# The 193 member states of the United Nations (un.org/en/about-us/member-states).
UN_MEMBERS = frozenset(
    {
        "AFG",
        "AGO",
        "ALB",
        "AND",
        "ARE",
        "ARG",
        "ARM",
        "ATG",
        "AUS",
        "AUT",
        "AZE",
        "BDI",
        "BEL",
        "BEN",
        "BFA",
        "BGD",
        "BGR",
        "BHR",
        "BHS",
        "BIH",
        "BLR",
        "BLZ",
        "BOL",
        "BRA",
        "BRB",
        "BRN",
        "BTN",
        "BWA",
        "CAF",
        "CAN",
        "CHE",
        "CHL",
        "CHN",
        "CIV",
        "CMR",
        "COD",
        "COG",
        "COL",
        "COM",
        "CPV",
        "CRI",
        "CUB",
        "CYP",
        "CZE",
        "DEU",
        "DJI",
        "DMA",
        "DNK",
        "DOM",
        "DZA",
        "ECU",
        "EGY",
        "ERI",
        "ESP",
        "EST",
        "ETH",
        "FIN",
        "FJI",
        "FRA",
        "FSM",
        "GAB",
        "GBR",
        "GEO",
        "GHA",
        "GIN",
        "GMB",
        "GNB",
        "GNQ",
        "GRC",
        "GRD",
        "GTM",
        "GUY",
        "HND",
        "HRV",
        "HTI",
        "HUN",
        "IDN",
        "IND",
        "IRL",
        "IRN",
        "IRQ",
        "ISL",
        "ISR",
        "ITA",
        "JAM",
        "JOR",
        "JPN",
        "KAZ",
        "KEN",
        "KGZ",
        "KHM",
        "KIR",
        "KNA",
        "KOR",
        "KWT",
        "LAO",
        "LBN",
        "LBR",
        "LBY",
        "LCA",
        "LIE",
        "LKA",
        "LSO",
        "LTU",
        "LUX",
        "LVA",
        "MAR",
        "MCO",
        "MDA",
        "MDG",
        "MDV",
        "MEX",
        "MHL",
        "MKD",
        "MLI",
        "MLT",
        "MMR",
        "MNE",
        "MNG",
        "MOZ",
        "MRT",
        "MUS",
        "MWI",
        "MYS",
        "NAM",
        "NER",
        "NGA",
        "NIC",
        "NLD",
        "NOR",
        "NPL",
        "NRU",
        "NZL",
        "OMN",
        "PAK",
        "PAN",
        "PER",
        "PHL",
        "PLW",
        "PNG",
        "POL",
        "PRK",
        "PRT",
        "PRY",
        "QAT",
        "ROU",
        "RUS",
        "RWA",
        "SAU",
        "SDN",
        "SEN",
        "SGP",
        "SLB",
        "SLE",
        "SLV",
        "SMR",
        "SOM",
        "SRB",
        "SSD",
        "STP",
        "SUR",
        "SVK",
        "SVN",
        "SWE",
        "SWZ",
        "SYC",
        "SYR",
        "TCD",
        "TGO",
        "THA",
        "TJK",
        "TKM",
        "TLS",
        "TON",
        "TTO",
        "TUN",
        "TUR",
        "TUV",
        "TZA",
        "UGA",
        "UKR",
        "URY",
        "USA",
        "UZB",
        "VCT",
        "VEN",
        "VNM",
        "VUT",
        "WSM",
        "YEM",
        "ZAF",
        "ZMB",
        "ZWE",
    }
)

# Full members only, as of 2026 (see reference/README.md for treaties, dates and the associate members left out).
BLOC_MEMBERS: dict[str, frozenset[str]] = {
    "caricom": frozenset(
        {"ATG", "BHS", "BRB", "BLZ", "DMA", "GRD", "GUY", "HTI", "JAM", "MSR", "KNA", "LCA", "VCT", "SUR", "TTO"}
    ),
    "oecs": frozenset({"ATG", "DMA", "GRD", "KNA", "LCA", "VCT", "MSR"}),
    "sica": frozenset({"BLZ", "CRI", "SLV", "GTM", "HND", "NIC", "PAN", "DOM"}),
    # Bolivia: State Party since August 2024. Venezuela: suspended since 2016/2017, so not counted.
    "mercosur": frozenset({"ARG", "BRA", "PRY", "URY", "BOL"}),
    "can": frozenset({"BOL", "COL", "ECU", "PER"}),
    "pacific_alliance": frozenset({"CHL", "COL", "MEX", "PER"}),
}

# UN M49 region and subregion (the intermediate region where M49 has one, e.g. Caribbean) for codes Natural Earth
# lacks, or files under "Seven seas (open ocean)" or a region that differs from M49.
REGIONS: dict[str, tuple[str, str]] = {
    "CHI": ("Europe", "Northern Europe"),
    "GIB": ("Europe", "Southern Europe"),
    "TUV": ("Oceania", "Polynesia"),
    "XKX": ("Europe", "Southern Europe"),
    "PSE": ("Asia", "Western Asia"),
    "ATF": ("Africa", "Eastern Africa"),
    "IOT": ("Africa", "Eastern Africa"),
    "HMD": ("Oceania", "Australia and New Zealand"),
    "CCK": ("Oceania", "Australia and New Zealand"),
    "CXR": ("Oceania", "Australia and New Zealand"),
    "SGS": ("Americas", "South America"),
    "ATA": ("Antarctica", "Antarctica"),  # M49 lists Antarctica under World with no region
}

# Names written by hand, (en, es, pt, fr): every LAC state and territory, the main destinations of LAC emigrants,
# and the codes pycountry does not know (CHI, XKX). These are pinned so a pycountry upgrade cannot change them.
# Spanish and French are the UN short names, in Spanish as ECLAC (CEPAL) writes them ("Saint Kitts y Nevis",
# "Suriname", "Curaçao"); Portuguese is Brazilian usage. The rule is in reference/README.md (Names).
PINNED: dict[str, tuple[str, str, str, str]] = {
    # Latin America and the Caribbean: independent states
    "ARG": ("Argentina", "Argentina", "Argentina", "Argentine"),
    "ATG": ("Antigua and Barbuda", "Antigua y Barbuda", "Antígua e Barbuda", "Antigua-et-Barbuda"),
    "BHS": ("Bahamas", "Bahamas", "Bahamas", "Bahamas"),
    "BLZ": ("Belize", "Belice", "Belize", "Belize"),
    "BOL": ("Bolivia", "Bolivia", "Bolívia", "Bolivie"),
    "BRA": ("Brazil", "Brasil", "Brasil", "Brésil"),
    "BRB": ("Barbados", "Barbados", "Barbados", "Barbade"),
    "CHL": ("Chile", "Chile", "Chile", "Chili"),
    "COL": ("Colombia", "Colombia", "Colômbia", "Colombie"),
    "CRI": ("Costa Rica", "Costa Rica", "Costa Rica", "Costa Rica"),
    "CUB": ("Cuba", "Cuba", "Cuba", "Cuba"),
    "DMA": ("Dominica", "Dominica", "Dominica", "Dominique"),
    "DOM": ("Dominican Republic", "República Dominicana", "República Dominicana", "République dominicaine"),
    "ECU": ("Ecuador", "Ecuador", "Equador", "Équateur"),
    "GRD": ("Grenada", "Granada", "Granada", "Grenade"),
    "GTM": ("Guatemala", "Guatemala", "Guatemala", "Guatemala"),
    "GUY": ("Guyana", "Guyana", "Guiana", "Guyana"),
    "HND": ("Honduras", "Honduras", "Honduras", "Honduras"),
    "HTI": ("Haiti", "Haití", "Haiti", "Haïti"),
    "JAM": ("Jamaica", "Jamaica", "Jamaica", "Jamaïque"),
    "KNA": ("Saint Kitts and Nevis", "Saint Kitts y Nevis", "São Cristóvão e Névis", "Saint-Kitts-et-Nevis"),
    "LCA": ("Saint Lucia", "Santa Lucía", "Santa Lúcia", "Sainte-Lucie"),
    "MEX": ("Mexico", "México", "México", "Mexique"),
    "NIC": ("Nicaragua", "Nicaragua", "Nicarágua", "Nicaragua"),
    "PAN": ("Panama", "Panamá", "Panamá", "Panama"),
    "PER": ("Peru", "Perú", "Peru", "Pérou"),
    "PRY": ("Paraguay", "Paraguay", "Paraguai", "Paraguay"),
    "SLV": ("El Salvador", "El Salvador", "El Salvador", "El Salvador"),
    "SUR": ("Suriname", "Suriname", "Suriname", "Suriname"),
    "TTO": ("Trinidad and Tobago", "Trinidad y Tobago", "Trinidad e Tobago", "Trinité-et-Tobago"),
    "URY": ("Uruguay", "Uruguay", "Uruguai", "Uruguay"),
    "VCT": (
        "Saint Vincent and the Grenadines",
        "San Vicente y las Granadinas",
        "São Vicente e Granadinas",
        "Saint-Vincent-et-les Grenadines",
    ),
    "VEN": ("Venezuela", "Venezuela", "Venezuela", "Venezuela"),
    # Latin America and the Caribbean: territories
    "ABW": ("Aruba", "Aruba", "Aruba", "Aruba"),
    "AIA": ("Anguilla", "Anguila", "Anguila", "Anguilla"),
    "BES": (
        "Bonaire, Sint Eustatius and Saba",
        "Bonaire, San Eustaquio y Saba",
        "Bonaire, Santo Eustáquio e Saba",
        "Bonaire, Saint-Eustache et Saba",
    ),
    "BLM": ("Saint Barthélemy", "San Bartolomé", "São Bartolomeu", "Saint-Barthélemy"),
    "CUW": ("Curaçao", "Curaçao", "Curaçao", "Curaçao"),
    "CYM": ("Cayman Islands", "Islas Caimán", "Ilhas Cayman", "Îles Caïmanes"),
    "FLK": (
        "Falkland Islands (Malvinas)",
        "Islas Malvinas (Falkland)",
        "Ilhas Malvinas (Falkland)",
        "Îles Falkland (Malvinas)",
    ),
    "GLP": ("Guadeloupe", "Guadalupe", "Guadalupe", "Guadeloupe"),
    "GUF": ("French Guiana", "Guayana Francesa", "Guiana Francesa", "Guyane française"),
    "MAF": (
        "Saint Martin (French part)",
        "San Martín (parte francesa)",
        "São Martinho (parte francesa)",
        "Saint-Martin (partie française)",
    ),
    "MSR": ("Montserrat", "Montserrat", "Montserrat", "Montserrat"),
    "MTQ": ("Martinique", "Martinica", "Martinica", "Martinique"),
    "PRI": ("Puerto Rico", "Puerto Rico", "Porto Rico", "Porto Rico"),
    "SGS": (
        "South Georgia and the South Sandwich Islands",
        "Islas Georgias del Sur y Sandwich del Sur",
        "Ilhas Geórgia do Sul e Sandwich do Sul",
        "Géorgie du Sud-et-les Îles Sandwich du Sud",
    ),
    "SXM": (
        "Sint Maarten (Dutch part)",
        "Sint Maarten (parte neerlandesa)",
        "Sint Maarten (parte neerlandesa)",
        "Sint Maarten (partie néerlandaise)",
    ),
    "TCA": ("Turks and Caicos Islands", "Islas Turcas y Caicos", "Ilhas Turcas e Caicos", "Îles Turques-et-Caïques"),
    "VGB": (
        "British Virgin Islands",
        "Islas Vírgenes Británicas",
        "Ilhas Virgens Britânicas",
        "Îles Vierges britanniques",
    ),
    "VIR": (
        "U.S. Virgin Islands",
        "Islas Vírgenes de los Estados Unidos",
        "Ilhas Virgens Americanas",
        "Îles Vierges des États-Unis",
    ),
    # Northern America
    "BMU": ("Bermuda", "Bermudas", "Bermudas", "Bermudes"),
    "CAN": ("Canada", "Canadá", "Canadá", "Canada"),
    "GRL": ("Greenland", "Groenlandia", "Groenlândia", "Groenland"),
    "SPM": ("Saint Pierre and Miquelon", "San Pedro y Miquelón", "São Pedro e Miquelon", "Saint-Pierre-et-Miquelon"),
    "USA": ("United States", "Estados Unidos", "Estados Unidos", "États-Unis"),
    # Main destinations of LAC emigrants outside the Americas
    "AUS": ("Australia", "Australia", "Austrália", "Australie"),
    "AUT": ("Austria", "Austria", "Áustria", "Autriche"),
    "BEL": ("Belgium", "Bélgica", "Bélgica", "Belgique"),
    "CHE": ("Switzerland", "Suiza", "Suíça", "Suisse"),
    "CHN": ("China", "China", "China", "Chine"),
    "DEU": ("Germany", "Alemania", "Alemanha", "Allemagne"),
    "DNK": ("Denmark", "Dinamarca", "Dinamarca", "Danemark"),
    "ESP": ("Spain", "España", "Espanha", "Espagne"),
    "FRA": ("France", "Francia", "França", "France"),
    "GBR": ("United Kingdom", "Reino Unido", "Reino Unido", "Royaume-Uni"),
    "IRL": ("Ireland", "Irlanda", "Irlanda", "Irlande"),
    "ISR": ("Israel", "Israel", "Israel", "Israël"),
    "ITA": ("Italy", "Italia", "Itália", "Italie"),
    "JPN": ("Japan", "Japón", "Japão", "Japon"),
    "KOR": ("South Korea", "Corea del Sur", "Coreia do Sul", "Corée du Sud"),
    "NLD": ("Netherlands", "Países Bajos", "Países Baixos", "Pays-Bas"),
    "NOR": ("Norway", "Noruega", "Noruega", "Norvège"),
    "NZL": ("New Zealand", "Nueva Zelandia", "Nova Zelândia", "Nouvelle-Zélande"),
    "PRT": ("Portugal", "Portugal", "Portugal", "Portugal"),
    "RUS": ("Russia", "Rusia", "Rússia", "Russie"),
    "SWE": ("Sweden", "Suecia", "Suécia", "Suède"),
    # The UN's name since 2022 in English, Spanish and French; Brazilian Portuguese keeps "Turquia".
    "TUR": ("Türkiye", "Türkiye", "Turquia", "Türkiye"),
    # Not in ISO 3166-1 (pycountry): a UN DESA area code and the code the World Bank uses for Kosovo
    "CHI": ("Channel Islands", "Islas del Canal", "Ilhas do Canal", "Îles Anglo-Normandes"),
    "XKX": ("Kosovo", "Kosovo", "Kosovo", "Kosovo"),
}

# Single-language corrections of pycountry's names elsewhere: long official forms shortened, typos and
# inverted catalogue forms ("Salomon, Îles") fixed, the UN short name in Spanish and French where the catalogue
# has another form ("Kenia", "Birmanie": see reference/README.md, Names), Brazilian usage in Portuguese.
FIXES: dict[str, dict[str, str]] = {
    "ALA": {"es": "Islas Åland", "fr": "Îles Åland"},
    "ARM": {"pt": "Armênia"},
    "AZE": {"pt": "Azerbaijão"},
    "BEN": {"es": "Benin"},
    "BFA": {"es": "Burkina Faso", "pt": "Burkina Faso"},
    "BGD": {"es": "Bangladesh"},
    "BHR": {"es": "Bahrein", "pt": "Bahrein"},
    "BIH": {"pt": "Bósnia e Herzegovina"},
    "BLR": {"es": "Belarús", "pt": "Belarus"},
    "BRN": {"en": "Brunei", "es": "Brunei", "pt": "Brunei", "fr": "Brunéi"},
    "BTN": {"es": "Bhután"},
    "BWA": {"es": "Botswana"},
    "CCK": {"fr": "Îles Cocos (Keeling)"},
    "CIV": {"es": "Côte d'Ivoire"},
    "COD": {
        "en": "Democratic Republic of the Congo",
        "es": "República Democrática del Congo",
        "pt": "República Democrática do Congo",
        "fr": "République démocratique du Congo",
    },
    "COG": {"fr": "Congo"},
    "COM": {"es": "Comoras"},
    "CPV": {"fr": "Cabo Verde"},
    "CXR": {"fr": "Île Christmas"},
    "CZE": {"pt": "Tchéquia"},
    "DJI": {"es": "Djibouti"},
    "DZA": {"es": "Argelia"},
    "ERI": {"pt": "Eritreia"},
    "FJI": {"es": "Fiji"},
    "FSM": {"en": "Micronesia", "es": "Micronesia", "pt": "Micronésia", "fr": "Micronésie"},
    "GNB": {"es": "Guinea-Bissau"},
    "GNQ": {"fr": "Guinée équatoriale"},
    "HMD": {"es": "Islas Heard y McDonald"},
    "IRN": {"pt": "Irã"},
    "IRQ": {"es": "Iraq", "fr": "Iraq"},
    "KAZ": {"es": "Kazajstán"},
    "KEN": {"es": "Kenya"},
    "LSO": {"es": "Lesotho"},
    "MDA": {"es": "Moldova", "fr": "Moldova"},
    "MDV": {"es": "Maldivas"},
    "MMR": {"es": "Myanmar", "pt": "Mianmar", "fr": "Myanmar"},
    "MWI": {"es": "Malawi"},
    "NER": {"es": "Níger"},
    "NGA": {"fr": "Nigéria"},
    "PCN": {"en": "Pitcairn Islands", "es": "Islas Pitcairn", "pt": "Ilhas Pitcairn"},
    "PLW": {"es": "Palau"},
    "PNG": {"es": "Papua Nueva Guinea"},
    "PSE": {"en": "Palestine", "es": "Palestina", "pt": "Palestina", "fr": "Palestine"},
    "QAT": {"es": "Qatar"},
    "REU": {"fr": "La Réunion"},
    "ROU": {"es": "Rumania"},
    "RWA": {"es": "Rwanda"},
    "SAU": {"es": "Arabia Saudita"},
    "SHN": {"en": "Saint Helena", "es": "Santa Elena", "pt": "Santa Helena", "fr": "Sainte-Hélène"},
    "SJM": {"pt": "Svalbard e Jan Mayen", "fr": "Svalbard et Jan Mayen"},
    "SLB": {"fr": "Îles Salomon"},
    "SMR": {"pt": "San Marino"},
    "STP": {"en": "São Tomé and Príncipe"},
    "SWZ": {"es": "Eswatini", "pt": "Essuatíni"},
    "SYC": {"pt": "Seicheles"},
    "TLS": {"es": "Timor-Leste", "pt": "Timor-Leste", "fr": "Timor-Leste"},
    "TUN": {"es": "Túnez"},
    "TZA": {"es": "Tanzanía"},
    "VAT": {"en": "Holy See", "es": "Santa Sede", "pt": "Santa Sé", "fr": "Saint-Siège"},
    "VNM": {"es": "Viet Nam", "fr": "Viet Nam"},
    "ZWE": {"es": "Zimbabwe"},
}


@cache
def _catalog(lang: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=LOCALES[lang])


def pycountry_names(code: str) -> dict[str, str] | None:
    """The short English name (common_name where pycountry has one) and its es/pt/fr translations."""
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    english = getattr(country, "common_name", None) or country.name
    # Where a catalogue lacks the short form it is kept as is (Bolivia, Laos, Taiwan): the official name's
    # translation would bring back the long form ("Bolivia, Estado plurinacional de").
    return {"en": english, **{lang: _catalog(lang).gettext(english) for lang in LOCALES}}


def names_for(code: str) -> dict[str, str]:
    """Names in the four languages: pinned by hand, else pycountry with FIXES applied."""
    if code in PINNED:
        return dict(zip(LANGUAGES, PINNED[code], strict=True))
    names = pycountry_names(code)
    if names is None:
        raise ValueError(f"{code}: not in pycountry and no hand-written names in PINNED")
    return {**names, **FIXES.get(code, {})}


def natural_earth_units(raw_dir: Path) -> dict[str, tuple[str, str]]:
    """Map units as code -> (REGION_UN, SUBREGION); ISO_A3, or ADM0_A3 where ISO_A3 is -99, then aliased."""
    document = json.loads((raw_dir / NATURAL_EARTH).read_text(encoding="utf-8"))
    units: dict[str, tuple[str, str]] = {}
    for feature in document["features"]:
        props = feature["properties"]
        code = props["ISO_A3"] if props["ISO_A3"] != "-99" else props["ADM0_A3"]
        code = SOURCE_ALIASES.get(code, code)
        if code is not None:
            units.setdefault(code, (props["REGION_UN"], props["SUBREGION"]))
    return units


def _codes(frame: pd.DataFrame, columns: Iterable[str]) -> set[str]:
    return {str(c) for column in columns for c in frame[column].dropna().unique()}


def source_codes(raw_dir: Path) -> dict[str, set[str]]:
    """Every code each raw source uses for a country or area, as written in the file."""
    totals = sources.read(sources.UNDESA_TOTALS, raw_dir)
    return {
        "undesa": _codes(sources.read(sources.UNDESA_BILATERAL, raw_dir), ["origin_iso3", "destination_iso3"])
        | _codes(totals, ["alpha3"]),
        "wdi": _codes(sources.read(sources.WDI, raw_dir), ["iso3"])
        | _codes(sources.read(sources.WDI_2023, raw_dir), ["iso3"]),
        "iab": _codes(sources.read(sources.IAB, raw_dir), ["origin_iso3"]),
        "matrix": _codes(sources.read(sources.REMITTANCE_MATRIX, raw_dir), ["sending_iso3", "receiving_iso3"]),
        "corridor_costs": _codes(sources.read(sources.CORRIDOR_COSTS, raw_dir), ["sending_iso3", "receiving_iso3"]),
    }


def is_iso(code: str) -> bool:
    return pycountry.countries.get(alpha_3=code) is not None


def classify(found: dict[str, set[str]], units: dict[str, tuple[str, str]]) -> tuple[set[str], dict[str, set[str]]]:
    """The country codes to keep, and the codes set aside by reason (World Bank aggregates, aliases, non-countries)."""
    areas = (found["undesa"] | set(units)) - NOT_COUNTRIES  # UN DESA areas and map units are never aggregates
    keep = set(areas)
    # A World Bank code is an aggregate (WLD, LCN, CSS, OED, ...) unless ISO, UN DESA or Natural Earth knows it.
    aggregates = {c for c in found["wdi"] if not is_iso(c) and c not in areas}
    keep |= found["wdi"] - aggregates
    set_aside: dict[str, set[str]] = {"world_bank_aggregates": aggregates, "aliased": set(), "not_countries": set()}
    for name in ("iab", "matrix", "corridor_costs"):
        for code in found[name]:
            if code in NOT_COUNTRIES:
                set_aside["not_countries"].add(code)
            elif code in SOURCE_ALIASES:
                set_aside["aliased"].add(code)
            elif is_iso(code) or code in areas:
                keep.add(code)
            else:
                raise ValueError(f"{name}: code {code!r} is neither ISO 3166-1 nor in SOURCE_ALIASES")
    return keep, set_aside


def region_of(code: str, units: dict[str, tuple[str, str]]) -> tuple[str, str]:
    if code in REGIONS:
        return REGIONS[code]
    if code not in units:
        raise ValueError(f"{code}: no UN M49 region (not in Natural Earth); add it to REGIONS")
    return units[code]


def build(raw_dir: Path = RAW) -> tuple[pd.DataFrame, dict[str, set[str]]]:
    """The country reference table (one row per code, sorted by iso3) and the source codes left out of it."""
    units = natural_earth_units(raw_dir)
    keep, set_aside = classify(source_codes(raw_dir), units)
    rows = []
    for code in sorted(keep):
        names = names_for(code)
        region, subregion = region_of(code, units)
        row: dict[str, str | bool] = {"iso3": code, **{f"name_{lang}": names[lang] for lang in LANGUAGES}}
        row.update(region=region, subregion=subregion, lac=subregion in LAC_SUBREGIONS, sovereign=code in UN_MEMBERS)
        row.update({bloc: code in BLOC_MEMBERS[bloc] for bloc in BLOCS})
        rows.append(row)
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    check(table)
    return table, set_aside


def check(table: pd.DataFrame) -> None:
    """Invariants the dashboard relies on; raise ValueError listing every one broken."""
    codes = set(table["iso3"])
    problems = []
    if len(UN_MEMBERS) != 193:
        problems.append(f"UN_MEMBERS has {len(UN_MEMBERS)} codes, not 193")
    if table["iso3"].duplicated().any():
        problems.append("duplicate iso3")
    for lang in LANGUAGES:
        column = table[f"name_{lang}"].fillna("")
        problems += [f"empty name_{lang} for {c}" for c in table.loc[column.str.strip().eq(""), "iso3"]]
        formal = column.str.contains(FORMAL_NAME) & ~table["iso3"].isin(COMMA_IN_NAME)
        problems += [f"name_{lang} of {c} looks like an ISO long form" for c in table.loc[formal, "iso3"]]
    for column in ("region", "subregion"):
        problems += [f"empty {column} for {c}" for c in table.loc[table[column].fillna("").eq(""), "iso3"]]
    lac = set(table.loc[table["lac"], "iso3"])
    sovereign = set(table.loc[table["sovereign"], "iso3"])
    problems += [f"LAC state {c} missing, not lac or not sovereign" for c in LAC_STATES if c not in lac & sovereign]
    territories = lac - sovereign
    problems += [f"LAC territory {c} missing, not lac or sovereign" for c in LAC_TERRITORIES if c not in territories]
    problems += [f"{c} is in UN_MEMBERS but in no source" for c in sorted(UN_MEMBERS - codes)]
    problems += [f"bloc {b} member {c} not in the table" for b, m in BLOC_MEMBERS.items() for c in sorted(m - codes)]
    if problems:
        raise ValueError("; ".join(problems))


def render(table: pd.DataFrame) -> str:
    """The CSV text: UTF-8, lower-case booleans, LF line ends, so a re-run gives the same bytes."""
    out = table.copy()
    for column in ("lac", "sovereign", *BLOCS):
        out[column] = out[column].map({True: "true", False: "false"})
    return out.to_csv(index=False, lineterminator="\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--raw", type=Path, default=RAW, help="raw data folder (default data/raw)")
    parser.add_argument("--out", type=Path, default=OUTPUT, help="CSV to write (default pipeline/reference)")
    parser.add_argument("--check", action="store_true", help="only check that the CSV is up to date")
    args = parser.parse_args(argv)
    table, set_aside = build(args.raw)
    text = render(table)
    if args.check:
        if not args.out.is_file() or args.out.read_text(encoding="utf-8") != text:
            print(f"{args.out} is out of date: run python -m pipeline.countries_reference", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date ({len(table)} rows)")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    lac, members = int(table["lac"].sum()), int(table["sovereign"].sum())
    print(f"wrote {args.out}: {len(table)} rows, {lac} in LAC, {members} UN member states")
    for reason, codes in set_aside.items():
        print(f"set aside ({reason}): {' '.join(sorted(codes))}")
    print(f"names written by hand for codes pycountry lacks: {' '.join(c for c in sorted(PINNED) if not is_iso(c))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
