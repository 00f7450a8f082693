"""Every language-dependent property of the page layout, in one list: the layout fills them on first render and
one callback re-sends them all when the language changes, so translation touches no layout code."""

from __future__ import annotations

from typing import Any

from components import ids
from components.share import export_menu
from core.charts import texts
from core.data import queries
from core.data.store import get_store
from core.i18n.catalog import LANGUAGES, t
from core.state.options import options

# (component id, property, catalog key) of the plain texts.
STATIC: tuple[tuple[str, str, str], ...] = (
    (ids.TITLE, "children", "app.title"),
    (ids.DOC_TITLE, "data", "app.title"),
    (ids.SUBTITLE, "children", "app.subtitle"),
    (ids.LABEL_PREFIX + ids.INDICATOR, "children", "controls.indicator"),
    (ids.LABEL_PREFIX + ids.FOCUS, "children", "controls.focus"),
    (ids.LABEL_PREFIX + ids.COUNTRIES, "children", "controls.countries"),
    (ids.LABEL_PREFIX + ids.SCALE, "children", "controls.scale"),
    (ids.LABEL_PREFIX + ids.LANG, "children", "controls.language"),
    (ids.LABEL_PREFIX + ids.DIRECTION, "children", "route.direction_label"),
    (ids.LABEL_PREFIX + ids.CYEAR, "children", "route.cyear_label"),
    (ids.PRINT, "children", "profile.print"),
    (ids.PROFILE_BAR, "aria-label", "route.nav_label"),
    (ids.COUNTRIES, "placeholder", "controls.countries_placeholder"),
    (ids.PLAY, "children", "play.play"),
    (ids.PLAY, "aria-label", "play.play_label"),
    (ids.ABOUT_SUMMARY, "children", "about.title"),
    (ids.COPY_LINK, "children", "share.copy_link"),
    (ids.EMBED_TITLE, "children", "export.embed_title"),
    (ids.EMBED_COPY, "children", "export.embed_copy"),
)
MENUS: tuple[tuple[str, str], ...] = (
    (ids.INDICATOR, "options"),
    (ids.FOCUS, "options"),
    (ids.COUNTRIES, "options"),
    (ids.SCALE, "options"),
    (ids.VIEW, "options"),
    (ids.LANG, "options"),
    (ids.COUNTRIES, "labels"),
    (ids.EMBED_KIND, "options"),
    *((ids.MENU_WRAP + chart, "children") for chart in ids.CHARTS),
    (ids.FOOTER, "children"),
)
DROPDOWN_LABELS = ("select_all", "deselect_all", "selected_count", "search", "clear_search", "clear_selection",
                   "no_options_found")  # fmt: skip
TARGETS: tuple[tuple[str, str], ...] = (*((i, p) for i, p, _ in STATIC), *MENUS)


def _countries(lang: str) -> list[dict[str, str]]:
    """Countries that have emigration data (every origin the menus may offer), sorted by name in `lang`."""
    store = get_store()
    present = set(queries.series(store.meta["order"][0])["iso3"])
    rows = store.countries[store.countries["iso3"].isin(present)].sort_values(f"name_{lang}")
    return [{"label": name, "value": code} for code, name in zip(rows["iso3"], rows[f"name_{lang}"], strict=True)]


def menus(lang: str) -> list[Any]:
    opts = options()
    return [
        [{"label": texts.label(i, lang), "value": i} for i in opts.years],
        [{"label": texts.group_name(f, lang), "value": f} for f in opts.focuses],
        _countries(lang),
        [{"label": t(f"controls.scale_{s}", lang), "value": s} for s in ("linear", "log")],
        [{"label": t(f"view.{v}", lang), "value": v} for v in ("map", "table")],
        [{"label": t("lang.name", code), "value": code} for code in LANGUAGES],
        {key: t(f"dropdown.{key}", lang) for key in DROPDOWN_LABELS},
        [{"label": t(f"export.embed_{kind}", lang), "value": kind} for kind in ("live", "pinned")],
        *(export_menu(chart, lang) for chart in ids.CHARTS),
        t("footer.text", lang, version=get_store().version),
    ]


def translations(lang: str) -> list[Any]:
    """Values for TARGETS, in order."""
    return [t(key, lang) for _, _, key in STATIC] + menus(lang)


def text_map(lang: str) -> dict[tuple[str, str], Any]:
    return dict(zip(TARGETS, translations(lang), strict=True))
