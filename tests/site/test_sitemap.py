"""sitemap.xml (read with lxml), and each page's metadata for sharing and search:
OpenGraph tags and the schema.org JSON-LD of report pages (read with json)."""

from __future__ import annotations

import json
import re

from lxml import etree

from scrutiny.site.meta import script_json

from .conftest import PAGES, build_site, project_copy

BASE = "https://scrutiny.test.example/"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
REPORT = "reports/school-transport-review/"


def test_sitemap_lists_every_page_with_absolute_urls(late_site):
    root = etree.fromstring(late_site.path("sitemap.xml").read_bytes())
    locs = root.xpath("//s:url/s:loc/text()", namespaces=NS)
    assert len(locs) == len(set(locs))
    assert {BASE + p for p in PAGES if p != "404.html"} <= set(locs)
    assert BASE + "404.html" not in locs
    pages = {u for u in late_site.files if u.endswith("index.html")}
    assert len(locs) == len(pages)
    assert not root.xpath("//s:lastmod", namespaces=NS)


def test_sitemap_without_an_absolute_base_url_has_paths(tmp_path):
    root = project_copy(tmp_path)
    config = root / "site_config.yaml"
    config.write_text(re.sub(r"(?m)^(\s*base_url:).*$", r"\1 /scrutiny/", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    built = build_site(root, tmp_path / "site")
    locs = etree.fromstring(built.path("sitemap.xml").read_bytes()).xpath("//s:loc/text()", namespaces=NS)
    assert "/scrutiny/reports/school-transport-review/" in locs
    assert all(loc.startswith("/scrutiny/") for loc in locs)


def og(site, url):
    head = site.page(url).head
    return {m["property"]: m["content"] for m in head.find_all("meta", property=re.compile("^og:"))}


def test_opengraph_tags(late_site):
    tags = og(late_site, REPORT)
    assert tags["og:title"] == "Home to School Transport"
    assert tags["og:type"] == "article"
    assert tags["og:url"] == BASE + REPORT
    assert tags["og:description"] == "A task group looked at how the council plans home to school transport."
    assert tags["og:site_name"] == "Test scrutiny reports"
    home = og(late_site, "")
    assert home["og:type"] == "website" and home["og:url"] == BASE
    for url in PAGES:
        assert {"og:title", "og:type", "og:url", "og:site_name"} <= set(og(late_site, url)), url


def json_ld(site, url):
    scripts = site.page(url).head.find_all("script", type="application/ld+json")
    return [json.loads(s.string) for s in scripts]


def test_report_json_ld(late_site):
    [data] = json_ld(late_site, REPORT)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Report"
    assert data["name"] == "Home to School Transport"
    assert data["datePublished"] == "2023-06-01"
    assert data["publisher"] == {"@type": "Organization", "name": "Test Borough Council"}
    assert data["author"] == {"@type": "Organization", "name": "People Scrutiny Committee"}
    assert data["url"] == BASE + REPORT
    assert json_ld(late_site, "") == []


def test_json_ld_cannot_close_its_script_element():
    raw = script_json({"name": "</script><b>Tom & Jerry</b>"})
    assert "<" not in raw and ">" not in raw and "&" not in raw
    assert json.loads(raw) == {"name": "</script><b>Tom & Jerry</b>"}


def test_json_ld_leaves_out_an_unstated_published_date(tmp_path):
    root = project_copy(tmp_path)
    report = root / "content" / "reports" / "school-transport-review" / "report.yaml"
    text = report.read_text(encoding="utf-8")
    assert "  published: 2023-06-01\n" in text
    report.write_text(text.replace("  published: 2023-06-01\n", ""), encoding="utf-8")
    built = build_site(root, tmp_path / "site")
    [data] = json_ld(built, REPORT)
    assert "datePublished" not in data
