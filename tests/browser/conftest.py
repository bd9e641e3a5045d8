"""Headless Chromium (Debian's /usr/bin/chromium) over the minimal fixture's built site,
served by a threaded http.server on 127.0.0.1; axe-core from node_modules."""

from __future__ import annotations

import functools
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from scrutiny.build import build
from tests.conftest import needs_tool, require

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

#: One page of every kind.
KINDS = {
    "home": "",
    "report": "reports/school-transport-review/",
    "recommendation": "reports/school-transport-review/recommendations/1/",
    "report tracker": "reports/school-transport-review/tracker/",
    "site tracker": "tracker/",
    "tracker view": "tracker/awaiting-response/",
    "tracker groups": "tracker/owners/",
    "tracker group": "tracker/owners/jo-bloggs/",
    "committee": "committees/people-scrutiny/",
    "accessibility": "accessibility/",
    "alternative formats": "alternative-formats/",
    "search": "search/",
    "404": "404.html",
}


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(needs_tool(CHROMIUM))


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The minimal fixture's site, built from a copy (builds keep a cache in the project)."""
    base = tmp_path_factory.mktemp("browser")
    root = base / "project"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns(".cache"))
    build(root, base / "site")
    return base / "site"


@pytest.fixture(scope="session")
def base_url(built):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(built)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.js_errors = errors
    yield tab
    context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    require(AXE)
    return AXE.read_text(encoding="utf-8")


def run_axe(page, axe_source: str) -> list[dict]:
    page.evaluate(axe_source)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return result["violations"]


def describe(violations: list[dict]) -> str:
    return "\n".join(f"{v['id']}: {v['help']} -> {[n['target'] for n in v['nodes']][:5]}" for v in violations)


def copy_site(built: Path, dest: Path) -> Path:
    shutil.copytree(built, dest)
    return dest


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab from the top of the page until ``selector`` has focus."""
    page.locator("body").focus()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never received focus by Tab")
