"""Search with Pagefind, from the keyboard alone: finding recommendations by number, the
Reports / Recommendations choice with its announced count, excerpts of visible text only,
a recommendation's decision and status in words; and the page without JavaScript."""

from __future__ import annotations

import functools
import re
import shutil
import threading
from http.server import ThreadingHTTPServer
from urllib.parse import urljoin

import pytest

from .conftest import Quiet, describe, run_axe, tab_to

STATUS = "#search-status"
KEYWORDS = re.compile(r"\bR\d+\w* Rec \d")
REC = "reports/school-transport-review/recommendations/{}/"


def wait_for_status(page, words: str) -> str:
    page.wait_for_function("w => document.querySelector('#search-status').textContent.includes(w)", arg=words)
    return page.locator(STATUS).inner_text()


def links(page, base_url) -> list[str]:
    hrefs = page.eval_on_selector_all("[data-search-results] > li > a.search__result-title", "as => as.map(a => a.href)")
    return [h[len(base_url):] if h.startswith(base_url) else h for h in hrefs]


def search(page, base_url, words: str) -> list[str]:
    """Tab to the search box, type, and return the result links (site paths)."""
    page.goto(base_url + "search/")
    page.wait_for_selector("form[data-search-form]:not([hidden])")
    tab_to(page, "#search-input")
    page.keyboard.type(words)
    page.keyboard.press("Enter")
    wait_for_status(page, "result")
    return links(page, base_url)


def count(status: str) -> int:
    return int(re.match(r"(\d+) results?\b", status).group(1))


def results(page) -> list[dict]:
    """Each result as the reader sees it: title, kind, facts (Decision, Status), excerpt."""
    return page.eval_on_selector_all("[data-search-results] > li", """lis => lis.map(li => ({
        title: li.querySelector('.search__result-title').textContent,
        kind: (li.querySelector('.search__result-kind') || {}).textContent || '',
        facts: Object.fromEntries([...li.querySelectorAll('.search__fact')].map(f =>
            [f.querySelector('dt').textContent, f.querySelector('dd').textContent])),
        excerpt: li.querySelector('.search__excerpt').textContent,
    }))""")


@pytest.mark.parametrize("words, first", [
    ("R3", REC.format(3)),
    ("Rec 3", REC.format(3)),
    ("recommendation 3", REC.format(3)),
    ("routing software", REC.format(1)),
])
def test_search_by_keyboard(page, base_url, words, first):
    found = search(page, base_url, words)
    assert found and found[0] == first, found
    status = page.locator(STATUS)
    assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
    assert words in status.inner_text()
    assert count(status.inner_text()) == len(found)
    assert not page.js_errors


def test_recommendation_1_finds_both_first_recommendations_first(page, base_url):
    found = search(page, base_url, "recommendation 1")
    assert set(found[:2]) == {REC.format(1), "reports/earlier-review/recommendations/1/"}, found


@pytest.mark.parametrize("words", ["R1", "recommendation 1", "rec 2", "transport"])
def test_excerpts_show_no_hidden_keyword_text(page, base_url, words):
    search(page, base_url, words)
    shown = results(page)
    assert shown
    for result in shown:
        assert not KEYWORDS.search(result["excerpt"]), result
        assert not KEYWORDS.search(result["title"]), result


def test_found_in_never_names_the_top_of_the_page(page, base_url):
    """The part under a page's h1 is the page itself: its excerpt is the page's, with no
    "Found in" pointing back at the heading just above it."""
    search(page, base_url, "recommendation 1")
    where = page.eval_on_selector_all(".search__result-where a", "as => as.map(a => a.href)")
    assert not [h for h in where if h.endswith("#top")], where
    first = results(page)[0]
    assert first["title"] == "Recommendation 1: Earlier Review of Transport"
    assert "response is overdue" in first["excerpt"]  # not cut off after the heading


def test_filter_narrows_to_recommendations_by_keyboard(page, base_url):
    everything = search(page, base_url, "transport")
    assert any("/recommendations/" not in f for f in everything), everything
    status = page.locator(STATUS).inner_text()
    assert count(status) == len(everything)
    tab_to(page, "#search-kind-all")  # Tab reaches the checked radio of the group
    page.keyboard.press("ArrowRight")  # Everything -> Reports
    page.keyboard.press("ArrowRight")  # Reports -> Recommendations
    status = wait_for_status(page, "recommendations only")
    found = links(page, base_url)
    assert found and all(re.fullmatch(r"reports/[a-z0-9-]+/recommendations/[^/]+/", f) for f in found), found
    assert count(status) == len(found) < len(everything)
    assert status == f"{len(found)} results for \u201ctransport\u201d, recommendations only"
    assert page.locator("#search-kind-recommendations").is_checked()
    assert "kind=recommendations" in page.url and "q=transport" in page.url
    assert all(r["kind"] == "Recommendation" for r in results(page))
    assert not page.js_errors


def test_filter_narrows_to_reports(page, base_url):
    page.goto(base_url + "search/?q=transport&kind=reports")
    status = wait_for_status(page, "reports only")
    found = links(page, base_url)
    assert page.locator("#search-kind-reports").is_checked()
    assert found and all(re.fullmatch(r"reports/[a-z0-9-]+/", f) for f in found), found
    assert count(status) == len(found)
    page.locator("#search-kind-all").check()
    page.wait_for_function("!document.querySelector('#search-status').textContent.includes('only')")
    status = page.locator(STATUS).inner_text()
    assert status.endswith("\u201ctransport\u201d") and count(status) > len(found)


def test_recommendation_result_shows_decision_and_status_in_words(page, base_url):
    """The words a result shows are the words of the recommendation's own page."""
    search(page, base_url, "routing software")
    first = results(page)[0]
    assert first["kind"] == "Recommendation"
    assert first["facts"] == {"Decision": "Accepted", "Status": "Behind schedule, Date revised"}
    page.goto(base_url + REC.format(1))
    rows = page.eval_on_selector_all("main dl.summary-list .summary-list__row", """rows => Object.fromEntries(
        rows.map(r => [r.querySelector('dt').textContent.trim(),
                       [...r.querySelectorAll('dd .tag')].map(t => t.textContent.trim())]))""")
    assert rows["Decision"] == ["Accepted"]
    assert ", ".join(rows["Status"]) == first["facts"]["Status"]


def test_every_recommendation_result_has_decision_and_status_and_reports_have_none(page, base_url):
    page.goto(base_url + "search/?q=transport")
    wait_for_status(page, "result")
    shown = results(page)
    recs = [r for r in shown if r["kind"] == "Recommendation"]
    assert recs and all(set(r["facts"]) == {"Decision", "Status"} and all(r["facts"].values()) for r in recs)
    assert all(not r["facts"] for r in shown if r["kind"] != "Recommendation")
    awaiting = next(r for r in recs if r["title"].startswith("Recommendation 1: Earlier"))
    assert awaiting["facts"] == {"Decision": "Awaiting response", "Status": "Response overdue"}


def test_no_axe_violations_with_filtered_results(page, base_url, axe_source):
    page.goto(base_url + "search/?q=recommendation&kind=recommendations")
    wait_for_status(page, "recommendations only")
    assert page.locator("[data-search-results] .search__facts").count() > 0
    violations = run_axe(page, axe_source)
    assert not violations, describe(violations)


def test_result_links_are_relative_to_the_site(page, base_url):
    found = search(page, base_url, "transport")
    assert found and all(not f.startswith("http") for f in found)
    assert urljoin(base_url, found[0]).startswith(base_url + "reports/")


def test_search_from_the_address(page, base_url):
    page.goto(base_url + "search/?q=parents")
    wait_for_status(page, "result")
    assert page.locator("#search-input").input_value() == "parents"
    assert page.locator("#search-kind-all").is_checked()


def test_search_page_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "search/")
    message = page.locator("[data-search-unavailable]")
    assert message.is_visible() and "needs JavaScript" in message.inner_text()
    assert page.get_by_role("link", name="recommendation tracker").is_visible()
    assert not page.locator("form[data-search-form]").is_visible()
    context.close()


def served(root, formats: str | None = None):
    """Build a copy of a project (only the given formats) and serve its site over HTTP."""
    from scrutiny.build import build
    from tests.conftest import with_formats

    if formats:
        with_formats(root, formats)
    build(root, root.parent / "site")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root.parent / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def councils_url(tmp_path_factory):
    """The councils fixture (more pages than one screen of results), served over HTTP."""
    from tests.conftest import FIXTURES

    root = tmp_path_factory.mktemp("councils-search") / "project"
    shutil.copytree(FIXTURES / "councils", root, ignore=shutil.ignore_patterns(".cache", "site"))
    server, url = served(root)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def example_url(tmp_path_factory):
    """The project's example reports (three councils' real reports), data format only."""
    from tests.conftest import ROOT

    root = tmp_path_factory.mktemp("example-search") / "project"
    root.mkdir()
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copy(ROOT / "site_config.yaml", root / "site_config.yaml")
    server, url = served(root, "data")
    yield url
    server.shutdown()
    server.server_close()


def test_recommendation_number_ranks_its_recommendations_first_on_the_example(page, example_url):
    """"recommendation 1" matches "1" in many places (and "10", "12" by prefix): every
    report's own Recommendation 1 comes first, before pages that merely mention it."""
    page.goto(example_url + "search/?q=recommendation+1")
    wait_for_status(page, "result")
    found = links(page, example_url)
    ones = sorted(f for f in found if re.fullmatch(r"reports/[a-z0-9-]+/recommendations/1/", f))
    assert len(ones) >= 3
    assert sorted(found[:len(ones)]) == ones, found[:len(ones) + 2]
    page.goto(example_url + "search/?q=R12")
    wait_for_status(page, "result")
    assert re.fullmatch(r"reports/[a-z0-9-]+/recommendations/12/", links(page, example_url)[0])


def test_show_more_results_by_keyboard(page, councils_url):
    page.goto(councils_url + "search/?q=recommendation")
    status = wait_for_status(page, "showing the first 20")
    total = count(status)
    assert total > 20 and page.locator("[data-search-results] > li").count() == 20
    tab_to(page, "[data-search-more] button", limit=200)
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('[data-search-results] > li').length > 20")
    shown = page.locator("[data-search-results] > li").count()
    assert shown == min(total, 40)
    # focus moves to the first new result, and the count says what is shown now
    assert page.evaluate("document.activeElement.closest('li') === document.querySelectorAll('[data-search-results] > li')[20]")
    assert page.locator(STATUS).inner_text().startswith(f"{total} results")
    assert not page.js_errors


@pytest.fixture(scope="module")
def sharded_councils_url(tmp_path_factory):
    """The councils fixture with its search index cut into many shards (a shard for every
    two or three reports, as a site of 1,000 reports has one for every 64 or so)."""
    from scrutiny.site import search as index
    from tests.conftest import FIXTURES

    root = tmp_path_factory.mktemp("councils-sharded") / "project"
    shutil.copytree(FIXTURES / "councils", root, ignore=shutil.ignore_patterns(".cache", "site"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(index, "REPORTS_PER_SHARD", 0.1)
        server, url = served(root)
    yield url
    server.shutdown()
    server.server_close()


def every_result(page, url: str, words: str, kind: str) -> tuple[int, list[str]]:
    """(bundles searched, every result's link in order), showing more until all are shown."""
    page.goto(url + f"search/?q={words}&kind={kind}")
    total = count(wait_for_status(page, "result"))
    while (shown := page.locator("[data-search-results] > li").count()) < total:
        page.locator("[data-search-more] button").click()
        page.wait_for_function("n => document.querySelectorAll('[data-search-results] > li').length > n", arg=shown)
    bundles = page.eval_on_selector("input[name=kind]:checked", "r => r.dataset.bundles.split(' ').length")
    return bundles, links(page, url)


@pytest.mark.parametrize("kind", ["", "reports", "recommendations"])
@pytest.mark.parametrize("words", ["recommendation", "report"])
def test_a_sharded_index_finds_what_one_index_finds(page, councils_url, sharded_councils_url, kind, words):
    """The search page merges every shard into one search: the same pages as the index in
    one piece (ranked a little differently: each shard scores its pages against its own)."""
    (one, whole), (many, sharded) = every_result(page, councils_url, words, kind), \
        every_result(page, sharded_councils_url, words, kind)
    assert one == 1 and many > 2, (one, many)
    assert whole and sorted(sharded) == sorted(whole)
    assert len(set(sharded)) == len(sharded)
    assert not page.js_errors
