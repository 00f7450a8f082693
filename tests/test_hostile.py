"""Over a thousand malformed or hostile requests: no 5xx, nothing reflected as markup, the server still healthy."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from app import server
from components import ids
from tests.test_callbacks import SYNC_INPUTS

SCRIPT = "<script>alert(1)</script>"
JUNK: list[Any] = [
    None, True, -1, 3.5, 1e308, "", " ", SCRIPT, "x" * 10_000, "é" * 500, "\u0000", "../../etc/passwd",
    "%00", "' OR 1=1 --", {"$ne": None}, [], [SCRIPT] * 5, ["MEX"] * 5000, {"points": [{"customdata": [SCRIPT]}]},
    [[[[[]]]]], {"a": {"b": {"c": SCRIPT}}}, "NaN", "Infinity", 2**64, "?indicator=" + SCRIPT,
]  # fmt: skip
SYNC_PROPS = {
    "search": (ids.URL, "search"), "indicator": (ids.INDICATOR, "value"), "focus": (ids.FOCUS, "value"),
    "countries": (ids.COUNTRIES, "value"), "scale": (ids.SCALE, "value"), "view": (ids.VIEW, "value"),
    "year": (ids.COMMITTED_YEAR, "data"), "map_click": (ids.MAP, "clickData"),
    "ranking_click": (ids.RANKING, "clickData"), "lang": (ids.LANG, "value"),
}  # fmt: skip
SYNC_OUTPUT = (
    "..url.search...view-state.data...view-key.data...indicator.value...focus.value...countries.value..."
    "scale.value...view.value...year.min...year.max...year.step...year.marks...year.value...notice.children..."
    "lang.value...replace-url.data.."
)


@pytest.fixture(scope="module")
def client() -> Any:
    return server.test_client()


def sync_payload(rng: random.Random) -> dict[str, Any]:
    values = {name: rng.choice(JUNK) for name in SYNC_PROPS}
    changed = rng.choice(list(SYNC_PROPS.values()))
    return {
        "output": SYNC_OUTPUT,
        "outputs": [{"id": o.split(".")[0], "property": o.split(".")[1]} for o in SYNC_OUTPUT.strip(".").split("...")],
        "inputs": [{"id": i, "property": p, "value": values[name]} for name, (i, p) in SYNC_PROPS.items()],
        "state": [
            {"id": ids.VIEW_KEY, "property": "data", "value": rng.choice(JUNK)},
            {"id": ids.BROWSER_LANG, "property": "data", "value": rng.choice(JUNK)},
        ],
        "changedPropIds": [f"{changed[0]}.{changed[1]}"],
    }


def view_payload(rng: random.Random) -> dict[str, Any]:
    """The view callbacks fed a forged state store (it normally comes from sync_state)."""
    state = {k: rng.choice(JUNK) for k in ("indicator", "focus", "year", "countries", "scale", "view", "lang")}
    return {
        "output": f"{ids.FRAMES}.data",
        "outputs": {"id": ids.FRAMES, "property": "data"},
        "inputs": [{"id": ids.VIEW_KEY, "property": "data", "value": rng.choice(JUNK)}],
        "state": [{"id": ids.STATE, "property": "data", "value": rng.choice([state, *JUNK])}],
        "changedPropIds": [f"{ids.VIEW_KEY}.data"],
    }


def raw_bodies(rng: random.Random) -> bytes:
    return rng.choice(
        [b"{", b"[]", b"null", b'{"output": 5}', b'{"output": "x.y", "inputs": "z"}', b"\xff\xfe" * 10,
         json.dumps({"output": SYNC_OUTPUT}).encode(), b"{" * 5000, b'{"a":' * 2000]
    )  # fmt: skip


def page_path(rng: random.Random) -> str:
    key = rng.choice(["indicator", "year", "focus", "countries", "scale", "view", "lang", SCRIPT, "x" * 300])
    value = rng.choice([SCRIPT, "%3Cscript%3E", "'\"><img src=x onerror=alert(1)>", "1" * 5000, "%ZZ", "%00"])
    bases = ["/", "/embed/map", "/embed/trend", "/embed/ranking", "/embed/" + SCRIPT, "/data/geometry.x.json"]
    base = rng.choice(bases)
    return f"{base}?{key}={value}"


def check(response: Any) -> None:
    assert response.status_code < 500, response.get_data(as_text=True)[:300]
    body = response.get_data(as_text=True)
    assert "<script>alert(1)" not in body
    assert "onerror=alert" not in body
    assert "Traceback" not in body


def test_a_thousand_hostile_requests(client: Any) -> None:
    rng = random.Random(20261123)
    sent = 0
    for _ in range(400):
        check(client.post("/_dash-update-component", json=sync_payload(rng)))
        sent += 1
    for _ in range(200):
        check(client.post("/_dash-update-component", json=view_payload(rng)))
        sent += 1
    for _ in range(150):
        check(client.post("/_dash-update-component", data=raw_bodies(rng), content_type="application/json"))
        sent += 1
    for _ in range(300):
        check(client.get(page_path(rng)))
        sent += 1
    oversized = client.post("/_dash-update-component", data=b"{" + b" " * (3 * 1024 * 1024) + b"}",
                            content_type="application/json")  # fmt: skip
    assert oversized.status_code == 413
    sent += 1
    assert sent >= 1000
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.get_json()["status"] == "ok"
    # Still serving real work after all that.
    assert client.get("/").status_code == 200


def test_every_sync_input_alone_is_safe(client: Any) -> None:
    for name in SYNC_INPUTS:
        if name not in SYNC_PROPS:
            continue
        for junk in JUNK:
            payload = sync_payload(random.Random(0))
            for item in payload["inputs"]:
                item["value"] = None
            index = list(SYNC_PROPS).index(name)
            payload["inputs"][index]["value"] = junk
            payload["changedPropIds"] = [f"{SYNC_PROPS[name][0]}.{SYNC_PROPS[name][1]}"]
            check(client.post("/_dash-update-component", json=payload))
