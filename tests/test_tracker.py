"""Accountability as of the build's date, on the real Telford content."""

from __future__ import annotations

from scrutiny.build import gather
from scrutiny.model import RecNumber
from scrutiny.tracker import add_months
from tests.conftest import ROOT

import datetime as dt


def test_add_months_clamps_to_month_end():
    assert add_months(dt.date(2013, 12, 31), 2) == dt.date(2014, 2, 28)


def test_telford_standing_on_30_september_2013():
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
            assert not s.status.closed and s.target.due < pub.config.as_of


def test_worcestershire_awaits_a_response_for_all_twenty():
    pub = gather(ROOT)
    report = pub.report("criteria-for-entry-into-care")
    assert len(report.recommendations) == 20
    assert {pub.standing(report, r).status.label for r in report.recommendations} == {"Awaiting response"}
    assert report.recommendation(RecNumber(17)) is not None
