"""Images drawn on the server with no browser: SVG -> PNG with resvg, and the 1200 x 630 link-preview card
(og:image) that frames a chart with its title, subtitle, source line and data edition.

Renderer: resvg (the Rust SVG renderer, maintained in the Linebender organisation since 2024) through the
`resvg-py` wheel (resvg 0.48.1, MIT). Its abi3 wheels (manylinux x86_64 and aarch64, musllinux, macOS) link
only libc and libgcc, so `pip install -r requirements.txt` is the whole setup, on a developer's machine, in
CI and on a PaaS alike; it draws text with the font files it is given, here the vendored Source Sans 3
(assets/fonts) and nothing from the system, so an image is the same everywhere. Compared on this machine
(LAC map, 785 x 660):
- cairosvg 2.9 (Kozea): about as fast (90-113 ms against 100-111 ms), but needs Debian's libcairo2 at run
  time and finds fonts only through fontconfig, so a vendored font needs a fontconfig file and environment.
- resvg 0.2 (another binding, keeps its font database between calls): a first try rendered that map blank;
  little used.
- skia-python: needs OpenGL, libEGL and fontconfig on Linux hosts (its own install notes); vl-convert-python
  carries a JavaScript runtime for Vega; kaleido drives a Chromium. Heavier than these charts need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import resvg_py

from core.figures.style import INK
from core.figures.svg.text import FONT_DIR, FONT_FAMILY, FONT_FILES, esc, num, text_width, wrap

CARD_WIDTH, CARD_HEIGHT = 1200, 630
CHART_ZOOM = 1.5  # a card's chart is drawn at its slot / 1.5 and scaled up: 11 px labels read at thumbnail size
BRAND = "#0b3c5d"  # the dashboard header's colour (assets/style.css --brand)
CARD_MUTED = "#52606d"  # the page's muted text (assets/style.css --muted), darker than the charts' for contrast
RULE = "#d9dee4"
PAD = 56
FOOTER = 84  # the source line and the edition, under a rule
SIDE_TEXT = 430  # width of the text column when the chart stands beside it (a map taller than wide)
FONT_PATHS = [str(FONT_DIR / name) for name in FONT_FILES.values()]


def png(svg: str, width: int, height: int, background: str | None = "#ffffff") -> bytes:
    """The SVG drawn as a PNG of `width` x `height` pixels (scaled from its own size), with the vendored font,
    on `background` (None: transparent, as the charts' own background is)."""
    return bytes(
        resvg_py.svg_to_bytes(
            svg_string=svg,
            width=width,
            height=height,
            background=background,
            font_files=FONT_PATHS,
            skip_system_fonts=True,
            font_family=FONT_FAMILY.split(",")[0].strip("'"),
            sans_serif_family=FONT_FAMILY.split(",")[0].strip("'"),
        )
    )


@dataclass(frozen=True)
class Slot:
    """Where a card puts its chart (pixels of the card) and the size to draw the chart at (slot / CHART_ZOOM)."""

    x: float
    y: float
    width: float
    height: float

    @property
    def chart_size(self) -> tuple[int, int]:
        """Width and height to draw the chart at, so that scaled by CHART_ZOOM it fills the slot."""
        return int(self.width / CHART_ZOOM), int(self.height / CHART_ZOOM)


TITLE_SIZE, TITLE_LINE = 44, 52
SUBTITLE_SIZE, SUBTITLE_LINE = 26, 34
SIDE_TITLE_SIZE, SIDE_TITLE_LINE = 40, 48
TOP = 40  # below the brand rule


@dataclass(frozen=True)
class Heading:
    """The card's title and subtitle lines, and where the chart goes (under them, or beside them with `side`)."""

    title: list[str]
    subtitle: list[str]
    side: bool

    @property
    def title_size(self) -> tuple[int, int]:
        return (SIDE_TITLE_SIZE, SIDE_TITLE_LINE) if self.side else (TITLE_SIZE, TITLE_LINE)

    @property
    def subtitle_top(self) -> float:
        """Baseline of the first subtitle line."""
        size, step = self.title_size
        return TOP + size + (len(self.title) - 1) * step + (48 if self.side else 42)

    @property
    def slot(self) -> Slot:
        bottom = CARD_HEIGHT - FOOTER - 12
        if self.side:
            left = PAD + SIDE_TEXT + 40
            return Slot(left, TOP - 4, CARD_WIDTH - PAD - left, bottom - TOP + 4)
        top = self.subtitle_top + (len(self.subtitle) - 1) * SUBTITLE_LINE + 30
        return Slot(PAD, top, CARD_WIDTH - 2 * PAD, bottom - top)


def heading(title: str, subtitle: str, side: bool = False) -> Heading:
    """The title wrapped (2 lines at most, 5 beside a chart) and the subtitle (1 line, or beside a chart as many
    as fit above the footer)."""
    width = SIDE_TEXT if side else CARD_WIDTH - 2 * PAD
    size = SIDE_TITLE_SIZE if side else TITLE_SIZE
    head = Heading(wrap(title, size, width, 600, max_lines=5 if side else 2), [], side)
    room = 1 + int((CARD_HEIGHT - FOOTER - 24 - head.subtitle_top) // SUBTITLE_LINE) if side else 1
    lines = wrap(subtitle, SUBTITLE_SIZE, width, max_lines=max(1, room)) if subtitle else []
    return Heading(head.title, lines, side)


def chart_slot(title: str, subtitle: str, side: bool = False) -> Slot:
    """Where `preview_card` puts the chart for these texts; draw the chart at `chart_slot(...).chart_size`."""
    return heading(title, subtitle, side).slot


_ROOT = re.compile(r"<svg\b[^>]*>")
_SIZE = re.compile(r'\s(?:width|height|x|y)="[^"]*"')


def _place(chart_svg: str, slot: Slot) -> str:
    """The chart's root <svg> as a nested viewport filling the slot (its viewBox scales it, centred)."""
    match = _ROOT.search(chart_svg)
    if match is None:
        raise ValueError("chart_svg has no <svg> element")
    tag = _SIZE.sub("", match.group(0)[:-1]).rstrip("/")
    placed = f'{tag} x="{num(slot.x)}" y="{num(slot.y)}" width="{num(slot.width)}" height="{num(slot.height)}">'
    return placed + chart_svg[match.end() :]


def _balanced(text: str, size: float, width: float, max_lines: int) -> list[str]:
    """Wrapped as `wrap` does, then as narrow as the same number of lines allows (no one-word last line)."""
    lines = wrap(text, size, width, max_lines=max_lines)
    if len(lines) < 2 or lines[-1].endswith("…"):
        return lines
    low, high = width / len(lines), width
    while high - low > 4:
        middle = (low + high) / 2
        if len(wrap(text, size, middle)) <= len(lines):
            high = middle
        else:
            low = middle
    return wrap(text, size, high, max_lines=max_lines)


def _lines(x: float, y: float, lines: list[str], size: int, step: int, fill: str, weight: int = 400) -> str:
    bold = f' font-weight="{weight}"' if weight != 400 else ""
    return "".join(
        f'<text x="{num(x)}" y="{num(y + i * step)}" font-size="{size}" fill="{fill}"{bold}>{esc(line)}</text>'
        for i, line in enumerate(lines)
    )


def preview_card(
    title: str, subtitle: str, chart_svg: str, source_line: str, edition: str, lang: str, *, side: bool = False
) -> str:
    """A 1200 x 630 link-preview image as SVG: a brand rule, the title (wrapped), the subtitle, the chart (drawn
    at `chart_slot(title, subtitle, side).chart_size`), and at the foot the source line (left) and the data
    edition (right). Texts come formatted in `lang`, which is also the document's language."""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{CARD_WIDTH}" height="{CARD_HEIGHT}" '
        f'viewBox="0 0 {CARD_WIDTH} {CARD_HEIGHT}" role="img" aria-labelledby="card-title" '
        f'xml:lang="{esc(lang)}" lang="{esc(lang)}" font-family="{esc(FONT_FAMILY)}">'
        f'<title id="card-title">{esc(title)}</title>'
        f'<rect width="{CARD_WIDTH}" height="{CARD_HEIGHT}" fill="#ffffff"/>'
        f'<rect width="{CARD_WIDTH}" height="8" fill="{BRAND}"/>'
    ]
    head = heading(title, subtitle, side)
    slot = head.slot
    size, step = head.title_size
    parts.append(_lines(PAD, TOP + size, head.title, size, step, INK, 600))
    parts.append(_lines(PAD, head.subtitle_top, head.subtitle, SUBTITLE_SIZE, SUBTITLE_LINE, CARD_MUTED))
    parts.append(_place(chart_svg, slot))
    rule = CARD_HEIGHT - FOOTER
    edition_width = text_width(edition, 20)
    source = _balanced(source_line, 20, CARD_WIDTH - 2 * PAD - edition_width - 32, max_lines=2)
    parts.append(f'<rect x="{PAD}" y="{rule}" width="{CARD_WIDTH - 2 * PAD}" height="1" fill="{RULE}"/>')
    parts.append(_lines(PAD, rule + 32, source, 20, 25, CARD_MUTED))
    parts.append(
        f'<text x="{CARD_WIDTH - PAD}" y="{rule + 32}" font-size="20" fill="{CARD_MUTED}" '
        f'text-anchor="end">{esc(edition)}</text></svg>'
    )
    return "".join(parts)
