"""Chart texts for exports and embeds, the iframe snippet, and the chart-only embed pages (/embed/<chart>)."""

from __future__ import annotations

import html
import json
import re
from typing import Any
from urllib.parse import parse_qsl, urlencode

from core.charts import dashboard as views
from core.charts import registry as pages
from core.data import queries
from core.data.store import get_store
from core.i18n.catalog import negotiate, one_line, t
from core.state.urlstate import ViewState, decode, encode, path_of, with_route

EMBED_HEIGHT = {"map": 560, "trend": 440, "ranking": 640}


def _first_sentence(text: str) -> str:
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def chart_texts(state: ViewState) -> dict[str, Any]:
    """Title and subtitle of each chart, and the short source line, in the state's language."""
    lang = state.lang
    meta = queries.indicator_meta(state.indicator)
    definition = _first_sentence(one_line(meta["definition"][lang]))
    focus = views.focus_name(state.focus, lang)
    year = str(state.resolved_year(views.options()))
    years = meta["years"]
    span = f"{years[0]}–{years[-1]}"

    def subtitle(period: str) -> str:
        return t("export.subtitle", lang, definition=definition, focus=focus, period=period)

    return {
        "charts": {
            "map": {"title": views.map_title(state), "subtitle": subtitle(year)},
            "trend": {"title": views.trend_title(state), "subtitle": subtitle(span)},
            "ranking": {"title": views.ranking_title(state), "subtitle": subtitle(year)},
        },
        "sources": "; ".join(t(f"source.{s}", lang) for s in meta["source"]),
    }


def embed_query(state: ViewState, version: str | None) -> str:
    query = encode(state, views.options())
    pairs = parse_qsl(query.lstrip("?"))
    if state.page != "dashboard" and state.subject:
        pairs.insert(0, ("subject", state.subject))
    if state.lang != views.options().languages[0] and not any(k == "lang" for k, _ in pairs):
        pairs.append(("lang", state.lang))
    if version:
        pairs.append(("version", version))
    return "?" + urlencode(pairs, safe=",") if pairs else ""


def iframe(root: str, chart: str, state: ViewState, version: str | None) -> str:
    """A lazy-loading iframe for a chart (pinned when `version` is given)."""
    src = f"{root}/embed/{chart}{embed_query(state, version)}"
    if chart in EMBED_HEIGHT:
        title_text, height = chart_texts(state)["charts"][chart]["title"], EMBED_HEIGHT[chart]
    else:
        shown = pages.chart(state, chart)
        title_text, height = (shown.title if shown else chart), pages.embed_height(chart)
    title = html.escape(title_text, quote=True)
    return (
        f'<iframe src="{html.escape(src, quote=True)}" title="{title}" width="100%" '
        f'height="{height}" loading="lazy" style="border:0" referrerpolicy="no-referrer-when-downgrade">'
        "</iframe>"
    )


EMBED_PATH = re.compile(r"/embed/([a-z0-9-]{1,40})[?\"]")


def chart_of(code: Any) -> str | None:
    """Which chart an iframe snippet shows (to rebuild it when live/pinned changes)."""
    found = EMBED_PATH.search(code) if isinstance(code, str) else None
    return found.group(1) if found else None


def embeddable(chart: str) -> bool:
    return chart in EMBED_HEIGHT or pages.page_of(chart) is not None


def figure(chart: str, state: ViewState) -> dict[str, Any]:
    if chart == "map":
        return views.map_figure(state, state.resolved_year(views.options()))
    if chart == "trend":
        return views.trend_figure(state)
    return views.ranking_figure(state)


def _page_chart(chart: str, subject: str | None, state: ViewState) -> tuple[ViewState, Any]:
    """State and Chart of a profile or corridor chart; ValueError for a subject not of that page."""
    page = pages.page_of(chart)
    state = with_route(state, path_of(str(page), subject), views.options())
    if not subject or state.page != page:  # an unknown subject's path leads to the dashboard
        raise ValueError(f"no {page} page for subject {subject!r}")
    shown = pages.chart(state, chart)
    if shown is None:
        raise ValueError(f"no chart {chart!r} on that page")
    return state, shown


def page(chart: str, query: str, accept_language: str | None) -> tuple[str, int]:
    """The HTML of a chart-only page: title, interactive chart sized to its frame, source line, data version."""
    params = dict(parse_qsl(query[:2048], max_num_fields=20))
    pinned = params.pop("version", None)
    subject = params.pop("subject", None)
    state = decode(urlencode(params), views.options(), negotiate(accept_language))
    store = get_store()
    lang = state.lang
    notes: tuple[str, ...] = ()
    open_key = "embed.open"
    if chart in EMBED_HEIGHT:
        texts = chart_texts(state)
        shown_figure, title_text, sources = figure(chart, state), texts["charts"][chart]["title"], texts["sources"]
        subtitle = ""
    else:
        try:
            state, shown = _page_chart(chart, subject, state)
        except ValueError:
            return "not found", 404
        shown_figure, title_text, sources, subtitle = shown.figure, shown.title, shown.sources, shown.subtitle
        notes, open_key = shown.notes, "embed.open_view"
    version_note = t("embed.pinned_note", lang, version=store.version)
    if pinned and pinned != store.version:
        version_note = t("embed.pinned_gone", lang, asked=pinned[:16], version=store.version)
    spec = {"figure": shown_figure, "config": {"displaylogo": False, "responsive": True,
            "topojsonURL": "/assets/topojson/", "modeBarButtonsToRemove": ["select2d", "lasso2d"]}}  # fmt: skip
    link = path_of(state.page, state.subject) + encode(state, views.options())
    title = html.escape(title_text)
    source = f"{t('sources.label', lang)} {sources}. {version_note}."
    data = json.dumps(spec).replace("</", "<\\/")  # no "</script>" can end the JSON block early
    body = "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{lang}">',
            '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<title>{title}</title><link rel="stylesheet" href="/assets/embed.css"></head>',
            f'<body><main class="embed"><h1>{title}</h1>'
            + (f'<p class="embed-subtitle">{html.escape(subtitle)}</p>' if subtitle else "")
            + f'<div id="chart" class="embed-chart embed-{chart}"></div>'
            + "".join(f'<p class="embed-note">{html.escape(n)}</p>' for n in notes),
            f'<p class="embed-source">{html.escape(source)} <a href="{html.escape(link, quote=True)}" '
            f'target="_blank" rel="noopener">{html.escape(t(open_key, lang))}</a></p></main>',
            f'<script id="chart-spec" type="application/json">{data}</script>',
            '<script src="/assets/vendor/plotly-geo.min.js?v=4.1.1"></script>',
            '<script src="/assets/embed.js"></script></body></html>',
        ]
    )
    return body, 200
