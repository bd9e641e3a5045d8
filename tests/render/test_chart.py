"""A table's chart is rendered to SVG from the table's own rows."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from scrutiny.build import gather
from scrutiny.render.chart import chart_svg
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
    assert any(chart_svg(t) is None for t in report.tables)
