"""The formats' exports run over every core (scrutiny.build.write_formats): the same bytes
as one process writes, each file recorded once, the export cache kept and reused, and an
exporter's error raised as it would be in one process."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import traceback
from pathlib import Path

import pytest

from scrutiny.build import build
from scrutiny.exporters import text
from scrutiny.writer import OutputError
from tests.conftest import FIXTURES, ROOT, assert_same_files, copy_fixture, needs_tool, site_files, with_formats

#: Every format's tools (the minimal fixture selects every format; brf needs liblouis).
ALL_TOOLS = ("espeak-ng", "lame", "lou_translate")


def cold_build(root: Path, where: Path, jobs: str, monkeypatch) -> tuple[dict[str, bytes], object]:
    """Build a copy of ``root`` from an empty cache with ``SCRUTINY_JOBS=jobs``."""
    copy = where / "project"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".cache", "site", ".site-builds"))
    monkeypatch.setenv("SCRUTINY_JOBS", jobs)
    result = build(copy, copy / "site")
    return site_files(copy / "site"), result


@needs_tool(*ALL_TOOLS)
def test_every_format_has_the_same_bytes_from_one_process_and_from_two(tmp_path, monkeypatch):
    root = copy_fixture(tmp_path)
    one, first = cold_build(root, tmp_path / "one", "1", monkeypatch)
    two, second = cold_build(root, tmp_path / "two", "2", monkeypatch)
    assert {f for f, _ in first.exported} >= {"pdf", "large-print", "audio", "docx", "epub", "brf"}
    assert second.exported == first.exported  # the formats' order, then the reports'
    assert_same_files(one, two)


@needs_tool("lou_translate")
def test_a_bilingual_site_has_the_same_bytes_from_one_process_and_from_two(tmp_path, monkeypatch):
    root = tmp_path / "bilingual"
    shutil.copytree(FIXTURES / "bilingual", root, ignore=shutil.ignore_patterns(".cache"))
    with_formats(root, "data, txt, brf, epub")
    one, first = cold_build(root, tmp_path / "one", "1", monkeypatch)
    two, second = cold_build(root, tmp_path / "two", "2", monkeypatch)
    assert any(name.startswith("cy/reports/") and name.endswith(".txt") for name in two), \
        "the Welsh pass exports its report's formats too"
    assert second.exported == first.exported
    assert_same_files(one, two)


@needs_tool("lou_translate")
def test_each_file_is_recorded_once_with_its_size(tmp_path, monkeypatch):
    root = tmp_path / "bilingual"
    shutil.copytree(FIXTURES / "bilingual", root, ignore=shutil.ignore_patterns(".cache"))
    with_formats(root, "data, txt, brf")
    files, result = cold_build(root, tmp_path / "two", "2", monkeypatch)
    exported = [name for name in files if name.endswith((".txt", ".brf")) and "/reports/" in f"/{name}"]
    assert any(name.startswith("cy/") for name in exported) and any(not name.startswith("cy/") for name in exported)
    on_disk = {name: len(data) for name, data in files.items() if name != ".scrutiny-build"}
    assert result.files == on_disk


@needs_tool("lou_translate")
def test_the_cache_written_by_workers_is_reused_by_the_next_build(tmp_path, monkeypatch):
    root = with_formats(copy_fixture(tmp_path), "data, txt, epub, brf")
    monkeypatch.setenv("SCRUTINY_JOBS", "2")
    first = build(root, root / "site")
    # in the formats' order, then the reports', as one process exports them (epub runs first)
    assert first.exported == [(f, r) for f in ("data", "txt", "epub", "brf")
                              for r in ("school-transport-review", "earlier-review")]
    before = site_files(root / "site")
    again = build(root, root / "site")
    assert again.exported == []
    assert site_files(root / "site") == before
    monkeypatch.setenv("SCRUTINY_JOBS", "1")  # one process reads what two wrote
    assert build(root, root / "site").exported == []
    assert site_files(root / "site") == before


class ExportFailed(RuntimeError):
    """What a failing exporter raises."""


class FailingExporter:
    def export(self, pub, report, out):
        time.sleep(0.2)  # so that each worker takes one
        raise ExportFailed(f"cannot export {report.id} in this test")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_exporter_that_raises_gives_the_error_one_process_gives(tmp_path, monkeypatch, jobs):
    root = with_formats(copy_fixture(tmp_path), "data, txt")
    monkeypatch.setenv("SCRUTINY_JOBS", jobs)
    monkeypatch.setattr(text, "EXPORTER", FailingExporter())
    with pytest.raises(ExportFailed) as raised:
        build(root, root / "site")
    assert str(raised.value) == "cannot export school-transport-review in this test"  # the first in order
    notes = getattr(raised.value, "__notes__", [])
    if jobs == "2":
        assert any("in an export worker" in n and "raise ExportFailed" in n for n in notes), notes
    else:
        assert notes == []
        assert "raise ExportFailed" in "".join(traceback.format_tb(raised.tb))  # its own traceback
    assert not (root / "site").exists(), "nothing is published"


#: A build whose exporter raises an error that pickle cannot bring back from a worker (its
#: ``__init__`` takes two arguments), run in its own process: a pool that cannot read a
#: worker's answer would wait for ever.
UNPICKLABLE = """
import sys
from pathlib import Path

from scrutiny.build import build
from scrutiny.exporters import text


class Unpicklable(Exception):
    def __init__(self, report_id, why):
        super().__init__(f"{report_id}: {why}")


class Exporter:
    def export(self, pub, report, out):
        raise Unpicklable(report.id, "no")


text.EXPORTER = Exporter()
try:
    build(Path(sys.argv[1]), Path(sys.argv[1]) / "site")
except Exception as err:
    print(f"raised {type(err).__name__}: {err}")
"""


def test_an_error_that_cannot_travel_still_says_what_it_was(tmp_path):
    root = with_formats(copy_fixture(tmp_path), "txt")
    proc = subprocess.Popen([sys.executable, "-c", UNPICKLABLE, str(root)], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, env={**os.environ, "SCRUTINY_JOBS": "2"}, start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the build and its workers
        proc.communicate()
        pytest.fail("the build waited for ever for a worker's error that could not be unpickled")
    assert out.strip().splitlines()[-1] == "raised RuntimeError: Unpicklable: school-transport-review: no"


class SharedPathExporter:
    """Writes one path at the site's root for every report: a renderer's bug. With
    ``together``, each export waits (up to 30 s) until that many have started, so that
    each worker takes one."""

    def __init__(self, pids: Path, together: int):
        self.pids, self.together = pids, together

    def export(self, pub, report, out):
        with open(self.pids, "a") as fh:
            fh.write(f"{os.getpid()}\n")
        deadline = time.monotonic() + 30
        while len(self.pids.read_text().split()) < self.together and time.monotonic() < deadline:
            time.sleep(0.05)
        out.writer.write("shared.txt", report.id)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_path_written_by_two_exports_is_refused(tmp_path, monkeypatch, jobs):
    root = with_formats(copy_fixture(tmp_path), "txt")
    pids = tmp_path / "pids"
    monkeypatch.setenv("SCRUTINY_JOBS", jobs)
    monkeypatch.setattr(text, "EXPORTER", SharedPathExporter(pids, together=int(jobs)))
    with pytest.raises(OutputError) as raised:
        build(root, root / "site")
    assert str(raised.value) == "shared.txt was already written in this build"
    workers = set(pids.read_text().split())
    assert len(workers) == int(jobs)  # with two, each export ran in its own worker
    assert not (root / "site").exists()
