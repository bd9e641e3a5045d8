"""Recommendation phrases in Welsh text ("Argymhelliad 2a", "Argymhellion 3 a 4", "Arg. 5"):
found in a report whose language is Welsh, linked to the right recommendation with the
Welsh words for "and" and "to"; English text keeps its English phrases only."""

from __future__ import annotations

from tests.markdown.reports import parse
from tests.markdown.test_phrases import SIMPLE, link

GROUPED = ["1", "2", "3", "4", "5a", "5b", "5c", "6"]


def welsh(body: str, refs: list[str] = SIMPLE):
    return parse(body, refs, language="cy")


def test_welsh_singular_and_plural_phrases_link():
    p = welsh("Argymhelliad 7, Argymhellion 3 a 4, argymhellion 7 ac 8.")
    assert p.problems == []
    assert p.inline() == [
        link("7", "Argymhelliad 7", "Recommendation 7"), ", Argymhellion ",
        link("3", "3", "Recommendation 3"), " a ", link("4", "4", "Recommendation 4"), ", argymhellion ",
        link("7", "7", "Recommendation 7"), " ac ", link("8", "8", "Recommendation 8"), ".",
    ]
    assert p.cites == ["rep/7", "rep/3", "rep/4", "rep/7", "rep/8"]


def test_welsh_ranges_lists_and_brackets():
    p = welsh("Argymhellion 10-13, Argymhellion 3 i 5, Argymhellion (7, 8 a 14).")
    assert p.problems == []
    assert p.cites == ["rep/10", "rep/11", "rep/12", "rep/13", "rep/3", "rep/4", "rep/5", "rep/7", "rep/8", "rep/14"]
    assert p.links[:2] == [("rec:rep/10", "10", {"rec": ("rep", "10"), "label": "Recommendation 10"}),
                           ("rec:rep/13", "13", {"rec": ("rep", "13"), "label": "Recommendation 13"})]


def test_abbreviation_sub_letters_groups_and_the_aspirate_form():
    p = welsh("Arg. 5 a Argymhelliad 2a; eu hargymhellion 3 a 4; Argymh. 6.", GROUPED)
    assert p.problems == ['content/reports/rep/body.md:1: "Argymhelliad 2a" cites recommendation 2a, which rep does '
                          "not have (its recommendations are 1 to 6)"]
    assert p.inline()[0] == link("5", "Arg. 5", "Recommendation 5", group=("5a", "5b", "5c"))
    assert p.cites == ["rep/5a", "rep/5b", "rep/5c", "rep/3", "rep/4", "rep/6"]


def test_an_unknown_welsh_reference_is_a_problem_at_its_line():
    p = welsh("Paragraff cyntaf.\n\nYn ôl Argymhelliad 15, ...")
    assert p.problems == ['content/reports/rep/body.md:3: "Argymhelliad 15" cites recommendation 15, which rep does '
                          "not have (its recommendations are 1 to 14)"]


def test_welsh_text_still_links_an_english_phrase_it_quotes_with_english_words():
    p = welsh('Mae\'r adroddiad Saesneg yn sôn am "Recommendations 3 and 4"; nid yw "Argymhellion 3 and 4" yn rhestr.')
    assert p.cites == ["rep/3", "rep/4", "rep/3"]


def test_english_text_does_not_link_welsh_words():
    p = parse("Argymhelliad 7 and Recommendation 7.", SIMPLE)
    assert p.inline() == ["Argymhelliad 7 and ", link("7", "Recommendation 7"), "."]
    p = parse("Recommendations 3 a 4.", SIMPLE, language="en-GB")
    assert p.cites == ["rep/3"]


def test_a_backslash_escapes_a_welsh_phrase():
    p = welsh("\\Argymhelliad 5 a \\Arg. 6.")
    assert p.problems == [] and p.cites == []
    assert p.inline() == ["Argymhelliad 5 a Arg. 6."]


def test_welsh_phrases_in_headings_and_links_are_not_linked():
    p = welsh("## Argymhelliad 5\n\n[gweler Argymhelliad 6](https://example.org/)")
    assert p.cites == []
