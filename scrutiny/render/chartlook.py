"""The look every chart shares, and the measure of its text: the site's font and text
sizes, :class:`ChartStyle` (the brand's colours), the patterned fills that tell categories
apart without colour (:class:`Swatch`, :func:`swatches`, and their SVG patterns), how text
inside a fill is written (:func:`label_look`), and the width of a label in pixels and its
wrapping (:func:`text_width`, :func:`wrap`), measured so that it fits in any of the site's
fonts.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..colour import contrast, parse_hex
from ..model import Brand

FONT = ('system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, Noto Sans, '
        'Liberation Sans, DejaVu Sans, sans-serif')
"""The site's font stack (theme/css/1-base.css), without quotes (they would be escaped in SVG)."""

LABEL_PX = 14
"""The smallest text in any chart."""
HEADING_PX = 16
LINE = {14: 18, 16: 21}
"""Line height of each text size."""


# --- look -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartStyle:
    """Colours of every chart, from the council's brand."""

    text: str = "#0b0c0c"
    background: str = "#ffffff"
    primary: str = "#1d4f91"
    focus: str = "#ffdd00"
    font: str = FONT

    @classmethod
    def of(cls, brand: Brand | None) -> "ChartStyle":
        if brand is None:
            return cls()
        return cls(brand.text, brand.background, brand.primary, brand.focus)

    @property
    def muted(self) -> str:
        """Grid lines and tracks."""
        return mix(self.text, self.background, 0.7)


def mix(a: str, b: str, t: float) -> str:
    """The colour ``t`` of the way from ``a`` to ``b``."""
    ca, cb = parse_hex(a), parse_hex(b)
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(ca, cb))


@dataclass(frozen=True)
class Swatch:
    """How one category is drawn: a base colour, a pattern over it in an ink colour."""

    base: str
    pattern: str
    """``solid``, ``stripes``, ``back-stripes``, ``dots``, ``cross``, ``rows`` or ``columns``."""
    ink: str


def swatches(style: ChartStyle, n: int) -> list[Swatch]:
    """``n`` distinct fills in the brand's colours, each with its own pattern."""
    p, b, t = style.primary, style.background, style.text
    cycle = [
        Swatch(p, "solid", p),
        Swatch(mix(p, b, 0.6), "stripes", p),
        Swatch(mix(p, b, 0.85), "dots", p),
        Swatch(style.focus, "solid", style.focus),
        Swatch(b, "cross", mix(t, b, 0.25)),
        Swatch(mix(p, t, 0.5), "rows", b),
        Swatch(mix(t, b, 0.75), "back-stripes", t),
        Swatch(b, "columns", p),
    ]
    return [cycle[i % len(cycle)] for i in range(n)]


def empty_swatch(style: ChartStyle) -> Swatch:
    """The fill of "No update": the background, plain."""
    return Swatch(style.background, "solid", style.background)


def _pattern_def(pid: str, s: Swatch) -> str:
    size = 8
    body = f'<rect width="{size}" height="{size}" fill="{s.base}"/>'
    line = f'stroke="{s.ink}" stroke-width="2.5"'
    shapes = {
        "stripes": (f'<line x1="0" y1="0" x2="0" y2="{size}" {line}/>', ' patternTransform="rotate(45)"'),
        "back-stripes": (f'<line x1="0" y1="0" x2="0" y2="{size}" {line}/>', ' patternTransform="rotate(-45)"'),
        "dots": (f'<circle cx="4" cy="4" r="1.8" fill="{s.ink}"/>', ""),
        "cross": (f'<line x1="0" y1="0" x2="0" y2="{size}" {line}/><line x1="0" y1="0" x2="{size}" y2="0" {line}/>',
                  ' patternTransform="rotate(45)"'),
        "rows": (f'<line x1="0" y1="4" x2="{size}" y2="4" {line}/>', ""),
        "columns": (f'<line x1="4" y1="0" x2="4" y2="{size}" {line}/>', ""),
    }
    shape, transform = shapes[s.pattern]
    return (f'<pattern id="{pid}" patternUnits="userSpaceOnUse" width="{size}" height="{size}"{transform}>'
            f"{body}{shape}</pattern>")


# --- text measure ------------------------------------------------------------------------

# Advance widths (em) of DejaVu Sans, one of the widest common sans fonts, for ASCII 32-126:
# a label measured with them fits in any of the site's fonts.
_W = [0.318, 0.401, 0.46, 0.838, 0.636, 0.95, 0.78, 0.275, 0.39, 0.39, 0.5, 0.838, 0.318, 0.361,
      0.318, 0.337, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.337,
      0.337, 0.838, 0.838, 0.838, 0.531, 1.0, 0.684, 0.686, 0.698, 0.77, 0.632, 0.575, 0.775, 0.752,
      0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787, 0.603, 0.787, 0.695, 0.635, 0.611, 0.732,
      0.684, 0.989, 0.685, 0.611, 0.685, 0.39, 0.337, 0.39, 0.838, 0.5, 0.5, 0.613, 0.635, 0.55,
      0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612, 0.635,
      0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838]
_BOLD = 1.1
"""DejaVu Sans Bold is about a tenth wider."""


def _em(text: str) -> float:
    return sum(_W[ord(c) - 32] if 32 <= ord(c) < 127 else 1.0 for c in text)


def text_width(text: str, size: int, bold: bool = False) -> float:
    """Width in pixels of one line of ``text`` (an upper bound, 4% to spare)."""
    return _em(text) * size * (_BOLD if bold else 1.0) * 1.04


def wrap(text: str, size: int, width: float, bold: bool = False) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (a word longer than that is cut)."""
    scale = size * (_BOLD if bold else 1.0) * 1.04
    room = width / scale  # in em
    space, hyphen = _em(" "), _em("-")
    lines: list[str] = []
    line, used = "", 0.0
    for word in text.split():
        w = _em(word)
        if line and used + space + w <= room:
            line, used = f"{line} {word}", used + space + w
            continue
        if line:
            lines.append(line)
        while w > room and len(word) > 1:  # cut a word too long for a line of its own
            cut = len(word) - 1
            while cut > 1 and _em(word[:cut]) + hyphen > room:
                cut -= 1
            lines.append(word[:cut] + "-")
            word = word[cut:]
            w = _em(word)
        line, used = word, w
    if line:
        lines.append(line)
    return lines or [""]


def label_look(swatch: Swatch, style: ChartStyle) -> dict:
    """How text inside a fill is written: plain in whichever of the page's two colours
    reads on a plain fill (4.5:1), else dark with a halo of the background around it."""
    if swatch.pattern == "solid":
        for colour in (style.text, style.background):
            if contrast(colour, swatch.base) >= 4.5:
                return {"colour": colour}
    return {"colour": style.text, "halo": True}
