"""Atom feeds (with feedgen): the site's, each committee's, each report's and each
recommendation's.

An entry is something the content dates: a report published, a response given, a progress
update made. Its words are the site's (:func:`scrutiny.tracker.decision_words`,
:func:`scrutiny.render.facts.update_line`). A date known only to the month or the year is
written as its first day at 00:00 UTC (never an invented time); a response whose date is
not stated is left out. A feed's ``updated`` is its newest entry's date (the build's time
would make two builds differ); a feed with no entry is dated by the site's ``as_of``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Iterable
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator

from ..dates import KnownDate, long_date
from ..i18n import _
from ..render.facts import update_details, update_line
from ..tracker import decision_words
from ..urls import committee_url, recommendation_url, relative, report_url
from .context import FeedLink
from .plan import ByReport, Plan, Put

SITE_FEED = "feed.xml"
FEED_LIMIT = 100
"""The site's and each committee's feed carry their newest entries only (a feed reader
fetches the whole file each time it looks: at 1,000 reports the site's feed of every event
was 22 MB); each report's and recommendation's feed keeps all of its events."""


def is_absolute(base_url: str) -> bool:
    return urlsplit(base_url).scheme in ("http", "https") and bool(urlsplit(base_url).netloc)


def site_feed_link(plan: Plan) -> FeedLink:
    return FeedLink(_("%(name)s: new reports, responses and updates", name=plan.site.title), SITE_FEED)


def committee_feed_link(committee) -> FeedLink:
    return FeedLink(_("%(name)s: new reports, responses and updates", name=committee.name),
                    committee_url(committee.id) + "feed.xml")


def report_feed_link(report) -> FeedLink:
    return FeedLink(_("%(report)s: publication, responses and updates", report=report.title),
                    report_url(report.id) + "feed.xml")


def recommendation_feed_link(report, number) -> FeedLink:
    return FeedLink(_("Recommendation %(ref)s of %(report)s: response and updates", ref=number, report=report.title),
                    recommendation_url(report.id, number) + "feed.xml")


def timestamp(date: KnownDate | dt.date) -> dt.datetime:
    """The first day a date can be, at 00:00 UTC."""
    day = date.first if isinstance(date, KnownDate) else date
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


@dataclass(frozen=True)
class Entry:
    key: str
    """Fragment of its id: ``published``, ``response-<slug>``, ``update-<slug>-<date>``."""
    title: str
    summary: str
    page: str
    """Site path of the page it links to."""
    date: KnownDate
    report_id: str
    committee: str
    rec: str = ""
    """Slug of its recommendation, or "" for the report's own entry."""


def report_entries(plan: Plan, report) -> list[Entry]:
    """Every dated event of one report, in the site's words."""
    out: list[Entry] = []
    committee = plan.committee_name(report.committee)
    if report.published is not None:
        summary = report.summary or _("%(kind)s of the %(committee)s.", kind=report.kind_label, committee=committee)
        out.append(Entry("published", _("Report published: %(report)s", report=report.title),
                         _("Published %(day)s. %(summary)s", day=long_date(report.published), summary=summary),
                         report_url(report.id),
                         report.published, report.id, report.committee))
    for view in plan.views[report.id]:
        rec, slug = view.rec, view.rec.number.slug
        page = recommendation_url(report.id, rec.number)
        name = _("Recommendation %(ref)s of %(report)s", ref=rec.number, report=report.title)
        if rec.response is not None and rec.response.date is not None:
            words = decision_words(rec, report, view.standing)
            out.append(Entry(f"response-{slug}", f"{name}: {words}",
                             _("%(decision)s. Recommendation %(ref)s: %(words)s", decision=words, ref=rec.number,
                               words=view.short),
                             page, rec.response.date, report.id, report.committee, slug))
        seen: dict[str, int] = {}
        for update, note in zip(rec.updates, view.notes):
            day = update.date.isoformat()
            seen[day] = seen.get(day, 0) + 1
            n = day if seen[day] == 1 else f"{day}-{seen[day]}"
            summary = " ".join([update_line(update), *([note] if note else []), *update_details(update)])
            out.append(Entry(f"update-{slug}-{n}", f"{name}: {update.status.display} ({long_date(update.date)})",
                             summary, page, update.date, report.id, report.committee, slug))
    return out


def _ordered(entries: Iterable[Entry]) -> list[Entry]:
    """Newest first; ties in a fixed order."""
    return sorted(entries, key=lambda e: (-e.date.first.toordinal(), e.report_id, e.rec, e.key))


def entry_id(plan: Plan, entry: Entry) -> str:
    """The page's address with a fragment; a site whose base URL is not an absolute web
    address gets a ``tag:`` URI naming the same path (an Atom id must be absolute)."""
    base = plan.site.base_url
    fragment = f"feed-{entry.key}"
    if is_absolute(base):
        return f"{base}{entry.page}#{fragment}"
    return f"tag:scrutiny-site,{entry.date.first.year}:{entry.page}#{fragment}"


def href(plan: Plan, feed_file: str, target: str) -> str:
    """An absolute link from the base URL, or, without an absolute one, a link relative
    to the feed file."""
    if is_absolute(plan.site.base_url):
        return plan.site.base_url + target
    return relative(feed_file, target)


def feed_xml(plan: Plan, feed_file: str, title: str, subtitle: str, page: str, entries: list[Entry]) -> bytes:
    fg = FeedGenerator()
    base = plan.site.base_url
    fg.id(base + feed_file if is_absolute(base) else f"tag:scrutiny-site,{plan.site.as_of.year}:{feed_file}")
    fg.title(title)
    fg.subtitle(subtitle)
    fg.author({"name": plan.site.publisher})
    fg.language(plan.site.language)
    fg.link(href=href(plan, feed_file, page), rel="alternate", type="text/html")
    fg.link(href=href(plan, feed_file, feed_file), rel="self", type="application/atom+xml")
    ordered = _ordered(entries)
    fg.updated(timestamp(ordered[0].date) if ordered else timestamp(plan.site.as_of))
    for entry in ordered:
        fe = fg.add_entry(order="append")
        fe.id(entry_id(plan, entry))
        fe.title(entry.title)
        fe.summary(entry.summary)
        fe.link(href=href(plan, feed_file, entry.page), rel="alternate", type="text/html")
        fe.updated(timestamp(entry.date))
        fe.published(timestamp(entry.date))
    return fg.atom_str(pretty=True)


def write_feeds(plan: Plan, put: Put) -> int:
    """Write every feed; the number written. A report's and its recommendations' feeds
    carry the report's key (they show that report alone); the site's and committees' the
    key of what they show of their reports (:meth:`~.plan.Plan.reports_key`: the site's
    lists' share of each, which holds every dated event). A report's entries are worked out
    only for a feed that is made (in a worker, when it is made there)."""
    count = 0
    by_report = ByReport(plan.pub, lambda report: report_entries(plan, report))
    reports = plan.pub.reports
    more = _("Only the newest %(num)s entries; each report's own feed has all of its events.", num=FEED_LIMIT)

    def write(link: FeedLink, page: str, content: Callable[[], tuple[str, list[Entry]]], key: str | None) -> None:
        """A feed whose subtitle and entries are ``content()`` (worked out only if it is made)."""
        nonlocal count

        def make() -> bytes:
            subtitle, entries = content()
            return feed_xml(plan, link.url, link.title, subtitle, page, entries)
        put(link.url, key, make)
        count += 1

    def newest(subtitle: str, reports: list) -> Callable[[], tuple[str, list[Entry]]]:
        """The subtitle and the newest entries of a feed of ``reports``' events."""
        def content() -> tuple[str, list[Entry]]:
            every = [e for r in reports for e in by_report[r.id]]
            if len(every) <= FEED_LIMIT:
                return subtitle, every
            return f"{subtitle} {more}", _ordered(every)[:FEED_LIMIT]
        return content

    write(site_feed_link(plan), "", newest(_("Scrutiny reports published by %(publisher)s, the executive's responses "
                                            "and progress updates.", publisher=plan.site.publisher), list(reports)),
          plan.reports_key(SITE_FEED, reports))
    for committee in plan.pub.config.committees:
        members = [r for r in reports if r.committee == committee.id]
        link = committee_feed_link(committee)
        write(link, committee_url(committee.id),
              newest(_("Reports of the %(committee)s, their responses and updates.", committee=committee.name), members),
              plan.reports_key(link.url, members))
    for report in reports:
        key = plan.page_key(report, "feeds")
        own = _("Publication of %(report)s, the executive's responses and progress updates.", report=report.title)
        write(report_feed_link(report), report_url(report.id),
              lambda own=own, report_id=report.id: (own, by_report[report_id]), key)
        for rec in report.recommendations:
            words = _("The executive's response to recommendation %(ref)s of %(report)s, and its updates.",
                      ref=rec.number, report=report.title)
            write(recommendation_feed_link(report, rec.number), recommendation_url(report.id, rec.number),
                  lambda words=words, slug=rec.number.slug, report_id=report.id:
                  (words, [e for e in by_report[report_id] if e.rec == slug]), key)
    return count
