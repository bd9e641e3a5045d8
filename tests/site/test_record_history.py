"""History on the site, from a real temporary git repository: each report and
recommendation page shows when its record last changed and its change history; a page per
update round says what each update changed; the feeds list the update and the calendar
parses. A checkout without git history says nothing of it."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from scrutiny.build import build
from tests.conftest import MINIMAL, with_formats, walk
from tests.gitrepo import council_repo

REC1 = "reports/school-transport-review/recommendations/1/"


def resolve(url: str, href: str) -> str:
    return urljoin("http://site.invalid/" + url, href).removeprefix("http://site.invalid/")


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def history_rows(soup: BeautifulSoup) -> list[list[str]]:
    table = soup.find(id="change-history").find_next("table", class_="record-log")
    return [[c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])] for tr in table.tbody.find_all("tr")]


def summary(soup: BeautifulSoup, key: str) -> str:
    row = next((r for r in soup.select(".summary-list__row") if r.dt.get_text(strip=True) == key), None)
    return row.dd.get_text(" ", strip=True) if row else ""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = with_formats(council_repo(tmp_path_factory.mktemp("history") / "council"), "data")
    build(root, root / "site")
    return root / "site"


def test_recommendation_page_shows_its_change_history(site: Path):
    soup = page(site, REC1)
    assert history_rows(soup) == [
        ["21 March 2024", "Update added (dated 15 March 2024)"],
        ["21 March 2024", "Status changed from Behind schedule to On track"],
        ["21 March 2024", "Target moved from March 2024 to June 2024"],
        ["10 January 2024", "Report published"]]
    assert summary(soup, "Record last changed") == "21 March 2024 ( change history )"
    assert soup.find(id="change-history").find_next("time")["datetime"] == "2024-03-21"
    response = page(site, "reports/earlier-review/recommendations/1/")
    assert history_rows(response)[0] == ["21 March 2024", "Response recorded: Accepted"]
    untouched = page(site, "reports/school-transport-review/recommendations/2/")
    assert history_rows(untouched) == [["10 January 2024", "Report published"]]
    assert summary(untouched, "Record last changed").startswith("10 January 2024")


def test_report_page_lists_every_change_with_its_recommendation(site: Path):
    soup = page(site, "reports/school-transport-review/")
    rows = history_rows(soup)
    assert rows[0] == ["21 March 2024", "1", "Update added (dated 15 March 2024)"]
    assert rows[-1] == ["10 January 2024", "The report", "Report published"]
    link = soup.find(id="change-history").find_next("table").find("a")
    assert resolve("reports/school-transport-review/", link["href"]) == REC1 + "index.html"
    assert ("change-history", "Change history") in [(a["href"][1:], a.get_text(strip=True))
                                                   for a in soup.select(".contents a")]
    assert summary(soup, "Record last changed").startswith("21 March 2024")


def test_a_page_per_update_round(site: Path):
    index = page(site, "changes/")
    rows = [[c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])] for tr in index.tbody.find_all("tr")]
    assert rows == [["15 March 2024", "1", "1", "1", "0", "0"], ["1 March 2024", "1", "0", "0", "0", "1"],
                    ["1 December 2023", "1", "0", "1", "0", "0"]]
    march = page(site, "changes/2024-03-15/")
    assert march.h1.get_text(strip=True) == "What changed at the updates of 15 March 2024"
    cells = [c.get_text(" ", strip=True) for c in march.tbody.tr.find_all(["th", "td"])]
    assert cells == ["Recommendation 1 People Scrutiny Committee", "On track", "June 2024",
                     "Status was Behind schedule; Target moved from March 2024"]
    assert resolve("changes/2024-03-15/", march.tbody.tr.a["href"]) == REC1 + "index.html"
    first = page(site, "changes/2024-03-01/")
    assert first.find(string=re.compile("Open and not updated")).parent.get_text() == (
        "Open and not updated in this round: recommendation 1.")
    # each update on a recommendation's page links to its round
    step = page(site, REC1).select_one(".status-history tbody th a")
    assert resolve(REC1, step["href"]) == "changes/2023-12-01/index.html"
    assert [resolve("changes/", a["href"]) for a in index.select(".breadcrumbs a")] == ["index.html", "tracker/index.html"]


def test_the_feeds_list_the_update_and_the_calendar_parses(site: Path):
    feed = feedparser.parse((site / "reports/school-transport-review/feed.xml").read_bytes())
    assert not feed.bozo
    titles = [e.title for e in feed.entries]
    # the update itself, with its status and its day (not just any entry naming one of them)
    assert "Recommendation 1 of Home to School Transport: On track (15 March 2024)" in titles, titles
    cal = Calendar.from_ical((site / "reports/school-transport-review/calendar.ics").read_bytes())
    days = {e.get("dtstart").dt for e in cal.walk("VEVENT")}
    assert dt.date(2024, 6, 30) in days or dt.date(2024, 6, 1) in days, days  # the moved target, June 2024


def test_two_builds_of_one_commit_are_identical(tmp_path: Path, site: Path):
    root = with_formats(council_repo(tmp_path / "council"), "data")
    build(root, tmp_path / "one")
    shutil.rmtree(root / ".cache")
    build(root, tmp_path / "two")
    for path in walk(tmp_path / "one", "*.html"):
        assert path.read_bytes() == (tmp_path / "two" / path.relative_to(tmp_path / "one")).read_bytes(), path


def test_without_git_history_pages_say_nothing_of_it(tmp_path: Path):
    root = tmp_path / "plain"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns(".cache", "site"))
    build(with_formats(root, "data"), tmp_path / "site")
    for url in (REC1, "reports/school-transport-review/"):
        soup = page(tmp_path / "site", url)
        assert soup.find(id="change-history") is None
        assert "Record last changed" not in soup.get_text() and "version history" not in soup.get_text()
    assert (tmp_path / "site/changes/2024-03-01/index.html").is_file()  # the rounds come from the updates


def test_a_shallow_clone_says_where_its_records_start(tmp_path: Path):
    root = council_repo(tmp_path / "council")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{root}", str(clone)], check=True)
    build(with_formats(clone, "data"), tmp_path / "site")
    soup = page(tmp_path / "site", REC1)
    text = soup.find(id="change-history").find_parent().get_text(" ", strip=True)
    assert "No change to this record has been published since 21 March 2024." in text
    assert "The website’s records start on 21 March 2024: earlier changes are not in its history." in text
    assert "Report published" not in text
