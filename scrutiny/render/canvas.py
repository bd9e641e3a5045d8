"""The progress charts' pixel canvas written straight to SVG, without a chart renderer.

:class:`scrutiny.render.progresscharts._Canvas` lays every rectangle and line of text out in pixels
(identity scales) and describes them as a Vega-Lite spec of rect and text layers. Such a
spec needs none of Vega's work (no scale, axis, legend or layout), so it is written here as
SVG in the same shape vl-convert gives it (a background, one group shifted by the padding,
a path per rectangle, a text element per line with Vega's own baseline offset): about a
thousand times faster than starting the renderer, and nothing of the author's is drawn
this way (the canvas is our own layout; a table's chart still goes through
:mod:`.chartsafety`). Every word is XML-escaped and made XML-safe.
"""

from __future__ import annotations

from html import escape

from .chartsafety import xml_safe

_ANCHOR = {"left": "start", "center": "middle", "right": "end"}
_TOP = 0.79
"""Vega's offset of a ``top`` baseline, in font sizes (vega-scenegraph ``textOffset``)."""


def is_canvas(spec: dict) -> bool:
    """Whether ``spec`` is a canvas of :class:`._Canvas` (drawn here) rather than a chart."""
    return bool((spec.get("usermeta") or {}).get("canvas"))


def _n(value: float) -> str:
    """A coordinate as Vega writes it: at most two decimals, no trailing zeros."""
    text = f"{round(float(value), 2):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _rect(r: dict, width: float, dash: list | None) -> str:
    w, h = r["x2"] - r["x"], r["y2"] - r["y"]
    stroke = r.get("stroke") or "transparent"
    outline = "" if stroke == "transparent" else f' stroke="{escape(stroke)}" stroke-width="{_n(width)}"'
    if outline and dash:
        outline += f' stroke-dasharray="{",".join(_n(d) for d in dash)}"'
    return (f'<path d="M{_n(r["x"])},{_n(r["y"])}h{_n(w)}v{_n(h)}h{_n(-w)}Z" '
            f'fill="{escape(r["fill"])}"{outline}/>')


def _texts(mark: dict, values: list[dict]) -> str:
    size = mark["fontSize"]
    look = (f'font-family="{escape(mark["font"])}" font-size="{_n(size)}px" '
            f'font-weight="{escape(str(mark.get("fontWeight", "normal")))}" fill="{escape(mark["fill"])}"')
    if mark.get("stroke"):  # a halo (chart.spec_svg draws it under the letters)
        look += (f' stroke="{escape(mark["stroke"])}" stroke-width="{_n(mark.get("strokeWidth", 1))}"'
                 f' stroke-linejoin="{escape(mark.get("strokeJoin", "miter"))}"')
    anchor = _ANCHOR[mark.get("align", "left")]
    offset = round(_TOP * size) if mark.get("baseline") == "top" else 0
    return "".join(f'<text text-anchor="{anchor}" transform="translate({_n(t["x"])},{_n(t["y"] + offset)})" '
                   f'{look}>{escape(xml_safe(str(t["t"])), quote=False)}</text>' for t in values)


def canvas_svg(spec: dict) -> str:
    """The SVG of a canvas spec (see :func:`is_canvas`): its size, background and layers."""
    pad = spec["padding"]
    width, height = spec["width"] + 2 * pad, spec["height"] + 2 * pad
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{_n(width)}" height="{_n(height)}" '
             f'viewBox="0 0 {_n(width)} {_n(height)}">',
             f'<rect width="{_n(width)}" height="{_n(height)}" fill="{escape(spec["background"])}"/>',
             f'<g fill="none" stroke-miterlimit="10" transform="translate({_n(pad)},{_n(pad)})">']
    for layer in spec["layer"]:
        mark, values = layer["mark"], layer["data"]["values"]
        if mark["type"] == "rect":
            parts.append("<g>" + "".join(_rect(r, mark.get("strokeWidth", 1), mark.get("strokeDash"))
                                         for r in values) + "</g>")
        elif mark["type"] == "text":
            parts.append("<g>" + _texts(mark, values) + "</g>")
        else:
            raise ValueError(f"a canvas has only rect and text layers, not {mark['type']!r}")
    parts.append("</g></svg>")
    return "".join(parts)
