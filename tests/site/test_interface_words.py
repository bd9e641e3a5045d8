"""The site's own words in the page's language: every word the templates and the theme's
scripts show goes through gettext (templates/**.j2, theme/*.js), the Welsh catalogue has
them all, a Welsh site shows them in Welsh, and its scripts get their words from the page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from scrutiny import i18n

from .conftest import PAGES, build_site, project_copy, text

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
THEME = ROOT / "theme"
SITE_PO = ROOT / "scrutiny" / "locale" / "cy" / "LC_MESSAGES" / "site.po"

# --- the sources: no word outside gettext ----------------------------------------------------

_STRING = r"""("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')"""
#: gettext calls of the templates, with their one or two message strings
_CALL = re.compile(r"\b(?:_|gettext|ngettext)\(\s*" + _STRING + r"(?:\s*,\s*" + _STRING + r")?")
_WORDS = re.compile(r"[A-Za-z]{2,}")
#: a string of an expression that reads as words shown to people ("No update yet")
_PHRASE = re.compile(r"[A-Za-z]{2,} [a-z]{2,}")
#: what may stay as written: file types and a format's name, not words of a language
_KEEP = {"MP3"}


def untranslated(source: str) -> list[str]:
    """The words of one template that a translator could never reach."""
    source = re.sub(r"\{#.*?#\}", "", source, flags=re.S)
    source = re.sub(r"\{%-?\s*trans\b.*?\{%-?\s*endtrans\s*[-+]?%\}", "\x00", source, flags=re.S)
    source = re.sub(r"<script\b.*?</script>", "", source, flags=re.S)
    found: list[str] = []
    for code in re.findall(r"\{\{.*?\}\}|\{%.*?%\}", source, flags=re.S):
        for literal in re.findall(_STRING, _CALL.sub("", code)):
            literal = literal[1:-1]
            if _PHRASE.search(literal) and not re.search(r"--|__|[/=#]", literal):  # not classes or paths
                found.append(literal)
    markup = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "\x00", source, flags=re.S)
    for between in re.findall(r">([^<>]*)<", markup):
        for piece in between.split("\x00"):
            piece = piece.strip(" .,:;()·\n")
            if _WORDS.search(piece) and piece not in _KEEP:
                found.append(piece)
    for value in re.findall(r"""\b(?:aria-label|alt|title|placeholder|data-label)=["']([^"']*)["']""", markup):
        if _WORDS.search(value.replace("\x00", "")):
            found.append(value)
    return found


@pytest.mark.parametrize("template", sorted(p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.j2")))
def test_every_word_of_a_template_goes_through_gettext(template):
    assert untranslated((TEMPLATES / template).read_text(encoding="utf-8")) == []


def test_the_template_check_finds_words_left_as_written():
    assert untranslated('<p>{{ _("Fine") }}</p>\n<h2 class="x">Left out</h2>') == ["Left out"]
    assert untranslated("<td>{{ x if y else 'None given' }}</td>") == ["None given"]
    assert untranslated('<nav aria-label="Other recommendations">') == ["Other recommendations"]
    assert untranslated('<p>{% trans n=1 %}Whole {{ n }} sentence{% endtrans %}</p>') == []


#: a string literal of the scripts: words, not selectors, class names or JSON keys
_JS_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def script_words(source: str) -> list[str]:
    """String literals of a script that would be shown untranslated."""
    source = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    source = re.sub(r"\bgettext\(\s*" + _JS_STRING.pattern, "gettext(", source)
    words = []
    for literal in _JS_STRING.findall(source):
        if literal == "use strict" or re.fullmatch(r"[\w-]+\.\w+", literal) or not re.search(r"[A-Za-z]", literal):
            continue  # the directive, file names, spaces and punctuation
        if re.search(r"[A-Za-z]{2,}[ ,.:]+[A-Za-z]|^[A-Z][a-z]+$| $|^ ", literal) and not re.search(r"[\[\]=#(]|--|__", literal):
            words.append(literal)
    return words


@pytest.mark.parametrize("script", ["tracker.js", "search.js"])
def test_every_word_of_a_script_goes_through_gettext(script):
    assert script_words((THEME / script).read_text(encoding="utf-8")) == []


def test_the_script_check_finds_words_left_as_written():
    assert script_words('el.textContent = "Showing " + n + " of " + total;') == ["Showing ", " of "]
    assert script_words('fact(dl, "Decision", x); x.className = "search__fact";') == ["Decision"]
    assert script_words('el.textContent = gettext("Showing %(n)s", {n: n});') == []


# --- the catalogue -------------------------------------------------------------------------


def welsh_catalogue():
    with SITE_PO.open("rb") as fh:
        return read_po(fh, locale="cy", domain="site")


def test_welsh_catalogue_keeps_every_placeholder_and_no_fuzzy_entry():
    for m in welsh_catalogue():
        if not m.id:
            continue
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        strings = [m.string] if isinstance(m.string, str) else list(m.string)
        wanted = set(re.findall(r"%\(\w+\)[sd]|%%", " ".join(ids)))
        assert not m.fuzzy, m.id
        for s in strings:
            assert s, f"{m.id!r} has no Welsh"
            # every value the page fills in is there (the aliases may name a number more often)
            assert set(re.findall(r"%\(\w+\)[sd]|%%", s)) == wanted, (m.id, s)
            # translations are trusted as markup (Jinja's i18n): the tags must be the English
            # message's own, and no quote may be added that could end an attribute
            assert sorted(re.findall(r"<[^>]*>?", s)) == sorted(re.findall(r"<[^>]*>?", ids[0])), (m.id, s)
            assert s.count('"') <= ids[0].count('"') and ">" not in re.sub(r"<[^>]*>", "", s), (m.id, s)


# --- the built site ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def welsh(tmp_path_factory):
    base = tmp_path_factory.mktemp("welsh")
    root = project_copy(base)
    config = root / "site_config.yaml"
    config.write_text(re.sub(r"(?m)^(\s*language:).*$", r"\1 cy", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    return build_site(root, base / "site")


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    base = tmp_path_factory.mktemp("english")
    return build_site(project_copy(base), base / "site")


def page_words(soup) -> str:
    """The visible words of a page and the words of its labels (aria-label, alt, data-label)."""
    for hidden in soup.find_all(["script", "style"]):
        hidden.decompose()
    labels = [el.get(a) for a in ("aria-label", "alt", "data-label", "title")
              for el in soup.find_all(attrs={a: True})]
    return text(soup) + " | " + " | ".join(labels)


def english_pieces() -> set[str]:
    """The template messages whose Welsh differs, cut at their placeholders and markup into
    runs of at least two words: none of them may be left on a Welsh page."""
    pieces = set()
    for m in welsh_catalogue():
        if not m.id or any(loc.endswith(".js") for loc, _ in m.locations):
            continue
        for english in ([m.id] if isinstance(m.id, str) else m.id):
            for run in re.split(r"%\(\w+\)[sd]|<[^>]*>", english):
                run = " ".join(run.split()).strip(" .,:;()")
                if re.fullmatch(r"[A-Za-z’'-]+(?: [A-Za-z’'-]+){2,}", run):
                    pieces.add(run)
    return pieces


@pytest.mark.parametrize("url", PAGES)
def test_a_welsh_page_shows_no_english_interface_words(welsh, url):
    words = page_words(welsh.page(url))
    assert welsh.page(url).html["lang"] == "cy"
    left = sorted(p for p in english_pieces() if re.search(r"(?<![\w’'])" + re.escape(p) + r"(?![\w’'])", words))
    assert left == [], url


def test_a_welsh_page_speaks_welsh(welsh):
    home = welsh.page("")
    assert home.find("a", class_="skip-link").get_text() == "Neidio i’r prif gynnwys"
    assert home.find("nav", class_="service-nav")["aria-label"] == "Prif ddewislen"
    tracker = welsh.page("tracker/")
    assert text(tracker.find(id="tracker-count")) == "4 argymhelliad"
    assert text(tracker.find(id="filters-title")) == "Hidlo argymhellion"
    assert "Lawrlwythwch y tabl hwn fel CSV neu JSON" in text(tracker)
    report = welsh.page("reports/school-transport-review/")
    assert text(report.find(class_="back-to-top")) == "Yn ôl i’r brig"
    assert text(report.find("caption", string=re.compile("Crynodeb"))) == "Crynodeb o’r 3 argymhelliad"


def test_the_welsh_scripts_get_their_words_from_the_page(welsh):
    for url in ("tracker/", "search/"):
        store = welsh.page(url).find("script", id="i18n-words")
        assert store is not None and store.get("type") == "application/json", url
        words = json.loads(store.string)
        assert words["Show filters"] == "Dangos yr hidlyddion"
        assert words["%(count)s results for “%(term)s”"] == "%(count)s canlyniad ar gyfer “%(term)s”"
        assert words["Showing %(shown)s of %(total)s recommendations"].startswith("Yn dangos")
        # the scripts' words only, not every word of the site
        assert "Skip to main content" not in words
    # a page without scripts carries none
    assert welsh.page("accessibility/").find("script", id="i18n-words") is None


def test_english_pages_are_as_written(english):
    """English: the words as the templates have them, and no word list for the scripts (they
    have their own words), so an English site is what it was before translation."""
    tracker = english.page("tracker/")
    assert tracker.find("script", id="i18n-words") is None
    assert text(tracker.find(id="tracker-count")) == "4 recommendations"
    # the paragraph as the template had it before translation, line breaks and all
    assert ('<p>Download this table as\n<a href="../data/recommendations.csv">CSV</a> or '
            '<a href="../data/recommendations.json">JSON</a>.\n</p>') in english.html("tracker/")
    assert i18n.js_words() == {}


def test_one_environment_serves_both_languages():
    """The build renders Welsh and English pages with one Jinja environment, and Jinja keeps
    an imported template's module: words looked up at its top level would stay in the
    language of the first page. The tracker table's card labels follow each page's language."""
    from scrutiny.site.render import make_env

    template = make_env().from_string(
        '{% with rows=[], caption="c", site_wide=false, sortable=false %}'
        '{% include "partials/tracker-table.html.j2" %}{% endwith %}')
    pages = {}
    for lang in ("cy", "en", "cy"):
        with i18n.use(lang):
            pages.setdefault(lang, []).append(template.render(rel=lambda url: url))
    assert "--l-report:\"Adroddiad\"" in pages["cy"][0].replace("&#34;", '"')
    assert "--l-report:\"Report\"" in pages["en"][0].replace("&#34;", '"')
    assert pages["cy"][0] == pages["cy"][1]
