"""Charts: a table's chart is rendered to SVG from the table's own rows, in the site's look;
the progress charts give each category its own fill and name it where it fits."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import replace

from scrutiny.build import gather
from scrutiny.dates import parse_known
from scrutiny.model import Brand, Term
from scrutiny.render.chart import (FONT, ChartStyle, Swatch, chart_svg, label_look, spec_svg, status_spec, swatches,
                                   text_width, wrap)
from scrutiny.stats import StatusCategory, StatusHistory, StatusRound
from tests.conftest import ROOT

SVG = "{http://www.w3.org/2000/svg}"


def test_chart_svg_draws_the_table_rows_and_is_labelled():
    pub = gather(ROOT)
    table = pub.report("criteria-for-entry-into-care").table("children-starting-care")
    assert table is not None and table.chart
    svg = chart_svg(table)
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and table.caption in root.get("aria-label")
    texts = {t.text for t in root.iter(f"{SVG}text")}
    first_column = {str(row[0]) for row in table.rows}
    assert first_column <= texts, first_column - texts
    assert chart_svg(table) == svg, "deterministic"


def test_table_without_chart_has_none():
    pub = gather(ROOT)
    report = pub.report("criteria-for-entry-into-care")
    plain = [t for t in report.tables if t.chart is None]
    assert len(plain) == 2, [t.id for t in report.tables]  # every table without a chart, not just one of them
    assert all(chart_svg(t) is None for t in plain)
    assert all(chart_svg(t) is not None for t in report.tables if t.chart is not None)


# --- the site's look, on table charts and progress charts ------------------------------------

BRAND = Brand("#7a1f5c", "#1a1a1a", "#ffffff", "#7a1f5c", "#ffbf47", "", "")


def texts(svg: str) -> list[ET.Element]:
    return list(ET.fromstring(svg).iter(f"{SVG}text"))


def test_a_table_chart_takes_the_site_font_brand_colours_and_14px_horizontal_labels():
    table = gather(ROOT).report("criteria-for-entry-into-care").table("children-starting-care")
    svg = chart_svg(table, ChartStyle.of(BRAND))
    assert 'fill="#7a1f5c"' in svg  # the bars are the brand's primary colour
    for t in texts(svg):
        assert t.get("font-family") == FONT
        assert float(t.get("font-size").rstrip("px")) >= 14, t.text
        assert "rotate" not in (t.get("transform") or ""), t.text
        assert t.get("fill") == "#1a1a1a"


def test_an_authors_own_config_cannot_shrink_or_slant_labels():
    table = gather(ROOT).report("criteria-for-entry-into-care").table("children-starting-care")
    own = replace(table, chart={**table.chart, "config": {"axis": {"labelFontSize": 8, "labelAngle": -90},
                                                          "background": "#eeeeee"}})
    svg = chart_svg(own, ChartStyle())
    assert all(float(t.get("font-size").rstrip("px")) >= 14 and "rotate" not in (t.get("transform") or "")
               for t in texts(svg))


def history(n: int) -> StatusHistory:
    cats = tuple(StatusCategory(f"Status {i}", Term(f"s{i}", f"Status {i}"), i) for i in range(n))
    rounds = (StatusRound(parse_known("2014-01-10"), tuple(range(1, n + 1))),)
    return StatusHistory(cats + (StatusCategory("No update", None),), tuple(
        StatusRound(r.date, r.counts + (2,)) for r in rounds), sum(range(1, n + 1)) + 2, 0)


def test_each_category_has_its_own_fill_and_every_pattern_is_defined():
    assert len(set(swatches(ChartStyle(), 8))) == 8
    svg = spec_svg(status_spec(history(7), ChartStyle.of(BRAND), 640), "Status")
    used = set(re.findall(r'fill="url\(#([\w-]+)\)"', svg))
    defined = set(re.findall(r'<pattern id="([\w-]+)"', svg))
    assert used and used == defined
    segments = re.findall(r'<path[^>]*d="M[^"]*h[^"]*"[^>]*fill="([^"]+)"', svg)
    assert len(set(segments)) >= 7 + 1  # seven statuses, "No update", each its own fill
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("aria-label") == "Status"
    assert root.find(f"{SVG}title").text == "Status"
    words = [" ".join(t.itertext()) for t in texts(svg)]
    assert {f"Status {i}" for i in range(7)} | {"No update"} <= set(words)  # the legend names every one
    assert "After 10 January 2014: 30 recommendations" in words


def test_a_segment_is_labelled_only_where_its_words_fit():
    svg = spec_svg(status_spec(history(3), ChartStyle(), 640), "Status")
    words = [" ".join(t.itertext()) for t in texts(svg)]
    assert "Status 2: 3" in words and "No update: 2" in words
    narrow = [" ".join(t.itertext()) for t in texts(spec_svg(status_spec(history(3), ChartStyle(), 288), "S"))]
    assert "Status 0: 1" not in narrow  # 1 of 8 in 280 px: no room for its words


def test_wrap_keeps_every_line_within_the_width():
    text = "Awaited, past the deadline, for a recommendation whose supercalifragilisticexpialidocious words run on"
    for width in (100, 200, 280):
        lines = wrap(text, 14, width)
        assert all(text_width(line, 14) <= width for line in lines), lines
        assert "".join(lines).replace("-", "").replace(" ", "") == text.replace(" ", "")
    assert text_width("WWW", 14) > text_width("iii", 14)


def test_words_on_a_fill_are_plain_where_they_contrast_else_haloed():
    style = ChartStyle()
    assert label_look(Swatch("#1d4f91", "solid", "#1d4f91"), style) == {"colour": "#ffffff"}
    assert label_look(Swatch("#ffdd00", "solid", "#ffdd00"), style) == {"colour": "#0b0c0c"}
    assert label_look(Swatch("#ffffff", "stripes", "#1d4f91"), style) == {"colour": "#0b0c0c", "halo": True}


def test_haloes_use_a_style_that_svg_1_1_allows():
    """EPUB checks its SVG against SVG 1.1, which has no paint-order attribute."""
    table = gather(ROOT).report("criteria-for-entry-into-care").table("children-starting-care")
    assert "paint-order" not in chart_svg(table)  # no halo there
    svg = spec_svg(status_spec(history(3), ChartStyle(), 640), "Status")
    haloed = [t for t in texts(svg) if t.get("stroke")]
    assert haloed and all(t.get("style") == "paint-order: stroke" for t in haloed)
    assert not re.search(r"<text [^>]*\bpaint-order=", svg)


def test_a_table_chart_has_a_phone_drawing_whose_text_fits_and_keeps_its_size():
    """The phone drawing is narrow (so a phone shows it at its own size, labels at 14 px),
    and a long axis title is shortened to fit rather than cut off at the edge."""
    pub = gather(ROOT)
    table = pub.report("criteria-for-entry-into-care").table("children-starting-care")
    wide, narrow = ET.fromstring(chart_svg(table)), ET.fromstring(chart_svg(table, width=240))
    assert float(narrow.get("width")) <= 288 < float(wide.get("width"))
    sizes = {t.get("font-size") for t in narrow.iter(f"{SVG}text") if t.get("font-size")}
    assert sizes and all(float(s.rstrip("px")) >= 14 for s in sizes)
    titles = [t.text for t in narrow.iter(f"{SVG}text") if t.text and t.text.startswith("All children")]
    assert titles and all(t.endswith("…") for t in titles)


def test_a_progress_chart_label_with_a_character_xml_cannot_hold_is_drawn_not_fatal():
    """Status labels come from the council's vocabulary: a control character in one is
    drawn as U+FFFD instead of making the renderer abort."""
    base = history(2)
    cats = (replace(base.categories[0], label="On\x01track <b>&"),) + base.categories[1:]
    svg = spec_svg(status_spec(replace(base, categories=cats), ChartStyle(), 640), 'Status "<x>"')
    root = ET.fromstring(svg)
    assert "On\ufffdtrack <b>&" in [t.text for t in root.iter(f"{SVG}text")]
    assert root.get("aria-label") == 'Status "<x>"' and root.find(f"{SVG}title").text == 'Status "<x>"'
