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


#: What print hides on every page, and on the pages with a filter form.
PRINT_HIDDEN = [".service-nav", ".breadcrumbs", ".skip-link", ".footer nav"]
PRINT_HIDDEN_TRACKER = PRINT_HIDDEN + ["form.filters"]


@pytest.mark.parametrize("kind, selectors", [("report", PRINT_HIDDEN), ("site tracker", PRINT_HIDDEN_TRACKER),
                                             ("report tracker", PRINT_HIDDEN_TRACKER),
                                             ("recommendation", PRINT_HIDDEN)])
def test_print_hides_navigation_and_filters(page, base_url, kind, selectors):
    page.goto(base_url + KINDS[kind])
    page.emulate_media(media="print")
    # every selector must find its element: one that matches nothing would pass unseen
    display = page.evaluate("""selectors => Object.fromEntries(selectors.map(s => {
        const el = document.querySelector(s);
        return [s, el ? getComputedStyle(el).display : "(not on the page)"];
    }))""", selectors)
    assert display == {s: "none" for s in selectors}
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


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("kind", ["report", "recommendation", "site tracker", "tracker groups", "home", "accessibility"])
def test_heading_sizes_step_down_and_never_below_body_text(browser, base_url, kind, width):
    """Every h(n) is at least as large as every h(n+1), and none is smaller than the body text."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(base_url + KINDS[kind])
        sizes = page.evaluate("""() => [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')]
            .filter(h => h.getClientRects().length && getComputedStyle(h).clip !== 'rect(0px, 0px, 0px, 0px)')
            .map(h => [Number(h.tagName[1]), parseFloat(getComputedStyle(h).fontSize), h.textContent.trim().slice(0, 40)])""")
        body = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    finally:
        context.close()
    assert sizes, kind
    small = [(level, size, words) for level, size, words in sizes if size < body]
    assert small == [], f"headings smaller than the body text ({body} px)"
    for level, size, words in sizes:
        deeper = [(lv, sz, w) for lv, sz, w in sizes if lv > level and sz > size]
        assert deeper == [], f"h{level} '{words}' ({size} px) is smaller than {deeper[:2]}"


@pytest.mark.parametrize("width", [320, 1280])
def test_report_contents_stay_at_hand_on_a_wide_screen(browser, base_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(base_url + KINDS["report"])
        page.evaluate("window.scrollTo(0, document.body.scrollHeight - 1200)")
        top = page.evaluate("document.querySelector('nav.contents').getBoundingClientRect().top")
    finally:
        context.close()
    if width >= 1024:
        assert 0 <= top < 40, "the contents scroll away on a wide screen"
    else:
        assert top < 0, "on a phone the contents stay in the flow"
