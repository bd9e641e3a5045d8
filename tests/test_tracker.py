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


# --- the rules, day by day, on the illustrative councils' fixture ---------------------------
# Each case pins every word a page shows, so that a changed comparison, message or
# boundary day is caught (these were found by mutation testing: see docs/mutation.md).

import dataclasses

import pytest

from scrutiny import tracker
from scrutiny.dates import parse_known, parse_target
from scrutiny.model import Activity, UpdateSchedule
from tests.conftest import FIXTURES, MINIMAL

D = dt.date


@pytest.fixture(scope="module")
def councils():
    return gather(FIXTURES / "councils")


@pytest.fixture(scope="module")
def minimal():
    return gather(MINIMAL)


def at(pub, report_id, number, as_of, **report_changes):
    """The standing of one recommendation as of ``as_of`` (the report changed as given)."""
    report = dataclasses.replace(pub.report(report_id), **report_changes)
    rec = report.recommendation(RecNumber.parse(number))
    config = dataclasses.replace(pub.config, as_of=as_of)
    return tracker.standing(rec, report, config), rec, report, config


def test_a_response_due_on_the_as_of_day_is_not_yet_overdue(councils):
    """Sent on 8 June 2013, two months to respond: due on 8 August 2013, overdue from the 9th
    (the same rule as targets: due on the day, overdue only after it)."""
    s, rec, report, config = at(councils, "partly-answered-review", "2", D(2013, 8, 8))
    assert s.response_due == D(2013, 8, 8)
    assert (s.response_overdue, s.awaiting_for, s.flag) == (False, "", "")
    assert (s.state, s.label, s.tone) == ("awaiting-response", "Awaiting response", "yellow")
    assert s.sentence == "Awaiting the executive's response, due by 8 August 2013."
    assert tracker.decision_words(rec, report, s) == "Awaiting response"
    standings = [tracker.standing(r, report, config) for r in report.recommendations]
    assert tracker.report_message(report, standings, config) == (
        "4 of 5 recommendations have no recorded response (due 8 August 2013).")


def test_a_response_is_overdue_the_day_after_its_deadline(councils):
    s, rec, report, config = at(councils, "partly-answered-review", "2", D(2013, 8, 9))
    assert (s.response_overdue, s.awaiting_for, s.flag) == (True, "1 day", "Response overdue")
    assert (s.state, s.label, s.tone) == ("awaiting-response", "Response overdue", "red")
    assert s.sentence == "Awaiting a response for 1 day past its deadline of 8 August 2013."
    assert tracker.decision_words(rec, report, s) == "Awaiting response (overdue)"
    standings = [tracker.standing(r, report, config) for r in report.recommendations]
    assert tracker.report_message(report, standings, config) == (
        "4 of 5 recommendations have no recorded response (due 8 August 2013; 1 day overdue).")


def test_the_deadline_uses_the_committees_months_and_the_last_day_of_a_month(councils):
    report = councils.report("partly-answered-review")
    config = councils.config
    assert tracker.response_deadline(report, config) == D(2013, 8, 8)  # borough-overview: 2 months
    assert tracker.response_deadline(dataclasses.replace(report, committee="county-select"), config) == D(2013, 9, 8)
    assert tracker.response_deadline(dataclasses.replace(report, committee="no-such-committee"), config) == D(2013, 8, 8)
    # sent "in June 2013": counted from 30 June, the latest day it can have been
    june = dataclasses.replace(report, sent_to_executive=parse_known("June 2013"))
    assert tracker.response_deadline(june, config) == D(2013, 8, 30)
    assert tracker.response_deadline(dataclasses.replace(report, sent_to_executive=None), config) is None


def test_an_unknown_deadline_is_never_flagged(councils):
    s, rec, report, config = at(councils, "partly-answered-review", "2", D(2030, 1, 1), sent_to_executive=None)
    assert (s.response_due, s.response_overdue, s.label, s.tone) == (None, False, "Awaiting response", "yellow")
    assert s.sentence == ("Awaiting the executive's response. The deadline is unknown: the report does not say "
                          "when it went to the executive.")
    standings = [tracker.standing(r, report, config) for r in report.recommendations]
    assert tracker.report_message(report, standings, config) == (
        "4 of 5 recommendations have no recorded response. The deadline for the response is unknown: the report "
        "does not say when it went to the executive.")


def test_the_report_message_counts_what_is_true(councils):
    report = councils.report("partly-answered-review")
    config = dataclasses.replace(councils.config, as_of=D(2013, 8, 1))
    standings = [tracker.standing(r, report, config) for r in report.recommendations]
    awaited = standings[1:]
    assert tracker.report_message(report, awaited, config) == (
        "None of the 4 recommendations has a recorded response (due 8 August 2013).")
    assert tracker.report_message(report, awaited[:1], config) == (
        "The recommendation has no recorded response (due 8 August 2013).")
    assert tracker.report_message(report, standings[:1], config) == ""
    assert tracker.report_message(report, [], config) == ""


def test_a_target_due_today_is_due_not_overdue(minimal):
    s, *_ = at(minimal, "school-transport-review", "1", D(2024, 3, 31))
    assert (s.overdue, s.overdue_for, s.due_in, s.due_today, s.flag) == (False, "", "", True, "")
    assert s.tone == "blue"
    assert s.sentence == ("Behind schedule at the update of 1 December 2023 (People Scrutiny Committee). "
                          "The target is March 2024 (due today).")


def test_a_target_is_overdue_the_day_after_it_falls_due(minimal):
    s, *_ = at(minimal, "school-transport-review", "1", D(2024, 4, 1))
    assert (s.overdue, s.overdue_for, s.due_in, s.due_today, s.flag) == (True, "1 day", "", False, "1 day overdue")
    assert s.tone == "red"
    assert s.sentence == ("Behind schedule at the update of 1 December 2023 (People Scrutiny Committee). "
                          "The target, March 2024, passed 1 day ago: it is 1 day overdue.")


def test_a_target_still_ahead_says_when(minimal):
    s, *_ = at(minimal, "school-transport-review", "1", D(2024, 3, 30))
    assert (s.overdue, s.overdue_for, s.due_in, s.due_today) == (False, "", "1 day", False)
    assert s.sentence.endswith(" The target is March 2024 (due in 1 day).")
    assert s.slipped and s.original_target.text != s.target.text and s.target.text == "March 2024"
    assert [u.revised_target.text for u in s.revisions] == ["March 2024"]


def test_a_target_with_no_due_day_says_what_is_known(councils):
    s, *_ = at(councils, "scraip-action-plan", "b", D(2014, 6, 30))
    assert (s.state, s.label, s.tone, s.closed, s.overdue, s.due_in) == ("no-update", "No update yet", "yellow",
                                                                        False, False, "")
    assert s.sentence == "No update yet (responded 24 July 2013). Target: TBC (no target date set)."


def test_a_closed_status_is_never_overdue(minimal):
    s, *_ = at(minimal, "school-transport-review", "2", D(2030, 1, 1))
    assert (s.closed, s.overdue, s.overdue_for, s.due_in, s.due_today, s.tone) == (True, False, "", "", False, "green")
    assert s.sentence == "Complete at the update of 1 March 2024 (People Scrutiny Committee)."
    early, *_ = at(minimal, "school-transport-review", "2", D(2024, 2, 29))  # its target day, already done
    assert (early.due_today, early.due_in) == (False, "")


def test_awaiting_sign_off_is_neither_closed_nor_overdue(councils):
    s, *_ = at(councils, "six-monthly-progress", "1.1", D(2014, 6, 30))
    assert (s.state, s.label, s.tone) == ("achieved-awaiting-sign-off", "1 Achieved (awaiting sign-off)", "blue")
    assert (s.closed, s.implemented, s.sign_off_pending, s.overdue, s.due_in) == (False, None, True, False, "")
    assert s.sentence == ("1 Achieved (awaiting sign-off) at the update of 10 January 2013. Members have not yet "
                          "signed it off as closed. An update was due by 10 January 2014 and none has been recorded.")


def test_signed_off_closes_it(councils):
    s, *_ = at(councils, "six-monthly-progress", "1.2", D(2014, 6, 30))
    assert (s.state, s.label, s.tone, s.closed, s.implemented, s.sign_off_pending) == (
        "achieved", "1 Achieved", "green", True, True, False)
    assert s.sentence == ("1 Achieved at the update of 10 January 2013. Signed off at Overview and Scrutiny "
                          "Committee on 5 February 2013.")
    assert s.missed_updates == ()


def test_closed_but_not_implemented_is_grey(councils):
    s, *_ = at(councils, "six-monthly-progress", "2", D(2014, 6, 30))
    assert (s.state, s.label, s.tone, s.closed, s.implemented) == ("not-achieved", "4 Not achieved", "grey", True, False)
    assert s.sentence == "4 Not achieved at the update of 10 January 2013."


def test_a_status_that_needs_a_revised_target_is_red(councils):
    s, *_ = at(councils, "scraip-action-plan", "a", D(2014, 6, 30))
    assert (s.state, s.label, s.tone, s.closed, s.overdue, s.due_in) == ("slipped", "3 Slipped", "red", False, False,
                                                                        "6 months")
    assert s.sentence == ("3 Slipped at the update of 15 January 2014 (Overview and Scrutiny Committee). "
                          "The target is Q3 2014/15 (due in 6 months).")


@pytest.mark.parametrize("as_of, missed", [
    (D(2013, 1, 9), ()),
    (D(2013, 7, 9), ()),                                  # the update of 10 January came for the first point
    (D(2013, 7, 10), (D(2013, 7, 10),)),                  # due on the day, and none came
    (D(2014, 1, 10), (D(2013, 7, 10), D(2014, 1, 10))),
])
def test_missed_updates_every_six_months(councils, as_of, missed):
    s, *_ = at(councils, "six-monthly-progress", "3", as_of)
    assert s.missed_updates == missed
    if missed:
        assert s.sentence.endswith(f" An update was due by {tracker.long_date(missed[-1])} and none has been recorded.")
    else:
        assert "An update was due" not in s.sentence


def test_missed_updates_at_named_meetings(councils):
    meetings = tuple(Activity(parse_known(day), "Overview and Scrutiny Committee")
                     for day in ("2012-06-01", "2012-12-01", "2013-03-01", "2013-09-01", "2014-09-01"))
    schedule = UpdateSchedule(None, meetings)
    s, *_ = at(councils, "six-monthly-progress", "3", D(2014, 6, 30), update_schedule=schedule)
    # 1 June 2012 is before the response (10 July 2012); the update of 10 January 2013 came
    # for 1 March 2013 (and, late, for 1 December 2012); none came for 1 September 2013; the
    # meeting of September 2014 is ahead
    assert s.missed_updates == (D(2013, 9, 1),)
    closed, *_ = at(councils, "six-monthly-progress", "2", D(2014, 6, 30), update_schedule=schedule)
    assert closed.missed_updates == ()
    awaited, *_ = at(councils, "partly-answered-review", "2", D(2014, 6, 30), update_schedule=schedule)
    assert awaited.missed_updates == ()
    no_response = dataclasses.replace(schedule, every_months=6, meetings=())
    none_recorded, *_ = at(councils, "select-committee-log", "ABC.140715.20b", D(2015, 1, 1),
                           update_schedule=no_response)
    assert none_recorded.missed_updates == ()  # counted from a response day that is not stated


def test_what_the_latest_round_changed(councils, minimal):
    pub = minimal
    report = pub.report("school-transport-review")
    config = pub.config
    one, two = report.recommendations[0], report.recommendations[1]
    s = tracker.standing(two, report, config)
    assert (s.changed, s.changed_on) == ("First update: Complete", parse_known("1 March 2024"))
    assert tracker.standing(one, report, config).changed == ""  # no update at the latest round
    first = one.updates[0]
    later = dataclasses.replace(first, date=parse_known("1 March 2024"))
    cases = [
        (dataclasses.replace(later, status=two.updates[0].status), "Status changed from Behind schedule to Complete"),
        (dataclasses.replace(later, revised_target=parse_target("June 2024")), "Target moved to June 2024"),
        (dataclasses.replace(later, revised_target=None), ""),
    ]
    for update, words in cases:
        rec = dataclasses.replace(one, updates=(first, update))
        changed = tracker.standing(rec, report, config)
        assert (changed.changed, changed.changed_on) == ((words, parse_known("1 March 2024")) if words else ("", None))
    signed = councils.report("six-monthly-progress").recommendations[1].updates[0].sign_off
    rec = dataclasses.replace(one, updates=(first, dataclasses.replace(later, revised_target=None, sign_off=signed)))
    assert tracker.standing(rec, report, config).changed == "Signed off as closed"
    alone = dataclasses.replace(report, recommendations=(one,))
    assert tracker.standing(one, alone, config).changed == ""  # one round only: nothing before it


def test_decisions_in_the_councils_words(councils):
    pub = councils
    cases = {
        ("cabinet-decision-notice", "6(a)"): ("Yes by Cabinet in March 2014", "no-update", "No update yet",
                                              "No update yet (responded March 2014)."),
        ("cabinet-decision-notice", "7"): ("Recorded in Cabinet, 12 March 2014, minute 23 (not reproduced here)",
                                           "recorded-elsewhere", "Response recorded elsewhere",
                                           "A response is recorded in Cabinet, 12 March 2014, minute 23; it is not "
                                           "reproduced here. No update yet."),
        ("select-committee-log", "ABC.140715.21"): ("No response required", "not-required", "No response required",
                                                    "No executive response is due: it is addressed to Environment Agency."),
        ("scraip-action-plan", "c"): ("Not agreed by Cabinet on 24 July 2013", "no-action", "No action (not agreed)",
                                      "Not agreed: no action follows this decision."),
        ("partly-answered-review", "1"): ("Agreed on 30 July 2013", "no-update", "No update yet",
                                          "No update yet (responded 30 July 2013)."),
    }
    for (report_id, number), (words, state, label, sentence) in cases.items():
        s, rec, report, _ = at(pub, report_id, number, D(2013, 10, 1))
        assert tracker.decision_words(rec, report, s) == words
        assert (s.state, s.label) == (state, label)
        assert s.sentence.startswith(sentence)
    c, *_ = at(pub, "scraip-action-plan", "c", D(2013, 10, 1))
    assert (c.closed, c.tone, c.implemented) == (True, "grey", None)


def test_no_decision_recorded_and_a_partner_nobody_named(councils):
    s, rec, report, config = at(councils, "select-committee-log", "ABC.140715.20b", D(2014, 6, 30))
    assert tracker.decision_words(rec, report, s) == "No decision recorded"
    bare = dataclasses.replace(rec, updates=())
    s = tracker.standing(bare, report, config)
    assert (s.state, s.label, s.tone) == ("no-decision", "No decision recorded", "yellow")
    assert s.sentence == "The executive has not recorded a decision on it, and no progress is recorded."
    other = report.recommendation(RecNumber.parse("ABC.140715.21"))
    s = tracker.standing(dataclasses.replace(other, addressed_to=""), report, config)
    assert s.sentence == "No executive response is due: it is addressed to the committee itself or a partner."


def test_who_decided_comes_from_the_response_before_the_report(councils):
    s, rec, report, _ = at(councils, "scraip-action-plan", "a", D(2014, 6, 30))
    assert tracker.decision_maker(rec, report) == "Cabinet"
    own = dataclasses.replace(rec, response=dataclasses.replace(rec.response, decision_maker="Portfolio Holder"))
    assert tracker.decision_maker(own, report) == "Portfolio Holder"
    assert tracker.decision_words(own, report, s) == "Agreed by Portfolio Holder on 24 July 2013"
    assert tracker.decision_maker(rec, dataclasses.replace(report, executive_response=None)) == ""


@pytest.mark.parametrize("meeting, day, words", [
    ("Overview and Scrutiny Committee", "2013-02-05", "Signed off at Overview and Scrutiny Committee on 5 February 2013."),
    ("Overview and Scrutiny Committee", None, "Signed off at Overview and Scrutiny Committee."),
    ("", "2013-02-05", "Signed off on 5 February 2013."),
    ("", None, "Signed off."),
])
def test_sign_off_says_what_the_content_states(councils, meeting, day, words):
    from scrutiny.model import SignOff

    s, rec, report, config = at(councils, "six-monthly-progress", "1.2", D(2014, 6, 30))
    update = dataclasses.replace(rec.updates[0], sign_off=SignOff(parse_known(day) if day else None, meeting))
    s = tracker.standing(dataclasses.replace(rec, updates=(update,)), report, config)
    assert s.sentence == f"1 Achieved at the update of 10 January 2013. {words}"
    assert s.closed and s.last_update == parse_known("10 January 2013")


@pytest.mark.parametrize("day, by, words", [
    ("2013-07-30", "Cabinet", "Agreed by Cabinet on 30 July 2013"),
    ("July 2013", "Cabinet", "Agreed by Cabinet in July 2013"),
    ("2013-07-30", "", "Agreed on 30 July 2013"),
    ("July 2013", "", "Agreed in July 2013"),
    (None, "Cabinet", "Agreed by Cabinet"),
    (None, "", "Agreed"),
])
def test_the_decision_says_who_and_when_as_stated(councils, day, by, words):
    s, rec, report, _ = at(councils, "partly-answered-review", "1", D(2014, 6, 30))
    response = dataclasses.replace(rec.response, date=parse_known(day) if day else None, decision_maker=by)
    report = dataclasses.replace(report, executive_response=None)
    assert tracker.decision_words(dataclasses.replace(rec, response=response), report, s) == words


def test_without_a_response_the_words_stand_for_none(councils):
    s, rec, report, config = at(councils, "partly-answered-review", "2", D(2013, 8, 1))
    assert tracker.decision_words(dataclasses.replace(rec, response_state="something-else"), report, s) == (
        "Awaiting response")
    assert tracker._responded(rec, report, None) == ""
    assert s.last_update is None and s.implemented is None


def test_a_closing_decision_says_whether_it_was_implemented(councils):
    s, rec, report, config = at(councils, "scraip-action-plan", "c", D(2014, 6, 30))
    done = dataclasses.replace(rec.response.decision, implemented=True)
    rec = dataclasses.replace(rec, response=dataclasses.replace(rec.response, decision=done))
    s = tracker.standing(rec, report, config)
    assert (s.closed, s.implemented) == (True, True)


def test_the_report_message_for_one_of_several_and_two_of_two(councils):
    report = councils.report("partly-answered-review")
    config = dataclasses.replace(councils.config, as_of=D(2013, 8, 1))
    standings = [tracker.standing(r, report, config) for r in report.recommendations]
    assert tracker.report_message(report, standings[:2], config) == (
        "1 of 2 recommendations have no recorded response (due 8 August 2013).")
    assert tracker.report_message(report, standings[1:3], config) == (
        "None of the 2 recommendations has a recorded response (due 8 August 2013).")


def test_a_response_without_a_day_says_so(councils):
    s, rec, report, config = at(councils, "partly-answered-review", "1", D(2013, 10, 1))
    undated = dataclasses.replace(rec, response=dataclasses.replace(rec.response, date=None))
    s = tracker.standing(undated, report, config)
    assert (s.state, s.label, s.tone) == ("no-update", "No update yet", "yellow")
    assert s.sentence.startswith("No update yet (response date not stated).")


def test_states_and_tones_without_a_decision(councils):
    elsewhere, *_ = at(councils, "cabinet-decision-notice", "7", D(2014, 6, 30))
    assert (elsewhere.state, elsewhere.tone) == ("recorded-elsewhere", "blue")
    partner, *_ = at(councils, "select-committee-log", "ABC.140715.21", D(2014, 6, 30))
    assert (partner.state, partner.tone, partner.closed) == ("not-required", "grey", False)
    unknown, *_ = at(councils, "partly-answered-review", "2", D(2030, 1, 1), sent_to_executive=None)
    assert unknown.state == "awaiting-response"


def test_named_meetings_on_the_response_day_and_the_as_of_day(councils):
    meetings = tuple(Activity(parse_known(day), "Committee") for day in ("2012-07-10", "2013-09-01", "2014-06-30"))
    schedule = UpdateSchedule(None, meetings)
    s, *_ = at(councils, "six-monthly-progress", "3", D(2014, 6, 30), update_schedule=schedule)
    # the update of 10 January 2013 came for September 2013; none for the meeting on the as-of day
    assert s.missed_updates == (D(2014, 6, 30),)
    s, *_ = at(councils, "six-monthly-progress", "3", D(2014, 6, 29), update_schedule=schedule)
    assert s.missed_updates == ()
    report = dataclasses.replace(councils.report("six-monthly-progress"), update_schedule=schedule)
    config = dataclasses.replace(councils.config, as_of=D(2014, 6, 30))
    rec = report.recommendations[3]
    # without any update: the meeting on the day of the response (10 July 2012) is not one
    # an update was due at; the later two are
    silent = dataclasses.replace(rec, updates=())
    assert tracker.standing(silent, report, config).missed_updates == (D(2013, 9, 1), D(2014, 6, 30))
    # no response day: every meeting up to the as-of day counts
    no_day = dataclasses.replace(silent, response=None, response_state="none-recorded")
    assert tracker.standing(no_day, report, config).missed_updates == (D(2012, 7, 10), D(2013, 9, 1), D(2014, 6, 30))
