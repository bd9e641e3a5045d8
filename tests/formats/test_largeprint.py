"""Large print: the PDF's characters read back with pdfplumber (every size at least the
configured body size, sans serif, no italics, page numbers at body size), and the
HTML's styles computed by WeasyPrint and read from its style sheet.

The fixture copy gets a five-column table, a Markdown table and emphasis, so the
"wide table as a list" and "bold, not italics" rules have something to act on.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest
import tinycss2
import yaml
from weasyprint import HTML
from weasyprint.formatting_structure import boxes

from scrutiny.build import build
from tests.conftest import assert_same_files, cold_builds, copy_fixture, with_formats
from tests.formats.pages import body_lines, expected_headers, header_chars, header_text

REPORT = "school-transport-review"
TOP_MM, BOTTOM_MM = 26, 22
"""The page margins of the large-print PDF (the header and page number sit in them)."""
WIDE = {
    "id": "costs", "caption": "Cost of transport by year",
    "columns": ["Year", "Buses", "Taxis", "Escorts", "Total"],
    "rows": [["2021", 410, 220, 55, 685], ["2022", 450, 260, 60, 770]],
    "source": "Budget book", "notes": ["Thousands of pounds."],
    "chart": {"mark": "bar", "encoding": {"x": {"field": "Year", "type": "ordinal"},
                                          "y": {"field": "Total", "type": "quantitative"}}},
}
EXTRA_MARKDOWN = """
The cost of taxis rose *very* fast.

[[table costs]]

| Route | Pupils | Miles | Vehicle |
|---|---|---|---|
| North | 12 | 30 | Minibus |
"""


def prepare(root: Path, pt: float | None = None) -> Path:
    config = with_formats(root, "large-print") / "site_config.yaml"
    if pt is not None:
        config.write_text(config.read_text(encoding="utf-8") + f"large_print:\n  font_size_pt: {pt}\n", encoding="utf-8")
    folder = root / "content/reports" / REPORT
    report = yaml.safe_load((folder / "report.yaml").read_text(encoding="utf-8"))
    report["tables"].append(WIDE)
    (folder / "report.yaml").write_text(yaml.safe_dump(report, sort_keys=False), encoding="utf-8")
    findings = (folder / "findings.md").read_text(encoding="utf-8")
    body, notes = findings.split("[^1]:")
    (folder / "findings.md").write_text(body + EXTRA_MARKDOWN + "\n[^1]:" + notes, encoding="utf-8")
    return root


def built(tmp_path_factory, name: str, pt: float | None = None) -> Path:
    root = prepare(copy_fixture(tmp_path_factory.mktemp(name)), pt)
    build(root, root / "site")
    return root / "site" / "reports" / REPORT


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return built(tmp_path_factory, "lp")


@pytest.fixture(scope="module")
def chars(folder: Path) -> list[dict]:
    with pdfplumber.open(folder / f"{REPORT}-large-print.pdf") as pdf:
        return [dict(c, page=n) for n, page in enumerate(pdf.pages, 1) for c in page.chars]


@pytest.fixture(scope="module")
def pages_text(folder: Path) -> list[str]:
    with pdfplumber.open(folder / f"{REPORT}-large-print.pdf") as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


@pytest.fixture(scope="module")
def plumbed(folder: Path):
    with pdfplumber.open(folder / f"{REPORT}-large-print.pdf") as pdf:
        yield pdf


@pytest.fixture(scope="module")
def html(folder: Path) -> str:
    return (folder / f"{REPORT}-large-print.html").read_text(encoding="utf-8")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_both_files_are_written(folder: Path):
    assert (folder / f"{REPORT}-large-print.pdf").read_bytes().startswith(b"%PDF-")
    assert (folder / f"{REPORT}-large-print.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_no_character_is_smaller_than_the_body_size(chars: list[dict]):
    sizes = Counter(round(c["size"], 2) for c in chars if c["text"].strip())
    assert min(sizes) >= 18.0 - 0.01, sizes
    assert sizes.most_common(1)[0][0] == 18.0


def test_headings_are_larger_than_the_body(chars: list[dict]):
    assert max(c["size"] for c in chars) >= 1.5 * 18


def test_fonts_are_sans_serif_and_never_italic(chars: list[dict]):
    names = {c["fontname"] for c in chars}
    assert names and all("Sans" in n and "Serif" not in n for n in names), names
    assert not any(word in n for n in names for word in ("Italic", "Oblique")), names


def test_emphasis_is_bold(chars: list[dict]):
    text = "".join(c["text"] for c in chars)
    at = text.index("very fast")
    assert all("Bold" in c["fontname"] for c in chars[at:at + 4])


def test_page_numbers_are_the_size_of_the_body_text(chars: list[dict], pages_text: list[str]):
    total = len(pages_text)
    for n, text in enumerate(pages_text, 1):
        assert text.rstrip().endswith(f"Page {n} of {total}")
    lowest = {}
    for c in chars:
        if c["text"].strip() and c["top"] > lowest.get(c["page"], {"top": -1})["top"]:
            lowest[c["page"]] = c
    assert len(lowest) == total
    assert all(abs(c["size"] - 18.0) < 0.01 for c in lowest.values())


def test_each_page_header_names_its_part_in_large_print(plumbed):
    pages = plumbed.pages
    assert header_text(pages[0], TOP_MM) == ""  # the title page has none
    found = [header_text(p, TOP_MM) for p in pages]
    assert found[1:] == expected_headers(pages, 1.5 * 18, TOP_MM)[1:]
    assert {"Findings", "Recommendations and responses"} <= set(found)
    sizes = {round(c["size"], 2) for p in pages[1:] for c in header_chars(p, TOP_MM)}
    assert sizes == {18.0}
    assert all("Bold" in c["fontname"] for p in pages[1:] for c in header_chars(p, TOP_MM))


def test_no_large_print_page_is_left_near_empty(plumbed):
    counts = [len(body_lines(p, TOP_MM, BOTTOM_MM)) for p in plumbed.pages]
    assert min(counts) >= 5, counts


def test_wide_tables_are_read_as_label_value_lists(pages_text: list[str], html: str):
    text = flat(" ".join(pages_text))
    assert "Year: 2021 Buses: 410 Taxis: 220 Escorts: 55 Total: 685" in text
    assert "Route: North Pupils: 12 Miles: 30 Vehicle: Minibus" in text
    tables = re.findall(r"<table.*?</table>", html, flags=re.S)
    assert tables and all(t.count('scope="col"') <= 3 for t in tables)


def test_charts_are_left_out_their_labels_would_be_small_print(html: str):
    assert "<svg" not in html
    assert "Cost of transport by year" in html


def test_narrow_tables_stay_tables_on_paper_and_become_lists_on_narrow_screens(pages_text: list[str], html: str):
    assert "Journeys a day Year Journeys 2021 1200 2022 1350" in flat(" ".join(pages_text))
    assert "Year: 2021 Journeys: 1200" not in flat(" ".join(pages_text))
    assert '<p><strong>Year:</strong> 2021</p><p><strong>Journeys:</strong> 1200</p>' in html
    assert re.search(r"@media screen and \(max-width: [\d.]+em\) \{\s*\.table-wide \{ display: none; \}", html)


def declarations(html: str) -> dict[str, list[str]]:
    """Selector -> declarations of the HTML's own style sheet (outside @-rules)."""
    css = re.search(r"<style>(.*?)</style>", html, flags=re.S)[1]
    out: dict[str, list[str]] = {}
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            selector = tinycss2.serialize(rule.prelude).strip()
            out.setdefault(selector, []).append(tinycss2.serialize(rule.content).strip())
    return out


def test_the_style_sheet_declares_the_body_size_and_no_smaller_size(html: str):
    rules = declarations(html)
    html_rules = " ".join(rules["html"])
    assert "font-size: 18pt" in html_rules and "line-height: 1.5" in html_rules
    css = re.search(r"<style>(.*?)</style>", html, flags=re.S)[1]
    for value, unit in re.findall(r"font-size:\s*([\d.]+)(pt|px|em|rem|%)", css):
        points = {"pt": float(value), "px": float(value) * 0.75, "em": float(value) * 18,
                  "rem": float(value) * 18, "%": float(value) * 0.18}[unit]
        assert points >= 18.0, (value, unit)
    assert "italic" not in css
    assert "justify" not in css


def test_computed_styles_of_the_html(folder: Path):
    document = HTML(folder / f"{REPORT}-large-print.html").render()
    root_style = document.pages[0]._page_box.style
    assert root_style["font_size"] == pytest.approx(24.0)  # CSS px: 18 pt
    text_boxes = [b for page in document.pages for b in walk(page._page_box)
                  if isinstance(b, boxes.TextBox) and b.text.strip()]
    assert text_boxes
    for box in text_boxes:
        assert box.style["font_size"] >= 24.0 - 0.01, box.text
        assert box.style["font_style"] == "normal", box.text
        assert box.style["text_align_all"] != "justify"
        assert "sans-serif" in box.style["font_family"]
    paragraphs = [b for page in document.pages for b in walk(page._page_box)
                  if getattr(b, "element_tag", None) == "p" and isinstance(b, boxes.BlockBox)]
    assert paragraphs and all(p.style["line_height"] == 1.5 for p in paragraphs)


def walk(box):
    yield box
    for child in getattr(box, "children", ()) or ():
        yield from walk(child)


def test_html_has_language_title_and_every_part(html: str):
    assert '<html lang="en-GB">' in html
    assert "<title>Home to School Transport (large print)</title>" in html
    for heading in ("Membership", "Findings", "Recommendations and responses", "Ask for another format"):
        assert f">{heading}</h2>" in html


def test_a_larger_configured_size_is_used_everywhere(tmp_path_factory):
    folder = built(tmp_path_factory, "lp22", pt=22)
    with pdfplumber.open(folder / f"{REPORT}-large-print.pdf") as pdf:
        sizes = Counter(round(c["size"], 2) for page in pdf.pages for c in page.chars if c["text"].strip())
    assert min(sizes) >= 22.0 - 0.01
    assert sizes.most_common(1)[0][0] == 22.0
    assert "font-size: 22pt" in (folder / f"{REPORT}-large-print.html").read_text(encoding="utf-8")


def test_same_input_gives_the_same_bytes(tmp_path: Path):
    """Two builds from empty caches, in two folders: every file the same."""
    first, second = cold_builds(prepare(copy_fixture(tmp_path)), tmp_path)
    for name in (f"{REPORT}-large-print.pdf", f"{REPORT}-large-print.html"):
        assert f"reports/{REPORT}/{name}" in first
    assert_same_files(first, second)


# --- the minimum size is enforced at every layer (each would hide the other's break) -------

def _with_pt(pt: float):
    """The minimal fixture's publication with ``large_print_pt`` set to ``pt`` (as if the
    loader had let it through)."""
    import dataclasses

    from scrutiny.build import gather
    from scrutiny.publication import Publication
    from tests.conftest import MINIMAL

    pub = gather(MINIMAL)
    config = dataclasses.replace(pub.config, large_print_pt=pt)
    return Publication(dataclasses.replace(pub.content, config=config), pub.parsed, pub.record)


def _font_sizes(css: str) -> list[str]:
    return re.findall(r"font(?:-size)?:\s*(?:bold\s+)?([\d.]+(?:pt|px|em|rem|%))", css)


@pytest.mark.parametrize("pt, body", [(12.0, "16pt"), (15.9, "16pt"), (16.0, "16pt"), (16.5, "16.5pt"), (20.0, "20pt")])
def test_the_style_sheet_never_sets_the_body_under_16_points(pt, body):
    from scrutiny.render.print_css import large_print_css

    css = large_print_css(_with_pt(18.0).config.brand, pt)
    assert f"html {{ font-size: {body}; line-height: 1.5; }}" in css
    # the page numbers and the running header are at the body size too
    assert f'content: "Page " counter(page) " of " counter(pages); font: bold {body} ' in css
    assert f"content: string(part, first); font: bold {body} " in css
    points = [float(v[:-2]) for v in _font_sizes(css) if v.endswith("pt")]
    assert points and min(points) == float(body[:-2])


@pytest.mark.parametrize("pt, used", [(12.0, 16.0), (16.0, 16.0), (18.0, 18.0), (22.5, 22.5)])
def test_the_body_size_is_never_under_16_points(pt, used):
    from scrutiny.exporters.largeprint import MIN_PT, body_pt

    assert MIN_PT == 16.0
    assert body_pt(_with_pt(pt)) == used


def test_a_size_under_the_minimum_gives_16_point_files():
    from scrutiny.exporters.largeprint import large_print_documents

    pub = _with_pt(10.0)
    for document in large_print_documents(pub, pub.report(REPORT)):
        css = re.search(r"<style>(.*?)</style>", document, flags=re.S)[1]
        assert "html { font-size: 16pt; line-height: 1.5; }" in css
        assert "10pt" not in css
