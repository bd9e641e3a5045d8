"""The progress charts of :mod:`scrutiny.stats`, laid out in pixels: a status chart (one
stacked bar per update round, :func:`status_spec`), implementation rates (:func:`rate_spec`)
and the timeliness of responses (:func:`timeliness_spec`), each with the notes of what it
leaves out, in words. :class:`_Canvas` places every rectangle and line of text so that
every label is written where it fits and nothing overlaps at any width; it describes them
as one Vega-Lite spec that :mod:`.canvas` writes as SVG.
"""

from __future__ import annotations

from ..i18n import _, gettext, ngettext
from ..stats import ImplementationRates, StatusHistory, Timeliness
from .chartlook import LABEL_PX, LINE, ChartStyle, Swatch, empty_swatch, label_look, swatches, text_width, wrap
from .chartsafety import xml_safe


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
