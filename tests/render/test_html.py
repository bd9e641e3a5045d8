"""The HTML renderer of the token stream (scrutiny.render.html): numbered paragraphs,
heading levels and ids, recommendation links, placed boxes and tables, glossary
abbreviations, data tables, and the escaping of every value our rules write."""

from __future__ import annotations

import dataclasses

import pytest
from markdown_it.token import Token

from scrutiny.build import gather
from scrutiny.markdown import build_index, make_parser, parse_report
from scrutiny.model import GlossaryEntry, Markdown, RecNumber, Section, Source
from scrutiny.problems import Problems
from scrutiny.render.html import HtmlContext, render_html, render_inline_html
from tests.conftest import MINIMAL


@pytest.fixture(scope="module")
def report():
    return gather(MINIMAL).report("school-transport-review")


def ctx(**changes) -> HtmlContext:
    base = HtmlContext(
        rec_href=lambda rid, n: f"/r/{rid}/{n}/",
        rec_box=lambda n: f"<aside>Recommendation {n}</aside>\n",
        data_table=lambda tid: f"<figure>{tid}</figure>\n",
    )
    return dataclasses.replace(base, **changes)


def tokens(report, text: str, numbered: bool = True, **report_changes):
    """The tokens of ``text`` as the only section of the fixture's report."""
    body = Markdown(text, Source("case.md", 1), numbered=numbered)
    report = dataclasses.replace(report, sections=(Section("case", "Case", "chapter", body),), **report_changes)
    problems = Problems()
    doc = parse_report(make_parser(), report, build_index([report]), problems)
    assert not problems, [str(p) for p in problems]
    return doc.sections["case"]


def html(report, text: str, numbered: bool = True, context: HtmlContext | None = None, **report_changes) -> str:
    return render_html(tokens(report, text, numbered, **report_changes), context or ctx())


# --- numbered paragraphs ------------------------------------------------------------------

def test_numbered_paragraphs_link_to_their_own_anchor(report):
    assert html(report, "First.\n\nSecond.") == (
        '<p id="p1" class="numbered"><a class="para-num" href="#p1" aria-label="Paragraph 1">1</a> First.</p>\n'
        '<p id="p2" class="numbered"><a class="para-num" href="#p2" aria-label="Paragraph 2">2</a> Second.</p>\n')


def test_without_paragraph_links_the_number_is_plain_text(report):
    out = html(report, "First.", context=ctx(paragraph_links=False))
    assert out == '<p id="p1" class="numbered"><span class="para-num">1</span> First.</p>\n'


def test_unnumbered_text_has_plain_paragraphs(report):
    assert html(report, "First.\n\nSecond.", numbered=False) == "<p>First.</p>\n<p>Second.</p>\n"


def test_paragraphs_in_a_tight_list_have_no_tags(report):
    """markdown-it hides the paragraphs of a tight list: no empty <p> is written."""
    assert html(report, "- one\n- two", numbered=False) == "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"


# --- headings -----------------------------------------------------------------------------

def test_headings_shift_below_the_section_title_and_get_ids(report):
    out = html(report, "## Costs\n\n### Costs\n\n## Costs", numbered=False)
    assert out == ('<h3 id="costs">Costs</h3>\n'
                   '<h4 id="costs-2">Costs</h4>\n'
                   '<h3 id="costs-3">Costs</h3>\n')


def test_heading_ids_carry_the_documents_prefix(report):
    out = html(report, "## Costs rose", numbered=False, context=ctx(doc_id="intro", heading_shift=0))
    assert out == '<h2 id="intro-costs-rose">Costs rose</h2>\n'


def test_heading_levels_stop_at_six(report):
    out = html(report, "##### Five\n\n###### Six", numbered=False, context=ctx(heading_shift=2))
    assert out == '<h6 id="five">Five</h6>\n<h6 id="six">Six</h6>\n'


def test_a_heading_without_words_still_has_an_id(report):
    assert html(report, "## !!!", numbered=False) == '<h3 id="heading">!!!</h3>\n'


def test_heading_ids_are_unique_across_one_render_only(report):
    toks = tokens(report, "## Costs", numbered=False)
    assert render_html(toks, ctx()) == render_html(toks, ctx()) == '<h3 id="costs">Costs</h3>\n'


# --- links, boxes, tables, abbreviations ----------------------------------------------------

def test_a_recommendation_link_names_the_recommendation_when_its_words_are_a_number(report):
    out = html(report, "As Recommendation 2 says, and [see this](rec:3).", numbered=False)
    assert out == ('<p>As <a class="rec-ref" href="/r/school-transport-review/2/">Recommendation 2</a> says, '
                   'and <a class="rec-ref" href="/r/school-transport-review/3/">see this</a>.</p>\n')
    listed = html(report, "See Recommendations 1 and 3.", numbered=False)
    assert listed == ('<p>See Recommendations <a class="rec-ref" href="/r/school-transport-review/1/" '
                      'aria-label="Recommendation 1">1</a> and <a class="rec-ref" href="/r/school-transport-review/3/" '
                      'aria-label="Recommendation 3">3</a>.</p>\n')


def test_link_urls_are_escaped(report):
    out = html(report, "[See](rec:2)", numbered=False, context=ctx(rec_href=lambda rid, n: f'/r?a=1&b="{n}"'))
    assert out == '<p><a class="rec-ref" href="/r?a=1&amp;b=&quot;2&quot;">See</a></p>\n'


def test_other_links_keep_markdown_its_rendering(report):
    assert html(report, "[the web](https://example.org/?a=1&b=2)", numbered=False) == (
        '<p><a href="https://example.org/?a=1&amp;b=2">the web</a></p>\n')


def test_glossary_titles_are_escaped(report):
    glossary = (GlossaryEntry("SEND", 'Special "Educational" Needs & <Disabilities>'),)
    out = html(report, "Children with SEND.", numbered=False, glossary=glossary)
    assert out == ('<p>Children with <abbr title="Special &quot;Educational&quot; Needs &amp; &lt;Disabilities&gt;">'
                   'SEND</abbr>.</p>\n')


def test_an_abbreviation_without_a_title_has_an_empty_one():
    tok = [Token("abbr_open", "abbr", 1), Token("text", "", 0, content="X"), Token("abbr_close", "abbr", -1)]
    tok[1].content = "X"
    inline = Token("inline", "", 0, children=tok, content="X")
    assert render_html([inline], ctx()) == '<abbr title="">X</abbr>'


def test_placed_recommendations_and_tables_are_drawn_by_the_caller(report):
    placed = report.recommendations[0].number
    out = html(report, "Intro.\n\n[[recommendation 1]]\n\n[[table journeys]]", numbered=False)
    assert f"<aside>Recommendation {placed}</aside>\n" in out
    assert "<figure>journeys</figure>\n" in out
    assert out.index("<aside>") < out.index("<figure>")


def test_a_placement_of_several_draws_each_box_in_order():
    box = Token("rec_box", "", 0)
    box.meta = {"numbers": [RecNumber.parse("2"), RecNumber.parse("1")]}
    assert render_html([box], ctx()) == "<aside>Recommendation 2</aside>\n<aside>Recommendation 1</aside>\n"


def test_data_tables_are_wrapped_with_column_headers_and_alignment(report):
    out = html(report, "| Year | Journeys |\n|:--|--:|\n| 2023 | 5 |", numbered=False)
    assert out.startswith('<div class="table-wrap"><table>\n<thead>\n<tr>\n'
                          '<th scope="col" class="align-left">Year</th>\n'
                          '<th scope="col" class="align-right">Journeys</th>\n')
    assert out.endswith("</table></div>\n")
    plain = html(report, "| Year |\n|---|\n| 2023 |", numbered=False)
    assert '<th scope="col">Year</th>' in plain


def test_xhtml_self_closes_void_elements(report):
    text = "One  \ntwo"
    assert "<br />" in html(report, text, numbered=False, context=ctx(xhtml=True))
    assert "<br>" in html(report, text, numbered=False) and "<br />" not in html(report, text, numbered=False)


def test_footnote_ids_carry_the_documents_prefix(report):
    out = html(report, "Costs rose.[^1]\n\n[^1]: In 2023.", numbered=False, context=ctx(doc_id="intro"))
    assert '<a href="#fn-intro-1" id="fnref-intro-1">[1]</a>' in out and '<li id="fn-intro-1" ' in out
    plain = html(report, "Costs rose.[^1]\n\n[^1]: In 2023.", numbered=False)
    assert '<a href="#fn1" id="fnref1">[1]</a>' in plain


# --- one-paragraph fields -------------------------------------------------------------------

def test_inline_html_drops_a_single_paragraphs_wrapper(report):
    assert render_inline_html(tokens(report, "Just *this*.", numbered=False), ctx()) == "Just <em>this</em>."


def test_inline_html_keeps_several_paragraphs_and_other_blocks(report):
    two = render_inline_html(tokens(report, "One.\n\nTwo.", numbered=False), ctx())
    assert two == "<p>One.</p>\n<p>Two.</p>"
    listed = render_inline_html(tokens(report, "- one", numbered=False), ctx())
    assert listed == "<ul>\n<li>one</li>\n</ul>"
    ends = render_inline_html(tokens(report, "One.\n\n- two", numbered=False), ctx())
    assert ends == "<p>One.</p>\n<ul>\n<li>two</li>\n</ul>"


def test_a_listed_reference_with_a_letter_is_named_too():
    """"6(a)" starts with a digit, as "7" does: both get the words of the whole reference."""
    from tests.conftest import FIXTURES

    lettered = gather(FIXTURES / "councils").report("cabinet-decision-notice")
    assert html(lettered, "See Recommendations 6(a) and 7.", numbered=False) == (
        '<p>See Recommendations <a class="rec-ref" href="/r/cabinet-decision-notice/6(a)/" '
        'aria-label="Recommendation 6(a)">6(a)</a> and <a class="rec-ref" href="/r/cabinet-decision-notice/7/" '
        'aria-label="Recommendation 7">7</a>.</p>\n')
