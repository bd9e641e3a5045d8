"""A recommendation's history as its page shows it: the status at each update, what each
update changed, and how far the target moved in total, from the updates as written."""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_, _
from ..dates import KnownDate, TargetDate, duration_words
from ..model import Recommendation
from ..tracker import Standing
from .views import Tag, timeline


@dataclass(frozen=True)
class Step:
    """One update: when, the status it gave, the target after it, and what it changed."""

    date: KnownDate
    meeting: str
    status: Tag
    target: TargetDate | None
    first: bool
    was: str
    """The status before, when this update changed it, else ""."""
    moved_from: str | None
    """The target it replaced when it moved the target ("" for none given), else None."""
    signed_off: bool

    @property
    def status_changed(self) -> bool:
        return bool(self.was)

    @property
    def moved(self) -> bool:
        return self.moved_from is not None

    @property
    def change(self) -> str:
        """What it changed, in words: "Status was On track; Target moved from June 2023"."""
        changes = []
        if self.first:
            changes.append(_("First update"))
        if self.was:
            changes.append(_("Status was %(status)s", status=self.was))
        if self.moved_from is not None:
            changes.append(_("Target moved from %(target)s", target=self.moved_from or _("none given")))
        if self.signed_off:
            changes.append(_("Signed off as closed"))
        return "; ".join(changes) or _("No change")


def steps(rec: Recommendation) -> tuple[Step, ...]:
    """The updates of :func:`~.views.timeline` with the target after each and what changed."""
    out, target, before = [], rec.original_target, None
    for entry in timeline(rec):
        u = entry.update
        was = before.status.display if before is not None and before.status.id != u.status.id else ""
        moved_from = None
        if u.revised_target:
            moved_from = entry.revised_from.display if entry.revised_from else ""
            target = u.revised_target
        out.append(Step(u.date, u.meeting, entry.status, target, before is None, was, moved_from, bool(u.sign_off)))
        before = u
    return tuple(out)


def target_moved(standing: Standing) -> str:
    """How far the target moved in all, in words; "" when it never moved.

    "Moved twice: 9 months later in all (from June 2013 to March 2014)"; when either end
    has no due day, only the times and the two targets are said.
    """
    if not standing.revisions:
        return ""
    n = len(standing.revisions)
    first, last = standing.original_target, standing.target
    values = {"first": first.display if first else _("none given"), "last": last.display if last else _("none given"),
              "num": n}
    if first and last and first.due and last.due and first.due != last.due:
        values["time"] = duration_words(first.due, last.due)
        if last.due > first.due:
            return _(_times(n, N_("Moved once: %(time)s later in all (from %(first)s to %(last)s)"),
                            N_("Moved twice: %(time)s later in all (from %(first)s to %(last)s)"),
                            N_("Moved %(num)s times: %(time)s later in all (from %(first)s to %(last)s)")), **values)
        return _(_times(n, N_("Moved once: %(time)s earlier in all (from %(first)s to %(last)s)"),
                        N_("Moved twice: %(time)s earlier in all (from %(first)s to %(last)s)"),
                        N_("Moved %(num)s times: %(time)s earlier in all (from %(first)s to %(last)s)")), **values)
    return _(_times(n, N_("Moved once (from %(first)s to %(last)s)"), N_("Moved twice (from %(first)s to %(last)s)"),
                    N_("Moved %(num)s times (from %(first)s to %(last)s)")), **values)


def _times(n: int, once: str, twice: str, many: str) -> str:
    """The message for ``n`` times (English says "once" and "twice"); translated after."""
    return once if n == 1 else twice if n == 2 else many
