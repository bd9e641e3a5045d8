"""Accountability as of the build's date, on the real Telford content."""

from __future__ import annotations

from scrutiny.build import gather
from scrutiny.model import RecNumber
from scrutiny.tracker import add_months
from tests.conftest import ROOT

import datetime as dt


def test_add_months_clamps_to_month_end():
    assert add_months(dt.date(2013, 12, 31), 2) == dt.date(2014, 2, 28)


def test_telford_standing_as_of_30_november_2014():
    pub = gather(ROOT)
    report = pub.report("children-in-care-placement-strategy")
    standings = {str(r.number): pub.standing(report, r) for r in report.recommendations}
    assert all(s.decision is not None for s in standings.values())
    assert {s.decision.label for s in standings.values()} >= {"Accepted", "Partially accepted"}
    slipped = [n for n, s in standings.items() if s.slipped]
    assert slipped, "the August update moved target dates"
    for n in slipped:
        s = standings[n]
        assert s.original_target != s.target and s.revisions[-1].reason
    for s in standings.values():
        if s.overdue:
            assert not s.closed and s.target.due < pub.config.as_of
            # the status is stated with its date, so "on track" and "overdue" never disagree
            stated = "at the update of 15 August 2013" if s.status else "No update yet (responded 27 June 2013)"
            assert stated in s.sentence and f"{s.overdue_for} overdue" in s.sentence


def test_worcestershire_awaits_a_response_for_all_twenty():
    pub = gather(ROOT)
    report = pub.report("criteria-for-entry-into-care")
    assert len(report.recommendations) == 20
    standings = [pub.standing(report, r) for r in report.recommendations]
    assert {s.label for s in standings} == {"Awaiting response"}
    assert all(s.status is None and s.response_due is None and not s.response_overdue for s in standings)
    # the report does not say when it reached the executive: the deadline is unknown, not guessed
    assert all("deadline is unknown" in s.sentence for s in standings)
    assert report.recommendation(RecNumber.parse("17")) is not None
