"""The command line, run as a user runs it: `python build.py ...` in a subprocess."""

from __future__ import annotations

import os

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, copy_fixture, stray_units, walk


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=600)


def test_every_command_has_help():
    for args in (["--help"], ["build", "--help"], ["check", "--help"]):
        result = run(*args)
        assert result.returncode == 0, result.stderr
        assert "usage:" in result.stdout


def test_check_passes_on_the_example_content():
    result = run("check")
    assert result.returncode == 0, result.stderr
    assert "3 reports, 34 recommendations, no problems" in result.stderr


def test_check_reports_three_mistakes_at_once_with_file_and_line(tmp_path: Path):
    root = tmp_path / "project"
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copy(ROOT / "site_config.yaml", root)
    folder = root / "content/reports/criteria-for-entry-into-care"
    report = folder / "report.yaml"
    report.write_text(report.read_text().replace("committee: worcs-cyp-osp", "committee: worcs-cyp"), encoding="utf-8")
    report.write_text(report.read_text().replace("published: May 2011", "published: 31/05/2011"), encoding="utf-8")
    summary = folder / "executive-summary.md"
    summary.write_text(summary.read_text() + "\nSee also Recommendation 27.\n", encoding="utf-8")

    result = run("--root", str(root), "check")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "3 problems found; nothing was written."
    problems = lines[:-1]
    assert len(problems) == 3, problems
    assert problems[0].startswith("content/reports/criteria-for-entry-into-care/executive-summary.md:")
    assert "cites recommendation 27" in problems[0]
    assert problems[1].startswith("content/reports/criteria-for-entry-into-care/report.yaml:3: ")
    assert 'unknown committee "worcs-cyp"' in problems[1] and 'did you mean "worcs-cyp-osp"' in problems[1]
    assert problems[2].startswith("content/reports/criteria-for-entry-into-care/report.yaml:")
    assert '"31/05/2011" is not a date (write "2013-07-02", "2 July 2013"' in problems[2]


def test_failed_build_keeps_the_published_site(tmp_path: Path):
    root = copy_fixture(tmp_path)
    first = run("--root", str(root), "build")
    assert first.returncode == 0, first.stderr
    published = sorted(p.relative_to(root / "site") for p in walk(root / "site"))
    assert published
    (root / "content/reports/earlier-review/recommendations.yaml").write_text("recommendations: [\n")
    second = run("--root", str(root), "build")
    assert second.returncode == 1
    assert "YAML syntax error" in second.stderr
    assert sorted(p.relative_to(root / "site") for p in walk(root / "site")) == published
    assert [p.name for p in root.iterdir() if p.name.startswith(".site")] == [".site-builds"]
    assert sorted(p.name for p in (root / ".site-builds").iterdir()) == [os.readlink(root / "site").split("/")[-1],
                                                                         "lock", "units"]
    assert stray_units(root / "site") == []


def test_as_of_overrides_the_configured_day(tmp_path: Path):
    """`--as-of` computes the trackers for another day without editing site_config.yaml."""
    root = copy_fixture(tmp_path)
    config = root / "site_config.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("formats: [", "formats: [data] #["), encoding="utf-8")
    before = config.read_bytes()
    result = run("--root", str(root), "build", "--out", str(tmp_path / "site"), "--as-of", "30 June 2024")
    assert result.returncode == 0, result.stderr
    tracker = (tmp_path / "site" / "tracker" / "index.html").read_text(encoding="utf-8")
    assert "3 months overdue" in tracker and "as of 30 June 2024" in tracker
    assert config.read_bytes() == before
    bad = run("--root", str(root), "check", "--as-of", "June 2024")
    assert bad.returncode == 2 and '"June 2024" is not a day' in bad.stderr and "Traceback" not in bad.stderr
    early = run("--root", str(root), "check", "--as-of", "2001-01-01")
    assert early.returncode == 1 and "after the day the trackers are computed for" in early.stderr
