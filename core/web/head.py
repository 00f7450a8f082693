"""What a page tells search engines and link-sharing apps, in the HTML the server sends: a description written from
the view's data, the canonical address (only its non-default parameters, with an explicit lang=), the same view in
each language, Open Graph and Twitter card tags with a preview image of the view; and the sitemap of every page."""

from __future__ import annotations

import html
from dataclasses import replace
from urllib.parse import urlencode

from core.charts import cards
from core.data.store import get_store
from core.i18n.catalog import LANGUAGES, t
from core.state.options import options
from core.state.urlstate import ViewState, encode, path_of

# Open Graph locales: Latin American Spanish, Brazilian Portuguese (the region's own), English and French.
LOCALES = {"en": "en_US", "es": "es_LA", "pt": "pt_BR", "fr": "fr_FR"}
PREVIEW = {
    "dashboard": "/preview.png",
    "country": "/preview/country/{}.png",
    "corridors": "/preview/corridors/{}.png",
    "thennow": "/preview/then-and-now.png",
}


def address(state: ViewState, site: str) -> str:
    """The canonical address of a view: its path, its non-default parameters and its language, always named."""
    return site + path_of(state.page, state.subject) + encode(state, options(), None, always_lang=True)


def preview_path(state: ViewState) -> str:
    """Where the preview image of a view's canonical view is (its edition in the address: cached for a year)."""
    shown = cards.canonical(state)
    query = encode(shown, options(), None, always_lang=True).lstrip("?")
    return (
        PREVIEW[shown.page].format(shown.subject)
        + "?"
        + "&".join(part for part in (query, urlencode({"edition": get_store().version})) if part)
    )


def _meta(attribute: str, name: str, content: str) -> str:
    return f'<meta {attribute}="{name}" content="{html.escape(content, quote=True)}">'


def _link(rel: str, href: str, **extra: str) -> str:
    more = "".join(f' {key}="{html.escape(value, quote=True)}"' for key, value in extra.items())
    return f'<link rel="{rel}" href="{html.escape(href, quote=True)}"{more}>'


def tags(state: ViewState, title: str, description: str, site: str) -> str:
    """The head tags of a page: description (core.charts.facts.description), canonical and alternate addresses, Open
    Graph and Twitter card."""
    canonical = address(state, site)
    image = site + preview_path(state)
    title = title.removesuffix(" · " + t("app.title", state.lang))  # the site's name has a tag of its own
    out = [_meta("name", "description", description), _link("canonical", canonical)]
    out += [_link("alternate", address(replace(state, lang=lang), site), hreflang=lang) for lang in LANGUAGES]
    # For a browser language the site lacks: the English page, by its own address (the bare address, which picks the
    # language from the browser, would be a second address of one of the pages above; Lighthouse fails a canonical
    # address that differs from such a page's).
    out.append(_link("alternate", address(replace(state, lang="en"), site), hreflang="x-default"))
    alt = t("preview.alt", state.lang, title=title)
    out += [
        _meta("property", "og:type", "website"),
        _meta("property", "og:site_name", t("app.title", state.lang)),
        _meta("property", "og:title", title),
        _meta("property", "og:description", description),
        _meta("property", "og:url", canonical),
        _meta("property", "og:locale", LOCALES[state.lang]),
        *(_meta("property", "og:locale:alternate", LOCALES[lang]) for lang in LANGUAGES if lang != state.lang),
        _meta("property", "og:image", image),
        _meta("property", "og:image:type", "image/png"),
        _meta("property", "og:image:width", "1200"),
        _meta("property", "og:image:height", "630"),
        _meta("property", "og:image:alt", alt),
        _meta("name", "twitter:card", "summary_large_image"),
        _meta("name", "twitter:title", title),
        _meta("name", "twitter:description", description),
        _meta("name", "twitter:image", image),
        _meta("name", "twitter:image:alt", alt),
    ]
    return "\n".join(out)


def sitemap(site: str) -> str:
    """Every page in each language: the dashboard, the Sources and "2005 → today" pages, every country's profile,
    every corridor view; lastmod is the data edition (its name is its month)."""
    valid = options()
    edition = str((get_store().manifest.get("edition") or {}).get("name") or "")
    lastmod = f"<lastmod>{html.escape(edition)}</lastmod>" if len(edition) == 7 and edition[4] == "-" else ""
    base = ViewState(indicator=valid.default_indicator, focus=valid.focuses[0])
    views = [base, replace(base, page="sources"), replace(base, page="thennow")]
    views += [replace(base, page="country", subject=code) for code in sorted(valid.countries)]
    views += [
        replace(base, page="corridors", subject=code) for code in [*sorted(valid.countries), *sorted(valid.groups)]
    ]
    urls = [
        f"<url><loc>{html.escape(address(replace(view, lang=lang), site))}</loc>{lastmod}</url>"
        for view in views
        for lang in LANGUAGES
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(urls)
        + "\n</urlset>\n"
    )
