"""Switching language: every layout text is re-sent from the catalog; the browser sets <html lang> and the title."""

from __future__ import annotations

from typing import Any

from dash import ClientsideFunction, Input, Output, callback, clientside_callback, no_update

from components import ids
from components.texts import TARGETS, translations
from core.i18n.catalog import LANGUAGES
from core.state import inputs


@callback(
    *[Output(i, p, allow_duplicate=i == ids.PLAY) for i, p in TARGETS],
    Input(ids.LANG, "value"),
    prevent_initial_call=True,
)
def translate(lang: Any) -> list[Any]:
    """All layout texts in the chosen language (figures, tables and notes follow through the state store)."""
    chosen = inputs.text(lang, "lang", LANGUAGES)
    return [no_update] * len(TARGETS) if chosen is None else translations(chosen)


# No output: the function only sets <html lang> and the tab title (from the DOC_TITLE store) in the document.
clientside_callback(
    ClientsideFunction("lac", "setDocumentLanguage"),
    Input(ids.LANG, "value"),
    Input(ids.DOC_TITLE, "data"),
)
