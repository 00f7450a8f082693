"""Every component id of the page, defined once; callbacks and layout import them from here."""

from typing import Final

URL: Final = "url"
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
