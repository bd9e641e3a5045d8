"""Small pure pieces: dates, sizes, tags, the update timeline, counts."""

from __future__ import annotations

import datetime as dt

from scrutiny.dates import parse_known, parse_target
from scrutiny.model import Markdown, RecNumber, Recommendation, Source, Term, Update
from scrutiny.load.config import DEFAULT_STATUSES
from scrutiny.site.views import Tag, decision_tag, file_size, long_date, status_tag, timeline

SRC = Source("x.yaml", 1)


STATUSES = {t.id: t for t in DEFAULT_STATUSES}


def update(day: str, status: str, revised: str | None = None, reason: str = "") -> Update:
    return Update(parse_known(day), "Committee", STATUSES[status], None,
                  parse_target(revised) if revised else None, reason, SRC)


def test_long_date_and_file_size():
    assert long_date(dt.date(2013, 6, 27)) == "27 June 2013"
    assert long_date(None) == ""
    assert file_size(900) == "900 bytes"
    assert file_size(245 * 1024) == "245 KB"
    assert file_size(int(1.5 * 1024 * 1024)) == "1.5 MB"


def test_tags_are_words_with_a_colour():
    assert decision_tag(None).label == "Awaiting response"
    assert decision_tag(None, "not-required").label == "No response required"
    assert decision_tag(None, "none-recorded").label == "No decision recorded"
    assert decision_tag(Term("rejected", "Rejected")).colour == "red"
    assert status_tag(Term("complete", "Complete")).colour == "green"
    # a council's own terms: closed and implemented reads green, anything else blue, with its number
    assert status_tag(Term("achieved", "Achieved", closed=True, code="1", implemented=True)) == Tag("1 Achieved", "green")
    assert status_tag(Term("made-up", "Made up")).colour == "blue"


def test_timeline_keeps_the_date_each_revision_replaced():
    from scrutiny.model import Action, Person, Response

    action = Action("Do it", (Person("A"),), parse_target("June 2023"), SRC)
    response = Response(Term("accepted", "Accepted"), parse_known("2023-01-01"), "Cabinet", None, (action,), SRC)
    rec = Recommendation("r", RecNumber.parse("1"), "", Markdown("t", SRC), (), response, (
        update("2023-05-01", "on-track"),
        update("2023-07-01", "behind-schedule", "September 2023", "Late supplier"),
        update("2023-10-01", "behind-schedule", "December 2023", "Staff changes"),
    ), SRC)
    entries = timeline(rec)
    assert [e.revised_from.text if e.revised_from else None for e in entries] == [None, "June 2023", "September 2023"]
    assert [e.status.label for e in entries] == ["On track", "Behind schedule", "Behind schedule"]
