"""`build --out` refuses a folder that would overwrite the project: the content, the
project's source or a parent of the project, or a folder of files that is not a build.
Exit 2, every reason printed, nothing touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutiny.cli import main
from scrutiny.site.assets import TEMPLATES_DIR, THEME_DIR
from tests.conftest import ROOT, copy_fixture, with_formats


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every path under ``folder`` with a file's bytes (None for a folder or a link)."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() and not p.is_symlink() else None)
            for p in sorted(folder.rglob("*"))}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return with_formats(copy_fixture(tmp_path), "data")


def refused(project: Path, out: Path | str, capsys) -> list[str]:
    before = tree(project.parent)
    code = main(["--root", str(project), "build", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert tree(project.parent) == before, "a refused build must touch nothing"
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert lines[-1] == "nothing was written."
    return lines[:-1]


@pytest.mark.parametrize("out, why", [
    ("content", "is the project's content/"),
    ("content/reports", "is inside the project's content/"),
    ("content/reports/earlier-review", "is inside the project's content/"),
    ("site_config.yaml", "is the project's site_config.yaml"),
    ("templates", "is the project's templates"),
    ("theme/site", "is inside the project's theme"),
    (".", "is the project folder"),
    ("..", "holds the project folder"),
])
def test_refuses_the_project_and_its_own_files(project: Path, out: str, why: str, capsys):
    (project / "templates").mkdir()
    problems = refused(project, project / out, capsys)
    assert problems and all(p.startswith(f"--out {project / out}: ") for p in problems), problems
    assert any(why in p for p in problems), problems
    assert all("(choose a folder of its own, such as site/)" in p for p in problems), problems


def test_refuses_a_parent_of_the_project_given_as_a_relative_path(project: Path, capsys, monkeypatch):
    monkeypatch.chdir(project / "content")
    problems = refused(project, "../..", capsys)
    assert problems == [f"--out ../..: holds the project folder {project}, whose content the build would "
                        "replace with the site (choose a folder of its own, such as site/)"]


@pytest.mark.parametrize("source", [TEMPLATES_DIR, THEME_DIR, ROOT / "scrutiny"])
def test_refuses_the_publishers_own_templates_theme_and_code(project: Path, source: Path, capsys):
    before = tree(source)
    problems = refused(project, source, capsys)
    assert problems == [f"--out {source}: is the publisher's own {source}/, which the build would replace "
                        "with the site (choose a folder of its own, such as site/)"]
    assert tree(source) == before


def test_refuses_a_folder_of_other_files(project: Path, tmp_path: Path, capsys):
    docs = tmp_path / "minutes"
    docs.mkdir()
    (docs / "2024-05-01.docx").write_bytes(b"minutes")
    problems = refused(project, docs, capsys)
    assert problems == [f"--out {docs}: is a folder that is not a previous build of this tool (it has no "
                        ".scrutiny-build file), so building would delete what it holds (choose a new or empty "
                        "folder, such as site/, or move its files away first)"]
    assert (docs / "2024-05-01.docx").read_bytes() == b"minutes"


def test_refuses_a_link_to_somewhere_else(project: Path, tmp_path: Path, capsys):
    (tmp_path / "elsewhere").mkdir()
    link = tmp_path / "out"
    link.symlink_to(tmp_path / "elsewhere")
    problems = refused(project, link, capsys)
    assert problems == [f"--out {link}: is a symbolic link to {tmp_path / 'elsewhere'}, not a build of this "
                        "tool (remove the link or choose another folder)"]


def test_builds_into_a_new_an_empty_or_a_previous_build_folder(project: Path, tmp_path: Path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    legacy = tmp_path / "legacy"  # a site built before the .scrutiny-build marker
    (legacy / "data").mkdir(parents=True)
    (legacy / "index.html").write_text("old")
    (legacy / "data" / "recommendations.json").write_text("[]")
    for out in (tmp_path / "new" / "site", empty, legacy, tmp_path / "new" / "site"):
        assert main(["--root", str(project), "build", "--out", str(out)]) == 0, capsys.readouterr().err
        assert (out / "index.html").is_file() and (out / ".scrutiny-build").is_file()
        assert (out / "data" / "recommendations.json").read_text() != "[]"
