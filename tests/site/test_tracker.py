"""Trackers: one row per recommendation, decision and status as words, overdue flags for as_of."""

from __future__ import annotations

import copy
import json

from .conftest import resolve, text


def shown(cell) -> str:
    """A cell's words without its folded "Full text and updates"."""
    cell = copy.copy(cell)
    for more in cell.select(".more"):
        more.decompose()
    return text(cell)


def rows(site, url, selector="table[data-tracker]"):
    soup = site.page(url)
    table = soup.select_one(selector)
    headers = [text(th) for th in table.thead.find_all("th")]
    out = []
    for tr in table.tbody.find_all("tr"):
        cells = [shown(c) for c in tr.find_all(["th", "td"], recursive=False)]
        out.append((dict(zip(headers, cells)), tr))
    return soup, table, headers, out


def test_site_tracker_has_every_recommendation(site):
    soup, table, headers, found = rows(site, "tracker/")
    assert headers == ["Report", "Ref.", "Recommendation", "Decision", "Owner", "Target date", "Status", "Last update"]
    got = [(r["Report"], r["Ref."]) for r, _ in found]
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
    assert first["Recommendation"] == "Planning Plan routes by the end of May each year."
    assert first["Target date"] == "March 2024 (originally June 2023) due today"  # as_of is 31 March 2024
    assert first["Last update"] == "1 December 2023"
    # the report's latest round (1 March 2024) gave recommendation 2 its first status
    assert (second["Decision"], second["Status"]) == ("Partially accepted", "Complete First update: Complete (1 March 2024)")
    assert (third["Decision"], third["Status"], third["Last update"]) == ("Rejected", "No action (rejected)", "None yet")
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
    assert [r["Target date"] for r, _ in now][:3] == ["March 2024 (originally June 2023) due today", "29 February 2024",
                                                      "None given"]
    assert [r["Target date"] for r, _ in later][0] == "March 2024 (originally June 2023) 3 months overdue"
    assert [tr["data-od"] for _, tr in later] == ["t", "n", "n", "r"]
    assert [tr["data-f"] for _, tr in later] == ["ol", "c", "c", "oar"]
    stats = [text(li) for li in late_site.page("tracker/").select(".stats li")]
    assert stats == ["2 open", "1 overdue", "1 awaiting a response", "1 response overdue", "2 closed"]


def test_rows_carry_their_filter_values(site):
    _, _, _, found = rows(site, "tracker/")
    tr = found[0][1]
    assert (tr["data-c"], tr["data-r"], tr["data-d"], tr["data-s"], tr["data-o"], tr["data-due"]) == (
        "people-scrutiny", "school-transport-review", "accepted", "behind-schedule", "Jo Bloggs", "2024-03-31")
    assert (tr["data-lu"], tr["data-ch"], found[1][1]["data-ch"]) == ("2023-12-01", "n", "y")
    assert found[3][1]["data-d"] == "awaiting" and not found[3][1].has_attr("data-due")


def test_filter_form_is_labelled_and_hidden_without_javascript(site):
    soup = site.page("tracker/")
    form = soup.find("form", attrs={"data-tracker-filters": True})
    assert form.has_attr("hidden")  # tracker.js shows it; without JS the full table is the page
    names = [s["name"] for s in form.find_all("select")]
    assert names == ["committee", "report", "decision", "status", "owner", "overdue", "changed"]
    for control in form.find_all(["select", "input"]):
        assert soup.find("label", attrs={"for": control["id"]}), control["id"]
    owners = [o.get_text() for o in form.find("select", attrs={"name": "owner"}).find_all("option")]
    assert owners == ["Any", "Jo Bloggs", "Sam Smith"]
    count = soup.find(id="tracker-count")
    assert count["aria-live"] == "polite" and text(count) == "4 recommendations"
    sortable = [text(th) for th in soup.select("th[data-sort]")]
    assert sortable == ["Ref.", "Target date", "Last update"]
    assert soup.find("script", src="../assets/tracker.js")


def test_report_tracker_lists_only_its_report(site):
    soup, _, headers, found = rows(site, "reports/school-transport-review/tracker/")
    assert "Report" not in headers
    assert [r["Ref."] for r, _ in found] == ["Recommendation 1", "Recommendation 2", "Recommendation 3"]
    names = [s["name"] for s in soup.find("form").find_all("select")]
    assert names == ["decision", "status", "owner", "overdue", "changed"]


def test_wide_table_scrolls_in_a_focusable_region(site):
    table = site.page("tracker/").find("table", attrs={"data-tracker": True})
    region = table.parent
    assert region["role"] == "region" and region["tabindex"] == "0" and region["aria-label"]


def test_committee_page_lists_reports_and_open_recommendations(site):
    soup = site.page("committees/people-scrutiny/")
    assert text(soup.h1) == "People Scrutiny Committee"
    reports = [text(a) for a in soup.select(".doc-list__title a")]
    assert reports == ["Home to School Transport", "Earlier Review of Transport"]
    table = soup.select_one("table.tracker-table")
    numbers = [(text(tr.td), text(tr.th)) for tr in table.tbody.find_all("tr")]
    assert numbers == [("Home to School Transport", "Recommendation 1"),
                       ("Earlier Review of Transport", "Recommendation 1")]  # 2 is complete, 3 rejected


def test_full_text_and_updates_are_one_step_away(site):
    """Each row's full words and updates, in row order, as data for tracker.js: what its
    word filter searches and its button shows."""
    soup, _, _, found = rows(site, "tracker/")
    folded = json.loads(soup.find("script", id="tracker-words").string)
    assert len(folded) == len(found) == 4
    assert folded[0] == {"label": "Updates", "of": "of recommendation 1", "text": [],
                         "updates": ["1 December 2023, Behind schedule: Delayed by the new routing software."]}
    assert folded[2] is None  # rec 3: its whole text is in the row and it has no updates


def test_card_labels_are_set_once_per_table(site):
    """On a phone each cell shows its label from the table's custom properties."""
    table = site.page("tracker/").select_one("table[data-tracker]")
    style = table["style"]
    assert '--l-decision:"Decision";' in style and '--l-updated:"Last update";' in style
    assert '--l-number:"Reference";' in style
    cells = {c for tr in table.tbody.find_all("tr") for c in (td["class"][0] for td in tr.find_all(["td", "th"]))}
    assert cells == {"c-report", "c-number", "c-rec", "c-decision", "c-owner", "c-target", "c-status", "c-updated"}


READY_MADE = {
    "tracker/overdue/": ["school-transport-review/1"],
    "tracker/awaiting-response/": ["earlier-review/1"],
    "tracker/slipped/": ["school-transport-review/1"],
    "tracker/changed/": ["school-transport-review/2"],
    "tracker/closed/": ["school-transport-review/2", "school-transport-review/3"],
}


def listed(site, url) -> list[str]:
    soup = site.page(url)
    table = soup.select_one("table.tracker-table")
    if table is None:
        return []
    return ["/".join(resolve(url, tr.th.a["href"]).split("/")[1:4:2]) for tr in table.tbody.find_all("tr")]


def test_ready_made_views_list_exactly_their_recommendations(late_site):
    """As of 30 June 2024: each static view holds every recommendation it should, no other."""
    for url, want in READY_MADE.items():
        assert listed(late_site, url) == want, url
    soup = late_site.page("tracker/overdue/")
    assert text(soup.h1) == "Overdue: recommendations"
    assert not soup.find("script", src=lambda s: s and "tracker.js" in s)  # plain pages, no JavaScript
    assert [text(li) for li in soup.select(".stats li")][1] == "1 overdue"
    current = soup.select_one(".tracker-views a[aria-current=page]")
    assert text(current) == "Overdue"


def test_views_are_linked_from_every_tracker(site):
    for url in ("tracker/", "reports/school-transport-review/tracker/"):
        links = {resolve(url, a["href"]) for a in site.page(url).select(".tracker-views a")}
        assert set(READY_MADE) <= links, url
        assert {"tracker/owners/", "tracker/committees/", "tracker/councils/"} <= links


def test_grouped_views_have_a_page_per_group(site):
    soup = site.page("tracker/owners/")
    groups = [(text(tr.th), resolve("tracker/owners/", tr.th.a["href"])) for tr in soup.select("tbody tr")]
    assert groups == [("Jo Bloggs", "tracker/owners/jo-bloggs/"),
                      ("Sam Smith", "tracker/owners/sam-smith/"),
                      ("No owner recorded", "tracker/owners/none/")]
    assert listed(site, "tracker/owners/jo-bloggs/") == ["school-transport-review/1"]
    assert listed(site, "tracker/owners/none/") == ["school-transport-review/3", "earlier-review/1"]
    committees = [text(tr.th) for tr in site.page("tracker/committees/").select("tbody tr")]
    assert committees == ["People Scrutiny Committee"]
    assert len(listed(site, "tracker/committees/people-scrutiny/")) == 4
