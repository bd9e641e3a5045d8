"""Reflow at 320 px, print styles, the skip link and the focus style in a real browser."""

from __future__ import annotations

import pytest

from .conftest import KINDS


@pytest.mark.parametrize("kind", list(KINDS))
def test_reflows_at_320_pixels(browser, base_url, kind):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(base_url + KINDS[kind])
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 320, f"{kind}: the page scrolls sideways ({width} px wide)"


@pytest.mark.parametrize("kind", ["report", "site tracker", "recommendation"])
def test_print_hides_navigation_and_filters(page, base_url, kind):
    page.goto(base_url + KINDS[kind])
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.service-nav', '.breadcrumbs', '.skip-link', '.footer nav', 'form.filters']
        .map(s => document.querySelector(s)).filter(Boolean)
        .map(el => getComputedStyle(el).display)""")
    assert hidden and set(hidden) == {"none"}
    assert page.locator("main h1").is_visible()


def test_skip_link_is_first_and_visible_on_focus(page, base_url):
    page.goto(base_url + KINDS["report"])
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    box = page.locator(".skip-link").bounding_box()
    assert box and box["width"] > 50 and box["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_focused_link_uses_the_brand_focus_colour(page, base_url):
    page.goto(base_url + KINDS["home"])
    page.locator("main a").first.focus()
    background = page.evaluate("getComputedStyle(document.activeElement).backgroundColor")
    assert background == "rgb(255, 221, 0)"  # brand.focus #ffdd00


def test_no_javascript_errors_on_any_page(page, base_url):
    for url in KINDS.values():
        page.goto(base_url + url)
    assert not page.js_errors
