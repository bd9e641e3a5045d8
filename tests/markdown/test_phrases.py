"""Natural phrases ("Recommendation 5(b)", "Recommendations 1.1 to 1.3"): which words are
taken, what each link token carries, what is cited and which problems are reported."""

from __future__ import annotations

from scrutiny.model import RecNumber
from tests.markdown.reports import parse

SIMPLE = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"]
GROUPED = ["1", "2", "3", "4", "5a", "5b", "5c", "6"]
COUNCIL = ["1.1", "1.2", "1.3", "5(a)", "5(b)", "1(ii)"]


def link(ref: str, text: str, label: str | None = None, group: tuple[str, ...] = (), report: str = "rep",
         slug: str | None = None) -> tuple:
    meta: dict = {"rec": (report, ref)}
    if group:
        meta["group"] = group
    meta["label"] = label or text  # a whole phrase ("Recommendation 7") names itself
    return ("link", f"rec:{report}/{slug or ref}", text, meta)


# --- the phrases that worked before keep working -------------------------------------------


def test_existing_phrases_still_link():
    p = parse("Recommendation 7, Recommendations 3-6 and 9, Recommendations (7, 8 and 14), recommendations 2 & 3, "
              "Recommendation 2a.", SIMPLE)
    assert p.problems == ['content/reports/rep/body.md:1: "Recommendation 2a" cites recommendation 2a, which rep '
                          'does not have (its recommendations are 1 to 14)']
    assert p.inline() == [
        link("7", "Recommendation 7"), ", Recommendations ",
        link("3", "3", "Recommendation 3"), "-", link("6", "6", "Recommendation 6"), " and ",
        link("9", "9", "Recommendation 9"), ", Recommendations (",
        link("7", "7", "Recommendation 7"), ", ", link("8", "8", "Recommendation 8"), " and ",
        link("14", "14", "Recommendation 14"), "), recommendations ",
        link("2", "2", "Recommendation 2"), " & ", link("3", "3", "Recommendation 3"), ", Recommendation 2a.",
    ]
    assert p.cites == ["rep/7", "rep/3", "rep/4", "rep/5", "rep/6", "rep/9", "rep/7", "rep/8", "rep/14", "rep/2", "rep/3"]


def test_sub_letter_phrase_links_its_recommendation():
    p = parse("Recommendation 2a and Recommendation 2B.", ["1", "2a", "2b"])
    assert p.problems == []
    assert p.inline() == [link("2a", "Recommendation 2a"), " and ",
                          ("link", "rec:rep/2b", "Recommendation 2B", {"rec": ("rep", "2b"), "label": "Recommendation 2B"}),
                          "."]


# --- council reference forms ---------------------------------------------------------------


def test_parenthesised_dotted_and_roman_forms():
    p = parse("Recommendation 5(b), Recommendation 5 (b), Recommendations 1.1 and 1.2, Recommendation 1(ii).", COUNCIL)
    assert p.problems == []
    assert p.inline() == [
        link("5(b)", "Recommendation 5(b)", slug="5b"), ", ",
        link("5(b)", "Recommendation 5 (b)", slug="5b"), ", Recommendations ",
        link("1.1", "1.1", "Recommendation 1.1", slug="1-1"), " and ",
        link("1.2", "1.2", "Recommendation 1.2", slug="1-2"), ", ",
        link("1(ii)", "Recommendation 1(ii)", slug="1ii"), ".",
    ]
    assert p.cites == ["rep/5(b)", "rep/5(b)", "rep/1.1", "rep/1.2", "rep/1(ii)"]


def test_a_full_stop_is_taken_only_before_a_digit():
    p = parse("Recommendation 1. The next sentence. Recommendation 1.2. Then Recommendation 1.", ["1", "2"])
    assert p.problems == ['content/reports/rep/body.md:1: "Recommendation 1.2" cites recommendation 1.2, which rep '
                          'does not have (its recommendations are 1 to 2)']
    assert p.inline() == [link("1", "Recommendation 1"), ". The next sentence. Recommendation 1.2. Then ",
                          link("1", "Recommendation 1"), "."]


def test_a_spaced_part_is_taken_when_the_reference_exists():
    p = parse("Recommendation 5 (b) applies.", COUNCIL)
    assert p.inline() == [link("5(b)", "Recommendation 5 (b)", slug="5b"), " applies."]


def test_a_spaced_part_is_taken_when_its_group_exists_and_then_checked():
    p = parse("Recommendation 5 (d) applies.", COUNCIL)
    assert p.problems == ['content/reports/rep/body.md:1: "Recommendation 5 (d)" cites recommendation 5 (d), which rep '
                          'does not have (its recommendations are 1.1, 1.2, 1.3, 5(a), 5(b), 1(ii))']
    assert p.inline() == ["Recommendation 5 (d) applies."]


def test_a_parenthesised_aside_is_left_as_text():
    p = parse("Recommendation 5 (see below) and Recommendation 5 (a) stand.", ["4", "5", "6"])
    assert p.problems == []
    assert p.inline() == [link("5", "Recommendation 5"), " (see below) and ", link("5", "Recommendation 5"),
                          " (a) stand."]


def test_a_spaced_part_inside_a_list_and_brackets():
    p = parse("Recommendations (5 (a), 5(b) and 1.3).", COUNCIL)
    assert p.problems == []
    assert p.inline() == ["Recommendations (", link("5(a)", "5 (a)", "Recommendation 5 (a)", slug="5a"), ", ",
                          link("5(b)", "5(b)", "Recommendation 5(b)", slug="5b"), " and ",
                          link("1.3", "1.3", "Recommendation 1.3", slug="1-3"), ")."]


def test_words_that_only_look_like_numbers_are_not_taken():
    p = parse("Recommendation 7th and recommendations 2019 and Recommendations 1, and more.", ["1"])
    assert p.problems == []
    assert p.inline() == ["Recommendation 7th and recommendations 2019 and ", link("1", "Recommendations 1", "Recommendation 1"),
                          ", and more."]


# --- ranges in document order --------------------------------------------------------------


def test_a_range_follows_document_order_not_number_order():
    p = parse("Recommendations 3-6.", ["3", "6", "4", "5"])
    assert p.problems == []
    assert p.cites == ["rep/3", "rep/6"]
    p = parse("Recommendations 4-5.", ["3", "6", "4", "5"])
    assert p.cites == ["rep/4", "rep/5"]


def test_sub_letter_and_dotted_ranges():
    p = parse("Recommendations 2a-2c and 1.1 to 1.3.", ["1.1", "1.2", "1.3", "2a", "2b", "2c", "3"])
    assert p.problems == []
    assert p.inline() == ["Recommendations ", link("2a", "2a", "Recommendation 2a"), "-",
                          link("2c", "2c", "Recommendation 2c"), " and ",
                          link("1.1", "1.1", "Recommendation 1.1", slug="1-1"), " to ",
                          link("1.3", "1.3", "Recommendation 1.3", slug="1-3"), "."]
    assert p.cites == ["rep/2a", "rep/2b", "rep/2c", "rep/1.1", "rep/1.2", "rep/1.3"]


def test_a_range_ending_on_a_group_takes_all_its_parts():
    p = parse("Recommendations 3-5 and 5-6.", GROUPED)
    assert p.problems == []
    group = ("5a", "5b", "5c")
    assert p.inline() == ["Recommendations ", link("3", "3", "Recommendation 3"), "-",
                          link("5", "5", "Recommendation 5", group), " and ",
                          link("5", "5", "Recommendation 5", group), "-", link("6", "6", "Recommendation 6"), "."]
    assert p.cites == ["rep/3", "rep/4", "rep/5a", "rep/5b", "rep/5c", "rep/5a", "rep/5b", "rep/5c", "rep/6"]


def test_a_backwards_range_is_a_problem():
    p = parse("Text.\n\nSee Recommendations 6-3.", ["3", "4", "5", "6"])
    assert p.problems == ['content/reports/rep/body.md:3: "Recommendations 6-3" runs backwards: in rep, 3 comes '
                          'before 6 (write the range from its first recommendation to its last, in the order the '
                          'report gives them)']
    assert p.cites == []


def test_a_range_with_an_unknown_end_cites_the_known_end():
    p = parse("Recommendations 2-9.", ["1", "2", "3"])
    assert p.problems == ['content/reports/rep/body.md:1: "Recommendations 2-9" cites recommendation 9, which rep '
                          'does not have (its recommendations are 1 to 3)']
    assert p.inline() == ["Recommendations ", link("2", "2", "Recommendation 2"), "-9."]
    assert p.cites == ["rep/2"]


# --- groups ----------------------------------------------------------------------------------


def test_a_group_is_one_link_to_the_whole_group():
    p = parse("Recommendation 5 matters.", GROUPED)
    assert p.problems == []
    assert p.inline() == [link("5", "Recommendation 5", group=("5a", "5b", "5c")), " matters."]
    [(href, _, meta)] = p.links
    assert href == "rec:rep/5" and set(meta) == {"rec", "group", "label"}
    assert p.cites == ["rep/5a", "rep/5b", "rep/5c"]


def test_a_group_is_written_as_its_parts_write_it():
    p = parse("Recommendation 1 and Recommendation 5.", ["1.1", "1.2", "5(a)", "5(b)"])
    assert p.inline() == [link("1", "Recommendation 1", group=("1.1", "1.2")), " and ",
                          link("5", "Recommendation 5", group=("5(a)", "5(b)")), "."]
    [(_, _, first), (_, _, second)] = p.links
    assert first["rec"] == ("rep", "1") and second["group"] == ("5(a)", "5(b)")


def test_a_single_recommendation_has_no_group_key():
    p = parse("Recommendation 5b.", GROUPED)
    assert p.links == [("rec:rep/5b", "Recommendation 5b", {"rec": ("rep", "5b"), "label": "Recommendation 5b"})]
    assert p.cites == ["rep/5b"]


def test_a_reference_that_is_also_a_group_is_ambiguous():
    p = parse("Intro.\n\nRecommendation 1 is unclear; Recommendation 1.1 is not.", ["1", "1.1", "1.2", "2"])
    assert p.problems == [
        'content/reports/rep/body.md:3: "Recommendation 1" is ambiguous: rep has both a recommendation 1 and parts '
        'of 1 (1.1 and 1.2), so it could mean 1 alone or all its parts (cite the parts by their own references, or '
        'change recommendations.yaml so that 1 does not also start other references; if 1 is only their shared '
        'opening words, make it their stem by listing them under its `parts:`)']
    assert p.inline(1) == ["Recommendation 1 is unclear; ", link("1.1", "Recommendation 1.1", slug="1-1"), " is not."]
    assert p.cites == ["rep/1.1"]


def test_ambiguity_lists_many_parts_as_a_range():
    p = parse("Recommendation 1.", ["1", "1.1", "1.2", "1.3", "1.4"])
    assert "parts of 1 (1.1 to 1.4)" in p.problems[0]


# --- unknown references and the hint ----------------------------------------------------------


def test_unknown_reference_hint_for_a_simple_scheme():
    p = parse("Recommendation 21.", [str(n) for n in range(1, 21)])
    assert p.problems == ['content/reports/rep/body.md:1: "Recommendation 21" cites recommendation 21, which rep does '
                          'not have (its recommendations are 1 to 20)']


def test_unknown_reference_hint_lists_other_schemes_as_written():
    refs = ["1.1", "1.2", "1.3", "2(a)", "2(b)", "3.1", "3.2", "3.3", "4.1"]
    p = parse("Recommendation 9.", refs)
    assert p.problems == ['content/reports/rep/body.md:1: "Recommendation 9" cites recommendation 9, which rep does '
                          'not have (its recommendations are 1.1, 1.2, 1.3, 2(a), 2(b), 3.1, 3.2, 3.3, ...)']
    p = parse("Recommendation 9.", ["a", "b"])
    assert p.problems[0].endswith("(its recommendations are a, b)")


def test_unknown_reference_hint_for_one_or_none():
    assert parse("Recommendation 2.", ["1"]).problems[0].endswith("(its only recommendation is 1)")
    assert parse("Recommendation 2.", []).problems[0].endswith("(this report has no recommendations yet)")


def test_problem_line_counts_soft_breaks():
    p = parse("First line\nthen Recommendation 8.", ["1"])
    assert p.problems == ['content/reports/rep/body.md:2: "Recommendation 8" cites recommendation 8, which rep does '
                          'not have (its only recommendation is 1)']


# --- not reproduced, unreadable ---------------------------------------------------------------


def test_a_reference_not_reproduced_is_plain_text_without_a_problem():
    p = parse("Recommendation 4, Recommendation 5 (b) and Recommendations 2-4.", ["1", "2", "3"],
              not_reproduced=(RecNumber.parse("4"), RecNumber.parse("5(b)")))
    assert p.problems == []
    assert p.inline() == ["Recommendation 4, Recommendation 5 (b) and Recommendations ",
                          link("2", "2", "Recommendation 2"), "-4."]
    assert p.cites == ["rep/2", "rep/3"]


def test_a_report_whose_recommendations_could_not_be_read_is_not_checked():
    p = parse("Recommendation 4 and Recommendations 1-9.", ["1"], recommendations_read=False)
    assert p.problems == []
    assert p.inline() == ["Recommendation 4 and Recommendations 1-9."]
    assert p.cites == []


# --- the escape ------------------------------------------------------------------------------


def test_a_backslash_before_the_word_escapes_the_phrase():
    p = parse(r"\Recommendation 5 and \recommendations 3-4 are words; Recommendation 4 is a link.", ["3", "4", "5"])
    assert p.problems == []
    assert p.inline() == ["Recommendation 5 and recommendations 3-4 are words; ", link("4", "Recommendation 4"),
                          " is a link."]
    assert p.cites == ["rep/4"]


def test_an_escaped_unknown_reference_is_not_a_problem():
    p = parse(r"\Recommendation 99 was the old numbering.", ["1"])
    assert p.problems == []
    assert p.inline() == ["Recommendation 99 was the old numbering."]


def test_the_escape_is_removed_in_headings_and_link_texts_too():
    p = parse("## \\Recommendation 1 heading\n\n[about \\Recommendation 1](https://example.org/)", ["1"])
    assert p.problems == []
    assert p.inline(0) == ["Recommendation 1 heading"]
    assert p.inline(1) == [("link", "https://example.org/", "about Recommendation 1", {})]


# --- where phrases are linked (found by mutation testing) ----------------------------------


def test_phrases_after_a_heading_are_linked_again():
    p = parse("## Recommendation 1\n\nSee Recommendation 2.\n\n### Recommendation 3\n\nRecommendation 4.", SIMPLE)
    assert p.problems == []
    assert [t for t in p.links] == [("rec:rep/2", "Recommendation 2", {"rec": ("rep", "2"), "label": "Recommendation 2"}),
                                    ("rec:rep/4", "Recommendation 4", {"rec": ("rep", "4"), "label": "Recommendation 4"})]


def test_phrases_inside_a_link_are_left_and_after_it_are_linked():
    p = parse("[Recommendation 1 online](https://example.org/) and Recommendation 2, "
              "[see **Recommendation 3**](https://example.org/) then Recommendation 4.", SIMPLE)
    assert p.problems == []
    assert [href for href, *_ in p.links] == ["https://example.org/", "rec:rep/2", "https://example.org/", "rec:rep/4"]


def test_an_unknown_phrase_is_reported_at_its_own_line_after_hard_breaks():
    p = parse("One  \ntwo\\\nthree, Recommendation 99.", SIMPLE)
    assert p.problems == ['content/reports/rep/body.md:3: "Recommendation 99" cites recommendation 99, which rep '
                          'does not have (its recommendations are 1 to 14)']
