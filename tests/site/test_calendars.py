"""The iCalendar files, read back with icalendar: response deadlines and target due days
that the content makes known, as all-day events with stable UIDs."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from .conftest import build_site, links_to, project_copy, text

REPORT = "reports/school-transport-review/"
LINK = "Add the deadlines to your calendar (iCalendar)"


def events(site, path):
    cal = Calendar.from_ical(site.path(path).read_bytes())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_report_calendar_has_the_response_deadline_and_targets(late_site):
    found = events(late_site, REPORT + "calendar.ics")
    deadline = found["response-due-school-transport-review@scrutiny.test.example"]
    # sent to the executive 15 June 2023, two months to respond
    assert deadline.decoded("DTSTART") == dt.date(2023, 8, 15)
    assert deadline.decoded("DTEND") == dt.date(2023, 8, 16)
    assert not isinstance(deadline.decoded("DTSTART"), dt.datetime)  # all day
    assert str(deadline["SUMMARY"]) == "Response due: Home to School Transport"
    target = found["target-school-transport-review-1@scrutiny.test.example"]
    assert target.decoded("DTSTART") == dt.date(2024, 3, 31)  # revised target March 2024
    assert str(target["URL"]) == "https://scrutiny.test.example/reports/school-transport-review/recommendations/1/"
    assert found["target-school-transport-review-2@scrutiny.test.example"].decoded("DTSTART") == dt.date(2024, 2, 29)


def test_only_known_days_are_in_a_calendar(late_site):
    found = events(late_site, REPORT + "calendar.ics")
    # recommendation 3 was rejected: no action, no target, so no event
    assert not any("-3@" in uid for uid in found)
    for event in found.values():
        assert isinstance(event.decoded("DTSTART"), dt.date)


def test_site_and_committee_calendars_gather_the_reports(late_site):
    site_uids = set(events(late_site, "calendar.ics"))
    committee = set(events(late_site, "committees/people-scrutiny/calendar.ics"))
    report = set(events(late_site, REPORT + "calendar.ics"))
    earlier = set(events(late_site, "reports/earlier-review/calendar.ics"))
    assert report | earlier == site_uids == committee
    assert "response-due-earlier-review@scrutiny.test.example" in earlier


def test_dtstamp_is_the_as_of_day_not_the_build_time(late_site):
    for event in events(late_site, "calendar.ics").values():
        assert event.decoded("DTSTAMP") == dt.datetime(2024, 6, 30, tzinfo=dt.timezone.utc)


def test_an_unknown_deadline_is_left_out(tmp_path):
    root = project_copy(tmp_path)
    report = root / "content" / "reports" / "school-transport-review" / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("  sent_to_executive: 2023-06-15\n", ""),
                      encoding="utf-8")
    built = build_site(root, tmp_path / "site")
    found = events(built, REPORT + "calendar.ics")
    assert not any(uid.startswith("response-due-") for uid in found)
    assert "target-school-transport-review-1@scrutiny.test.example" in found


def test_tracker_report_and_committee_pages_link_their_calendar(late_site):
    for page, target in (("tracker/", "calendar.ics"), (REPORT + "tracker/", REPORT + "calendar.ics"),
                         (REPORT, REPORT + "calendar.ics"),
                         ("committees/people-scrutiny/", "committees/people-scrutiny/calendar.ics")):
        anchors = links_to(late_site.page(page), page, target)
        assert [text(a) for a in anchors] == [LINK], page


def test_a_target_without_a_due_day_is_left_out(tmp_path):
    root = project_copy(tmp_path)
    recs = root / "content" / "reports" / "school-transport-review" / "recommendations.yaml"
    text = recs.read_text(encoding="utf-8")
    assert "target: 2024-02-29" in text
    recs.write_text(text.replace("target: 2024-02-29", "target: On-going"), encoding="utf-8")
    built = build_site(root, tmp_path / "site")
    found = events(built, REPORT + "calendar.ics")
    assert "target-school-transport-review-2@scrutiny.test.example" not in found
    assert "target-school-transport-review-1@scrutiny.test.example" in found


def test_the_gathered_calendars_are_the_bytes_icalendar_makes(tmp_path, monkeypatch):
    """The site's and committees' calendars are put together from the reports' event
    blocks; they are byte for byte what icalendar makes of the same events."""
    from scrutiny.site import calendars

    root = project_copy(tmp_path / "a", as_of="2024-06-30")
    gathered = build_site(root, tmp_path / "gathered")
    made = []
    real = calendars.calendar_ics

    def plain(plan, name, deadlines, by_report, read):
        made.append(name)
        return real(plan, name, deadlines)
    monkeypatch.setattr(calendars, "gathered_ics", plain)
    monkeypatch.setenv("SCRUTINY_JOBS", "1")  # made in this process, where the calls are counted
    made_whole = build_site(project_copy(tmp_path / "b", as_of="2024-06-30"), tmp_path / "whole")
    files = ("calendar.ics", "committees/people-scrutiny/calendar.ics")
    assert len(made) == 2
    for file in files:
        assert gathered.path(file).read_bytes() == made_whole.path(file).read_bytes()
        assert len(events(gathered, file)) >= 3


def test_a_calendar_not_holding_its_events_as_written_is_not_taken_apart(late_site):
    """The blocks are taken only from a calendar of exactly the events expected, each whole."""
    from scrutiny.site.calendars import _events

    ics = late_site.path(REPORT + "calendar.ics").read_bytes()
    count = len(events(late_site, REPORT + "calendar.ics"))
    blocks = _events(ics, count)
    assert blocks is not None and len(blocks) == count
    assert ics.endswith(b"".join(blocks) + b"END:VCALENDAR\r\n")
    assert all(b.startswith(b"BEGIN:VEVENT\r\n") and b.endswith(b"END:VEVENT\r\n") for b in blocks)
    assert _events(ics, count + 1) is None
    assert _events(ics[:-10], count) is None
    cut = ics.replace(b"END:VEVENT\r\n", b"", 1)
    assert _events(cut, count) is None
