"""A Welsh site in a browser: every message the tracker's and the search's scripts write
(the announced counts, the filter button, the search status and a result's facts) is in
Welsh, from the words the page hands them (#i18n-words); and axe finds no violation on a
Welsh page of any kind."""

from __future__ import annotations

import functools
import re
import shutil
import threading
from contextlib import contextmanager
from http.server import ThreadingHTTPServer

import pytest

from scrutiny.build import build

from .conftest import KINDS, MINIMAL, Quiet, describe, run_axe, tab_to

COUNT = "#tracker-count"


@contextmanager
def served(folder):
    """A built site on a local web server (search needs one), for the block."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def welsh_url(tmp_path_factory):
    base = tmp_path_factory.mktemp("welsh-browser")
    root = base / "project"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns(".cache"))
    config = root / "site_config.yaml"
    text = re.sub(r"(?m)^(\s*language:).*$", r"\1 cy", config.read_text(encoding="utf-8"))
    config.write_text(re.sub(r"(?m)^formats:.*$", "formats: [data]", text), encoding="utf-8")
    build(root, base / "site")
    with served(base / "site") as url:
        yield url


def test_the_tracker_counts_in_welsh(page, welsh_url):
    page.goto(welsh_url + "tracker/")
    assert page.locator(COUNT).inner_text() == "4 argymhelliad"
    page.select_option("#filter-overdue", "r")
    page.wait_for_function("document.querySelector('#tracker-count').textContent.startsWith('Yn dangos')")
    assert page.locator(COUNT).inner_text() == "Yn dangos 1 o 4 argymhelliad"
    page.get_by_role("button", name="Clirio’r hidlyddion").click()
    page.wait_for_function("document.querySelector('#tracker-count').textContent === '4 argymhelliad'")
    assert not page.js_errors


def test_the_filter_button_in_welsh_on_a_phone(page, welsh_url):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(welsh_url + "tracker/")
    toggle = page.locator(".filters__toggle")
    assert toggle.inner_text() == "Dangos yr hidlyddion"
    toggle.click()
    assert toggle.inner_text() == "Cuddio’r hidlyddion"
    page.select_option("#filter-overdue", "r")
    page.wait_for_function("document.querySelector('.filters__toggle').textContent.includes('yn cael eu defnyddio')")
    assert toggle.inner_text() == "Cuddio’r hidlyddion (1 yn cael eu defnyddio)"


def test_the_search_status_and_facts_in_welsh(page, welsh_url):
    page.goto(welsh_url + "search/")
    page.wait_for_selector("form[data-search-form]:not([hidden])")
    tab_to(page, "#search-input")
    page.keyboard.type("parents")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('#search-status').textContent.includes('ar gyfer')")
    status = page.locator("#search-status").inner_text()
    assert re.fullmatch(r"\d+ canlyniad ar gyfer “parents”", status), status
    assert page.locator(".search__facts dt").first.inner_text() == "Penderfyniad"
    page.check("#search-kind-reports")
    page.wait_for_function("document.querySelector('#search-status').textContent.includes('yn unig')")
    assert page.locator("#search-status").inner_text().endswith(", adroddiadau yn unig")
    assert not page.js_errors


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_welsh_pages_pass_axe(page, welsh_url, axe_source, kind):
    page.goto(welsh_url + KINDS[kind])
    assert page.evaluate("document.documentElement.lang") == "cy"
    violations = run_axe(page, axe_source)
    assert not violations, describe(violations)


BILINGUAL = MINIMAL.parent / "bilingual"

#: The Welsh pages of a bilingual site that differ from a Welsh site's: a translated report
#: and an English-only one (the notice, its words marked English), besides every kind.
BILINGUAL_PAGES = {**{f"cy {kind}": "cy/" + url for kind, url in KINDS.items()},
                   "cy report in English": "cy/reports/earlier-review/",
                   "cy recommendation in English": "cy/reports/earlier-review/recommendations/1/",
                   "en report with a Welsh version": "reports/school-transport-review/"}


@pytest.fixture(scope="module")
def bilingual_url(tmp_path_factory):
    base = tmp_path_factory.mktemp("bilingual-browser")
    root = base / "project"
    shutil.copytree(BILINGUAL, root, ignore=shutil.ignore_patterns(".cache"))
    build(root, base / "site")
    with served(base / "site") as url:
        yield url


@pytest.mark.parametrize("kind", sorted(BILINGUAL_PAGES))
def test_bilingual_pages_pass_axe(page, bilingual_url, axe_source, kind):
    url = BILINGUAL_PAGES[kind]
    page.goto(bilingual_url + url)
    assert page.evaluate("document.documentElement.lang") == ("cy" if url.startswith("cy/") else "en-GB")
    violations = run_axe(page, axe_source)
    assert not violations, describe(violations)


def test_the_language_switch_leads_to_the_same_page_in_a_browser(page, bilingual_url):
    page.goto(bilingual_url + "cy/reports/school-transport-review/tracker/")
    page.get_by_role("link", name="English").click()
    assert page.url == bilingual_url + "reports/school-transport-review/tracker/index.html"
    assert page.evaluate("document.documentElement.lang") == "en-GB"
    page.get_by_role("link", name="Cymraeg").click()
    assert page.url == bilingual_url + "cy/reports/school-transport-review/tracker/index.html"


def test_welsh_search_finds_the_welsh_report_in_the_welsh_index(page, bilingual_url):
    page.goto(bilingual_url + "cy/search/?q=Cludiant")
    page.wait_for_function("document.querySelector('#search-status').textContent.includes('canlyniad')")
    hrefs = page.eval_on_selector_all("[data-search-results] > li > a.search__result-title", "as => as.map(a => a.href)")
    assert hrefs and all(h.startswith(bilingual_url + "cy/") for h in hrefs), hrefs
    assert bilingual_url + "cy/reports/school-transport-review/index.html" in hrefs or any(
        h.startswith(bilingual_url + "cy/reports/school-transport-review/") for h in hrefs), hrefs
    assert not page.js_errors
