"""Plain text format: the built .txt read back as UTF-8 and checked line by line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from scrutiny.build import build, gather
from scrutiny.exporters.text import report_lines
from scrutiny.markdown.plain import plain_text
from scrutiny.render.text import Block, Table, para
from scrutiny.render.textlayout import layout
from tests.conftest import MINIMAL, ROOT, copy_fixture, with_formats

REPORT = "school-transport-review"
MARKUP = ("**", "[[", "](", "[^", "##", "<abbr", "</")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = with_formats(copy_fixture(tmp_path_factory.mktemp("txt")), "txt")
    build(root, root / "site")
    return root / "site"


@pytest.fixture(scope="module")
def text(site: Path) -> str:
    return (site / f"reports/{REPORT}/{REPORT}.txt").read_text(encoding="utf-8")


def flat(text: str) -> str:
    """The words with line breaks and indents taken out (wrapped text read as one line)."""
    return re.sub(r"\s+", " ", text)


def recommendations() -> list[dict]:
    data = yaml.safe_load((MINIMAL / f"content/reports/{REPORT}/recommendations.yaml").read_text(encoding="utf-8"))
    return data["recommendations"]


def rec_entry(text: str, number: int) -> str:
    """The text of one recommendation in the "Recommendations and responses" part."""
    start = text.index(f"RECOMMENDATION {number}")
    following = text.find("RECOMMENDATION ", start + 1)
    return text[start:following if following > 0 else None]


def test_every_report_has_lines_of_at_most_80_characters(site: Path):
    files = sorted(site.glob("reports/*/*.txt"))
    assert [f.name for f in files] == ["earlier-review.txt", f"{REPORT}.txt"]
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines and max(len(line) for line in lines) <= 80, path


def test_no_markdown_markup_is_left(text: str):
    for mark in MARKUP:
        assert mark not in text, mark


def test_every_recommendation_text_is_present(text: str):
    for rec in recommendations():
        assert rec["text"].strip() in flat(text), rec["number"]


def test_numbered_paragraphs_keep_their_numbers_with_a_hanging_indent(text: str):
    assert re.search(r"^1\.\s+Routes for children with SEND are planned each summer\.\[1\]$", text, re.M)
    assert re.search(r"^2\.\s+Costs rose, as Recommendations \(1, 2 and 3\) note\.$", text, re.M)
    para3 = re.search(r"^3\.(\s+)Parents.*\n(\s+)\S", text, re.M)
    assert para3 and len(para3[1]) + 2 == len(para3[2]), "runover lines line up after the number"


def test_responses_and_current_status(text: str):
    one, two, three = (flat(rec_entry(text, n)) for n in (1, 2, 3))
    assert "Response: Accepted by Cabinet on 14 September 2023." in one
    assert "Owner: Jo Bloggs (Head of Transport) Target: June 2023" in one
    assert "Status on 31 March 2024: Behind schedule at the update of 1 December 2023 (People Scrutiny Committee). The target is March 2024 (due today)." in one
    assert "Target moved to March 2024: The routing software arrived late." in one
    assert "Response: Partially accepted" in two and "Status on 31 March 2024: Complete at the update of 1 March 2024" in two
    assert "Response: Rejected" in three and "Routes depend on late applications." in three
    assert "Status on 31 March 2024: Rejected: no action follows this decision." in three
    # no status the content did not state: a rejected recommendation is never "Not started"
    assert "Not started" not in one + two + three


def test_headings_are_underlined_or_in_capitals(text: str):
    lines = text.splitlines()
    assert lines[0] == "Home to School Transport" and lines[1] == "=" * len(lines[0])
    i = lines.index("Findings")
    assert lines[i + 1] == "-" * len("Findings")
    assert "PLANNING" in lines and "RECOMMENDATION 1: PLANNING" in lines


def test_cover_contents_and_closing_parts(text: str):
    for expected in ("Test Borough Council", "People Scrutiny Committee", "Task group review",
                     "  - Ms Grace Hopper (Parent Governor)", "  - Alan Turing (Scrutiny Officer)",
                     "Published: 1 June 2023", "1. About the review", "3. Findings (paragraphs 1 to 3)",
                     "SEND: Special Educational Needs and Disabilities",
                     "10 January 2023  Scoping meeting",
                     "  Telephone: 01234 567890", "  Email: scrutiny@test.example"):
        assert expected in text.splitlines(), expected


def test_footnotes_and_links_become_numbered_notes(text: str):
    findings = text[text.index("\nFindings\n--"):text.index("\nRecommendations and responses\n--")]
    assert "[1] Transport team, interview of 3 March 2023." in findings
    assert "the earlier review (see Recommendation 1 of the report Earlier Review of Transport [2])" in flat(findings)
    url = "https://scrutiny.test.example/reports/earlier-review/recommendations/1/"
    assert f"    {url}" in findings.splitlines(), "a long address goes whole on its own line"


def test_data_table_is_aligned_in_columns(text: str):
    assert "Table: Journeys a day\nYear  Journeys\n----  --------\n2021      1200\n2022      1350\n" in text
    assert "Source: Transport team records" in text


def test_long_url_is_never_cut_when_it_fits_a_line():
    url = "https://example.org/" + "a" * 55 + "/"
    lines = layout([para(f"See {url} for more.", "Web page: ")], 80)
    assert url in lines and all(len(line) <= 80 for line in lines)


def test_wide_table_falls_back_to_column_value_lines():
    table = Table("Costs", ("Placement type", "Weekly cost"), (("Residential " * 6, "£3,000"),))
    lines = layout([Block("table", table=table)], 80)
    assert all(len(line) <= 80 for line in lines)
    assert any(line.startswith("Placement type: Residential") for line in lines)
    assert "  Weekly cost: £3,000" in lines


def test_example_reports_fit_80_columns_with_every_recommendation():
    """The real example content (long paragraphs, wide tables, long addresses)."""
    pub = gather(ROOT)
    assert pub.reports
    for report in pub.reports:
        lines = report_lines(pub, report)
        assert max(len(line) for line in lines) <= 80, report.id
        assert max(len(line) for line in lines) >= 76, "paragraphs fill the lines"
        text = flat("\n".join(lines))
        for mark in MARKUP:
            assert mark not in text, (report.id, mark)
        for rec in report.recommendations:
            first_words = " ".join(plain_text(pub.tokens(rec.text)).split()[:8])
            assert first_words in text, (report.id, str(rec.number))
            assert f"RECOMMENDATION {str(rec.number).upper()}" in text
