"""Each council can have its own contact details: its reports show them, on the page and
in the formats, unless their committee has its own; a misspelt council name is an error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scrutiny.build import build, gather
from scrutiny.problems import ContentError

from .conftest import text

ROOT = Path(__file__).resolve().parents[2]
COUNCILS = ROOT / "tests" / "fixtures" / "councils"
BOROUGH = """
councils:
  - name: {name}
    contact:
      team: Borough Democratic Services
      address: Town Hall, Example EX2 2BB
      email: democracy@borough.test
      phone: "01000 111111"
"""


def project(tmp_path: Path, name: str = "Example Borough Council") -> Path:
    root = tmp_path / "project"
    shutil.copytree(COUNCILS, root, ignore=shutil.ignore_patterns(".cache"))
    config = root / "site_config.yaml"
    config.write_text(config.read_text(encoding="utf-8") + BOROUGH.format(name=name), encoding="utf-8")
    return root


def contact_email(out: Path, report_id: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((out / "reports" / report_id / "index.html").read_text(encoding="utf-8"), "html.parser")
    return text(soup.select_one(".contact a[href^=mailto]"))


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("council-contact")
    build(project(base), base / "site")
    return base / "site"


def test_a_report_shows_its_councils_contact(site: Path):
    assert contact_email(site, "partly-answered-review") == "democracy@borough.test"
    txt = (site / "reports" / "partly-answered-review" / "partly-answered-review.txt").read_text(encoding="utf-8")
    assert "democracy@borough.test" in txt and "Borough Democratic Services" in txt


def test_a_committees_own_contact_comes_first(site: Path):
    assert contact_email(site, "select-committee-log") == "select@sample.test"


def test_a_misspelt_council_is_an_error_that_names_the_right_one(tmp_path: Path):
    with pytest.raises(ContentError) as failed:
        gather(project(tmp_path, "Example Borugh Council"))
    messages = [str(p) for p in failed.value.problems]
    assert len(messages) == 1
    assert 'no committee belongs to council "Example Borugh Council"' in messages[0]
    assert "Example Borough Council" in messages[0] and "site_config.yaml:" in messages[0]
