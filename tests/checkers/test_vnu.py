"""The Nu HTML Checker (npm ``vnu-jar``, pinned in package.json, run with Debian's Java)
on every HTML file of the example site: the pages and the large-print HTML. No error, and
no warning but the one listed (with why) in :data:`ALLOWED_WARNINGS`."""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.checkers.conftest import REPORTS
from tests.conftest import ROOT, needs_tool, walk

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

#: Warnings accepted, each as (message, the markup it is about) with why.
ALLOWED_WARNINGS = (
    # --verbose (which names every file read) also names each file that is not HTML (CSS,
    # scripts, feeds, the search index): other tests check those.
    (re.compile(r"^File was not checked\. Files must have \.html, \.xhtml, \.htm, or \.xht extensions\.$"),
     re.compile(r"^$")),
)

#: The tests that run vnu: skipped without Java or vnu.jar, failed under CI=true.
needs_vnu = needs_tool("java", VNU)


@dataclass(frozen=True)
class Run:
    checked: frozenset[str]
    """The files vnu read (``--verbose`` names each), relative to the site."""
    messages: tuple[dict, ...]


@pytest.fixture(scope="module")
def vnu(example_site: Path) -> Run:
    """One run of vnu over the whole site folder."""
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--skip-non-html", "--verbose",
                             str(example_site)], capture_output=True, text=True, timeout=900, stdin=subprocess.DEVNULL)
    assert result.returncode in (0, 1), result.stdout + result.stderr  # 1: it found errors
    checked = frozenset(Path(os.path.abspath(line)).relative_to(example_site).as_posix()  # through the report folders' links
                        for line in result.stdout.splitlines() if line.strip())
    site_url = example_site.as_uri() + "/"
    messages = [{**m, "url": m.get("url", "").replace(site_url, "").replace(f"file:{example_site}/", "")}
                for m in json.loads(result.stderr)["messages"]]
    return Run(checked, tuple(messages))


@pytest.fixture(scope="module")
def messages(vnu: Run) -> tuple[dict, ...]:
    return vnu.messages


def describe(message: dict) -> str:
    where = message.get("url", "")
    kind = message.get("subType") or message["type"]
    return f"{where}:{message.get('lastLine', '?')}: {kind}: {message['message']} [{message.get('extract', '').strip()}]"


def allowed(message: dict) -> bool:
    return any(text.search(message["message"]) and markup.search(message.get("extract", ""))
               for text, markup in ALLOWED_WARNINGS)


@needs_vnu
def test_vnu_finds_no_error(messages: tuple[dict, ...]):
    errors = [describe(m) for m in messages if m["type"] != "info"]  # error, non-document-error
    assert not errors, "the Nu HTML Checker's errors:\n" + "\n".join(errors)


@needs_vnu
def test_vnu_finds_no_warning_but_the_listed_ones(messages: tuple[dict, ...]):
    warnings = [describe(m) for m in messages if m.get("subType") == "warning" and not allowed(m)]
    assert not warnings, "the Nu HTML Checker's warnings:\n" + "\n".join(warnings)


@needs_vnu
def test_vnu_checked_every_page_and_the_large_print_html(vnu: Run, example_site: Path):
    """vnu read every .html file of the build, among them each report's page and its
    large-print HTML (so that a site without them cannot pass unchecked)."""
    pages = {p.relative_to(example_site).as_posix() for p in walk(example_site, "*.html")}
    assert vnu.checked == pages
    for report in REPORTS:
        assert {f"reports/{report}/index.html", f"reports/{report}/{report}-large-print.html"} <= pages
    assert len(pages) > 60


# --- the large-print HTML: standard CSS only; the PDF keeps WeasyPrint's paged-media CSS ----

PAGED_ONLY = {"string-set: part content(text)", "bookmark-level: none", "content: string(part, first)"}


def declarations(html: str) -> Counter:
    """The CSS declarations (``property: value``) of a document's style element."""
    css = re.search(r"<style>(.*?)</style>", html, flags=re.S).group(1)
    return Counter(d.strip() for d in re.split(r"[;{}]", css) if ":" in d and not d.strip().startswith("@"))


def test_only_the_paged_media_declarations_leave_the_published_large_print_html():
    from scrutiny.build import gather
    from scrutiny.exporters.largeprint import large_print_documents
    from tests.conftest import MINIMAL

    pub = gather(MINIMAL)
    html, paged = large_print_documents(pub, pub.reports[0])
    assert declarations(paged) - declarations(html) == Counter(PAGED_ONLY)
    assert not declarations(html) - declarations(paged)  # nothing added, nothing else changed
    assert html.replace(re.search(r"<style>.*?</style>", html, flags=re.S).group(0), "") == \
        paged.replace(re.search(r"<style>.*?</style>", paged, flags=re.S).group(0), "")
