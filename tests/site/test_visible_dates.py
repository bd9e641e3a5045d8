"""No page shows a date in ISO form: every visible date is in UK words ("2 July 2013").

Read over every page of the minimal fixture, the illustrative councils fixture (loose
dates, month-only responses, relative targets) and the example content, with an HTML
parser that keeps only what a reader sees: text nodes outside <script>, <style>,
<template> and elements marked ``hidden``. Attribute values (``datetime``, ``data-*``)
may hold ISO dates; they are not shown.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scrutiny.build import build
from tests.conftest import walk

ROOT = Path(__file__).resolve().parents[2]
ISO = re.compile(r"\b\d{4}-(0[1-9]|1[0-2])(-\d{2})?\b")
INVISIBLE = ("script", "style", "template", "noscript")


def visible_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(INVISIBLE):
        tag.decompose()
    for tag in soup.find_all(attrs={"hidden": True}):
        tag.decompose()
    return soup.get_text(" ")


def built(tmp_path_factory, source: Path, name: str) -> Path:
    base = tmp_path_factory.mktemp(name)
    root = base / "project"
    shutil.copytree(source, root, ignore=shutil.ignore_patterns(".cache", "site", "node_modules", ".venv", ".git"))
    config = root / "site_config.yaml"
    config.write_text(re.sub(r"(?m)^formats:.*$", "formats: [data]", config.read_text(encoding="utf-8")), encoding="utf-8")
    build(root, base / "site")
    return base / "site"


@pytest.fixture(scope="module", params=["minimal", "councils", "example"])
def site(request, tmp_path_factory) -> Path:
    if request.param == "example":
        base = tmp_path_factory.mktemp("example-src")
        for part in ("content", "site_config.yaml"):
            src = ROOT / part
            (shutil.copytree if src.is_dir() else shutil.copy)(src, base / part)
        return built(tmp_path_factory, base, "example")
    return built(tmp_path_factory, ROOT / "tests" / "fixtures" / request.param, request.param)


def test_no_visible_iso_dates(site: Path):
    pages = walk(site, "*.html")
    assert len(pages) > 10
    found = {}
    for page in pages:
        hits = [m.group(0) for m in ISO.finditer(visible_text(page.read_text(encoding="utf-8")))]
        if hits:
            found[page.relative_to(site).as_posix()] = hits[:3]
    assert found == {}


def test_the_reader_sees_what_it_should():
    """The check itself: a visible ISO date is found, an attribute or hidden one is not."""
    assert ISO.search(visible_text("<p>Due 2024-03-31</p>"))
    assert ISO.search(visible_text("<td>2013-07</td>"))
    assert not ISO.search(visible_text('<time datetime="2024-03-31">31 March 2024</time>'))
    assert not ISO.search(visible_text('<p hidden>2024-03-31</p><script>var d="2024-03-31"</script>'))
