"""Report folders as versions of their own (scrutiny.units): a folder whose files did not
change is shared with the published version, one that changed is made anew, and nothing
is left that no version links to."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from scrutiny.build import gather
from scrutiny.build import site_units
from scrutiny.writer import OutputError, OutputWriter
from tests.conftest import MINIMAL, site_files, stray_units


def unit_of(rel: str) -> str | None:
    parts = rel.split("/")
    return "/".join(parts[:2]) if len(parts) > 2 and parts[0] == "reports" else None


def entry(tmp_path: Path, name: str, text: str) -> Path:
    """A file the way the page store keeps one: linked into the site, never changed after."""
    path = tmp_path / "store" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def build(site: Path, links: dict[str, Path], writes: dict[str, str] | None = None) -> OutputWriter:
    w = OutputWriter(site, unit_of=unit_of)
    for rel, source in links.items():
        w.link(rel, source)
    for rel, text in (writes or {}).items():
        w.write(rel, text)
    w.commit()
    return w


def folder(site: Path, report: str) -> str:
    """Where the published version's folder of ``report`` is."""
    link = site / "reports" / report
    assert link.is_symlink(), f"{link} is not a link to a unit folder"
    return os.path.realpath(link)


@pytest.fixture
def first(tmp_path: Path) -> tuple[Path, dict[str, Path]]:
    links = {"reports/a/index.html": entry(tmp_path, "a", "report a"),
             "reports/a/recommendations/1/index.html": entry(tmp_path, "a1", "rec a1"),
             "reports/b/index.html": entry(tmp_path, "b", "report b"),
             "index.html": entry(tmp_path, "home", "home")}
    site = tmp_path / "site"
    build(site, links, {"reports/b/chart.svg": "<svg/>"})
    return site, links


def test_a_folder_whose_files_are_the_same_is_shared_and_one_that_changed_is_made_again(first, tmp_path: Path):
    site, links = first
    before = {r: folder(site, r) for r in ("a", "b")}
    assert site_files(site) == {".scrutiny-build": site_files(site)[".scrutiny-build"], "index.html": b"home",
                                "reports/a/index.html": b"report a", "reports/a/recommendations/1/index.html": b"rec a1",
                                "reports/b/index.html": b"report b", "reports/b/chart.svg": b"<svg/>"}
    chart = Path(os.path.realpath(site / "reports/b/chart.svg"))  # kept by the store, as the builder keeps it
    changed = dict(links, **{"reports/a/index.html": entry(tmp_path, "a-new", "report a, edited"),
                             "reports/b/chart.svg": chart})
    w = build(site, changed)
    assert folder(site, "b") == before["b"]
    assert folder(site, "a") != before["a"]
    assert w.units.reused == 1
    assert (site / "reports/a/index.html").read_text() == "report a, edited"
    assert (site / "reports/a/recommendations/1/index.html").read_text() == "rec a1"
    assert stray_units(site) == []
    assert not os.path.exists(before["a"])  # no version links to it now


@pytest.mark.parametrize("change", ["the same bytes written", "other bytes written", "file added",
                                    "file left out", "source replaced"])
def test_any_difference_makes_the_folder_again(first, tmp_path: Path, change: str):
    site, links = first
    before = folder(site, "b")
    chart = Path(os.path.realpath(site / "reports/b/chart.svg"))
    links, writes = dict(links, **{"reports/b/chart.svg": chart}), {}
    if change.endswith("written"):  # a file made afresh: the folder is made again, whatever its bytes
        del links["reports/b/chart.svg"]
        writes["reports/b/chart.svg"] = "<svg/>" if change.startswith("the same") else "<svg></svg>"
    elif change == "file added":
        links["reports/b/tracker/index.html"] = entry(tmp_path, "bt", "tracker b")
    elif change == "file left out":
        del links["reports/b/chart.svg"]
    else:  # the same words in a new file: a page rendered again
        links["reports/b/index.html"] = entry(tmp_path, "b-again", "report b")
    build(site, links, writes)
    assert folder(site, "b") != before
    assert stray_units(site) == []
    expected = {"other bytes written": "<svg></svg>", "file left out": None}
    if expected.get(change, "<svg/>") is None:
        assert not (site / "reports/b/chart.svg").exists()
    else:
        assert (site / "reports/b/chart.svg").read_text() == expected.get(change, "<svg/>")


def test_where_a_file_is_before_the_folders_are_made(tmp_path: Path):
    w = OutputWriter(tmp_path / "site", unit_of=unit_of)
    source = entry(tmp_path, "a", "report a")
    w.link("reports/a/index.html", source)
    w.write("reports/a/chart.svg", "<svg/>")
    w.write("index.html", "home")
    assert w.path_of("reports/a/index.html") == str(source)
    assert Path(w.path_of("reports/a/chart.svg")).read_text() == "<svg/>"
    assert Path(w.path_of("index.html")).read_text() == "home"
    assert w.written == {"reports/a/index.html": 8, "reports/a/chart.svg": 6, "index.html": 4}
    with pytest.raises(OutputError, match="already written"):
        w.link("reports/a/chart.svg", source)
    w.abort()
    assert not list((tmp_path / "site").parent.glob(".site-builds/units/*/*"))  # its folders went with it


def test_a_damaged_record_makes_every_folder_again_and_keeps_the_published_ones(first, tmp_path: Path):
    site, links = first
    builds = tmp_path / ".site-builds"
    record = builds / "units" / f"{Path(os.readlink(site)).name}.record"
    record.write_bytes(b"not a record")
    before = {r: folder(site, r) for r in ("a", "b")}
    w = OutputWriter(site, unit_of=unit_of)  # its clean-up must not remove what the site links to
    assert all(os.path.isdir(f) for f in before.values())
    for rel, source in links.items():
        w.link(rel, source)
    w.write("reports/b/chart.svg", "<svg/>")
    w.commit()
    assert w.units.reused == 0
    assert {r: folder(site, r) for r in ("a", "b")} != before
    assert (site / "reports/b/chart.svg").read_text() == "<svg/>"
    assert stray_units(site) == []


def test_what_a_killed_build_left_is_removed_by_the_next(first, tmp_path: Path):
    site, links = first
    left = tmp_path / ".site-builds" / "units" / "reports%2Fa" / "99"
    left.mkdir()
    (left / "index.html").write_text("half", encoding="utf-8")
    (tmp_path / ".site-builds" / "units" / "99.record").write_bytes(b"")
    build(site, links, {"reports/b/chart.svg": "<svg/>"})
    assert not left.exists()
    assert stray_units(site) == []


def test_the_folders_of_their_own_in_a_bilingual_site():
    config = dataclasses.replace(gather(MINIMAL).config, language="en-GB", languages=("en-GB", "cy"))
    folder_of = site_units(config)
    assert folder_of("reports/a/index.html") == "reports/a"
    assert folder_of("changes/index.html") == "changes"
    assert folder_of("changes/2025-03-01/index.html") == "changes"
    assert folder_of("cy/changes/2025-03-01/index.html") == "cy/changes"
    assert folder_of("tracker/index.html") == "tracker"
    assert folder_of("tracker/views/overdue/index.html") == "tracker"
    assert folder_of("reports/a/recommendations/1/index.html") == "reports/a"
    assert folder_of("cy/reports/a/index.html") == "cy/reports/a"
    assert folder_of("pagefind/03/pagefind-entry.json") == "pagefind/03"
    assert folder_of("cy/pagefind/00/reports/index/en_1.pf_index") == "cy/pagefind/00"
    for rel in ("reports/index.html", "reports/a", "index.html", "cy/reports/index.html", "changes", "changes/",
                "changes.html", "trackers/index.html",
                "data/reports/a.json", "en/reports/a/index.html", "pagefind/pagefind.js", "search/index.html"):
        assert folder_of(rel) is None, rel
