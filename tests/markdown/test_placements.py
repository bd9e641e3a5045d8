"""Placements, ``[[recommendation 5]]`` / ``[[recommendations 3-6, 9]]``: which boxes each places."""

from __future__ import annotations

from scrutiny.model import RecNumber
from tests.markdown.reports import parse

GROUPED = ["1", "2", "3", "4", "5a", "5b", "5c", "6"]


def test_a_group_places_each_part():
    p = parse("[[recommendation 5]]\n\n[[recommendations 3-4]]", GROUPED)
    assert p.problems == []
    assert p.boxes == [["5a", "5b", "5c"], ["3", "4"]]
    assert sorted(str(n) for n in p.doc.placements) == ["3", "4", "5a", "5b", "5c"]


def test_a_range_places_in_document_order_and_takes_a_group_end_whole():
    p = parse("[[recommendations 3-6]]", ["3", "6", "4", "5"])
    assert p.boxes == [["3", "6"]]
    p = parse("[[recommendations 4-5, 1]]", GROUPED)
    assert p.problems == []
    assert p.boxes == [["4", "5a", "5b", "5c", "1"]]


def test_council_references_as_written():
    refs = ["a", "b", "5(a)", "5(b)", "1.1", "1.2", "1.3", "ABC.140715.20b"]
    p = parse("[[recommendation a]]\n\n[[recommendations 5 (b) and 1.1 to 1.2]]\n\n[[recommendation ABC.140715.20b]]\n\n"
              "[[recommendation b & 1-3]]", refs)
    assert p.problems == []
    assert p.boxes == [["a"], ["5(b)", "1.1", "1.2"], ["ABC.140715.20b"], ["b", "1.3"]]


def test_unknown_ambiguous_and_backwards_placements_are_problems():
    p = parse("[[recommendation 9]]\n\n[[recommendations 2-9]]\n\n[[recommendation 1]]\n\n[[recommendations 3-2]]",
              ["1", "1.1", "2", "3"])
    assert p.problems == [
        "content/reports/rep/body.md:1: [[recommendation 9]] places recommendation 9, which this report does not have "
        "(check the number in recommendations.yaml)",
        "content/reports/rep/body.md:3: [[recommendation 2-9]] places recommendation 9, which this report does not "
        "have (check the number in recommendations.yaml)",
        "content/reports/rep/body.md:5: [[recommendation 1]] is ambiguous: rep has both a recommendation 1 and parts "
        "of 1 (1.1), so it could mean 1 alone or all its parts (cite the parts by their own references, or change "
        "recommendations.yaml so that 1 does not also start other references; if 1 is only their shared opening "
        "words, make it their stem by listing them under its `parts:`)",
        "content/reports/rep/body.md:7: [[recommendation 3-2]] runs backwards: in rep, 2 comes before 3 (write the "
        "range from its first recommendation to its last, in the order the report gives them)",
    ]
    assert p.boxes == [[], ["2"], [], []]


def test_an_unknown_reference_of_another_scheme_is_named():
    p = parse("[[recommendation zz]]", ["a", "b"])
    assert p.problems == ["content/reports/rep/body.md:1: [[recommendation zz]] places recommendation zz, which this "
                          "report does not have (check the number in recommendations.yaml)"]


def test_an_unreadable_placement_is_still_a_problem():
    p = parse("[[recommendations 1 to]]", ["1"])
    assert p.problems == ['content/reports/rep/body.md:1: cannot read the recommendation numbers in '
                          '"[[recommendation 1 to]]" (write [[recommendation 7]] or [[recommendations 3-6, 9]])']


def test_a_reference_not_reproduced_places_nothing_without_a_problem():
    p = parse("[[recommendations 2-4]]\n\n[[recommendation 4]]", ["1", "2", "3"], not_reproduced=(RecNumber.parse("4"),))
    assert p.problems == []
    assert p.boxes == [["2", "3"], []]


def test_placements_in_a_report_whose_recommendations_could_not_be_read():
    p = parse("[[recommendations 1-3]]\n\n[[recommendation 9]]", ["1"], recommendations_read=False)
    assert p.problems == []
    assert p.boxes == [[], []]
    assert p.doc.placements == {}
