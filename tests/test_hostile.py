"""Hostile requests built from the running app's own callback registry (never hand-written output strings).

First a valid request of every server callback, as a control that must succeed; then thousands of forged values in
every input and store of every server callback (fixed nasty values and property-based JSON), and forged envelopes.
Every request must reach the app (counted by wrapping each callback), and every answer must be a 2xx or a
deliberate 400 (logged as a rejection, never an exception), small, quick, and reflect nothing; the process must
stay healthy with bounded memory. The three payloads that once stalled or bloated a worker are regression tests.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import app, server
from components import dashboard
from core.data import cache
from core.state import address
from core.state.urlstate import ViewState
from core.web import routes, security

MARKER = "<script>alert(1)</script>"
HANG_S = 5.0  # a hang detector, not a timing: a legitimate callback answers in milliseconds
JUNK: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    3.5,
    1e308,
    -1e308,
    2**64,
    10**400,
    "",
    " ",
    MARKER,
    "x" * 10_000,
    "é" * 500,
    "\u0000",
    "../../etc/passwd",
    "%00",
    "' OR 1=1 --",
    {"$ne": None},
    [],
    {},
    [MARKER] * 5,
    ["MEX"] * 5000,
    "A" * 100_000,
    {"points": [{"customdata": [MARKER]}]},
    [[[[[]]]]],
    {"a": {"b": {"c": MARKER}}},
    "NaN",
    "Infinity",
    "?indicator=" + MARKER,
    {str(n): n for n in range(10_000)},
    list(range(1000)),
]
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=80),
    lambda inner: st.lists(inner, max_size=8) | st.dictionaries(st.text(max_size=12), inner, max_size=8),
    max_leaves=30,
)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Rejections(logging.Handler):
    """Counts the log records of deliberate rejections (400) and of errors (500 with a traceback)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.rejected = 0
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("rejected "):
            self.rejected += 1
        elif record.levelno >= logging.ERROR:
            self.errors.append(record.getMessage() + (f" {record.exc_info[1]!r}" if record.exc_info else ""))


@pytest.fixture(scope="module")
def client() -> Any:
    test_client = server.test_client()
    assert test_client.get("/").status_code == 200  # first request: Dash fills its callback registry
    return test_client


@pytest.fixture(scope="module")
def log() -> Iterator[Rejections]:
    handler = Rejections()
    logger = logging.getLogger("lacmig")
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(old_level)


@pytest.fixture(scope="module")
def reached() -> Iterator[Counter[str]]:
    """How many requests entered each server callback (past Dash's lookup and our envelope check)."""
    counts: Counter[str] = Counter()
    originals = {}
    for output, spec in server_callbacks().items():
        originals[output] = spec["callback"]

        def counting(*args: Any, _output: str = output, _inner: Any = spec["callback"], **kwargs: Any) -> Any:
            counts[_output] += 1
            return _inner(*args, **kwargs)

        spec["callback"] = counting
    yield counts
    for output, function in originals.items():
        app.callback_map[output]["callback"] = function


def server_callbacks() -> dict[str, dict[str, Any]]:
    """Dash's registry, the server callbacks only (clientside ones are never asked of the server)."""
    return {output: spec for output, spec in app.callback_map.items() if "callback" in spec}


def canonical(identifier: dict[str, Any]) -> str:
    return json.dumps(identifier, sort_keys=True, separators=(",", ":"))


# A valid value of every input, as the page sends them (the view-state store is added by valid_values).
CONTROLS: dict[tuple[str, str], Any] = {
    ("url", "search"): "?indicator=remittances_usd&focus=sica&countries=SLV,HND",
    ("indicator", "value"): "remittances_usd",
    ("focus", "value"): "sica",
    ("countries", "data"): ["SLV", "HND"],
    ("scale", "value"): "log",
    ("view", "value"): "map",
    ("committed-year", "data"): 2015,
    ("map", "clickData"): {"points": [{"customdata": ["Guatemala", "…", "GTM"], "location": "GTM"}]},
    ("ranking", "clickData"): None,
    ("browser-lang", "data"): "en",
    ("embed-kind", "value"): "live",
    ("embed-code", "value"): "",
    ("page-meta", "data"): None,
}


def valid_values() -> dict[tuple[str, str], Any]:
    """CONTROLS with the view-state store as the page of that address holds it."""
    found = address.state_of("/", str(CONTROLS[("url", "search")]), "en")
    assert found is not None
    return {**CONTROLS, ("view-state", "data"): dashboard.store(found[0])}


PATTERN_ITEMS = {
    "data-export": {"chart": "map", "format": "view-csv", "type": "data-export"},
    "embed-open": {"chart": "map", "type": "embed-open"},
}


def outputs_of(output: str, spec: dict[str, Any]) -> Any:
    declared = spec["output"]
    items = [
        {"id": o.component_id, "property": o.component_property}
        for o in (declared if isinstance(declared, list) else [declared])
    ]
    if output.startswith(".."):  # allow_duplicate outputs travel as "property@<hash>"
        for item, text in zip(items, output.strip(".").split("..."), strict=True):
            item["property"] = text.split(".", 1)[1]
    return items if isinstance(declared, list) else items[0]


def value_of(dependency: dict[str, str], values: dict[tuple[str, str], Any]) -> Any:
    if dependency["id"].startswith("{"):
        pattern = json.loads(dependency["id"])
        concrete = PATTERN_ITEMS[pattern["type"]]
        return [{"id": concrete, "property": dependency["property"], "value": 1}]
    return {
        "id": dependency["id"],
        "property": dependency["property"],
        "value": values[(dependency["id"], dependency["property"])],
    }


def payload(output: str, values: dict[tuple[str, str], Any]) -> dict[str, Any]:
    """A request of the callback writing `output`, as the renderer sends it, with these values."""
    spec = app.callback_map[output]
    first = spec["inputs"][0]
    changed = (
        (canonical(PATTERN_ITEMS[json.loads(first["id"])["type"]]) if first["id"].startswith("{") else first["id"])
        + "."
        + first["property"]
    )
    return {
        "output": output,
        "outputs": outputs_of(output, spec),
        "inputs": [value_of(d, values) for d in spec["inputs"]],
        "state": [value_of(d, values) for d in spec["state"]],
        "changedPropIds": [changed],
    }


def map_click(code: str) -> dict[str, Any]:
    """The dashboard's request when a country is clicked on the map (the view of CONTROLS; its trend is redrawn)."""
    view = next(o for o in server_callbacks() if "trend.figure" in o)
    body = payload(view, {**valid_values(), ("map", "clickData"): {"points": [{"customdata": ["", "", code]}]}})
    body["changedPropIds"] = ["map.clickData"]
    return body


@pytest.fixture(scope="module")
def valid(client: Any) -> dict[tuple[str, str], Any]:
    return valid_values()


def send(client: Any, body: Any, log: Rejections) -> Any:
    """POST one callback request and check what every answer must satisfy."""
    rejected_before = log.rejected
    started = time.perf_counter()
    if isinstance(body, bytes):
        answer = client.post(security.CALLBACK_PATH, data=body, content_type="application/json")
    else:
        answer = client.post(security.CALLBACK_PATH, json=body)
    elapsed = time.perf_counter() - started
    text = answer.get_data(as_text=True)
    assert answer.status_code in (200, 204, 400), (answer.status_code, text[:300])
    if answer.status_code == 400:
        assert log.rejected == rejected_before + 1, "a 400 must be a deliberate rejection, logged as such"
    assert not log.errors, log.errors[:3]
    assert len(answer.get_data()) <= security.MAX_ANSWER
    assert elapsed < HANG_S, f"a request took {elapsed:.1f} s"
    assert MARKER not in text
    assert "Traceback" not in text
    return answer


def test_a_valid_request_of_every_server_callback_succeeds(
    client: Any, valid: dict, log: Rejections, reached: Counter[str]
) -> None:
    callbacks = server_callbacks()
    assert len(callbacks) >= 3
    for output in callbacks:
        answer = send(client, payload(output, valid), log)
        assert answer.status_code in (200, 204), (output[:60], answer.get_data(as_text=True)[:300])
    assert set(reached) == set(callbacks)


def mutations(valid: dict[tuple[str, str], Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(callback output, request) with one input or store replaced by a nasty value, or one field of a store; each
    sent as if each of the callback's first three inputs had changed (the address, a control, a click take different
    paths through the dashboard's callback)."""
    for output, spec in server_callbacks().items():
        triggers = [d for d in spec["inputs"] if not d["id"].startswith("{")][:3] or spec["inputs"][:1]
        for dependency in (*spec["inputs"], *spec["state"]):
            for trigger in triggers:
                for junk in JUNK:
                    body = payload(output, valid)
                    if not trigger["id"].startswith("{"):
                        body["changedPropIds"] = [f"{trigger['id']}.{trigger['property']}"]
                    for section in ("inputs", "state"):
                        for item in body[section]:
                            if isinstance(item, dict) and item["id"] == dependency["id"]:
                                item["value"] = junk
                            elif isinstance(item, list) and dependency["id"].startswith("{"):
                                item[0]["value"] = junk
                    yield output, body
    store = valid[("view-state", "data")]
    for output, spec in server_callbacks().items():
        if {"id": "view-state", "property": "data"} not in (*spec["inputs"], *spec["state"]):
            continue
        for field in store:
            for junk in JUNK:
                values = {**valid, ("view-state", "data"): {**store, field: junk}}
                yield output, payload(output, values)


def test_thousands_of_forged_values_reach_the_callbacks_and_are_answered_honestly(
    client: Any, valid: dict, log: Rejections, reached: Counter[str]
) -> None:
    before = rss_mb()
    sent = Counter()
    for output, body in mutations(valid):
        send(client, body, log)
        sent[output] += 1
    total = sum(sent.values())
    assert total >= 2000, total
    for output, count in sent.items():
        assert reached[output] >= count, f"{output[:50]}: {reached[output]} of {count} requests reached it"
    assert rss_mb() - before < 80, f"memory grew by {rss_mb() - before:.0f} MB"


@settings(max_examples=600, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_property_based_values_in_every_input(client: Any, valid: dict, log: Rejections, data: Any) -> None:
    output = data.draw(st.sampled_from(sorted(server_callbacks())))
    body = payload(output, valid)
    spec = app.callback_map[output]
    position = data.draw(st.integers(0, len(spec["inputs"]) + len(spec["state"]) - 1))
    section, index = (
        ("inputs", position) if position < len(spec["inputs"]) else ("state", position - len(spec["inputs"]))
    )
    item = body[section][index]
    target = item[0] if isinstance(item, list) else item
    target["value"] = data.draw(JSON_VALUES)
    send(client, body, log)


ENVELOPES: list[Any] = [
    b"{",
    b"[]",
    b"null",
    b'{"output": 5}',
    b'{"output": "x.y", "inputs": "z"}',
    b"\xff\xfe" * 10,
    b"{" * 5000,
    b'{"a":' * 2000,
    b'"' + b"x" * 1000 + b'"',
]


def envelope_mutations(valid: dict[tuple[str, str], Any]) -> Iterator[Any]:
    for output in server_callbacks():
        body = payload(output, valid)
        yield {**body, "output": output + "x"}  # unknown callback
        yield {**body, "extra": 1}
        yield {**body, "inputs": body["inputs"][:-1]}  # one input missing
        yield {**body, "inputs": [*body["inputs"], body["inputs"][0]]}
        yield {**body, "state": [{"id": "other", "property": "data", "value": 1}] * max(1, len(body["state"]))}
        yield {**body, "outputs": [{"id": MARKER, "property": "x"}]}
        yield {**body, "changedPropIds": ["nope.value"]}
        yield {**body, "changedPropIds": [MARKER] * 3}
        yield {**body, "changedPropIds": "url.search"}
        yield {k: v for k, v in body.items() if k != "outputs"}
        renamed = json.loads(json.dumps(body))
        for item in renamed["inputs"]:
            target = item[0] if isinstance(item, list) else item
            target["id"] = {"type": MARKER} if isinstance(target["id"], dict) else MARKER
        yield renamed
    for clientside in (o for o, spec in app.callback_map.items() if "callback" not in spec):
        yield {"output": clientside, "outputs": [], "inputs": [], "state": [], "changedPropIds": []}


def test_forged_envelopes_are_rejected_before_any_callback(
    client: Any, valid: dict, log: Rejections, reached: Counter[str]
) -> None:
    before = sum(reached.values())
    count = 0
    for body in [*ENVELOPES, *envelope_mutations(valid)]:
        assert send(client, body, log).status_code == 400
        count += 1
    assert count >= len(ENVELOPES) + 11 * len(server_callbacks())
    assert sum(reached.values()) == before, "a forged envelope reached a callback"


def state_body(valid: dict[tuple[str, str], Any], output_contains: str, **changes: Any) -> dict[str, Any]:
    output = next(o for o in server_callbacks() if output_contains in o)
    values = {**valid, ("view-state", "data"): {**valid[("view-state", "data")], **changes}}
    return payload(output, values)


def test_regression_a_100_kb_country_list_is_rejected_at_once(client: Any, valid: dict, log: Rejections) -> None:
    """countries="A"*100000 in the state store once looped past gunicorn's timeout in trend_lines."""
    answer = send(client, state_body(valid, "trend.figure", countries="A" * 100_000), log)
    assert answer.status_code == 400


def test_regression_five_thousand_countries_give_no_huge_answer(client: Any, valid: dict, log: Rejections) -> None:
    """countries=["MEX"]*5000 (40 KB sent) once returned a 104 MB answer."""
    answer = send(client, state_body(valid, "trend.figure", countries=["MEX"] * 5000), log)
    assert answer.status_code == 400
    assert len(answer.get_data()) < 1000


def test_regression_random_scales_add_no_cache_entries(client: Any, valid: dict, log: Rejections) -> None:
    """Any string as `scale` was a new cache key holding a 1.2 MB map: 150 requests took a worker to 598 MB. The
    map's years now come from a route; neither it nor the view callback caches anything for a scale of no view."""
    backend = cache.backend()
    assert isinstance(backend, cache.LocalBackend)
    frames = routes.frames_url(ViewState(indicator="remittances_usd", focus="sica", scale="log"))
    assert client.get(frames).status_code == 200  # the valid view, cached
    view = next(o for o in server_callbacks() if "trend.figure" in o)
    entries, before = len(backend.items), rss_mb()
    rng = random.Random(3)
    for _ in range(150):
        scale = "".join(rng.choice("abcdefghij") for _ in range(12))
        assert client.get(frames.replace("/log/", f"/{scale}/")).status_code == 404
        values = {**valid, ("view-state", "data"): {**valid[("view-state", "data")], "scale": scale}}
        assert send(client, payload(view, values), log).status_code == 400
    assert len(backend.items) == entries
    assert rss_mb() - before < 20


def test_every_valid_view_answer_stays_far_below_the_cap(client: Any, valid: dict, log: Rejections) -> None:
    """The largest legitimate answers (the World in table view, in French) and the cap's margin; the map of
    every year of the largest views, from its route, stays within what a phone should fetch."""
    view = next(o for o in server_callbacks() if "trend.figure" in o)
    largest = largest_map = 0
    for indicator in ("remittances_usd", "remittances_gdp", "emigrant_share"):
        for lang in ("en", "fr"):
            state = {
                **valid[("view-state", "data")],
                "indicator": indicator,
                "focus": "lac",
                "lang": lang,
                "year": None,
                "scale": None,
                "view": "table",
            }
            values = {
                **valid,
                ("view-state", "data"): state,
                ("focus", "value"): "world",
                ("indicator", "value"): indicator,
                ("view", "value"): "table",
            }
            body = payload(view, values)
            body["changedPropIds"] = ["focus.value"]
            answer = send(client, body, log)
            assert answer.status_code == 200
            largest = max(largest, len(answer.get_data()))
            url = routes.frames_url(ViewState(indicator=indicator, focus="world", lang=lang))
            largest_map = max(largest_map, len(client.get(url).get_data()))
    assert largest * 2 < security.MAX_ANSWER, largest
    assert largest_map * 2 < security.MAX_ANSWER, largest_map


def test_hostile_page_addresses_are_answered_without_reflection(client: Any) -> None:
    rng = random.Random(20261123)
    bases = [
        "/",
        "/embed/map",
        "/embed/trend",
        "/embed/ranking",
        "/embed/" + MARKER,
        "/data/geometry.x.json",
        "/data/frames/x/" + MARKER + "/lac/linear/en.json",
        "/country/SLV",
        "/corridors/MEX",
        "/country/" + MARKER,
        "/.env",
        "/embed/map/",
        "/x/y/z",
    ]
    # Data links refuse what the pages fall back from: a one-line 400 (core/web/opendata.py), or 404 for a bad path.
    data = [
        "/data/v1/emigrant_share.csv",
        "/data/v1/country/SLV.json",
        "/data/v1/corridors/MEX.xlsx",
        "/data/v1/" + MARKER + ".csv",
        "/data/v1/datapackage.json",
        "/data/v1/dataset/indicators.csv",
        "/data/v1/remittances_usd.datapackage.json",
    ]
    for _ in range(400):
        key = rng.choice(
            ["indicator", "year", "focus", "countries", "scale", "view", "lang", "chart", "edition", MARKER, "x" * 300]
        )
        value = rng.choice([MARKER, "%3Cscript%3E", "'\"><img src=x onerror=alert(1)>", "1" * 5000, "%ZZ", "%00"])
        base = rng.choice(bases + data)
        answer = client.get(f"{base}?{key}={value}")
        assert answer.status_code in ((200, 404) if base in bases else (400, 404)), (base, answer.status_code)
        text = answer.get_data(as_text=True)
        assert "<script>alert(1)" not in text
        assert "onerror=alert" not in text


def test_oversized_bodies_are_refused(client: Any) -> None:
    big = b"{" + b" " * (3 * 1024 * 1024) + b"}"
    assert client.post(security.CALLBACK_PATH, data=big, content_type="application/json").status_code == 413


def test_still_healthy_after_all_that(client: Any, valid: dict, log: Rejections) -> None:
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.get_json()["status"] == "ok"
    assert client.get("/").status_code == 200
    panels = next(o for o in server_callbacks() if "trend.figure" in o)
    assert send(client, payload(panels, valid), log).status_code == 200
