#!/usr/bin/env python3
"""Seconds per report per format: time each exporter on one report.

    .venv/bin/python bench/formats.py                       # the real content's criteria-for-entry-into-care
    .venv/bin/python bench/formats.py --root bench/out/n10 --report children-in-care-2019-0001

For every format in ``scrutiny.exporters.REGISTRY`` whose module exists and whose system
tools are installed, times ``EXPORTER.export`` (and, separately, the first import of its
module) writing into a temporary :class:`scrutiny.writer.OutputWriter`, which is aborted
afterwards. Nothing is cached and nothing is written outside a temporary folder.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scrutiny.build import gather  # noqa: E402
from scrutiny.exporters import REGISTRY, FormatInfo  # noqa: E402
from scrutiny.model import Report  # noqa: E402
from scrutiny.problems import ContentError  # noqa: E402
from scrutiny.publication import Publication  # noqa: E402
from scrutiny.urls import report_url  # noqa: E402
from scrutiny.writer import Folder, OutputWriter  # noqa: E402

DEFAULT_REPORT = "criteria-for-entry-into-care"


@dataclass
class Timing:
    format: str
    status: str
    import_s: float | None = None
    export_s: float | None = None
    files: int = 0
    kilobytes: float = 0.0


def module_exists(info: FormatInfo) -> bool:
    return importlib.util.find_spec(f"scrutiny.exporters.{info.module}") is not None


def time_export(pub: Publication, report: Report, info: FormatInfo, repeat: int) -> Timing:
    started = time.perf_counter()
    exporter = info.exporter()
    imported = time.perf_counter() - started
    best, written = float("inf"), {}
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="bench-formats-") as tmp:
            writer = OutputWriter(Path(tmp) / "site")
            try:
                started = time.perf_counter()
                exporter.export(pub, report, Folder(writer, report_url(report.id)))
                best = min(best, time.perf_counter() - started)
                written = dict(writer.written)
            finally:
                writer.abort()
    return Timing(info.id, "ok", imported, best, len(written), sum(written.values()) / 1024)


def time_format(pub: Publication, report: Report, info: FormatInfo, repeat: int) -> Timing:
    if not module_exists(info):
        return Timing(info.id, f"not written yet (no scrutiny/exporters/{info.module}.py)")
    missing = info.missing_tools()
    if missing:
        return Timing(info.id, f"skipped: {', '.join(missing)} not installed")
    try:
        return time_export(pub, report, info, repeat)
    except Exception as exc:  # a broken exporter is reported in the table, with its traceback on stderr
        traceback.print_exc()
        return Timing(info.id, f"failed: {type(exc).__name__}: {exc}")


def seconds(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def table(report: Report, rows: list[Timing]) -> str:
    lines = [f"Report `{report.id}`: {len(report.sections)} sections, {len(report.recommendations)} recommendations.",
             "",
             "| format | status | first import (s) | export (s) | files | KB |",
             "|---|---|---:|---:|---:|---:|"]
    for r in rows:
        size = f"{r.kilobytes:.0f}" if r.status == "ok" else "–"
        files = str(r.files) if r.status == "ok" else "–"
        lines.append(f"| {r.format} | {r.status} | {seconds(r.import_s)} | {seconds(r.export_s)} | {files} | {size} |")
    lines += ["", "Formats run one after another in one process: what is memoised in-process (chart SVGs) "
                  "is paid by the first format that draws it."]
    return "\n".join(lines)


def load(root: Path, report_id: str) -> tuple[Publication, Report]:
    try:
        pub = gather(root)
    except ContentError as err:
        raise SystemExit(f"{err.report()}\nthe content under {root} does not pass `build.py check`; "
                         f"try --root with a folder made by bench/generate.py") from None
    report = pub.content.report(report_id)
    if report is None:
        ids = ", ".join(r.id for r in pub.content.reports)
        raise SystemExit(f'no report "{report_id}" under {root}; the reports are: {ids}')
    return pub, report


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--root", type=Path, default=ROOT, help="project folder (default: the repository)")
    p.add_argument("--report", default=DEFAULT_REPORT, help=f"report id (default: {DEFAULT_REPORT})")
    p.add_argument("--repeat", type=int, default=1, help="runs per format; the best is shown (default: 1)")
    p.add_argument("--formats", default="", help="comma-separated format ids (default: every format)")
    args = p.parse_args(argv)
    pub, report = load(args.root, args.report)
    wanted = [f for f in args.formats.split(",") if f]
    rows = [time_format(pub, report, info, max(1, args.repeat))
            for info in REGISTRY if not wanted or info.id in wanted]
    print(table(report, rows))
    return 1 if any(r.status.startswith("failed") for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
