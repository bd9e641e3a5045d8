"""Word: the built .docx opened with python-docx and its XML read directly."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml.ns import qn

from scrutiny.build import build
from scrutiny.exporters.docx import fit
from scrutiny.render.facts import SUMMARY_HEADER, SUMMARY_TITLE
from tests.conftest import MINIMAL, assert_same_files, cold_builds, copy_fixture, with_formats
from tests.formats.pages import MINIMAL_SUMMARY

REPORT = "school-transport-review"
BASE = "https://scrutiny.test.example/"


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    return with_formats(copy_fixture(tmp_path_factory.mktemp("docx")), "docx")


@pytest.fixture(scope="module")
def path(root: Path) -> Path:
    build(root, root / "site")
    return root / "site" / f"reports/{REPORT}/{REPORT}.docx"


@pytest.fixture(scope="module")
def document(path: Path):
    return docx.Document(str(path))


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return re.sub(r"\s+", " ", " ".join(parts))


def headings(document) -> list[tuple[int, str]]:
    out = []
    for p in document.paragraphs:
        m = re.fullmatch(r"Heading (\d)", p.style.name)
        if m:
            out.append((int(m[1]), p.text))
    return out


def test_core_properties(document):
    props = document.core_properties
    assert props.title == "Home to School Transport"
    assert props.language == "en-GB"
    assert props.author == "Test Borough Council"
    assert props.created.date().isoformat() == props.modified.date().isoformat() == "2024-03-31"


def test_language_is_set_on_the_normal_style_defaults_and_settings(document):
    normal = document.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert normal.get(qn("w:val")) == "en-GB"
    defaults = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert defaults.get(qn("w:val")) == "en-GB"
    assert document.settings.element.find(qn("w:themeFontLang")).get(qn("w:val")) == "en-GB"


def test_title_then_headings_in_order_without_skipped_levels(document):
    assert document.paragraphs[0].style.name == "Title"
    assert document.paragraphs[0].text == "Home to School Transport"
    found = headings(document)
    assert found[0][0] == 1
    for (before, _), (after, text) in zip(found, found[1:]):
        assert after <= before + 1, text
    level1 = [t for level, t in found if level == 1]
    assert level1 == [SUMMARY_TITLE, "Membership", "Terms of reference", "Methodology", "Executive summary", "Findings",
                      "Recommendations and responses", "Schedule of activity", "Glossary", "Ask for another format"]
    assert (2, "Planning") in found and (2, "Notes") in found
    assert [t for level, t in found if level == 2 and t.startswith("Recommendation ")] == [
        "Recommendation 1", "Recommendation 2", "Recommendation 3"]


def test_tables_have_a_repeating_header_row_and_a_style(document):
    assert len(document.tables) == 5  # summary, journeys, two action tables, schedule of activity
    for table in document.tables:
        first = table.rows[0]._tr
        header = first.trPr.find(qn("w:tblHeader")) if first.trPr is not None else None
        assert header is not None and header.get(qn("w:val")) in ("true", "1", None)
        assert all(row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])
        assert table.style.name == "Table Grid"
        assert all(run.bold for cell in table.rows[0].cells for p in cell.paragraphs for run in p.runs if run.text)
    journeys = document.tables[1]
    assert [c.text for c in journeys.rows[0].cells] == ["Year", "Journeys"]
    assert [c.text for c in journeys.rows[2].cells] == ["2022", "1350"]
    caption = journeys._tbl.tblPr.find(qn("w:tblCaption"))
    assert caption.get(qn("w:val")) == "Journeys a day"


def test_every_recommendation_with_its_response_and_status(document):
    text = all_text(document)
    data = yaml.safe_load((MINIMAL / f"content/reports/{REPORT}/recommendations.yaml").read_text(encoding="utf-8"))
    for rec in data["recommendations"]:
        assert rec["text"].strip() in text
        assert rec["response"]["text"].strip() in text
    assert "Status on 31 March 2024: Behind schedule at the update of 1 December 2023 (People Scrutiny Committee)" in text
    assert "Status on 31 March 2024: Rejected: no action follows this decision." in text
    assert "Decision: Partially accepted by Cabinet on 14 September 2023" in text
    assert "Move route planning to the spring term. Jo Bloggs (Head of Transport) June 2023" in text


def test_numbered_paragraphs_keep_their_numbers(document):
    texts = [p.text for p in document.paragraphs]
    assert "1\tRoutes for children with SEND are planned each summer.1" in texts
    assert any(t.startswith("2\tCosts rose, as Recommendations (1, 2 and 3) note.") for t in texts)


def test_footnotes_are_notes_with_superscript_references(document):
    ref = next(p for p in document.paragraphs if p.text.startswith("1\tRoutes"))
    superscript = [r.text for h in ref.hyperlinks for r in h.runs if r.font.superscript]
    assert superscript == ["1"]
    assert [h.fragment for h in ref.hyperlinks] == ["note_findings_1"]
    notes = [p.text for p in document.paragraphs]
    assert "1.\tTransport team, interview of 3 March 2023." in notes


def test_links_are_real_hyperlinks(document):
    addresses = {h.address for p in document.paragraphs for h in p.hyperlinks if h.address}
    for n in (1, 2, 3):
        assert f"{BASE}reports/{REPORT}/recommendations/{n}/" in addresses
    assert f"{BASE}reports/earlier-review/recommendations/1/" in addresses
    assert "mailto:scrutiny@test.example" in addresses
    anchors = {h.fragment for p in document.paragraphs for h in p.hyperlinks if not h.address}
    body = document.element.body
    bookmarks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    assert {"rec_1", "p1", "findings", "note_findings_1"} <= bookmarks
    assert anchors and anchors <= bookmarks, anchors - bookmarks


def test_recommendation_boxes_are_placed_in_the_body(document):
    boxes = [p.text for p in document.paragraphs if p.style.name == "Recommendation box"]
    assert boxes[:2] == ["Recommendation 1 (Planning)", "Plan routes by the end of May each year."]
    assert sum(t.startswith("Recommendation ") and "(" in t for t in boxes) == 3


def test_same_input_gives_the_same_bytes(root: Path, path: Path, tmp_path: Path):
    """Two builds from empty caches, in two folders: every file the same."""
    first, second = cold_builds(root, tmp_path)
    assert f"reports/{REPORT}/{REPORT}.docx" in first and "reports/earlier-review/earlier-review.docx" in first
    assert_same_files(first, second)
    with zipfile.ZipFile(path) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2024, 3, 31, 0, 0, 0)}
        assert not any("thumbnail" in name for name in archive.namelist())


def test_long_core_properties_are_cut_at_a_word_to_words_limit():
    summary = "A task group looked at how the council plans home to school transport. " * 6
    cut = fit(summary)
    assert len(cut) <= 255 and cut.endswith("…")
    assert summary.startswith(cut[:-1]) and summary[len(cut) - 1] in " ,."
    assert fit("Short title") == "Short title"


def body_blocks(document) -> list:
    """The body's paragraphs and tables, in order."""
    return [el for el in document.element.body if el.tag in (qn("w:p"), qn("w:tbl"))]


def text_of(element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def style_of(p) -> str:
    ppr = p.find(qn("w:pPr"))
    style = ppr.find(qn("w:pStyle")) if ppr is not None else None
    return style.get(qn("w:val")) if style is not None else ""


def fields(element) -> list[tuple[str, str]]:
    """(kind, value) in document order: ("begin"|"separate"|"end", "") and ("instr", text)."""
    out = []
    for el in element.iter(qn("w:fldChar"), qn("w:instrText")):
        out.append(("instr", el.text) if el.tag == qn("w:instrText") else (el.get(qn("w:fldCharType")), ""))
    return out


def test_the_summary_table_follows_the_title_page(document):
    blocks = body_blocks(document)
    table = document.tables[0]
    at = blocks.index(table._tbl)
    heading, caption = blocks[at - 2], blocks[at - 1]
    assert style_of(heading) == "Heading1" and text_of(heading) == SUMMARY_TITLE
    assert heading.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None  # the title page stands alone
    assert text_of(caption) == "Recommendations, the executive's decisions and where each stands, as of 31 March 2024"
    before = [text_of(b) for b in blocks[:at - 2]]
    assert before[0] == "Home to School Transport" and not any(style_of(b).startswith("Heading") for b in blocks[:at - 2])
    assert [c.text for c in table.rows[0].cells] == list(SUMMARY_HEADER)
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")).get(qn("w:val")) == "true"
    assert [[c.text for c in row.cells] for row in table.rows[1:]] == MINIMAL_SUMMARY
    ref = table.rows[1].cells[0].paragraphs[0]
    assert [h.fragment for h in ref.hyperlinks] == ["rec_1"]


def test_contents_is_a_toc_field_filled_with_the_headings(document):
    blocks = body_blocks(document)
    title = next(b for b in blocks if style_of(b) == "TOCHeading")
    assert text_of(title) == "Contents"
    start = blocks.index(title) + 1
    found = fields(blocks[start])
    assert found[:3] == [("begin", ""), ("instr", ' TOC \\o "1-3" \\h \\z \\u '), ("separate", "")]
    end = next(i for i in range(start, len(blocks)) if ("end", "") in fields(blocks[i]))
    entries = blocks[start:end + 1]
    assert all(fields(b) == [] for b in entries[1:-1]) and fields(entries[-1]) == [("end", "")]
    listed = [(int(style_of(e)[3:]), text_of(e)) for e in entries]
    heading_paragraphs = [p for p in document.paragraphs if re.fullmatch(r"Heading [123]", p.style.name)]
    assert listed == [(int(p.style.name[-1]), p.text) for p in heading_paragraphs]
    assert listed[:3] == [(1, SUMMARY_TITLE), (1, "Membership"), (1, "Terms of reference")]
    assert (2, "Recommendation 1") in listed and (3, "Progress updates") in listed
    # each entry links to the bookmark on its own heading
    for entry, heading in zip(entries, heading_paragraphs):
        anchor = entry.find(qn("w:hyperlink")).get(qn("w:anchor"))
        assert anchor in {b.get(qn("w:name")) for b in heading._p.iter(qn("w:bookmarkStart"))}
    assert document.styles["toc 1"].type == document.styles["toc 3"].type


def test_each_page_header_names_its_part_with_a_styleref_field(document):
    section = document.sections[0]
    assert fields(section.header._element) == [
        ("begin", ""), ("instr", ' STYLEREF "Heading 1" \\* MERGEFORMAT '), ("separate", ""), ("end", "")]
    assert section.header.paragraphs[0].text == SUMMARY_TITLE  # until Word lays out the pages
    assert section.different_first_page_header_footer  # the title page has no header
    assert not section.first_page_header.is_linked_to_previous
    assert fields(section.first_page_header._element) == [] and section.first_page_header.paragraphs[0].text == ""
    for footer in (section.footer, section.first_page_footer):
        assert [f.get(qn("w:instr")) for f in footer._element.iter(qn("w:fldSimple"))] == [" PAGE ", " NUMPAGES "]


def test_word_updates_the_fields_when_the_file_opens(document):
    settings = document.settings.element
    update = settings.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"
    order = [el.tag for el in settings]
    assert order.index(qn("w:updateFields")) < order.index(qn("w:compat"))  # the schema's order
