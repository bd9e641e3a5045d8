"""The print document of the minimal fixture, part by part, read back from its HTML: the
standard PDF's (summary, one document, links within it), the EPUB's (XHTML, a file a
part, footnote back-links) and large print's (tables read as lists). Fast: no PDF is
rendered (tests/formats/ render them)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
import tinyhtml5

from scrutiny.build import gather
from scrutiny.exporters.pdf import print_html
from scrutiny.markdown.pipeline import build_index, make_parser, parse_report
from scrutiny.model import Markdown, Section, Source
from scrutiny.problems import Problems
from scrutiny.render.document import (DocStyle, DocumentBuilder, Part, document_meta, markdown_grid, section_id,
                                      split_tables, standalone_html)
from tests.conftest import MINIMAL, copy_fixture

REPORT = "school-transport-review"
SITE = "https://scrutiny.test.example/reports/school-transport-review/"
H = "{http://www.w3.org/1999/xhtml}"

PUB = gather(MINIMAL)  # read once, at collection: nothing here writes to the fixture


# Per test, not per module: mutmut credits what a fixture calls to the first test that uses it,
# and runs only the credited tests for a mutant.
@pytest.fixture
def report():
    return PUB.report(REPORT)


@pytest.fixture
def html(report) -> str:
    return print_html(PUB, report)


@pytest.fixture
def epub(report) -> dict[str, Part]:
    style = DocStyle(xhtml=True, file_of=lambda part: f"{part}.xhtml", backrefs=True, part_level=1)
    return {p.id: p for p in DocumentBuilder(PUB, report, style).parts()}


@pytest.fixture
def large(report) -> dict[str, Part]:
    style = DocStyle(linearise_tables=True, charts=False)
    return {p.id: p for p in DocumentBuilder(PUB, report, style).parts()}


def sections(html: str) -> dict[str, ET.Element]:
    tree = tinyhtml5.parse(html)
    return {s.get("id"): s for s in tree.iter(f"{H}section") if "part" in (s.get("class") or "").split()}


BLOCKS = {"p", "div", "dt", "dd", "li", "ul", "ol", "dl", "br", "th", "td", "tr", "caption", "h1", "h2", "h3", "h4",
          "section"}


def text(element: ET.Element) -> str:
    """The words of an element as a reader meets them (a space between blocks, none inside a line)."""
    def words(e: ET.Element) -> str:
        inner = (e.text or "") + "".join(words(child) + (child.tail or "") for child in e)
        return f" {inner} " if e.tag.replace(H, "") in BLOCKS else inner
    return " ".join(words(element).split())


def test_the_parts_their_order_titles_and_roles(html, epub):
    assert [(p.id, p.title, p.landmark) for p in epub.values()] == [
        ("title-page", "Home to School Transport", "titlepage"), ("contents", "Contents", "toc"),
        ("membership", "Membership", "frontmatter"), ("terms-of-reference", "Terms of reference", "frontmatter"),
        ("methodology", "Methodology", "frontmatter"), ("summary", "Executive summary", "bodymatter"),
        ("findings", "Findings", "bodymatter"), ("recommendations", "Recommendations and responses", "backmatter"),
        ("activity", "Schedule of activity", "backmatter"), ("glossary", "Glossary", "glossary"),
        ("other-formats", "Ask for another format", "backmatter")]
    found = sections(html)
    assert list(found) == ["title-page", "recommendations-summary", *list(epub)[1:]]
    for part_id, section in found.items():
        if part_id != "title-page":
            landmark = "frontmatter" if part_id == "recommendations-summary" else epub[part_id].landmark
            assert section.get("class") == f"part part-{landmark}"
            heading = section[0]
            assert heading.tag == f"{H}h2" and text(heading) == (
                "Summary of recommendations" if part_id == "recommendations-summary" else epub[part_id].title)
    for part in epub.values():  # each EPUB part is one XHTML element, its title an h1
        root = ET.fromstring(part.html)
        assert root.get("id") == part.id
        if part.id != "title-page":
            assert root[0].tag == "h1" and root[0].text == part.title


def test_the_title_page(html, epub):
    page = sections(html)["title-page"]
    assert page.get("class") == "part title-page"
    assert [(e.tag.replace(H, ""), e.get("class"), text(e)) for e in page] == [
        ("p", "council", "Test Borough Council"), ("p", "committee", "People Scrutiny Committee"),
        ("h1", "report-title", "Home to School Transport"), ("p", "kind", "Task group review"),
        ("dl", "title-facts", "Published 1 June 2023 Reference TBC-HST-2023 Response Cabinet, 14 September 2023 "
                              f"Status of recommendations as on 31 March 2024 Online {SITE}"),
        ("p", "other-formats-note", "You can ask for this report in another format: see Ask for another format.")]
    assert [a.get("href") for a in page.iter(f"{H}a")] == [SITE, "#other-formats"]
    assert '<a href="other-formats.xhtml">Ask for another format</a>' in epub["title-page"].html
    assert '<h1 class="report-title">' in epub["title-page"].html  # never h0


def test_a_title_page_without_a_response_meeting_date_or_publication_date(report):
    er = replace(report.executive_response, date=None)
    bare = replace(report, executive_response=er, published=None)
    html = DocumentBuilder(PUB, bare).parts()[0].html
    assert "<dt>Published</dt><dd>Date not stated</dd>" in html
    assert "<dt>Response</dt><dd>Cabinet</dd>" in html
    none = replace(report, executive_response=None)
    assert "<dt>Response</dt>" not in DocumentBuilder(PUB, none).parts()[0].html


def test_the_contents_link_every_part_after_it(html, epub):
    contents = sections(html)["contents"]
    ol = contents.find(f"{H}ol")
    assert ol.get("class") == "contents"
    assert [(a.get("href"), text(a)) for a in ol.iter(f"{H}a")] == [
        ("#recommendations-summary", "Summary of recommendations"), ("#membership", "Membership"),
        ("#terms-of-reference", "Terms of reference"), ("#methodology", "Methodology"),
        ("#summary", "Executive summary"), ("#findings", "Findings"),
        ("#recommendations", "Recommendations and responses"), ("#activity", "Schedule of activity"),
        ("#glossary", "Glossary"), ("#other-formats", "Ask for another format")]
    assert '</a></li><li><a href="#membership">Membership</a></li><li>' in html
    epub_links = [a.get("href") for a in ET.fromstring(epub["contents"].html).iter("a")]
    assert epub_links == [f"{p}.xhtml" for p in list(epub)[2:]]


def test_the_summary_table_opens_the_standard_pdf_only(html, epub, large):
    summary = sections(html)["recommendations-summary"]
    table = summary.find(f"{H}div/{H}table")
    assert summary.find(f"{H}div").get("class") == "summary-table" and table.get("class") == "data"
    assert text(table.find(f"{H}caption")) == ("Recommendations, the executive's decisions and where each stands, "
                                                "as of 31 March 2024")
    assert [(th.get("scope"), text(th)) for th in table.iter(f"{H}th")][:5] == [
        ("col", "Ref."), ("col", "Recommendation"), ("col", "Decision"), ("col", "Status"), ("col", "Target date")]
    rows = [[text(c) for c in tr] for tr in table.find(f"{H}tbody")]
    assert rows == [["1", "Planning: Plan routes by the end of May each year.", "Accepted", "Behind schedule",
                     "March 2024 (originally June 2023), due today"],
                    ["2", "Planning: Publish the cost of transport each year.", "Partially accepted", "Complete",
                     "29 February 2024"],
                    ["3", "Parents: Tell parents of their route by 1 August.", "Rejected", "No action (rejected)",
                     "None given"]]
    assert [a.get("href") for a in table.find(f"{H}tbody").iter(f"{H}a")] == ["#rec-1", "#rec-2", "#rec-3"]
    assert "recommendations-summary" not in epub and "recommendations-summary" not in large


def test_membership_terms_methodology_activity_and_glossary(html):
    found = sections(html)
    assert [text(e) for e in found["membership"]][1:] == [
        "Lead member", "Cllr Ada Lovelace (Lead Member)", "Members", "Cllr Charles Babbage Cllr Mary Somerville",
        "Co-opted members", "Ms Grace Hopper (Parent Governor)", "Officer support", "Alan Turing (Scrutiny Officer)"]
    assert [e.get("class") for e in found["membership"].iter(f"{H}p")] == ["group"] * 4
    assert text(found["membership"]) == ("Membership Lead member Cllr Ada Lovelace (Lead Member) Members Cllr Charles "
                                         "Babbage Cllr Mary Somerville Co-opted members Ms Grace Hopper (Parent "
                                         "Governor) Officer support Alan Turing (Scrutiny Officer)")
    assert text(found["terms-of-reference"]) == ("Terms of reference To review home to school transport for "
                                                 "children with SEND.")
    assert text(found["methodology"]) == "Methodology The task group met six times and heard from witnesses."
    activity = found["activity"].find(f"{H}table")
    assert text(activity.find(f"{H}caption")) == "Meetings and evidence, in date order"
    assert [[(c.tag.replace(H, ""), text(c)) for c in tr] for tr in activity.iter(f"{H}tr")] == [
        [("th", "Date"), ("th", "Activity")], [("th", "10 January 2023"), ("td", "Scoping meeting")]]
    glossary = found["glossary"].find(f"{H}dl")
    assert glossary.get("class") == "glossary"
    assert [(e.tag.replace(H, ""), text(e)) for e in glossary] == [
        ("dt", "SEND"), ("dd", "Special Educational Needs and Disabilities")]


def test_parts_left_out_when_the_report_has_nothing_for_them(report):
    bare = replace(report, lead_member=None, members=(), co_opted_members=(), officers=(), terms_of_reference=None,
                   methodology=None, activity=(), glossary=(), recommendations=(), sections=report.sections[:1])
    parts = DocumentBuilder(PUB, bare, DocStyle(summary=True)).parts()
    assert [p.id for p in parts] == ["title-page", "contents", "summary", "other-formats"]
    only_members = replace(bare, members=report.members)
    membership = [p for p in DocumentBuilder(PUB, only_members).parts() if p.id == "membership"]
    assert len(membership) == 1 and "Lead member" not in membership[0].html and "Members" in membership[0].html


def test_the_sections_keep_paragraph_numbers_boxes_tables_and_footnotes(html, epub):
    findings = sections(html)["findings"]
    assert findings.find(f"{H}h3").get("id") == "findings-planning"
    assert '<p id="p1" class="numbered"><span class="para-num">1</span> Routes' in html  # a number, not a link
    assert '</p></div><section class="footnotes" aria-label="Notes">' in html  # the separator left out
    numbered = [(p.get("id"), text(p)[:12]) for p in findings.iter(f"{H}p") if p.get("class") == "numbered"]
    assert numbered == [("p1", "1 Routes for"), ("p2", "2 Costs rose"), ("p3", "3 Parents wa")]
    boxes = [d for d in findings.iter(f"{H}div") if d.get("class") == "rec-box"]
    assert [(b.get("id"), [a.get("href") for a in b.iter(f"{H}a")]) for b in boxes] == [
        ("box-1", ["#rec-1"]), ("box-2", ["#rec-2"]), ("box-3", ["#rec-3"])]
    assert text(boxes[0]) == "Recommendation 1 (Planning) Plan routes by the end of May each year. " \
                             "Response and progress on recommendation 1"
    assert '<p class="rec-box-link"><a href="recommendations.xhtml#rec-1">' in epub["findings"].html
    table = [d for d in findings.iter(f"{H}div") if d.get("id") == "table-journeys"]
    assert len(table) == 1 and table[0].get("class") == "data-table"
    # paper: no separator, no back-links; EPUB: back-links named for screen readers
    assert "footnotes-sep" not in html and "footnote-backref" not in html and "↩" not in html
    assert ('<a href="#fnref-findings-1" class="footnote-backref" aria-label="Back to the text">'
            in epub["findings"].html)
    assert "footnotes-sep" not in epub["findings"].html
    assert '<li id="fn-findings-1" class="footnote-item"><p>Transport team, interview of 3 March 2023.</p>' in html


def test_recommendation_links_point_to_the_published_site(html):
    summary = sections(html)["summary"]
    assert [a.get("href") for a in summary.iter(f"{H}a")] == [
        f"{SITE}recommendations/{n}/" for n in (1, 2, 3)]
    assert ('<a class="rec-ref" href="https://scrutiny.test.example/reports/earlier-review/recommendations/1/">'
            'the earlier review</a>') in html


def test_each_recommendation_in_full(html, epub):
    part = sections(html)["recommendations"]
    assert text(part[1]) == "Each recommendation with the executive's response and where it stood on 31 March 2024."
    assert '</a></p></section><section class="rec" id="rec-2">' in html
    recs = [s for s in part if s.get("class") == "rec"]
    assert [r.get("id") for r in recs] == ["rec-1", "rec-2", "rec-3"]
    first = recs[0]
    assert [(e.tag.replace(H, ""), e.get("class")) for e in first] == [
        ("h3", None), ("p", "rec-theme"), ("div", "rec-text"), ("p", "rec-follows"), ("dl", "rec-facts"),
        ("h4", None), ("p", None), ("h4", None), ("div", "actions"), ("h4", None), ("ul", "updates"),
        ("p", "rec-online")]
    assert [text(e) for e in first][:6] == [
        "Recommendation 1", "Theme: Planning", "Plan routes by the end of May each year.",
        "Follows from paragraph 1.",
        "Decision Accepted by Cabinet on 14 September 2023 Status on 31 March 2024 Behind schedule at the update "
        "of 1 December 2023 (People Scrutiny Committee). The target is March 2024 (due today). "
        "Target date March 2024 (originally June 2023)", "Response"]
    assert first.find(f"{H}p[@class='rec-follows']/{H}a").get("href") == "#p1"
    assert 'Follows from paragraph <a href="findings.xhtml#p1">1</a>.' in epub["recommendations"].html
    actions = first.find(f"{H}div[@class='actions']/{H}table")
    assert text(actions.find(f"{H}caption")) == "Actions agreed for recommendation 1"
    assert [[(c.tag.replace(H, ""), text(c)) for c in tr] for tr in actions.iter(f"{H}tr")] == [
        [("th", "Action"), ("th", "Owner"), ("th", "Target")],
        [("td", "Move route planning to the spring term."), ("td", "Jo Bloggs (Head of Transport)"),
         ("td", "June 2023")]]
    assert [text(e) for e in first.find(f"{H}ul[@class='updates']/{H}li")] == [
        "1 December 2023, People Scrutiny Committee: Behind schedule.", "Delayed by the new routing software.",
        "Target moved to March 2024: The routing software arrived late."]
    online = first[-1]
    assert text(online) == f"Online: {SITE}recommendations/1/"
    assert online.find(f"{H}a").get("href") == f"{SITE}recommendations/1/"
    rejected = recs[2]
    assert [e.tag.replace(H, "") for e in rejected] == ["h3", "p", "div", "dl", "h4", "p", "p"]
    assert text(rejected.find(f"{H}dl")) == ("Decision Rejected by Cabinet on 14 September 2023 Status on 31 March "
                                              "2024 Rejected: no action follows this decision.")
    # EPUB: one level up, as its parts' titles are h1
    assert '<section class="rec" id="rec-1"><h2>Recommendation 1</h2>' in epub["recommendations"].html
    assert "<h3>Response</h3>" in epub["recommendations"].html


def test_the_other_formats_part_lists_the_formats_and_the_contact(html, epub):
    part = sections(html)["other-formats"]
    assert text(part[1]) == (f"This report, its recommendations and the responses are online at {SITE}, where you "
                             "can also download:")
    assert part[1].find(f"{H}a").get("href") == SITE
    items = [text(li) for li in part.find(f"{H}ul")]
    assert items[0] == "Recommendations data: the recommendations as a spreadsheet (CSV) or for programs (JSON)"
    assert items[3] == "PDF: a tagged PDF to print or keep" and len(items) == 8
    assert "keep</li><li>Word document:" in html
    assert text(part[3]) == "To ask for it in another format or language, contact:"
    contact = part[4]
    assert contact.get("class") == "contact"
    assert text(contact) == ("Scrutiny Team Town Hall, High Street, Testborough TB1 1AA Email: scrutiny@test.example "
                             "Telephone: 01234 567890")
    assert [a.get("href") for a in contact.iter(f"{H}a")] == ["mailto:scrutiny@test.example", "tel:01234567890"]
    assert "Scrutiny Team<br>Town Hall" in html
    assert "Scrutiny Team<br />Town Hall, High Street, Testborough TB1 1AA<br />Email" in epub["other-formats"].html


def test_large_print_reads_wide_tables_as_lists_and_draws_no_chart(large):
    findings = large["findings"].html
    assert '<div class="table-wide"><table class="data"><caption>Journeys a day</caption>' in findings
    assert ('<div class="table-narrow"><div class="table-list"><p class="table-list-caption"><strong>Journeys a day'
            '</strong></p><ul class="records"><li><p><strong>Year:</strong> 2021</p><p><strong>Journeys:</strong> '
            '1200</p></li>') in findings
    actions = large["recommendations"].html  # three columns: a table on paper, a list on a narrow screen
    assert ('<div class="actions"><div class="table-wide"><table class="data"><caption>Actions agreed for '
            'recommendation 1</caption>') in actions
    assert "<svg" not in findings
    activity = large["activity"].html  # two columns, its first the row headers
    assert ('<div class="table-wide"><table class="data"><caption>Meetings and evidence, in date order</caption>'
            '<thead><tr><th scope="col">Date</th><th scope="col">Activity</th></tr></thead><tbody><tr>'
            '<th scope="row">10 January 2023</th><td>Scoping meeting</td></tr></tbody></table></div>'
            '<div class="table-narrow">') in activity


def test_large_print_can_open_with_the_summary_read_as_a_list_and_an_epub_links_it_to_its_file(report):
    parts = DocumentBuilder(PUB, report, DocStyle(summary=True, linearise_tables=True,
                                                  file_of=lambda p: f"{p}.xhtml")).parts()
    summary = next(p for p in parts if p.id == "recommendations-summary").html
    assert '<div class="summary-table"><div class="table-list">' in summary  # five columns: a list
    assert '<a href="recommendations.xhtml#rec-1">1</a>' in summary


def parse(report, text: str):
    """The tokens of ``text`` as the only section of the fixture's report."""
    body = Markdown(text, Source("case.md", 1))
    report = replace(report, sections=(Section("case", "Case", "chapter", body),))
    problems = Problems()
    doc = parse_report(make_parser(), report, build_index([report]), problems)
    assert not problems, [str(p) for p in problems]
    return doc.sections["case"]


def test_a_markdown_table_in_large_print_is_a_list_and_a_table(report):
    tokens = parse(report, "Text before.\n\n| Area | Cost | Year | Ward |\n|---|--:|---|---|\n"
                           "| North | *12* | 2023 | A |\n| South | 7 | 2024 | B |\n\nText after.\n\n"
                           "| Ward | Cost |\n|---|---|\n| A | 3 |\n")
    runs = list(split_tables(tokens))
    assert [kind for kind, _ in runs] == ["tokens", "table", "tokens", "table"]
    assert runs[1][1][0].type == "table_open" and runs[1][1][-1].type == "table_close"
    builder = DocumentBuilder(PUB, report, DocStyle(linearise_tables=True))
    grid = markdown_grid(runs[1][1], builder.html_context())
    assert grid.header == ("Area", "Cost", "Year", "Ward") and grid.caption == ""
    assert grid.rows == (("North", "<em>12</em>", "2023", "A"), ("South", "7", "2024", "B"))
    html = builder.render(tokens)
    # four columns: a list only, without a caption; two: a table (no row headers: a Markdown
    # table says nothing of them) and a list
    assert html.startswith('<p>Text before.</p>\n<div class="table-list"><ul class="records">')
    assert "<p><strong>Cost:</strong> <em>12</em></p>" in html
    assert html.endswith('<p>Text after.</p>\n<div class="table-wide"><table class="data"><thead><tr>'
                         '<th scope="col">Ward</th><th scope="col">Cost</th></tr></thead><tbody><tr><td>A</td>'
                         '<td>3</td></tr></tbody></table></div><div class="table-narrow"><div class="table-list">'
                         '<ul class="records"><li><p><strong>Ward:</strong> A</p><p><strong>Cost:</strong> 3</p>'
                         '</li></ul></div></div>')
    standard = DocumentBuilder(PUB, report).render(tokens)
    assert "<table>" in standard and "table-list" not in standard
    assert [kind for kind, _ in split_tables(parse(report, "| a |\n|---|\n| b |\n"))] == ["table"]


def test_section_ids_never_clash_with_the_fixed_parts():
    assert section_id("findings") == "findings"
    assert section_id("glossary") == "section-glossary" and section_id("nav") == "section-nav"
    assert section_id("section-glossary") == "section-section-glossary"


def test_the_standalone_document_and_its_metadata(report, html):
    meta = document_meta(PUB, report)
    assert meta == {"author": "Test Borough Council", "dcterms.created": "2024-03-31",
                    "dcterms.modified": "2024-03-31",
                    "description": "A task group looked at how the council plans home to school transport."}
    assert "description" not in document_meta(PUB, replace(report, summary=None))
    doc = standalone_html([Part("a", "A", "<section>one</section>", "bodymatter"),
                           Part("b", "B", "<section>two</section>", "bodymatter")],
                          title="T & <x>", lang="cy", css="p { x: 1 }", meta={"k\"": "v<", "b": "c"}, xhtml=True)
    assert doc == ('<!DOCTYPE html>\n<html lang="cy">\n<head>\n<meta charset="utf-8" />\n'
                   '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'
                   '<title>T &amp; &lt;x&gt;</title>\n<meta name="k&quot;" content="v&lt;" />\n'
                   '<meta name="b" content="c" />\n'
                   '<style>\np { x: 1 }\n</style>\n</head>\n<body>\n<main>\n<section>one</section>\n'
                   '<section>two</section>\n</main>\n</body>\n</html>\n')
    assert '<meta charset="utf-8">\n' in html and '<html lang="en-GB">' in html
    assert '<meta name="dcterms.created" content="2024-03-31">\n' in html


def test_an_epub_href_without_a_fragment_is_the_file_and_one_document_uses_fragments(report):
    epub = DocumentBuilder(PUB, report, DocStyle(file_of=lambda p: f"{p}.xhtml"))
    assert epub.href("glossary") == "glossary.xhtml" and epub.href("findings", "p2") == "findings.xhtml#p2"
    one = DocumentBuilder(PUB, report)
    assert one.href("glossary") == "#glossary" and one.href("findings", "p2") == "#p2"
    assert one.web_url(REPORT, "2") == f"{SITE}recommendations/2/"


def test_a_chart_is_drawn_above_its_table_unless_charts_are_off(report, monkeypatch):
    from scrutiny.render import document
    monkeypatch.setattr(document, "chart_svg", lambda table: '<svg focusable="false" x="1"><g/></svg>')
    html = DocumentBuilder(PUB, report).parts()
    findings = next(p for p in html if p.id == "findings").html
    assert ('<div class="data-table" id="table-journeys"><div class="chart"><svg x="1"><title>Chart: Journeys a day. '
            'The figures are in the table below.</title><g/></svg></div><table class="data">') in findings
    off = DocumentBuilder(PUB, report, DocStyle(charts=False)).parts()
    assert '<div class="chart">' not in next(p for p in off if p.id == "findings").html


def test_an_appendix_is_back_matter_and_a_deeper_document_shifts_every_heading(report):
    appendix = replace(report, sections=(replace(report.sections[0], kind="appendix"),), recommendations=())
    parts = {p.id: p for p in DocumentBuilder(PUB, appendix).parts()}
    assert parts["summary"].landmark == "backmatter"
    assert parts["summary"].html.startswith('<section class="part part-backmatter" id="summary">')
    deeper = {p.id: p.html for p in DocumentBuilder(PUB, report, DocStyle(part_level=3)).parts()}
    assert '<h2 class="report-title">' in deeper["title-page"]
    assert deeper["findings"].startswith('<section class="part part-bodymatter" id="findings"><h3>Findings</h3>'
                                         '<h4 id="findings-planning">Planning</h4>')
    tokens = parse(report, "## A heading\n\nText.\n")
    builder = DocumentBuilder(PUB, report)
    assert builder.render(tokens).startswith('<h3 id="a-heading">A heading</h3>')
    assert builder.render(tokens, "d", shift=0).startswith('<h2 id="d-a-heading">A heading</h2>')


def test_every_field_renders_with_ids_of_its_own_and_epub_markup(tmp_path):
    """Footnotes in a recommendation's text, box, response and update note, and in the terms
    of reference, each get ids of their own (one document holds them all); a line break is
    XHTML in the EPUB."""
    root = copy_fixture(tmp_path)
    folder = root / "content/reports" / REPORT
    recs = folder / "recommendations.yaml"
    recs.write_text(recs.read_text(encoding="utf-8")
                    .replace("text: Plan routes by the end of May each year.",
                             'text: "Plan routes by the end of May each year.[^r]\\n\\n[^r]: Rec note."', 1)
                    .replace("text: Agreed.", 'text: "Agreed.[^a]  \\nSigned.\\n\\n[^a]: Response note."', 1)
                    .replace("note: Delayed by the new routing software.",
                             'note: "Delayed.[^u]\\n\\n[^u]: Update note."', 1), encoding="utf-8")
    meta = folder / "report.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace(
        "for children with SEND.", "for children with SEND.[^t]\n\n  [^t]: Terms note."), encoding="utf-8")
    pub = gather(root)
    parts = {p.id: p.html for p in DocumentBuilder(pub, pub.report(REPORT), DocStyle(xhtml=True)).parts()}
    ids = {part: [e.get("id") for e in ET.fromstring(html).iter("li") if (e.get("id") or "").startswith("fn-")]
           for part, html in parts.items()}
    assert ids["terms-of-reference"] == ["fn-terms-of-reference-1"]
    assert ids["findings"] == ["fn-box-1-1", "fn-findings-1"]  # the box's own, in the box
    assert ids["recommendations"] == ["fn-rec-1-1", "fn-rec-1-r-1", "fn-rec-1-u1-1"]
    assert "Agreed.<sup" in parts["recommendations"] and "<br />\nSigned." in parts["recommendations"]
    rec = pub.report(REPORT).recommendations[2]
    view = DocumentBuilder(pub, pub.report(REPORT))._rec_view(replace(rec, response=None))
    assert view.response_html == ""
