"""The build: gather and check everything, then write every output through one writer."""

from __future__ import annotations

import datetime as dt

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import i18n
from .checks import check_publication
from .cache import ExportCache
from .exporters import INSTALL, REGISTRY, FormatInfo
from .exporters.data import export_site
from .load import load_content
from .markdown import parse_content
from .markdown.pipeline import parse_translations
from .problems import ContentError, Problems
from .publication import Publication
from .site import write_site
from .subsite import Subsite
from .urls import report_url
from .writer import Folder, OutputWriter, UnsafeOutput, output_problems

Log = Callable[[str], None]


def gather(root: Path, as_of: dt.date | None = None) -> Publication:
    """Load, parse and cross-check everything; raise :class:`ContentError` listing every
    problem. ``as_of`` replaces ``site.as_of`` for this run."""
    problems = Problems()
    content = load_content(root, problems, as_of)
    if content is None:
        raise ContentError(problems)
    parsed = parse_content(content, problems)
    translated = parse_translations(content, parsed, problems)
    check_publication(content, parsed, problems, translated)
    if problems:
        raise ContentError(problems)
    return Publication(content, parsed, translated=translated)


def _read_quietly(root: Path) -> Publication | None:
    """The publication at an old revision, or None when it does not pass the checks."""
    try:
        return gather(root)
    except ContentError:
        return None


def with_record(pub: Publication, log: Log = lambda s: None) -> Publication:
    """``pub`` with its change history read from git (:mod:`.recordlog`)."""
    from dataclasses import replace

    from .cache import code_digest
    from .recordlog import read_log

    record = read_log(pub.root, _read_quietly, pub.root / ".cache" / "record-log", code_digest())
    if record.reason:
        log(f"change history: {record.reason}")
    return replace(pub, record=record)


@dataclass
class BuildResult:
    files: dict[str, int]
    """Every file written, with its size in bytes."""
    skipped: list[str] = field(default_factory=list)
    """Every warning of the build (a format, chart or search index left out), through
    :meth:`warn`; with ``--strict`` any of them fails the build."""
    timings: list[tuple[str, float]] = field(default_factory=list)
    exported: list[tuple[str, str]] = field(default_factory=list)
    """(format, report id) of every export made afresh (the rest came from the cache)."""

    def warn(self, message: str, log: Log) -> None:
        """The one way a stage says something was left out: logged now, listed after the
        build, and fatal under ``--strict`` (nothing is published)."""
        self.skipped.append(message)
        log(message)


class StrictError(Exception):
    """``--strict`` and the build (or check) warned: nothing was written."""

    def __init__(self, warnings: list[str]):
        self.warnings = list(warnings)
        super().__init__(f"{len(self.warnings)} warning(s) with --strict")

    def report(self) -> str:
        noun = "warning" if len(self.warnings) == 1 else "warnings"
        return "\n".join([*(f"warning: {w}" for w in self.warnings),
                          f"{len(self.warnings)} {noun} with --strict; nothing was written "
                          f"(fix each, or build without --strict)."])


def skipped_format(info: FormatInfo) -> str | None:
    """Why ``info`` cannot be built on this machine, or None."""
    missing = info.missing_tools()
    if not missing:
        return None
    return f"skipped {info.label}: {', '.join(missing)} not installed (install with: {INSTALL})"


#: Said when the search indexer is missing (the site stage skips the search index).
SEARCH_SKIPPED = "skipped search index: the pagefind package is not installed (pip install -r requirements.txt)"


def environment_warnings(pub: Publication) -> list[str]:
    """What a build here would leave out whatever the content says (``check --strict``): the
    selected formats whose tools are missing, and the search index without its indexer."""
    from .site.search import pagefind_binary

    warnings = [m for m in map(skipped_format, selected_formats(pub)) if m is not None]
    return warnings + ([SEARCH_SKIPPED] if pagefind_binary() is None else [])


def write_formats(pub: Publication, writer: OutputWriter, result: BuildResult, log: Log) -> None:
    """Every selected format of every report written in the build's language (a report
    not translated into it keeps its formats in its own language's site), reusing cached
    files while inputs are unchanged."""
    cache = ExportCache(pub)
    language = pub.config.language
    reports = [r for r in pub.reports if (r.language or pub.config.all_languages[0]) == language]
    if not reports:
        return
    for info in selected_formats(pub):
        skipped = skipped_format(info)
        if skipped is not None:
            if skipped not in result.skipped:  # said once, not once per language
                result.warn(skipped, log)
            continue
        started, fresh = time.perf_counter(), 0
        for report in reports:
            if _export_one(pub, writer, cache, info, report):
                fresh += 1
                result.exported.append((info.id, report.id))
        result.timings.append((f"format {info.id}", time.perf_counter() - started))
        log(f"  {info.id}: {fresh} exported, {len(reports) - fresh} from cache "
            f"({time.perf_counter() - started:.2f} s)")


def _export_one(pub: Publication, writer: OutputWriter, cache: ExportCache, info: FormatInfo, report) -> bool:
    """Export one report in one format, or copy it from the cache; True if exported."""
    prefix = report_url(report.id)
    entry = cache.entry(info.id, report.id, cache.key(info.id, report.id), pub.config.language)
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


#: The output stages, in order; each runs once per language of the site (main first)
#: except those in :data:`MAIN_LANGUAGE_ONLY`.
OUTPUT_STAGES: tuple[tuple[str, Callable[[Publication, OutputWriter, BuildResult, Log], None]], ...] = (
    ("data", write_data),
    ("formats", write_formats),
    ("site", write_site),
)


#: Stages written once, in the main language: the open data states facts, which are the
#: same in every language.
MAIN_LANGUAGE_ONLY = frozenset({"data"})


def check_output(root: Path, out: Path) -> None:
    """Refuse (:class:`UnsafeOutput`, nothing touched) an output folder that is, holds or is
    inside the project's content or source, or that holds files that are not a build."""
    from .site.assets import TEMPLATES_DIR, THEME_DIR

    problems = output_problems(root, out, (TEMPLATES_DIR, THEME_DIR, Path(__file__).parent))
    if problems:
        raise UnsafeOutput(problems)


def run_stages(pub: Publication, writer: OutputWriter, result: BuildResult, log: Log,
               stages=OUTPUT_STAGES) -> None:
    """Each output stage in order, timed, for each of the site's languages: the main one
    at the site's root, each other one in its folder (``cy/``), in its own words. Every
    language's formats are written before any page, which lists them (a report with no
    translation links to its formats in its own language's site)."""
    several = len(pub.config.all_languages) > 1
    versions = list(pub.versions())
    for name, stage in stages:
        for version in versions:
            language = version.config.language
            if name in MAIN_LANGUAGE_ONLY and language != pub.config.all_languages[0]:
                continue
            out = Subsite(writer, pub.config.url_prefix(language))
            t = time.perf_counter()
            with i18n.use(language):  # every output in its language
                stage(version, out, result, log)
            label = f"{name} ({language})" if several else name
            result.timings.append((label, time.perf_counter() - t))
            log(f"{label}: {time.perf_counter() - t:.2f} s")


def build(root: Path, out: Path, log: Log = lambda s: None, as_of: dt.date | None = None,
          strict: bool = False) -> BuildResult:
    """Check, then write everything into ``out``. ``strict``: any warning (a format, chart or
    the search index left out) raises :class:`StrictError` and nothing is published."""
    started = time.perf_counter()
    check_output(root, out)
    pub = with_record(gather(root, as_of), log)
    result = BuildResult(files={})
    result.timings.append(("load and check", time.perf_counter() - started))
    log(f"checked {len(pub.content.reports)} reports, "
        f"{sum(len(r.recommendations) for r in pub.content.reports)} recommendations")
    writer = OutputWriter(out, log)
    try:
        run_stages(pub, writer, result, log)
        if strict and result.skipped:
            raise StrictError(result.skipped)
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    result.files = dict(sorted(writer.written.items()))
    return result
