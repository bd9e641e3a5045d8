"""A recommendation's history as its page shows it: the status at each update, what each
update changed, and how far the target moved in total, from the updates as written."""

from __future__ import annotations

from dataclasses import dataclass

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
    change: str


def steps(rec: Recommendation) -> tuple[Step, ...]:
    """The updates of :func:`~.views.timeline` with the target after each and what changed."""
    out, target, before = [], rec.original_target, None
    for entry in timeline(rec):
        u, changes = entry.update, []
        if before is None:
            changes.append("First update")
        elif before.status.id != u.status.id:
            changes.append(f"Status was {before.status.display}")
        if u.revised_target:
            changes.append(f"Target moved from {entry.revised_from.display if entry.revised_from else 'none given'}")
            target = u.revised_target
        if u.sign_off:
            changes.append("Signed off as closed")
        out.append(Step(u.date, u.meeting, entry.status, target, "; ".join(changes) or "No change"))
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
    times = "once" if n == 1 else "twice" if n == 2 else f"{n} times"
    first, last = standing.original_target, standing.target
    ends = f"from {first.display if first else 'none given'} to {last.display if last else 'none given'}"
    if first and last and first.due and last.due and first.due != last.due:
        way = "later" if last.due > first.due else "earlier"
        return f"Moved {times}: {duration_words(first.due, last.due)} {way} in all ({ends})"
    return f"Moved {times} ({ends})"
