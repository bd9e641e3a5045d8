"""iCalendar files (with the icalendar library) of the days the content makes known:
each report's response deadline and each recommendation's target due day, as all-day
events. One for the site (``calendar.ics``), each committee and each report.

Only days that are known are written: a deadline when the report says when it went to
the executive (:func:`scrutiny.tracker.response_deadline`), a target when its due day
can be worked out (:attr:`scrutiny.dates.TargetDate.due`). Each event's ``DTSTAMP``
(which the standard requires) is the site's ``as_of`` day at 00:00 UTC, never the build's
time, so two builds are identical.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Mapping
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from ..dates import long_date
from ..i18n import _
from ..tracker import report_message, response_deadline
from ..urls import committee_url, recommendation_url, report_url
from .feeds import is_absolute
from .plan import ByReport, Plan, Put

SITE_CALENDAR = "calendar.ics"


def report_calendar(report_id: str) -> str:
    return report_url(report_id) + "calendar.ics"


def committee_calendar(committee_id: str) -> str:
    return committee_url(committee_id) + "calendar.ics"


@dataclass(frozen=True)
class Deadline:
    uid: str
    day: dt.date
    summary: str
    description: str
    page: str
    report_id: str
    committee: str


def _domain(plan: Plan) -> str:
    base = plan.site.base_url
    return urlsplit(base).netloc if is_absolute(base) else "scrutiny-site.invalid"


def report_deadlines(plan: Plan, report) -> list[Deadline]:
    out: list[Deadline] = []
    domain = _domain(plan)
    due = response_deadline(report, plan.pub.config)
    if due is not None:
        sent = report.sent_to_executive
        message = report_message(report, [v.standing for v in plan.views[report.id]], plan.pub.config)
        values = {"report": report.title, "due": long_date(due), "sent": long_date(sent)}
        said = (_("The executive's response to %(report)s is due by %(due)s (the report went to the executive on "
                  "%(sent)s).", **values) if sent.precision == "day"
                else _("The executive's response to %(report)s is due by %(due)s (the report went to the executive in "
                       "%(sent)s).", **values))
        out.append(Deadline(f"response-due-{report.id}@{domain}", due, _("Response due: %(report)s", report=report.title),
                            said + (f" {message}" if message else ""),
                            report_url(report.id), report.id, report.committee))
    for view in plan.views[report.id]:
        target = view.standing.target
        if target is None or target.due is None:
            continue
        rec = view.rec
        out.append(Deadline(f"target-{report.id}-{rec.number.slug}@{domain}", target.due,
                            _("Target date: recommendation %(ref)s of %(report)s", ref=rec.number, report=report.title),
                            _("Recommendation %(ref)s of %(report)s: target %(target)s (%(due)s). As of %(day)s: "
                              "%(standing)s", ref=rec.number, report=report.title, target=target.display,
                              due=target.due_words, day=long_date(plan.site.as_of), standing=view.standing.sentence),
                            recommendation_url(report.id, rec.number), report.id, report.committee))
    return out


def calendar_ics(plan: Plan, name: str, deadlines: list[Deadline]) -> bytes:
    cal = _calendar(plan, name)
    stamp = dt.datetime(plan.site.as_of.year, plan.site.as_of.month, plan.site.as_of.day, tzinfo=dt.timezone.utc)
    for d in sorted(deadlines, key=_order):
        event = Event()
        event.add("uid", d.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", d.day)
        event.add("dtend", d.day + dt.timedelta(days=1))
        event.add("summary", d.summary)
        event.add("description", d.description)
        event.add("transp", "TRANSPARENT")
        if is_absolute(plan.site.base_url):
            event.add("url", plan.site.base_url + d.page)
        cal.add_component(event)
    return cal.to_ical()


def _calendar(plan: Plan, name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", f"-//{plan.site.publisher}//Scrutiny reports//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    return cal


def _order(d: Deadline) -> tuple[dt.date, str]:
    return d.day, d.uid


_END = b"END:VCALENDAR\r\n"
_EVENT = b"BEGIN:VEVENT\r\n"


def _events(ics: bytes, count: int) -> list[bytes] | None:
    """The VEVENT blocks of a calendar this module wrote, in its order; None if it does
    not hold exactly ``count`` of them, each whole, as the calendar's last components (a
    line of text is folded with a leading space, so no value can start a line as these do)."""
    if not ics.endswith(_END):
        return None
    pieces = ics[:-len(_END)].split(b"\r\n" + _EVENT)[1:]
    blocks = [_EVENT + (piece if piece.endswith(b"\r\n") else piece + b"\r\n") for piece in pieces]
    if len(blocks) != count or not all(block.endswith(b"\r\nEND:VEVENT\r\n") for block in blocks):
        return None
    return blocks


def gathered_ics(plan: Plan, name: str, deadlines: list[Deadline], by_report: dict[str, list[Deadline]],
                 read: Callable[[str], bytes]) -> bytes:
    """The calendar of ``deadlines`` (the site's or a committee's), put together from the
    event blocks of the report calendars already written (``read`` gives a written file's
    bytes): the bytes :func:`calendar_ics` makes, without making each event a second and
    a third time (the site's calendar holds every event of every report). Made afresh if
    a report's calendar does not hold its events as expected."""
    wanted = {d.uid for d in deadlines}
    blocks: list[tuple[tuple[dt.date, str], bytes]] = []
    for report_id in dict.fromkeys(d.report_id for d in deadlines):
        own = sorted(by_report[report_id], key=_order)
        try:
            events = _events(read(report_calendar(report_id)), len(own))
        except OSError:
            events = None
        if events is None:
            return calendar_ics(plan, name, deadlines)
        blocks += [(_order(d), block) for d, block in zip(own, events) if d.uid in wanted]
    if len(blocks) != len(deadlines):
        return calendar_ics(plan, name, deadlines)
    head = _calendar(plan, name).to_ical()[:-len(_END)]
    return head + b"".join(block for _, block in sorted(blocks, key=lambda item: item[0])) + _END


def write_report_calendars(plan: Plan, put: Put) -> Mapping[str, list[Deadline]]:
    """Write each report's calendar (keyed on the report's key); each report's deadlines,
    each worked out when first read (for a calendar that is made)."""
    by_report = ByReport(plan.pub, lambda report: report_deadlines(plan, report))
    for report in plan.pub.reports:
        put(report_calendar(report.id), plan.page_key(report, "calendar"),
            lambda report=report: calendar_ics(plan, _("%(name)s: deadlines", name=report.title), by_report[report.id]))
    return by_report


def write_site_calendars(plan: Plan, put: Put, by_report: Mapping[str, list[Deadline]],
                         read: Callable[[str], bytes]) -> int:
    """Write the site's and each committee's calendar, once the reports' are written
    (:func:`gathered_ics`): each keyed on what it shows of its reports
    (:meth:`~.plan.Plan.reports_key`: the site's lists' share of each, which holds every
    deadline), so it is made again only when one of them changed. The number of
    calendars, the reports' included."""
    def put_events(file: str, name: str, reports: list) -> None:
        put(file, plan.reports_key(file, reports),
            lambda: gathered_ics(plan, name, [d for r in reports for d in by_report[r.id]], by_report, read))

    put_events(SITE_CALENDAR, _("%(name)s: deadlines", name=plan.site.title), list(plan.pub.reports))
    for committee in plan.pub.config.committees:
        put_events(committee_calendar(committee.id), _("%(name)s: deadlines", name=committee.name),
                   [r for r in plan.pub.reports if r.committee == committee.id])
    return 1 + len(plan.pub.config.committees) + len(plan.pub.reports)
