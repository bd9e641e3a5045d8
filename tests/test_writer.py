"""The one writer: refuses duplicates and escapes; swaps the new site in atomically."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutiny.writer import OutputError, OutputWriter


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


def test_commit_replaces_the_old_site_and_leaves_no_temporary_folders(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    w = OutputWriter(site)
    w.write("new.html", "new")
    assert (site / "old.html").exists() and not (site / "new.html").exists()
    w.commit()
    assert sorted(p.name for p in site.iterdir()) == ["new.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_abort_keeps_the_published_site(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("published")
    w = OutputWriter(site)
    w.write("index.html", "half-built")
    w.abort()
    assert (site / "index.html").read_text() == "published"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
