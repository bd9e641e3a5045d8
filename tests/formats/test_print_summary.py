"""The summary table the PDF and Word versions open with says what the site's tracker
says, row for row, for every pattern of the councils fixture (lettered and coded
references, responses awaited, not required, never recorded or recorded elsewhere,
targets that moved, are overdue or have no date)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scrutiny.build import build, gather
from scrutiny.exporters.pdf import print_html
from scrutiny.render.facts import SUMMARY_HEADER, SUMMARY_TITLE
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("summary") / "project"
    shutil.copytree(FIXTURES / "councils", root, ignore=shutil.ignore_patterns(".cache", "site"))
    build(root, root / "site")
    return root


@pytest.fixture(scope="module")
def pub(root: Path):
    return gather(root)


def words(text: str) -> list[str]:
    """The words of a cell, without the punctuation and capitals print and web set differently."""
    return re.findall(r"[\w'’./-]+", text.lower().replace("…", " …"))


def tracker_rows(root: Path, report_id: str) -> list[list[list[str]]]:
    soup = BeautifulSoup((root / f"site/reports/{report_id}/tracker/index.html").read_text(encoding="utf-8"), "html.parser")
    for hidden in soup.select(".visually-hidden, details"):
        hidden.decompose()
    out = []
    for tr in soup.select("table.tracker-table tbody tr"):
        cells = [tr.select_one(f".{c}") for c in ("c-number", "c-rec", "c-decision", "c-status", "c-target")]
        row = [words(c.get_text(" ")) for c in cells]
        if row[0][:1] == ["recommendation"]:  # the word a card or a screen reader gets before the reference
            row[0] = row[0][1:]
        out.append(row)
    return out


def summary_rows(html: str) -> tuple[list[str], list[list[list[str]]]]:
    soup = BeautifulSoup(html, "html.parser")
    table = soup.select_one(".summary-table table")
    header = [th.get_text(" ").strip() for th in table.select("thead th")]
    assert all(th["scope"] == "col" for th in table.select("thead th"))
    assert all(th["scope"] == "row" for th in table.select("tbody th"))
    return header, [[words(c.get_text(" ")) for c in tr.select("th, td")] for tr in table.select("tbody tr")]


def test_every_report_opens_with_the_summary_in_the_trackers_words(root: Path, pub):
    assert len(pub.reports) >= 5
    for report in pub.reports:
        html = print_html(pub, report)
        header, rows = summary_rows(html)
        assert header == list(SUMMARY_HEADER)
        assert rows == tracker_rows(root, report.id), report.id
        assert html.index(f">{SUMMARY_TITLE}</h2>") < html.index(">Contents</h2>")
        first_section = report.sections[0].title if report.sections else "Recommendations and responses"
        assert html.index(">Contents</h2>") < html.index(f">{first_section}</h2>")


def test_no_decision_and_no_status_are_said_as_the_content_says(pub):
    seen = set()
    for report in pub.reports:
        _, rows = summary_rows(print_html(pub, report))
        seen |= {" ".join(cell) for row in rows for cell in row[2:4]}
    for phrase in ("awaiting response", "no response required", "no decision recorded", "recorded elsewhere"):
        assert phrase in seen, (phrase, seen)
    assert "not started" not in seen
