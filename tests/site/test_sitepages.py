"""Home, lists and the fixed pages."""

from __future__ import annotations

from .conftest import links_to, text


def test_home_counts_and_latest_reports(site):
    soup = site.page("")
    stats = [text(li) for li in soup.select(".stats li")]
    assert stats == ["2 open", "0 overdue", "1 awaiting a response", "1 response overdue", "2 closed"]
    titles = [text(a) for a in soup.select(".doc-list__title a")]
    assert titles == ["Home to School Transport", "Earlier Review of Transport"]  # newest first
    assert links_to(soup, "", "tracker/")


def test_reports_and_committees_lists(site):
    assert [text(a) for a in site.page("reports/").select(".doc-list__title a")] == [
        "Home to School Transport", "Earlier Review of Transport"]
    committees = site.page("committees/")
    assert links_to(committees, "committees/", "committees/people-scrutiny/")


def test_accessibility_statement(site):
    soup = site.page("accessibility/")
    words = text(soup.main)
    assert "WCAG" in words and "2.2" in words and "AA" in words
    assert "axe-core" in words
    assert soup.find("a", href="mailto:scrutiny@test.example")


def test_alternative_formats_page_explains_every_format(site):
    soup = site.page("alternative-formats/")
    labels = [text(dt) for dt in soup.select("dl.summary-list dt")]
    assert labels[0] == "Recommendations data" and "Plain text" in labels and "Audio" in labels
    assert soup.find(id="ask") and soup.find("a", href="tel:01234567890")


def test_search_page_without_javascript(site):
    soup = site.page("search/")
    box = soup.find(attrs={"data-search": True})
    message = box.find(attrs={"data-search-unavailable": True})
    assert "needs JavaScript" in text(message)
    assert links_to(message, "search/", "tracker/") and links_to(message, "search/", "reports/")
    form = box.find("form")
    assert form.has_attr("hidden")
    assert soup.find("label", attrs={"for": "search-input"})
    assert soup.find(id="search-status")["aria-live"] == "polite"


def test_search_index_is_written(site):
    assert "pagefind/00/pagefind.js" in site.files
    assert any(p.startswith("pagefind/00/index/") for p in site.files)
    # trackers and lists are left out of the index; reports and recommendations are in
    assert not site.page("tracker/").main.has_attr("data-pagefind-body")
    assert site.page("reports/school-transport-review/").main.has_attr("data-pagefind-body")
