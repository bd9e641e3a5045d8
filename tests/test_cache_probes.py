"""What the export cache reads off the machine to know a tool, library, font or Braille
table changed (scrutiny/cache.py's probes), run for real: each says what is installed, and
its answer changes when what it names changes."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

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


def fake(folder: Path, name: str, body: str) -> None:
    """A tool on the PATH, written in Python: ``body`` sees ``args`` (its arguments)."""
    tool = folder / name
    tool.write_text(f"#!{sys.executable}\nimport sys\nargs = sys.argv[1:]\n{body}\n", encoding="utf-8")
    tool.chmod(0o755)


FORMAT = "%{family}\\t%{file}\\n"


@pytest.fixture
def fontconfig(tmp_path: Path, monkeypatch) -> Path:
    """A fake fontconfig: fc-list answers only the format the cache asks for; fc-match
    stands Alpha Sans in for sans-serif and Beta in for any other family."""
    folder = tmp_path / "bin"
    folder.mkdir()
    fake(folder, "fc-list", f"""
if args != ["--format", "{FORMAT}"]:
    sys.exit(2)
sys.stdout.write("Alpha Sans\\t/f/alpha.ttf\\nAlpha Sans,Alpha Sans Narrow\\t/f/alpha-narrow.ttf\\nBeta\\t/f/beta.ttf\\n")""")
    fake(folder, "fc-match", f"""
if args[:2] != ["--format", "{FORMAT}"] or len(args) != 3:
    sys.exit(2)
answers = dict([("sans-serif", "Alpha Sans,Alpha\\t/f/alpha.ttf\\n"), ("Gamma", "Gamma Fallback\\t/f/gamma.ttf\\n")])
sys.stdout.write(answers.get(args[2], "Beta\\t/f/beta.ttf\\n"))""")
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    return folder


@pytest.mark.parametrize("families, files", [
    (("Alpha Sans",), ["/f/alpha-narrow.ttf", "/f/alpha.ttf"]),  # every file of the family
    (("alpha sans narrow",), ["/f/alpha-narrow.ttf"]),  # a second name of a file, in any case
    (("sans-serif",), ["/f/alpha-narrow.ttf", "/f/alpha.ttf"]),  # an alias: the family standing in, whole
    (("No Such Family",), ["/f/beta.ttf"]),  # not installed: what fontconfig uses instead
    (("Beta", "Alpha Sans Narrow"), ["/f/alpha-narrow.ttf", "/f/beta.ttf"]),
    (("Gamma",), ["/f/gamma.ttf"]),  # a stand-in that fc-list does not list
])
def test_fonts_are_the_files_fontconfig_lists_for_each_family(fontconfig, families, files):
    assert cache._font_files(families) == [Path(f) for f in files]


def test_without_fc_match_the_font_folders_count(monkeypatch, tmp_path: Path):
    folder = tmp_path / "fonts"
    folder.mkdir()
    (folder / "One.ttf").write_bytes(b"1")
    monkeypatch.setattr(cache, "FONT_FOLDERS", (str(folder),))
    real = shutil.which
    monkeypatch.setattr(cache.shutil, "which", lambda name: None if name == "fc-match" else real(name))
    assert cache._font_files(("Anything",)) == [folder / "One.ttf"]


def test_a_failing_command_still_gives_its_lines_and_bad_bytes_are_replaced(tmp_path: Path, monkeypatch):
    fake(tmp_path, "noisy", "sys.stdout.buffer.write(b'caf\\xff\\nline two\\n'); sys.exit(4)")
    assert cache._run_lines([str(tmp_path / "noisy")]) == ["caf\ufffd", "line two"]
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    assert cache.version(Tool("noisy")) == f"{os.path.realpath(tmp_path / 'noisy')}\x004\x00caf\ufffd\nline two\n"


def test_the_digest_of_files_names_each_file(tmp_path: Path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_bytes(b"same")
    b.write_bytes(b"same")
    assert cache._files_digest([a]) != cache._files_digest([b])


def test_liblouis_looks_beside_its_tool_then_in_debians_folder(monkeypatch, tmp_path: Path):
    prefix = tmp_path / "prefix"
    (prefix / "bin").mkdir(parents=True)
    fake(prefix / "bin", "lou_translate", "pass")
    monkeypatch.delenv("LOUIS_TABLEPATH", raising=False)
    monkeypatch.setenv("PATH", str(prefix / "bin"))
    assert cache.louis_folders() == [prefix / "share" / "liblouis" / "tables", Path("/usr/share/liblouis/tables")]
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert cache.louis_folders() == [Path("/usr/share/liblouis/tables")]


def test_braille_tables_of_our_own_are_read_with_their_includes_whatever_their_bytes(monkeypatch, tmp_path: Path):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "main.ctb").write_bytes(b"# caf\xff\n  include part.uti\ninclude missing.ctb\n")
    (tmp_path / "two" / "part.uti").write_bytes(b"include main.ctb\n")  # a loop is read once
    (tmp_path / "two" / "main.ctb").write_bytes(b"shadowed by the first folder\n")
    monkeypatch.setenv("LOUIS_TABLEPATH", f"{tmp_path / 'one'},{tmp_path / 'two'}")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert cache._louis_files("main.ctb,") == [tmp_path / "one" / "main.ctb", tmp_path / "two" / "part.uti"]
