"""Every page: one h1, a unique title, lang, skip link, landmarks, breadcrumbs, relative links."""

from __future__ import annotations

import re

import pytest

from .conftest import PAGES, resolve, text


@pytest.mark.parametrize("url", PAGES)
def test_page_structure(site, url):
    soup = site.page(url)
    assert soup.html["lang"] == "en-GB"
    assert len(soup.find_all("h1")) == 1
    assert soup.title and soup.title.string.strip()
    skip = soup.body.find("a")
    assert skip["href"] == "#main-content" and "skip" in skip["class"][0]
    mains = soup.find_all("main")
    assert len(mains) == 1 and mains[0]["id"] == "main-content"
    assert soup.find("header") and soup.find("footer")
    assert soup.find("nav", attrs={"aria-label": "Main"})
    if url:
        crumbs = soup.find("nav", attrs={"aria-label": "Breadcrumb"})
        assert crumbs is not None
        assert crumbs.find("li", attrs={"aria-current": "page"})


def test_titles_are_unique(site):
    titles = [site.page(url).title.string.strip() for url in PAGES]
    assert len(set(titles)) == len(titles)


@pytest.mark.parametrize("url", [u for u in PAGES if u != "404.html"])
def test_links_are_relative_and_resolve(site, url):
    """Every internal link is relative (so the site works from any folder and file://)
    and points to a file that exists."""
    soup = site.page(url)
    for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
        for node in soup.find_all(tag, attrs={attr: True}):
            ref = node[attr]
            if re.match(r"^(https?|mailto|tel):", ref) or ref.startswith("#") or node.get("rel") == ["canonical"]:
                continue
            assert not ref.startswith("/"), (url, ref)
            path = resolve(url, ref).split("#")[0].split("?")[0]
            assert site.path(path).is_file(), (url, ref)


def test_not_found_page_links_from_the_site_root(site):
    """A server shows 404.html at any depth, so its links start from the base URL's path."""
    soup = site.page("404.html")
    assert soup.find("link", rel="stylesheet")["href"] == "/assets/site.css"
    assert any(a["href"] == "/tracker/index.html" for a in soup.find_all("a", href=True))


def test_current_section_is_marked(site):
    nav = site.page("tracker/").find("nav", attrs={"aria-label": "Main"})
    current = nav.find_all("a", attrs={"aria-current": "page"})
    assert [text(a) for a in current] == ["Tracker"]


def test_focus_style_uses_the_brand_focus_colour(site):
    css = (site.out / "assets" / "site.css").read_text(encoding="utf-8")
    assert "--focus: #ffdd00;" in css
    assert re.search(r":focus-visible\s*\{[^}]*var\(--focus\)", css)
    assert "GDS Transport" not in css and "crown" not in css.lower()


def print_hidden_selectors(css: str) -> set[str]:
    """The selectors of the rules inside ``@media print`` that set ``display: none``."""
    import tinycss2

    hidden: set[str] = set()
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type != "at-rule" or rule.lower_at_keyword != "media" or "print" not in tinycss2.serialize(rule.prelude):
            continue
        for inner in tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True):
            if inner.type != "qualified-rule":
                continue
            declarations = tinycss2.parse_declaration_list(inner.content, skip_comments=True, skip_whitespace=True)
            if any(d.type == "declaration" and d.lower_name == "display"
                   and tinycss2.serialize(d.value).strip() == "none" for d in declarations):
                hidden |= {" ".join(sel.split()) for sel in tinycss2.serialize(inner.prelude).split(",")}
    return hidden


#: Each part print hides, and a page that has it (so that a selector matching nothing fails).
PRINT_HIDDEN = {".skip-link": "", ".service-nav": "", ".breadcrumbs": "reports/school-transport-review/",
                ".filters": "tracker/", ".footer nav": "", ".search__form": "search/"}


def test_print_styles_hide_navigation(site):
    css = (site.out / "assets" / "site.css").read_text(encoding="utf-8")
    hidden = print_hidden_selectors(css)
    assert set(PRINT_HIDDEN) <= hidden, set(PRINT_HIDDEN) - hidden
    for selector, url in PRINT_HIDDEN.items():
        assert site.page(url).select(selector), f"{selector} matches nothing on /{url}"


def test_logo_and_footer(site):
    soup = site.page("")
    assert soup.find("img", class_="header__logo")["alt"] == ""
    assert (site.out / "assets" / "logo.svg").is_file()
    assert "Test Borough Council" in text(soup.find("footer"))


def test_no_live_reload_in_a_build(site):
    assert "__version" not in site.html("")


def test_folder_links_name_their_index_page(site):
    """From files (file://) a browser lists a folder instead of opening its index.html,
    so links name the file; the folder stays the page's stable, canonical URL."""
    soup = site.page("reports/school-transport-review/")
    nav = soup.find("nav", attrs={"aria-label": "Main"})
    assert [a["href"] for a in nav.find_all("a")][:2] == ["../../index.html", "../../reports/index.html"]
    assert soup.find("link", rel="canonical")["href"] == "https://scrutiny.test.example/reports/school-transport-review/"
