"""The tracker in a browser: keyboard filtering with an announced count, sorting with
aria-sort, the whole table without JavaScript, and filtering 20,000 rows."""

from __future__ import annotations

import pytest

from .conftest import ROOT, copy_site, tab_to

COUNT = "#tracker-count"


def visible_numbers(page) -> list[str]:
    return page.eval_on_selector_all(
        "table[data-tracker] tbody tr:not([hidden]) th", "ths => ths.map(th => th.textContent.trim())")


def test_filters_by_keyboard_alone(page, base_url):
    page.goto(base_url + "tracker/")
    assert page.locator(COUNT).inner_text() == "4 recommendations"
    tab_to(page, "#filter-q")
    page.keyboard.type("Bloggs")
    page.wait_for_function("document.querySelector('#tracker-count').textContent.startsWith('Showing 1 of 4')")
    assert visible_numbers(page) == ["Recommendation 1"]
    assert page.locator(COUNT).get_attribute("aria-live") == "polite"
    # clear the words, then choose a decision with the arrow keys
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.wait_for_function("document.querySelector('#tracker-count').textContent === '4 recommendations'")
    tab_to(page, "#filter-decision")
    page.keyboard.press("ArrowDown")  # Any -> Accepted
    page.wait_for_function("document.querySelector('#tracker-count').textContent.startsWith('Showing 1 of 4')")
    assert page.locator("#filter-decision").input_value() == "accepted"
    assert "decision=accepted" in page.url
    assert not page.js_errors


def test_overdue_and_owner_filters(page, base_url):
    page.goto(base_url + "tracker/")
    page.select_option("#filter-overdue", "r")
    assert page.locator(COUNT).inner_text() == "Showing 1 of 4 recommendations"
    assert page.eval_on_selector_all("tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.r)") == ["earlier-review"]
    page.select_option("#filter-overdue", "")
    page.select_option("#filter-owner", "Sam Smith")
    assert visible_numbers(page) == ["Recommendation 2"]
    page.get_by_role("button", name="Clear filters").click()
    page.wait_for_function("document.querySelector('#tracker-count').textContent === '4 recommendations'")


def test_filters_from_the_address(page, base_url):
    page.goto(base_url + "tracker/?report=earlier-review")
    assert page.locator(COUNT).inner_text() == "Showing 1 of 4 recommendations"
    assert page.locator("#filter-report").input_value() == "earlier-review"


def test_sort_by_target_date_with_keyboard(page, base_url):
    page.goto(base_url + "tracker/")
    header = page.locator("th[data-sort=due]")
    assert header.get_attribute("aria-sort") is None
    tab_to(page, "th[data-sort=due] button")
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "ascending"
    dues = page.eval_on_selector_all("tbody tr", "rows => rows.map(r => r.dataset.due || '')")
    assert dues == ["2024-02-29", "2024-03-31", "", ""]  # no date last
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "descending"
    assert page.locator("th[data-sort=index]").get_attribute("aria-sort") is None


def test_tracker_is_complete_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "tracker/")
    rows = page.locator("table[data-tracker] tbody tr")
    assert rows.count() == 4
    assert all(rows.nth(i).is_visible() for i in range(4))
    assert not page.locator("form[data-tracker-filters]").is_visible()  # filters need JavaScript
    assert page.locator("th[data-sort] button").count() == 0
    page.goto(base_url + "reports/school-transport-review/tracker/")
    assert page.locator("tbody tr").count() == 3
    context.close()


def big_tracker(built, tmp_path, rows: int = 20_000):
    """The site tracker page with its rows repeated to ``rows`` (owners and dates varied)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_tracker", ROOT / "bench" / "tracker.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    site = copy_site(built, tmp_path / "big")
    page = site / "tracker" / "index.html"
    page.write_text(bench.repeat_rows(page.read_text(encoding="utf-8"), rows), encoding="utf-8")
    return site


def test_twenty_thousand_rows_filter_and_count(browser, built, tmp_path):
    """At 20,000 rows the filters find the right rows and the counts follow them (the
    time each takes is measured by ``bench/tracker.py``, not asserted here)."""
    import functools
    import threading
    from http.server import ThreadingHTTPServer

    from .conftest import Quiet

    site = big_tracker(built, tmp_path)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context()
    page = context.new_page()
    try:
        # a shared 2-core test machine can take a while to lay out 20,000 rows: the time
        # it takes is for bench/tracker.py to measure, not for this test to judge
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/tracker/", timeout=180_000)
        assert page.locator("table[data-tracker] tbody tr").count() == 20_000
        page.select_option("#filter-owner", "Owner 7")
        page.wait_for_function("document.querySelector('#tracker-count').textContent.startsWith('Showing')")
        assert page.locator(COUNT).inner_text() == "Showing 10 of 20000 recommendations"
        page.select_option("#filter-owner", "")
        page.fill("#filter-q", "routing software")  # a word of an update's note only
        page.wait_for_function("document.querySelector('#tracker-count').textContent.startsWith('Showing 1000 of 5000')")
        assert stats(page)["overdue"] == "0" and stats(page)["open"] == "5000"
        page.get_by_role("button", name="Target date").click()
        assert page.locator("tbody tr:not([hidden])").count() == 1000
    finally:
        context.close()
        server.shutdown()
        server.server_close()


def stats(page) -> dict[str, str]:
    """The counts above the table, by what they count."""
    items = page.eval_on_selector_all(".stats li", "lis => lis.map(li => li.textContent.trim())")
    return {words: number for number, words in (item.split(" ", 1) for item in items)}


def test_word_filter_searches_the_text_and_the_updates(page, base_url):
    page.goto(base_url + "tracker/")
    page.fill("#filter-q", "end of may")  # only in recommendation 1's words
    page.wait_for_function("document.querySelector('#tracker-count').textContent.startsWith('Showing 1 of 4')")
    assert visible_numbers(page) == ["Recommendation 1"]
    page.fill("#filter-q", "budget book")  # only in recommendation 2's response... which the tracker does not show
    page.wait_for_function("document.querySelector('#tracker-count').textContent === 'No recommendations match these filters (4 in all)'")
    page.fill("#filter-q", "published")  # only in recommendation 2's update note
    page.wait_for_function("document.querySelector('#tracker-count').textContent.startsWith('Showing 1 of 4')")
    assert visible_numbers(page) == ["Recommendation 2"]


def test_counts_follow_the_filters(page, base_url):
    page.goto(base_url + "tracker/")
    assert stats(page) == {"open": "2", "overdue": "0", "awaiting a response": "1", "response overdue": "1", "closed": "2"}
    page.select_option("#filter-decision", "awaiting")
    assert stats(page) == {"open": "1", "overdue": "0", "awaiting a response": "1", "response overdue": "1", "closed": "0"}
    page.select_option("#filter-decision", "partially-accepted")
    assert stats(page) == {"open": "0", "overdue": "0", "awaiting a response": "0", "response overdue": "0", "closed": "1"}
    assert page.locator(".stats__item--alert").count() == 0
    page.get_by_role("button", name="Clear filters").click()
    page.wait_for_function("document.querySelector('#tracker-count').textContent === '4 recommendations'")
    assert stats(page)["open"] == "2" and page.locator(".stats__item--alert").count() == 1


@pytest.mark.parametrize("width", [320, 375])
def test_phone_cards_and_folded_filters(browser, base_url, width):
    context = browser.new_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    try:
        page.goto(base_url + "tracker/")
        toggle = page.get_by_role("button", name="Show filters")
        assert toggle.get_attribute("aria-expanded") == "false"
        assert not page.locator("#filter-decision").is_visible()
        toggle.click()
        assert page.locator("#filter-decision").is_visible()
        page.select_option("#filter-decision", "accepted")
        page.get_by_role("button", name="Hide filters (1 in use)").click()
        assert not page.locator("#filter-decision").is_visible()
        assert page.get_by_role("button", name="Show filters (1 in use)").get_attribute("aria-expanded") == "false"
        # cards: the header row is gone, each cell says what it is, nothing scrolls sideways
        assert not page.locator("table[data-tracker] thead").is_visible()
        label = page.evaluate("""() => getComputedStyle(document.querySelector(
            'tbody tr:not([hidden]) td.c-decision'), '::before').content""")
        assert label == '"Decision"'
        overflowing = page.evaluate("""() => [...document.querySelectorAll('main *')]
            .filter(el => el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
            .map(el => el.className)""")
        assert overflowing == []
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("url", ["tracker/", "reports/school-transport-review/tracker/", "tracker/owners/jo-bloggs/",
                                 "reports/school-transport-review/", "reports/school-transport-review/recommendations/1/"])
def test_no_sideways_scrolling_on_a_phone(browser, base_url, width, url):
    """Neither the page nor any table region inside it scrolls sideways."""
    context = browser.new_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    try:
        page.goto(base_url + url)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        regions = page.evaluate("""() => [...document.querySelectorAll('main .table-wrap')]
            .filter(el => el.scrollWidth > el.clientWidth + 1).map(el => el.getAttribute('aria-label'))""")
        assert regions == []
    finally:
        context.close()


def test_ready_made_views_work_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(base_url + "tracker/")
        page.get_by_role("link", name="Awaiting a response").click()
        assert page.locator("h1").inner_text() == "Awaiting a response: recommendations"
        assert page.locator("tbody tr").count() == 1 and page.locator("tbody tr").is_visible()
        page.get_by_role("link", name="By owner").click()
        page.get_by_role("link", name="Sam Smith").click()
        assert visible_numbers_plain(page) == ["Recommendation 2"]
    finally:
        context.close()


def visible_numbers_plain(page) -> list[str]:
    return page.eval_on_selector_all("table.tracker-table tbody tr th", "ths => ths.map(th => th.textContent.trim())")


def test_full_text_and_updates_open_behind_a_button(page, base_url):
    page.goto(base_url + "tracker/")
    button = page.get_by_role("button", name="Updates of recommendation 1")
    assert button.get_attribute("aria-expanded") == "false"
    assert not page.get_by_text("Delayed by the new routing software.").is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert page.get_by_text("Delayed by the new routing software.").is_visible()
