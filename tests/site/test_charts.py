"""The progress charts on the built pages: each an image with alt text beside a table of
its figures, drawn at two widths; what they count is what the content states.

The minimal fixture (as of 31 March 2024): the transport review reached Cabinet on 15 June
2023, so its responses were due by 15 August 2023 and all three came late (14 September
2023); its updates were given on 1 December 2023 (1 behind schedule) and 1 March 2024
(2 complete; "complete" there has no `implemented`, so it counts neither way, as does the
rejection of 3). The earlier review's one recommendation awaits a response due 10 July 2020.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from scrutiny.build import gather
from scrutiny.site.charts import NARROW, WIDE, report_charts
from tests.conftest import needs_tool, walk

from .conftest import Site, build_site, project_copy, text

SVG = "{http://www.w3.org/2000/svg}"
CHROMIUM = Path("/usr/bin/chromium")
ISO_DAY = re.compile(r"\b\d{4}-\d{2}(-\d{2})?\b")


@pytest.fixture(scope="module")
def quick(tmp_path_factory) -> Site:
    base = tmp_path_factory.mktemp("charts")
    return build_site(project_copy(base), base / "site")


def svg_text(path: Path) -> list[str]:
    """Each text element's words (its lines joined)."""
    root = ET.parse(path).getroot()
    return [" ".join("".join(t.itertext()).split()) if not list(t) else " ".join(x.text or "" for x in t)
            for t in root.iter(f"{SVG}text")]


def chart(soup, chart_id: str, prefix: str = "progress-charts"):
    return soup.find(id=f"{prefix}-{chart_id}")


def table_rows(node) -> list[list[str]]:
    return [[text(c) for c in tr.find_all(["th", "td"])] for tr in node.select("table tr")]


def test_home_has_three_charts_each_an_image_with_alt_beside_its_table(quick):
    soup = quick.page("")
    section = soup.find("section", class_="progress-charts")
    assert section and text(soup.find(id="progress-charts")) == "Progress in charts"
    for chart_id in ("status", "implementation", "timeliness"):
        node = chart(soup, chart_id)
        img = node.select_one("figure picture img")
        assert img["alt"].startswith("Chart: ") and "table beside it" in img["alt"]
        source = node.select_one("figure picture source")
        assert source["media"] == "(min-width: 45em)"
        wide, narrow = quick.out / source["srcset"], quick.out / img["src"]
        for path, width, attrs in ((wide, WIDE, source), (narrow, NARROW, img)):
            root = ET.parse(path).getroot()
            assert root.get("role") == "img" and root.get("aria-label")
            assert int(root.get("width")) == width == int(attrs["width"])
            assert int(root.get("height")) == int(attrs["height"])
        pair = node.select_one(".progress-chart__pair")
        table = pair.select_one(".data-table table")  # right beside the figure, in the same pair
        region = table.find_parent(attrs={"role": "region"})
        assert text(table.caption) == region["aria-label"] == text(pair.select_one(".table__caption--outside"))
        assert all(th.get("scope") == "col" for th in table.thead.find_all("th"))
        assert all(tr.th.get("scope") == "row" for tr in table.tbody.find_all("tr"))


def test_status_after_each_update_round(quick):
    node = chart(quick.page(""), "status")
    assert table_rows(node) == [["Update round", "Complete", "Behind schedule", "No update", "Total"],
                                ["1 December 2023", "0", "1", "3", "4"],
                                ["1 March 2024", "1", "1", "2", "4"]]
    assert "After the latest, 1 March 2024: Complete: 1; Behind schedule: 1; No update: 2." in text(node)
    words = svg_text(quick.out / "charts/progress/status.svg")
    assert {"Complete", "Behind schedule", "No update"} <= set(words)  # the legend names each status
    assert "After 1 December 2023: 4 recommendations" in words
    assert "No update: 3" in words  # a segment wide enough carries its name and count


def test_implementation_rate_states_what_it_leaves_out_on_the_chart_and_beside_it(quick):
    node = chart(quick.page(""), "implementation")
    assert table_rows(node) == [["Within", "Implemented", "Counted", "Share"], ["6 months", "0", "1", "0%"],
                                ["12 months", "0", "0", "–"], ["24 months", "0", "0", "–"]]
    notes = ["12 months: 3 of 3 recommendations not yet 12 months past their response, not counted.",
             "24 months: 3 of 3 recommendations not yet 24 months past their response, not counted.",
             "6 months: 2 closed with a status or decision that counts neither as implemented nor as not, "
             "not counted.",
             "1 recommendation has no recorded response, not counted."]
    assert [text(p) for p in node.select(".table-notes p")] == [notes[2], notes[0], notes[1], notes[3]]
    drawn = " ".join(svg_text(quick.out / "charts/progress/implementation.svg"))
    for note in notes:
        assert note in drawn, note
    assert "0% (0 of 1)" in drawn and "None counted yet" in drawn


def test_response_timeliness(quick):
    node = chart(quick.page(""), "timeliness")
    rows = table_rows(node)
    assert [r[:3] for r in rows] == [["Response", "Recommendations", "Share"],
                                     ["Given after the deadline", "3", "75%"],
                                     ["Awaited, past the deadline", "1", "25%"]]
    assert ("Of the 4 recommendations needing an executive response: 3 given after the deadline; "
            "1 awaited past the deadline.") in text(node)
    words = svg_text(quick.out / "charts/progress/timeliness.svg")
    assert "Given after the deadline" in words and "3 (75%)" in words


def test_committee_page_has_the_charts_of_its_reports(quick):
    soup = quick.page("committees/people-scrutiny/")
    node = chart(soup, "status")
    assert node.select_one("img")["src"].endswith("charts/progress/status-narrow.svg")
    assert (quick.out / "committees/people-scrutiny/charts/progress/status.svg").is_file()
    assert table_rows(node)[-1] == ["1 March 2024", "1", "1", "2", "4"]


def test_report_charts_are_drawn_for_each_report(quick):
    """What the report page's include needs: ``report_charts(plan.pub, report)``."""
    pub = gather(quick.out.parent / "project")
    charts = report_charts(pub, pub.report("school-transport-review"))
    assert charts and charts.id == "progress-charts"
    for item in charts.items:
        assert (quick.out / item.wide.path).is_file() and (quick.out / item.narrow.path).is_file()
    # the earlier review has no update and no dated response: only its timeliness is drawn
    earlier = report_charts(pub, pub.report("earlier-review"))
    assert [c.id for c in earlier.items if c.wide] == ["timeliness"]
    assert earlier.items[0].summary == "No progress update has been recorded yet."


def test_no_iso_date_is_shown(quick):
    for url in ("", "committees/people-scrutiny/"):
        assert not ISO_DAY.search(text(quick.page(url).main)), url
    for path in walk(quick.out, "charts/progress/*.svg"):
        assert not ISO_DAY.search(" ".join(svg_text(path))), path


def test_unknown_response_dates_are_left_out_and_counted_in_words(tmp_path):
    root = project_copy(tmp_path)
    recs = root / "content/reports/school-transport-review/recommendations.yaml"
    recs.write_text(recs.read_text(encoding="utf-8").replace("      date: 2023-09-14\n", "", 2), encoding="utf-8")
    site = build_site(root, tmp_path / "site")
    node = chart(site.page(""), "implementation")
    assert "2 recommendations have responses whose date is not stated, not counted." in [
        text(p) for p in node.select(".table-notes p")]
    drawn = " ".join(svg_text(site.out / "charts/progress/implementation.svg"))
    assert "2 recommendations have responses whose date is not stated, not counted." in drawn
    # and their timeliness is not guessed
    assert [r[:3] for r in table_rows(chart(site.page(""), "timeliness"))[1:]] == [
        ["Given after the deadline", "1", "25%"], ["Awaited, past the deadline", "1", "25%"],
        ["Given, timing unknown", "2", "50%"]]


def test_a_page_with_nothing_to_chart_leaves_the_section_out(tmp_path):
    root = project_copy(tmp_path)
    config = root / "site_config.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "committees:\n", "committees:\n  - {id: idle, name: Idle Panel, council: Test Borough Council}\n", 1),
        encoding="utf-8")
    site = build_site(root, tmp_path / "site")
    assert site.page("committees/idle/").find("section", class_="progress-charts") is None
    assert not list(walk(site.out / "committees/idle", "*.svg"))


# --- in a real browser: labels at least 14 px, none overlapping, at both widths --------------------

needs_chromium = needs_tool(CHROMIUM)

#: Every visible text element's box and size, in the page's CSS pixels.
TEXT_BOXES = """() => [...document.querySelectorAll('svg text')]
  .filter(t => getComputedStyle(t).opacity !== '0' && t.getAttribute('opacity') !== '0' && t.textContent.trim())
  .map(t => { const r = t.getBoundingClientRect(); return {
    text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize), x: r.left, y: r.top, w: r.width, h: r.height,
    rotated: /rotate\\((?!0\\))/.test(t.getAttribute('transform') || '') }; })"""


def in_chromium(job, width: int = 1280):
    """``job(page)`` in a headless Chromium of its own, on a thread of its own: another test
    module may hold Playwright's event loop on the main thread."""
    def run():
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--headless=new"])
            try:
                return job(browser.new_page(viewport={"width": width, "height": 900}))
            finally:
                browser.close()

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(run).result()


def text_boxes(svg: str) -> tuple[float, float, list[dict]]:
    """The SVG's size and its visible text boxes, laid out inline in Chromium."""
    def job(page):
        page.set_content(f"<!DOCTYPE html><html><body style='margin:0'>{svg}</body></html>")
        size = page.evaluate("() => { const b = document.querySelector('svg').getBoundingClientRect();"
                             " return [b.width, b.height]; }")
        return (*size, page.evaluate(TEXT_BOXES))
    return in_chromium(job)


def readable(svg: str) -> list[dict]:
    """Assert the SVG's text is readable (at least 14 px, horizontal, inside, apart); returns the boxes."""
    width, height, boxes = text_boxes(svg)
    assert boxes
    for b in boxes:
        assert b["size"] >= 14, b
        assert not b["rotated"], b
        assert -0.5 <= b["x"] and b["x"] + b["w"] <= width + 0.5 and b["y"] + b["h"] <= height + 0.5, b
    ordered = sorted(boxes, key=lambda b: b["y"])
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b["y"] >= a["y"] + a["h"] - 0.5:
                break
            overlap_x = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
            assert overlap_x <= 0.5, (a, b)
    return boxes


def weather_history():
    """Four years of Seattle weather (vega-datasets, local): each month an "update round",
    each kind of weather a "status" -- 48 rounds of five categories."""
    import datetime as dt

    from vega_datasets import local_data

    from scrutiny.dates import parse_known
    from scrutiny.model import Term
    from scrutiny.stats import StatusCategory, StatusHistory, StatusRound

    kinds = ["sun", "fog", "drizzle", "rain", "snow"]
    months: dict[tuple[int, int], dict[str, int]] = {}
    for row in local_data("seattle-weather").itertuples():
        day = dt.date.fromisoformat(str(row.date)[:10])
        counts = months.setdefault((day.year, day.month), {})
        counts[row.weather] = counts.get(row.weather, 0) + 1
    rounds = tuple(StatusRound(parse_known(f"{y}-{m:02d}"), tuple(c.get(k, 0) for k in kinds))
                   for (y, m), c in sorted(months.items()))
    return StatusHistory(tuple(StatusCategory(k.title(), Term(k, k.title())) for k in kinds), rounds, 31, 2)


@needs_chromium
@pytest.mark.browser
@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_a_large_status_chart_stays_readable(width):
    from scrutiny.render.chart import ChartStyle, spec_svg, status_spec

    history = weather_history()
    svg = spec_svg(status_spec(history, ChartStyle(), width), "weather")
    boxes = readable(svg)
    words = [b["text"] for b in boxes]
    assert len(history.rounds) == 48
    drawn = " ".join(words)  # a wrapped label's lines follow each other
    assert all(f"After {r.date.display}: {r.total} recommendations" in drawn for r in history.rounds)
    assert {"Sun", "Fog", "Drizzle", "Rain", "Snow"} <= set(words)


@needs_chromium
@pytest.mark.browser
def test_a_large_data_table_chart_and_its_table_stay_readable():
    """52 years of wheat prices (vega-datasets): the x labels that are shown are 14 px,
    horizontal and apart (Vega hides the ones that would collide), and the table has every row."""
    from vega_datasets import local_data

    from scrutiny.model import DataTable, Source
    from scrutiny.render.chart import chart_svg
    from scrutiny.site.render import make_env

    rows = tuple((str(int(r.year)), float(r.wheat)) for r in local_data.wheat().itertuples())
    table = DataTable("wheat", "Price of wheat in shillings a quarter, 1565 to 1821", ("Year", "Wheat"), rows, "",
                      (), {"mark": "bar", "encoding": {"x": {"field": "Year", "type": "ordinal"},
                                                      "y": {"field": "Wheat", "type": "quantitative"}}},
                      Source("x", 1))
    boxes = readable(chart_svg(table))
    years = [b for b in boxes if re.fullmatch(r"\d{4}", b["text"])]
    assert len(years) >= 6
    html = make_env().get_template("partials/data-table.html.j2").render(
        table=table, chart=None, rel=lambda p: p, report=None)
    assert html.count("<tr>") == len(rows) + 1 and "1821" in html


@needs_chromium
@pytest.mark.browser
@pytest.mark.parametrize("width,drawn", [(1280, WIDE), (320, NARROW)])
def test_the_page_shows_the_drawing_that_fits_at_its_own_size(quick, width, drawn):
    """At 320 px the narrow drawing is shown at its own size: its 14 px labels stay 14 px."""
    def job(page):
        page.goto((quick.out / "index.html").as_uri())
        page.wait_for_load_state("load")
        return (page.evaluate("() => [...document.querySelectorAll('.chart--progress img')].map(i => "
                              "[i.currentSrc, i.getBoundingClientRect().width, i.naturalWidth])"),
                page.evaluate("() => document.documentElement.scrollWidth"))
    sizes, overflow = in_chromium(job, width)
    assert len(sizes) == 3
    for src, shown, natural in sizes:
        assert src.endswith("-narrow.svg") == (drawn == NARROW)
        assert natural == drawn and abs(shown - natural) < 1, (src, shown, natural)
    assert overflow <= width
