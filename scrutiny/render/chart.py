"""Charts: Vega-Lite specs rendered to SVG at build time (vl-convert, no network).

Two kinds, one look (the site's font and brand colours, labels of at least 14 px, all
horizontal): a data table's own spec over the table's rows (:func:`chart_svg`), and the
progress charts of :mod:`scrutiny.stats` (:func:`status_spec`, :func:`rate_spec`,
:func:`timeliness_spec`). The progress charts are laid out here, in pixels, so that every
label is written where it fits, nothing overlaps at any width, and every category has
its own fill pattern and its name beside it: colour is never the only cue. Being pixels
already, they are written to SVG by :mod:`.canvas`, not by the renderer. The table
beside each chart is its accessible alternative.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from importlib import metadata
from pathlib import Path

from ..i18n import _, gettext, ngettext
from ..colour import contrast, parse_hex
from ..model import Brand, DataTable
from ..stats import ImplementationRates, StatusHistory, Timeliness
from .canvas import canvas_svg, is_canvas
from .chartsafety import ChartError, chart_problems, draw_svg, svg_problem, xml_safe

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


# --- a pixel canvas, written as a Vega-Lite spec ------------------------------------------------------


class _Canvas:
    """Rectangles and text at pixel positions (identity scales), described as one Vega-Lite
    spec (marked ``usermeta.canvas``) that :mod:`.canvas` writes as SVG the way Vega would."""

    PAD = 4

    def __init__(self, width: int, style: ChartStyle):
        self.width = width - 2 * self.PAD
        self.style = style
        self.rects: list[dict] = []
        self.texts: dict[tuple, list[dict]] = {}
        self.patterns: dict[str, Swatch] = {}
        self.y = 0.0

    def fill(self, swatch: Swatch) -> str:
        if swatch.pattern == "solid":
            return swatch.base
        pid = f"pattern-{len(self.patterns)}"
        for known, s in self.patterns.items():
            if s == swatch:
                return f"url(#{known})"
        self.patterns[pid] = swatch
        return f"url(#{pid})"

    def rect(self, x: float, y: float, w: float, h: float, fill: str, stroke: str = "", dashed: bool = False) -> None:
        self.rects.append({"x": round(x, 2), "x2": round(x + w, 2), "y": round(y, 2), "y2": round(y + h, 2),
                           "fill": fill, "stroke": stroke or "transparent", "dash": dashed})

    def text(self, x: float, y: float, lines: list[str] | str, size: int = LABEL_PX, bold: bool = False,
             align: str = "left", halo: bool = False, colour: str = "") -> float:
        """Text whose first line's top is at ``y``; returns the height it takes."""
        lines = [lines] if isinstance(lines, str) else lines
        key = (size, bold, align, halo, colour or self.style.text)
        for i, line in enumerate(lines):  # one text mark a line: Vega draws arrays of lines slowly
            self.texts.setdefault(key, []).append({"x": round(x, 2), "y": round(y + i * LINE[size], 2),
                                                   "t": xml_safe(line)})
        return LINE[size] * len(lines)

    def paragraph(self, text: str, size: int = LABEL_PX, bold: bool = False) -> None:
        """A wrapped line of text across the width, at the running position."""
        self.y += self.text(0, self.y, wrap(text, size, self.width, bold), size, bold)

    def spec(self) -> dict:
        style = self.style
        ident = {"type": "quantitative", "scale": None}
        layers: list[dict] = []
        for dashed in (False, True):
            rects = [r for r in self.rects if r["dash"] == dashed]
            if not rects:
                continue
            layers.append({
                "data": {"values": rects},
                "mark": {"type": "rect", "strokeWidth": 1, **({"strokeDash": [4, 3]} if dashed else {})},
                "encoding": {"x": {"field": "x", **ident}, "x2": {"field": "x2"},
                             "y": {"field": "y", **ident}, "y2": {"field": "y2"},
                             "fill": {"field": "fill", "type": "nominal", "scale": None},
                             "stroke": {"field": "stroke", "type": "nominal", "scale": None}},
            })
        for (size, bold, align, halo, colour), texts in sorted(self.texts.items()):
            mark = {"type": "text", "fontSize": size, "fontWeight": "bold" if bold else "normal", "align": align,
                    "baseline": "top", "lineHeight": LINE[size], "fill": colour, "font": style.font}
            if halo:
                mark.update(stroke=style.background, strokeWidth=4, strokeJoin="round")
            layers.append({"data": {"values": texts}, "mark": mark,
                           "encoding": {"x": {"field": "x", **ident}, "y": {"field": "y", **ident},
                                        "text": {"field": "t"}}})
        return {
            "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
            "width": self.width, "height": max(1, round(self.y)), "padding": self.PAD,
            "autosize": {"type": "none"}, "background": style.background,
            "config": {"view": {"stroke": None}, "font": style.font, "aria": False},
            "layer": layers,
            "usermeta": {"canvas": True,  # drawn by .canvas, not the chart renderer
                         "patterns": {pid: [s.base, s.pattern, s.ink] for pid, s in self.patterns.items()}},
        }


BAR = 28
"""Height of a bar."""
GAP = 14
"""Space below each bar."""


def label_look(swatch: Swatch, style: ChartStyle) -> dict:
    """How text inside a fill is written: plain in whichever of the page's two colours
    reads on a plain fill (4.5:1), else dark with a halo of the background around it."""
    if swatch.pattern == "solid":
        for colour in (style.text, style.background):
            if contrast(colour, swatch.base) >= 4.5:
                return {"colour": colour}
    return {"colour": style.text, "halo": True}


def _segment_label(label: str, count: int, width: float) -> str:
    """The words that fit inside a segment ``width`` pixels wide: label and count, the count, or none."""
    for words in (f"{label}: {count}", str(count)):
        if text_width(words, LABEL_PX) + 10 <= width:
            return words
    return ""


def _legend(c: _Canvas, entries: list[tuple[str, Swatch]]) -> None:
    """Swatches with their labels, in the order the segments are stacked, flowing in rows."""
    x, box, row = 0.0, 18, LINE[LABEL_PX] + 8
    for label, swatch in entries:
        lines = wrap(label, LABEL_PX, c.width - box - 8)
        need = box + 8 + max(text_width(line, LABEL_PX) for line in lines)
        if x > 0 and x + need > c.width:
            x, c.y = 0.0, c.y + row
        c.rect(x + 0.5, c.y + 0.5, box - 1, box - 1, c.fill(swatch), c.style.text,
               dashed=swatch.pattern == "solid" and swatch.base == c.style.background)
        c.text(x + box + 8, c.y + 1, lines)
        if len(lines) > 1:  # a wrapped label takes its own rows
            x, c.y = 0.0, c.y + LINE[LABEL_PX] * len(lines) + 8
        else:
            x += need + 20
    if x > 0:
        c.y += row
    c.y += 6


def status_spec(history: StatusHistory, style: ChartStyle, width: int) -> dict | None:
    """One stacked bar per update round; each status its own patterned fill, named in the
    legend and, where it fits, inside its segment with its count."""
    if not history.rounds:
        return None
    c = _Canvas(width, style)
    fills = swatches(style, max((cat.index for cat in history.categories), default=0) + 1)
    look = [empty_swatch(style) if cat.term is None else fills[cat.index] for cat in history.categories]
    _legend(c, [(cat.label, s) for cat, s in zip(history.categories, look)])
    biggest = max(r.total for r in history.rounds) or 1
    for rnd in history.rounds:
        after = ngettext("After %(day)s: %(num)s recommendation", "After %(day)s: %(num)s recommendations", rnd.total,
                         day=rnd.date.display)
        c.y += c.text(0, c.y, wrap(after, LABEL_PX, c.width, True), bold=True) + 4
        x = 0.0
        for cat, swatch, count in zip(history.categories, look, rnd.counts):
            if not count:
                continue
            w = c.width * count / biggest
            c.rect(x + 0.5, c.y + 0.5, max(w - 1, 1), BAR - 1, c.fill(swatch), style.text,
                   dashed=cat.term is None)
            words = _segment_label(cat.label, count, w)
            if words:
                c.text(x + 5, c.y + (BAR - LINE[LABEL_PX]) / 2 + 1, words, **label_look(swatch, style))
            x += w
        c.y += BAR + GAP
    for note in status_notes(history):
        c.paragraph(note)
    return c.spec()


def status_notes(history: StatusHistory) -> list[str]:
    """What the status chart leaves out, in words (drawn on it and shown beside it)."""
    notes = []
    if history.earlier:
        shown = len(history.rounds)
        notes.append(_("Only the latest %(shown)s of %(all)s update rounds are shown.", shown=shown,
                       all=f"{history.earlier + shown:,}"))
    if history.undated:
        notes.append(ngettext("Not shown: %(num)s recommendation with no date, nor any for its report.",
                              "Not shown: %(num)s recommendations with no date, nor any for its report.",
                              history.undated))
    return notes


def rate_notes(rates: ImplementationRates) -> list[str]:
    """What each window leaves out, in words (drawn on the chart and shown beside it)."""
    notes = []
    dated = rates.dated
    for w in rates.windows:
        if w.too_recent:
            notes.append(ngettext(
                "%(months)s months: %(recent)s of %(num)s recommendation not yet %(months)s months past its response, "
                "not counted.",
                "%(months)s months: %(recent)s of %(num)s recommendations not yet %(months)s months past their "
                "response, not counted.", dated, months=w.months, recent=w.too_recent))
        if w.neither:
            notes.append(_("%(months)s months: %(neither)s closed with a status or decision that counts neither as "
                           "implemented nor as not, not counted.", months=w.months, neither=w.neither))
    if rates.undated:
        notes.append(ngettext("%(num)s recommendation has a response whose date is not stated, not counted.",
                              "%(num)s recommendations have responses whose date is not stated, not counted.",
                              rates.undated))
    if rates.no_response:
        notes.append(ngettext("%(num)s recommendation has no recorded response, not counted.",
                              "%(num)s recommendations have no recorded response, not counted.", rates.no_response))
    return notes


def rate_spec(rates: ImplementationRates, style: ChartStyle, width: int) -> dict | None:
    """One bar per window: the share implemented, against a track of 100%, with its count."""
    if not rates.dated:
        return None
    c = _Canvas(width, style)
    fill = swatches(style, 1)[0]
    for w in rates.windows:
        c.y += c.text(0, c.y, wrap(_("Within %(months)s months of the response", months=w.months), LABEL_PX, c.width,
                                   True), bold=True) + 4
        c.rect(0.5, c.y + 0.5, c.width - 1, BAR - 1, style.background, style.muted)
        mid = c.y + (BAR - LINE[LABEL_PX]) / 2 + 1
        if w.counted:
            filled = (c.width - 1) * w.implemented / w.counted
            if filled:
                c.rect(0.5, c.y + 0.5, filled, BAR - 1, c.fill(fill), style.text)
            words = _("%(percent)s%% (%(implemented)s of %(counted)s)", percent=w.percent, implemented=w.implemented,
                      counted=w.counted)
            need = text_width(words, LABEL_PX, True) + 10
            if filled + need <= c.width:
                c.text(filled + 6, mid, words, bold=True)
            else:
                c.text(max(4.0, filled - need), mid, words, bold=True, **label_look(fill, style))
        else:
            c.text(6, mid, _("None counted yet"))
        c.y += BAR + GAP
    for note in rate_notes(rates):
        c.paragraph(note)
    return c.spec()


def timeliness_notes(t: Timeliness) -> list[str]:
    if not t.not_required:
        return []
    return [ngettext("%(num)s recommendation needs no executive response, not counted.",
                     "%(num)s recommendations need no executive response, not counted.", t.not_required)]


def timeliness_spec(t: Timeliness, style: ChartStyle, width: int) -> dict | None:
    """One bar per category with its words above it and its count beside it."""
    if not t.expected:
        return None
    c = _Canvas(width, style)
    every = swatches(style, len(t.counts))  # each category drawn alike on every page
    rows = [(gettext(words), n) for _key, words, n in t.counts if n]
    fills = [every[i] for i, (_key, _words, n) in enumerate(t.counts) if n]
    widest = max(text_width(f"{n} ({_pct(n, t.expected)}%)", LABEL_PX, True) for _words, n in rows) + 10
    biggest = max(n for _words, n in rows)
    for (words, n), swatch in zip(rows, fills):
        c.y += c.text(0, c.y, wrap(words, LABEL_PX, c.width, True), bold=True) + 4
        w = max(2.0, (c.width - widest) * n / biggest)
        c.rect(0.5, c.y + 0.5, w - 1, BAR - 1, c.fill(swatch), style.text)
        c.text(w + 6, c.y + (BAR - LINE[LABEL_PX]) / 2 + 1, f"{n} ({_pct(n, t.expected)}%)", bold=True)
        c.y += BAR + GAP
    for note in timeliness_notes(t):
        c.paragraph(note)
    return c.spec()


def _pct(n: int, total: int) -> int:
    return (200 * n + total) // (2 * total)


# --- rendering -------------------------------------------------------------------------------


def vega_config(style: ChartStyle) -> dict:
    """The look of a data table's chart: the site's font and colours, 14 px horizontal labels
    that never overlap."""
    axis = {"labelFontSize": LABEL_PX, "titleFontSize": LABEL_PX, "labelAngle": 0, "labelOverlap": True,
            "labelSeparation": 6, "labelColor": style.text, "titleColor": style.text, "domainColor": style.text,
            "tickColor": style.text, "gridColor": style.muted, "labelFont": style.font, "titleFont": style.font,
            "labelLimit": 240, "titlePadding": 8}
    return {
        "font": style.font,
        "background": style.background,
        "axis": axis,
        "axisX": {"labelAngle": 0, "labelPadding": 7},
        "axisY": {"titleAngle": 0, "titleAlign": "left", "titleAnchor": "end", "titleY": -14, "titleX": 0},
        "legend": {"labelFontSize": LABEL_PX, "titleFontSize": LABEL_PX, "labelColor": style.text,
                   "titleColor": style.text, "symbolSize": 200, "symbolStrokeColor": style.text,
                   "orient": "bottom", "direction": "horizontal", "labelLimit": 0},
        "title": {"fontSize": HEADING_PX, "color": style.text, "anchor": "start", "font": style.font,
                  "subtitleFontSize": LABEL_PX, "offset": 14},
        "text": {"fontSize": LABEL_PX, "fill": style.text},
        "mark": {"color": style.primary},
        "range": {"category": [s.base for s in swatches(style, 8)]},
        "view": {"stroke": None},
    }


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


#: Widths of a table's chart: as drawn for print and wide screens, and for a phone (where
#: a wide drawing scaled down would shrink its 14 px labels).
TABLE_CHART_WIDTH = 480
TABLE_CHART_NARROW = 240


def chart_spec(table: DataTable, style: ChartStyle | None = None, width: int | None = None) -> dict | None:
    """The table's spec with its rows as inline data, its caption as a wrapped title, a fixed
    size and the site's look (which an author's own config cannot make smaller or slanted).
    Given a ``width``, the drawing is that wide whatever the spec says (the phone drawing)."""
    if not table.chart:
        return None
    style = style or ChartStyle()
    values = [dict(zip(table.columns, row)) for row in table.rows]
    forced, width = width is not None, width or TABLE_CHART_WIDTH
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": {"text": wrap(table.caption, HEADING_PX, width, True)},
        "width": width,
        "height": 260,
        **{key: value for key, value in table.chart.items() if key != "usermeta"},  # usermeta: our patterns
        "data": {"values": values},
    }
    spec["config"] = _merge(table.chart.get("config") or {}, vega_config(style))
    if forced:  # the phone drawing: a long axis title is shortened (with "…"), not cut off
        spec["width"] = width
        spec["config"]["axisY"] = {**spec["config"].get("axisY", {}), "titleLimit": width - 48}
    return spec


#: Where drawings of table charts are kept between runs (:func:`use_chart_cache`); None: not kept.
_svg_cache: Path | None = None


def use_chart_cache(folder: Path | None) -> None:
    """Keep every table chart's drawing in ``folder`` (``<root>/.cache/table-charts``), by a
    digest of its whole spec (the table's rows, the author's spec, the site's look and the
    width are all in it), the code that draws and checks it and vl-convert's version: the
    check and the site stage then draw each chart once, ever. None stops keeping them."""
    global _svg_cache
    _svg_cache = folder


@lru_cache(maxsize=1)
def _draw_key() -> str:
    h = hashlib.sha256()
    for name in ("chart.py", "chartsafety.py", "chartworker.py"):  # what draws, checks and runs it
        h.update(Path(__file__).with_name(name).read_bytes())
    try:
        h.update(metadata.version("vl-convert-python").encode())
    except metadata.PackageNotFoundError:
        h.update(b"no vl-convert")
    return h.hexdigest()


def _entry(folder: Path, spec_json: str) -> Path:
    return folder / (hashlib.sha256(f"{_draw_key()}\0{spec_json}".encode()).hexdigest()[:40] + ".svg")


@lru_cache(maxsize=1024)
def _render(spec_json: str) -> str:
    folder = _svg_cache
    if folder is None:
        return draw_svg(spec_json)
    entry = _entry(folder, spec_json)
    try:
        svg = entry.read_text(encoding="utf-8")
        if svg_problem(svg) is None:  # a damaged entry is drawn again; checked as a fresh drawing is
            return svg
    except (OSError, UnicodeDecodeError):
        pass  # absent or unreadable: drawn again
    svg = draw_svg(spec_json)  # in the renderer's own process, every URL refused (see chartsafety)
    try:  # only a drawing that passed its checks is kept (a ChartError is raised before)
        if not folder.parent.parent.is_dir():  # the project is gone (a test's folder)
            return svg
        folder.mkdir(parents=True, exist_ok=True)
        part = entry.with_name(f".{entry.name}.{os.getpid()}.part")
        part.write_text(svg, encoding="utf-8")
        os.replace(part, entry)
    except OSError:
        pass
    return svg


def _predraw_one(_shared: None, spec_json: str) -> bool:
    try:
        _render(spec_json)
        return True
    except ValueError:  # ChartError: said again, in its place, when the chart is drawn
        return False


def predraw(tables: "list[DataTable]", style: ChartStyle, widths: tuple[int | None, ...] = (None, TABLE_CHART_NARROW)) -> int:
    """Draw the tables' charts (at each of ``widths``) that :func:`use_chart_cache`'s folder
    does not hold yet, over every core (:func:`scrutiny.parallel.run_parallel`), into that
    folder, so that whoever draws them next finds them drawn. Nothing without the folder;
    returns how many were drawn."""
    from ..parallel import run_parallel

    folder = _svg_cache
    if folder is None:
        return 0
    todo = []
    for table in tables:
        for width in widths:
            spec = chart_spec(table, style, width)
            if spec is None:
                continue
            spec_json = json.dumps(spec, sort_keys=True)
            if not _entry(folder, spec_json).is_file() and spec_json not in todo:
                todo.append(spec_json)
    if len(todo) > 1:  # one alone is drawn where it is needed
        run_parallel(_predraw_one, todo, None, chunksize=1)
    return len(todo)


def spec_svg(spec: dict, label: str) -> str:
    """SVG of a spec: labelled as one image, with the fill patterns its ``usermeta`` names,
    and text haloes drawn under the letters."""
    patterns = (spec.get("usermeta") or {}).get("patterns") or {}
    svg = canvas_svg(spec) if is_canvas(spec) else _render(json.dumps(spec, sort_keys=True))
    defs = "".join(_pattern_def(pid, Swatch(*value)) for pid, value in sorted(patterns.items()))
    head = f'<svg role="img" aria-label="{escape(label)}" focusable="false" '
    svg = svg.replace("<svg ", head, 1)
    svg = re.sub(r"(<svg\b[^>]*>)", lambda m: f"{m[1]}<title>{escape(label)}</title>"
                 + (f"<defs>{defs}</defs>" if defs else ""), svg, count=1)
    # a halo (a text's stroke) is drawn under its letters; SVG 1.1 (EPUB) allows this only as style
    return re.sub(r'<text (?=[^>]*\sstroke=")', '<text style="paint-order: stroke" ', svg)


def chart_svg(table: DataTable, style: ChartStyle | None = None, width: int | None = None) -> str | None:
    """SVG markup of the table's chart, or None when it has none; a chart that may not be
    drawn (see :func:`.chartsafety.chart_problems`) raises :class:`ChartError`."""
    spec = chart_spec(table, style, width)
    if spec is None:
        return None
    problems = chart_problems(table)
    if problems:
        raise ChartError(f"{problems[0].message} ({problems[0].hint})")
    return spec_svg(spec, _("Chart: %(caption)s. The figures are in the table.", caption=table.caption))
