"""A report "at a glance": when it went to the executive, when the response was due and
given, the decisions, where the recommendations stand, and the last update, each as
the content states it (a date the content does not give is said to be unknown)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..i18n import _
from ..dates import KnownDate, long_date
from ..model import Report, SiteConfig
from ..tracker import response_deadline
from .views import RecView, Tag, decision_counts, standing_tag


@dataclass(frozen=True)
class Share:
    """One part of the status bar: a status in words, how many, and its width."""

    tag: Tag
    count: int
    percent: float


@dataclass(frozen=True)
class Glance:
    sent: KnownDate | None
    response_due: dt.date | None
    responded: str
    """When the response was given, in words ("27 June 2013", "between 2 and 9 July
    2013"), or "Not yet given" / "Not stated"."""
    decisions: tuple[tuple[Tag, int], ...]
    standing: tuple[Share, ...]
    last_update: KnownDate | None
    total: int

    @property
    def standing_words(self) -> str:
        """The status bar in words: "Of 6: 3 Complete, 2 On track and 1 No update yet",
        "All 20: Awaiting response"."""
        if len(self.standing) == 1:
            return (_("All %(total)s: %(status)s", total=self.total, status=self.standing[0].tag.label)
                    if self.total > 1 else self.standing[0].tag.label)
        parts = [f"{s.count} {s.tag.label}" for s in self.standing]
        if not parts:
            return ""
        return _("Of %(total)s: %(parts)s and %(last)s", total=self.total, parts=", ".join(parts[:-1]), last=parts[-1])


def _responded(report: Report, views: tuple[RecView, ...]) -> str:
    er = report.executive_response
    if er is not None and er.date is not None:
        return long_date(er.date)
    dates = sorted({v.rec.response.date for v in views if v.rec.response and v.rec.response.date},
                   key=lambda d: (d.first, d.last))
    answered = any(v.rec.response for v in views)
    if not dates:
        return _("Date not stated") if answered else _("Not yet given")
    if len(dates) == 1:
        return long_date(dates[0])
    return _("between %(first)s and %(last)s", first=long_date(dates[0]), last=long_date(dates[-1]))


def glance(report: Report, views: tuple[RecView, ...], config: SiteConfig) -> Glance:
    counts: dict[str, tuple[Tag, int]] = {}
    for v in views:
        tag = standing_tag(v.standing)
        counts[tag.label] = (tag, counts.get(tag.label, (tag, 0))[1] + 1)
    total = len(views)
    shares = tuple(Share(tag, n, round(100 * n / total, 1)) for tag, n in
                   sorted(counts.values(), key=lambda c: -c[1])) if total else ()
    updates = [v.standing.last_update for v in views if v.standing.last_update]
    return Glance(
        sent=report.sent_to_executive,
        response_due=response_deadline(report, config),
        responded=_responded(report, views),
        decisions=decision_counts(views, config.decisions),
        standing=shares,
        last_update=max(updates, key=lambda d: (d.last, d.first)) if updates else None,
        total=total,
    )
