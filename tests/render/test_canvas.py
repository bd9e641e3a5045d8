"""The progress charts' canvas, written straight to SVG, draws what the chart renderer drew
from the same spec: the same rectangles, text, positions, fills and haloes."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from scrutiny.build import gather
from scrutiny.render import canvas
from scrutiny.render.chart import chart_spec, spec_svg
from scrutiny.render.chartsafety import draw_svg
from scrutiny.site.charts import _items, _scopes, scope_charts
from tests.conftest import ROOT

SVG = "{http://www.w3.org/2000/svg}"


def _marks(svg: str) -> list[tuple]:
    """Every drawn rectangle and text, as (kind, geometry or position, attributes, words),
    numbers to two decimals (Vega writes floating-point noise such as 209.66999999999996)."""
    def num(value: str) -> str:
        return re.sub(r"-?\d+\.\d+", lambda m: f"{float(m[0]):.2f}".rstrip("0").rstrip("."), value)

    marks = []
    for element in ET.fromstring(svg).iter():
        name = element.tag.rpartition("}")[2]
        if name not in ("path", "text") or element.get("class"):  # Vega's own background and foreground
            continue
        attrs = tuple(sorted((k, num(v)) for k, v in element.attrib.items()))
        marks.append((name, attrs, element.text))
    return sorted(marks)


def _example_specs() -> list[tuple[str, dict, str]]:
    pub = gather(ROOT)
    specs = []
    for _kind, reports, base, _id in _scopes(pub):
        _charts, files = scope_charts(pub, _items(pub, reports), base)
        specs += [(path, spec, alt) for path, (spec, alt) in sorted(files.items())]
    return specs


SPECS = _example_specs()


def test_the_example_has_every_kind_of_progress_chart_at_both_widths():
    names = {path.rsplit("/", 1)[1] for path, _spec, _alt in SPECS}
    assert {"status.svg", "status-narrow.svg", "implementation.svg", "implementation-narrow.svg",
            "timeliness.svg", "timeliness-narrow.svg"} <= names


@pytest.mark.parametrize("path,spec,alt", SPECS, ids=[p for p, _s, _a in SPECS])
def test_the_canvas_draws_what_the_renderer_drew(path, spec, alt):
    assert canvas.is_canvas(spec)
    ours = canvas.canvas_svg(spec)
    theirs = draw_svg(json.dumps(spec))  # the same spec through vl-convert, in its own process
    assert _marks(ours) == _marks(theirs)
    root, vega = ET.fromstring(ours), ET.fromstring(theirs)
    assert (root.get("width"), root.get("height")) == (vega.get("width"), vega.get("height"))
    assert spec_svg(spec, alt).count("<text") == ours.count("<text")  # what the page gets is this drawing


def test_a_tables_chart_is_not_a_canvas_and_still_goes_through_the_renderer():
    table = gather(ROOT).report("criteria-for-entry-into-care").table("children-starting-care")
    assert not canvas.is_canvas(chart_spec(table))


def test_words_are_escaped_and_made_xml_safe():
    spec = {"width": 100, "height": 20, "padding": 4, "background": "#ffffff", "usermeta": {"canvas": True},
            "layer": [{"data": {"values": [{"x": 0, "y": 0, "t": 'A & <b>"q"</b>\x01'}]},
                       "mark": {"type": "text", "fontSize": 14, "fill": "#000000", "font": "sans-serif",
                                "baseline": "top"}}]}
    text = ET.fromstring(canvas.canvas_svg(spec)).find(f".//{SVG}text")
    assert text.text == 'A & <b>"q"</b>\ufffd'
    assert text.get("transform") == "translate(0,11)"  # Vega's top baseline: 0.79 of the size


def test_a_layer_the_canvas_does_not_draw_is_an_error_not_a_blank():
    spec = {"width": 10, "height": 10, "padding": 0, "background": "#fff", "usermeta": {"canvas": True},
            "layer": [{"data": {"values": []}, "mark": {"type": "image"}}]}
    with pytest.raises(ValueError, match="only rect and text"):
        canvas.canvas_svg(spec)
