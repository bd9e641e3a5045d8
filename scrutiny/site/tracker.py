"""Tracker tables: one row per recommendation, with what the filters match on.

Rows carry their filter values as short ``data-*`` attributes so that
``theme/tracker.js`` can filter thousands of rows by toggling ``hidden``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_, _
from ..model import SiteConfig
from .views import NO_DECISION, RecView


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Filter:
    """A labelled select of the filter form; ``key`` is the row's ``data-`` attribute."""

    name: str
    label: str
    key: str
    options: tuple[Option, ...]


OVERDUE_OPTIONS = (
    Option("t", N_("Target date passed")),
    Option("r", N_("Response overdue")),
    Option("n", N_("Not overdue")),
)
CHANGE_OPTIONS = (
    Option("y", N_("Changed at the latest update")),
    Option("n", N_("Not changed at the latest update")),
)


def flags(view: RecView) -> str:
    """Letters the counts above the table are computed from: o(pen), l(ate: target
    passed), a(waiting a response), r(esponse overdue), c(losed)."""
    s = view.standing
    return "".join(letter for letter, on in (("o", not s.closed), ("l", s.overdue), ("a", s.response_expected),
                                              ("r", s.response_overdue), ("c", s.closed)) if on)


def row_data(view: RecView) -> dict[str, str]:
    """The ``data-*`` values of a row (short keys keep 20,000 rows small)."""
    s = view.standing
    return {
        "c": view.report.committee,
        "r": view.report.id,
        "d": s.decision.id if s.decision else NO_DECISION[view.rec.response_state].id,
        "s": s.state,
        "o": "|".join(p.name for p in view.rec.owners),
        "od": "t" if s.overdue else "r" if s.response_overdue else "n",
        "due": s.target.due.isoformat() if s.target and s.target.due else "",
        "ch": "y" if s.changed else "n",
        "lu": s.last_update.last.isoformat() if s.last_update else "",
        "f": flags(view),
    }


def _distinct(pairs) -> tuple[Option, ...]:
    seen: dict[str, str] = {}
    for value, label in pairs:
        seen.setdefault(value, label)
    return tuple(Option(v, label) for v, label in seen.items())


def filters(views: list[RecView], config: SiteConfig, site_wide: bool) -> tuple[Filter, ...]:
    """The selects for the rows given, in the order of the form."""
    out = []
    if site_wide:
        committees = {v.report.committee for v in views}
        out.append(Filter("committee", _("Committee"), "c", tuple(
            Option(c.id, c.name) for c in config.committees if c.id in committees)))
        out.append(Filter("report", _("Report"), "r", _distinct(
            (v.report.id, v.report.title) for v in sorted(views, key=lambda v: v.report.title))))
    decision_ids = {v.standing.decision.id if v.standing.decision else NO_DECISION[v.rec.response_state].id for v in views}
    decisions = [t for t in config.decisions if t.id in decision_ids]
    decisions += [t for t in NO_DECISION.values() if t.id in decision_ids]
    out.append(Filter("decision", _("Decision"), "d", tuple(Option(t.id, _(t.display) if t in NO_DECISION.values()
                                                                   else t.display) for t in decisions)))
    out.append(Filter("status", _("Status"), "s", _distinct(
        (v.standing.state, v.standing.label) for v in sorted(views, key=lambda v: v.standing.label))))
    owners = sorted({p.name for v in views for p in v.rec.owners})
    out.append(Filter("owner", _("Owner"), "o", tuple(Option(n, n) for n in owners)))
    out.append(Filter("overdue", _("Overdue"), "od", tuple(Option(o.value, _(o.label)) for o in OVERDUE_OPTIONS)))
    out.append(Filter("changed", _("Latest update"), "ch", tuple(Option(o.value, _(o.label)) for o in CHANGE_OPTIONS)))
    return tuple(out)
