"""The view an address names: its path (which page, about what) and its query string (the view), decoded strictly
with the visitor's browser language as the default language."""

from __future__ import annotations

from core.i18n.catalog import negotiate
from core.state.options import options
from core.state.urlstate import MAX_QUERY, ViewState, decode, route, with_route


def state_of(path: str, query: str, accept_language: str | None) -> tuple[ViewState, str] | None:
    """The view an address names and the visitor's browser language; None for a path that is no page of ours."""
    if route(path, options()) is None:
        return None
    browser_lang = negotiate(accept_language)
    state = decode(query[: MAX_QUERY + 1], options(), browser_lang)
    return with_route(state, path, options()), browser_lang
