"""The words every format uses for a recommendation's facts (scrutiny.render.facts): the
decision, where it stands, the target and each update, as the PDF, Word, EPUB, large
print, text, Braille and audio all print them."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from scrutiny import tracker
from scrutiny.build import gather
from scrutiny.dates import parse_known, parse_target
from scrutiny.model import Evidence, RecNumber, SignOff
from scrutiny.render import facts
from tests.conftest import FIXTURES, MINIMAL


@pytest.fixture(scope="module")
def pubs():
    return {"councils": gather(FIXTURES / "councils"), "minimal": gather(MINIMAL)}


def find(pubs, fixture, report_id, number):
    pub = pubs[fixture]
    report = pub.report(report_id)
    rec = report.recommendation(RecNumber.parse(number))
    return pub, report, rec, pub.standing(report, rec)


# (fixture, report, number): (target_text, decision_label, status_label, target_label)
CASES = {
    ("minimal", "school-transport-review", "1"): (
        "March 2024 (originally June 2023)", "Accepted", "Behind schedule", "March 2024 (originally June 2023), due today"),
    ("minimal", "school-transport-review", "2"): ("29 February 2024", "Partially accepted", "Complete", "29 February 2024"),
    ("minimal", "school-transport-review", "3"): ("", "Rejected", "No action (rejected)", "None given"),
    ("minimal", "earlier-review", "1"): ("", "Awaiting response", "Response overdue", "Awaiting response"),
    ("councils", "partly-answered-review", "1"): (
        "31 December 2013", "Agreed", "No update yet", "31 December 2013, 6 months overdue"),
    ("councils", "scraip-action-plan", "a"): (
        "Q3 2014/15 (originally 6 months)", "Agreed", "3 Slipped", "Q3 2014/15 (originally 6 months), due in 6 months"),
    ("councils", "scraip-action-plan", "b"): (
        "TBC (no target date set)", "Agreed - further work required", "No update yet", "TBC (no target date set)"),
    ("councils", "six-monthly-progress", "1.1"): (
        "during 2012/13", "Agreed", "1 Achieved (awaiting sign-off)", "during 2012/13"),
    ("councils", "six-monthly-progress", "1.2"): ("On-going (no end date)", "Agreed", "1 Achieved", "On-going"),
    ("councils", "cabinet-decision-notice", "7"): ("", "Recorded elsewhere", "Response recorded elsewhere", "None given"),
    ("councils", "select-committee-log", "ABC.140715.20b"): ("", "No decision recorded", "On track", "None given"),
    ("councils", "select-committee-log", "ABC.140715.21"): (
        "", "No response required", "No response required", "None given"),
}


@pytest.mark.parametrize("key", list(CASES), ids=["/".join(k[1:]) for k in CASES])
def test_the_words_for_each_recommendation(pubs, key):
    pub, report, rec, s = find(pubs, *key)
    target, decision, status, label = CASES[key]
    assert facts.target_text(s) == target
    assert facts.decision_label(rec, s) == decision
    assert facts.status_label(s) == status
    assert facts.target_label(rec, s) == label
    assert facts.decision_text(rec, report, s) == tracker.decision_words(rec, report, s)
    assert facts.status_text(s) == s.sentence


def test_target_words_in_parts(pubs):
    *_, rec, s = find(pubs, "minimal", "school-transport-review", "1")
    assert facts.target_words(rec, s) == facts.TargetWords("March 2024", True, "June 2023", "due today", False)
    *_, rec, s = find(pubs, "councils", "six-monthly-progress", "3")
    assert facts.target_words(rec, s) == facts.TargetWords("by 28 February 2013", True, "", "16 months overdue", True)
    *_, rec, s = find(pubs, "councils", "partly-answered-review", "2")
    assert facts.target_words(rec, s) == facts.TargetWords("Awaiting response", False, "", "", False)
    *_, rec, s = find(pubs, "councils", "scraip-action-plan", "c")
    assert facts.target_words(rec, s) == facts.TargetWords("None given", False, "", "", False)
    *_, rec, s = find(pubs, "councils", "six-monthly-progress", "1.1")  # awaiting sign-off: no "overdue"
    assert facts.target_words(rec, s) == facts.TargetWords("during 2012/13", True, "", "", False)


def test_a_relative_target_says_when_it_falls_due(pubs):
    pub, report, rec, s = find(pubs, "councils", "scraip-action-plan", "a")
    first = dataclasses.replace(rec, updates=())
    config = dataclasses.replace(pub.config, as_of=dt.date(2013, 8, 1))
    s = tracker.standing(first, report, config)
    assert s.target.text == "6 months"
    assert facts.target_text(s) == "6 months (due 24 January 2014)"
    assert facts.target_label(first, s) == "6 months, due in 5 months"
    unknown = dataclasses.replace(s, target=parse_target("within 6 months"))
    assert facts.target_text(unknown) == ("within 6 months (due date unknown (counted from a response date that "
                                          "is not stated))")
    assert facts.target_words(first, dataclasses.replace(unknown, due_in="")).due == (
        "(due date unknown (counted from a response date that is not stated))")
    assert facts.target_label(first, dataclasses.replace(unknown, due_in="")) == (
        "within 6 months (due date unknown (counted from a response date that is not stated))")


def test_a_target_moved_back_to_the_same_words_has_no_originally(pubs):
    *_, rec, s = find(pubs, "minimal", "school-transport-review", "1")
    same = dataclasses.replace(s, original_target=s.target)
    assert facts.target_text(same) == "March 2024"
    assert facts.target_words(rec, same).originally == ""


def test_the_response_overdue_beside_a_status(pubs):
    pub, report, rec, _ = find(pubs, "councils", "partly-answered-review", "2")
    update = pub.report("six-monthly-progress").recommendations[3].updates[0]
    progressed = dataclasses.replace(rec, updates=(update,))
    s = tracker.standing(progressed, report, pub.config)
    assert facts.status_label(s) == "2 On track (response overdue)"
    assert facts.decision_label(progressed, s) == "Awaiting response"
    assert facts.decision_label(dataclasses.replace(progressed, response_state="unknown-state"), s) == "Awaiting response"


def test_update_lines_and_details(pubs):
    *_, rec, _ = find(pubs, "councils", "scraip-action-plan", "a")
    u = rec.updates[0]
    assert facts.update_line(u) == "15 January 2014, Overview and Scrutiny Committee: 3 Slipped."
    assert facts.update_details(u) == [
        "Target moved to Q3 2014/15: The new vehicles arrived late.",
        "Evidence: Fleet replacement report, January 2014; Cabinet minute 45 (https://democracy.example.test/minutes/45).",
    ]
    bare = dataclasses.replace(u, meeting="", revised_target=None, reason="", evidence=())
    assert facts.update_line(bare) == "15 January 2014: 3 Slipped."
    assert facts.update_details(bare) == []
    assert facts.update_details(dataclasses.replace(bare, reason="Staff left")) == ["Reason: Staff left."]
    assert facts.update_details(dataclasses.replace(bare, reason="Why?")) == ["Reason: Why?"]
    assert facts.update_details(dataclasses.replace(u, reason="")) == [
        "Target moved to Q3 2014/15.",
        "Evidence: Fleet replacement report, January 2014; Cabinet minute 45 (https://democracy.example.test/minutes/45).",
    ]
    one = dataclasses.replace(bare, evidence=(Evidence("Report"),))
    assert facts.update_details(one) == ["Evidence: Report."]


def test_sign_off_details(pubs):
    *_, rec, _ = find(pubs, "councils", "six-monthly-progress", "1.2")
    u = rec.updates[0]
    assert facts.update_details(u) == ["Signed off as closed by Overview and Scrutiny Committee on 5 February 2013."]
    assert facts.update_details(dataclasses.replace(u, sign_off=SignOff(None, ""))) == ["Signed off as closed."]
    assert facts.update_details(dataclasses.replace(u, sign_off=SignOff(parse_known("May 2013"), ""))) == [
        "Signed off as closed on May 2013."]


def test_the_summary_table(pubs):
    pub, report, *_ = find(pubs, "minimal", "school-transport-review", "1")
    rows = facts.summary_rows(pub, report)
    assert [(r.ref, r.slug, r.decision, r.status, r.target) for r in rows] == [
        ("1", "1", "Accepted", "Behind schedule", "March 2024 (originally June 2023), due today"),
        ("2", "2", "Partially accepted", "Complete", "29 February 2024"),
        ("3", "3", "Rejected", "No action (rejected)", "None given"),
    ]
    assert all(r.words and "\n" not in r.words for r in rows)
    assert rows[0].theme == report.recommendations[0].theme
    assert facts.summary_rows(pub, dataclasses.replace(report, recommendations=())) == []
    lettered = facts.summary_rows(*find(pubs, "councils", "six-monthly-progress", "1.1")[:2])
    assert [(r.ref, r.slug) for r in lettered][:2] == [("1.1", "1-1"), ("1.2", "1-2")]
    assert facts.summary_caption(dt.date(2024, 3, 31)) == (
        "Recommendations, the executive's decisions and where each stands, as of 31 March 2024")
    assert facts.SUMMARY_HEADER == ("Ref.", "Recommendation", "Decision", "Status", "Target date")


def test_sign_off_by_a_meeting_on_no_stated_day(pubs):
    *_, rec, _ = find(pubs, "councils", "six-monthly-progress", "1.2")
    u = dataclasses.replace(rec.updates[0], sign_off=SignOff(None, "Overview and Scrutiny Committee"))
    assert facts.update_details(u) == ["Signed off as closed by Overview and Scrutiny Committee."]


def test_a_reason_ending_in_its_own_punctuation_gets_no_full_stop(pubs):
    *_, rec, _ = find(pubs, "councils", "scraip-action-plan", "a")
    bare = dataclasses.replace(rec.updates[0], revised_target=None, evidence=())
    assert facts.update_details(dataclasses.replace(bare, reason="At last!")) == ["Reason: At last!"]
    assert facts.update_details(dataclasses.replace(bare, reason="Staff left.")) == ["Reason: Staff left."]


def test_the_summary_rows_of_recommendations_awaiting_a_response(pubs):
    pub, report, *_ = find(pubs, "councils", "partly-answered-review", "1")
    rows = facts.summary_rows(pub, report)
    assert [(r.ref, r.decision, r.status, r.target) for r in rows] == [
        ("1", "Agreed", "No update yet", "31 December 2013, 6 months overdue"),
        *[(n, "Awaiting response", "Response overdue", "Awaiting response") for n in ("2", "3", "4", "5")],
    ]
