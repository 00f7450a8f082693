"""Open data at stable addresses: which numbers a data link names, parsed as strictly as a callback's inputs, and the
link of any view or chart.

The one rule that turns a page link into its data link: `/data/v1/` + what the page is about + `.csv` (or `.json`,
`.xlsx`) + the page's query string. What a page is about is its indicator on the dashboard and its path elsewhere:
    /?indicator=remittances_usd&focus=sica&countries=SLV  ->  /data/v1/remittances_usd.csv?focus=sica&countries=SLV
    /country/SLV?lang=es                                  ->  /data/v1/country/SLV.csv?lang=es
    /corridors/MEX?direction=in&cyear=2010                ->  /data/v1/corridors/MEX.csv?direction=in&cyear=2010
    /then-and-now?lang=fr                                 ->  /data/v1/then-and-now.csv?lang=fr
The query keeps the page's vocabulary (core/state/urlstate.py); parameters that do not shape a file (scale, view, an
`indicator=` equal to the path's) may stay. Two more: `chart=<id>` narrows the file to one chart's numbers (the id of
its embed address: map, trend, ranking, pf-trend-<indicator>, cv-costs, ...), `edition=<id>` pins a data edition.
Labels follow `lang=` (English without it, whatever the browser's language). `.datapackage.json` in place of the
format gives the file's Frictionless Data Package.

Without `chart=`: the dashboard's file is the indicator's series for the selected countries (else every member of
the focus), every year, or the published values of `year=`; a profile's is its figures beside its groups'; a corridor
view's is its table of corridors; the "2005 → today" page's is its comparison (each statement's figure beside today's
measures)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import parse_qsl, urlencode

from core.charts import registry
from core.data import queries
from core.data.store import edition_ids, get_store
from core.i18n.catalog import t
from core.state.options import options
from core.state.urlstate import MAX_QUERY, PARAMS, ViewState, decode, encode, path_of, route, with_route
from core.web import exports

PREFIX = "/data/v1"
FORMATS = ("csv", "json", "xlsx")
PACKAGE = "datapackage"  # <file>.datapackage.json: the Data Package of a data link
SECTIONS = ("country", "corridors")  # the pages with a path of their own
DATA_PARAMS = ("chart", "edition")  # beside the page vocabulary
PAGE_DEFAULT_CHART = {"corridors": "cv-corridors"}  # a corridor view's file without chart=: who lives where
SHAPING = {  # the page parameters a data link keeps (the others do not change its numbers)
    "dashboard": ("year", "focus", "countries", "lang"),
    "country": ("lang",),
    "corridors": ("direction", "cyear", "lang"),
    "thennow": ("lang",),
}
SINGLE = {"then-and-now": "thennow"}  # pages of no subject with a file of their own: /data/v1/<name>.<format>
MAX_ROWS = 5000  # larger asks (a world-wide annual series) are pointed to the whole-dataset file
DATASET_HINT = f"{PREFIX}/dataset/indicators.csv"
NAME = re.compile(r"[a-z_]{1,20}")  # a parameter name safe to repeat in an answer


class AskError(ValueError):
    """A data link that names no file of ours: the one-line reason and the status it is answered with."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status


@dataclass(frozen=True)
class Ask:
    """A valid data link: the view (page, subject, indicator, year, focus, countries, lang, ...), the chart it
    narrows to, the edition it pins and the format."""

    state: ViewState
    chart: str | None
    edition: str | None
    fmt: str


def split_name(name: str) -> tuple[str, str]:
    """("emigrant_share", "csv") from "emigrant_share.csv"; the format is PACKAGE for "<stem>.datapackage.json"."""
    stem, _, fmt = name.rpartition(".")
    if fmt == "json" and stem.endswith("." + PACKAGE):
        return stem.removesuffix("." + PACKAGE), PACKAGE
    if not stem or fmt not in FORMATS:
        raise AskError(404, "no such file: data links end in .csv, .json, .xlsx or .datapackage.json")
    return stem, fmt


def _subject(section: str | None, stem: str) -> tuple[str, str | None, str | None]:
    """(page, subject, indicator named by the path) of a data link's path, or AskError 404."""
    valid = options()
    if section is None and stem in SINGLE:
        return SINGLE[stem], None, None
    if section is None:
        if stem not in valid.years:
            raise AskError(404, f"not an indicator of ours: the indicators are {', '.join(valid.years)}")
        return "dashboard", None, stem
    if section not in SECTIONS:
        raise AskError(404, "no such page: data links are /data/v1/<indicator>, country/<ISO3>, corridors/<subject>")
    found = route(f"/{section}/{stem}", valid)
    if found is None:
        raise AskError(404, f"no {section} page of ours has that name")
    return found[0], found[1], None


def _reason(name: str, state: ViewState) -> str:
    """Why a parameter was refused, in one line that repeats nothing the client sent but a plain parameter name."""
    valid = options()
    if name == "query":
        return f"the query string is longer than {MAX_QUERY} characters or malformed"
    if name not in PARAMS:
        named = f" {name!r}" if NAME.fullmatch(name) else ""
        return f"unknown parameter{named}: the parameters are {', '.join((*PARAMS, *DATA_PARAMS))}"
    hints = {
        "indicator": ", ".join(valid.years),
        "year": f"a year of {state.indicator}: {', '.join(map(str, valid.years[state.indicator]))}",
        "focus": ", ".join(valid.focuses),
        "countries": "up to 12 known ISO3 codes, comma-separated",
        "lang": ", ".join(valid.languages),
        "cyear": ", ".join(map(str, valid.corridor_years)),
        "direction": "out, in",
        "scale": "linear, log",
        "view": "map, table",
    }
    return f"{name}: not a valid value, or given twice (expected {hints.get(name, '')})"


def parse(section: str | None, name: str, query: str) -> Ask:
    """The data link `/data/v1/[<section>/]<name>?<query>`, checked as strictly as the pages' inputs: an unknown
    parameter or a value that names nothing of ours is an AskError 400, a path that names nothing a 404."""
    stem, fmt = split_name(name)
    page, subject, indicator = _subject(section, stem)
    if len(query) > MAX_QUERY:
        raise AskError(400, f"the query string is longer than {MAX_QUERY} characters")
    try:
        pairs = parse_qsl(query, keep_blank_values=True, max_num_fields=len(PARAMS) + len(DATA_PARAMS))
    except ValueError:
        raise AskError(400, "too many parameters") from None
    extra: dict[str, str] = {}
    for key, value in pairs:
        if key in DATA_PARAMS:
            if key in extra:
                raise AskError(400, f"{key}: given twice")
            extra[key] = value
    rest = [(k, v) for k, v in pairs if k not in DATA_PARAMS]
    if indicator is not None:
        if any(k == "indicator" and v != indicator for k, v in rest):
            raise AskError(400, f"indicator: the path names {indicator}")
        rest = [(k, v) for k, v in rest if k != "indicator"] + [("indicator", indicator)]
    state = decode(urlencode(rest), options())
    if state.rejected:
        raise AskError(400, _reason(state.rejected[0], state))
    state = with_route(state, path_of(page, subject), options())
    if state.rejected:  # who lives in a group is not a corridor view of ours
        raise AskError(400, "direction: a group's corridor view is where its emigrants live (direction=out)")
    chart = extra.get("chart")
    if chart is not None and registry.page_of(chart) != page:
        charts = ", ".join(spec.id for spec in registry.specs(page))
        raise AskError(400, f"chart: not a chart of this page (its charts are {charts})")
    edition = extra.get("edition")
    if edition is not None and edition not in edition_ids():
        raise AskError(400, f"edition: not a data edition of ours (the editions are {', '.join(edition_ids())})")
    return Ask(state=state, chart=chart or PAGE_DEFAULT_CHART.get(page), edition=edition, fmt=fmt)


def link(state: ViewState, chart: str | None = None, fmt: str = "csv", edition: str | None = None) -> str:
    """The data link of a view (of one of its charts; pinned to an edition), by the rule of this module, keeping
    only the parameters that shape its numbers."""
    pairs = [(k, v) for k, v in parse_qsl(encode(state, options()).lstrip("?")) if k in SHAPING[state.page]]
    pairs += [(k, v) for k, v in (("chart", chart), ("edition", edition)) if v]
    single = next((name for name, page in SINGLE.items() if page == state.page), None)
    about = state.indicator if state.page == "dashboard" else single or f"{state.page}/{state.subject}"
    query = "?" + urlencode(pairs, safe=",") if pairs else ""
    return f"{PREFIX}/{about}.{fmt}{query}"


def links(state: ViewState, charts: tuple[str, ...]) -> dict[str, str]:
    """The data link of each chart of a page, relative to the site: what its Download menu's "Copy data link" copies."""
    return {chart: link(state, chart) for chart in charts}


def pinned_files(state: ViewState, charts: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """Each chart's numbers as CSV, Excel and Data Package, pinned to the edition served: a briefing pack fetches them
    later and must get the numbers its picture shows (core/web/exports.py, image_meta)."""
    version = get_store().version
    formats = {"csv": "csv", "xlsx": "xlsx", PACKAGE: f"{PACKAGE}.json"}
    return {chart: {name: link(state, chart, fmt, version) for name, fmt in formats.items()} for chart in charts}


def page_link(state: ViewState) -> str:
    """The address of the page a data link comes from (the Address note of its files)."""
    return path_of(state.page, state.subject) + encode(state, options())


def _series(ask: Ask, site: str, link_: str) -> exports.Table:
    """The dashboard's own file: the indicator's series for the selected countries (else the focus's members), every
    year or only the values published for `year=`."""
    state = ask.state
    table = exports.series_table(state, site, link_, date.today())
    frame = table.frame
    codes = state.countries or queries.group_members(state.focus)
    keep = frame["iso3"].isin(codes)
    when = "all_years"
    if state.year is not None:
        keep &= frame[t("table.year_plain", state.lang)] == state.year
        when = str(state.year)
    name = f"{state.indicator}_{'_'.join(state.countries) if state.countries else state.focus}_{when}"
    return replace(table, name=name, frame=frame[keep].reset_index(drop=True))


def table(ask: Ask, site: str) -> exports.Table:
    """The file a valid data link names, built in the edition being served (see core.data.store.serving): a chart's
    table as its Download menu gives it, or the page's own file; AskError 400 when it is larger than MAX_ROWS."""
    state, today, link_ = ask.state, date.today(), page_link(ask.state)
    if ask.chart is not None:
        chart = registry.build(state, ask.chart)
        if chart is None:  # parse() checked the chart's page: this is a bug of ours
            raise LookupError(f"chart {ask.chart} not built for {state.page}")
        found = exports.chart_table(chart, state, site, link_, today)
    elif state.page == "country":
        found = exports.profile_table(state, site, link_, today)
    elif state.page == "thennow":
        found = exports.then_and_now_table(state, site, link_, today)
    else:
        found = _series(ask, site, link_)
    if len(found.frame) > MAX_ROWS:
        raise AskError(
            400,
            f"this file would have {len(found.frame)} rows, more than the {MAX_ROWS} a data link gives: narrow it "
            f"(year=, countries=) or take the whole dataset at {DATASET_HINT}",
        )
    return found
