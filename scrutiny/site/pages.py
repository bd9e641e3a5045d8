"""The pages of one report: the report itself, each recommendation, its tracker."""

from __future__ import annotations

import hashlib
from typing import Iterator

from ..i18n import N_, _
from ..model import Report
from ..tracker import decision_maker, report_message, response_deadline
from ..urls import recommendation_url, report_url, tracker_url
from .context import PageMeta
from .feeds import committee_feed_link, recommendation_feed_link, report_feed_link, site_feed_link
from .meta import report_json_ld
from .plan import Job, Plan
from .render import Body
from .charts import report_charts
from .formats import audio_tracks
from .glance import glance
from .history import steps, target_moved
from .rounds import round_url
from .tracker import filters, row_data
from .trackerviews import view_links
from .views import Counts, RecView, decision_counts, timeline

#: Fixed parts of a report page, after the cover details, as (id, label).
LEAD_PARTS = (("terms-of-reference", N_("Terms of reference")), ("methodology", N_("Methodology")))
TAIL_PARTS = (
    ("all-recommendations", N_("Recommendations")),
    ("executive-response", N_("Executive response")),
    ("schedule-of-activity", N_("Schedule of activity")),
    ("glossary", N_("Glossary")),
    ("change-history", N_("Change history")),
    ("other-formats", N_("Other formats")),
)


def _present(report: Report, part: str, plan: Plan) -> bool:
    return {
        "terms-of-reference": report.terms_of_reference is not None,
        "methodology": report.methodology is not None,
        "all-recommendations": bool(report.recommendations),
        "executive-response": bool(report.recommendations) or report.executive_response is not None,
        "schedule-of-activity": bool(report.activity),
        "glossary": bool(report.glossary),
        "change-history": bool(plan.pub.record and plan.pub.record.known),
        "other-formats": True,
    }[part]


def part_ids(report: Report) -> dict[str, str]:
    """Anchor of each fixed part; one whose id a section slug already uses gets a suffix,
    so section anchors (which citations use) stay as they are."""
    slugs = {s.slug for s in report.sections}
    return {pid: pid if pid not in slugs else f"{pid}-part" for pid, _ in LEAD_PARTS + TAIL_PARTS}


def contents(report: Report, plan: Plan) -> list[tuple[str, str]]:
    """(anchor, label) of every part of the report page, in order."""
    ids = part_ids(report)

    def fixed(parts):
        return [(ids[pid], _(label)) for pid, label in parts if _present(report, pid, plan)]
    return fixed(LEAD_PARTS) + [(s.slug, s.title) for s in report.sections] + fixed(TAIL_PARTS)


def report_page(plan: Plan, report: Report) -> Job:
    meta = PageMeta(report_url(report.id), plan.title(report.title), report.title,
                    plan.crumbs((_("Reports"), "reports/")), "reports", report.summary, "Report", wide=True,
                    feeds=(report_feed_link(report), committee_feed_link(plan.pub.config.committee(report.committee)),
                           site_feed_link(plan)),
                    og_type="article", json_ld=report_json_ld(report, plan.pub.config))

    def values(plan: Plan, body: Body | None) -> dict:
        views = plan.views[report.id]
        charts = report_charts(plan.pub, report)
        parts = contents(report, plan)
        if charts:  # the charts follow the recommendations' summary
            summary = part_ids(report)["all-recommendations"]
            at = next((i + 1 for i, (anchor, _) in enumerate(parts) if anchor == summary), len(parts))
            parts.insert(at, (charts.id, charts.heading))
        return {
            "report": report,
            "committee": plan.pub.config.committee(report.committee),
            "views": views,
            "counts": Counts.of(views),
            "decisions": decision_counts(views, plan.pub.config.decisions),
            "response_due": response_deadline(report, plan.pub.config),
            "response_overdue": any(v.standing.response_overdue for v in views),
            "response_message": report_message(report, [v.standing for v in views], plan.pub.config),
            "contents": parts,
            "charts": charts,
            "ids": part_ids(report),
            "formats": plan.formats(report),
            "contact": plan.pub.config.contact_for(report.committee, report.council),
            "glance": glance(report, views, plan.pub.config),
            "placed": plan.pub.parsed[report.id].placements,
            "tracks_by_part": (tracks := audio_tracks(report, plan.files_of(report), plan.root_of(report))),
            "tracks": tuple(tracks.values()),
            "record": plan.pub.record,
        }
    return Job(meta, "report.html.j2", values, report, plan.report_key(report))


def recommendation_page(plan: Plan, report: Report, index: int) -> Job:
    views = plan.views[report.id]
    view = views[index]
    meta = PageMeta(view.url, plan.title(_("Recommendation %(ref)s", ref=view.number), report.title),
                    _("Recommendation %(ref)s", ref=view.number),
                    plan.crumbs((_("Reports"), "reports/"), (report.title, report_url(report.id))),
                    "reports", report.title, "Recommendation",
                    feeds=(recommendation_feed_link(report, view.number), report_feed_link(report)),
                    og_type="article")

    def values(plan: Plan, body: Body | None) -> dict:
        cited = [(c, plan.pub.report(c.report_id)) for c in plan.pub.backlinks(report, view.rec)]
        updates = view.rec.updates
        return {
            "report": report,
            "rec": view,
            "timeline": timeline(view.rec),
            "steps": steps(view.rec),
            "moved": target_moved(view.standing),
            "last_meeting": updates[-1].meeting if updates else "",
            "evidence": [e for u in updates for e in u.evidence],
            "signed_off": next((u.sign_off for u in reversed(updates) if u.sign_off), None),
            "decided_by": decision_maker(view.rec, report),
            "cited": cited,
            "section_titles": {r.id: {s.slug: s.title for s in r.sections} for _, r in cited},
            "previous": views[index - 1] if index > 0 else None,
            "next": views[index + 1] if index + 1 < len(views) else None,
            "record": plan.pub.record,
            "round_url": round_url,
        }
    return Job(meta, "recommendation.html.j2", values, report, plan.page_key(report, view.number))


def group_page(plan: Plan, report: Report, group, members) -> Job:
    """The page a reference to a group of parts ("Recommendation 5" of 5a-5c) links to."""
    views = [v for v in plan.views[report.id] if v.rec in members]
    meta = PageMeta(recommendation_url(report.id, group), plan.title(_("Recommendation %(ref)s", ref=group), report.title),
                    _("Recommendation %(ref)s", ref=group),
                    plan.crumbs((_("Reports"), "reports/"), (report.title, report_url(report.id))),
                    "reports", report.title, "Recommendation", feeds=(report_feed_link(report),))

    def values(plan: Plan, body: Body | None) -> dict:
        return {"report": report, "group": group, "views": views, "stem": members[0].stem}
    return Job(meta, "group.html.j2", values, report, plan.page_key(report, f"group-{group.slug}"))


def tracker_values(plan: Plan, views: list[RecView], site_wide: bool) -> dict:
    return {
        "views": views,
        "rows": [(v, row_data(v)) for v in views],
        "filters": filters(views, plan.pub.config, site_wide),
        "counts": Counts.of(views),
        "site_wide": site_wide,
        "committees": {c.id: c.name for c in plan.pub.config.committees},
        "links": view_links(plan),
    }


def report_tracker(plan: Plan, report: Report) -> Job:
    meta = PageMeta(tracker_url(report.id), plan.title(_("Tracker"), report.title),
                    _("Tracker: %(report)s", report=report.title),
                    plan.crumbs((_("Reports"), "reports/"), (report.title, report_url(report.id))),
                    "tracker", _("Where each recommendation of %(report)s stands.", report=report.title),
                    scripts=(plan.site.assets.i18n_js, plan.site.assets.tracker_js), wide=True, feeds=(report_feed_link(report),))

    def values(plan: Plan, body: Body | None) -> dict:
        return {"report": report, **tracker_values(plan, list(plan.views[report.id]), site_wide=False)}
    key = plan.page_key(report, "tracker")
    if key is not None:  # it lists every ready-made view with its count, over the whole site
        key = f"{key}:{hashlib.sha256(repr(view_links(plan)).encode('utf-8')).hexdigest()}"
    return Job(meta, "tracker.html.j2", values, report, key)


def report_jobs(plan: Plan) -> Iterator[Job]:
    for report in plan.pub.reports:
        yield from jobs_of_report(plan, report)


def jobs_of_report(plan: Plan, report: Report) -> Iterator[Job]:
    """The report's pages: its page, each recommendation's and group's, its tracker."""
    yield report_page(plan, report)
    for index in range(len(report.recommendations)):
        yield recommendation_page(plan, report, index)
    for group, members in report.groups:
        yield group_page(plan, report, group, members)
    yield report_tracker(plan, report)
