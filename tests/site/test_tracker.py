"""Trackers: one row per recommendation, decision and status as words, overdue flags for as_of."""

from __future__ import annotations

from .conftest import resolve, text


def rows(site, url):
    soup = site.page(url)
    table = soup.find("table", attrs={"data-tracker": True})
    headers = [text(th) for th in table.thead.find_all("th")]
    out = []
    for tr in table.tbody.find_all("tr"):
        cells = [text(c) for c in tr.find_all(["th", "td"], recursive=False)]
        out.append((dict(zip(headers, cells)), tr))
    return soup, table, headers, out


def test_site_tracker_has_every_recommendation(site):
    soup, table, headers, found = rows(site, "tracker/")
    assert headers == ["Report", "Number", "Theme", "Decision", "Owner", "Target date", "Status", "Overdue"]
    got = [(r["Report"], r["Number"]) for r, _ in found]
    assert got == [("Home to School Transport", "Recommendation 1"), ("Home to School Transport", "Recommendation 2"),
                   ("Home to School Transport", "Recommendation 3"), ("Earlier Review of Transport", "Recommendation 1")]
    assert table.caption and "All recommendations" in text(table.caption)
    assert all(th["scope"] == "col" for th in table.thead.find_all("th"))
    assert all(tr.th["scope"] == "row" for _, tr in found)
    links = [resolve("tracker/", tr.th.a["href"]) for _, tr in found]
    assert links[0] == "reports/school-transport-review/recommendations/1/"


def test_decision_status_and_target_as_text(site):
    _, _, _, found = rows(site, "tracker/")
    first, second, third, fourth = (r for r, _ in found)
    assert (first["Decision"], first["Status"], first["Owner"]) == ("Accepted", "Behind schedule", "Jo Bloggs")
    assert first["Target date"] == "March 2024 (originally June 2023)"
    assert (second["Decision"], second["Status"]) == ("Partially accepted", "Complete")
    assert (third["Decision"], third["Status"]) == ("Rejected", "No action (rejected)")
    assert (fourth["Decision"], fourth["Status"], fourth["Target date"]) == (
        "Awaiting response", "Response overdue", "Awaiting response")
    # status is never colour alone: every tag has its words
    for _, tr in found:
        assert all(text(cell) for cell in tr.select("td.k"))


def test_overdue_flags_on_the_as_of_date(site, late_site):
    """As of 2024-03-31 nothing is overdue (March 2024 is due on its last day); as of
    2024-06-30 recommendation 1 is; the completed and rejected ones never are; the
    earlier review's missing response is overdue in both."""
    _, _, _, now = rows(site, "tracker/")
    _, _, _, later = rows(late_site, "tracker/")
    assert [r["Overdue"] for r, _ in now] == ["No", "No", "No", "Response overdue"]
    assert [r["Overdue"] for r, _ in later] == ["3 months overdue", "No", "No", "Response overdue"]
    assert [tr["data-od"] for _, tr in later] == ["t", "n", "n", "r"]
    stats = [text(li) for li in late_site.page("tracker/").select(".stats li")]
    assert stats == ["2 open", "1 overdue", "1 awaiting a response", "1 response overdue"]


def test_rows_carry_their_filter_values(site):
    _, _, _, found = rows(site, "tracker/")
    tr = found[0][1]
    assert (tr["data-c"], tr["data-r"], tr["data-d"], tr["data-s"], tr["data-o"], tr["data-due"]) == (
        "people-scrutiny", "school-transport-review", "accepted", "behind-schedule", "Jo Bloggs", "2024-03-31")
    assert found[3][1]["data-d"] == "awaiting" and not found[3][1].has_attr("data-due")


def test_filter_form_is_labelled_and_hidden_without_javascript(site):
    soup = site.page("tracker/")
    form = soup.find("form", attrs={"data-tracker-filters": True})
    assert form.has_attr("hidden")  # tracker.js shows it; without JS the full table is the page
    names = [s["name"] for s in form.find_all("select")]
    assert names == ["committee", "report", "decision", "status", "owner", "overdue"]
    for control in form.find_all(["select", "input"]):
        assert soup.find("label", attrs={"for": control["id"]}), control["id"]
    owners = [o.get_text() for o in form.find("select", attrs={"name": "owner"}).find_all("option")]
    assert owners == ["Any", "Jo Bloggs", "Sam Smith"]
    count = soup.find(id="tracker-count")
    assert count["aria-live"] == "polite" and text(count) == "4 recommendations"
    sortable = [text(th) for th in soup.select("th[data-sort]")]
    assert sortable == ["Number", "Target date"]
    assert soup.find("script", src="../assets/tracker.js")


def test_report_tracker_lists_only_its_report(site):
    soup, _, headers, found = rows(site, "reports/school-transport-review/tracker/")
    assert "Report" not in headers
    assert [r["Number"] for r, _ in found] == ["Recommendation 1", "Recommendation 2", "Recommendation 3"]
    names = [s["name"] for s in soup.find("form").find_all("select")]
    assert names == ["decision", "status", "owner", "overdue"]


def test_wide_table_scrolls_in_a_focusable_region(site):
    table = site.page("tracker/").find("table", attrs={"data-tracker": True})
    region = table.parent
    assert region["role"] == "region" and region["tabindex"] == "0" and region["aria-label"]


def test_committee_page_lists_reports_and_open_recommendations(site):
    soup = site.page("committees/people-scrutiny/")
    assert text(soup.h1) == "People Scrutiny Committee"
    reports = [text(a) for a in soup.select(".doc-list__title a")]
    assert reports == ["Home to School Transport", "Earlier Review of Transport"]
    table = soup.find("table")
    numbers = [(text(tr.td), text(tr.th)) for tr in table.tbody.find_all("tr")]
    assert numbers == [("Home to School Transport", "Recommendation 1"),
                       ("Earlier Review of Transport", "Recommendation 1")]  # 2 is complete, 3 rejected
