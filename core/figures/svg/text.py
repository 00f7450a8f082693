"""SVG primitives for server-drawn charts: the vendored font and its metrics, escaped text, wrapping, numbers,
colours, dashes and the opening of an accessible <svg> (role="img", named by its <title>)."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from pathlib import Path

from core.figures.style import FONT, INK

FONT_DIR = Path(__file__).resolve().parents[3] / "assets" / "fonts"
FONT_NAME = "Source Sans 3"
FONT_FILES = {400: "SourceSans3-Regular.ttf", 600: "SourceSans3-Semibold.ttf"}
FONT_FAMILY = f"'{FONT_NAME}', {FONT}"
# Colours core.figures writes inline in its layouts (tests/test_svg.py checks they still agree), plotly's defaults
# (tick marks, a category axis's grid) and the year the dashboard's map shows (assets/dashboard.js).
GRID = "#e4e7eb"
AXIS_LINE = "#9aa5b1"
TARGET = "#009e73"
TARGET_TEXT = "#00795a"
STEM = "#c5ccd6"
TICK = "#444444"
ROW_GRID = "#eeeeee"
YEAR_MARK = "rgba(31,41,51,0.45)"

# plotly.js constants the layouts below reproduce (src/plots/cartesian/autorange.js, scatter/calc.js):
AUTO_PAD = 0.05  # autorange pads each padded end by 5 % of the axis length ...
MARKER_PAD = 1 / 1.6  # ... plus the marker size / 1.6
MARGIN = 8  # the figures' base margin

# Margins and legend items are laid out for text 22 % wider than the vendored font's: in the page, the system
# font plotly uses (and the static chart falls back to until the vendored font loads) is wider, up to DejaVu
# Sans on Linux (Segoe UI, Roboto and SF are about 8 % wider); measured on names of this dashboard.
LAYOUT_SLACK = 1.22

TickFormat = Callable[[float, int], str]  # (value, decimals the tick step needs) -> label


# --- text -----------------------------------------------------------------------------------------------------

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def esc(text: object) -> str:
    """Text safe in an SVG text node or a double-quoted attribute (characters XML cannot hold are dropped)."""
    return html.escape(_NOT_XML.sub("", str(text)), quote=True)


@functools.lru_cache(maxsize=2)
def _advances(weight: int) -> tuple[dict[int, float], float]:
    from fontTools.ttLib import TTFont  # imported late: only text layout needs it

    font = TTFont(FONT_DIR / FONT_FILES[weight], lazy=True)
    units = font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    widths = {code: metrics[name][0] / units for code, name in font.getBestCmap().items()}
    return widths, widths.get(ord("n"), 0.5)


def text_width(text: str, size: float, weight: int = 400) -> float:
    """Width in pixels of one line of text in the vendored font (advance widths, no kerning)."""
    widths, fallback = _advances(600 if weight >= 600 else 400)
    return size * sum(widths.get(ord(char), fallback) for char in text)


def wrap(text: str, size: float, width: float, weight: int = 400, max_lines: int = 0) -> list[str]:
    """Greedy word wrap to `width` pixels; with `max_lines`, the last line kept ends in an ellipsis."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size, weight) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if max_lines and len(lines) > max_lines:
        last = " ".join(lines[max_lines - 1 :])
        lines = [*lines[: max_lines - 1], ellipsize(last, size, width, weight)]
    return lines


def ellipsize(text: str, size: float, width: float, weight: int = 400) -> str:
    """The text, cut at a word and ended with an ellipsis if it is wider than `width` pixels."""
    if text_width(text, size, weight) <= width:
        return text
    words = text.split()
    while len(words) > 1 and text_width(" ".join(words) + "…", size, weight) > width:
        words.pop()
    short = " ".join(words)
    while len(short) > 1 and text_width(short + "…", size, weight) > width:
        short = short[:-1]
    return short.rstrip(" ,;:") + "…"


def text_at(x: float, y: float, content: str, size: float, fill: str = INK, anchor: str = "start") -> str:
    anchor_attr = "" if anchor == "start" else f' text-anchor="{anchor}"'
    return f'<text x="{num(x)}" y="{num(y)}" font-size="{num(size)}" fill="{fill}"{anchor_attr}>{esc(content)}</text>'


# --- numbers and colours ----------------------------------------------------------------------------------------


def num(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


_RGB = re.compile(r"rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)")


def hex_color(color: str) -> str:
    """'rgb(8, 29, 88)' (as plotly's colour scales give them) as '#081d58'; other colours unchanged."""
    match = _RGB.fullmatch(color.strip())
    if not match or match.group(4) is not None:
        return color
    return "#" + "".join(f"{round(float(v)):02x}" for v in match.groups()[:3])


def dash(kind: str, width: float) -> str:
    """plotly.js's dash patterns (Drawing.dashStyle): 'dash' and 'dot' scale with the line, 3 px at least."""
    unit = max(width, 3)
    pattern = {"dash": f"{num(3 * unit)},{num(3 * unit)}", "dot": f"{num(unit)},{num(unit)}"}.get(kind, "")
    return f' stroke-dasharray="{pattern}"' if pattern else ""


# --- the document ------------------------------------------------------------------------------------------------


def open_svg(width: float, height: float, uid: str, title: str, desc: str, lang: str = "") -> str:
    """The root element with its accessible name (and description), system of units and font."""
    labelled = f"{uid}-title" + (f" {uid}-desc" if desc else "")
    lang_attr = f' xml:lang="{esc(lang)}" lang="{esc(lang)}"' if lang else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{num(width)}" height="{num(height)}" '
        f'viewBox="0 0 {num(width)} {num(height)}" role="img" aria-labelledby="{esc(labelled)}"{lang_attr} '
        f'font-family="{esc(FONT_FAMILY)}" id="{esc(uid)}">'
        f'<title id="{esc(uid)}-title">{esc(title)}</title>'
        + (f'<desc id="{esc(uid)}-desc">{esc(desc)}</desc>' if desc else "")
    )


def rect_attrs(x: float, y: float, width: float, height: float) -> str:
    return f'x="{num(x)}" y="{num(y)}" width="{num(width)}" height="{num(height)}"'


def clip_rect(uid: str, box: tuple[float, float, float, float]) -> str:
    x0, y0, x1, y1 = box
    return f'<clipPath id="{esc(uid)}"><rect {rect_attrs(x0, y0, x1 - x0, y1 - y0)}/></clipPath>'
