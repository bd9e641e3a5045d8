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
