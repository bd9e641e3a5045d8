"""Search with Pagefind, from the keyboard alone; the page without JavaScript."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

STATUS = "#search-status"


def search(page, base_url, words: str) -> list[str]:
    """Tab to the search box, type, and return the result links (site paths)."""
    page.goto(base_url + "search/")
    page.wait_for_selector("form[data-search-form]:not([hidden])")
    page.locator("body").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "search-input":
            break
    else:
        raise AssertionError("the search box never received focus by Tab")
    page.keyboard.type(words)
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('#search-status').textContent.includes('result')")
    hrefs = page.eval_on_selector_all("[data-search-results] a", "links => links.map(a => a.href)")
    return [h[len(base_url):] if h.startswith(base_url) else h for h in hrefs]


@pytest.mark.parametrize("words, first", [
    ("R3", "reports/school-transport-review/recommendations/3/"),
    ("recommendation 3", "reports/school-transport-review/recommendations/3/"),
    ("routing software", "reports/school-transport-review/recommendations/1/"),
])
def test_search_by_keyboard(page, base_url, words, first):
    found = search(page, base_url, words)
    assert found and found[0] == first, found
    status = page.locator(STATUS)
    assert status.get_attribute("aria-live") == "polite"
    assert words in status.inner_text()
    assert not page.js_errors


def test_result_links_are_relative_to_the_site(page, base_url):
    found = search(page, base_url, "transport")
    assert found and all(not f.startswith("http") for f in found)
    assert urljoin(base_url, found[0]).startswith(base_url + "reports/")


def test_search_from_the_address(page, base_url):
    page.goto(base_url + "search/?q=parents")
    page.wait_for_function("document.querySelector('#search-status').textContent.includes('result')")
    assert page.locator("#search-input").input_value() == "parents"


def test_search_page_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "search/")
    message = page.locator("[data-search-unavailable]")
    assert message.is_visible() and "needs JavaScript" in message.inner_text()
    assert page.get_by_role("link", name="recommendation tracker").is_visible()
    assert not page.locator("form[data-search-form]").is_visible()
    context.close()
