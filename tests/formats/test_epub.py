"""EPUB 3: the built book checked by epubcheck (Debian's, run with Java), read back
with EbookLib, and its package, navigation and content documents parsed."""

from __future__ import annotations

import re
import subprocess
import uuid
import zipfile
from pathlib import Path

import ebooklib
import pytest
import yaml
from ebooklib import epub
from lxml import etree

from scrutiny.build import build
from tests.conftest import MINIMAL, assert_same_files, cold_builds, copy_fixture, needs_tool, with_chart, with_formats

REPORT = "school-transport-review"
BASE = "https://scrutiny.test.example/"
EPUBCHECK = Path("/usr/bin/epubcheck")  # a jar: Debian runs it through jarwrapper, so call Java directly
NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    """The fixture building only EPUB; its "journeys" table gets a chart (an inline SVG)."""
    return with_chart(with_formats(copy_fixture(tmp_path_factory.mktemp("epub")), "epub"))


@pytest.fixture(scope="module")
def site(root: Path) -> Path:
    build(root, root / "site")
    return root / "site"


@pytest.fixture(scope="module")
def path(site: Path) -> Path:
    return site / f"reports/{REPORT}/{REPORT}.epub"


@pytest.fixture(scope="module")
def files(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="module")
def opf(files: dict[str, bytes]):
    return etree.fromstring(files["EPUB/package.opf"])


def meta(opf, prop: str) -> list[str]:
    return [m.text for m in opf.findall(f"opf:metadata/opf:meta[@property='{prop}']", NS)]


@needs_tool("java", EPUBCHECK)
@pytest.mark.parametrize("report", ["earlier-review", REPORT])
def test_epubcheck_finds_no_errors(site: Path, report: str):
    result = subprocess.run(["java", "-jar", str(EPUBCHECK), str(site / f"reports/{report}/{report}.epub")],
                            capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert not re.search(r"^(ERROR|FATAL)", output, flags=re.M), output
    assert "No errors or warnings detected" in output, output


def test_mimetype_is_first_and_stored(path: Path):
    with zipfile.ZipFile(path) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert archive.read(first) == b"application/epub+zip"
        rest = [i.filename for i in archive.infolist()[1:]]
        assert rest == sorted(rest)
        assert {i.date_time for i in archive.infolist()} == {(2024, 3, 31, 0, 0, 0)}


def test_package_metadata(opf):
    identifier = opf.find("opf:metadata/dc:identifier", NS)
    assert opf.get("unique-identifier") == identifier.get("id")
    url = f"{BASE}reports/{REPORT}/"
    assert identifier.text == f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, url)}"
    assert opf.findtext("opf:metadata/dc:title", namespaces=NS) == "Home to School Transport"
    assert opf.findtext("opf:metadata/dc:language", namespaces=NS) == "en-GB"
    assert meta(opf, "dcterms:modified") == ["2024-03-31T00:00:00Z"]


def test_accessibility_metadata(opf):
    assert meta(opf, "schema:accessMode") == ["textual", "visual"]  # the chart is visual; its table is text
    assert meta(opf, "schema:accessModeSufficient") == ["textual"]
    assert {"structuralNavigation", "tableOfContents", "readingOrder", "alternativeText"} <= set(
        meta(opf, "schema:accessibilityFeature"))
    assert meta(opf, "schema:accessibilityHazard") == ["none"]
    assert len(meta(opf, "schema:accessibilitySummary")[0]) > 40
    assert meta(opf, "dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.2 Level AA"]


def test_the_chart_is_an_svg_with_a_title_declared_in_the_manifest(opf, files: dict[str, bytes]):
    svg_items = [i.get("href") for i in opf.findall("opf:manifest/opf:item", NS) if i.get("properties") == "svg"]
    assert svg_items == ["findings.xhtml"]
    findings = etree.fromstring(files["EPUB/findings.xhtml"])
    svg = findings.find(".//{http://www.w3.org/2000/svg}svg")
    assert svg.findtext("{http://www.w3.org/2000/svg}title").startswith("Chart: Journeys a day")


def test_earlier_review_without_charts_is_textual_only(site: Path):
    with zipfile.ZipFile(site / "reports/earlier-review/earlier-review.epub") as archive:
        opf = etree.fromstring(archive.read("EPUB/package.opf"))
    assert meta(opf, "schema:accessMode") == ["textual"]
    assert "alternativeText" not in meta(opf, "schema:accessibilityFeature")


def test_navigation_lists_every_section_and_part(files: dict[str, bytes]):
    nav = etree.fromstring(files["EPUB/nav.xhtml"])
    toc = nav.find(".//x:nav[@epub:type='toc']", NS)
    entries = [(a.text, a.get("href")) for a in toc.iter("{http://www.w3.org/1999/xhtml}a")]
    titles = [t for t, _ in entries]
    report = yaml.safe_load((MINIMAL / f"content/reports/{REPORT}/report.yaml").read_text(encoding="utf-8"))
    for section in report["sections"]:
        assert section["title"] in titles
    for part in ("Membership", "Terms of reference", "Recommendations and responses", "Recommendation 3",
                 "Schedule of activity", "Glossary", "Ask for another format"):
        assert part in titles
    for _, href in entries:
        assert f"EPUB/{href.split('#')[0]}" in files, href
    landmarks = nav.find(".//x:nav[@epub:type='landmarks']", NS)
    kinds = {a.get("{http://www.idpf.org/2007/ops}type") for a in landmarks.iter("{http://www.w3.org/1999/xhtml}a")}
    assert {"toc", "bodymatter", "titlepage"} <= kinds


def test_content_documents_have_language_and_recommendations(files: dict[str, bytes]):
    recs = etree.fromstring(files["EPUB/recommendations.xhtml"])
    assert recs.get("lang") == "en-GB" and recs.get("{http://www.w3.org/XML/1998/namespace}lang") == "en-GB"
    text = re.sub(r"\s+", " ", "".join(recs.itertext()))
    data = yaml.safe_load((MINIMAL / f"content/reports/{REPORT}/recommendations.yaml").read_text(encoding="utf-8"))
    for rec in data["recommendations"]:
        assert rec["text"].strip() in text and rec["response"]["text"].strip() in text
    assert "Behind schedule" in text
    findings = files["EPUB/findings.xhtml"].decode("utf-8")
    assert f'href="{BASE}reports/{REPORT}/recommendations/1/"' in findings
    assert 'href="recommendations.xhtml#rec-1"' in findings
    assert '<p id="p1" class="numbered"><span class="para-num">1</span>' in findings


def test_ebooklib_reads_the_book(path: Path):
    book = epub.read_epub(str(path))
    assert book.get_metadata("DC", "title")[0][0] == "Home to School Transport"
    assert book.get_metadata("DC", "language")[0][0] == "en-GB"
    names = {item.get_name() for item in book.get_items_of_type(ebooklib.ITEM_DOCUMENT)}
    assert {"title-page.xhtml", "summary.xhtml", "findings.xhtml", "recommendations.xhtml"} <= names


def test_same_input_gives_the_same_bytes(root: Path, tmp_path: Path):
    """Two builds from empty caches, in two folders: every file the same."""
    first, second = cold_builds(root, tmp_path)
    assert f"reports/{REPORT}/{REPORT}.epub" in first and "reports/earlier-review/earlier-review.epub" in first
    assert_same_files(first, second)


def test_every_epub_type_with_a_dpub_role_carries_it(files: dict[str, bytes]):
    """Ace's epub-type-has-matching-role: the table of contents is a doc-toc and the
    glossary a doc-glossary; HTML allows no role on body, so no body carries such a type."""
    from scrutiny.render.epub_package import DPUB_ROLES

    nav = etree.fromstring(files["EPUB/nav.xhtml"])
    assert nav.find(".//x:nav[@epub:type='toc']", NS).get("role") == "doc-toc"
    glossary = etree.fromstring(files["EPUB/glossary.xhtml"])
    assert glossary.find("x:body", NS).get(f"{{{NS['epub']}}}type") == "backmatter"
    assert glossary.find("x:body/x:div[@epub:type='glossary']", NS).get("role") == "doc-glossary"
    for name, data in files.items():
        if name.endswith(".xhtml"):
            body = etree.fromstring(data).find("x:body", NS)
            assert body.get(f"{{{NS['epub']}}}type", "") not in DPUB_ROLES, name


# --- chapters whose names collide: each still its own file of the book ----------------------

#: Section files whose part ids collide: "glossary" and "nav" name fixed parts, so those
#: sections become "section-glossary" and "section-nav", the ids of the next two.
COLLIDING = {"glossary.md": "Our glossary chapter", "section-glossary.md": "Section glossary chapter",
             "nav.md": "Our navigation chapter", "section-nav.md": "Section nav chapter"}


@pytest.fixture(scope="module")
def colliding(tmp_path_factory) -> Path:
    root = with_formats(copy_fixture(tmp_path_factory.mktemp("epub-collide")), "epub")
    folder = root / f"content/reports/{REPORT}"
    report = yaml.safe_load((folder / "report.yaml").read_text(encoding="utf-8"))
    for name, title in COLLIDING.items():
        (folder / name).write_text(f"Words only in {name}, the {title.lower()}.\n", encoding="utf-8")
        report["sections"].append({"file": name, "title": title, "kind": "chapter"})
    (folder / "report.yaml").write_text(yaml.safe_dump(report, sort_keys=False), encoding="utf-8")
    build(root, root / "site")
    return root / "site" / f"reports/{REPORT}/{REPORT}.epub"


def test_sections_whose_names_collide_are_each_in_the_book(colliding: Path):
    book = epub.read_epub(str(colliding))
    documents = {item.get_name(): item.get_content().decode("utf-8")
                 for item in book.get_items_of_type(ebooklib.ITEM_DOCUMENT)}
    spine = [book.get_item_with_id(idref).get_name() for idref, _ in book.spine]
    assert len(spine) == len(set(spine)) == len(documents)
    for name, title in COLLIDING.items():
        holding = [doc for doc, text in documents.items() if f"Words only in {name}," in text]
        assert len(holding) == 1, (name, holding)
        assert f">{title}</h1>" in documents[holding[0]] and holding[0] in spine
    nav = etree.fromstring(documents["nav.xhtml"].encode("utf-8"))
    toc = {a.text: a.get("href") for a in nav.find(".//x:nav[@epub:type='toc']", NS).iter(f"{{{NS['x']}}}a")}
    hrefs = [toc[title] for title in COLLIDING.values()]
    assert len(set(hrefs)) == len(COLLIDING) and all(h in documents for h in hrefs), toc
    with zipfile.ZipFile(colliding) as archive:
        names = archive.namelist()
    assert len(names) == len(set(names))


@needs_tool("java", EPUBCHECK)
def test_epubcheck_passes_the_book_with_colliding_names(colliding: Path):
    result = subprocess.run(["java", "-jar", str(EPUBCHECK), str(colliding)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and "No errors or warnings detected" in result.stdout + result.stderr, \
        result.stdout + result.stderr


def test_the_package_refuses_two_chapters_in_one_file():
    """The last guard: a caller's bug that gives two parts one file fails the build rather
    than dropping a chapter from the book."""
    import datetime as dt

    from scrutiny.render.epub_package import BookInfo, Chapter, epub_bytes

    info = BookInfo("urn:uuid:0", "T", "en-GB", dt.date(2024, 1, 1), "C", "P", None, "", "P")
    chapters = [Chapter("a.xhtml", "A", "<p>a</p>", "bodymatter"), Chapter("a.xhtml", "B", "<p>b</p>", "bodymatter")]
    with pytest.raises(ValueError, match="a.xhtml would hold two parts"):
        epub_bytes(chapters, info)
