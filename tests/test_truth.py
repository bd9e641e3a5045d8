"""The truth rule, read back from the built site, its CSV/JSON and its plain text.

``tests/fixtures/councils`` authors every pattern of real councils' documents (illustrative
councils): lettered, dotted, parts-of-a-stem and coded references; loose dates; relative,
financial-year, quarter, "TBC" and "On-going" targets; vocabularies per committee with a
numbered scale, a status that needs a revised target, one that needs a reason and one
that needs sign-off; responses recorded elsewhere, not required or never recorded;
evidence; a six-monthly update schedule; and a report only partly answered.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scrutiny.build import build
from tests.conftest import FIXTURES, ROOT, walk

COUNCILS = FIXTURES / "councils"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("councils") / "project"
    shutil.copytree(COUNCILS, root, ignore=shutil.ignore_patterns(".cache", "site"))
    build(root, root / "site")
    return root / "site"


def page_text(site: Path, url: str) -> str:
    soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    for hidden in soup.select("script, [hidden], [aria-hidden=true]"):
        hidden.decompose()
    return " ".join(soup.get_text(" ").split())


def details(site: Path, url: str) -> dict[str, str]:
    soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = soup.select("dl.summary-list .summary-list__row")
    return {" ".join(r.dt.get_text(" ").split()): " ".join(r.dd.get_text(" ").split()) for r in rows}


def data(site: Path, report: str) -> dict[str, dict]:
    records = json.loads((site / f"reports/{report}/recommendations.json").read_text())["recommendations"]
    return {r["number"]: r for r in records}


def rows(site: Path, report: str) -> dict[str, dict]:
    text = (site / f"reports/{report}/recommendations.csv").read_text(encoding="utf-8")
    return {r["number"]: r for r in csv.DictReader(io.StringIO(text, newline=""))}


def test_the_councils_references_are_shown_as_written_with_stable_slugs(site: Path):
    assert list(data(site, "scraip-action-plan")) == ["a", "b", "c"]
    assert list(data(site, "cabinet-decision-notice")) == ["6(a)", "6(b)", "7"]
    assert list(data(site, "select-committee-log")) == ["ABC.140715.20b", "ABC.140715.21"]
    assert list(data(site, "six-monthly-progress")) == ["1.1", "1.2", "2", "3"]
    slugs = {r["slug"] for r in data(site, "cabinet-decision-notice").values()}
    assert slugs == {"6a", "6b", "7"}
    for url in ("reports/scraip-action-plan/recommendations/a/", "reports/cabinet-decision-notice/recommendations/6a/",
                "reports/select-committee-log/recommendations/abc-140715-20b/",
                "reports/six-monthly-progress/recommendations/1-1/"):
        assert (site / url / "index.html").is_file(), url
    assert "Recommendation 6(a)" in page_text(site, "reports/cabinet-decision-notice/recommendations/6a/")


def test_a_group_of_parts_has_its_own_page_with_the_stem(site: Path):
    text = page_text(site, "reports/cabinet-decision-notice/recommendations/6/")
    assert "That Cabinet:" in text and "Recommendation 6 has 2 parts" in text
    assert text.index("Recommendation 6(a)") < text.index("Recommendation 6(b)")
    rec = page_text(site, "reports/cabinet-decision-notice/recommendations/6b/")
    assert rec.index("That Cabinet:") < rec.index("reviews opening hours with users.")


def test_a_response_without_an_update_is_no_update_yet_never_not_started(site: Path):
    b = details(site, "reports/scraip-action-plan/recommendations/b/")
    assert b["Status"] == "No update yet"
    assert b["Where it stands"] == "No update yet (responded 24 July 2013). Target: TBC (no target date set)."
    assert b["Decision"] == "Agreed - further work required on 24 July 2013"
    csv_b, json_b = rows(site, "scraip-action-plan")["b"], data(site, "scraip-action-plan")["b"]
    assert (csv_b["status"], csv_b["position"]) == ("", "No update yet")
    assert json_b["status"] is None and json_b["position"]["state"] == "no-update"
    for path in walk(site):
        if path.suffix in (".html", ".csv", ".json", ".txt"):
            assert "Not started" not in path.read_text(encoding="utf-8"), path


def test_the_report_message_counts_what_is_true(site: Path):
    text = page_text(site, "reports/partly-answered-review/")
    assert ("This report went to the executive on 8 June 2013. 4 of 5 recommendations have no recorded "
            "response (due 8 August 2013; 10 months overdue).") in text
    assert "has not been published" not in text
    position = data(site, "partly-answered-review")["2"]["position"]
    assert position["response_due"] == "2013-08-08" and position["label"] == "Response overdue"
    assert rows(site, "partly-answered-review")["1"]["response_overdue"] == "no"


def test_it_says_for_how_long(site: Path):
    assert details(site, "reports/partly-answered-review/recommendations/3/")["Where it stands"] == (
        "Awaiting a response for 10 months past its deadline of 8 August 2013.")
    three = data(site, "six-monthly-progress")["3"]
    assert three["position"]["overdue_for"] == "16 months"
    assert rows(site, "six-monthly-progress")["3"]["overdue_for"] == "16 months"


def test_overdue_never_stands_beside_on_track_without_saying_which_is_current(site: Path):
    summary = data(site, "six-monthly-progress")["3"]["position"]["summary"]
    assert summary.startswith("2 On track at the update of 10 January 2013.")
    assert "The target, by 28 February 2013, passed 16 months ago: it is 16 months overdue." in summary
    text = page_text(site, "reports/six-monthly-progress/recommendations/3/")
    assert "This recommendation is 16 months overdue" in text and "2 On track at the update of 10 January 2013" in text


def test_an_update_that_was_due_and_did_not_come_is_visible(site: Path):
    three = data(site, "six-monthly-progress")["3"]
    assert three["position"]["missed_updates"] == ["2013-07-10", "2014-01-10"]
    assert "Update missed" in details(site, "reports/six-monthly-progress/recommendations/3/")["Status"]
    assert data(site, "six-monthly-progress")["2"]["position"]["missed_updates"] == []  # closed: none are due


def test_closing_needs_sign_off_where_the_vocabulary_says_so(site: Path):
    recs = data(site, "six-monthly-progress")
    assert recs["1.1"]["position"]["label"] == "1 Achieved (awaiting sign-off)"
    assert not recs["1.1"]["position"]["closed"] and not recs["1.1"]["overdue"]
    assert recs["1.2"]["position"]["closed"]
    assert "Signed off at Overview and Scrutiny Committee on 5 February 2013." in recs["1.2"]["position"]["summary"]


def test_closed_without_being_implemented_carries_its_reason(site: Path):
    two = data(site, "six-monthly-progress")["2"]
    assert two["position"]["closed"] and two["status"]["label"] == "4 Not achieved"
    assert two["updates"][0]["reason"] == "The bus operator withdrew."
    assert "Reason: The bus operator withdrew." in page_text(site, "reports/six-monthly-progress/recommendations/2/")


def test_targets_keep_the_councils_words_and_compute_the_due_day(site: Path):
    a = data(site, "scraip-action-plan")["a"]
    original = a["response"]["actions"][0]["target"]
    assert (original["text"], original["kind"], original["due"]) == ("6 months", "relative", "2014-01-24")
    assert (a["current_target"]["text"], a["current_target"]["due"]) == ("Q3 2014/15", "2014-12-31")
    assert rows(site, "scraip-action-plan")["a"]["original_target"] == "6 months"
    assert data(site, "six-monthly-progress")["1.2"]["response"]["actions"][0]["target"]["kind"] == "ongoing"
    assert data(site, "scraip-action-plan")["b"]["current_target"] == {
        "text": "TBC", "kind": "unset", "due": None, "due_words": "no target date set"}


def test_vocabularies_belong_to_each_committee(site: Path):
    assert {r["response"]["decision"]["label"] for r in data(site, "cabinet-decision-notice").values()
            if r["response"] and r["response"]["decision"]} == {"Yes", "In part"}
    assert data(site, "scraip-action-plan")["c"]["position"]["label"] == "No action (not agreed)"
    # the county's committee has its own contact details and a three-month response period
    assert "County Scrutiny Office" in page_text(site, "reports/cabinet-decision-notice/")
    assert "County Scrutiny Office" not in page_text(site, "reports/scraip-action-plan/")


def test_progress_without_a_formal_response(site: Path):
    log = data(site, "select-committee-log")
    assert log["ABC.140715.20b"]["response_state"] == "none-recorded"
    assert log["ABC.140715.20b"]["position"]["label"] == "On track"
    assert details(site, "reports/select-committee-log/recommendations/abc-140715-20b/")["Decision"] == "No decision recorded"
    partner = details(site, "reports/select-committee-log/recommendations/abc-140715-21/")
    assert (partner["Addressed to"], partner["Decision"]) == ("Environment Agency", "No response required")
    assert not log["ABC.140715.21"]["response_overdue"]
    seven = details(site, "reports/cabinet-decision-notice/recommendations/7/")
    assert seven["Where it stands"] == ("A response is recorded in Cabinet, 12 March 2014, minute 23; "
                                        "it is not reproduced here. No update yet.")


def test_who_is_asked_and_who_answers(site: Path):
    a = details(site, "reports/scraip-action-plan/recommendations/a/")
    assert a["Addressed to"] == "Cabinet Member for Environment" and a["Priority"] == "1"
    assert a["Lead officers"] == "Pat Green (Head of Street Scene); Chris Brown"
    assert a["Response by"] == "Head of Street Scene" and a["Decided by"] == "Cabinet"
    assert data(site, "scraip-action-plan")["b"]["priority"] == "high"


def test_evidence_is_listed_with_its_link(site: Path):
    soup = BeautifulSoup((site / "reports/scraip-action-plan/recommendations/a/index.html").read_text(), "html.parser")
    link = soup.find("a", string="Cabinet minute 45")
    assert link and link["href"] == "https://democracy.example.test/minutes/45"
    assert data(site, "scraip-action-plan")["a"]["updates"][0]["evidence"][0] == {
        "title": "Fleet replacement report, January 2014", "url": ""}


def test_dates_are_in_uk_words_at_the_precision_stated(site: Path):
    assert "Published May 2013" in page_text(site, "reports/scraip-action-plan/")
    assert data(site, "select-committee-log")["ABC.140715.20b"]["updates"][0]["date"] == "2014-02"
    assert "On track at the update of February 2014." in page_text(
        site, "reports/select-committee-log/recommendations/abc-140715-20b/")
    assert data(site, "cabinet-decision-notice")["6(a)"]["response"]["date"] == "2014-03"
    for path in list(site.glob("reports/*/index.html")) + list(site.glob("reports/*/recommendations/*/index.html")):
        text = page_text(site, str(path.parent.relative_to(site)))
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text), path
    for path in site.glob("reports/*/*.txt"):
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", path.read_text(encoding="utf-8")), path


def test_the_plain_text_says_the_same(site: Path):
    text = " ".join((site / "reports/six-monthly-progress/six-monthly-progress.txt").read_text().split())
    assert "1 Achieved (awaiting sign-off) at the update of 10 January 2013." in text
    assert "An update was due by 10 January 2014 and none has been recorded." in text
    log = " ".join((site / "reports/select-committee-log/select-committee-log.txt").read_text().split())
    assert "Response: No response required." in log and "Addressed to: Environment Agency" in log


def test_as_of_before_a_published_report_is_an_error(tmp_path: Path):
    root = tmp_path / "project"
    shutil.copytree(COUNCILS, root, ignore=shutil.ignore_patterns(".cache", "site"))
    config = root / "site_config.yaml"
    config.write_text(config.read_text().replace("as_of: 2014-06-30", "as_of: 2013-12-31"))
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), "check"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert ("content/reports/cabinet-decision-notice/report.yaml:7: the report is published on 10 January 2014, "
            "after the day the trackers are computed for (site.as_of, 2013-12-31)") in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
