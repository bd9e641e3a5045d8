"""Braille format: the built .brf read back as pages and lines, and back-translated with
liblouis to check that the words survived."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from scrutiny.build import build
from scrutiny.exporters import braille
from scrutiny.exporters.braille import Layout, Unit, page_number
from tests.conftest import MINIMAL, assert_same_files, cold_builds, copy_fixture, needs_tool, with_formats

pytestmark = needs_tool("lou_translate")

REPORT = "school-transport-review"
ASCII_BRAILLE = re.compile(r"^[ -_]*$")
"""North American ASCII braille: the 64 characters from space to underscore."""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = with_formats(copy_fixture(tmp_path_factory.mktemp("brf")), "brf")
    build(root, root / "site")
    return root / "site"


def pages(path: Path) -> list[list[str]]:
    """Pages (split at form feeds) of lines (CR LF)."""
    data = path.read_bytes().decode("ascii")
    out = []
    for page in data.split("\f"):
        assert page.endswith("\r\n")
        out.append(page[:-2].split("\r\n"))
    return out


def back_translate(lines: list[str]) -> list[str]:
    escaped = "".join(line.replace("\\", "\\\\") + "\n" for line in lines)
    proc = subprocess.run(["lou_translate", "--backward", braille.TABLES], input=escaped.encode("ascii"),
                          capture_output=True, check=True)
    assert not proc.stderr, proc.stderr
    return proc.stdout.decode("utf-8").split("\n")[:len(lines)]


@pytest.fixture(scope="module")
def print_text(site: Path) -> str:
    """The whole report back-translated, lower case, lines joined by spaces."""
    body = [line for page in pages(site / f"reports/{REPORT}/{REPORT}.brf") for line in page[:-1] if line.strip()]
    return re.sub(r"\s+", " ", " ".join(back_translate(body))).lower()


def test_pages_are_40_cells_by_25_lines_of_ascii_braille(site: Path):
    files = sorted(site.glob("reports/*/*.brf"))
    assert [f.name for f in files] == ["earlier-review.brf", f"{REPORT}.brf"]
    for path in files:
        for page in pages(path):
            assert len(page) == 25, path
            for line in page:
                assert len(line) <= 40 and ASCII_BRAILLE.match(line), line


def test_pages_are_numbered_in_braille_at_the_bottom_right(site: Path):
    book = pages(site / f"reports/{REPORT}/{REPORT}.brf")
    assert len(book) > 3
    numbers = [page[-1] for page in book]
    assert all(len(n) == 40 for n in numbers)
    assert [n.strip() for n in numbers] == [page_number(i) for i in range(1, len(book) + 1)]
    assert back_translate([n.strip() for n in numbers[:3]]) == ["1", "2", "3"]


def test_recommendations_back_translate_to_their_words(print_text: str):
    data = yaml.safe_load((MINIMAL / f"content/reports/{REPORT}/recommendations.yaml").read_text(encoding="utf-8"))
    for rec in data["recommendations"]:
        words = rec["text"].strip().rstrip(".").lower()
        assert words in print_text, words


def test_responses_status_and_contact_are_in_the_braille(print_text: str):
    for words in ("response: partially accepted", "status on 31 march 2024: behind schedule at the update of 1 december 2023",
                  "owner: jo bloggs (head of transport)", "status on 31 march 2024: complete at the update of 1 march 2024",
                  "routes for children with send are planned each summer", "01234 567890"):
        assert words in print_text, words


def test_title_is_centred_on_the_first_line(site: Path):
    first = pages(site / f"reports/{REPORT}/{REPORT}.brf")[0][0]
    text = first.strip()
    assert abs((len(first) - len(text)) - (40 - len(text)) // 2) <= 1
    assert back_translate([text])[0].lower() == "home to school transport"


def test_long_text_turns_pages_and_keeps_a_heading_with_its_text():
    layout = Layout()
    layout.add(Unit("x", centre=True), "TITLE")
    for _ in range(22):
        layout.add(Unit("x", 2, 0), "ONE LINE")
    layout.add(Unit("x", 4, 4, blank_before=True, heading=True), "HEAD+ ON A NEW PAGE")
    layout.add(Unit("x", 2, 0), " ".join(["WORD"] * 100))
    book = [page.split("\r\n") for page in layout.brf().split("\f")]
    assert book[0][23] == "" and book[1][0] == "    HEAD+ ON A NEW PAGE"
    assert all(len(page) == 26 for page in book)  # 25 lines and the final CR LF
    assert all(len(line) <= 40 for page in book for line in page)


def test_a_failing_lou_translate_raises_with_its_message(monkeypatch):
    monkeypatch.setattr(braille, "TABLES", "no-such-table.ctb")
    with pytest.raises(braille.BrailleError, match="no-such-table.ctb"):
        braille.translate(["Hello"])


def test_two_builds_from_empty_caches_give_the_same_bytes(tmp_path: Path):
    first, second = cold_builds(with_formats(copy_fixture(tmp_path), "brf"), tmp_path)
    assert {f"reports/{REPORT}/{REPORT}.brf", "reports/earlier-review/earlier-review.brf"} <= set(first)
    assert_same_files(first, second)
