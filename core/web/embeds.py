"""Embeds: the iframe snippet of a chart, and the chart-only page it shows (/embed/<chart id>), for any chart of
the registry: the chart's title, subtitle, interactive figure sized to the frame, notes, sources and data version."""

from __future__ import annotations

import html
import json
import re
from typing import Any
from urllib.parse import parse_qsl, urlencode

from core.charts import registry
from core.charts.model import Chart
from core.data.store import get_store
from core.i18n.catalog import negotiate, t
from core.state.options import options
from core.state.urlstate import ViewState, decode, encode, path_of, with_route

EMBED_PATH = re.compile(r"/embed/([a-z0-9-]{1,40})[?\"]")


def embed_query(state: ViewState, version: str | None) -> str:
    """The embed page's query: the view, its subject, the language always, and the pinned data version."""
    pairs = parse_qsl(encode(state, options()).lstrip("?"))
    if state.page != "dashboard" and state.subject:
        pairs.insert(0, ("subject", state.subject))
    if state.lang != options().languages[0] and not any(k == "lang" for k, _ in pairs):
        pairs.append(("lang", state.lang))
    if version:
        pairs.append(("version", version))
    return "?" + urlencode(pairs, safe=",") if pairs else ""


def iframe(root: str, chart: Chart, state: ViewState, version: str | None) -> str:
    """A lazy-loading iframe for a chart (pinned when `version` is given)."""
    src = f"{root}/embed/{chart.id}{embed_query(state, version)}"
    return (
        f'<iframe src="{html.escape(src, quote=True)}" title="{html.escape(chart.title, quote=True)}" width="100%" '
        f'height="{chart.height}" loading="lazy" style="border:0" referrerpolicy="no-referrer-when-downgrade">'
        "</iframe>"
    )


def chart_of(code: Any) -> str | None:
    """Which chart an iframe snippet shows (to rebuild it when live/pinned changes)."""
    found = EMBED_PATH.search(code) if isinstance(code, str) else None
    return found.group(1) if found else None


def embeddable(chart_id: str) -> bool:
    return registry.spec(chart_id) is not None


def state_of(chart_id: str, query: str, accept_language: str | None) -> tuple[ViewState, str | None] | None:
    """The view an embed address shows and the data version it pins; None when the chart or subject is not ours."""
    params = dict(parse_qsl(query[:2048], max_num_fields=20))
    pinned = params.pop("version", None)
    subject = params.pop("subject", None)
    page = registry.page_of(chart_id)
    state = decode(urlencode(params), options(), negotiate(accept_language))
    if page is None:
        return None
    if page != "dashboard":
        state = with_route(state, path_of(page, subject), options())
        if not subject or state.page != page:  # an unknown subject's path leads to the dashboard
            return None
    return state, pinned


def page(chart_id: str, query: str, accept_language: str | None) -> tuple[str, int]:
    """The HTML of a chart-only page: title, subtitle, interactive chart sized to its frame, notes, source line,
    data version; ("not found", 404) for a chart or subject that is not ours."""
    found = state_of(chart_id, query, accept_language)
    shown = registry.build(found[0], chart_id) if found else None
    if found is None or shown is None:
        return "not found", 404
    state, pinned = found
    lang, version = state.lang, get_store().version
    version_note = t("embed.pinned_note", lang, version=version)
    if pinned and pinned != version:
        version_note = t("embed.pinned_gone", lang, asked=pinned[:16], version=version)
    spec = {
        "figure": shown.figure,
        "config": {
            "displaylogo": False,
            "responsive": True,
            "topojsonURL": "/assets/topojson/",
            "modeBarButtonsToRemove": ["select2d", "lasso2d"],
        },
    }
    link = path_of(state.page, state.subject) + encode(state, options())
    open_key = "embed.open" if state.page == "dashboard" else "embed.open_view"
    title = html.escape(shown.title)
    source = f"{t('sources.label', lang)} {shown.sources}. {version_note}."
    data = json.dumps(spec).replace("</", "<\\/")  # no "</script>" can end the JSON block early
    body = "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{lang}">',
            '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<title>{title}</title><link rel="stylesheet" href="/assets/embed.css"></head>',
            f'<body><main class="embed"><h1>{title}</h1><p class="embed-subtitle">{html.escape(shown.subtitle)}</p>'
            + f'<div id="chart" class="embed-chart embed-{html.escape(shown.kind)}"></div>'
            + "".join(f'<p class="embed-note">{html.escape(n)}</p>' for n in shown.notes),
            f'<p class="embed-source">{html.escape(source)} <a href="{html.escape(link, quote=True)}" '
            f'target="_blank" rel="noopener">{html.escape(t(open_key, lang))}</a></p></main>',
            f'<script id="chart-spec" type="application/json">{data}</script>',
            '<script src="/assets/vendor/plotly-geo.min.js?v=4.1.1"></script>',
            '<script src="/assets/embed.js"></script></body></html>',
        ]
    )
    return body, 200
