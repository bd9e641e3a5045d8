"""Accountability: where each recommendation stands on the build's ``as_of`` date, and the
words every output uses to say so.

The truth rule: a status is shown only when an update states it; a deadline or due day
only when the content gives what it is computed from; otherwise the words say what is
not known. Every page, tracker, data file and format takes its words from here.

- A target passed without a closed status is **overdue** ("3 months overdue"), and the
  words say when the last status was given, so "on track" and "overdue" never disagree.
- A report sent to the executive more than ``response_months`` (two in England) ago with a
  recommendation that has no response is **response overdue**; when the day it was sent
  is not stated, the deadline is unknown and never flagged.
- A closed status that needs members' sign-off counts as closed only once signed off.
- An update schedule makes an update that was due and did not come visible.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from .dates import KnownDate, TargetDate, add_months, duration_words, long_date
from .i18n import N_, _, ngettext
from .model import Recommendation, Report, SiteConfig, Term, Update

__all__ = ["Standing", "standing", "report_message", "add_months", "NO_DECISION_WORDS", "decision_words"]

#: What stands for the decision when none is recorded, by response state.
NO_DECISION_WORDS = {
    "awaited": N_("Awaiting response"),
    "not-required": N_("No response required"),
    "none-recorded": N_("No decision recorded"),
    "given": N_("Recorded elsewhere"),
}


@dataclass(frozen=True)
class Standing:
    """One recommendation's position on the as-of date, as every output shows it."""

    decision: Term | None
    """The executive's decision, or None when none is recorded here."""
    status: Term | None
    """The latest update's status; None when no update states one."""
    state: str
    """Id for filters: the status id, or ``awaiting-response``, ``no-update``,
    ``not-required``, ``no-decision``, ``recorded-elsewhere``, ``no-action``."""
    label: str
    """Short words for a table cell or tag ("On track", "No update yet")."""
    sentence: str
    """The full position in one or two sentences, with dates and for how long."""
    tone: str
    """Colour family of its tag: green, blue, yellow, red or grey (never the only cue)."""
    closed: bool
    """No further action is expected (closed status, signed off where needed; or a
    decision after which no action follows)."""
    implemented: bool | None
    target: TargetDate | None
    """Current target (after revisions)."""
    original_target: TargetDate | None
    revisions: tuple[Update, ...]
    """Updates that moved the target date, oldest first."""
    overdue: bool
    """The current target's due day has passed and it is not closed."""
    overdue_for: str
    """"3 months" when overdue, else ""."""
    due_in: str
    """"2 weeks" while open and the due day is still ahead, else ""."""
    response_expected: bool
    response_due: dt.date | None
    """The response deadline, when the day the report reached the executive is known."""
    response_overdue: bool
    """No response, one is expected, and the deadline has passed."""
    awaiting_for: str
    """How long a response has been awaited since the deadline ("28 months"), else ""."""
    last_update: KnownDate | None
    sign_off_pending: bool
    """The latest status would close it, but members have not signed it off."""
    missed_updates: tuple[dt.date, ...]
    """Days an update was due by the report's schedule and none came."""
    changed: str = ""
    """What its update at the report's latest update round changed ("Status changed from
    On track to Complete", "First update", "Target moved to March 2015"), else ""."""
    changed_on: KnownDate | None = None
    """The date of that round, when ``changed`` says something."""
    due_today: bool = False
    """Open, and its target falls due on the as-of day."""

    @property
    def slipped(self) -> bool:
        return bool(self.revisions)

    @property
    def flag(self) -> str:
        """The warning beside the status, or ""."""
        if self.overdue:
            return _("%(time)s overdue", time=self.overdue_for)
        if self.response_overdue:
            return _("Response overdue")
        return ""


def decision_maker(rec: Recommendation, report: Report) -> str:
    """Who took the decision, as stated by the response or the report; "" when not stated."""
    if rec.response and rec.response.decision_maker:
        return rec.response.decision_maker
    return report.executive_response.decision_maker if report.executive_response else ""


def decision_words(rec: Recommendation, report: Report, s: "Standing") -> str:
    """The decision with who took it and when, as the content states them:
    "Accepted by Cabinet on 27 June 2013", "Awaiting response (overdue)"."""
    if s.decision is None:
        words = _(NO_DECISION_WORDS.get(rec.response_state, NO_DECISION_WORDS["awaited"]))
        if rec.response and rec.response.recorded_in:
            return _("Recorded in %(where)s (not reproduced here)", where=rec.response.recorded_in)
        return _("%(decision)s (overdue)", decision=words) if s.response_overdue else words
    return _responded(rec, report, s.decision).rstrip(".")


def response_deadline(report: Report, config: SiteConfig) -> dt.date | None:
    """When the executive must respond: ``response_months`` after the report reached it
    (counted from the last day it can have, when only the month is stated)."""
    if report.sent_to_executive is None:
        return None
    months = next((c.response_months for c in config.committees if c.id == report.committee), 2)
    return add_months(report.sent_to_executive.last, months)


def standing(rec: Recommendation, report: Report, config: SiteConfig) -> Standing:
    as_of = config.as_of
    response = rec.response
    decision = response.decision if response else None
    latest = rec.updates[-1] if rec.updates else None
    status = latest.status if latest else None
    expected = rec.response_state == "awaited"
    deadline = response_deadline(report, config) if expected else None
    response_overdue = deadline is not None and as_of > deadline

    sign_off_pending = bool(status and status.closed and status.needs_sign_off and not latest.sign_off)
    closed = bool((status and status.closed and not sign_off_pending) or (not latest and decision and decision.closed))
    # as the content states it: a closed decision counts as not implemented only when its term says so
    implemented = status.implemented if status and closed else (decision.implemented if decision and decision.closed else None)
    target = rec.current_target
    # reported done but awaiting sign-off is not "overdue": the words say it awaits sign-off
    overdue = bool(target and not closed and not sign_off_pending and target.is_overdue(as_of))
    overdue_for = duration_words(target.due, as_of) if overdue else ""
    due_in = (duration_words(as_of, target.due) if target and target.due and target.due > as_of and not closed
              and not overdue else "")

    state, label, tone, sentence = _position(rec, report, decision, latest, deadline, as_of, sign_off_pending)
    if overdue:
        sentence += " " + _("The target, %(target)s, passed %(time)s ago: it is %(time)s overdue.",
                            target=target.display, time=overdue_for)
        tone = "red"
    elif target and not closed and not sign_off_pending and target.due:
        sentence += " " + (_("The target is %(target)s (due today).", target=target.display) if target.due == as_of
                           else _("The target is %(target)s (due in %(time)s).", target=target.display, time=due_in))
    elif target and not closed and not sign_off_pending:
        sentence += " " + _("Target: %(target)s (%(due)s).", target=target.display, due=target.due_words)
    missed = _missed_updates(rec, report, closed, as_of)
    if missed:
        sentence += " " + _("An update was due by %(day)s and none has been recorded.", day=long_date(missed[-1]))
    return Standing(decision, status, state, label, sentence, tone, closed, implemented, target,
                    rec.original_target, tuple(u for u in rec.updates if u.revised_target), overdue, overdue_for,
                    due_in, expected, deadline, response_overdue,
                    duration_words(deadline, as_of) if response_overdue else "",
                    latest.date if latest else None, sign_off_pending, missed, *_change(rec, report),
                    bool(target and target.due == as_of and not closed and not sign_off_pending))


def _position(rec: Recommendation, report: Report, decision: Term | None, latest: Update | None,
              deadline: dt.date | None, as_of: dt.date, sign_off_pending: bool) -> tuple[str, str, str, str]:
    """(state id, short label, tone, sentence) before targets are considered."""
    response = rec.response
    if latest is not None:
        status = latest.status
        label = _("%(status)s (awaiting sign-off)", status=status.display) if sign_off_pending else status.display
        sentence = (_("%(status)s at the update of %(day)s (%(meeting)s).", status=label, day=latest.date.display,
                      meeting=latest.meeting) if latest.meeting
                    else _("%(status)s at the update of %(day)s.", status=label, day=latest.date.display))
        if sign_off_pending:
            sentence += " " + _("Members have not yet signed it off as closed.")
        elif status.closed and latest.sign_off:
            sentence += " " + _signed_off(latest.sign_off)
        return status.id + ("-awaiting-sign-off" if sign_off_pending else ""), label, _tone(status, sign_off_pending), sentence
    if rec.response_state == "not-required":
        who = rec.addressed_to or _("the committee itself or a partner")
        return ("not-required", _("No response required"), "grey",
                _("No executive response is due: it is addressed to %(who)s.", who=who))
    if rec.response_state == "none-recorded":
        return ("no-decision", _("No decision recorded"), "yellow",
                _("The executive has not recorded a decision on it, and no progress is recorded."))
    if response is not None and decision is None:
        return ("recorded-elsewhere", _("Response recorded elsewhere"), "blue",
                _("A response is recorded in %(where)s; it is not reproduced here. No update yet.",
                  where=response.recorded_in))
    if response is not None and decision is not None and decision.closed:
        return ("no-action", _("No action (%(decision)s)", decision=decision.label.lower()), "grey",
                _("%(decision)s: no action follows this decision.", decision=decision.display))
    if response is not None:
        return ("no-update", _("No update yet"), "yellow",
                _("No update yet (responded %(day)s).", day=long_date(response.date)) if response.date
                else _("No update yet (response date not stated)."))
    if deadline is None:
        return ("awaiting-response", _("Awaiting response"), "yellow",
                _("Awaiting the executive's response. The deadline is unknown: the report does not say when it "
                  "went to the executive."))
    if as_of > deadline:
        return ("awaiting-response", _("Response overdue"), "red",
                _("Awaiting a response for %(time)s past its deadline of %(day)s.",
                  time=duration_words(deadline, as_of), day=long_date(deadline)))
    return ("awaiting-response", _("Awaiting response"), "yellow",
            _("Awaiting the executive's response, due by %(day)s.", day=long_date(deadline)))


def _signed_off(so) -> str:
    """"Signed off at Cabinet on 1 May 2014." with what the content states."""
    if so.meeting and so.date:
        return _("Signed off at %(meeting)s on %(day)s.", meeting=so.meeting, day=long_date(so.date))
    if so.meeting:
        return _("Signed off at %(meeting)s.", meeting=so.meeting)
    if so.date:
        return _("Signed off on %(day)s.", day=long_date(so.date))
    return _("Signed off.")


def _responded(rec: Recommendation, report: Report, decision: Term | None) -> str:
    """"Accepted by Cabinet on 27 June 2013." in the words the content gives."""
    response = rec.response
    if response is None or decision is None:
        return ""
    by = decision_maker(rec, report)
    values = {"decision": decision.display, "by": by, "day": long_date(response.date) if response.date else ""}
    if response.date and by:
        return (_("%(decision)s by %(by)s on %(day)s.", **values) if response.date.precision == "day"
                else _("%(decision)s by %(by)s in %(day)s.", **values))
    if response.date:
        return (_("%(decision)s on %(day)s.", **values) if response.date.precision == "day"
                else _("%(decision)s in %(day)s.", **values))
    return _("%(decision)s by %(by)s.", **values) if by else _("%(decision)s.", **values)


def _tone(status: Term, sign_off_pending: bool) -> str:
    if sign_off_pending:
        return "blue"
    if status.closed:
        return "green" if status.implemented is not False else "grey"
    if status.needs_revised_target:
        return "red"
    return "blue"


def update_rounds(recs: Iterable[Recommendation]) -> tuple[KnownDate, ...]:
    """The update rounds of some recommendations: the dates updates were given, oldest first."""
    return tuple(sorted({u.date for r in recs for u in r.updates}, key=lambda d: (d.last, d.first)))


def _change(rec: Recommendation, report: Report) -> tuple[str, KnownDate | None]:
    """What the recommendation's update at the latest round changed since the round
    before, in words; nothing before a report's second round (there is no before)."""
    rounds = update_rounds(report.recommendations) if rec.updates else ()
    if len(rounds) < 2 or rec.updates[-1].date != rounds[-1]:
        return "", None
    latest = rec.updates[-1]
    before = rec.updates[-2] if len(rec.updates) > 1 else None
    if before is None:
        words = _("First update: %(status)s", status=latest.status.display)
    elif before.status.id != latest.status.id:
        words = _("Status changed from %(before)s to %(after)s", before=before.status.display,
                  after=latest.status.display)
    elif latest.revised_target:
        words = _("Target moved to %(target)s", target=latest.revised_target.display)
    elif latest.sign_off and not before.sign_off:
        words = _("Signed off as closed")
    else:
        return "", None
    return words, latest.date


def _missed_updates(rec: Recommendation, report: Report, closed: bool, as_of: dt.date) -> tuple[dt.date, ...]:
    """Schedule points up to ``as_of`` with no update since the point before (open ones only)."""
    schedule = report.update_schedule
    if schedule is None or closed or rec.response_state not in ("given", "none-recorded"):
        return ()
    start = rec.response.date.last if rec.response and rec.response.date else None
    if schedule.every_months:
        if start is None:
            return ()
        points, k = [], 1
        while (p := add_months(start, schedule.every_months * k)) <= as_of and k < 100:
            points.append(p)
            k += 1
    else:
        points = [m.date.last for m in schedule.meetings if m.date.last <= as_of and (start is None or m.date.last > start)]
    missed, previous = [], start or dt.date.min
    for point in points:
        # missed when no update came in its period, nor late, after it
        if not any(previous < u.date.last for u in rec.updates):
            missed.append(point)
        previous = point
    return tuple(missed)


def report_message(report: Report, standings: list[Standing], config: SiteConfig) -> str:
    """What is true of the report's responses, counted: "5 of 9 recommendations have no
    recorded response (due 8 August 2011)"; "" when every expected response is in."""
    awaited = [s for s in standings if s.response_expected]
    if not awaited:
        return ""
    total = len(standings)
    deadline = response_deadline(report, config)
    if len(awaited) == total:
        head = (_("None of the %(total)s recommendations has a recorded response", total=total) if total > 1
                else _("The recommendation has no recorded response"))
    else:
        head = ngettext("%(num)s of %(total)s recommendations have no recorded response",
                        "%(num)s of %(total)s recommendations have no recorded response", len(awaited), total=total)
    if deadline is None:
        return _("%(head)s. The deadline for the response is unknown: the report does not say when it went to "
                 "the executive.", head=head)
    if config.as_of > deadline:
        return _("%(head)s (due %(day)s; %(time)s overdue).", head=head, day=long_date(deadline),
                 time=duration_words(deadline, config.as_of))
    return _("%(head)s (due %(day)s).", head=head, day=long_date(deadline))
