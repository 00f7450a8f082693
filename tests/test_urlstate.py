"""The URL codec (core.state.urlstate): defaults encode to nothing, valid states round-trip, the rest falls back."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qsl, quote

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from core.state.urlstate import (
    MAX_COUNTRIES,
    MAX_QUERY,
    PARAMS,
    SCALES,
    VIEWS,
    Options,
    ViewState,
    decode,
    default_state,
    encode,
)

CODES = (
    "ARG", "BRA", "BRB", "CHL", "COL", "CRI", "DOM", "GTM", "HND",
    "HTI", "JAM", "MEX", "NIC", "PAN", "SLV", "USA", "VEN",
)  # fmt: skip  # 17 codes: enough to exceed MAX_COUNTRIES
OPTIONS = Options(
    years={
        "emigrant_share": (1990, 1995, 2000, 2005, 2010, 2015, 2020),
        "remittances_usd": tuple(range(1990, 2025)),
        "tertiary_emigration_rate": (1980, 1985, 1990, 1995, 2000, 2005, 2010),
    },
    default_scales={"emigrant_share": "linear", "remittances_usd": "log", "tertiary_emigration_rate": "linear"},
    focuses=("lac", "caribbean", "sica", "world"),
    countries=frozenset(CODES),
    languages=("en", "es"),
)
DEFAULT = default_state(OPTIONS)
SORTED_COUNTRIES = sorted(OPTIONS.countries)
FAST = settings(max_examples=150, deadline=None)


def normalised(state: ViewState) -> ViewState:
    """The state a link restores: the latest year and the indicator's own scale are the same as 'not given'."""
    year = None if state.year == OPTIONS.years[state.indicator][-1] else state.year
    scale = None if state.scale == OPTIONS.default_scales[state.indicator] else state.scale
    return replace(state, year=year, scale=scale, rejected=())


def keys_of(query: str) -> list[str]:
    return [k for k, _ in parse_qsl(query.lstrip("?"), keep_blank_values=True)]


def assert_valid(state: ViewState) -> None:
    assert state.indicator in OPTIONS.years
    assert state.focus in OPTIONS.focuses
    assert state.year is None or state.year in OPTIONS.years[state.indicator]
    assert set(state.countries) <= OPTIONS.countries
    assert len(state.countries) <= MAX_COUNTRIES
    assert len(set(state.countries)) == len(state.countries)
    assert state.scale is None or state.scale in SCALES
    assert state.view in VIEWS
    assert state.lang in OPTIONS.languages
    assert isinstance(state.rejected, tuple)
    assert all(isinstance(r, str) for r in state.rejected)


@st.composite
def valid_states(draw: st.DrawFn) -> ViewState:
    indicator = draw(st.sampled_from(list(OPTIONS.years)))
    return ViewState(
        indicator=indicator,
        focus=draw(st.sampled_from(OPTIONS.focuses)),
        year=draw(st.none() | st.sampled_from(OPTIONS.years[indicator])),
        countries=tuple(draw(st.lists(st.sampled_from(SORTED_COUNTRIES), max_size=MAX_COUNTRIES, unique=True))),
        scale=draw(st.none() | st.sampled_from(SCALES)),
        view=draw(st.sampled_from(VIEWS)),
        lang=draw(st.sampled_from(OPTIONS.languages)),
    )


# --- defaults -------------------------------------------------------------------------------------------------


def test_default_state_encodes_to_empty_string():
    assert encode(DEFAULT, OPTIONS) == ""


def test_latest_year_and_default_scale_are_not_written():
    state = replace(DEFAULT, year=OPTIONS.years[DEFAULT.indicator][-1], scale="linear")
    assert encode(state, OPTIONS) == ""


@pytest.mark.parametrize("query", ["", "?"])
def test_empty_query_decodes_to_default(query):
    state = decode(query, OPTIONS)
    assert state == DEFAULT
    assert state.rejected == ()


# --- encode: only non-default values, fixed order ------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"indicator": "remittances_usd"}, "?indicator=remittances_usd"),
        ({"year": 2000}, "?year=2000"),
        ({"focus": "sica"}, "?focus=sica"),
        ({"countries": ("MEX", "HTI")}, "?countries=MEX,HTI"),
        ({"scale": "log"}, "?scale=log"),
        ({"view": "table"}, "?view=table"),
        ({"lang": "es"}, "?lang=es"),
        ({"indicator": "remittances_usd", "scale": "log"}, "?indicator=remittances_usd"),  # log is its default
        ({"indicator": "remittances_usd", "year": 2024}, "?indicator=remittances_usd"),  # 2024 is its latest
        (
            {
                "lang": "es",
                "view": "table",
                "scale": "linear",
                "countries": ("MEX", "HTI"),
                "focus": "sica",
                "year": 2000,
                "indicator": "remittances_usd",
            },
            "?indicator=remittances_usd&year=2000&focus=sica&countries=MEX,HTI&scale=linear&view=table&lang=es",
        ),
    ],
)
def test_encode_writes_only_non_default_values(changes, expected):
    assert encode(replace(DEFAULT, **changes), OPTIONS) == expected


@FAST
@given(valid_states())
def test_encoded_parameters_are_non_default_and_in_fixed_order(state):
    query = encode(state, OPTIONS)
    keys = keys_of(query)
    assert len(keys) == len(set(keys))
    assert keys == sorted(keys, key=PARAMS.index)
    norm = normalised(state)
    for key in keys:
        assert getattr(norm, key) != getattr(DEFAULT, key), key
    for key in set(PARAMS) - set(keys):
        assert getattr(norm, key) == getattr(DEFAULT, key), key


# --- round trip -----------------------------------------------------------------------------------------------


@FAST
@given(valid_states())
def test_encode_then_decode_round_trips(state):
    decoded = decode(encode(state, OPTIONS), OPTIONS)
    assert decoded == normalised(state)
    assert decoded.rejected == ()


@FAST
@given(valid_states())
def test_re_sharing_a_link_gives_the_same_link(state):
    query = encode(state, OPTIONS)
    assert encode(decode(query, OPTIONS), OPTIONS) == query


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("countries=MEX,HTI,MEX,DOM,HTI", ("MEX", "HTI", "DOM")),
        ("countries=USA,MEX", ("USA", "MEX")),  # order is the user's, not sorted
        ("countries=MEX,,HTI,", ("MEX", "HTI")),
        ("countries=" + ",".join(SORTED_COUNTRIES[:MAX_COUNTRIES]), tuple(SORTED_COUNTRIES[:MAX_COUNTRIES])),
    ],
)
def test_countries_keep_order_and_drop_repeats(query, expected):
    state = decode(query, OPTIONS)
    assert state.countries == expected
    assert state.rejected == ()


def test_valid_parameters_survive_an_invalid_neighbour():
    state = decode("?indicator=remittances_usd&year=abc&view=table&countries=MEX", OPTIONS)
    assert (state.indicator, state.year, state.view, state.countries) == ("remittances_usd", None, "table", ("MEX",))
    assert state.rejected == ("year",)


# --- invalid input falls back and is listed -----------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
TOO_MANY = ",".join(SORTED_COUNTRIES[: MAX_COUNTRIES + 1])


@pytest.mark.parametrize(
    ("query", "rejected"),
    [
        ("indicator=nope", {"indicator"}),
        ("indicator=", {"indicator"}),
        ("indicator=EMIGRANT_SHARE", {"indicator"}),
        ("indicator=" + SCRIPT, {"indicator"}),
        ("indicator=" + quote(SCRIPT, safe=""), {"indicator"}),
        ("year=1991", {"year"}),  # not one of emigrant_share's 5-yearly years
        ("year=abc", {"year"}),
        ("year=", {"year"}),
        ("year=-2020", {"year"}),
        ("year=2020.0", {"year"}),
        ("year=1e3", {"year"}),
        ("year=" + SCRIPT, {"year"}),
        ("indicator=tertiary_emigration_rate&year=2020", {"year"}),  # valid for the default, not for this one
        ("indicator=nope&year=2024", {"indicator", "year"}),  # year checked against the fallback indicator
        ("focus=mars", {"focus"}),
        ("focus=LAC", {"focus"}),
        ("focus=", {"focus"}),
        ("countries=XXX", {"countries"}),
        ("countries=MEXI", {"countries"}),
        ("countries=MX", {"countries"}),
        ("countries=", {"countries"}),
        ("countries=,,", {"countries"}),
        ("countries=MEX,XXX", {"countries"}),  # one bad code rejects the list
        ("countries=M3X", {"countries"}),
        ("countries=" + TOO_MANY, {"countries"}),
        ("countries=" + SCRIPT, {"countries"}),
        ("scale=cubic", {"scale"}),
        ("scale=Log", {"scale"}),
        ("scale=", {"scale"}),
        ("view=chart", {"view"}),
        ("view=", {"view"}),
        ("lang=xx", {"lang"}),
        ("lang=EN", {"lang"}),
        ("lang=" + SCRIPT, {"lang"}),
        ("foo=bar", {"foo"}),
        (SCRIPT + "=1", {SCRIPT}),
        ("%ZZ=%ZZ", {"%ZZ"}),
        ("%FF%FE=1", {"\ufffd\ufffd"}),
        ("%00=1", {"\x00"}),
        ("indicator=%FF", {"indicator"}),
        ("year=%00", {"year"}),
        ("indicator=remittances_usd&junk=" + "x" * MAX_QUERY, {"query"}),  # too long: nothing is read
        ("&".join(f"k{i}=1" for i in range(21)), {"query"}),  # too many fields
    ],
)
def test_invalid_parameters_fall_back_to_defaults(query, rejected):
    state = decode(query, OPTIONS)
    assert set(state.rejected) == rejected
    assert_valid(state)
    for key in PARAMS:
        if key in rejected or "query" in rejected:
            assert getattr(state, key) == getattr(DEFAULT, key), key
    if "query" in rejected:
        assert state == DEFAULT


def test_overlong_query_is_rejected_whole():
    query = "indicator=remittances_usd&view=table&pad=" + "x" * MAX_QUERY
    assert len(query) > MAX_QUERY
    state = decode(query, OPTIONS)
    assert state == DEFAULT
    assert state.rejected == ("query",)


def test_query_just_under_the_limit_is_read():
    head = "indicator=remittances_usd&pad="
    state = decode(head + "x" * (MAX_QUERY - len(head)), OPTIONS)
    assert state.indicator == "remittances_usd"
    assert state.rejected == ("pad",)


def test_unknown_keys_are_truncated_in_rejected():
    state = decode("k" * 500 + "=1", OPTIONS)
    assert state == DEFAULT
    assert [len(r) for r in state.rejected] == [40]


@pytest.mark.parametrize("query", ["year=%C2%B2", "year=²", "year=20²0"])
def test_year_with_non_decimal_digit_falls_back(query):
    state = decode(query, OPTIONS)
    assert state.rejected == ("year",)
    assert state.year is None


@pytest.mark.parametrize(
    "query", ["indicator=remittances_usd&indicator=tertiary_emigration_rate", "view=table&view=map"]
)
def test_repeated_parameter_falls_back_and_is_listed(query):
    state = decode(query, OPTIONS)
    key = keys_of(query)[0]
    assert key in state.rejected
    assert getattr(state, key) == getattr(DEFAULT, key)


@pytest.mark.parametrize(
    ("query", "codes"),
    [("countries=mex", ("MEX",)), ("countries=MEX,hti", ("MEX", "HTI")), ("countries=Mex", ("MEX",))],
)
def test_lower_case_countries_are_accepted_as_typed(query, codes):
    """People type codes in lower case; a share link normalises them to upper case."""
    state = decode(query, OPTIONS)
    assert state.countries == codes
    assert state.rejected == ()


def test_each_rejected_name_is_listed_once():
    state = decode("a" * 50 + "=1&" + "a" * 60 + "=2", OPTIONS)
    assert len(state.rejected) == len(set(state.rejected))


# --- decode never raises ---------------------------------------------------------------------------------------


@FAST
@given(st.text(max_size=300))
@example("?" + "&" * 3000)
@example("%" * 10)
@example("=&=&==")
@example("?indicator=remittances_usd&year=2024&countries=MEX")
def test_decode_never_raises_on_arbitrary_text(query):
    assert_valid(decode(query, OPTIONS))


VALUES = st.text(st.characters(exclude_categories=("Cs",)), max_size=40) | st.sampled_from(
    ["2000", "2024", "1980", "MEX,HTI", "mex", "log", "table", "es", "sica", "remittances_usd", ""]
)


@FAST
@given(st.lists(st.tuples(st.sampled_from((*PARAMS, "other")), VALUES), max_size=10), st.booleans())
def test_decode_never_raises_on_arbitrary_parameters(pairs, percent_encode):
    if percent_encode:
        query = "&".join(f"{quote(k)}={quote(v, safe='')}" for k, v in pairs)
    else:
        query = "&".join(f"{k}={v}" for k, v in pairs)
    state = decode(query, OPTIONS)
    assert_valid(state)
    # whatever was read is stable when shared again
    assert decode(encode(state, OPTIONS), OPTIONS) == normalised(state)
