"""The one writer: refuses duplicates and escapes; publishes by switching a link to a new
version folder in one rename, locked, cleaning what killed builds left."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from scrutiny.writer import MARKER, OutputError, OutputWriter, UnsafeOutput


def published(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text() for p in sorted(site.rglob("*")) if p.is_file()}


def publish(site: Path, files: dict[str, str]) -> OutputWriter:
    w = OutputWriter(site)
    for rel, text in files.items():
        w.write(rel, text)
    w.commit()
    return w


def test_refuses_to_write_a_file_twice(tmp_path: Path):
    w = OutputWriter(tmp_path / "site")
    w.write("a/index.html", "one")
    with pytest.raises(OutputError, match="already written"):
        w.write("a/index.html", "two")
    w.abort()


@pytest.mark.parametrize("rel", ["../outside.txt", "/etc/passwd", "a/../../x", ""])
def test_refuses_paths_outside_the_output(tmp_path: Path, rel: str):
    w = OutputWriter(tmp_path / "site")
    with pytest.raises(OutputError, match="outside"):
        w.write(rel, "x")
    w.abort()
    assert not (tmp_path / "outside.txt").exists()


def test_commit_switches_a_link_to_the_new_version_and_removes_the_old_one(tmp_path: Path):
    site = tmp_path / "site"
    publish(site, {"old.html": "old"})
    assert site.is_symlink() and os.readlink(site) == ".site-builds/1"
    w = OutputWriter(site)
    w.write("new.html", "new")
    assert published(site) == {MARKER: published(site)[MARKER], "old.html": "old"}  # unchanged until commit
    w.commit()
    assert site.is_symlink() and os.readlink(site) == ".site-builds/2"  # relative: the project can move
    assert sorted(published(site)) == [MARKER, "new.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site-builds", "site"]
    assert sorted(p.name for p in (tmp_path / ".site-builds").iterdir()) == ["2", "lock"]


def test_the_published_folder_is_readable_by_a_web_server(tmp_path: Path):
    """A temporary folder is private (0700); the published one must not be."""
    site = tmp_path / "site"
    publish(site, {"index.html": "home"})
    mode = stat.S_IMODE(os.stat(site).st_mode)
    assert mode & 0o055 == 0o055 & ~current_umask(), oct(mode)


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_abort_keeps_the_published_site_and_leaves_nothing(tmp_path: Path):
    site = tmp_path / "site"
    publish(site, {"index.html": "published"})
    w = OutputWriter(site)
    w.write("index.html", "half-built")
    w.abort()
    assert published(site)["index.html"] == "published"
    assert sorted(p.name for p in (tmp_path / ".site-builds").iterdir()) == ["1", "lock"]


def test_a_site_from_before_versioned_folders_is_migrated_once(tmp_path: Path):
    site = tmp_path / "site"
    (site / "data").mkdir(parents=True)
    (site / "index.html").write_text("old home")
    (site / "data" / "recommendations.json").write_text("[]")
    publish(site, {"index.html": "new home"})
    assert site.is_symlink()
    assert sorted(published(site)) == [MARKER, "index.html"] and published(site)["index.html"] == "new home"
    assert sorted(p.name for p in (tmp_path / ".site-builds").iterdir()) == ["1", "lock"]


@pytest.mark.parametrize("make", ["foreign folder", "file", "foreign link"])
def test_refuses_a_target_that_is_not_a_build_and_touches_nothing(tmp_path: Path, make: str):
    site = tmp_path / "site"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "notes.txt").write_text("precious")
    if make == "foreign folder":
        site.mkdir()
        (site / "notes.txt").write_text("precious")
    elif make == "file":
        site.write_text("precious")
    else:
        site.symlink_to(elsewhere)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    with pytest.raises(UnsafeOutput, match="not a folder|not a previous build|not a build"):
        OutputWriter(site)
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    assert (elsewhere / "notes.txt").read_text() == "precious"


def test_what_killed_builds_left_is_removed_by_the_next_one(tmp_path: Path):
    site = tmp_path / "site"
    publish(site, {"index.html": "v1"})
    builds = tmp_path / ".site-builds"
    (builds / "7").mkdir()  # a version a killed build was writing
    (builds / "7" / "index.html").write_text("half")
    os.symlink(".site-builds/7", builds / "link-7")  # a link it had not yet switched
    (tmp_path / ".site-new-abc12345").mkdir()  # temporaries of the two-rename swap before this one
    (tmp_path / ".site-old-def_4567" / "site").mkdir(parents=True)
    w = OutputWriter(site)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site-builds", "site"]
    assert sorted(p.name for p in builds.iterdir()) == ["1", "2", "lock"]  # the current one is kept
    assert published(site)["index.html"] == "v1"
    w.abort()
