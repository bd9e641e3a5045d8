"""The figures behind the progress charts, checked against counts worked out by hand.

One scope of ten recommendations in three reports (as of 31 March 2024; report A reached
the executive on 15 January 2023, so its responses were due by 15 March 2023):

====  ==============================  ============================================
rec   response                        updates
====  ==============================  ============================================
A1    accepted, 1 March 2023          1 Jun 2023 on track; 1 Sep 2023 complete
A2    accepted, 10 April 2023         1 Jun 2023 behind; 1 Dec 2023 complete
A3    accepted, March 2023 (month)    1 Sep 2023 not implemented
A4    rejected, 10 March 2023         none
A5    awaited                         none
A6    accepted, date not stated       1 Dec 2023 achieved (needs sign-off; none)
A7    not required                    none
B1    accepted, 1 August 2023         December 2023 (month) superseded
B2    none recorded                   1 Jun 2023 on track
C1    awaited                         none (report C has no date at all)
====  ==============================  ============================================
Report B was neither dated nor sent on a stated day.
"""

from __future__ import annotations

import datetime as dt

from scrutiny.dates import KnownDate, parse_known
from scrutiny.model import (Brand, Committee, Contact, Markdown, RecNumber, Recommendation, Report, Response,
                            SignOff, SiteConfig, Source, Term, Update, Vocabulary)
from scrutiny.stats import (NO_UPDATE, implementation_rates, implemented_by, response_timeliness,
                            status_history, timeliness_of)

SRC = Source("t.yaml", 1)
ACCEPTED = Term("accepted", "Accepted")
REJECTED = Term("rejected", "Rejected", closed=True)
COMPLETE = Term("complete", "Complete", closed=True, implemented=True)
ON_TRACK = Term("on-track", "On track")
BEHIND = Term("behind-schedule", "Behind schedule")
NOT_IMPLEMENTED = Term("not-implemented", "Not implemented", closed=True, implemented=False)
SUPERSEDED = Term("superseded", "Superseded", closed=True)
ACHIEVED = Term("achieved", "Achieved", closed=True, implemented=True, needs_sign_off=True, code="1")
STATUSES = (COMPLETE, ON_TRACK, BEHIND, NOT_IMPLEMENTED, SUPERSEDED, ACHIEVED)
AS_OF = dt.date(2024, 3, 31)


def day(text: str) -> KnownDate:
    return parse_known(text)


def config(as_of: dt.date = AS_OF) -> SiteConfig:
    return SiteConfig("T", "T", "/", "en-GB", as_of, Contact("t", "t", "t", "t"),
                      Brand("#1d4f91", "#0b0c0c", "#ffffff", "#1d4f91", "#ffdd00", "", ""),
                      (Committee("c", "C", "Council", SRC),), (Vocabulary("default", (ACCEPTED, REJECTED), STATUSES),),
                      ("data",), 18.0)


def update(when: str, status: Term, sign_off: SignOff | None = None) -> Update:
    return Update(day(when), "", status, None, None, "", SRC, sign_off=sign_off)


def rec(ref: str, response: Response | None = None, updates=(), state: str = "") -> Recommendation:
    return Recommendation("r", RecNumber.parse(ref), "", Markdown("Text.", SRC), (), response, tuple(updates), SRC,
                          response_state=state or ("given" if response else "awaited"))


def response(when: str | None, decision: Term = ACCEPTED) -> Response:
    return Response(decision, day(when) if when else None, "", None, (), SRC)


def report(rid: str, recs, published: str | None = None, sent: str | None = None) -> Report:
    return Report(id=rid, title=rid, code="", committee="c", kind="scrutiny-review", status="published", council="",
                  summary="", started=None, published=day(published) if published else None,
                  sent_to_executive=day(sent) if sent else None, lead_member=None, members=(), co_opted_members=(),
                  officers=(), terms_of_reference=None, methodology=None, sections=(), tables=(), activity=(),
                  glossary=(), executive_response=None, recommendations=tuple(recs), source=SRC)


A = report("a", [
    rec("1", response("2023-03-01"), [update("2023-06-01", ON_TRACK), update("2023-09-01", COMPLETE)]),
    rec("2", response("2023-04-10"), [update("2023-06-01", BEHIND), update("2023-12-01", COMPLETE)]),
    rec("3", response("March 2023"), [update("2023-09-01", NOT_IMPLEMENTED)]),
    rec("4", response("2023-03-10", REJECTED)),
    rec("5"),
    rec("6", response(None), [update("2023-12-01", ACHIEVED)]),
    rec("7", state="not-required"),
], published="2023-01-10", sent="2023-01-15")
B = report("b", [
    rec("1", response("2023-08-01"), [update("December 2023", SUPERSEDED)]),
    rec("2", None, [update("2023-06-01", ON_TRACK)], state="none-recorded"),
])
C = report("c", [rec("1")])
ITEMS = [(r, x) for r in (A, B, C) for x in r.recommendations]


# --- status after each update round ---------------------------------------------------------


def test_status_rounds_are_every_update_date_oldest_first():
    history = status_history(ITEMS, config())
    assert [r.date.display for r in history.rounds] == ["1 June 2023", "1 September 2023", "1 December 2023",
                                                       "December 2023"]
    assert [c.label for c in history.categories] == ["Complete", "On track", "Behind schedule", "Not implemented",
                                                     "Superseded", "1 Achieved", NO_UPDATE]
    assert history.total == 10 and history.undated == 1  # C1: neither it nor its report has a date


def test_status_after_each_round_counts_the_latest_status_given_by_then():
    history = status_history(ITEMS, config())
    counts = [dict(zip([c.label for c in history.categories], r.counts)) for r in history.rounds]
    # 1 June: A1 and B2 on track, A2 behind; A3-A7 no update yet; B1 not yet known (responded 1 August)
    assert counts[0] == {"Complete": 0, "On track": 2, "Behind schedule": 1, "Not implemented": 0, "Superseded": 0,
                         "1 Achieved": 0, NO_UPDATE: 5}
    # 1 September: A1 complete, A3 not implemented; B1 now counted, with no update
    assert counts[1] == {"Complete": 1, "On track": 1, "Behind schedule": 1, "Not implemented": 1, "Superseded": 0,
                         "1 Achieved": 0, NO_UPDATE: 5}
    # 1 December: A2 complete, A6 achieved; B1's "December 2023" may be later in the month
    assert counts[2] == {"Complete": 2, "On track": 1, "Behind schedule": 0, "Not implemented": 1, "Superseded": 0,
                         "1 Achieved": 1, NO_UPDATE: 4}
    assert counts[3] == {**counts[2], "Superseded": 1, NO_UPDATE: 3}
    assert [r.total for r in history.rounds] == [8, 9, 9, 9]
    assert history.count(3, "Superseded") == 1


def test_no_updates_means_no_rounds():
    history = status_history([(C, C.recommendations[0])], config())
    assert history.rounds == () and history.categories == () and history.undated == 1


# --- implementation within 6, 12 and 24 months ---------------------------------------------------


def test_implementation_rates_by_window():
    rates = implementation_rates(ITEMS, AS_OF)
    assert (rates.total, rates.no_response, rates.undated, rates.dated) == (10, 4, 1, 5)  # A5 A7 B2 C1; A6
    six, twelve, twenty_four = rates.windows
    # A1 complete on 1 Sep 2023, exactly 6 months after 1 Mar; A2 still behind on 10 Oct;
    # A3 not implemented; A4 rejected and B1 superseded count neither way
    assert (six.months, six.implemented, six.counted, six.too_recent, six.neither) == (6, 1, 3, 0, 2)
    assert six.percent == 33 and abs(six.rate - 1 / 3) < 1e-9
    # A2's 12 months end 10 April 2024 and B1's 1 August 2024, after 31 March 2024;
    # A3's March 2023 response is 12 months old by 31 March 2024 at the latest
    assert (twelve.implemented, twelve.counted, twelve.too_recent, twelve.neither) == (1, 2, 2, 1)
    assert twelve.percent == 50
    assert (twenty_four.implemented, twenty_four.counted, twenty_four.too_recent) == (0, 0, 5)
    assert twenty_four.rate is None and twenty_four.percent is None


def test_a_month_response_counts_only_what_was_certainly_within_the_window():
    # responded "March 2023": 6 months from 1 March ends 1 September; an update of
    # 2 September might be more than 6 months after a response of 1 March
    r = rec("1", response("March 2023"), [update("2023-09-02", COMPLETE)])
    six = implementation_rates([(A, r)], AS_OF).windows[0]
    assert (six.implemented, six.counted) == (0, 1)
    r = rec("1", response("March 2023"), [update("2023-09-01", COMPLETE)])
    assert implementation_rates([(A, r)], AS_OF).windows[0].implemented == 1


def test_a_window_not_yet_over_for_the_latest_day_the_response_can_be_is_too_recent():
    r = rec("1", response("March 2023"), [update("2023-04-01", COMPLETE)])
    assert implementation_rates([(A, r)], dt.date(2023, 9, 30)).windows[0].counted == 1
    assert implementation_rates([(A, r)], dt.date(2023, 9, 29)).windows[0].too_recent == 1


def test_sign_off_decides_when_a_status_that_needs_it_counts():
    assert implemented_by(rec("1", response("2023-01-01"), [update("2023-02-01", ACHIEVED)]), AS_OF) is False
    signed_later = SignOff(day("2023-05-01"), "Committee")
    r = rec("1", response("2023-01-01"), [update("2023-02-01", ACHIEVED, signed_later)])
    assert implemented_by(r, dt.date(2023, 4, 30)) is False
    assert implemented_by(r, dt.date(2023, 5, 1)) is True
    undated = rec("1", response("2023-01-01"), [update("2023-02-01", ACHIEVED, SignOff(None, "Committee"))])
    assert implemented_by(undated, dt.date(2023, 2, 1)) is True


def test_closed_terms_count_as_their_vocabulary_says():
    assert implemented_by(rec("1", response("2023-01-01"), [update("2023-02-01", NOT_IMPLEMENTED)]), AS_OF) is False
    assert implemented_by(rec("1", response("2023-01-01"), [update("2023-02-01", SUPERSEDED)]), AS_OF) is None
    assert implemented_by(rec("1", response("2023-01-01", REJECTED)), AS_OF) is None
    counted_rejection = Term("rejected", "Rejected", closed=True, implemented=False)
    assert implemented_by(rec("1", response("2023-01-01", counted_rejection)), AS_OF) is False
    assert implemented_by(rec("1", response("2023-01-01")), AS_OF) is False  # open, no update


def test_percent_rounds_half_up():
    recs = [rec(str(i), response("2020-01-01"), [update("2020-02-01", COMPLETE)] if i == 1 else [])
            for i in range(1, 9)]
    six = implementation_rates([(A, r) for r in recs], AS_OF).windows[0]
    assert (six.implemented, six.counted, six.percent) == (1, 8, 13)  # 12.5%


# --- response timeliness --------------------------------------------------------------------------


def test_timeliness_of_each_recommendation():
    keys = {f"{r.id.upper()}{x.number}": timeliness_of(r, x, config()) for r, x in ITEMS}
    assert keys == {"A1": "on-time", "A2": "late", "A3": "unclear", "A4": "on-time", "A5": "overdue",
                    "A6": "unclear", "A7": None, "B1": "deadline-unknown", "B2": "no-decision",
                    "C1": "deadline-unknown"}


def test_timeliness_counts():
    t = response_timeliness(ITEMS, config())
    assert dict((k, n) for k, _, n in t.counts) == {"on-time": 2, "late": 1, "overdue": 1, "awaited": 0,
                                                    "unclear": 2, "deadline-unknown": 2, "no-decision": 1}
    assert (t.total, t.not_required, t.expected) == (10, 1, 9)
    assert t.count("late") == 1


def test_an_awaited_response_before_its_deadline_is_not_overdue():
    t = response_timeliness([(A, A.recommendations[4])], config(dt.date(2023, 3, 15)))
    assert (t.count("awaited"), t.count("overdue")) == (1, 0)
    t = response_timeliness([(A, A.recommendations[4])], config(dt.date(2023, 3, 16)))
    assert (t.count("awaited"), t.count("overdue")) == (0, 1)


def test_the_deadline_uses_the_committees_response_months():
    three = config()
    three = SiteConfig(**{**three.__dict__, "committees": (Committee("c", "C", "Council", SRC, response_months=3),)})
    late_for_two = rec("1", response("2023-04-10"))
    assert timeliness_of(A, late_for_two, config()) == "late"
    assert timeliness_of(A, late_for_two, three) == "on-time"  # due 15 April 2023


def test_only_the_latest_rounds_when_asked_with_the_categories_they_count():
    history = status_history(ITEMS, config(), latest=2)
    assert [r.date.display for r in history.rounds] == ["1 December 2023", "December 2023"]
    assert (history.earlier, history.all_rounds) == (2, 4)
    # nothing was behind schedule in the last two rounds: no column for it
    assert [c.label for c in history.categories] == ["Complete", "On track", "Not implemented", "Superseded",
                                                     "1 Achieved", NO_UPDATE]
    assert history.rounds[1].counts == (2, 1, 1, 1, 1, 3)
    assert [c.index for c in history.categories] == [0, 1, 3, 4, 5, 6]  # drawn alike wherever they appear
    assert status_history(ITEMS, config(), latest=10).earlier == 0
