"""Author text on the site's pages is text: the Jinja environment escapes everything it
writes, Markdown link and abbreviation titles are escaped attributes, the table's chart is
an SVG file with its words as text, and CSS custom properties carry labels as CSS strings.
Hostile words in every free-text field, read back with a real HTML parser."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scrutiny.build import build
from scrutiny.render.html import HtmlContext, render_html
from scrutiny.site.render import make_env
from tests.render.test_print_escaping import EXPECTED, LINK_TITLE, TEXT, TITLE, hostile, hostile_project

REPORT = "school-transport-review"
PAGES = ("", "reports/", f"reports/{REPORT}/", f"reports/{REPORT}/recommendations/1/", f"reports/{REPORT}/tracker/",
         "tracker/", "committees/people-scrutiny/")
SAFE_LINK = re.compile(r"^(https?:|mailto:|tel:|#|\.\.?/|[\w-]+/|[\w.-]+\.(html|csv|json|pdf|txt|docx|epub|brf|xml|ics|zip)|index\.html)")


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    root = hostile_project(tmp_path_factory.mktemp("hostile-site"), formats="data")
    out = root.parent / "site"
    build(root, out)
    return out


def page(out: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((out / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def words(node) -> str:
    return " ".join(node.get_text(" ").split())


@pytest.mark.parametrize("url", PAGES)
def test_no_hostile_value_becomes_markup_on_any_page(out, url):
    soup = page(out, url)
    for script in soup.find_all("script"):  # only the site's own: its scripts, and JSON-LD that holds no "<"
        if script.get("type") in ("application/ld+json", "application/json"):
            assert "<" not in script.get_text() and json.loads(script.get_text())
        else:
            assert script.get("src") and not script.get_text().strip(), script
    assert not [s for s in soup.find_all("style") if "alert" in s.get_text()]
    bad = [a["href"] for a in soup.find_all(href=True) if not SAFE_LINK.match(a["href"])]
    assert not bad
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            assert not name.startswith("on"), f"event handler {name} on {element.name}"
            if name in ("href", "src", "srcset", "action", "formaction", "poster", "data"):
                assert not re.match(r"\s*(javascript|file|data|vbscript):", str(value), re.I), (element.name, name)


def test_the_report_page_shows_every_hostile_value_as_the_author_wrote_it(out):
    soup = page(out, f"reports/{REPORT}/")
    assert soup.title is not None and TITLE in soup.title.get_text()
    assert words(soup.find("h1")) == TITLE
    body = words(soup.body)
    shown = [v for v in EXPECTED if v in body]
    assert TITLE in shown and len(shown) >= 15, sorted(set(EXPECTED) - set(shown))
    abbr = soup.find_all("abbr")
    assert abbr and all(a["title"] == hostile(TEXT, 10) for a in abbr)
    og = soup.find("meta", property="og:title")
    assert og is None or og["content"] == TITLE


def test_a_markdown_links_title_is_an_escaped_attribute(out):
    soup = page(out, f"reports/{REPORT}/recommendations/1/")
    links = [a for a in soup.find_all("a") if a.get("href") == "https://ok.example/"]
    assert links and all(a["title"] == LINK_TITLE and words(a) == "a link" for a in links)


def test_the_jinja_environment_escapes_what_it_writes():
    env = make_env()
    assert env.from_string("{{ x }}").render(x=TITLE) == (
        "a&#34;}&lt;/style&gt;&lt;a href=&#34;javascript:alert(1)&#34;&gt;x&lt;/a&gt;&lt;style&gt;")
    assert env.from_string("<p style=\"--a:{{ x | css_string }}\">").render(x=TITLE).count('"') == 2


def test_link_and_abbreviation_titles_are_escaped_by_the_renderer():
    from markdown_it.token import Token
    link, abbr = Token("link_open", "a", 1), Token("abbr_open", "abbr", 1)
    link.attrs = {"href": "https://ok.example/", "title": TEXT}
    abbr.attrs = {"title": TEXT}
    tokens = [link, Token("text", "", 0), Token("link_close", "a", -1), abbr, Token("abbr_close", "abbr", -1)]
    tokens[1].content = "<b>x</b>"
    ctx = HtmlContext(rec_href=lambda *a: "#", rec_box=lambda n: "", data_table=lambda t: "")
    html = render_html(tokens, ctx)
    soup = BeautifulSoup(html, "html.parser")
    assert [e.name for e in soup.find_all(True)] == ["a", "abbr"]
    assert soup.a["title"] == TEXT and soup.abbr["title"] == TEXT and soup.a.get_text() == "<b>x</b>"


def test_the_table_chart_file_holds_the_words_as_text(out):
    svg = (out / f"reports/{REPORT}/charts/journeys.svg").read_text(encoding="utf-8")
    root = ET.fromstring(svg)
    names = {e.tag.rpartition("}")[2] for e in root.iter()}
    assert not names & {"script", "a", "image", "foreignObject", "style"}
    assert root.get("aria-label").startswith(f"Chart: {hostile(TEXT, 12)}")
    assert "<script>alert(2)</script>" in " ".join(root.itertext())
