"""The Atom feeds, read back with feedparser: one for the site, each committee, each report
and each recommendation; entries in the site's words, dated only by what the content states."""

from __future__ import annotations

import re
import time

import feedparser
import pytest
from lxml import etree

from .conftest import build_site, project_copy

BASE = "https://scrutiny.test.example/"
REPORT = "reports/school-transport-review/"
ATOM = "{http://www.w3.org/2005/Atom}"


def feed(site, path):
    parsed = feedparser.parse(site.path(path).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def day(struct) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", struct)


def test_every_feed_is_written(late_site):
    for path in ("feed.xml", "committees/people-scrutiny/feed.xml", REPORT + "feed.xml",
                 REPORT + "recommendations/1/feed.xml", "reports/earlier-review/feed.xml",
                 "reports/earlier-review/recommendations/1/feed.xml"):
        assert path in late_site.files, path
        assert feed(late_site, path).version == "atom10"


def test_report_feed_entries_in_the_site_words(late_site):
    parsed = feed(late_site, REPORT + "feed.xml")
    titles = [e.title for e in parsed.entries]
    assert "Report published: Home to School Transport" in titles
    assert "Recommendation 1 of Home to School Transport: Accepted by Cabinet on 14 September 2023" in titles
    assert "Recommendation 1 of Home to School Transport: Behind schedule (1 December 2023)" in titles
    update = next(e for e in parsed.entries if e.title.endswith("Behind schedule (1 December 2023)"))
    assert update.summary.startswith("1 December 2023, People Scrutiny Committee: Behind schedule.")
    assert "Target moved to March 2024" in update.summary
    assert update.link == BASE + REPORT + "recommendations/1/"
    assert day(update.updated_parsed) == "2023-12-01T00:00:00"
    published = next(e for e in parsed.entries if e.title.startswith("Report published"))
    assert published.link == BASE + REPORT
    assert day(published.published_parsed) == "2023-06-01T00:00:00"


def test_entries_are_newest_first_with_stable_unique_ids(late_site):
    parsed = feed(late_site, "feed.xml")
    ids = [e.id for e in parsed.entries]
    assert len(ids) == len(set(ids))
    assert all(i.startswith(BASE) and "#feed-" in i for i in ids)
    assert BASE + REPORT + "recommendations/1/#feed-response-1" in ids
    dates = [e.updated_parsed for e in parsed.entries]
    assert dates == sorted(dates, reverse=True)
    # the feed is dated by its newest entry, never by the build's clock
    assert parsed.feed.updated_parsed == dates[0]
    assert day(parsed.feed.updated_parsed) == "2024-03-01T00:00:00"


def test_site_feed_has_every_report_and_self_link(late_site):
    parsed = feed(late_site, "feed.xml")
    titles = {e.title for e in parsed.entries}
    assert {"Report published: Home to School Transport", "Report published: Earlier Review of Transport"} <= titles
    links = {link.rel: link.href for link in parsed.feed.links}
    assert links["self"] == BASE + "feed.xml"
    assert links["alternate"] == BASE


def test_recommendation_feed_holds_only_its_own_events(late_site):
    parsed = feed(late_site, REPORT + "recommendations/2/feed.xml")
    assert [e.title for e in parsed.entries] == [
        "Recommendation 2 of Home to School Transport: Complete (1 March 2024)",
        "Recommendation 2 of Home to School Transport: Partially accepted by Cabinet on 14 September 2023",
    ]


def test_no_time_of_day_is_invented(late_site):
    root = etree.fromstring(late_site.path("feed.xml").read_bytes())
    stamps = [el.text for el in root.iter(f"{ATOM}updated", f"{ATOM}published")]
    assert stamps and all(s.endswith("T00:00:00+00:00") for s in stamps)


def test_pages_link_their_feeds_in_the_head(late_site):
    def feeds(url):
        head = late_site.page(url).head
        return [(link["title"], link["href"]) for link in head.find_all("link", rel="alternate")
                if link.get("type") == "application/atom+xml"]

    assert feeds("") == [("Test scrutiny reports: new reports, responses and updates", "feed.xml")]
    report = feeds(REPORT)
    assert report[0] == ("Home to School Transport: publication, responses and updates",
                         "../../reports/school-transport-review/feed.xml")
    assert ("People Scrutiny Committee: new reports, responses and updates",
            "../../committees/people-scrutiny/feed.xml") in report
    rec = feeds(REPORT + "recommendations/1/")
    assert rec[0][1] == "../../../../reports/school-transport-review/recommendations/1/feed.xml"
    assert feeds("committees/people-scrutiny/")[0][1] == "../../committees/people-scrutiny/feed.xml"
    for url, links in (("", feeds("")), (REPORT, report)):
        for _, href in links:
            assert (late_site.out / re.sub(r"^(\.\./)+", "", href)).is_file()


def test_a_response_without_a_stated_date_is_left_out(tmp_path):
    root = project_copy(tmp_path)
    recs = root / "content" / "reports" / "school-transport-review" / "recommendations.yaml"
    text = recs.read_text(encoding="utf-8")
    recs.write_text(text.replace("      date: 2023-09-14\n", "", 1), encoding="utf-8")
    built = build_site(root, tmp_path / "site")
    titles = [e.title for e in feed(built, REPORT + "recommendations/1/feed.xml").entries]
    assert not any("Accepted" in t for t in titles)
    assert "Recommendation 1 of Home to School Transport: Behind schedule (1 December 2023)" in titles


@pytest.fixture(scope="module")
def relative_site(tmp_path_factory):
    """The fixture with the default base URL ``/`` (not an absolute web address)."""
    base = tmp_path_factory.mktemp("relative")
    root = project_copy(base)
    config = root / "site_config.yaml"
    config.write_text(re.sub(r"(?m)^(\s*base_url:).*$", r"\1 /", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    return build_site(root, base / "site")


def test_without_an_absolute_base_url_links_are_relative(relative_site):
    parsed = feed(relative_site, REPORT + "feed.xml")
    root = etree.fromstring(relative_site.path(REPORT + "feed.xml").read_bytes())
    hrefs = [el.get("href") for el in root.iter(f"{ATOM}link")]
    assert "../../reports/school-transport-review/" in hrefs
    assert all(not h.startswith("/") and "://" not in h for h in hrefs)
    assert all(e.id.startswith("tag:") for e in parsed.entries)


def test_the_site_and_committee_feeds_carry_the_newest_entries_and_say_so(tmp_path, monkeypatch):
    """Past the limit, the site's and a committee's feed keep their newest entries and say
    where the rest are; a report's and a recommendation's feed keep every event."""
    from scrutiny.site import feeds

    monkeypatch.setattr(feeds, "FEED_LIMIT", 2)
    built = build_site(project_copy(tmp_path), tmp_path / "site")
    report = feed(built, REPORT + "feed.xml")
    assert len(report.entries) > 2 and "Only the newest" not in report.feed.subtitle
    for path in ("feed.xml", "committees/people-scrutiny/feed.xml"):
        parsed = feed(built, path)
        assert len(parsed.entries) == 2, path
        assert parsed.feed.subtitle.endswith("Only the newest 2 entries; each report's own feed has all of its events.")
        newest = max(e.updated_parsed for e in report.entries)
        assert parsed.entries[0].updated_parsed >= newest
