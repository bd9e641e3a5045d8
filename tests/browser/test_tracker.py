"""The tracker in a browser: keyboard filtering with an announced count, sorting with
aria-sort, the whole table without JavaScript, and filtering 20,000 rows."""

from __future__ import annotations

import re
import time

from .conftest import copy_site

COUNT = "#tracker-count"


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab from the top of the page until ``selector`` has focus."""
    page.locator("body").focus()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never received focus by Tab")


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
    site = copy_site(built, tmp_path / "big")
    page = site / "tracker" / "index.html"
    html = page.read_text(encoding="utf-8")
    body = re.search(r"<tbody>\n(.*?)</tbody>", html, re.S)
    originals = [r for r in body.group(1).splitlines() if r.startswith("<tr")]
    out = []
    for i in range(rows):
        row = originals[i % len(originals)]
        owner = f"Owner {i // 4 % 500}"
        row = row.replace('data-o="Jo Bloggs"', f'data-o="{owner}"').replace(">Jo Bloggs<", f">{owner}<")
        row = row.replace('data-due="2024-03-31"', f'data-due="20{10 + i % 15:02d}-{1 + i % 12:02d}-28"')
        out.append(row)
    html = html[:body.start(1)] + "\n".join(out) + "\n" + html[body.end(1):]
    html = html.replace('<option value="Sam Smith">', '<option value="Owner 7">Owner 7</option><option value="Sam Smith">')
    page.write_text(html, encoding="utf-8")
    return site


def test_twenty_thousand_rows_filter_quickly(browser, built, tmp_path):
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
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/tracker/")
        assert page.locator("table[data-tracker] tbody tr").count() == 20_000
        started = time.perf_counter()
        page.select_option("#filter-owner", "Owner 7")
        page.wait_for_function("document.querySelector('#tracker-count').textContent.startsWith('Showing')")
        select_seconds = time.perf_counter() - started
        assert page.locator(COUNT).inner_text() == "Showing 10 of 20000 recommendations"
        page.select_option("#filter-owner", "")
        started = time.perf_counter()
        page.fill("#filter-q", "rejected")
        page.wait_for_function("document.querySelector('#tracker-count').textContent.startsWith('Showing 1000 of 5000')")
        text_seconds = time.perf_counter() - started
        started = time.perf_counter()
        page.get_by_role("button", name="Target date").click()
        sort_seconds = time.perf_counter() - started
        print(f"20,000 rows: select {select_seconds:.2f} s, text {text_seconds:.2f} s (with 250 ms debounce), "
              f"sort {sort_seconds:.2f} s")
        # Generous bounds (a shared 2-CPU test machine takes about 1 s for each): they catch
        # work that grows faster than the rows, not a slow afternoon.
        assert select_seconds < 8 and text_seconds < 8 and sort_seconds < 8
    finally:
        context.close()
        server.shutdown()
        server.server_close()
