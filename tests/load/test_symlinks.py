"""Only files inside the project are read: a symbolic link in ``content/`` (to a file or a
folder) that leads outside the project folder is an error naming the link, and what lies
behind it is never read; links that stay inside the project are followed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scrutiny.build import gather
from scrutiny.problems import ContentError
from tests.conftest import copy_fixture

REPORT = "content/reports/school-transport-review"
HINT = ("(only files inside the project are published: copy the file or folder into the project instead of "
        "linking to it, or delete the link)")


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as err:
        gather(root)
    return [str(p) for p in err.value.problems]


def outside(tmp_path: Path) -> Path:
    """A folder beside the project, holding what an author must not publish."""
    folder = tmp_path / "outside"
    folder.mkdir()
    return folder


def relink(link: Path, target: Path) -> None:
    if link.is_dir() and not link.is_symlink():
        for p in sorted(link.rglob("*"), reverse=True):
            p.unlink() if p.is_file() else p.rmdir()
        link.rmdir()
    elif link.exists() or link.is_symlink():
        link.unlink()
    os.symlink(target, link)


def test_a_section_file_linked_outside_the_project_is_an_error_and_never_read(tmp_path):
    root = copy_fixture(tmp_path)
    secret = outside(tmp_path) / "secret.md"
    secret.write_text("Internal salaries: [link](javascript:alert(1))\n")
    relink(root / REPORT / "findings.md", secret)
    assert problems(root) == [f"{REPORT}/findings.md: is a symbolic link to {secret}, outside the project folder {HINT}"]


def test_a_report_folder_linked_outside_the_project_is_an_error(tmp_path):
    root = copy_fixture(tmp_path)
    elsewhere = outside(tmp_path) / "report"
    (root / REPORT).rename(elsewhere)
    os.symlink(elsewhere, root / REPORT)
    assert problems(root) == [f"{REPORT}: is a symbolic link to {elsewhere}, outside the project folder {HINT}"]


def test_a_link_out_through_a_relative_path_or_in_an_unused_file_is_an_error(tmp_path):
    root = copy_fixture(tmp_path)
    (outside(tmp_path) / "notes.yaml").write_text("not: [valid\n")
    os.symlink("../../../../outside/notes.yaml", root / REPORT / "recommendations.yaml.bak")
    os.symlink("../../outside", root / "content" / "shared")
    assert problems(root) == [
        f"content/reports/school-transport-review/recommendations.yaml.bak: is a symbolic link to "
        f"{tmp_path / 'outside' / 'notes.yaml'}, outside the project folder {HINT}",
        f"content/shared: is a symbolic link to {tmp_path / 'outside'}, outside the project folder {HINT}"]


def test_recommendations_linked_outside_are_not_read_even_when_invalid(tmp_path):
    root = copy_fixture(tmp_path)
    bad = outside(tmp_path) / "recommendations.yaml"
    bad.write_text("- {number: [x\n")  # a YAML error would show it was read
    relink(root / REPORT / "recommendations.yaml", bad)
    assert problems(root) == [f"{REPORT}/recommendations.yaml: is a symbolic link to {bad}, outside the project folder {HINT}"]


def test_links_that_stay_inside_the_project_are_followed(tmp_path):
    root = copy_fixture(tmp_path)
    shared = root / "shared"
    shared.mkdir()
    findings = root / REPORT / "findings.md"
    (shared / "findings.md").write_text(findings.read_text(encoding="utf-8"), encoding="utf-8")
    relink(findings, Path("../../../shared/findings.md"))
    earlier = root / "content/reports/earlier-review"
    earlier.rename(shared / "earlier-review")
    os.symlink(shared / "earlier-review", earlier)
    pub = gather(root)
    assert [r.id for r in pub.reports] == ["school-transport-review", "earlier-review"]
    # and a link out beside them is still caught
    os.symlink(tmp_path, root / "content" / "up")
    assert problems(root) == [f"content/up: is a symbolic link to {tmp_path}, outside the project folder {HINT}"]


def test_a_loop_of_links_is_a_problem_not_a_crash(tmp_path):
    root = copy_fixture(tmp_path)
    os.symlink("loop", root / "content" / "reports" / "loop")
    assert problems(root) == ["content/reports/loop: is a symbolic link that leads back to itself "
                              "(delete the link, or replace it with the file or folder itself)"]
