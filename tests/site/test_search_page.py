"""Search, read back from what Pagefind wrote (its page fragments: the excerpt text, metadata
and filters of every indexed page) and from the pages themselves with an HTML parser.

A result's excerpt is cut from a fragment's ``content``; its decision and status come from
the fragment's ``meta``; the "Recommendations" choice is its ``filters``, the "Reports"
choice the bundles of report pages alone (``pagefind/<shard>/reports/``). Each choice's
bundles are read from the search page, as ``theme/search.js`` reads them."""

from __future__ import annotations

import gzip
import json
import re

import pytest

from tests.conftest import cold_builds

from .conftest import build_site, project_copy, text

REC = "reports/school-transport-review/recommendations/{}/"
RECS = [REC.format(n) for n in (1, 2, 3)] + ["reports/earlier-review/recommendations/1/"]
REPORTS = ["reports/school-transport-review/", "reports/earlier-review/"]
#: A recommendation number's keyword forms, as the old hidden paragraph wrote them.
KEYWORDS = re.compile(r"\bR\d+\w* Rec \d")


def choice_bundles(site, choice: str) -> list[str]:
    """The bundle folders (``pagefind/00/``) the search page's choice searches."""
    radio = site.page("search/").find("input", attrs={"name": "kind", "value": choice})
    return radio["data-bundles"].split()


def read_fragments(site, bundles: list[str]) -> dict[str, dict]:
    """Every page of the bundles, by its site path (``reports/x/``): its fragment's JSON;
    a page in two bundles fails."""
    out = {}
    for bundle in bundles:
        for path in sorted(p for p in site.files if p.startswith(f"{bundle}fragment/")):
            data = gzip.decompress((site.out / path).read_bytes())
            assert data.startswith(b"pagefind_dcd")
            fragment = json.loads(data[len(b"pagefind_dcd"):])
            url = fragment["url"].lstrip("/")
            assert url not in out, f"{url} is in two bundles"
            out[url] = fragment
    return out


@pytest.fixture(scope="module")
def fragments(site) -> dict[str, dict]:
    return read_fragments(site, choice_bundles(site, ""))


@pytest.fixture(scope="module")
def report_fragments(site) -> dict[str, dict]:
    return read_fragments(site, choice_bundles(site, "reports"))


def row(soup, label: str):
    """The ``<dd>`` of a summary-list row."""
    dt = next(dt for dt in soup.select("main dl.summary-list dt") if text(dt) == label)
    return dt.find_next_sibling("dd")


def test_every_recommendation_and_report_is_indexed(fragments):
    assert set(RECS + REPORTS) <= set(fragments)


@pytest.mark.parametrize("url", RECS)
def test_no_hidden_keyword_text_on_the_page_or_in_the_excerpt_text(site, fragments, url):
    soup = site.page(url)
    assert not soup.find(attrs={"data-pagefind-weight": True})
    for hidden in soup.select("main .visually-hidden"):
        assert not KEYWORDS.search(text(hidden)), hidden
    assert not KEYWORDS.search(fragments[url]["content"]), fragments[url]["content"][:200]


def test_no_fragment_carries_keyword_text(fragments):
    for url, fragment in fragments.items():
        assert not KEYWORDS.search(fragment["content"]), url


def test_number_forms_are_searchable_metadata(fragments):
    meta = fragments[REC.format(3)]["meta"]
    assert meta["title"] == "Recommendation 3: Home to School Transport"
    assert meta["aliases"].split() == ["R3", "Rec", "3", "Recommendation", "3"]
    assert meta["kind"] == "Recommendation"


@pytest.mark.parametrize("url", RECS)
def test_decision_and_status_are_the_words_of_the_page(site, fragments, url):
    """The metadata a result shows says exactly what the recommendation's page says."""
    soup = site.page(url)
    meta = fragments[url]["meta"]
    decision = [text(t) for t in row(soup, "Decision").select(".tag")]
    status = [text(t) for t in row(soup, "Status").select(".tag")]
    assert [meta["decision"]] == decision
    assert [meta["status"]] + (meta["flags"].split(", ") if "flags" in meta else []) == status


def test_decision_and_status_words_of_the_examples(fragments):
    first = fragments[REC.format(1)]["meta"]
    assert (first["decision"], first["status"], first["flags"]) == ("Accepted", "Behind schedule", "Date revised")
    awaiting = fragments["reports/earlier-review/recommendations/1/"]["meta"]
    assert awaiting["decision"] == "Awaiting response" and awaiting["status"] == "Response overdue"


def test_kind_filters(fragments):
    """One filter with one value in the whole index (see scrutiny/site/search.py): the
    recommendation pages' kind."""
    for url in RECS:
        assert fragments[url]["filters"] == {"kind": ["Recommendation"]}, url
    others = [u for u in fragments if u not in RECS]
    assert others and all(fragments[u]["filters"] == {} for u in others)
    assert not any("decision" in fragments[u]["meta"] for u in others)


def test_the_reports_bundle_has_every_report_page_and_nothing_else(site, report_fragments):
    reports = {p[:-len("index.html")] for p in site.files if re.fullmatch(r"reports/[^/]+/index\.html", p)}
    assert reports == set(REPORTS)
    assert set(report_fragments) == reports
    assert all(f["meta"]["kind"] == "Report" for f in report_fragments.values())


def test_search_page_offers_reports_or_recommendations(site, fragments):
    soup = site.page("search/")
    form = soup.find("form", attrs={"data-search-form": True})
    fieldset = form.find("fieldset")
    assert text(fieldset.find("legend")) == "Show"
    radios = fieldset.find_all("input", attrs={"type": "radio"})
    assert [r["name"] for r in radios] == ["kind"] * 3
    labels = [text(soup.find("label", attrs={"for": r["id"]})) for r in radios]
    assert labels == ["Everything", "Reports", "Recommendations"]
    assert [r.has_attr("checked") for r in radios] == [True, False, False]
    everything, reports, recommendations = radios
    assert not everything.has_attr("data-filter")
    assert everything["data-bundles"].split() == ["pagefind/00/"]  # two reports: one shard
    assert reports["data-bundles"].split() == ["pagefind/00/reports/"]
    assert recommendations["data-bundles"].split() == ["pagefind/00/"]
    for bundle in {b for r in radios for b in r["data-bundles"].split()}:
        assert f"{bundle}pagefind.js" in site.files and f"{bundle}pagefind-entry.json" in site.files
    filters = {v for f in fragments.values() for v in f["filters"].get("kind", [])}
    assert filters == {recommendations["data-filter"]} == {"Recommendation"}
    status = soup.find(id="search-status")
    assert status["role"] == "status" and status["aria-live"] == "polite"


def test_builds_write_the_same_search_index(tmp_path):
    """Pagefind 1.5.2 writes filter values in hash-map order (a different order in each run
    when there are several): the index keeps to what it writes the same way every time."""
    builds = cold_builds(project_copy(tmp_path), tmp_path, count=3)  # each from an empty cache
    bundle = sorted(p for p in builds[0] if p.startswith("pagefind/"))
    assert any(p.startswith("pagefind/00/reports/") for p in bundle)
    for other in builds[1:]:
        assert sorted(p for p in other if p.startswith("pagefind/")) == bundle
        for path in bundle:
            assert builds[0][path] == other[path], path


def test_the_list_of_files_is_left_out_of_the_index(fragments):
    """Searching "recommendation 1" should not find the alternative formats page's many
    "Recommendations data ... 1 KB" lines; the page's explanations stay searchable."""
    content = fragments["alternative-formats/"]["content"]
    assert "Braille (BRF)" in content and "Ask for another format" in content
    assert not re.search(r"\d (KB|MB|bytes)\b", content), content
