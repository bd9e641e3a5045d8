"""The build: gather and check everything, then write every output through one writer."""

from __future__ import annotations

import datetime as dt

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .checks import check_publication
from .cache import ExportCache
from .exporters import INSTALL, REGISTRY, FormatInfo
from .exporters.data import export_site
from .load import load_content
from .markdown import parse_content
from .problems import ContentError, Problems
from .publication import Publication
from .site import write_site
from .urls import report_url
from .writer import Folder, OutputWriter

Log = Callable[[str], None]


def gather(root: Path, as_of: dt.date | None = None) -> Publication:
    """Load, parse and cross-check everything; raise :class:`ContentError` listing every
    problem. ``as_of`` replaces ``site.as_of`` for this run."""
    problems = Problems()
    content = load_content(root, problems, as_of)
    if content is None:
        raise ContentError(problems)
    parsed = parse_content(content, problems)
    check_publication(content, parsed, problems)
    if problems:
        raise ContentError(problems)
    return Publication(content, parsed)


@dataclass
class BuildResult:
    files: dict[str, int]
    """Every file written, with its size in bytes."""
    skipped: list[str] = field(default_factory=list)
    """Messages for formats that could not be built here."""
    timings: list[tuple[str, float]] = field(default_factory=list)
    exported: list[tuple[str, str]] = field(default_factory=list)
    """(format, report id) of every export made afresh (the rest came from the cache)."""


def write_formats(pub: Publication, writer: OutputWriter, result: BuildResult, log: Log) -> None:
    """Every selected format for every report, reusing cached files while inputs are unchanged."""
    cache = ExportCache(pub)
    for info in selected_formats(pub):
        missing = info.missing_tools()
        if missing:
            message = (f"skipped {info.label}: {', '.join(missing)} not installed "
                       f"(install with: {INSTALL})")
            result.skipped.append(message)
            log(message)
            continue
        started, fresh = time.perf_counter(), 0
        for report in pub.reports:
            if _export_one(pub, writer, cache, info, report):
                fresh += 1
                result.exported.append((info.id, report.id))
        result.timings.append((f"format {info.id}", time.perf_counter() - started))
        log(f"  {info.id}: {fresh} exported, {len(pub.reports) - fresh} from cache "
            f"({time.perf_counter() - started:.2f} s)")


def _export_one(pub: Publication, writer: OutputWriter, cache: ExportCache, info: FormatInfo, report) -> bool:
    """Export one report in one format, or copy it from the cache; True if exported."""
    prefix = report_url(report.id)
    entry = cache.entry(info.id, report.id, cache.key(info.id, report.id))
    cached = cache.files(entry)
    if cached is not None:
        for path in cached:
            writer.copy(prefix + path.relative_to(entry).as_posix(), path)
        return False
    before = set(writer.written)
    info.exporter().export(pub, report, Folder(writer, prefix))
    new = sorted(set(writer.written) - before)
    cache.store(entry, {rel[len(prefix):]: writer.tmp / rel for rel in new})
    return True


def write_data(pub: Publication, writer: OutputWriter, result: BuildResult, log: Log) -> None:
    export_site(pub, Folder(writer, "data"))


def selected_formats(pub: Publication) -> list[FormatInfo]:
    return [f for f in REGISTRY if f.id in pub.config.formats]


#: The output stages, in order.
OUTPUT_STAGES: tuple[tuple[str, Callable[[Publication, OutputWriter, BuildResult, Log], None]], ...] = (
    ("data", write_data),
    ("formats", write_formats),
    ("site", write_site),
)


def build(root: Path, out: Path, log: Log = lambda s: None, as_of: dt.date | None = None) -> BuildResult:
    started = time.perf_counter()
    pub = gather(root, as_of)
    result = BuildResult(files={})
    result.timings.append(("load and check", time.perf_counter() - started))
    log(f"checked {len(pub.content.reports)} reports, "
        f"{sum(len(r.recommendations) for r in pub.content.reports)} recommendations")
    writer = OutputWriter(out)
    try:
        for name, stage in OUTPUT_STAGES:
            t = time.perf_counter()
            stage(pub, writer, result, log)
            result.timings.append((name, time.perf_counter() - t))
            log(f"{name}: {time.perf_counter() - t:.2f} s")
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    result.files = dict(sorted(writer.written.items()))
    return result
