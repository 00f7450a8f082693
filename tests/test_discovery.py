"""What search engines and link-sharing apps read: each page's head (a description from its data, canonical and
alternate addresses, Open Graph and Twitter tags), the preview image of every canonical view, the sitemap and
robots.txt."""

from __future__ import annotations

import html
import re
import struct
import xml.etree.ElementTree as ET
from typing import Any

import pytest

from app import server
from core.data.store import get_store
from core.state.options import options

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def client() -> Any:
    return server.test_client()


def head_of(client: Any, address: str) -> str:
    text = client.get(address).get_data(as_text=True)
    return text[: text.index("</head>")]


def meta(head: str, key: str) -> str:
    found = re.search(rf'<meta (?:name|property)="{re.escape(key)}" content="([^"]*)"', head)
    assert found is not None, key
    return html.unescape(found.group(1))


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_a_spanish_profile_has_a_spanish_head_written_from_its_data(client: Any) -> None:
    head = head_of(client, "/country/SLV?lang=es")
    assert "<title>El Salvador: perfil de migración y desarrollo" in head
    description = meta(head, "description")
    assert description.startswith("Emigrantes")
    assert re.search(r"\d+,\d\s%", description)  # a figure, written the Spanish way
    assert len(description) <= 160
    assert '<link rel="canonical" href="http://localhost/country/SLV?lang=es">' in head
    alternates = {
        lang: url for url, lang in re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">', head)
    }
    assert sorted(alternates) == ["en", "es", "fr", "pt", "x-default"]
    assert alternates["fr"] == "http://localhost/country/SLV?lang=fr"
    assert alternates["x-default"] == alternates["en"] == "http://localhost/country/SLV?lang=en"
    assert meta(head, "og:title") == "El Salvador: perfil de migración y desarrollo"
    assert meta(head, "og:locale") == "es_LA"
    assert meta(head, "twitter:card") == "summary_large_image"
    assert meta(head, "og:description") == description


@pytest.mark.parametrize(
    "address", ["/", "/?indicator=remittances_usd&countries=MEX&lang=fr", "/country/HTI", "/corridors/COL?direction=in"]
)
def test_every_page_links_a_preview_image_of_1200_by_630(client: Any, address: str) -> None:
    head = head_of(client, address)
    image = meta(head, "og:image")
    assert image == meta(head, "twitter:image")
    assert f"edition={get_store().version}" in image
    assert "countries=" not in image  # a selection points at its canonical view's image
    answer = client.get(image.removeprefix("http://localhost"))
    assert answer.status_code == 200
    assert answer.mimetype == "image/png"
    assert png_size(answer.data) == (1200, 630)
    assert "immutable" in answer.headers["Cache-Control"]


def test_a_preview_ignores_the_selection_and_refuses_what_names_no_view(client: Any) -> None:
    version = get_store().version
    plain = client.get(f"/preview.png?indicator=remittances_usd&edition={version}").data
    assert client.get(f"/preview.png?indicator=remittances_usd&countries=MEX,JAM&edition={version}").data == plain
    for bad in (
        "/preview.png?indicator=remittances_usd",  # no edition
        "/preview.png?edition=000000000000",
        f"/preview.png?indicator=nope&edition={version}",
        f"/preview.png?zzz=1&edition={version}",
        f"/preview/country/XYZ.png?edition={version}",
        f"/preview/corridors/world.png?edition={version}",
        f"/preview.png?edition={version}&edition={version}",
    ):
        assert client.get(bad).status_code == 404, bad


def test_the_sitemap_lists_every_page_in_each_language(client: Any) -> None:
    answer = client.get("/sitemap.xml")
    assert answer.mimetype == "application/xml"
    root = ET.fromstring(answer.data)
    assert root.tag == f"{SITEMAP}urlset"
    urls = [u.findtext(f"{SITEMAP}loc") for u in root.iter(f"{SITEMAP}url")]
    assert len(urls) == len(set(urls))
    profiles = {u for u in urls if "/country/" in u}
    assert len(profiles) == 4 * len(options().countries)
    assert "http://localhost/country/SLV?lang=pt" in profiles
    assert "http://localhost/corridors/central_america?lang=es" in urls
    assert "http://localhost/?lang=fr" in urls
    assert "http://localhost/sources?lang=pt" in urls
    edition = get_store().manifest["edition"]["name"]
    assert {u.findtext(f"{SITEMAP}lastmod") for u in root.iter(f"{SITEMAP}url")} == {edition}


def test_robots_txt_points_at_the_sitemap(client: Any) -> None:
    lines = client.get("/robots.txt").get_data(as_text=True).splitlines()
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert "Disallow: /_dash-" in lines
