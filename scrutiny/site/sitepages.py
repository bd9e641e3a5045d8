"""Site-wide pages: home, lists, the site tracker, committees and the fixed pages."""

from __future__ import annotations

from typing import Iterator

from ..exporters import REGISTRY
from ..i18n import _
from ..load.config import today
from ..urls import committee_url, tracker_url
from .charts import committee_charts, home_charts
from .context import PageMeta, root_path
from .feeds import committee_feed_link, site_feed_link
from .formats import audio_tracks, selected
from .pages import tracker_values
from .plan import Job, Plan
from .render import Body
from .search import bundles
from .trackerviews import view_links
from .views import Counts

LATEST = 10


def _report_items(plan: Plan, reports) -> list[dict]:
    return [{"report": r, "committee": plan.committee_name(r.committee), "counts": Counts.of(plan.views[r.id])}
            for r in reports]


def home(plan: Plan) -> Job:
    meta = PageMeta("", plan.site.title, plan.site.title, (), "home",
                    _("Scrutiny reports published by %(publisher)s, and where each recommendation stands.", publisher=plan.site.publisher),
                    feeds=(site_feed_link(plan),))

    def values(plan: Plan, body: Body | None) -> dict:
        return {"latest": _report_items(plan, plan.pub.reports[:LATEST]), "counts": Counts.of(plan.all_views),
                "more": len(plan.pub.reports) > LATEST, "charts": home_charts(plan.pub)}
    return Job(meta, "home.html.j2", values, key=plan.reports_key(meta.file, plan.pub.reports))


def reports_index(plan: Plan) -> Job:
    meta = PageMeta("reports/", plan.title(_("Reports")), _("Reports"), plan.crumbs(), "reports",
                    _("Every published scrutiny report, newest first."), feeds=(site_feed_link(plan),))

    def values(plan: Plan, body: Body | None) -> dict:
        return {"items": _report_items(plan, plan.pub.reports)}
    return Job(meta, "reports.html.j2", values, key=plan.reports_key(meta.file, plan.pub.reports))


def site_tracker(plan: Plan) -> Job:
    meta = PageMeta(tracker_url(), plan.title(_("Recommendation tracker")), _("Recommendation tracker"),
                    plan.crumbs(), "tracker", _("Every recommendation, its response, owner, target date and status."),
                    scripts=(plan.site.assets.i18n_js, plan.site.assets.tracker_js), wide=True, feeds=(site_feed_link(plan),))

    def values(plan: Plan, body: Body | None) -> dict:
        return {"report": None, **tracker_values(plan, plan.all_views, site_wide=True)}
    # every recommendation of every report: the reports' shown keys cover its rows (no view is worked out for the key)
    return Job(meta, "tracker.html.j2", values, key=plan.reports_key(meta.file, plan.pub.reports, view_links(plan)))


def committees_index(plan: Plan) -> Job:
    meta = PageMeta("committees/", plan.title(_("Committees")), _("Committees"), plan.crumbs(), "committees",
                    _("The scrutiny committees and panels whose reports are published here."),
                    feeds=(site_feed_link(plan),))

    def values(plan: Plan, body: Body | None) -> dict:
        items = []
        for c in plan.pub.config.committees:
            reports = [r for r in plan.pub.reports if r.committee == c.id]
            views = [v for r in reports for v in plan.views[r.id]]
            items.append({"committee": c, "reports": len(reports), "counts": Counts.of(views)})
        return {"items": items}
    return Job(meta, "committees.html.j2", values, key=plan.reports_key(meta.file, plan.pub.reports))


def committee_page(plan: Plan, committee) -> Job:
    meta = PageMeta(committee_url(committee.id), plan.title(committee.name), committee.name,
                    plan.crumbs((_("Committees"), "committees/")), "committees",
                    _("Reports and open recommendations of the %(committee)s.", committee=committee.name), "Committee",
                    wide=True,
                    feeds=(committee_feed_link(committee), site_feed_link(plan)))

    def values(plan: Plan, body: Body | None) -> dict:
        reports = [r for r in plan.pub.reports if r.committee == committee.id]
        views = [v for r in reports for v in plan.views[r.id]]
        open_views = [v for v in views if not v.standing.closed]
        return {"committee": committee, "items": _report_items(plan, reports), "open": open_views,
                "rows": [(v, None) for v in open_views],
                "counts": Counts.of(views), "committees": {c.id: c.name for c in plan.pub.config.committees},
                "charts": committee_charts(plan.pub, committee.id)}
    reports = [r for r in plan.pub.reports if r.committee == committee.id]
    # its counts, charts and open recommendations are not indexed (data-pagefind-ignore="all"):
    # a standing that changes leaves its search shard (00, with every committee) as it was
    return Job(meta, "committee.html.j2", values, key=plan.reports_key(meta.file, reports),
               search_key=plan.listed_key(meta.file, reports))


def accessibility(plan: Plan) -> Job:
    """The accessibility statement, on the GOV.UK model. Its dates are the day of this build
    (``SOURCE_DATE_EPOCH`` when set, for reproducible builds), never ``as_of``: the
    statement is made again by every build, with that build's formats and contact."""
    heading = _("Accessibility statement for %(site)s", site=plan.site.title)
    meta = PageMeta("accessibility/", plan.title(_("Accessibility statement")), heading,
                    plan.crumbs(), "", _("How accessible this website is, what is not, and how to report a problem."),
                    "Help")

    def values(plan: Plan, body: Body | None) -> dict:
        written = {f.format_id for r in plan.pub.reports for f in plan.formats(r)}
        documents = [f for f in selected(plan.pub.config.formats) if f.id in written and f.id != "data"]
        return {"built_on": today(), "documents": documents, "document_ids": [f.id for f in documents],
                "has_charts": any(p.endswith(".svg") and "charts/" in p for p in plan.written),
                "web_address": plan.site.base_url if plan.site.base_url.startswith(("http://", "https://")) else ""}
    return Job(meta, "accessibility.html.j2", values)


def alternative_formats(plan: Plan) -> Job:
    meta = PageMeta("alternative-formats/", plan.title(_("Alternative formats")), _("Alternative formats"),
                    plan.crumbs(), "", _("Every report's files in other formats, their type and size, "
                                         "and how to ask for another format."), "Help")

    def values(plan: Plan, body: Body | None) -> dict:
        built = selected(plan.pub.config.formats)
        others = [f for f in REGISTRY if f not in built]
        downloads = [(r, plan.formats(r), tuple(audio_tracks(r, plan.files_of(r), plan.root_of(r)).values())) for r in plan.pub.reports]
        return {"built": built, "others": others, "reports": plan.pub.reports, "downloads": downloads}
    return Job(meta, "alternative-formats.html.j2", values)


def search(plan: Plan) -> Job:
    meta = PageMeta("search/", plan.title(_("Search")), _("Search"), plan.crumbs(), "search",
                    _("Search every report and recommendation, or only reports or only recommendations."),
                    scripts=(plan.site.assets.i18n_js, plan.site.assets.search_js,))

    def values(plan: Plan, body: Body | None) -> dict:
        everything, reports = bundles(r.id for r in plan.pub.reports)
        return {"bundles": everything, "report_bundles": reports}
    return Job(meta, "search.html.j2", values)


def not_found(plan: Plan) -> Job:
    meta = PageMeta("404.html", plan.title(_("Page not found")), _("Page not found"), plan.crumbs(), "",
                    root_path=root_path(plan.site.base_url))
    return Job(meta, "404.html.j2", lambda plan, body: {})


def site_jobs(plan: Plan) -> Iterator[Job]:
    yield home(plan)
    yield reports_index(plan)
    yield site_tracker(plan)
    yield committees_index(plan)
    for committee in plan.pub.config.committees:
        yield committee_page(plan, committee)
    yield accessibility(plan)
    yield alternative_formats(plan)
    yield search(plan)
    yield not_found(plan)
