"""Explicit recommendation links, ``[text](rec:5)`` and ``[text](rec:other-report/5)``."""

from __future__ import annotations

from scrutiny.model import RecNumber
from tests.markdown.reports import parse, report

OTHER = report("other", ["1", "2a", "2b", "3"])


def test_a_link_to_a_recommendation_has_no_group_key():
    p = parse("[see](rec:2) and [that](rec:other/3)", ["1", "2"], others=(OTHER,))
    assert p.problems == []
    assert p.links == [("rec:rep/2", "see", {"rec": ("rep", "2")}),
                       ("rec:other/3", "that", {"rec": ("other", "3")})]
    assert p.cites == ["rep/2", "other/3"]


def test_a_link_to_a_group_links_the_whole_group():
    p = parse("[the second](rec:other/2) and [ours](rec:5)", ["5(a)", "5(b)"], others=(OTHER,))
    assert p.problems == []
    assert p.links == [("rec:other/2", "the second", {"rec": ("other", "2"), "group": ("2a", "2b")}),
                       ("rec:rep/5", "ours", {"rec": ("rep", "5"), "group": ("5(a)", "5(b)")})]
    assert p.cites == ["other/2a", "other/2b", "rep/5(a)", "rep/5(b)"]


def test_council_forms_and_slugs_name_the_same_recommendation():
    refs = ["1.1", "5(b)", "ABC.140715.20b"]
    p = parse("[a](rec:5(b)) [b](rec:5b) [c](<rec:5 (b)>) [d](rec:1.1) [e](rec:1-1) [f](rec:abc-140715-20b)", refs)
    assert p.problems == []
    assert [(href, text, meta["rec"]) for href, text, meta in p.links] == [
        ("rec:rep/5b", "a", ("rep", "5(b)")), ("rec:rep/5b", "b", ("rep", "5(b)")), ("rec:rep/5b", "c", ("rep", "5(b)")),
        ("rec:rep/1-1", "d", ("rep", "1.1")), ("rec:rep/1-1", "e", ("rep", "1.1")),
        ("rec:rep/abc-140715-20b", "f", ("rep", "ABC.140715.20b"))]


def test_a_group_link_is_written_as_its_parts_write_it():
    p = parse("[the code](rec:abc-140715)", ["ABC.140715.20a", "ABC.140715.20b"])
    assert p.links == [("rec:rep/abc-140715", "the code",
                        {"rec": ("rep", "ABC.140715"), "group": ("ABC.140715.20a", "ABC.140715.20b")})]


def test_an_unknown_link_keeps_its_message():
    p = parse("Text.\n\n[x](rec:9) [y](rec:other/2c) [z](rec:nowhere/1) [w](rec:!)", ["1"], others=(OTHER,))
    assert p.problems == [
        'content/reports/rep/body.md:3: "rec:!" is not a recommendation link (write rec:7 or rec:other-report-id/7)',
        'content/reports/rep/body.md:3: "rec:9" links to recommendation 9 of rep, which does not exist '
        "(check the number in that report's recommendations.yaml)",
        'content/reports/rep/body.md:3: "rec:nowhere/1" links to report "nowhere", which does not exist '
        '(did you mean "other"?)',
        'content/reports/rep/body.md:3: "rec:other/2c" links to recommendation 2c of other, which does not exist '
        "(check the number in that report's recommendations.yaml)",
    ]
    assert p.cites == []


def test_an_ambiguous_link_is_a_problem():
    p = parse("[x](rec:1)", ["1", "1.1", "1.2"])
    assert p.problems == [
        'content/reports/rep/body.md:1: "rec:1" is ambiguous: rep has both a recommendation 1 and parts of 1 '
        '(1.1 and 1.2), so it could mean 1 alone or all its parts (cite the parts by their own references, or '
        'change recommendations.yaml so that 1 does not also start other references; if 1 is only their shared '
        'opening words, make it their stem by listing them under its `parts:`)']
    assert p.cites == []


def test_a_link_to_a_reference_not_reproduced_is_plain_text():
    other = report("other", ["1"], not_reproduced=(RecNumber.parse("2"),))
    p = parse("See [the second](rec:other/2) and [ours](rec:4).", ["1"], others=(other,),
              not_reproduced=(RecNumber.parse("4"),))
    assert p.problems == []
    assert p.inline() == ["See the second and ours."]
    assert p.cites == []


def test_a_link_into_an_unreadable_report_is_plain_text_and_not_checked():
    broken = report("broken", [], recommendations_read=False)
    p = parse("[a](rec:broken/7), [b](rec:gone/1) and [c](rec:9).", ["1"], others=(broken,), unreadable=("gone",))
    assert p.problems == ['content/reports/rep/body.md:1: "rec:9" links to recommendation 9 of rep, which does not '
                          "exist (check the number in that report's recommendations.yaml)"]
    assert p.inline() == ["a, b and ", ("link", "rec:9", "c", {}), "."]
    p = parse("[a](rec:7) and Recommendation 7.", ["1"], recommendations_read=False)
    assert p.problems == []
    assert p.inline() == ["a and Recommendation 7."]
