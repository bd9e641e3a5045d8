"""The inline plugins (scrutiny.markdown.inline): every link is checked at its own line,
and glossary terms become abbreviation tokens that every output reads."""

from __future__ import annotations

import dataclasses

import pytest

from scrutiny.build import gather
from scrutiny.markdown import build_index, make_parser, parse_report
from scrutiny.model import GlossaryEntry, Markdown, Section, Source
from scrutiny.problems import Problems
from tests.conftest import MINIMAL

HINT = "links may be http(s):, mailto:, tel:, rec: (a recommendation) or #anchor"


@pytest.fixture(scope="module")
def report():
    return gather(MINIMAL).report("school-transport-review")


def parse(report, text: str, glossary=None):
    """(tokens, problems as text) of ``text`` as a section starting on line 10 of case.md."""
    body = Markdown(text, Source("case.md", 10), numbered=True)
    changes = {"sections": (Section("case", "Case", "chapter", body),)}
    if glossary is not None:
        changes["glossary"] = tuple(GlossaryEntry(t, d) for t, d in glossary.items())
    report = dataclasses.replace(report, **changes)
    problems = Problems()
    doc = parse_report(make_parser(), report, build_index([report]), problems)
    return doc.sections["case"], [str(p) for p in problems]


def children(tokens):
    return [c for t in tokens if t.type == "inline" for c in t.children]


# --- links ------------------------------------------------------------------------------

def test_a_refused_link_is_reported_on_its_own_line_and_defused(report):
    tokens, problems = parse(report, "First line,\nsecond line,\nand [a script](javascript:alert(1)) here.")
    assert problems == [f'case.md:12: link "javascript:alert(1)" is not allowed ({HINT})']
    link = next(c for c in children(tokens) if c.type == "link_open")
    assert link.attrGet("href") == "#"


def test_hard_breaks_count_as_lines_too(report):
    _, problems = parse(report, "One  \ntwo\\\nthree [x](file:///etc/passwd)")
    assert problems == [f'case.md:12: link "file:///etc/passwd" is not allowed ({HINT})']


def test_links_in_later_paragraphs_count_from_their_paragraph(report):
    _, problems = parse(report, "One.\n\n\nTwo [x](ftp://example.org/).")
    assert problems == [f'case.md:13: link "ftp://example.org/" is not allowed ({HINT})']


@pytest.mark.parametrize("href", ["https://example.org/", "HTTP://EXAMPLE.ORG/", "mailto:a@b.example",
                                  "tel:+441234567890", "#p2"])
def test_allowed_links_are_kept_as_written(report, href):
    tokens, problems = parse(report, f"See [this]({href}).")
    assert problems == []
    assert next(c for c in children(tokens) if c.type == "link_open").attrGet("href") == href


def test_images_are_refused_at_their_line(report):
    _, problems = parse(report, "Text,\n![a chart](https://example.org/chart.png)")
    assert problems == ["case.md:11: images are not supported in report text (describe the figure in words, "
                        "or give its data as a table in report.yaml)"]


def test_every_problem_of_a_paragraph_is_reported(report):
    _, problems = parse(report, "[a](data:text/html,x) and\n[b](vbscript:y)")
    assert problems == [f'case.md:10: link "data:text/html,x" is not allowed ({HINT})',
                        f'case.md:11: link "vbscript:y" is not allowed ({HINT})']


def test_links_record_the_paragraph_they_are_in(report):
    tokens, problems = parse(report, "One.\n\nTwo, see [rec 2](rec:2).")
    assert problems == []
    link = next(c for c in children(tokens) if c.type == "link_open")
    assert link.attrGet("href") == "rec:school-transport-review/2"
    assert link.meta["rec"][0] == "school-transport-review" and str(link.meta["rec"][1]) == "2"


# --- glossary ---------------------------------------------------------------------------

GLOSSARY = {"SEND": "Special Educational Needs and Disabilities", "SEND team": "The council's SEND team",
            "EHCP": "Education, Health and Care Plan"}


def shape(tokens):
    return [(c.type, c.tag, c.nesting, c.content, dict(c.attrs), c.meta) for c in children(tokens)]


def test_glossary_terms_become_abbreviation_tokens(report):
    tokens, problems = parse(report, "Children with SEND.", GLOSSARY)
    assert problems == []
    assert shape(tokens) == [
        ("text", "", 0, "Children with ", {}, {}),
        ("abbr_open", "abbr", 1, "", {"title": GLOSSARY["SEND"]}, {"expansion": GLOSSARY["SEND"]}),
        ("text", "", 0, "SEND", {}, {}),
        ("abbr_close", "abbr", -1, "", {}, {}),
        ("text", "", 0, ".", {}, {}),
    ]


def test_the_longest_term_wins_and_no_empty_text_is_left(report):
    tokens, _ = parse(report, "SEND team and EHCP", GLOSSARY)
    assert [(c.type, c.content) for c in children(tokens)] == [
        ("abbr_open", ""), ("text", "SEND team"), ("abbr_close", ""), ("text", " and "),
        ("abbr_open", ""), ("text", "EHCP"), ("abbr_close", ""),
    ]
    assert children(tokens)[0].attrs == {"title": GLOSSARY["SEND team"]}


def test_terms_are_whole_words_outside_links(report):
    tokens, _ = parse(report, "SENDS, pre-SEND and [SEND](https://example.org/) but *SEND*", GLOSSARY)
    abbrs = [c for c in children(tokens) if c.type == "abbr_open"]
    assert len(abbrs) == 1  # only the emphasised one
    kinds = [c.type for c in children(tokens)]
    assert kinds[kinds.index("em_open") + 1] == "abbr_open"


def test_terms_after_a_link_are_marked_again(report):
    tokens, _ = parse(report, "[a link](https://example.org/) then SEND", GLOSSARY)
    assert [c.type for c in children(tokens)][-3:] == ["abbr_open", "text", "abbr_close"]


def test_without_a_glossary_nothing_is_marked(report):
    tokens, _ = parse(report, "Children with SEND.", {})
    assert [c.type for c in children(tokens)] == ["text"]
