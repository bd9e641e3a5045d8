"""Build the minimal fixture's site once per test module and read its pages with a real
HTML parser (BeautifulSoup over the standard library's html.parser)."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from scrutiny.build import build

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
BASE = "http://site.invalid/"

#: Every kind of page of the minimal fixture's site.
PAGES = (
    "",
    "reports/",
    "reports/school-transport-review/",
    "reports/school-transport-review/recommendations/1/",
    "reports/school-transport-review/recommendations/2/",
    "reports/school-transport-review/recommendations/3/",
    "reports/school-transport-review/tracker/",
    "reports/earlier-review/",
    "reports/earlier-review/recommendations/1/",
    "reports/earlier-review/tracker/",
    "tracker/",
    "changes/",
    "changes/2024-03-01/",
    "committees/",
    "committees/people-scrutiny/",
    "accessibility/",
    "alternative-formats/",
    "search/",
    "404.html",
)


@dataclass
class Site:
    out: Path
    files: dict[str, int]

    def path(self, url: str) -> Path:
        return self.out / (url + "index.html" if url.endswith("/") or not url else url)

    def html(self, url: str) -> str:
        return self.path(url).read_text(encoding="utf-8")

    def page(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.html(url), "html.parser")


def build_site(root: Path, out: Path) -> Site:
    result = build(root, out)
    return Site(out, result.files)


def project_copy(base: Path, as_of: str | None = None, formats: str = "[data]") -> Path:
    """A copy of the minimal fixture with another as-of date and only quick formats."""
    root = base / "project"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns(".cache"))
    config = root / "site_config.yaml"
    text = config.read_text(encoding="utf-8")
    if as_of:
        text = re.sub(r"(?m)^(\s*as_of:).*$", rf"\1 {as_of}", text)
    text = re.sub(r"(?m)^formats:.*$", f"formats: {formats}", text)
    config.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def minimal_root(tmp_path_factory) -> Path:
    """A copy of the minimal fixture, so that builds never write into tests/fixtures (the
    export cache, ``.cache/``, lives in the project folder); modules share its cache."""
    root = tmp_path_factory.mktemp("minimal") / "project"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns(".cache"))
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory, minimal_root) -> Site:
    """The minimal fixture as it is (every format it asks for), built once per module."""
    return build_site(minimal_root, tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="module")
def late_site(tmp_path_factory) -> Site:
    """The minimal fixture three months later (as of 2024-06-30): recommendation 1's
    revised target (March 2024) has passed."""
    base = tmp_path_factory.mktemp("late")
    return build_site(project_copy(base, as_of="2024-06-30"), base / "site")


def text(node) -> str:
    """Visible words of a node, whitespace collapsed."""
    return " ".join(node.get_text(" ").split())


def resolve(page_url: str, href: str) -> str:
    """The site path (``reports/x/``) and fragment an href of a page points to; links name
    a folder's ``index.html`` (so the site works from files) and mean the folder."""
    url = urljoin(BASE + page_url, href)
    if not url.startswith(BASE):
        return url
    path, mark, rest = url[len(BASE):].partition("#")
    path = re.sub(r"(^|/)index\.html(?=$|\?)", r"\1", path)
    return path + mark + rest


def links_to(soup: BeautifulSoup, page_url: str, target: str) -> list:
    """Anchors of a page that point to the site path ``target`` (any fragment)."""
    return [a for a in soup.find_all("a", href=True) if resolve(page_url, a["href"]).split("#")[0] == target]
