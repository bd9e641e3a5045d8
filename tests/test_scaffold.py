"""``build.py new report``: a skeleton that passes ``check`` at once, never overwrites, and
refuses a bad id or an unknown committee with the usual clear error."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from scrutiny.build import gather
from scrutiny.problems import ContentError
from scrutiny.scaffold import new_report
from tests.conftest import FIXTURES, ROOT


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "minimal", root, ignore=shutil.ignore_patterns(".cache"))
    return root


def test_a_new_report_passes_check_as_a_draft(project: Path):
    files = new_report(project, "home-care-review", "people-scrutiny", 'Home "care": a review')
    assert sorted(p.name for p in files) == ["introduction.md", "recommendations.yaml", "report.yaml"]
    pub = gather(project)  # raises on any problem
    report = next(r for r in pub.content.reports if r.id == "home-care-review")
    assert report.title == 'Home "care": a review' and report.committee == "people-scrutiny"
    assert report.status == "draft" and report not in pub.reports  # checked, not published
    assert [str(r.number) for r in report.recommendations] == ["1"]
    text = (project / "content" / "reports" / "home-care-review" / "report.yaml").read_text(encoding="utf-8")
    assert text.count("#") > 10  # comments say what to fill in
    assert yaml.safe_load(text)["status"] == "draft"


def test_it_never_overwrites_a_report(project: Path):
    existing = project / "content" / "reports" / "school-transport-review" / "report.yaml"
    before = existing.read_bytes()
    with pytest.raises(ContentError) as err:
        new_report(project, "school-transport-review", "people-scrutiny")
    assert "already exists; nothing was changed" in str(err.value.problems[0])
    assert existing.read_bytes() == before


def test_a_bad_id_and_an_unknown_committee_are_both_reported(project: Path):
    with pytest.raises(ContentError) as err:
        new_report(project, "Home Care!", "people-scrutny")
    messages = [str(p) for p in err.value.problems]
    assert len(messages) == 2
    assert any('"Home Care!" is not a report id' in m and 'for example "home-care"' in m for m in messages)
    assert any('no committee "people-scrutny"' in m and 'did you mean "people-scrutiny"?' in m for m in messages)
    assert not (project / "content" / "reports" / "Home Care!").exists()


def test_the_command_line(project: Path):
    run = [sys.executable, str(ROOT / "build.py"), "--root", str(project), "new", "report"]
    ok = subprocess.run(run + ["budget-review", "--committee", "people-scrutiny"], capture_output=True, text=True)
    assert ok.returncode == 0 and "python build.py check" in ok.stderr
    again = subprocess.run(run + ["budget-review", "--committee", "people-scrutiny"], capture_output=True, text=True)
    assert again.returncode == 1 and "already exists" in again.stderr and "Traceback" not in again.stderr
    check = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(project), "check"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
