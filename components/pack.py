"""The briefing pack's place on every page: the header's button (the count on it and the status line beside it are
written by assets/pack.js, which keeps the pack in the browser), and the pack's words in the page's language for
assets/pack.js, which draws the pack's dialog and writes the PowerPoint and ZIP files in the browser. Nothing of a
pack reaches the server."""

from __future__ import annotations

from typing import Any, Final

from dash import dcc, html

from components import ids
from components.attributes import attrs
from core.charts import texts
from core.i18n.catalog import LANGUAGES, t

MAX_CHARTS: Final = 20  # slides of charts in a pack (issue 16): a deck, not an archive
# JSZip, then PptxGenJS, which uses it (assets/vendor/README.md): loaded by assets/pack.js when a pack is downloaded,
# never with the page.
WRITER: Final = ("/assets/vendor/jszip.min.js?v=3.10.1", "/assets/vendor/pptxgen.min.js?v=4.0.1")

# The catalog's words assets/pack.js uses, sent by their key without "pack.". Keys ending in _one and _other are
# plural forms: the browser picks one with Intl.PluralRules (CLDR's categories, as core.i18n.formats.plural).
WORDS: Final = (
    "pack.button",
    "pack.adding",
    "pack.added",
    "pack.already",
    "pack.full",
    "pack.unavailable",
    "pack.add_failed",
    "pack.intro",
    "pack.empty",
    "pack.title_label",
    "pack.list_label",
    "pack.move_up",
    "pack.move_down",
    "pack.remove_short",
    "pack.remove",
    "pack.moved",
    "pack.removed",
    "pack.close",
    "pack.download_pptx",
    "pack.download_zip",
    "pack.clear",
    "pack.clear_confirm",
    "pack.cleared",
    "pack.item_meta",
    "pack.loading",
    "pack.progress_slide",
    "pack.progress_chart",
    "pack.progress_compress",
    "pack.done",
    "pack.missing",
    "pack.build_failed",
    "pack.count_one",
    "pack.count_other",
    "pack.slides_one",
    "pack.slides_other",
    "pack.sources_title",
    "pack.sources_intro",
    "pack.site",
    "pack.notes_facts",
    "pack.notes_numbers",
    "pack.readme_intro",
    "pack.readme_files",
    "pack.readme_missing",
)
# Words other parts of the site already say, under the name assets/pack.js knows them by.
BORROWED: Final = {
    "default_title": "app.title",
    "label_language": "controls.language",
    "label_edition": "export.edition",
    "label_address": "export.address",
    "label_subtitle": "export.subtitle_label",
    "label_licence": "about.licence",
    "label_citation": "about.citation",
    "note_line": "export.note_line",
}


def words(lang: str) -> dict[str, Any]:
    """Everything assets/pack.js says or writes, in `lang`: its dialog, its status lines, the slides' and the
    README's labels; with each language's name (a pack may hold charts in several) and the pack's limits."""
    found: dict[str, Any] = {key.removeprefix("pack."): t(key, lang) for key in WORDS}
    found.update({name: t(key, lang) for name, key in BORROWED.items()})
    found["label_source"] = texts.sources_term(lang)
    found["languages"] = {code: t("lang.name", code) for code in LANGUAGES}
    found["lang"] = lang
    found["max"] = MAX_CHARTS
    found["writer"] = list(WRITER)
    return found


def store(lang: str) -> dcc.Store:
    return dcc.Store(id=ids.PACK_TEXTS, data=words(lang))


def button(lang: str) -> html.Button:
    """ "Briefing pack (3)": opens the pack's dialog. The count is the browser's (assets/pack.js writes it); on a phone
    the label is shortened ("Pack (3)")."""
    label: list[Any] = [
        html.Span(t("pack.button", lang), className="pack-label-long"),
        html.Span(t("pack.button_short", lang), className="pack-label-short"),
        " ",
        html.Span(id=ids.PACK_COUNT, className="pack-count"),
    ]
    return html.Button(
        label,
        id=ids.PACK_OPEN,
        type="button",
        className="btn btn-outline-light btn-sm pack-open d-print-none",
        **attrs({"aria-haspopup": "dialog"}),
    )


def status() -> html.P:
    """What adding a chart did ("Added to the briefing pack: 3 of 20 charts."), announced and shown for a few seconds
    at the foot of the window, where it is seen whichever chart was added (assets/pack.js writes it)."""
    return html.P(id=ids.PACK_STATUS, className="pack-toast d-print-none", role="status")
