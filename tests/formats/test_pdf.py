"""Standard PDF: the built file read back with pikepdf (structure, metadata, outline,
fonts, links) and pdfplumber (the words on the pages)."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
import yaml

from scrutiny.build import build
from scrutiny.render.facts import SUMMARY_HEADER, SUMMARY_TITLE
from tests.conftest import MINIMAL, assert_same_files, cold_builds, copy_fixture, with_chart, with_formats
from tests.formats.pages import MINIMAL_SUMMARY, body_lines, expected_headers, header_text, part_headings

REPORT = "school-transport-review"
BASE = "https://scrutiny.test.example/"
TOP_MM, BOTTOM_MM = 22, 24
"""The page margins of the standard PDF (the header and page number sit in them)."""
PART_PT = 17
"""The size of a part's heading."""


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    return with_chart(with_formats(copy_fixture(tmp_path_factory.mktemp("pdf")), "pdf"))


@pytest.fixture(scope="module")
def site(root: Path) -> Path:
    build(root, root / "site")
    return root / "site"


@pytest.fixture(scope="module")
def pdf_path(site: Path) -> Path:
    return site / f"reports/{REPORT}/{REPORT}.pdf"


@pytest.fixture(scope="module")
def pdf(pdf_path: Path):
    with pikepdf.open(pdf_path) as doc:
        yield doc


@pytest.fixture(scope="module")
def pages_text(pdf_path: Path) -> list[str]:
    with pdfplumber.open(pdf_path) as doc:
        return [page.extract_text() or "" for page in doc.pages]


@pytest.fixture(scope="module")
def plumbed(pdf_path: Path):
    with pdfplumber.open(pdf_path) as doc:
        yield doc


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def report_yaml(name: str) -> dict:
    return yaml.safe_load((MINIMAL / f"content/reports/{REPORT}/{name}").read_text(encoding="utf-8"))


def struct_elements(node, depth: int = 0):
    """Every structure element under ``node``."""
    if depth > 60:
        return
    if isinstance(node, pikepdf.Dictionary) and "/S" in node:
        yield node
    kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
    if isinstance(kids, pikepdf.Array):
        for kid in kids:
            yield from struct_elements(kid, depth + 1)
    elif isinstance(kids, pikepdf.Dictionary):
        yield from struct_elements(kids, depth + 1)


def test_every_published_report_gets_a_pdf(site: Path):
    assert sorted(p.name for p in site.glob("reports/*/*.pdf")) == ["earlier-review.pdf", f"{REPORT}.pdf"]


def test_pdf_is_tagged_with_language_and_title(pdf):
    root = pdf.Root
    assert "/StructTreeRoot" in root
    assert bool(root.MarkInfo.Marked) is True
    assert str(root.Lang) == "en-GB"
    assert str(pdf.docinfo["/Title"]) == "Home to School Transport"
    assert root.ViewerPreferences.DisplayDocTitle
    with pdf.open_metadata() as xmp:
        assert xmp.get("dc:title") == "Home to School Transport"
        assert xmp.get("pdfuaid:part") == "1"


def test_structure_tree_has_headings_paragraphs_lists_and_tables(pdf):
    types = {str(e.S) for e in struct_elements(pdf.Root.StructTreeRoot)}
    assert {"/Document", "/H1", "/H2", "/H3", "/P", "/L", "/LI", "/Table", "/TH", "/TD", "/Link"} <= types


def test_a_chart_is_a_figure_with_alternative_text(pdf, pages_text: list[str]):
    figures = [e for e in struct_elements(pdf.Root.StructTreeRoot) if str(e.S) == "/Figure"]
    assert [str(f.Alt) for f in figures] == ["Chart: Journeys a day. The figures are in the table below."]
    assert "Journeys a day Year Journeys 2021 1200" in flat(" ".join(pages_text))


def test_outline_has_the_title_every_part_and_recommendation(pdf):
    titles: list[str] = []
    with pdf.open_outline() as outline:
        stack = list(outline.root)
        while stack:
            item = stack.pop(0)
            titles.append(item.title)
            stack[:0] = list(item.children)
    assert titles[0] == "Home to School Transport"
    for expected in ("Contents", "Membership", "Terms of reference", "Methodology", "Executive summary",
                     "Findings", "Planning", "Recommendations and responses", "Recommendation 1",
                     "Recommendation 3", "Schedule of activity", "Glossary", "Ask for another format"):
        assert expected in titles


def test_every_recommendation_and_response_text_is_extractable(pages_text: list[str]):
    text = flat(" ".join(pages_text))
    for rec in report_yaml("recommendations.yaml")["recommendations"]:
        assert flat(rec["text"]).strip() in text
        assert flat(rec["response"]["text"]).strip() in text
    assert "Status on 31 March 2024 Behind schedule at the update of 1 December 2023 (People Scrutiny Committee)" in text
    assert "Target date March 2024 (originally June 2023)" in text
    assert "Target moved to March 2024: The routing software arrived late." in text


def test_numbered_paragraphs_keep_their_numbers(pages_text: list[str]):
    lines = [line for page in pages_text for line in page.splitlines()]
    assert any(re.match(r"^1 Routes for children with SEND", line) for line in lines)
    assert any(re.match(r"^2 Costs rose, as Recommendations", line) for line in lines)
    assert any(re.match(r"^3 Parents want to know earlier", line) for line in lines)


def test_data_table_and_format_contact_are_printed(pages_text: list[str]):
    text = flat(" ".join(pages_text))
    assert "Journeys a day Year Journeys 2021 1200 2022 1350 Source: Transport team records" in text
    assert "scrutiny@test.example" in text and "01234 567890" in text
    assert "Town Hall, High Street, Testborough TB1 1AA" in text


def test_every_page_has_its_number_in_the_footer(pages_text: list[str]):
    total = len(pages_text)
    assert total > 3
    for n, text in enumerate(pages_text, 1):
        assert text.rstrip().endswith(f"Page {n} of {total}")


def test_pages_are_a4(pdf):
    for page in pdf.pages:
        x0, y0, x1, y1 = (float(v) for v in page.MediaBox)
        assert (round(x1 - x0), round(y1 - y0)) == (595, 842)


def test_fonts_are_embedded_sans_serif(pdf):
    names = set()
    for page in pdf.pages:
        for font in page.Resources.Font.values():
            descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
            descriptor = descendant.FontDescriptor
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), str(font.BaseFont)
            names.add(str(font.BaseFont))
    assert names and all("Sans" in n and "Serif" not in n for n in names), names


def test_recommendation_links_go_to_the_published_pages(pdf):
    uris = {str(annot.A.URI) for page in pdf.pages for annot in page.get("/Annots", [])
            if "/A" in annot and "/URI" in annot.A}
    for n in (1, 2, 3):
        assert f"{BASE}reports/{REPORT}/recommendations/{n}/" in uris
    assert f"{BASE}reports/earlier-review/recommendations/1/" in uris


def test_same_input_gives_the_same_bytes(root: Path, tmp_path: Path):
    """Two builds from empty caches, in two folders: every file the same (no random /ID)."""
    first, second = cold_builds(root, tmp_path)
    assert f"reports/{REPORT}/{REPORT}.pdf" in first and "reports/earlier-review/earlier-review.pdf" in first
    assert_same_files(first, second)


def test_dates_come_from_as_of(pdf):
    assert str(pdf.docinfo["/CreationDate"]).startswith("D:20240331")
    assert str(pdf.docinfo["/ModDate"]).startswith("D:20240331")


def summary_table(page) -> list[list[str]]:
    """The rows under the summary table's header row on ``page`` (pdfplumber's ruled tables)."""
    for table in page.extract_tables():
        cells = [[flat(c or "") for c in row] for row in table]
        at = next((i for i, row in enumerate(cells) if row[:5] == list(SUMMARY_HEADER)), None)
        if at is not None:
            body = cells[at + 1:]
            return [row[:5] for row in body[:next((i for i, r in enumerate(body) if not r[0]), len(body))]]
    return []


def test_the_summary_table_opens_the_pdf_before_the_first_section(plumbed):
    page = next(n for n, p in enumerate(plumbed.pages[:2]) if summary_table(p))
    assert summary_table(plumbed.pages[page]) == MINIMAL_SUMMARY
    order = [h for p in plumbed.pages for h in part_headings(p, PART_PT, TOP_MM)]
    assert order[0] == SUMMARY_TITLE, order
    assert order.index(SUMMARY_TITLE) < order.index("Contents") < order.index("Executive summary")


def test_the_summary_table_has_real_column_headers(pdf):
    tables = [e for e in struct_elements(pdf.Root.StructTreeRoot) if str(e.S) == "/Table"]
    summary = tables[0]  # the first table of the document
    parts = {str(k.S): k for k in summary.K if isinstance(k, pikepdf.Dictionary) and "/S" in k}
    assert {"/Caption", "/THead", "/TBody"} <= set(parts)
    head = [k for k in struct_elements(parts["/THead"]) if str(k.S) == "/TH"]
    assert len(head) == len(SUMMARY_HEADER)
    ids = {str(th.ID) for th in head}
    cells = [k for k in struct_elements(parts["/TBody"]) if str(k.S) == "/TD"]
    assert len(cells) == len(MINIMAL_SUMMARY) * (len(SUMMARY_HEADER) - 1)  # the reference is each row's header
    assert all(ids & {str(h) for h in td.A.Headers} for td in cells)


def test_each_page_header_names_the_part_it_is_in(plumbed):
    pages = plumbed.pages
    assert header_text(pages[0], TOP_MM) == ""  # the title page has none
    expected = expected_headers(pages, PART_PT, TOP_MM)
    found = [header_text(p, TOP_MM, left_half=True) for p in pages]
    assert found[1:] == expected[1:]
    assert SUMMARY_TITLE in found and "Findings" in found and "Recommendations and responses" in found


def test_no_page_is_left_near_empty(plumbed):
    counts = [len(body_lines(p, TOP_MM, BOTTOM_MM)) for p in plumbed.pages]
    assert min(counts) >= 5, counts
