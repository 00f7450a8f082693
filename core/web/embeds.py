"""Embeds: the iframe snippet of a chart, and the chart-only page it shows (/embed/<chart id>), for any chart of
the registry: the chart's title, subtitle, interactive figure sized to the frame, notes, sources and data edition.

A pinned embed names its data edition (`edition=<id>`; links made before editions had names say `version=<id>`,
read the same way) and its year, and is drawn from that edition as long as the site keeps it, with the erratum
of an edition a later one corrects; a link pinned to an edition the site no longer keeps shows the current one and
says so."""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace
from typing import Any
from urllib.parse import parse_qsl, urlencode

from core.charts import registry, texts
from core.charts.model import Chart
from core.data.store import EDITION_ID, edition_ids, editions, serving
from core.i18n.catalog import negotiate, t
from core.state.options import options
from core.state.urlstate import ViewState, decode, encode, path_of, with_route

EMBED_PATH = re.compile(r"/embed/([a-z0-9-]{1,40})[?\"]")
EDITION = "edition"  # the parameter naming a data edition, here and in every other address of the site
LEGACY_EDITION = "version"  # its name in embed codes made before issue 12


def pinned_state(state: ViewState) -> ViewState:
    """The view with its years said outright: a pinned embed keeps its year when a later edition adds one."""
    year = state.resolved_year(options()) if state.page == "dashboard" else state.year
    cyear = state.resolved_cyear(options()) if state.page == "corridors" else state.cyear
    return replace(state, year=year, cyear=cyear)


def embed_query(state: ViewState, edition: str | None) -> str:
    """The embed page's query: the view, its subject, the language always, and, when pinned, the data edition and
    the years shown (links leave the latest year out, and the latest year moves with each edition)."""
    pairs = parse_qsl(encode(state, options()).lstrip("?"))
    if state.page != "dashboard" and state.subject:
        pairs.insert(0, ("subject", state.subject))
    if state.lang != options().languages[0] and not any(k == "lang" for k, _ in pairs):
        pairs.append(("lang", state.lang))
    if edition:
        explicit = pinned_state(state)
        named = {k for k, _ in pairs}
        pairs += [
            (k, str(v))
            for k, v in (("year", explicit.year), ("cyear", explicit.cyear))
            if v is not None and k not in named
        ]
        pairs.append((EDITION, edition))
    return "?" + urlencode(pairs, safe=",") if pairs else ""


def iframe(root: str, chart: Chart, state: ViewState, edition: str | None) -> str:
    """A lazy-loading iframe for a chart (pinned to a data edition when `edition` is given)."""
    src = f"{root}/embed/{chart.id}{embed_query(state, edition)}"
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


def split_query(query: str) -> tuple[dict[str, str], str | None]:
    """The view's parameters of an embed address, and the edition it pins (`edition=`, else `version=`)."""
    params = dict(parse_qsl(query[:2048], max_num_fields=20))
    asked = params.pop(EDITION, None)
    legacy = params.pop(LEGACY_EDITION, None)
    return params, asked if asked is not None else legacy


def state_of(chart_id: str, params: dict[str, str], accept_language: str | None) -> ViewState | None:
    """The view an embed address shows, valid in the edition being served; None when the chart or subject is not
    ours (or not in that edition)."""
    params = dict(params)
    subject = params.pop("subject", None)
    page = registry.page_of(chart_id)
    state = decode(urlencode(params), options(), negotiate(accept_language))
    if page is None:
        return None
    if page != "dashboard":
        if (subject is not None) != (page in registry.SUBJECT_PAGES):  # a page's subject, and only a page's
            return None
        state = with_route(state, path_of(page, subject), options())
        if state.page != page:  # an unknown subject's path leads to the dashboard
            return None
    return state


def _edition_note(pinned: str | None, kept: str | None, lang: str) -> str:
    """The line that names the data edition shown, and, for a link pinned to an edition no longer kept, says so."""
    name = texts.edition_name()
    if pinned is None:
        return t("embed.edition_note", lang, edition=name)
    if kept is None:
        asked = pinned[:16] if EDITION_ID.match(pinned[:12]) else "?"
        return t("embed.pinned_gone", lang, asked=asked, edition=name)
    return t("embed.pinned_note", lang, edition=name)


def page(chart_id: str, query: str, accept_language: str | None) -> tuple[str, int]:
    """The HTML of a chart-only page: title, subtitle, interactive chart sized to its frame, notes, source line,
    data edition (and its erratum); ("not found", 404) for a chart or subject that is not ours."""
    params, pinned = split_query(query)
    kept = pinned if pinned in edition_ids() else None
    with serving(kept):
        state = state_of(chart_id, params, accept_language)
        shown = registry.build(state, chart_id) if state else None
        if state is None or shown is None:
            return "not found", 404
        state = pinned_state(state) if kept else state
        body = _document(shown, state, _edition_note(pinned, kept, state.lang), kept)
    return body, 200


def _document(shown: Chart, state: ViewState, edition_note: str, kept: str | None) -> str:
    lang = state.lang
    spec = {
        "figure": shown.figure,
        "config": {
            "displaylogo": False,
            "responsive": True,
            "topojsonURL": "/assets/topojson/",
            "modeBarButtonsToRemove": ["select2d", "lasso2d"],
        },
    }
    erratum = next((e.erratum.get(lang, "") for e in editions() if e.id == kept and not e.current), "")
    with serving(None):  # the links lead to the current edition
        link = path_of(state.page, state.subject) + encode(state, options())
        current = f"/embed/{shown.id}{embed_query(state, None)}"
    open_key = "embed.open" if state.page == "dashboard" else "embed.open_view"
    title = html.escape(shown.title)
    source = f"{t('sources.label', lang)} {shown.sources}. {edition_note}"
    data = json.dumps(spec).replace("</", "<\\/")  # no "</script>" can end the JSON block early
    notice = (
        f'<p class="embed-erratum" role="note">{html.escape(erratum)} <a href="{html.escape(current, quote=True)}">'
        f"{html.escape(t('embed.current_edition', lang))}</a></p>"
        if erratum
        else ""
    )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{lang}">',
            '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<title>{title}</title><link rel="stylesheet" href="/assets/embed.css"></head>',
            f'<body><main class="embed"><h1>{title}</h1><p class="embed-subtitle">{html.escape(shown.subtitle)}</p>'
            + notice
            + f'<div id="chart" class="embed-chart embed-{html.escape(shown.kind)}"></div>'
            + "".join(f'<p class="embed-note">{html.escape(n)}</p>' for n in shown.notes),
            f'<p class="embed-source">{html.escape(source)} <a href="{html.escape(link, quote=True)}" '
            f'target="_blank" rel="noopener">{html.escape(t(open_key, lang))}</a></p></main>',
            f'<script id="chart-spec" type="application/json">{data}</script>',
            '<script src="/assets/vendor/plotly-geo.min.js?v=4.1.1"></script>',
            '<script src="/assets/embed.js"></script></body></html>',
        ]
    )
