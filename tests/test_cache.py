"""Only what changed is re-exported: the cache is keyed on each report's inputs, the versions
of the tools, fonts and libraries each format runs, and the day it is built for."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from scrutiny import cache
from scrutiny.build import build, gather
from scrutiny.cache import ExportCache
from scrutiny.exporters import REGISTRY, BrailleTables, Fonts, Library, Tool, braille, format_info
from tests.conftest import assert_same_files, cold_builds, copy_fixture, needs_tool, site_files, with_formats, walk

#: The cache is the same for every format; two quick ones show it per format and report.
CHEAP_FORMATS = "data, txt"


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in walk(site) if p.is_file()}


def test_rebuild_after_editing_one_report_re_exports_only_that_report(tmp_path: Path):
    root = with_formats(copy_fixture(tmp_path), CHEAP_FORMATS)
    first = build(root, root / "site")
    formats = {f for f, _ in first.exported}
    assert {r for _, r in first.exported} == {"school-transport-review", "earlier-review"}
    before = snapshot(root / "site")

    again = build(root, root / "site")
    assert again.exported == []
    assert snapshot(root / "site") == before, "cached files must be byte-identical"

    body = root / "content/reports/earlier-review/body.md"
    body.write_text(body.read_text() + "\nA sentence added in an edit.\n")
    edited = build(root, root / "site")
    assert sorted(edited.exported) == sorted((f, "earlier-review") for f in formats)


def test_config_change_re_exports_everything(tmp_path: Path):
    root = with_formats(copy_fixture(tmp_path), CHEAP_FORMATS)
    first = build(root, root / "site")
    config = root / "site_config.yaml"
    config.write_text(config.read_text().replace("as_of: 2024-03-31", "as_of: 2024-04-30"))
    assert sorted(build(root, root / "site").exported) == sorted(first.exported)


def test_renaming_another_report_re_exports_the_reports_that_may_link_to_it(tmp_path: Path):
    root = with_formats(copy_fixture(tmp_path), CHEAP_FORMATS)
    first = build(root, root / "site")
    report = root / "content/reports/earlier-review/report.yaml"
    report.write_text(report.read_text().replace("title: Earlier Review of Transport", "title: First Review of Transport"))
    assert sorted(build(root, root / "site").exported) == sorted(first.exported)


def test_a_build_after_an_edit_writes_what_a_cold_build_writes(tmp_path: Path):
    """One report from the cache, the edited one afresh: the same bytes as building the
    edited project from an empty cache."""
    root = with_formats(copy_fixture(tmp_path), "data, txt, brf")
    build(root, root / "site")
    body = root / "content/reports/earlier-review/body.md"
    body.write_text(body.read_text() + "\nA sentence added in an edit.\n")
    warm = build(root, root / "site")
    assert {r for _, r in warm.exported} == {"earlier-review"}
    [cold] = cold_builds(root, tmp_path / "cold", count=1)
    assert_same_files(site_files(root / "site"), cold)


# --- the key holds the versions of what each format runs, and the day it is built for -------------

REPORTS = ("school-transport-review", "earlier-review")


def keys(root: Path, as_of: dt.date | None = None) -> dict[tuple[str, str], str]:
    """The key of every (format, report) of the fixture, from a fresh gather and cache."""
    exports = ExportCache(gather(root, as_of))
    return {(f.id, r): exports.key(f.id, r) for f in REGISTRY for r in REPORTS}


def changed(before: dict, after: dict) -> set[str]:
    """The formats whose keys changed (for both reports, or the test says otherwise)."""
    formats = {f for (f, _), k in after.items() if before[f, _] != k}
    assert all(before[f, r] != after[f, r] for f in formats for r in REPORTS)
    return formats


def with_version(monkeypatch, dep, value: str) -> None:
    real = cache.version
    monkeypatch.setattr(cache, "version", lambda d: value if d == dep else real(d))


def test_the_key_is_stable_while_nothing_changes(minimal_copy: Path):
    first = keys(minimal_copy)
    assert keys(minimal_copy) == first
    assert len(set(first.values())) == len(first), "every format and report has its own key"


@pytest.mark.parametrize("dep, formats", [
    (Tool("lou_translate"), {"brf"}),
    (Tool("espeak-ng"), {"audio"}),
    (Tool("lame"), {"audio"}),
    (Library("weasyprint"), {"pdf", "large-print"}),
    (Library("python-docx"), {"docx"}),
    (Library("vl-convert-python"), {"pdf", "epub"}),
    (Library("markdown-it-py"), {f.id for f in REGISTRY}),
    (Fonts(("Liberation Sans", "DejaVu Sans", "Arial", "sans-serif")), {"pdf", "large-print"}),
    (BrailleTables(braille.TABLES), {"brf"}),
])
def test_a_new_version_of_what_a_format_runs_changes_its_key_only(minimal_copy: Path, monkeypatch, dep, formats):
    before = keys(minimal_copy)
    with_version(monkeypatch, dep, "9.9.9 (upgraded)")
    assert changed(before, keys(minimal_copy)) == formats


def test_a_new_tool_version_re_exports_that_format_then_the_cache_holds(tmp_path: Path, monkeypatch):
    root = with_formats(copy_fixture(tmp_path), "txt, brf")
    assert sorted(build(root, root / "site").exported) == sorted((f, r) for f in ("txt", "brf") for r in REPORTS)
    with_version(monkeypatch, Tool("lou_translate"), "lou_translate (Liblouis) 99.0")
    assert sorted(build(root, root / "site").exported) == sorted(("brf", r) for r in REPORTS)
    assert build(root, root / "site").exported == []


def test_as_of_today_is_in_the_key(minimal_copy: Path, monkeypatch):
    """`as_of: today` builds for the day (SOURCE_DATE_EPOCH when set): a new day, new exports."""
    config = minimal_copy / "site_config.yaml"
    config.write_text(config.read_text().replace("as_of: 2024-03-31", "as_of: today"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2024, 5, 1, tzinfo=dt.timezone.utc).timestamp())))
    first = keys(minimal_copy)
    assert keys(minimal_copy) == first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2024, 5, 2, tzinfo=dt.timezone.utc).timestamp())))
    assert changed(first, keys(minimal_copy)) == {f.id for f in REGISTRY}


def test_as_of_given_on_the_command_line_is_in_the_key(tmp_path: Path):
    root = with_formats(copy_fixture(tmp_path), CHEAP_FORMATS)
    assert keys(root, dt.date(2024, 6, 30)) != keys(root)
    first = build(root, root / "site")
    assert sorted(build(root, root / "site", as_of=dt.date(2024, 6, 30)).exported) == sorted(first.exported)


def test_a_tool_version_is_what_it_prints(tmp_path: Path, monkeypatch):
    tool = tmp_path / "bin" / "fake-tool"
    tool.parent.mkdir()
    tool.write_text("#!/bin/sh\necho fake-tool 1.0\n")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(tool.parent))
    first = cache.version(Tool("fake-tool"))
    assert "fake-tool 1.0" in first and cache.version(Tool("fake-tool")) == first
    tool.write_text("#!/bin/sh\necho fake-tool 1.1\n")
    assert "fake-tool 1.1" in cache.version(Tool("fake-tool"))
    assert cache.version(Tool("no-such-tool")) == "not installed"
    assert cache.version(Library("no-such-distribution-h5")) == "not installed"


@needs_tool("lou_translate")
def test_braille_tables_are_keyed_on_every_table_they_include(tmp_path: Path, monkeypatch):
    """A copy of the tables on LOUIS_TABLEPATH: editing one that en-ueb-g2.ctb only includes
    changes the version, as it changes the braille."""
    tables = BrailleTables(braille.TABLES)
    files = cache._louis_files(tables.tables)
    names = {p.name for p in files}
    assert {"en-us-brf.dis", "en-ueb-g2.ctb", "en-ueb-g1.ctb", "en-ueb-chardefs.uti"} <= names
    copy = tmp_path / "tables"
    copy.mkdir()
    for path in files:
        shutil.copy(path, copy / path.name)
    monkeypatch.setenv("LOUIS_TABLEPATH", str(copy))
    assert {p.parent for p in cache._louis_files(tables.tables)} == {copy}
    first = cache.version(tables)
    (copy / "en-ueb-chardefs.uti").write_text((copy / "en-ueb-chardefs.uti").read_text() + "\n# edited\n")
    assert cache.version(tables) != first


def test_fonts_are_keyed_on_their_files_content(tmp_path: Path, monkeypatch):
    font = tmp_path / "Font.ttf"
    font.write_bytes(b"version 1")
    monkeypatch.setattr(cache, "_font_files", lambda families: [font])
    fonts = Fonts(("Liberation Sans",))
    first = cache.version(fonts)
    assert cache.version(fonts) == first
    font.write_bytes(b"version 2")
    assert cache.version(fonts) != first


@needs_tool("fc-list", "fc-match")
def test_the_print_fonts_are_the_files_fontconfig_uses():
    files = cache._font_files(Fonts(("Liberation Sans", "DejaVu Sans", "Arial", "sans-serif")).families)
    assert files and all(p.is_file() and p.suffix in (".ttf", ".otf", ".ttc") for p in files)
    assert any("LiberationSans" in p.name or "DejaVuSans" in p.name for p in files)


def test_the_registry_names_the_tables_braille_uses():
    assert BrailleTables(braille.TABLES) in format_info("brf").depends
    assert format_info("brf").tools == ("lou_translate",) and format_info("audio").tools == ("espeak-ng", "lame")


# --- fast, key-level forms of the build tests above (the mutation run's selection) -------

def test_editing_a_file_of_one_report_changes_that_reports_keys_only(minimal_copy: Path):
    before = keys(minimal_copy)
    assert all(len(k) == 32 for k in before.values())
    body = minimal_copy / "content/reports/earlier-review/body.md"
    body.write_text(body.read_text() + "\nA sentence added in an edit.\n")
    after = keys(minimal_copy)
    assert {r for (f, r), k in after.items() if before[f, r] != k} == {"earlier-review"}
    assert all(before[f, "earlier-review"] != after[f, "earlier-review"] for f, _ in after)


def test_a_new_recommendation_in_another_report_changes_every_key(minimal_copy: Path):
    """Cross-report links name the recommendations of every report."""
    before = keys(minimal_copy)
    recs = minimal_copy / "content/reports/earlier-review/recommendations.yaml"
    recs.write_text(recs.read_text() + "  - number: 2\n    text: Publish the review.\n")
    after = keys(minimal_copy)
    assert all(before[k] != after[k] for k in after)


def test_an_entry_keeps_the_files_and_only_the_newest_key(tmp_path: Path):
    exports = ExportCache(gather(copy_fixture(tmp_path)))
    assert exports.base == tmp_path / "project" / ".cache" / "formats"
    one, two = tmp_path / "one.txt", tmp_path / "two.bin"
    one.write_text("one")
    two.write_bytes(b"\x00two")
    folder = exports.base / "txt" / "school-transport-review"
    old, new = folder / "old-key", folder / "new-key"
    assert exports.files(old) is None  # absent
    exports.store(old, {"a.txt": one})
    exports.store(new, {"a.txt": one, "sub/deeper/b.bin": two, "sub/deeper/c.txt": one})
    assert exports.files(new) == [new / "a.txt", new / "sub" / "deeper" / "b.bin", new / "sub" / "deeper" / "c.txt"]
    assert (new / "a.txt").read_text() == "one" and (new / "sub/deeper/b.bin").read_bytes() == b"\x00two"
    assert (new / ".complete").read_text() == ""
    assert sorted(p.name for p in folder.iterdir()) == ["new-key"], "only the newest entry is kept"
    (new / ".complete").unlink()  # a build killed while it stored the entry
    assert exports.files(new) is None
    exports.store(new, {})
    assert exports.files(new) == []


def test_renumbering_a_recommendation_changes_what_every_report_may_show_of_the_site(minimal_copy: Path):
    before = cache.site_digest(gather(minimal_copy))
    folder = minimal_copy / "content/reports"
    recs = folder / "earlier-review/recommendations.yaml"
    recs.write_text(recs.read_text().replace("number: 1", "number: 1a"))  # as many recommendations as before
    body = folder / "earlier-review/body.md"
    body.write_text(body.read_text().replace("Recommendation 1", "Recommendation 1a")
                    .replace("[[recommendation 1]]", "[[recommendation 1a]]"))
    findings = folder / "school-transport-review/findings.md"
    findings.write_text(findings.read_text().replace("rec:earlier-review/1", "rec:earlier-review/1a"))
    assert cache.site_digest(gather(minimal_copy)) != before


def test_a_dependency_of_an_unknown_kind_has_no_version():
    with pytest.raises(TypeError, match=r"^no version for 'a string'$"):
        cache.version("a string")


def test_an_entry_is_kept_per_format_report_and_language(minimal_copy: Path):
    exports = ExportCache(gather(minimal_copy))
    assert exports.entry("pdf", "r", "k1", "cy") == exports.base / "pdf" / "r" / "cy" / "k1"
    assert exports.entry("pdf", "r", "k1") == exports.base / "pdf" / "r" / "-" / "k1"



def test_a_cached_export_is_linked_into_the_site_and_never_written_into(tmp_path: Path):
    """An unchanged report's files are the cache's own files (hard links: no copy of every
    report's formats on each build), and re-exporting an edited report makes new files:
    a file published before keeps its bytes."""
    root = with_formats(copy_fixture(tmp_path), CHEAP_FORMATS)
    build(root, root / "site")
    build(root, root / "site")
    name = "reports/earlier-review/recommendations.json"
    published = root / "site" / name
    entries = list((root / ".cache" / "formats" / "data" / "earlier-review").glob("*/*/recommendations.json"))
    assert len(entries) == 1 and published.stat().st_ino == entries[0].stat().st_ino
    before = published.read_bytes()
    held = tmp_path / "held.json"
    os.link(published, held)  # the file as published, wherever the next build puts things
    recs = root / "content/reports/earlier-review/recommendations.yaml"
    recs.write_text(recs.read_text().replace("within three years", "within two years"))
    edited = build(root, root / "site")
    assert ("data", "earlier-review") in edited.exported
    assert b"within two years" in (root / "site" / name).read_bytes()
    assert held.read_bytes() == before
