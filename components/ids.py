"""Every component id of the pages, defined once; callbacks and layouts import them from here."""

from typing import Final

from dash.dependencies import Wildcard

Pattern = str | Wildcard  # a concrete id part, or ALL in a callback's pattern-matching dependency

# On every page.
STATE: Final = "view-state"  # the page's ViewState as a dict (parsed like a URL when it comes back)
BROWSER_LANG: Final = "browser-lang"  # the visitor's Accept-Language choice: links omit lang= when they match it
PAGE_META: Final = "page-meta"  # titles, subtitles and source lines of the page's charts, for slide images
DOWNLOAD: Final = "download"  # dcc.Download of data files
COPY_LINK: Final = "copy-link"
COPY_STATUS: Final = "copy-status"
EMBED_MODAL: Final = "embed-modal"
EMBED_CODE: Final = "embed-code"
EMBED_KIND: Final = "embed-kind"  # live or pinned
EMBED_COPY: Final = "embed-copy"
EMBED_TITLE: Final = "embed-title"
PACK_OPEN: Final = "pack-open"  # the header's "Briefing pack (n)" button: opens the pack's dialog (assets/pack.js)
PACK_COUNT: Final = "pack-count"  # the number of charts in the pack, written by assets/pack.js
PACK_STATUS: Final = "pack-status"  # what adding a chart did ("Added ... (3 of 20)"), written by assets/pack.js
PACK_TEXTS: Final = "pack-texts"  # the pack's words in the page's language, for assets/pack.js
MAIN: Final = "main"  # the skip link's target
APP_TITLE: Final = "app-title"
PAGE: Final = "page-"  # + page name (dashboard, country, corridors): the page's content
NOTICE: Final = "notice"

# The dashboard.
URL: Final = "url"
REPLACE_URL: Final = "replace-url"  # a corrected link, written over the current history entry (not a new one)
FRAMES_URL: Final = "map-frames-url"  # where the browser fetches the map of every year of the view
FRAMES: Final = "map-frames"  # year -> map trace data, for playing without the server
COMMITTED_YEAR: Final = "committed-year"  # the slider's year, held back while the animation plays
PLAYING: Final = "playing"
TICKER: Final = "play-ticker"
INDICATOR: Final = "indicator"
FOCUS: Final = "focus"
COUNTRIES: Final = "countries"  # the selected countries (a store: the picker and a click on the map change it)
COUNTRY_INPUT: Final = "country-input"  # type a name to add a country (the suggestions: COUNTRY_LIST)
COUNTRY_LIST: Final = "country-list"  # the focus's countries first, then the rest of the world
COUNTRY_CHIPS: Final = "country-chips"  # one button per selected country, which removes it
SCALE: Final = "scale"
YEAR: Final = "year"
PLAY: Final = "play"
VIEW: Final = "view"
MAP: Final = "map"
MAP_WRAP: Final = "map-wrap"
MAP_NOTE: Final = "map-note"
MAP_TITLE: Final = "map-title"
TREND: Final = "trend"
TREND_TITLE: Final = "trend-title"
RANKING: Final = "ranking"
RANKING_TITLE: Final = "ranking-title"
HEADLINES: Final = "headlines"
FOCUS_NOTE: Final = "focus-note"  # what the focus group holds, under the headline totals
TABLE: Final = "data-table"
ABOUT: Final = "about"
SOURCES_LINK: Final = "about-sources"  # under the about panel: every source and change, with the view
SOURCES: Final = "sources"  # + "-" + chart id: the sources line under a chart
PROFILE_LINKS: Final = "profile-links"  # the selected countries' profiles, the focus's corridors
FOCUS_CORRIDORS: Final = "focus-corridors"  # the focus group's corridor view

# The country profile and the corridor view.
BACK_DASHBOARD: Final = "back-dashboard"  # from a profile
BACK_DASHBOARD_CV: Final = "back-dashboard-cv"  # from a corridor view
BACK_PROFILE: Final = "back-profile"  # from a country's corridor view to its profile
OPEN_CORRIDORS: Final = "open-corridors"
PROFILE_MENU: Final = "profile-menu"  # the profile's own Download menu
CORRIDOR_TITLE: Final = "corridor-title"
OPEN_IN_DASHBOARD: Final = "dash-"  # + indicator: a profile trend's link to the dashboard
PRINT: Final = "print-brief"
PROFILE_DATA: Final = "profile"  # the "chart" name of a profile's own data download (figures and comparison)
PROFILE_THEN_AND_NOW: Final = "profile-then-and-now"  # a profile's link to the 2005 statements that name its country

# The "2005 → today" page, and its link in every page's header.
HEADER_THEN_AND_NOW: Final = "header-then-and-now"
FOOTER_SOURCES: Final = "footer-sources"
LANG_LINK: Final = "lang-"  # + language code: the header's link to the page in that language (LANG_MENU: on a phone)
LANG_MENU: Final = "lang-menu-"
THEN_AND_NOW_DATA: Final = "then-and-now"  # the "chart" name of the page's own data download (the comparison)
THEN_AND_NOW_MENU: Final = "then-and-now-menu"  # the page's own Download menu
BACK_DASHBOARD_TN: Final = "back-dashboard-tn"
# In-page targets of the page (a profile links to a statement, the contents to a theme, a statement to its chart): the
# first paint keeps ids with these prefixes (components/static.py), so an address ending #statement-7 lands there.
STATEMENT: Final = "statement-"  # + number
THEME: Final = "theme-"  # + theme id
CHART_ANCHOR: Final = "chart-at-"  # + chart id
ANCHORS: Final = (STATEMENT, THEME, CHART_ANCHOR)

LABEL_PREFIX: Final = "label-"  # + control id: the visible label of a control
MENU_WRAP: Final = "menu-wrap-"  # + chart id: holds that chart's export menu
DASHBOARD_CHARTS: Final = ("map", "trend", "ranking")
# A chart's words (components.widgets.chart_words), + chart id. The first paint keeps ids with this prefix
# (components/static.py): the graph's box points at the name and description by id.
WORDS_PREFIX: Final = "a11y-"
CHART_NAME: Final = WORDS_PREFIX + "name-"  # the chart's accessible name: its kind and title
CHART_DESCRIPTION: Final = WORDS_PREFIX + "description-"  # one sentence on what it draws
CHART_WORDS: Final = "words-"  # on the dashboard: the box of a chart's words, redrawn with the view


def image_export(chart: Pattern, fmt: Pattern) -> dict[str, Pattern]:
    """Pattern-matching id of one image export item (one per chart and format)."""
    return {"type": "image-export", "chart": chart, "format": fmt}


def pack_add(chart: Pattern) -> dict[str, Pattern]:
    """Pattern-matching id of a chart's "Add to briefing pack" menu item."""
    return {"type": "pack-add", "chart": chart}


def data_export(chart: Pattern, fmt: Pattern) -> dict[str, Pattern]:
    return {"type": "data-export", "chart": chart, "format": fmt}


def data_link(chart: Pattern) -> dict[str, Pattern]:
    """Pattern-matching id of a "Copy data link" menu item: a chart's, or a profile's own file (PROFILE_DATA)."""
    return {"type": "data-link", "chart": chart}


def remove_country(code: Pattern) -> dict[str, Pattern]:
    """Pattern-matching id of a selected country's remove button."""
    return {"type": "remove-country", "code": code}


def embed_open(chart: Pattern) -> dict[str, Pattern]:
    return {"type": "embed-open", "chart": chart}
