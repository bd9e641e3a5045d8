"""A site in English and Welsh (tests/fixtures/bilingual): every page in both languages,
each in its own words, linked to each other; a report with a Welsh version shows it, a
report without one says so; statuses are entered once and shown in both."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from scrutiny.build import build

from .conftest import text
from .test_interface_words import english_pieces, page_words

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "bilingual"
BASE = "https://scrutiny.test.example/"


class Built:
    def __init__(self, out: Path, files: dict[str, int]):
        self.out, self.files = out, files

    def page(self, path: str) -> BeautifulSoup:
        file = path + "index.html" if path.endswith("/") or not path else path
        return BeautifulSoup((self.out / file).read_text(encoding="utf-8"), "html.parser")

    def pages(self, prefix: str = "") -> list[str]:
        """Page paths (``reports/x/``) of one language's site: the main one ("") or ``cy/``."""
        out = []
        for rel in self.files:
            if not rel.endswith("index.html") or rel.startswith("pagefind"):
                continue
            if prefix:
                if rel.startswith(prefix) and not rel[len(prefix):].startswith("pagefind"):
                    out.append(rel[len(prefix):-len("index.html")])
            elif not rel.startswith("cy/"):
                out.append(rel[:-len("index.html")])
        return sorted(out)


def project(base: Path, config_edit=None) -> Path:
    root = base / "project"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns(".cache"))
    if config_edit:
        path = root / "site_config.yaml"
        path.write_text(config_edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Built:
    base = tmp_path_factory.mktemp("bilingual")
    out = base / "site"
    result = build(project(base), out)
    return Built(out, result.files)


def language_of(node) -> str:
    """The language a piece of a page is in: the ``lang`` of it or its nearest ancestor."""
    el = node if getattr(node, "attrs", None) is not None else node.parent
    while el is not None and el.get("lang") is None:
        el = el.parent
    return el.get("lang") if el is not None else ""


def test_every_page_exists_in_both_languages(site):
    english, welsh = site.pages(), site.pages("cy/")
    assert len(english) > 20
    assert welsh == english


def test_each_page_is_in_its_language_and_links_to_the_same_page_in_the_other(site):
    for url in site.pages():
        for here, there, lang, other, name in (("", "cy/", "en-GB", "cy", "Cymraeg"), ("cy/", "", "cy", "en-GB", "English")):
            page = site.page(here + url)
            assert page.html["lang"] == lang, here + url
            switch = page.find(class_="language-switch")
            link = switch.find("a")
            assert (link["hreflang"], link["lang"], text(link)) == (other, other, name), here + url
            target = urljoin(BASE + here + url, link["href"])
            assert target == BASE + there + url + "index.html", (here + url, link["href"])
            alternates = {a["hreflang"]: a["href"] for a in page.find_all("link", rel="alternate", hreflang=True)}
            assert alternates == {"en-GB": BASE + url, "cy": BASE + "cy/" + url, "x-default": BASE + url}, here + url


def test_welsh_pages_show_no_english_interface_words(site):
    pieces = english_pieces()
    for url in site.pages("cy/"):
        page = site.page("cy/" + url)
        for foreign in page.find_all(lambda el: el.get("lang") not in (None, "cy") and el.name != "html"):
            if not foreign.find_parent(class_="language-switch"):
                foreign.decompose()  # a report's own English words, marked as English
        words = page_words(page)
        left = sorted(p for p in pieces if re.search(r"(?<![\w’'])" + re.escape(p) + r"(?![\w’'])", words))
        assert left == [], url


def test_the_translated_report_is_shown_in_welsh(site):
    english = site.page("reports/school-transport-review/")
    welsh = site.page("cy/reports/school-transport-review/")
    assert welsh.find("h1").get("lang") is None  # the page's own language
    assert text(welsh.find("h1")) != text(english.find("h1"))
    assert welsh.find(class_="notice--language") is None
    assert welsh.find(lang="en-GB", class_=lambda c: c != "language-switch") is None or all(
        el.name == "a" and el.find_parent(class_="language-switch") for el in welsh.find_all(lang="en-GB"))


def test_a_report_without_a_welsh_version_says_so_in_welsh_and_marks_its_english(site):
    page = site.page("cy/reports/earlier-review/")
    notice = page.find(class_="notice--language")
    assert notice is not None
    assert text(notice) == ("Nid yw’r adroddiad hwn wedi’i gyfieithu i iaith y dudalen hon. "
                            "Fe’i dangosir fel y’i hysgrifennwyd, yn Saesneg.")
    assert page.find("h1")["lang"] == "en-GB"
    # each piece of the report's English is in English, each of the page's own words in Welsh
    for words, lang in (("The earlier review made one recommendation", "en-GB"),
                        ("Review transport again within three years.", "en-GB"),
                        ("Argymhelliad 1", "cy"), ("Penderfyniad a statws:", "cy"), ("Yn ôl i’r brig", "cy")):
        found = page.find_all(string=re.compile(re.escape(words)))
        assert found, words
        assert {language_of(node) for node in found} == {lang}, words
    # the English site shows the same report with no notice and nothing marked
    english = site.page("reports/earlier-review/")
    assert english.find(class_="notice--language") is None
    assert english.find("h1").get("lang") is None


def test_a_report_without_a_welsh_version_links_to_its_english_formats(site):
    page = site.page("cy/reports/earlier-review/")
    links = [a["href"] for a in page.find_all("a", href=re.compile(r"\.txt$"))]
    assert links, "the formats of the English report are listed"
    for href in links:
        target = urljoin(BASE + "cy/reports/earlier-review/", href)
        assert target == BASE + "reports/earlier-review/earlier-review.txt"
        assert (site.out / target[len(BASE):]).is_file()


def test_the_welsh_report_has_its_own_welsh_formats(site):
    welsh = site.out / "cy/reports/school-transport-review/school-transport-review.txt"
    english = site.out / "reports/school-transport-review/school-transport-review.txt"
    assert welsh.is_file() and english.is_file()
    assert welsh.read_text(encoding="utf-8") != english.read_text(encoding="utf-8")
    page = site.page("cy/reports/school-transport-review/")
    hrefs = [a["href"] for a in page.find_all("a", href=re.compile(r"\.txt$"))]
    assert [urljoin(BASE + "cy/reports/school-transport-review/", h) for h in hrefs] == [
        BASE + "cy/reports/school-transport-review/school-transport-review.txt"]
    # an English-only report is not exported again into the Welsh site
    assert not (site.out / "cy/reports/earlier-review/earlier-review.txt").exists()


def test_a_status_is_entered_once_and_shown_in_both_languages(site):
    def status(prefix):
        page = site.page(prefix + "reports/school-transport-review/recommendations/1/")
        return page.find(attrs={"data-pagefind-meta": "status"}).get_text()

    assert status("") == "Behind schedule"
    assert status("cy/") == "Ar ei hôl hi"  # the catalogue's words for a built-in status


def test_a_councils_own_status_takes_the_words_of_its_translations(site):
    tracker = site.page("cy/tracker/")
    assert "Wedi'i ohirio tan y flwyddyn nesaf" in text(tracker) or "Deferred to next year" not in text(tracker)
    assert "Deferred to next year" not in text(tracker)


def test_the_site_words_are_the_welsh_ones(site):
    home = site.page("cy/")
    assert text(home.find(class_="header__title")) == "Adroddiadau craffu prawf"
    assert text(home.find(class_="header__publisher")) == "Cyngor Bwrdeistref Prawf"
    committee = site.page("cy/committees/people-scrutiny/")
    assert text(committee.find("h1")) == "Pwyllgor Craffu Pobl"


def test_each_language_has_its_own_search_index(site):
    def entries(folder: str) -> list[dict]:
        found = sorted((site.out / folder).glob("pagefind/*/pagefind-entry.json"))
        assert found, f"no search index in {folder or 'the site root'}"
        return [json.loads(path.read_text()) for path in found]

    english, welsh = entries(""), entries("cy")
    assert all(list(e["languages"]) == ["en-gb"] for e in english)
    assert all(list(e["languages"]) == ["cy"] for e in welsh)
    # the English index holds the English pages only, not the Welsh site's
    pages = [sum(e["languages"][lang]["page_count"] for e in found) for found, lang in ((english, "en-gb"), (welsh, "cy"))]
    assert pages[0] == pages[1] > 0


def test_the_sitemaps_and_feeds_name_each_languages_own_addresses(site):
    english = (site.out / "sitemap.xml").read_text()
    welsh = (site.out / "cy/sitemap.xml").read_text()
    assert BASE + "cy/" not in english
    assert welsh.count(BASE + "cy/") == english.count(BASE)


def welsh_first(config: str) -> str:
    """The fixture's configuration with Welsh as the main language: its words in Welsh, the
    English ones under translations."""
    config = config.replace("languages: [en-GB, cy]", "languages: [cy, en-GB]")
    config = config.replace("title: Test scrutiny reports", "title: Adroddiadau craffu prawf")
    config = config.replace("publisher: Test Borough Council\n", "publisher: Cyngor Bwrdeistref Prawf\n", 1)
    config = config.replace("name: People Scrutiny Committee", "name: Pwyllgor Craffu Pobl")
    head, _, _ = config.partition("translations:")
    return head + (
        "translations:\n"
        "  en-GB:\n"
        "    site: {title: Test scrutiny reports, publisher: Test Borough Council}\n"
        "    contact: {team: Scrutiny Team, address: \"Town Hall, High Street, Testborough TB1 1AA\"}\n"
        "    committees:\n"
        "      - {id: people-scrutiny, name: People Scrutiny Committee}\n"
        "    statuses:\n"
        "      - {id: deferred, label: Deferred to next year}\n")


@pytest.fixture(scope="module")
def cymraeg(tmp_path_factory) -> Built:
    base = tmp_path_factory.mktemp("welsh-first")
    out = base / "site"
    root = project(base, welsh_first)
    for report in ("school-transport-review", "earlier-review"):  # written in English, the second language
        path = root / "content" / "reports" / report / "report.yaml"
        path.write_text("language: en-GB\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    result = build(root, out)
    return Built(out, result.files)


def test_a_welsh_first_site_has_welsh_at_its_root_and_english_under_en(cymraeg):
    home = cymraeg.page("")
    assert home.html["lang"] == "cy"
    assert text(home.find(class_="header__title")) == "Adroddiadau craffu prawf"
    english = cymraeg.page("en/")
    assert english.html["lang"] == "en-GB"
    assert text(english.find(class_="header__title")) == "Test scrutiny reports"
    link = home.find(class_="language-switch").find("a")
    assert (text(link), urljoin(BASE, link["href"])) == ("English", BASE + "en/index.html")
    alternates = {a["hreflang"]: a["href"] for a in english.find_all("link", rel="alternate", hreflang=True)}
    assert alternates == {"cy": BASE, "en-GB": BASE + "en/", "x-default": BASE}
    assert sorted(p for p in cymraeg.files if p.endswith("index.html") and p.startswith("en/")
                  and not p.startswith("en/pagefind"))


def test_a_welsh_first_site_shows_the_welsh_version_first_and_the_english_report_marked(cymraeg):
    report = cymraeg.page("reports/school-transport-review/")
    assert report.find(class_="notice--language") is None
    assert report.find("h1").get("lang") is None
    english_only = cymraeg.page("reports/earlier-review/")
    assert english_only.find(class_="notice--language") is not None
    assert english_only.find("h1")["lang"] == "en-GB"
    # its formats are the English site's, and the Welsh page links to them there
    hrefs = [urljoin(BASE + "reports/earlier-review/", a["href"])
             for a in english_only.find_all("a", href=re.compile(r"\.txt$"))]
    assert hrefs == [BASE + "en/reports/earlier-review/earlier-review.txt"]
    assert (cymraeg.out / "en/reports/earlier-review/earlier-review.txt").is_file()


def test_the_main_languages_index_leaves_the_other_languages_folders_out(tmp_path):
    """A shard of the main language's index holds the pages it lists, never the pages of the
    other languages' sites that lie inside its folder (nor any other page there)."""
    from scrutiny.site.search import Shard, index_shard, pagefind_binary
    from scrutiny.writer import OutputWriter

    def page(lang, words):
        return (f'<!DOCTYPE html><html lang="{lang}"><head><title>{words}</title></head>'
                f'<body><main data-pagefind-body><h1>{words}</h1><p>{words} text</p></main></body></html>')

    writer = OutputWriter(tmp_path / "out")
    writer.write("index.html", page("en-GB", "Home"))
    writer.write("reports/a/index.html", page("en-GB", "Report"))
    writer.write("cy/index.html", page("cy", "Hafan"))
    writer.write("cy/reports/a/index.html", page("cy", "Adroddiad"))
    writer.write("help/index.html", page("en-GB", "Help"))
    files = index_shard(writer.tmp, pagefind_binary(), Shard("00", ("index.html", "reports/a/index.html"),
                                                             ("reports/a/index.html",)), scratch=writer.scratch)
    assert writer.tmp / "pagefind/00/reports/pagefind.js" in files
    for folder, count in (("pagefind/00", 2), ("pagefind/00/reports", 1)):
        entry = json.loads((writer.tmp / folder / "pagefind-entry.json").read_text())
        assert {lang: v["page_count"] for lang, v in entry["languages"].items()} == {"en-gb": count}
    assert sorted(p.name for p in writer.tmp.iterdir()) == [".scrutiny-build", "cy", "help", "index.html", "pagefind",
                                                            "reports"], "the pages' links are in the version"
    writer.abort()
    assert not list(writer.builds.glob("trash-scratch-*")), "the pages' links are left behind"


def test_each_language_draws_its_progress_charts_in_its_own_words_on_every_build(tmp_path):
    """The two language passes write their own drawings (once they deleted each other's
    cached ones); a second build links the same bytes, each language's from its own store."""
    root = project(tmp_path)
    site = tmp_path / "site"
    build(root, site)
    report = next(p.relative_to(site).as_posix() for p in sorted(site.glob("reports/*/charts/progress/status.svg")))
    first = {p: (site / p).read_bytes() for p in ("charts/progress/status.svg", "cy/charts/progress/status.svg",
                                                   report, f"cy/{report}")}
    lines: list[str] = []
    build(root, site, log=lines.append)
    assert {p: (site / p).read_bytes() for p in first} == first
    # every drawing, the reports' and the site's, is linked from each language's own store
    counts = [re.match(r"progress charts: (\d+) drawn, (\d+) of them unchanged", line)
              for line in lines if line.startswith("progress charts:")]
    assert [(int(m[1]), int(m[2])) for m in counts] == [(20, 20)] * 2, lines
    assert first[report] != first[f"cy/{report}"]
    en, cy = (first[p].decode() for p in list(first)[:2])
    assert ">Behind schedule</text>" in en and "Ar ei hôl hi" not in en
    assert ">Ar ei hôl hi</text>" in cy and "Behind schedule" not in cy
    assert 'aria-label="Siart: Statws ar ôl pob cylch diweddaru.' in cy