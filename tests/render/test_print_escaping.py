"""Author text in the print document (PDF, large print, EPUB parts) is text in every
context it lands in: CSS strings (the running header), HTML text and attributes, SVG
(a chart's caption and labels) and XHTML. A hostile title cannot close the style sheet,
add markup or put a ``javascript:`` or ``file:`` link into the PDF."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pikepdf
import pytest
import tinycss2
import tinyhtml5
import yaml

from scrutiny.build import gather
from scrutiny.exporters.largeprint import large_print_documents
from scrutiny.exporters.pdf import print_html
from scrutiny.problems import ContentError
from scrutiny.render.document import DocStyle, DocumentBuilder
from scrutiny.render.escaping import css_string
from scrutiny.render.pdf_writer import html_to_pdf
from scrutiny.render.print_css import standard_css
from tests.conftest import copy_fixture, with_chart, with_formats

TITLE = 'a"}</style><a href="javascript:alert(1)">x</a><style>'
"""Closes the CSS string, the rule and the style sheet, then adds a link."""
TEXT = "<script>alert(2)</script><a href='file:///etc/passwd'>y</a> & \"q\" 's' \\ } ;"
"""The same for HTML text and attributes."""
LINK_TITLE = "x\" onmouseover=\"alert(3)\" <script>alert(3)</script><a href='file:///etc/passwd'>z</a> & 'single' }"
"""A Markdown link's title (its double quotes escaped in the Markdown)."""
REPORT = "school-transport-review"
H = "{http://www.w3.org/1999/xhtml}"
SAFE_LINK = re.compile(r"^(https?:|mailto:|tel:|#)")


def hostile(value: str, n: int) -> str:
    return f"{value} {n}"


def hostile_project(base: Path, formats: str = "pdf") -> Path:
    """The minimal project with a hostile title and hostile words in every free-text field
    that reaches the print document and the pages (numbered, to tell them apart), and a chart."""
    root = with_chart(with_formats(copy_fixture(base), formats))
    folder = root / f"content/reports/{REPORT}"
    report = yaml.safe_load((folder / "report.yaml").read_text(encoding="utf-8"))
    report.update(
        title=TITLE, summary=hostile(TEXT, 1), lead_member={"name": hostile(TEXT, 2), "role": hostile(TEXT, 3)},
        members=[hostile(TEXT, 4)], co_opted_members=[{"name": hostile(TEXT, 5), "body": hostile(TEXT, 6)}],
        officers=[{"name": hostile(TEXT, 7), "title": hostile(TEXT, 8)}],
        terms_of_reference=f"To review SEND transport. {hostile(TEXT, 9)}",
        glossary=[{"term": "SEND", "definition": hostile(TEXT, 10)}],
        activity=[{"date": "2023-01-10", "event": hostile(TEXT, 11)}])
    report["code"] = "TBC-1"
    table = report["tables"][0]
    table.update(caption=hostile(TEXT, 12), source=hostile(TEXT, 13), notes=[hostile(TEXT, 14)])
    table["rows"][0][0] = hostile(TEXT, 15)
    report["executive_response"]["meeting"] = hostile(TEXT, 16)
    for i, section in enumerate(report["sections"]):
        section["title"] = hostile(TEXT, 17 + i)
    (folder / "report.yaml").write_text(yaml.safe_dump(report, sort_keys=False), encoding="utf-8")
    recs = yaml.safe_load((folder / "recommendations.yaml").read_text(encoding="utf-8"))
    first = recs["recommendations"][0]
    first["theme"] = hostile(TEXT, 20)
    quoted = LINK_TITLE.replace('"', '\\"')
    first["text"] = f"Plan routes. {hostile(TEXT, 21)} [a link](https://ok.example/ \"{quoted}\")"
    first["response"]["text"] = hostile(TEXT, 22)
    action = first["response"]["actions"][0]
    action.update(action=hostile(TEXT, 23), owners=[{"name": hostile(TEXT, 24), "title": hostile(TEXT, 25)}])
    first["updates"][0].update(meeting=hostile(TEXT, 26), note=hostile(TEXT, 27), reason=hostile(TEXT, 28))
    (folder / "recommendations.yaml").write_text(yaml.safe_dump(recs, sort_keys=False), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    return hostile_project(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def pub(root):
    try:
        return gather(root)
    except ContentError as err:
        pytest.fail(err.report())


@pytest.fixture(scope="module")
def html(pub) -> str:
    return print_html(pub, pub.report(REPORT))


EXPECTED = [TITLE] + [hostile(TEXT, n) for n in range(1, 29) if n != 19]
"""Each hostile value that the print document shows whole, as text."""


def words(root: ET.Element) -> str:
    return " ".join(" ".join(root.itertext()).split())


def check_document(tree: ET.Element, title_in_css: bool) -> None:
    """One style sheet, no script, no link but the allowed kinds, every hostile value shown
    as the author wrote it."""
    styles = list(tree.iter(f"{H}style"))
    assert len(styles) == 1, "the title closed the style sheet"
    assert not list(tree.iter(f"{H}script")), "markup was injected"
    hrefs = [a.get("href") for a in tree.iter(f"{H}a")]
    assert hrefs and all(SAFE_LINK.match(h) for h in hrefs), [h for h in hrefs if not SAFE_LINK.match(h)]
    titled = [a.get("title") for a in tree.iter(f"{H}a") if a.get("title") is not None]
    assert titled and all(t == LINK_TITLE for t in titled)
    body = words(tree.find(f"{H}body"))
    for value in EXPECTED:
        if value == TITLE or "\n" not in value:
            assert " ".join(value.split()) in body, value
    titles = [a.get("title") for a in tree.iter(f"{H}abbr")]
    assert titles and all(t == hostile(TEXT, 10) for t in titles)
    if title_in_css:
        rules = tinycss2.parse_stylesheet(styles[0].text, skip_whitespace=True, skip_comments=True)
        pages = [r for r in rules if r.type == "at-rule" and r.lower_at_keyword == "page"
                 and not tinycss2.serialize(r.prelude).strip()]
        header = [t for r in pages for t in tinycss2.parse_blocks_contents(r.content)
                  if t.type == "at-rule" and t.lower_at_keyword == "top-right"]
        assert len(header) == 1
        content = [d for d in tinycss2.parse_blocks_contents(header[0].content, skip_whitespace=True)
                   if d.type == "declaration" and d.lower_name == "content"]
        assert [[t.value for t in d.value if t.type == "string"] for d in content] == [[TITLE]]


def test_the_print_html_keeps_every_hostile_value_as_text(html):
    check_document(tinyhtml5.parse(html), title_in_css=True)


def test_the_large_print_html_keeps_every_hostile_value_as_text(pub):
    for document in large_print_documents(pub, pub.report(REPORT)):
        check_document(tinyhtml5.parse(document), title_in_css=False)


def test_the_epub_parts_are_well_formed_xhtml_with_the_words_as_text(pub):
    parts = DocumentBuilder(pub, pub.report(REPORT), DocStyle(xhtml=True, file_of=lambda p: f"{p}.xhtml")).parts()
    text = ""
    for part in parts:
        root = ET.fromstring(part.html)  # a hostile value that added markup would break this
        assert not [e for e in root.iter() if e.tag in ("script", "style")]
        assert all(SAFE_LINK.match(a.get("href")) or a.get("href").endswith((".xhtml",)) or ".xhtml#" in a.get("href")
                   for a in root.iter("a"))
        text += " " + words(root)
    for value in EXPECTED:
        assert value in " ".join(text.split()), value


def test_a_charts_caption_and_labels_are_text_in_its_svg(html):
    tree = tinyhtml5.parse(html)
    svgs = list(tree.iter("{http://www.w3.org/2000/svg}svg"))
    assert len(svgs) == 1
    svg = svgs[0]
    assert not [e for e in svg.iter() if e.tag.split("}")[-1] in ("script", "a", "image", "foreignObject")]
    assert svg.get("aria-label").startswith(f"Chart: {hostile(TEXT, 12)}.")
    labels = words(svg)
    assert "<script>alert(2)</script><a href=" in labels.replace("Chart: ", "", 1).split("12.", 1)[1]  # a row label
    assert TEXT.split()[0] in labels


def test_the_pdf_has_no_injected_link_or_text(html, tmp_path):
    pdf = html_to_pdf(html, "https://scrutiny.test.example/x.pdf")
    path = tmp_path / "hostile.pdf"
    path.write_bytes(pdf)
    uris = []
    with pikepdf.open(path) as doc:
        for page in doc.pages:
            for annot in page.get("/Annots", []):
                action = annot.get("/A")
                if action is not None:
                    assert action.get("/S") in ("/URI", "/GoTo"), action.get("/S")
                    if action.get("/S") == "/URI":
                        uris.append(str(action.URI))
        assert "/JavaScript" not in doc.Root.get("/Names", {})
        assert "/OpenAction" not in doc.Root
    assert uris and all(SAFE_LINK.match(u) for u in uris), uris
    import pdfplumber
    with pdfplumber.open(path) as doc:
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in doc.pages)
    assert TITLE in text  # in the running header, whole, as written
    assert "size: A4" not in text and "font-family" not in text, "the style sheet became text"


def test_css_string_escapes_what_could_end_a_string_rule_or_style_element():
    sheet = "@page { @top-right { content: " + css_string(TITLE + "\n\\\x00\ud800") + "; } }"
    assert "</style" not in sheet.lower() and "\n" not in sheet
    rule = tinycss2.parse_stylesheet(sheet)[0]
    decl = tinycss2.parse_blocks_contents(tinycss2.parse_blocks_contents(rule.content)[1].content)
    strings = [t.value for d in decl if d.type == "declaration" for t in d.value if t.type == "string"]
    assert strings == [TITLE + "\n\\\ufffd\ufffd"]
    assert "</style>" not in standard_css(pub_brand(), TITLE)


def pub_brand():
    from scrutiny.model import Brand
    return Brand("#1d4f91", "#0b0c0c", "#ffffff", "#1d4f91", "#ffdd00", "", "")
