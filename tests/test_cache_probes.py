"""What the export cache reads off the machine to know a tool, library, font or Braille
table changed (scrutiny/cache.py's probes), run for real: each says what is installed, and
its answer changes when what it names changes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


from scrutiny import cache
from scrutiny.exporters import Tool, braille
from tests.conftest import needs_tool


def test_a_tool_is_named_by_its_path_exit_code_and_output(tmp_path: Path, monkeypatch):
    tool = tmp_path / "bin" / "fake-tool"
    tool.parent.mkdir()
    tool.write_text("#!/bin/sh\necho \"fake-tool 1.2 $1\"\necho warning >&2\nexit 3\n", encoding="utf-8")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tool.parent}{os.pathsep}{os.environ['PATH']}")
    said = cache.version(Tool("fake-tool", ("--version",)))
    assert said == f"{os.path.realpath(tool)}\x003\x00fake-tool 1.2 --version\nwarning\n"
    tool.write_text("#!/bin/sh\necho \"fake-tool 1.3 $1\"\n", encoding="utf-8")
    assert cache.version(Tool("fake-tool", ("--version",))) != said  # an upgrade changes it
    assert cache.version(Tool("no-such-tool-here")) == "not installed"


def test_a_tool_that_cannot_run_is_said_so(tmp_path: Path, monkeypatch):
    tool = tmp_path / "broken"
    tool.write_bytes(b"\x7fELF not really")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert cache.version(Tool("broken")) == f"{os.path.realpath(tool)}: no version (OSError)"


def test_run_lines_keeps_the_lines_with_words(tmp_path: Path):
    assert cache._run_lines(["printf", "a\\n\\nb\\n"]) == ["a", "b"]
    assert cache._run_lines([str(tmp_path / "missing")]) == []


def test_a_native_library_is_named_by_its_file_and_size():
    said = cache._native_version("c")
    path, size = said.rsplit(" ", 1)
    assert Path(path).is_file() and Path(path).name.startswith("libc") and int(size) == os.path.getsize(path)
    assert cache._native_version("no-such-library-at-all") == "not found"


@needs_tool("fc-list", "fc-match")
def test_fonts_are_the_files_fontconfig_uses():
    files = cache._font_files(("DejaVu Sans",))
    assert files and all(p.is_file() for p in files)
    assert all("dejavu" in p.name.lower() for p in files) and any(p.name == "DejaVuSans.ttf" for p in files)
    stand_in = cache._font_files(("No Such Font Family Anywhere",))  # the file fontconfig substitutes
    assert stand_in and all(p.is_file() for p in stand_in)
    both = cache._font_files(("DejaVu Sans", "Liberation Sans"))
    assert set(files) < set(both) and any("Liberation" in p.name for p in both)


def test_without_fontconfig_every_font_file_counts(monkeypatch, tmp_path: Path):
    folder = tmp_path / "fonts"
    (folder / "a").mkdir(parents=True)
    (folder / "a" / "One.ttf").write_bytes(b"1")
    (folder / "Two.otf").write_bytes(b"2")
    monkeypatch.setattr(cache, "FONT_FOLDERS", (str(folder), str(tmp_path / "absent")))
    monkeypatch.setattr(cache.shutil, "which", lambda name: None)
    assert cache._font_files(("Anything",)) == [folder / "Two.otf", folder / "a" / "One.ttf"]


def test_the_digest_of_files_follows_their_bytes_and_names_what_cannot_be_read(tmp_path: Path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_bytes(b"one")
    b.write_bytes(b"two")
    first = cache._files_digest([a, b])
    assert cache._files_digest([a, b]) == first
    b.write_bytes(b"three")
    assert cache._files_digest([a, b]) != first
    assert cache._files_digest([b, a]) != cache._files_digest([a, b])  # which file holds what
    missing = cache._files_digest([tmp_path / "gone"])
    assert missing != cache._files_digest([]) and missing == cache._files_digest([tmp_path / "gone"])


def test_liblouis_looks_in_louis_tablepath_first(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("LOUIS_TABLEPATH", f"{tmp_path / 'one'},{tmp_path / 'two'}")
    folders = cache.louis_folders()
    assert folders[:2] == [tmp_path / "one", tmp_path / "two"]
    assert folders[-1] == Path("/usr/share/liblouis/tables")
    monkeypatch.delenv("LOUIS_TABLEPATH")
    assert cache.louis_folders()[-1] == Path("/usr/share/liblouis/tables")


@needs_tool("lou_translate")
def test_braille_tables_are_found_with_everything_they_include(monkeypatch, tmp_path: Path):
    files = cache._louis_files(braille.WELSH_TABLES)
    names = {p.name for p in files}
    assert {"en-us-brf.dis", "cy-cy-g2.ctb"} <= names and len(names) > 2  # its includes too
    assert files == sorted(files) and all(p.is_file() for p in files)
    # a table of our own on LOUIS_TABLEPATH, including one that does not exist, is read in turn
    (tmp_path / "mine.ctb").write_text("include cy-cy-g2.ctb\ninclude no-such.ctb\n", encoding="utf-8")
    monkeypatch.setenv("LOUIS_TABLEPATH", str(tmp_path))
    mine = cache._louis_files("mine.ctb")
    assert mine[0] == tmp_path / "mine.ctb" or tmp_path / "mine.ctb" in mine
    assert "cy-cy-g2.ctb" in {p.name for p in mine} and "no-such.ctb" not in {p.name for p in mine}
    assert cache._louis_files("no-such.ctb") == []


def test_the_digest_of_braille_tables_follows_an_edit(monkeypatch, tmp_path: Path):
    tables = Path(shutil.which("lou_translate") or "/usr/bin/x").resolve().parent.parent / "share/liblouis/tables"
    if not (tables / "cy-cy-g2.ctb").is_file():
        tables = Path("/usr/share/liblouis/tables")
    copy = tmp_path / "tables"
    shutil.copytree(tables, copy)
    monkeypatch.setenv("LOUIS_TABLEPATH", str(copy))
    from scrutiny.exporters import BrailleTables
    before = cache.version(BrailleTables(braille.WELSH_TABLES))
    with open(copy / "cy-cy-g2.ctb", "a", encoding="utf-8") as fh:
        fh.write("\n# edited\n")
    assert cache.version(BrailleTables(braille.WELSH_TABLES)) != before
