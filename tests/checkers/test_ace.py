"""DAISY Ace, the EPUB accessibility checker (npm ``@daisy/ace``, pinned in package.json),
on every EPUB of the example site: no violation of any impact, and every content document
of the book checked.

Ace's puppeteer runner drives Debian's Chromium (``PUPPETEER_EXECUTABLE_PATH``; npm's
install scripts, which would download a Chrome, are never run). Ace blocks every http(s)
request of the pages it checks, so nothing is fetched."""

from __future__ import annotations

import json
import os
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.checkers.conftest import CHROMIUM, NODE_BIN, REPORTS
from tests.conftest import needs_tool, walk

ACE = NODE_BIN / "ace-puppeteer"
OPF = {"opf": "http://www.idpf.org/2007/opf"}

#: The tests that run Ace: skipped without node, Ace or Chromium, failed under CI=true.
needs_ace = needs_tool("node", ACE, CHROMIUM)


def ace_command(book: Path, out: Path) -> list[str]:
    return [str(ACE), "--silent", "--force", "--outdir", str(out), "--tempdir", str(out / "tmp"), str(book)]


def ace_env(home: Path) -> dict[str, str]:
    return {**os.environ, "PUPPETEER_EXECUTABLE_PATH": str(CHROMIUM), "PUPPETEER_SKIP_DOWNLOAD": "1",
            "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")}


def run_ace(books: dict[str, Path], work: Path) -> dict[str, dict]:
    """Ace's report (report.json) of each book; the books are checked at the same time."""
    running = {}
    for name, book in books.items():
        out = work / name
        (out / "tmp").mkdir(parents=True)
        with open(out / "ace.log", "wb") as log:  # a file, not a pipe: no process waits on a full pipe
            running[name] = subprocess.Popen(ace_command(book, out), env=ace_env(work), stdout=log,
                                             stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    reports = {}
    for name, proc in running.items():
        proc.wait(timeout=600)
        report = work / name / "report.json"
        log = (work / name / "ace.log").read_text(encoding="utf-8", errors="replace")
        assert proc.returncode == 0 and report.is_file(), f"Ace failed on {books[name]}:\n{log}"
        reports[name] = json.loads(report.read_text(encoding="utf-8"))
    return reports


@pytest.fixture(scope="module")
def ace_reports(example_site: Path, tmp_path_factory) -> dict[str, dict]:
    books = {r: example_site / f"reports/{r}/{r}.epub" for r in REPORTS}
    assert all(b.is_file() for b in books.values()), sorted(str(p) for p in walk(example_site, "*.epub"))
    return run_ace(books, tmp_path_factory.mktemp("ace"))


def violations(report: dict) -> list[str]:
    """Every violation Ace reports: document, rule, impact, where and what to do."""
    out = []
    for doc in report["assertions"]:
        for v in doc["assertions"]:
            test, result = v["earl:test"], v["earl:result"]
            where = result.get("earl:pointer", {}).get("css", [])
            out.append(f"{doc['earl:testSubject']['url']}: {test['dct:title']} ({test['earl:impact']}) at {where}: "
                       f"{result.get('dct:description', '')}")
    return out


def spine(book: Path) -> set[str]:
    """The file names of the book's content documents, in the OPF's spine."""
    with zipfile.ZipFile(book) as archive:
        opf = etree.fromstring(archive.read("EPUB/package.opf"))
    hrefs = {i.get("id"): i.get("href") for i in opf.findall("opf:manifest/opf:item", OPF)}
    return {hrefs[ref.get("idref")] for ref in opf.findall("opf:spine/opf:itemref", OPF)}


def test_the_example_has_an_epub_per_report():
    assert len(REPORTS) == 3


@needs_ace
@pytest.mark.parametrize("report", REPORTS)
def test_ace_finds_no_violation(ace_reports: dict[str, dict], report: str):
    found = violations(ace_reports[report])
    assert not found, "Ace's violations:\n" + "\n".join(found)
    assert ace_reports[report]["earl:result"]["earl:outcome"] == "pass"


@needs_ace
@pytest.mark.parametrize("report", REPORTS)
def test_ace_checked_every_content_document(ace_reports: dict[str, dict], example_site: Path, report: str):
    checked = {Path(d["earl:testSubject"]["url"]).name for d in ace_reports[report]["assertions"]}
    want = spine(example_site / f"reports/{report}/{report}.epub")
    assert len(want) > 5 and want <= checked, f"not checked by Ace: {sorted(want - checked)}"
