"""The print style sheets read back with a CSS parser: the brand's colours, the running
header (the report's title on one line, as a CSS string), the contents' page numbers in
the current language, and large print's body size (at least 16 pt, everywhere)."""

from __future__ import annotations

import pytest
import tinycss2

from scrutiny.i18n import use
from scrutiny.model import Brand
from scrutiny.render.print_css import FONTS, large_print_css, standard_css

BRAND = Brand("#1d4f91", "#0b0c0c", "#fafafa", "#123456", "#ffdd00", "", "")


def rules(css: str) -> dict[str, str]:
    """Selector (or at-rule prelude) -> its declarations, serialised and squeezed."""
    out: dict[str, str] = {}
    for rule in tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True):
        if rule.type == "error":
            raise AssertionError(rule.message)
        name = tinycss2.serialize(rule.prelude).strip()
        if rule.type == "at-rule":
            name = f"@{rule.lower_at_keyword} {name}".strip()
        out[name] = out.get(name, "") + " ".join(tinycss2.serialize(rule.content or []).split())
    return out


def page_box(css: str, box: str) -> str:
    page = next(r for r in tinycss2.parse_stylesheet(css, skip_whitespace=True)
                if r.type == "at-rule" and r.lower_at_keyword == "page" and not tinycss2.serialize(r.prelude).strip())
    inner = [r for r in tinycss2.parse_blocks_contents(page.content) if r.type == "at-rule" and r.lower_at_keyword == box]
    assert len(inner) == 1, box
    return " ".join(tinycss2.serialize(inner[0].content).split())


def test_the_brand_colours_and_fonts_are_used():
    sheet = rules(standard_css(BRAND, "Title"))
    assert sheet["html"].startswith(f"font-family: {FONTS}; color: #0b0c0c; background: #fafafa;")
    assert sheet["h1, h2"] == "color: #1d4f91;"
    assert sheet["a"] == "color: #123456; text-decoration: underline;"
    assert "border: 3px solid #1d4f91" in sheet[".rec-box"]
    assert sheet[".rec-box-title"] == "color: #1d4f91;"


def test_the_running_header_is_the_title_on_one_line():
    css = standard_css(BRAND, "A title\n  over   two lines")
    assert page_box(css, "top-right").startswith('content: "A title over two lines"; font: 9pt')
    assert page_box(css, "top-left").startswith("content: string(part, first); font: bold 10pt")
    assert page_box(css, "bottom-center").startswith('content: "Page " counter(page) " of " counter(pages); font: 10pt')
    assert rules(css)["html"].endswith("font-size: 11pt; line-height: 1.45;")
    assert rules(css)[".title-page"] == "break-after: page; page-break-after: always;"


def test_the_contents_page_numbers_are_in_the_current_language():
    assert rules(standard_css(BRAND, "T"))["ol.contents a::after"] == (
        'content: leader(".") " page " target-counter(attr(href), page);')
    assert rules(large_print_css(BRAND, 18))["ol.contents a::after"] == (
        'content: leader(".") " page " target-counter(attr(href), page);'
        'content: " (page " target-counter(attr(href), page) ")";')
    with use("cy"):
        welsh = rules(standard_css(BRAND, "T"))["ol.contents a::after"]
    assert welsh == 'content: leader(".") " tudalen " target-counter(attr(href), page);'


@pytest.mark.parametrize("pt, size", [(18, "18pt"), (16.5, "16.5pt"), (16, "16pt"), (12, "16pt"), (0, "16pt")])
def test_large_print_sets_the_body_and_the_page_furniture_at_its_size(pt, size):
    css = large_print_css(BRAND, pt)
    assert f"html {{ font-size: {size}; line-height: 1.5; }}" in css
    assert page_box(css, "top-left").startswith(f"content: string(part, first); font: bold {size} {FONTS};")
    assert page_box(css, "bottom-center") == (
        f'content: "Page " counter(page) " of " counter(pages); font: bold {size} {FONTS};')
    assert rules(css)["*"] == "font-size: inherit;"
