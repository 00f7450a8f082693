"""What every page has around its content: the header (site title, copy link, the language switch as links), the
notice of a corrected link, the stores the callbacks read, the download and embed dialog, and the footer."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from components import ids, pack
from components.share import copy_link, embed_dialog
from components.widgets import attrs, page_link
from core.charts import texts
from core.data.store import get_store
from core.i18n.catalog import LANGUAGES, t
from core.state.options import options
from core.state.urlstate import ViewState, encode, href


def language_addresses(state: ViewState, browser_lang: str | None) -> dict[str, str]:
    """The page, in the view `state`, in each language."""
    return {
        code: href(replace(state, lang=code), options(), browser_lang, state.page, state.subject) for code in LANGUAGES
    }


# The ids of the header's and footer's links that keep the view (view_links).
VIEW_LINKS = (
    *(ids.LANG_LINK + code for code in LANGUAGES),
    *(ids.LANG_MENU + code for code in LANGUAGES),
    ids.HEADER_THEN_AND_NOW,
    ids.FOOTER_SOURCES,
)


def view_links(state: ViewState, browser_lang: str | None) -> dict[str, str]:
    """The address of every link of the header and footer that keeps the view, by its element's id: when the view
    changes in the page (the dashboard), they follow it, so a language or the sources open on the view shown."""
    languages = language_addresses(state, browser_lang)
    return {
        **{ids.LANG_LINK + code: address for code, address in languages.items()},
        **{ids.LANG_MENU + code: address for code, address in languages.items()},
        ids.HEADER_THEN_AND_NOW: href(state, options(), browser_lang, "thennow"),
        ids.FOOTER_SOURCES: href(state, options(), browser_lang, "sources"),
    }


def language_links(state: ViewState, browser_lang: str | None) -> html.Nav:
    """The page in each language, as links: a language is a new page, drawn by the server in that language."""
    addresses = language_addresses(state, browser_lang)
    links = [
        html.A(
            t("lang.name", code),
            href=address,
            id=ids.LANG_LINK + code,
            lang=code,
            hrefLang=code,
            className="btn btn-sm lang-link" + (" active" if code == state.lang else ""),
            **attrs({"aria-current": "true"} if code == state.lang else {}),
        )
        for code, address in addresses.items()
    ]
    # On a phone the same links fold into a menu named by the current language (assets/style.css shows one or the
    # other), so the header takes one line.
    menu = html.Details(
        [
            html.Summary(
                [
                    html.Span(state.lang.upper(), **attrs({"aria-hidden": "true"})),
                    html.Span(t("lang.menu", state.lang), className="visually-hidden"),
                ],
                className="btn btn-sm lang-link",
            ),
            html.Div(
                [
                    html.A(t("lang.name", code), href=address, id=ids.LANG_MENU + code, lang=code, hrefLang=code)
                    for code, address in addresses.items()
                ]
            ),
        ],
        className="lang-menu",
    )
    return html.Nav(
        [html.Div(links, className="btn-group lang-buttons"), menu],
        className="lang-toggle",
        **attrs({"aria-label": t("controls.language", state.lang)}),
    )


def then_and_now_link(state: ViewState, browser_lang: str | None) -> html.A:
    """The "2005 → today" page, from every page: a short link under the site's title, beside its subtitle (on a phone,
    where the subtitle folds away, alone under the title), so the header's tools keep their one line."""
    here = state.page == "thennow"
    return page_link(
        state,
        browser_lang,
        "thennow",
        None,
        t("thennow.link", state.lang),
        id=ids.HEADER_THEN_AND_NOW,
        title=t("thennow.link_title", state.lang),
        className="header-link d-print-none" + (" active" if here else ""),
        **attrs({"aria-current": "page"} if here else {}),
    )


def header(state: ViewState, browser_lang: str | None) -> html.Header:
    lang = state.lang
    title = html.H1 if state.page == "dashboard" else html.P  # elsewhere the page's own title is its heading
    return html.Header(
        dbc.Container(
            [
                html.Div(
                    [
                        title(t("app.title", lang), id=ids.APP_TITLE, className="app-title"),
                        html.Div(
                            [
                                html.P(t("app.subtitle", lang), className="app-subtitle"),
                                then_and_now_link(state, browser_lang),
                            ],
                            className="app-sub",
                        ),
                    ],
                    className="header-titles",
                ),
                # The briefing pack's button comes last: on a laptop it sits under the others (assets/style.css), so
                # the header keeps the height of its title and subtitle.
                html.Div(
                    [copy_link(lang), language_links(state, browser_lang), pack.button(lang)], className="header-tools"
                ),
            ],
            fluid=True,
            className="header-inner",
        ),
        className="app-header",
    )


def notice(state: ViewState) -> Any:
    """Which parameters of the link fell back to defaults (the address is corrected in place, see REPLACE_URL)."""
    names = sorted({r for r in state.rejected if r.isidentifier() or r in ("query", "path")})
    if not state.rejected:
        return None
    return dbc.Alert(
        t("notice.rejected", state.lang, params=", ".join(names) or "?"),
        color="warning",
        dismissable=True,
        className="notice",
    )


def page(
    state: ViewState, browser_lang: str | None, content: list[Any], meta: dict[str, Any], corrected: str | None
) -> html.Div:
    """A whole page around its content. `corrected` is the canonical query when the link had to be corrected."""
    from components.dashboard import store

    lang = state.lang
    return html.Div(
        [
            html.A(t("shell.skip", lang), href="#" + ids.MAIN, className="skip-link"),
            dcc.Store(id=ids.STATE, data=store(state)),
            dcc.Store(id=ids.BROWSER_LANG, data=browser_lang),
            dcc.Store(id=ids.PAGE_META, data=meta),
            dcc.Store(id=ids.REPLACE_URL, data=corrected),
            pack.store(lang),
            dcc.Download(id=ids.DOWNLOAD),
            embed_dialog(lang, texts.edition_name()),
            header(state, browser_lang),
            html.Main(
                dbc.Container(
                    [
                        html.Div(notice(state), id=ids.NOTICE, role="status"),
                        html.Div(content, id=ids.PAGE + state.page),
                    ],
                    fluid=True,
                ),
                id=ids.MAIN,
            ),
            footer(state, browser_lang),
        ]
    )


def footer(state: ViewState, browser_lang: str | None) -> html.Footer:
    """The edition every number on the page comes from, where its sources and changes are listed, and the briefing
    pack's status line."""
    lang = state.lang
    text = t("footer.text", lang, edition=texts.edition_label(lang), version=get_store().version)
    link = page_link(state, browser_lang, "sources", None, t("sources_page.link", lang), id=ids.FOOTER_SOURCES)
    # The briefing pack's status line is drawn at the foot of the window (assets/style.css): it is the footer's, so
    # it stays inside a landmark.
    return html.Footer(
        [dbc.Container([html.Span(text + " "), link], fluid=True), pack.status()], className="app-footer"
    )


def canonical_query(state: ViewState, raw_query: str, browser_lang: str | None) -> str | None:
    """The query a corrected link should show instead of `raw_query`; None when it is already canonical."""
    query = encode(state, options(), browser_lang)
    return None if query == raw_query else query
