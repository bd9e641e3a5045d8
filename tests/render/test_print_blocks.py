"""The HTML pieces of the print document, called directly: cell figures, data tables
(caption, header scope, row headers, right-aligned figures), their large-print lists,
chart titles, the summary table and recommendation boxes, all escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from scrutiny.build import gather
from scrutiny.render.document import DocumentBuilder
from scrutiny.render.facts import SummaryRow
from scrutiny.render.print_blocks import (Grid, cell_text, data_table_html, grid_of, list_html, print_chart,
                                          rec_box_html, recommendation_html, responsive_table, summary_html,
                                          table_html)
from tests.conftest import MINIMAL

PUB = gather(MINIMAL)
REPORT = PUB.report("school-transport-review")
GRID = Grid("Costs &amp; more", ("Area", "Cost"), (("North", "12"), ("South &lt;b&gt;", "7")), (False, True))


@pytest.mark.parametrize("value, shown", [
    (None, ""), (0, "0"), (9999, "9999"), (10000, "10,000"), (-10000, "-10,000"), (1234567, "1,234,567"),
    (12.0, "12"), (12.5, "12.5"), (12500.0, "12,500"), (10000.5, "10,000.5"), (True, "True"), ("2021", "2021"),
])
def test_cell_figures(value, shown):
    assert cell_text(value) == shown


def test_a_table_has_its_caption_column_and_row_headers_and_right_aligned_figures():
    assert table_html(GRID) == (
        '<table class="data"><caption>Costs &amp; more</caption><thead><tr><th scope="col">Area</th>'
        '<th scope="col" class="num">Cost</th></tr></thead><tbody><tr><th scope="row">North</th>'
        '<td class="num">12</td></tr><tr><th scope="row">South &lt;b&gt;</th><td class="num">7</td></tr>'
        '</tbody></table>')


def test_a_table_without_row_headers_or_caption_and_a_first_column_of_figures():
    grid = Grid("", ("Year", "Cost", "Note"), (("2021", "12", "x"),), (True, True))
    assert table_html(grid, row_headers=False) == (
        '<table class="data"><thead><tr><th scope="col">Year</th><th scope="col" class="num">Cost</th>'
        '<th scope="col">Note</th></tr></thead><tbody><tr><td>2021</td><td class="num">12</td><td>x</td></tr>'
        '</tbody></table>')  # the first column is a label even when it is all figures


def test_a_table_read_as_a_list():
    assert list_html(GRID) == (
        '<div class="table-list"><p class="table-list-caption"><strong>Costs &amp; more</strong></p>'
        '<ul class="records"><li><p><strong>Area:</strong> North</p><p><strong>Cost:</strong> 12</p></li>'
        '<li><p><strong>Area:</strong> South &lt;b&gt;</p><p><strong>Cost:</strong> 7</p></li></ul></div>')
    assert list_html(replace(GRID, caption="")).startswith('<div class="table-list"><ul class="records">')


def test_which_tables_large_print_reads_as_lists():
    assert responsive_table(GRID, False) == table_html(GRID)
    assert responsive_table(GRID, False, row_headers=False) == table_html(GRID, False)
    assert responsive_table(GRID, True, row_headers=False) == (
        f'<div class="table-wide">{table_html(GRID, False)}</div><div class="table-narrow">{list_html(GRID)}</div>')
    three = Grid("", ("a", "b", "c"), (("1", "2", "3"),))
    assert responsive_table(three, True).startswith('<div class="table-wide">')
    four = Grid("", ("a", "b", "c", "d"), (("1", "2", "3", "4"),))
    assert responsive_table(four, True) == list_html(four)


def test_a_data_tables_grid_escapes_and_aligns_columns_of_figures():
    table = replace(REPORT.tables[0], caption="Journeys <a day>", columns=("Year & term", "Journeys", "Note"),
                    rows=(("2021", 1200, None), ("2022", 13500.0, "n/a")))
    grid = grid_of(table)
    assert grid == Grid("Journeys &lt;a day&gt;", ("Year &amp; term", "Journeys", "Note"),
                        (("2021", "1200", ""), ("2022", "13,500", "n/a")), (False, True, False))
    short = replace(table, columns=("A", "B"), rows=((1, 2), (3,)))
    assert grid_of(short).numeric == (True, True)  # a short row counts as figures in the columns it lacks
    blank = replace(table, columns=("A", "B"), rows=((None, "x"),))
    assert grid_of(blank).numeric == (True, False)


def test_a_placed_data_table_with_its_chart_source_and_notes():
    table = replace(REPORT.tables[0], source_note="Team & records", notes=("One <b>", "Two"))
    html = data_table_html(table, False, chart="<svg/>")
    assert html == ('<div class="data-table" id="table-journeys"><div class="chart"><svg/></div>'
                    + table_html(grid_of(table)) +
                    '<p class="table-source"><strong>Source:</strong> Team &amp; records</p>'
                    '<div class="table-notes"><p><strong>Notes</strong></p><ul><li>One &lt;b&gt;</li><li>Two</li></ul>'
                    '</div></div>')
    bare = replace(table, source_note="", notes=())
    assert data_table_html(bare, True) == (
        f'<div class="data-table" id="table-journeys">{responsive_table(grid_of(bare), True)}</div>')


def test_a_charts_svg_gets_a_title_and_loses_html_only_attributes():
    svg = '<svg xmlns="http://www.w3.org/2000/svg" focusable="false" role="img"><g focusable="false"/></svg>'
    assert print_chart(svg, "Costs & <more>") == (
        '<svg xmlns="http://www.w3.org/2000/svg" role="img"><title>Chart: Costs &amp; &lt;more&gt;. The figures are '
        'in the table below.</title><g focusable="false"/></svg>')


def test_the_summary_table():
    rows = [SummaryRow("1", "1", "Planning & more", "Plan <routes>.", "Accepted", "Complete", "March 2024"),
            SummaryRow("2a", "2a", "", "Publish.", "Rejected", "No action", "None given")]
    html = summary_html(rows, "Caption & <x>", lambda slug: f"#rec-{slug}&x", linearise=False)
    root = ET.fromstring(html)
    assert root.get("class") == "summary-table"
    assert root.find("table/caption").text == "Caption & <x>"
    assert [th.text for th in root.iter("th") if th.get("scope") == "col"] == [
        "Ref.", "Recommendation", "Decision", "Status", "Target date"]
    body = [["".join(c.itertext()) for c in tr] for tr in root.find("table/tbody")]
    assert body == [["1", "Planning & more: Plan <routes>.", "Accepted", "Complete", "March 2024"],
                    ["2a", "Publish.", "Rejected", "No action", "None given"]]
    assert [a.get("href") for a in root.iter("a")] == ["#rec-1&x", "#rec-2a&x"]
    assert '<td><strong>Planning &amp; more:</strong> Plan &lt;routes&gt;.</td>' in html
    assert summary_html(rows, "C", lambda s: s, linearise=True).startswith(
        '<div class="summary-table"><div class="table-list">')


def test_a_recommendation_box():
    rec = REPORT.recommendations[0]
    assert rec_box_html(replace(rec, theme="Plan & <do>"), "<p>Text.</p>", "#rec-1&x") == (
        '<div class="rec-box" id="box-1"><p class="rec-box-title"><strong>Recommendation 1</strong> '
        '<span class="rec-box-theme">(Plan &amp; &lt;do&gt;)</span></p><p>Text.</p>'
        '<p class="rec-box-link"><a href="#rec-1&amp;x">Response and progress on recommendation 1</a></p></div>')
    assert '<strong>Recommendation 1</strong></p>' in rec_box_html(replace(rec, theme=""), "", "#r")


def test_a_recommendation_following_from_two_paragraphs_with_a_response_of_actions_only():
    view = DocumentBuilder(PUB, REPORT)._rec_view(REPORT.recommendations[0])
    html = recommendation_html(replace(view, follows_from=[(1, "#p1"), (4, "#p4&x")], response_html="", level=4))
    assert ('<p class="rec-follows">Follows from paragraphs <a href="#p1">1</a>, <a href="#p4&amp;x">4</a>.</p>'
            in html)
    assert "<h5>Response</h5>" not in html and "<h5>Actions</h5>" in html and "<h5>Progress updates</h5>" in html
    assert html.startswith('<section class="rec" id="rec-1"><h4>Recommendation 1</h4>')
    assert '<div class="actions"><table class="data">' in html  # standard print: a table, no row headers
    assert "<td>Move route planning to the spring term.</td>" in html
    assert html.endswith('/recommendations/1/</a></p></section>')
    assert "The routing software arrived late.</p></li></ul><p class=\"rec-online\">" in html
    action = REPORT.recommendations[0].response.actions[0]
    two = replace(action, owners=action.owners * 2)
    rec = replace(REPORT.recommendations[0], response=replace(REPORT.recommendations[0].response, actions=(two,)))
    assert ("<td>Jo Bloggs (Head of Transport); Jo Bloggs (Head of Transport)</td>"
            in recommendation_html(replace(view, rec=rec)))
    large = recommendation_html(replace(view, linearise=True))
    assert '<div class="actions"><div class="table-wide"><table class="data">' in large
    assert '<th scope="row">' not in large
