"""Every component id of the page, defined once; callbacks and layout import them from here."""

from typing import Final

URL: Final = "url"
REPLACE_URL: Final = "replace-url"  # a corrected link, written over the current history entry (not a new one)
STATE: Final = "view-state"  # the canonical ViewState of the page, as a dict
VIEW_KEY: Final = "view-key"  # the state without its year: changes only when the map must be rebuilt
FRAMES: Final = "map-frames"  # year -> map trace data, for playing without the server
COMMITTED_YEAR: Final = "committed-year"  # the slider's year, held back while the animation plays
PLAYING: Final = "playing"
TICKER: Final = "play-ticker"
NOTICE: Final = "notice"

INDICATOR: Final = "indicator"
FOCUS: Final = "focus"
COUNTRIES: Final = "countries"
SCALE: Final = "scale"
YEAR: Final = "year"
PLAY: Final = "play"
VIEW: Final = "view"

MAP: Final = "map"
MAP_NOTE: Final = "map-note"
MAP_TITLE: Final = "map-title"
TREND: Final = "trend"
TREND_TITLE: Final = "trend-title"
RANKING: Final = "ranking"
RANKING_TITLE: Final = "ranking-title"
HEADLINES: Final = "headlines"
TABLE: Final = "data-table"
ABOUT: Final = "about"
SOURCES: Final = "sources"

LANG: Final = "lang"  # the language switch
BROWSER_LANG: Final = "browser-lang"  # the visitor's Accept-Language choice, the default when the URL has none
TITLE: Final = "app-title"
SUBTITLE: Final = "app-subtitle"
FOOTER: Final = "footer"
ABOUT_SUMMARY: Final = "about-summary"
LABEL_PREFIX: Final = "label-"  # + control id: the visible label of a control
DOC_TITLE: Final = "doc-title"  # the page title in the current language, for the browser tab

EXPORT_META: Final = "export-meta"  # titles, subtitles and source lines baked into exported images
DOWNLOAD: Final = "download"  # dcc.Download of data files
COPY_LINK: Final = "copy-link"
COPY_STATUS: Final = "copy-status"
EMBED_MODAL: Final = "embed-modal"
EMBED_CODE: Final = "embed-code"
EMBED_KIND: Final = "embed-kind"  # live or pinned
EMBED_COPY: Final = "embed-copy"
EMBED_TITLE: Final = "embed-title"
PAGE_META: Final = "page-meta"  # the same for the charts of a profile or corridor view

# The pages (one layout; the path picks the page shown: see core/state/urlstate.route).
DASHBOARD_PAGE: Final = "page-dashboard"
PROFILE_PAGE: Final = "page-country"
CORRIDOR_PAGE: Final = "page-corridors"
PROFILE_LINKS: Final = "profile-links"  # on the dashboard: links to the selected countries' profiles
PROFILE_BODY: Final = "profile-body"
PROFILE_BAR: Final = "profile-bar"  # the profile's navigation bar
PROFILE_NAV: Final = "profile-nav"  # its links (they carry the view)
PROFILE_MENU: Final = "profile-menu"  # the profile's data download menu
PRINT: Final = "print-brief"
CORRIDOR_NAV: Final = "corridor-nav"
CORRIDOR_TITLE: Final = "corridor-title"
CORRIDOR_HEADLINES: Final = "corridor-headlines"
CORRIDOR_BODY: Final = "corridor-body"
DIRECTION: Final = "direction"
CYEAR: Final = "corridor-year"

MENU_WRAP: Final = "menu-wrap-"  # + chart: holds that chart's export menu
CHARTS: Final = ("map", "trend", "ranking")  # the dashboard's charts that export and embed
PROFILE_DATA: Final = "profile"  # the "chart" name of a profile's own data download (figures and comparison)


def image_export(chart: str, fmt: str) -> dict[str, str]:
    """Pattern-matching id of one image export item (one per chart and format)."""
    return {"type": "image-export", "chart": chart, "format": fmt}


def data_export(chart: str, fmt: str) -> dict[str, str]:
    return {"type": "data-export", "chart": chart, "format": fmt}


def embed_open(chart: str) -> dict[str, str]:
    return {"type": "embed-open", "chart": chart}
