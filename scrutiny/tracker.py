"""Accountability: where each recommendation stands on the build's ``as_of`` date.

- A target passed without a closed status (complete, ...) is **overdue**.
- A report sent to the executive more than two months ago with a recommendation that
  has no response is **response overdue** (the executive must respond within two months).
- A revised target keeps the original, the new date and the reason.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from .dates import TargetDate
from .model import Recommendation, Report, SiteConfig, Term, Update

AWAITING = Term("awaiting-response", "Awaiting response")
NOT_STARTED = Term("not-started", "Not started")


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Standing:
    """One recommendation's position on the as-of date, as every tracker shows it."""

    decision: Term | None
    """The executive's decision, or None while awaited."""
    status: Term
    """Latest update's status; "awaiting response" or "not started" without updates."""
    target: TargetDate | None
    """Current target (after revisions)."""
    original_target: TargetDate | None
    revisions: tuple[Update, ...]
    """Updates that moved the target date, oldest first."""
    overdue: bool
    """Target date passed and the status is not closed."""
    response_due: dt.date | None
    """Two months after the report went to the executive."""
    response_overdue: bool
    """No response and the two months have passed."""

    @property
    def closed(self) -> bool:
        return self.status.closed

    @property
    def slipped(self) -> bool:
        return bool(self.revisions)


def standing(rec: Recommendation, report: Report, config: SiteConfig) -> Standing:
    as_of = config.as_of
    response_due = add_months(report.sent_to_executive, 2) if report.sent_to_executive else None
    decision = _term(config.decisions, rec.response.decision) if rec.response else None
    if rec.updates:
        status = _term(config.statuses, rec.updates[-1].status)
    elif decision is not None and decision.closed:
        status = Term(f"no-action-{decision.id}", f"No action ({decision.label.lower()})", closed=True)
    elif rec.response:
        status = _term(config.statuses, "not-started", NOT_STARTED)
    else:
        status = AWAITING
    target = rec.current_target
    overdue = bool(rec.response and target and not status.closed and target.is_overdue(as_of))
    response_overdue = rec.response is None and response_due is not None and as_of > response_due
    revisions = tuple(u for u in rec.updates if u.revised_target)
    return Standing(decision, status, target, rec.original_target, revisions, overdue, response_due, response_overdue)


def _term(terms: tuple[Term, ...], term_id: str, default: Term | None = None) -> Term:
    found = next((t for t in terms if t.id == term_id), default)
    return found if found is not None else Term(term_id, term_id.replace("-", " ").capitalize())
