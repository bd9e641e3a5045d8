"""The accessibility statement: the GOV.UK model's parts, dated on the day of the build
(SOURCE_DATE_EPOCH or today, never as_of), and saying only what the site and its tests do."""

from __future__ import annotations

import datetime as dt
import importlib
import re

import pytest

from scrutiny.build import build
from scrutiny.dates import long_date
from tests.conftest import copy_fixture, with_chart, with_formats

from .conftest import Site, project_copy, resolve, text

PAGE = "accessibility/"
#: 14 November 2023 22:13:20 UTC.
EPOCH = "1700000000"
MODEL = [
    "How accessible this website is",
    "Feedback and contact information",
    "Reporting accessibility problems with this website",
    "Enforcement procedure",
    "Technical information about this website’s accessibility",
    "Compliance status",
    "Non-accessible content",
    "What we’re doing to improve accessibility",
    "Preparation of this accessibility statement",
]


def build_with(root, out, epoch: str | None) -> Site:
    with pytest.MonkeyPatch.context() as mp:
        if epoch is None:
            mp.delenv("SOURCE_DATE_EPOCH", raising=False)
        else:
            mp.setenv("SOURCE_DATE_EPOCH", epoch)
        result = build(root, out)
    return Site(out, result.files)


@pytest.fixture(scope="module")
def dated(tmp_path_factory) -> Site:
    """The fixture with only the data format, built on 14 November 2023."""
    base = tmp_path_factory.mktemp("dated")
    return build_with(project_copy(base), base / "site", EPOCH)


def section(soup, heading: str) -> str:
    """The words from a heading to the next heading of the same or a higher level."""
    h = next(h for h in soup.main.find_all(["h2", "h3"]) if text(h) == heading)
    words = []
    for node in h.find_next_siblings():
        if node.name in ("h2", "h1") or (node.name == "h3" and h.name == "h3"):
            break
        words.append(text(node))
    return " ".join(words)


def test_follows_the_govuk_model(site):
    soup = site.page(PAGE)
    assert text(soup.find("h1")) == "Accessibility statement for Test scrutiny reports"
    headings = [text(h) for h in soup.main.find_all(["h2", "h3"])]
    assert [h for h in headings if h in MODEL] == MODEL
    assert "applies to the web pages of Test scrutiny reports (https://scrutiny.test.example/)" in text(soup.main)


def test_compliance_status_sentence(site):
    words = section(site.page(PAGE), "Compliance status")
    assert re.fullmatch(r"This website is (fully|partially|not) compliant with the Web Content Accessibility "
                        r"Guidelines version 2\.2 AA standard(, due to the non-compliances listed below)?\.", words)


def test_contact_and_enforcement(site):
    soup = site.page(PAGE)
    for heading in ("Feedback and contact information", "Reporting accessibility problems with this website"):
        assert "scrutiny@test.example" in section(soup, heading) and "01234 567890" in section(soup, heading)
    assert soup.find("a", href="mailto:scrutiny@test.example") and soup.find("a", href="tel:01234567890")
    enforcement = section(soup, "Enforcement procedure")
    assert "Equality and Human Rights Commission (EHRC)" in enforcement
    assert soup.find("a", href="https://www.equalityadvisoryservice.com/")


def test_dates_are_the_day_of_the_build_from_source_date_epoch(dated):
    words = section(dated.page(PAGE), "Preparation of this accessibility statement")
    assert "This statement was prepared on 14 November 2023." in words
    assert "It was last updated on 14 November 2023, when this website was last built" in words
    assert "This website was last built on 14 November 2023." in words
    assert "31 March 2024" not in words  # the fixture's as_of


def test_without_source_date_epoch_the_date_is_today(tmp_path):
    before = dt.date.today()
    site = build_with(project_copy(tmp_path), tmp_path / "site", None)
    after = dt.date.today()
    words = section(site.page(PAGE), "Preparation of this accessibility statement")
    assert any(f"This statement was prepared on {long_date(day)}." in words for day in {before, after})


def test_no_iso_date_is_shown(site, dated):
    for s in (site, dated):
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text(s.page(PAGE).main))


def test_named_formats_are_the_formats_written(site):
    """The statement names exactly the formats whose files this build wrote."""
    from scrutiny.exporters import REGISTRY

    soup = site.page(PAGE)
    item = next(li for li in soup.main.select("li") if text(li).startswith("get every report in other formats"))
    named = text(item).split("(", 1)[1].rsplit("), listed", 1)[0]
    written = {f.id for f in REGISTRY for pattern, _ in f.files
               if any(p.endswith("/" + pattern.format(id=r)) for r in ("school-transport-review", "earlier-review")
                      for p in site.files)}
    assert written - {"data"} == {"txt", "large-print", "pdf", "docx", "epub", "brf", "audio"}
    assert named == ", ".join(f.label for f in REGISTRY if f.id in written - {"data"})
    assert resolve(PAGE, item.find("a")["href"]) == "alternative-formats/"


def test_without_other_formats_it_does_not_speak_of_them(dated):
    words = text(dated.page(PAGE).main)
    assert "get every report in other formats" not in words
    assert "files in other formats are made automatically" not in words
    assert "synthetic voice" not in words


def charts(site: Site) -> list[str]:
    return [p for p in site.files if p.endswith(".svg") and "charts/" in p]


def test_charts_are_listed_when_the_site_has_one(tmp_path):
    root = with_chart(with_formats(copy_fixture(tmp_path), "data"))
    site = build_with(root, tmp_path / "site", EPOCH)
    assert "reports/school-transport-review/charts/journeys.svg" in charts(site)
    words = section(site.page(PAGE), "Non-compliance with the accessibility regulations")
    assert "Charts are images (SVG)" in words and "1.4.5 (Images of text)" in words
    assert "in a table beside it" in words
    assert "Charts are images" in text(site.page(PAGE).main)


def test_charts_are_not_listed_when_the_site_has_none(tmp_path, monkeypatch):
    """Without any chart (no table chart, and the progress charts not drawn) the statement
    does not speak of charts."""
    from scrutiny.site import builder

    monkeypatch.setattr(builder, "write_progress_charts", lambda *args, **kwargs: (0, 0), raising=False)
    site = build_with(project_copy(tmp_path), tmp_path / "site", EPOCH)
    assert not charts(site)
    assert "chart" not in text(site.page(PAGE).main).lower()


def test_what_it_says_is_tested_is_tested(site):
    """Each test the statement describes exists, over the pages it names."""
    browser = importlib.import_module("tests.browser.conftest")
    axe = importlib.import_module("tests.browser.test_axe")
    layout = importlib.import_module("tests.browser.test_layout")
    search = importlib.import_module("tests.browser.test_search")
    tracker = importlib.import_module("tests.browser.test_tracker")
    words = section(site.page(PAGE), "Preparation of this accessibility statement")
    assert "axe-core accessibility engine in a headless Chromium browser" in words
    assert {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"} <= set(browser.AXE_TAGS)
    assert {"home", "report", "recommendation", "report tracker", "site tracker", "committee", "accessibility",
            "alternative formats", "search", "404"} <= set(browser.KINDS)
    assert hasattr(axe, "test_no_axe_violations") and hasattr(axe, "test_no_axe_violations_with_search_results")
    assert "reflows at a width of 320 pixels" in words and hasattr(layout, "test_reflows_at_320_pixels")
    assert hasattr(layout, "test_print_hides_navigation_and_filters")
    assert hasattr(search, "test_search_by_keyboard") and hasattr(tracker, "test_filters_by_keyboard_alone")
    assert hasattr(tracker, "test_tracker_is_complete_without_javascript")
    from scrutiny.colour import MINIMUM
    assert MINIMUM == 4.5 and "at least 4.5 to 1" in words


def test_statement_links_resolve(site):
    soup = site.page(PAGE)
    for a in soup.main.find_all("a", href=True):
        target = resolve(PAGE, a["href"])
        if target.startswith(("http", "mailto:", "tel:")):
            continue
        path, _, fragment = target.partition("#")
        page = path or PAGE
        assert site.path(page).is_file(), a["href"]
        if fragment and page == PAGE:
            assert soup.find(id=fragment), a["href"]


def test_base_url_without_a_host_is_not_named(tmp_path):
    root = project_copy(tmp_path)
    config = root / "site_config.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("https://scrutiny.test.example/", "/"), encoding="utf-8")
    site = build_with(root, tmp_path / "site", EPOCH)
    lead = text(site.page(PAGE).select_one("main .lead"))
    assert lead.startswith("This accessibility statement applies to the web pages of Test scrutiny reports, and")
    assert "(/)" not in lead and "http" not in lead


def test_a_format_whose_tools_are_missing_is_not_named(tmp_path, monkeypatch):
    """Braille is configured but lou_translate is not on the PATH: the build skips it, and
    the statement names only what it wrote."""
    root = project_copy(tmp_path, formats="[data, txt, brf]")
    empty = tmp_path / "no-tools"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    site = build_with(root, tmp_path / "site", EPOCH)
    assert not any(p.endswith(".brf") for p in site.files) and any(p.endswith(".txt") for p in site.files)
    soup = site.page(PAGE)
    item = next(li for li in soup.main.select("li") if text(li).startswith("get every report in other formats"))
    assert "(Plain text)" in text(item)
    assert "braille file" not in text(soup.main)


def test_charts_are_listed_exactly_when_a_chart_was_written(site, dated):
    """Whatever drew them (a table's chart, the progress charts of the home, committee and
    report pages), any chart image the build wrote is named as non-accessible content."""
    for s in (site, dated):
        assert ("Charts are images (SVG)" in text(s.page(PAGE).main)) == bool(charts(s))
