"""Charts: Vega-Lite specs rendered to SVG at build time (vl-convert, no network).

Two kinds, one look (the site's font and brand colours, labels of at least 14 px, all
horizontal): a data table's own spec over the table's rows (:func:`chart_svg`), and the
progress charts of :mod:`scrutiny.stats` (:func:`status_spec`, :func:`rate_spec`,
:func:`timeliness_spec`). The progress charts are laid out here, in pixels, so that every
label is written where it fits, nothing overlaps at any width, and every category has
its own fill pattern and its name beside it: colour is never the only cue. Being pixels
already, they are written to SVG by :mod:`.canvas`, not by the renderer. The table
beside each chart is its accessible alternative.

This module renders a data table's chart (its spec, the drawing and the drawings kept
between runs) and writes any spec as labelled SVG; the shared look and text measure are in
:mod:`.chartlook`, the progress charts in :mod:`.progresscharts` (both re-exported here).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from functools import lru_cache
from html import escape
from importlib import metadata
from pathlib import Path

from ..i18n import _
from ..model import DataTable
from .canvas import canvas_svg, is_canvas
from .chartlook import (FONT, HEADING_PX, LABEL_PX, LINE, ChartStyle, Swatch, _pattern_def, empty_swatch, label_look,
                        mix, swatches, text_width, wrap)
from .chartsafety import ChartError, chart_problems, draw_svg, svg_problem, xml_safe
from .progresscharts import (BAR, GAP, rate_notes, rate_spec, status_notes, status_spec, timeliness_notes,
                             timeliness_spec)

__all__ = [
    "BAR", "FONT", "GAP", "HEADING_PX", "LABEL_PX", "LINE", "TABLE_CHART_NARROW", "TABLE_CHART_WIDTH",
    "ChartError", "ChartStyle", "Swatch", "chart_problems", "chart_spec", "chart_svg", "draw_svg", "empty_swatch",
    "label_look", "mix", "predraw", "rate_notes", "rate_spec", "spec_svg", "status_notes", "status_spec",
    "svg_problem", "text_width", "timeliness_notes", "timeliness_spec", "use_chart_cache", "vega_config", "wrap",
    "xml_safe",
]


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
