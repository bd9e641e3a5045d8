"""What the templates show about reports and recommendations: small frozen views.

Status and decision are always shown as words (a tag); the colour only repeats them.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from ..dates import TargetDate
from ..model import Person, Recommendation, Report, Term, Update
from ..publication import Publication
from ..tracker import Standing
from ..urls import recommendation_url, report_url

DECISION_COLOURS = {
    "accepted": "green",
    "partially-accepted": "turquoise",
    "accepted-in-principle": "blue",
    "rejected": "red",
    "noted": "grey",
}
STATUS_COLOURS = {
    "complete": "green",
    "on-track": "blue",
    "behind-schedule": "orange",
    "not-started": "grey",
    "not-implemented": "red",
    "superseded": "grey",
    "awaiting-response": "yellow",
}
AWAITING_DECISION = Term("awaiting", "Awaiting response")


@dataclass(frozen=True)
class Tag:
    """A GOV.UK-style tag: words first, colour as a repeat of them."""

    label: str
    colour: str = "grey"


def decision_tag(term: Term | None) -> Tag:
    if term is None:
        return Tag(AWAITING_DECISION.label, "yellow")
    return Tag(term.label, DECISION_COLOURS.get(term.id, "grey"))


def status_tag(term: Term) -> Tag:
    return Tag(term.label, STATUS_COLOURS.get(term.id, "grey"))


def long_date(day: dt.date | None) -> str:
    """``27 June 2013`` (GOV.UK style), independent of the machine's locale."""
    return f"{day.day} {calendar.month_name[day.month]} {day.year}" if day else ""


def file_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def person(p: Person) -> str:
    return str(p)


@dataclass(frozen=True)
class TimelineEntry:
    """One progress update, with the target it replaced when it moved the date."""

    update: Update
    status: Tag
    revised_from: TargetDate | None


def timeline(rec: Recommendation, config_statuses: tuple[Term, ...]) -> tuple[TimelineEntry, ...]:
    target = rec.original_target
    out = []
    for update in rec.updates:
        term = next((t for t in config_statuses if t.id == update.status), Term(update.status, update.status))
        revised_from = target if update.revised_target else None
        if update.revised_target:
            target = update.revised_target
        out.append(TimelineEntry(update, status_tag(term), revised_from))
    return tuple(out)


@dataclass(frozen=True)
class RecView:
    """A recommendation with its standing on the as-of date."""

    report: Report
    rec: Recommendation
    standing: Standing

    @property
    def number(self) -> str:
        return str(self.rec.number)

    @property
    def url(self) -> str:
        return recommendation_url(self.report.id, self.rec.number)

    @property
    def report_url(self) -> str:
        return report_url(self.report.id)

    @property
    def decision(self) -> Tag:
        return decision_tag(self.standing.decision)

    @property
    def status(self) -> Tag:
        return status_tag(self.standing.status)

    @property
    def flags(self) -> tuple[Tag, ...]:
        """Accountability flags, as words: overdue, response overdue, date revised."""
        out = []
        if self.standing.overdue:
            out.append(Tag("Overdue", "red"))
        if self.standing.response_overdue:
            out.append(Tag("Response overdue", "red"))
        if self.standing.slipped:
            out.append(Tag("Date revised", "purple"))
        return tuple(out)

    @property
    def owners(self) -> str:
        return "; ".join(str(p) for p in self.rec.owners)


def rec_views(pub: Publication, report: Report) -> tuple[RecView, ...]:
    return tuple(RecView(report, rec, pub.standing(report, rec)) for rec in report.recommendations)


@dataclass(frozen=True)
class Counts:
    """How many recommendations are open, overdue, awaiting or overdue a response."""

    total: int
    open: int
    overdue: int
    awaiting: int
    response_overdue: int
    closed: int

    @classmethod
    def of(cls, views: list[RecView] | tuple[RecView, ...]) -> "Counts":
        s = [v.standing for v in views]
        return cls(
            total=len(s),
            open=sum(not x.closed for x in s),
            overdue=sum(x.overdue for x in s),
            awaiting=sum(x.decision is None for x in s),
            response_overdue=sum(x.response_overdue for x in s),
            closed=sum(x.closed for x in s),
        )


def decision_counts(views: tuple[RecView, ...], decisions: tuple[Term, ...]) -> tuple[tuple[Tag, int], ...]:
    """(decision tag, count) in vocabulary order, then awaiting; zero counts left out."""
    out = []
    for term in decisions:
        n = sum(1 for v in views if v.standing.decision and v.standing.decision.id == term.id)
        if n:
            out.append((decision_tag(term), n))
    awaiting = sum(1 for v in views if v.standing.decision is None)
    if awaiting:
        out.append((decision_tag(None), awaiting))
    return tuple(out)
