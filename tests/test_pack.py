"""The briefing pack's server side (components/pack.py, core/web/exports.py image_meta): every chart's Download menu
offers it, the page meta carries what a slide and its notes need, the data files a pack fetches answer, its words
exist in four languages, and its writers are vendored with their licences and kept off the page until asked for.
The pack itself is the browser's: tests/test_browser_pack.py builds one."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from app import app, server
from components import ids, pack, pages
from core.data.store import get_store
from core.i18n.catalog import LANGUAGES, catalog

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "assets" / "vendor"
PAGES = [("/", "countries=SLV&lang=es"), ("/country/SLV", "lang=fr"), ("/corridors/MEX", "direction=in&lang=pt")]


@pytest.fixture(scope="module")
def client() -> Any:
    return server.test_client()


def built(path: str, query: str) -> tuple[list[Any], dict[str, Any]]:
    page = pages.build(path, query, None)
    assert page is not None
    components = list(page.layout._traverse())
    meta = next(c.data for c in components if getattr(c, "id", None) == ids.PAGE_META)
    return components, meta


@pytest.mark.parametrize(("path", "query"), PAGES)
def test_every_chart_can_join_the_pack(path: str, query: str) -> None:
    components, meta = built(path, query)
    offered = {
        c.id["chart"] for c in components if isinstance(getattr(c, "id", None), dict) and c.id["type"] == "pack-add"
    }
    assert offered == set(meta["charts"])
    assert len(offered) >= 3
    assert sum(getattr(c, "id", None) == ids.PACK_OPEN for c in components) == 1  # the header's button


@pytest.mark.parametrize(("path", "query"), PAGES)
def test_the_page_meta_holds_what_a_slide_needs(path: str, query: str) -> None:
    _, meta = built(path, query)
    lang = parse_qs(query)["lang"][0]
    assert meta["lang"] == lang
    assert meta["edition"] == {"id": get_store().version, "name": meta["edition"]["name"]}
    assert meta["edition"]["name"]
    for chart_id, chart in meta["charts"].items():
        assert chart["title"]
        assert chart["subtitle"]
        assert "{url}" in chart["source"]  # the browser writes the page's address there
        assert chart["description"]
        assert all(isinstance(line, str) and line for line in chart["facts"])
        assert all(isinstance(line, str) and line for line in chart["numbers"])
        assert chart["numbers"] or not chart["facts"]  # only a chart without data has neither
        assert chart["sources"], chart_id
        assert set(chart["sources"]) <= set(meta["sources"])
        if chart["kind"] in ("map", "flow_map"):
            assert "natural_earth_50m_admin0" in chart["sources"]  # the shapes are a source too
        files = chart["files"]
        assert set(files) == {"csv", "xlsx", "datapackage"}
        for name, link in files.items():
            asked = urlsplit(link)
            assert asked.path.startswith("/data/v1/")
            assert asked.path.endswith(".datapackage.json" if name == "datapackage" else f".{name}")
            found = parse_qs(asked.query)
            assert found["edition"] == [get_store().version]  # pinned: the numbers the picture shows
            assert found["chart"] == [chart_id]
            assert found["lang"] == [lang]
    for source in meta["sources"].values():
        assert {"publisher", "edition", "citation", "url", "licence", "licence_url"} <= set(source)
        assert all(source.values())
        assert source["licence_url"].startswith("https://")


def test_a_chart_names_its_sources_in_the_pages_language() -> None:
    _, meta = built("/country/SLV", "lang=es")
    assert meta["sources"]["undesa_ims2024_totals"]["licence"] == "CC BY 3.0 IGO"
    assert meta["sources"]["iab_brain_drain"]["licence"].startswith("Uso científico libre")
    assert meta["charts"]["pf-skilled"]["sources"][0] == "iab_brain_drain"


@pytest.mark.parametrize(("path", "query"), PAGES)
def test_the_files_a_pack_fetches_answer(client: Any, path: str, query: str) -> None:
    _, meta = built(path, query)
    chart = next(iter(meta["charts"].values()))
    kinds = {"csv": "text/csv", "xlsx": "spreadsheetml", "datapackage": "application/json"}
    for name, link in chart["files"].items():
        answer = client.get(link)
        assert answer.status_code == 200, link
        assert kinds[name] in answer.headers["Content-Type"]
        assert "immutable" in answer.headers["Cache-Control"]  # pinned to its edition


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_pack_speaks_every_language(lang: str) -> None:
    words = pack.words(lang)
    assert words["lang"] == lang
    assert words["max"] == pack.MAX_CHARTS == 20
    assert set(words["languages"]) == set(LANGUAGES)
    texts = {key: value for key, value in words.items() if isinstance(value, str)}
    assert all(text.strip() for text in texts.values())
    assert texts["default_title"] == catalog(lang)["app.title"]
    for form in ("count", "slides"):  # plural forms, chosen by Intl.PluralRules in the browser
        assert texts[f"{form}_one"]
        assert texts[f"{form}_other"]


def test_the_pack_keys_sit_after_the_export_keys() -> None:
    for lang in LANGUAGES:
        keys = list(catalog(lang))
        packs = [i for i, key in enumerate(keys) if key.startswith("pack.")]
        assert packs == list(range(packs[0], packs[0] + len(packs)))  # one block
        assert keys[packs[0] - 1].startswith("export.")
        assert not any(key.startswith("export.") for key in keys[packs[-1] :])


def test_the_writers_are_vendored_with_their_licences() -> None:
    jszip, pptxgen = (VENDOR / Path(urlsplit(url).path).name for url in pack.WRITER)
    assert jszip.read_text(encoding="utf-8").lstrip("/*!\n ").startswith("JSZip v3.10.1")
    assert pptxgen.read_text(encoding="utf-8").startswith("/* PptxGenJS 4.0.1 ")
    for url in pack.WRITER:  # the ?v= of each address is the vendored version
        version = parse_qs(urlsplit(url).query)["v"][0]
        assert version in (VENDOR / Path(urlsplit(url).path).name).read_text(encoding="utf-8")[:400]
    for licence in ("LICENSE-pptxgenjs.txt", "LICENSE-jszip.txt", "LICENSE-pako.txt"):
        assert "Permission is hereby granted" in (VENDOR / licence).read_text(encoding="utf-8")
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    assert "`pptxgen.min.js`" in readme
    assert "`jszip.min.js`" in readme
    for bundle in (jszip, pptxgen):
        assert "sourceMappingURL" not in bundle.read_text(encoding="utf-8")  # no map the site does not serve


def test_the_writers_load_only_when_a_pack_is_downloaded(client: Any) -> None:
    """Dash loads every script of assets/ with the page, except those it is told to ignore."""
    assert "/assets/pack.js" in app._generate_scripts_html()
    page = client.get("/").get_data(as_text=True)
    listed = re.search(r'<script id="page-scripts" type="application/json">(.*?)</script>', page, re.S)
    assert listed is not None
    scripts = json.loads(listed.group(1))  # what assets/boot.js loads when the visitor shows intent
    assert any("/assets/pack.js" in url for url in scripts)
    assert not any("pptxgen" in url or "jszip" in url for url in scripts)
    assert not re.search(r'<script[^>]+src="[^"]*(pptxgen|jszip)', page)
    for url in pack.WRITER:
        assert client.get(url).status_code == 200


def test_the_policy_lets_the_pack_work_and_nothing_more(client: Any) -> None:
    """Thumbnails of the pack are blob: images; its writers are scripts of this host; its data files are fetched from
    this host; no worker, no other host."""
    policy = client.get("/").headers["Content-Security-Policy"]
    rules = dict(rule.strip().split(" ", 1) for rule in policy.split(";"))
    assert "blob:" in rules["img-src"].split()
    assert rules["connect-src"] == "'self'"
    assert rules["script-src"].split()[0] == "'self'"
    assert "'unsafe-eval'" not in rules["script-src"]
    assert "worker-src" not in rules
