"""'What changed' pages, one per update round: every update given on that day (or in that
month, as precisely as the council dated it), what each changed, and which open
recommendations of the same reports had no update then. From the updates as written, so a
checkout without git history has them too."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Iterator

from ..dates import KnownDate, long_date
from ..i18n import _
from ..tracker import update_rounds
from ..urls import slugify, tracker_url
from .context import PageMeta
from .history import Step, steps
from .plan import Job, Plan
from .render import Body
from .views import RecView

ROOT = "changes/"


@dataclass(frozen=True)
class Updated:
    view: RecView
    step: Step


@dataclass(frozen=True)
class ReportRound:
    """One report's part of a round: its updates, and its open recommendations without one."""

    report_id: str
    report_title: str
    report_url: str
    committee: str
    updated: tuple[Updated, ...]
    not_updated: tuple[RecView, ...]


def round_url(day: KnownDate) -> str:
    return f"{ROOT}{slugify(day.isoformat())}/"


def rounds(plan: Plan) -> tuple[KnownDate, ...]:
    """Every update round of the site, newest first."""
    return plan.once("rounds", lambda p: tuple(reversed(update_rounds(
        rec for report in p.pub.reports for rec in report.recommendations))))


def _position(plan: Plan, day: KnownDate) -> int:
    """Where ``day`` is in :func:`rounds` (looked up, not searched: one lookup per page)."""
    return plan.once("round_positions", lambda p: {d: i for i, d in enumerate(rounds(p))})[day]


def _updates_by_day(plan: Plan) -> dict[KnownDate, dict[str, list[Updated]]]:
    """Every update of the site by its day, then report (in the reports' and their
    recommendations' order): worked out once per build, not once per round page."""
    def compute(p: Plan) -> dict[KnownDate, dict[str, list[Updated]]]:
        out: dict[KnownDate, dict[str, list[Updated]]] = {}
        for report in p.pub.reports:
            for v in p.views[report.id]:
                for step in steps(v.rec):
                    out.setdefault(step.date, {}).setdefault(report.id, []).append(Updated(v, step))
        return out
    return plan.once("updates_by_day", compute)


def _report_rounds(plan: Plan, day: KnownDate) -> list[ReportRound]:
    out = []
    by_report = _updates_by_day(plan).get(day, {})  # in the reports' order
    for report_id in by_report:
        report = plan.pub.report(report_id)
        views = plan.views[report.id]
        updated = tuple(by_report[report.id])
        done = {u.view.rec.number for u in updated}
        missing = tuple(v for v in views if v.rec.number not in done and not v.standing.closed)
        out.append(ReportRound(report.id, report.title, f"reports/{report.id}/", plan.committee_name(report.committee),
                               updated, missing))
    return out


def _counts(parts: list[ReportRound]) -> dict[str, int]:
    steps = [u.step for p in parts for u in p.updated]
    return {"updates": len(steps),
            "status": sum(s.status_changed for s in steps),
            "target": sum(s.moved for s in steps),
            "closed": sum(s.signed_off for s in steps),
            "not_updated": sum(len(p.not_updated) for p in parts)}


def index_page(plan: Plan) -> Job:
    heading = _("What changed at each update round")
    meta = PageMeta(ROOT, plan.title(heading), heading, plan.crumbs((_("Recommendation tracker"), tracker_url())),
                    "tracker", _("Each round of progress updates: what every update changed, and what was not updated."))

    def values(plan: Plan, body: Body | None) -> dict:
        items = [(day, round_url(day), _counts(_report_rounds(plan, day))) for day in rounds(plan)]
        return {"items": items}
    return Job(meta, "rounds.html.j2", values, key=plan.views_key(meta.file, plan.all_views, rounds(plan)))


def round_page(plan: Plan, day: KnownDate) -> Job:
    heading = _("What changed at the updates of %(day)s", day=long_date(day))
    meta = PageMeta(round_url(day), plan.title(heading), heading,
                    plan.crumbs((_("Recommendation tracker"), tracker_url()), (_("Update rounds"), ROOT)), "tracker",
                    _("Every progress update dated %(day)s and what it changed.", day=long_date(day)), wide=True)

    def values(plan: Plan, body: Body | None) -> dict:
        parts = _report_rounds(plan, day)
        all_rounds = rounds(plan)
        at = _position(plan, day)
        return {"day": day, "parts": parts, "counts": _counts(parts),
                "newer": all_rounds[at - 1] if at > 0 else None,
                "older": all_rounds[at + 1] if at + 1 < len(all_rounds) else None, "url": round_url}
    return Job(meta, "round.html.j2", values, key=_round_key(plan, day))


def _round_key(plan: Plan, day: KnownDate) -> str | None:
    """Changes whenever the round's page could: the site (every page's key holds it), the
    day and its neighbours, and what the page shows of every report updated that day
    (:meth:`Plan.shown_key`: its recommendations' views, not its sections)."""
    if not plan.incremental:
        return None
    all_rounds = rounds(plan)
    at = _position(plan, day)
    by_report = _updates_by_day(plan).get(day, {})
    reports = [(report_id, plan.shown_key(plan.pub.report(report_id))) for report_id in by_report]
    around = (all_rounds[at - 1] if at > 0 else None, all_rounds[at + 1] if at + 1 < len(all_rounds) else None)
    return hashlib.sha256(repr((plan.global_key, "round", day, around, reports)).encode("utf-8")).hexdigest()


def round_jobs(plan: Plan) -> Iterator[Job]:
    yield index_page(plan)
    for day in rounds(plan):
        yield round_page(plan, day)
