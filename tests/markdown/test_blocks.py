"""The block plugins (scrutiny.markdown.blocks): placement lines and numbered paragraphs,
with every problem at its own line."""

from __future__ import annotations

import dataclasses

import pytest

from scrutiny.build import gather
from scrutiny.markdown import build_index, make_parser, parse_report
from scrutiny.model import Markdown, RecNumber, Section, Source
from scrutiny.problems import Problems
from tests.conftest import MINIMAL


@pytest.fixture(scope="module")
def report():
    return gather(MINIMAL).report("school-transport-review")


def parse(report, text: str, numbered: bool = True):
    """(parsed report, tokens, problems as text) of ``text`` as a section starting on line 10."""
    body = Markdown(text, Source("case.md", 10), numbered=numbered)
    report = dataclasses.replace(report, sections=(Section("case", "Case", "chapter", body),))
    problems = Problems()
    doc = parse_report(make_parser(), report, build_index([report]), problems)
    return doc, doc.sections["case"], [str(p) for p in problems]


def test_a_table_placement_is_a_block_token_of_one_line(report):
    _, tokens, problems = parse(report, "Intro.\n\n[[table journeys]]\n\nAfter.")
    assert problems == []
    [table] = [t for t in tokens if t.type == "data_table"]
    assert (table.tag, table.nesting, table.block, table.map, table.meta) == ("", 0, True, [2, 3], {"id": "journeys"})
    assert [t.type for t in tokens].count("paragraph_open") == 2


def test_a_placement_of_recommendations_is_one_block_token(report):
    doc, tokens, problems = parse(report, "Intro.\n\n[[recommendations 1-2]]\nAfter.")
    assert problems == []
    [box] = [t for t in tokens if t.type == "rec_box"]
    assert (box.tag, box.nesting, box.block, box.map) == ("", 0, True, [2, 3])
    assert box.meta["numbers"] == (RecNumber.parse("1"), RecNumber.parse("2"))
    # the line after it starts a paragraph of its own
    assert [t.type for t in tokens if t.type.startswith("paragraph")] == ["paragraph_open", "paragraph_close"] * 2
    assert {str(n): (p.section, p.after_paragraph) for n, p in doc.placements.items()} == {"1": ("case", 1),
                                                                                          "2": ("case", 1)}
    # written inside a paragraph, it is only words
    _, tokens, _ = parse(report, "Intro.\n[[recommendations 1-2]]")
    assert [t.type for t in tokens if t.type == "rec_box"] == []


def test_an_unknown_table_is_a_problem_at_its_line(report):
    _, tokens, problems = parse(report, "Intro.\n\n[[table journies]]")
    assert problems == ['case.md:12: [[table journies]] places a table that report.yaml does not define '
                        '(did you mean "journeys"?)']
    assert [t.meta for t in tokens if t.type == "data_table"] == [{"id": "journies"}]


def test_unreadable_numbers_are_a_problem_at_their_line(report):
    _, tokens, problems = parse(report, "Intro.\n\n[[recommendation 1 or maybe 2]]")
    assert problems == ['case.md:12: cannot read the recommendation numbers in "[[recommendation 1 or maybe 2]]" '
                        '(write [[recommendation 7]] or [[recommendations 3-6, 9]])']
    assert [t.meta for t in tokens if t.type == "rec_box"] == [{"numbers": ()}]


def test_placement_ranges_and_unknown_ends(report):
    _, tokens, problems = parse(report, "[[recommendations 1 - 3]]")
    assert [t.meta["numbers"] for t in tokens if t.type == "rec_box"] == [tuple(
        RecNumber.parse(n) for n in ("1", "2", "3"))]
    assert problems == []
    _, tokens, problems = parse(report, "Text.\n\n[[recommendation 2-9]]")
    assert problems == ["case.md:12: [[recommendation 2-9]] places recommendation 9, which this report does not "
                        "have (check the number in recommendations.yaml)"]


def test_indented_four_spaces_is_code_not_a_placement(report):
    _, tokens, problems = parse(report, "    [[recommendation 3]]")
    assert problems == [] and [t.type for t in tokens] == ["code_block"]


def test_a_placement_inside_a_list_item_is_still_a_placement(report):
    _, tokens, problems = parse(report, "- item\n\n  [[table journeys]]")
    assert problems == [] and [t.meta for t in tokens if t.type == "data_table"] == [{"id": "journeys"}]


def test_a_level_one_heading_in_a_section_is_a_problem_at_its_line(report):
    _, _, problems = parse(report, "Intro.\n\n# Title again")
    assert problems == ["case.md:12: a section file starts its headings at ## (its title comes from report.yaml) "
                        "(change # to ##)"]
    _, _, problems = parse(report, "## Fine\n\n### Fine too")
    assert problems == []


def test_only_top_level_paragraphs_before_the_footnotes_are_numbered(report):
    doc, tokens, _ = parse(report, "One.[^1]\n\n> Quoted.\n\n- listed\n\nTwo.\n\n[^1]: A note.")
    numbers = [t.meta.get("number") for t in tokens if t.type == "paragraph_open"]
    assert numbers == [1, None, None, 2, None]
    ids = [t.attrGet("id") for t in tokens if t.type == "paragraph_open"]
    assert ids == ["p1", None, None, "p2", None]
    assert doc.paragraph_count == 2


def test_unnumbered_text_has_no_numbers(report):
    doc, tokens, _ = parse(report, "One.\n\nTwo.", numbered=False)
    assert [t.attrGet("id") for t in tokens if t.type == "paragraph_open"] == [None, None]
    assert doc.paragraph_count == 0


def test_a_recommendation_placed_twice_is_a_problem(report):
    _, _, problems = parse(report, "[[recommendation 1]]\n\nText.\n\n[[recommendation 1]]")
    assert problems == ["case.md:14: recommendation 1 is placed twice (place each recommendation box once)"]
