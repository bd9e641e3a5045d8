"""Stages that run beside the others (scrutiny.build.IN_BACKGROUND, the open data): made in
a worker of their own with the bytes one process makes, their files recorded as the
build's, their errors raised by the build with nothing published, and stopped when a later
stage fails."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from scrutiny.build import BuildResult, build, gather, run_stages, site_units
from scrutiny.exporters.data import SiteData
from scrutiny.writer import OutputError, OutputWriter
from tests.conftest import assert_same_files, copy_fixture, site_files, with_formats

DATA = ("data/recommendations.csv", "data/recommendations.json", "data/recommendations.schema.json")


def _noting_pids(monkeypatch, pids: Path) -> None:
    """Each process that works out the open data notes its pid in ``pids``."""
    made = SiteData.of.__func__

    def of(cls, *args, **kwargs):
        with open(pids, "a") as fh:
            fh.write(f"{os.getpid()}\n")
        return made(cls, *args, **kwargs)
    monkeypatch.setattr(SiteData, "of", classmethod(of))


def test_the_open_data_is_made_in_a_worker_of_its_own_with_the_bytes_one_process_makes(tmp_path, monkeypatch):
    pids = tmp_path / "pids"
    _noting_pids(monkeypatch, pids)
    built = {}
    for jobs in ("1", "2"):
        root = with_formats(copy_fixture(tmp_path / jobs), "data")
        monkeypatch.setenv("SCRUTINY_JOBS", jobs)
        lines: list[str] = []
        result = build(root, root / "site", log=lines.append)
        built[jobs] = site_files(root / "site")
        assert set(DATA) <= set(result.files)  # recorded as the build's
        assert {name: len(built[jobs][name]) for name in DATA} == {name: result.files[name] for name in DATA}
        assert any(line.startswith("  made beside the other stages in ") for line in lines), lines
        if jobs == "2":
            again: list[str] = []
            build(root, root / "site", log=again.append)  # what the worker logged reaches the build's log
            assert "  site data: 3 files unchanged" in again, again
    made_in = pids.read_text().split()
    assert made_in[0] == str(os.getpid()) and len(made_in) == 3 and str(os.getpid()) not in made_in[1:]
    assert_same_files(built["1"], built["2"])


class DataFailed(RuntimeError):
    """What the broken open data raises."""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_error_in_the_open_data_stops_the_build_and_the_published_site_stays(tmp_path, monkeypatch, jobs):
    root = with_formats(copy_fixture(tmp_path), "data")
    monkeypatch.setenv("SCRUTINY_JOBS", jobs)
    build(root, root / "site")
    before = site_files(root / "site")

    def files(self):
        raise DataFailed("the open data cannot be made in this test")
    monkeypatch.setattr(SiteData, "files", files)
    (root / "content" / "reports" / "school-transport-review" / "recommendations.yaml").open("a").write("\n")
    with pytest.raises(DataFailed, match="cannot be made in this test") as raised:
        build(root, root / "site")
    notes = getattr(raised.value, "__notes__", [])
    assert any("in a background worker" in n for n in notes) == (jobs == "2"), notes
    assert site_files(root / "site") == before


def _writes_later(pub, out, result, log):
    time.sleep(3)
    out.write("late.txt", "written after the build failed")


def _fails(pub, out, result, log):
    raise DataFailed("a later stage failed")


def test_a_stage_that_fails_stops_the_one_running_beside_it(tmp_path, monkeypatch):
    monkeypatch.setenv("SCRUTINY_JOBS", "2")
    root = copy_fixture(tmp_path)
    pub = gather(root)
    writer = OutputWriter(root / "site", unit_of=site_units(pub.config))
    try:
        started = time.monotonic()
        with pytest.raises(DataFailed):
            run_stages(pub, writer, BuildResult(files={}), lambda s: None,
                       stages=(("data", _writes_later), ("site", _fails)))
        assert time.monotonic() - started < 2.5  # not waited for
        time.sleep(3.5)
        assert not (writer.tmp / "late.txt").exists()  # stopped, not left writing into the version
    finally:
        writer.abort()


def _writes_into_a_report(pub, out, result, log):
    out.write(f"reports/{pub.reports[0].id}/extra.txt", "a file in a report's folder")


def test_a_stage_beside_the_others_may_not_write_into_a_folder_of_its_own(tmp_path, monkeypatch):
    monkeypatch.setenv("SCRUTINY_JOBS", "2")
    root = copy_fixture(tmp_path)
    pub = gather(root)
    writer = OutputWriter(root / "site", unit_of=site_units(pub.config))
    try:
        with pytest.raises(OutputError, match=r"reports/school-transport-review/extra.txt: a background stage "
                                              r"wrote into a folder of its own \(reports/\)"):
            run_stages(pub, writer, BuildResult(files={}), lambda s: None, stages=(("data", _writes_into_a_report),))
    finally:
        writer.abort()

