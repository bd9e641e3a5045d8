"""Report pages, recommendation pages and the report tracker."""

from __future__ import annotations

from .conftest import links_to, resolve, text

REPORT = "reports/school-transport-review/"
REC = REPORT + "recommendations/{}/"


def test_report_cover_details(site):
    soup = site.page(REPORT)
    details = {text(row.dt): text(row.dd) for row in soup.select("dl.summary-list .summary-list__row")}
    assert details["Committee"] == "People Scrutiny Committee"
    assert details["Council"] == "Test Borough Council"
    assert details["Kind of report"] == "Task group review"
    assert details["Published"] == "1 June 2023"
    assert details["Lead member"] == "Cllr Ada Lovelace (Lead Member)"
    assert details["Members"] == "Cllr Charles Babbage Cllr Mary Somerville"
    assert details["Co-opted members"] == "Ms Grace Hopper (Parent Governor)"
    assert details["Officer support"] == "Alan Turing (Scrutiny Officer)"


def test_report_contents_link_to_every_part(site):
    soup = site.page(REPORT)
    contents = soup.find("nav", class_="contents")
    anchors = [a["href"][1:] for a in contents.find_all("a")]
    assert anchors == ["terms-of-reference", "methodology", "summary", "findings", "all-recommendations",
                       "progress-charts", "executive-response", "schedule-of-activity", "glossary", "other-formats"]
    for anchor in anchors:
        assert soup.find(id=anchor) is not None, anchor


def test_recommendation_phrases_link_to_their_pages(site):
    soup = site.page(REPORT)
    refs = soup.select("main a.rec-ref")
    targets = [(text(a), a.get("aria-label"), resolve(REPORT, a["href"])) for a in refs]
    # "Recommendations 1-2 concern planning and Recommendation 3 concerns parents."
    assert ("1", "Recommendation 1", REC.format(1)) in targets
    assert ("2", "Recommendation 2", REC.format(2)) in targets
    assert ("Recommendation 3", None, REC.format(3)) in targets
    # "[the earlier review](rec:earlier-review/1)" links to the other report.
    assert ("the earlier review", None, "reports/earlier-review/recommendations/1/") in targets
    # "Recommendations (1, 2 and 3)" in paragraph 2
    para = soup.find(id="p2")
    assert [resolve(REPORT, a["href"]) for a in para.select("a.rec-ref")] == [REC.format(n) for n in (1, 2, 3)]


def test_numbered_paragraphs_keep_their_anchors(site):
    soup = site.page(REPORT)
    for n in (1, 2, 3):
        para = soup.find("p", id=f"p{n}")
        assert para is not None and para.find("a", class_="para-num")["href"] == f"#p{n}"


def test_placed_recommendation_boxes(site):
    soup = site.page(REPORT)
    findings = soup.find(id="findings").parent
    boxes = findings.select(".rec-box")
    assert [b["id"] for b in boxes] == ["recommendation-1", "recommendation-2", "recommendation-3"]
    box = boxes[0]
    assert links_to(box, REPORT, REC.format(1))
    assert "Planning" in text(box) and "Plan routes by the end of May each year." in text(box)
    assert [text(t) for t in box.select(".tag")] == ["Accepted", "Behind schedule", "Date revised"]


def test_data_table_with_caption_source_and_row_headers(site):
    soup = site.page(REPORT)
    table = soup.select_one("#table-journeys table")
    assert text(table.caption) == "Journeys a day"
    assert [th["scope"] for th in table.thead.find_all("th")] == ["col", "col"]
    assert all(tr.th["scope"] == "row" for tr in table.tbody.find_all("tr"))
    assert "Source: Transport team records" in text(soup.select_one("#table-journeys .table-notes"))
    region = table.parent
    assert region["role"] == "region" and region["tabindex"] == "0" and region["aria-label"] == "Journeys a day"


def test_footnotes_and_glossary(site):
    soup = site.page(REPORT)
    assert soup.find(id="fn-findings-1") and soup.find("a", href="#fn-findings-1")
    assert soup.find("abbr", title="Special Educational Needs and Disabilities")
    glossary = soup.find("dl", class_="glossary")
    assert text(glossary.dt) == "SEND" and text(glossary.dd) == "Special Educational Needs and Disabilities"


def test_summary_table_schedule_and_executive_response(site):
    """One full copy of each recommendation, where the author placed it; the
    recommendations section is a summary table linking to each page."""
    soup = site.page(REPORT)
    table = soup.select_one("table.rec-summary")
    assert [text(th) for th in table.thead.find_all("th")] == ["Ref.", "Recommendation", "Decision", "Status", "Target date"]
    rows = [[text(c) for c in tr.find_all(["th", "td"])] for tr in table.tbody.find_all("tr")]
    assert rows[0] == ["Recommendation 1", "Planning Plan routes by the end of May each year.", "Accepted",
                       "Behind schedule Date revised", "March 2024 (originally June 2023)"]
    assert [r[2] for r in rows] == ["Accepted", "Partially accepted", "Rejected"]
    hrefs = [resolve(REPORT, tr.th.a["href"]) for tr in table.tbody.find_all("tr")]
    assert hrefs == [REC.format(n) for n in (1, 2, 3)]
    assert not soup.select("ol.rec-list")  # no second full copy of the recommendations
    boxes = [box for box in soup.select(".rec-box") if "Plan routes by the end of May" in text(box)]
    assert len(boxes) == 1  # the one full copy, where the author placed it
    response = soup.find(id="executive-response")
    assert "14 September 2023" in text(response.find_next("dl"))
    schedule = soup.find(id="schedule-of-activity").find_next("table")
    assert "10 January 2023 Scoping meeting" in text(schedule.tbody)


def test_formats_list_names_type_size_and_purpose(site):
    soup = site.page(REPORT)
    items = soup.select("#other-formats ~ ul.attachments > li")
    listed = {resolve(REPORT, li.a["href"]): text(li) for li in items}
    csv = REPORT + "recommendations.csv"
    assert csv in listed
    assert listed[csv].startswith("Recommendations data (CSV)")
    assert "KB" in listed[csv] or "bytes" in listed[csv]
    for path in listed:
        assert path in site.files, path  # only files that exist are listed
    ask = soup.find(id="ask-for-another-format").find_next("div", class_="contact")
    assert ask.find("a", href="mailto:scrutiny@test.example")
    assert ask.find("a", href="tel:01234567890")


def test_response_overdue_banner_on_earlier_review(site):
    soup = site.page("reports/earlier-review/")
    banner = soup.find("div", class_="banner")
    assert banner["role"] == "region"
    assert "The executive's response is overdue" in text(banner)
    assert "10 July 2020" in text(banner)


def test_recommendation_page(site):
    url = REC.format(1)
    soup = site.page(url)
    assert text(soup.h1) == "Recommendation 1 : Planning"
    assert "Plan routes by the end of May each year." in text(soup.select_one(".rec-text"))
    details = {text(r.dt): text(r.dd) for r in soup.select("dl.summary-list .summary-list__row")}
    assert details["Decision"] == "Accepted on 14 September 2023"
    assert details["Status"] == "Behind schedule Date revised"
    assert details["Target date"] == "March 2024 (originally June 2023)"
    assert details["Owner"] == "Jo Bloggs (Head of Transport)"
    actions = soup.find("caption", string="Actions agreed").parent
    assert "Move route planning to the spring term. Jo Bloggs (Head of Transport) June 2023" in text(actions.tbody)


def test_revised_target_shows_original_new_and_reason(site):
    soup = site.page(REC.format(1))
    timeline = soup.find("ol", class_="timeline")
    entry = timeline.find("li")
    assert "1 December 2023" in text(entry.h4) and "People Scrutiny Committee" in text(entry.h4)
    assert "Behind schedule" in text(entry)
    revision = {text(d.dt): text(d.dd) for d in entry.select(".revision dl > div")}
    assert revision == {"Original date": "June 2023", "New date": "March 2024",
                        "Reason": "The routing software arrived late."}


def test_backlinks_and_follows_from(site):
    soup = site.page(REC.format(1))
    cited = soup.find(id="cited").find_next("ul")
    hrefs = [resolve(REC.format(1), a["href"]) for a in cited.find_all("a")]
    assert hrefs == [REPORT + "#summary", REPORT + "#p2"]
    follows = soup.find(id="follows-from").find_next("p")
    assert [resolve(REC.format(1), a["href"]) for a in follows.find_all("a")] == [REPORT + "#p1"]
    # cited from another report: the earlier review's recommendation names the citing report
    other = site.page("reports/earlier-review/recommendations/1/")
    cited = other.find(id="cited").find_next("ul")
    hrefs = [resolve("reports/earlier-review/recommendations/1/", a["href"]) for a in cited.find_all("a")]
    assert "reports/earlier-review/#p1" in hrefs and REPORT + "#p3" in hrefs
    assert "Home to School Transport" in text(cited)


def test_previous_and_next(site):
    first, middle, last = (site.page(REC.format(n)) for n in (1, 2, 3))
    assert not first.select("a[rel=prev]") and links_to(first.select_one("nav.pagination"), REC.format(1), REC.format(2))
    assert resolve(REC.format(2), middle.select_one("a[rel=prev]")["href"]) == REC.format(1)
    assert resolve(REC.format(2), middle.select_one("a[rel=next]")["href"]) == REC.format(3)
    assert not last.select("a[rel=next]")


def test_recommendation_search_alias(site):
    """"R3" and "Rec 3" find recommendation 3 through Pagefind metadata, never through
    hidden words that would show in a result's excerpt."""
    soup = site.page(REC.format(3))
    assert soup.find(attrs={"data-pagefind-meta": "aliases"}).get_text().split()[0] == "R3"
    assert not soup.find(attrs={"data-pagefind-weight": True})
    assert soup.find("main").has_attr("data-pagefind-body")
    assert soup.find(attrs={"data-pagefind-meta": "title"}).get_text() == "Recommendation 3: Home to School Transport"


def test_awaiting_response_recommendation(site):
    soup = site.page("reports/earlier-review/recommendations/1/")
    banner = soup.find("div", class_="banner")
    assert "The executive's response is overdue" in text(banner)
    details = {text(r.dt): text(r.dd) for r in soup.select("dl.summary-list .summary-list__row")}
    assert details["Decision"] == "Awaiting response"
    assert details["Status"] == "Response overdue"
    assert details["Where it stands"] == "Awaiting a response for 44 months past its deadline of 10 July 2020."
    assert details["Response due by"] == "10 July 2020"


def test_report_at_a_glance(site, late_site):
    glance = {text(r.dt): text(r.dd) for r in site.page(REPORT).select(".glance .summary-list__row")}
    assert glance == {
        "Went to the executive": "15 June 2023",
        "Response due": "15 August 2023",
        "Response given": "14 September 2023",
        "Decisions": "Accepted 1 Partially accepted 1 Rejected 1",
        "Where they stand": "Behind schedule: 1 Complete: 1 No action (rejected): 1 "
                            "Of 3: 1 Behind schedule, 1 Complete and 1 No action (rejected).",
        "Open": "1 of 3",
        "Last update": "1 March 2024",
    }
    later = {text(r.dt): text(r.dd) for r in late_site.page("reports/earlier-review/").select(".glance .summary-list__row")}
    assert later["Response given"] == "Not yet given" and later["Last update"] == "No update yet"


def test_every_heading_has_an_id_and_sections_link_back_to_top(site):
    for url in (REPORT, REC.format(1), "tracker/", "tracker/owners/"):
        soup = site.page(url)
        missing = [text(h) for h in soup.main.find_all(["h2", "h3", "h4", "h5", "h6"]) if not h.get("id")]
        assert missing == [], url
    soup = site.page(REPORT)
    assert soup.find("h1")["id"] == "top"
    backs = soup.select(".back-to-top a")
    assert len(backs) >= len(soup.select(".report-body h2")) - 1 and all(a["href"] == "#top" for a in backs)


def test_recommendation_history_moved_target_and_last_updated(site):
    soup = site.page(REC.format(1))
    rows = {text(r.dt): text(r.dd) for r in soup.select(".summary-list")[0].select(".summary-list__row")}
    assert rows["Target moved"] == "Moved once: 9 months later in all (from June 2023 to March 2024)"
    assert rows["Last updated"] == "1 December 2023 (People Scrutiny Committee)"
    history = soup.select_one("table.status-history")
    assert [[text(c) for c in tr.find_all(["th", "td"])] for tr in history.tbody.find_all("tr")] == [
        ["1 December 2023 : every update of that round People Scrutiny Committee", "Behind schedule", "March 2024",
         "First update; Target moved from June 2023"]]
    action = soup.find("caption", string="Actions agreed").find_parent("table")
    assert "Revised to March 2024 at the update of 1 December 2023" in text(action.tbody)
    never = {text(r.dt): text(r.dd) for r in site.page(REC.format(3)).select(".summary-list__row")}
    assert "Target moved" not in never
    assert never["Last updated"] == "No progress update yet; the response is dated 14 September 2023"
