"""The build: gather and check everything, then write every output through one writer."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import i18n
from .checks import check_publication
from .cache import ExportCache, code_digest
from .exporters import INSTALL, REGISTRY, FormatInfo
from .exporters.data import SiteData
from .heap import collector_paused, heap_frozen
from .load import load_content
from .markdown import parse_content
from .markdown.pipeline import parse_translations
from .parallel import Background, in_background, run_parallel, sendable
from .problems import ContentError, Problems
from .publication import Publication
from .render.chart import use_chart_cache
from .reportcache import load_parsed
from .site import write_site
from .site.pagestore import PageStore
from .site.rounds import ROOT as ROUNDS
from .site.search import BUNDLE
from .site.trackerviews import ROOT as TRACKER
from .model import SiteConfig
from .subsite import Subsite
from .units import UnitOf
from .urls import report_url, unit_folders
from .writer import Folder, OutputError, OutputWriter, UnsafeOutput, atomic_write, output_problems

Log = Callable[[str], None]


def gather(root: Path, as_of: dt.date | None = None) -> Publication:
    """Load, parse and cross-check everything; raise :class:`ContentError` listing every
    problem. ``as_of`` replaces ``site.as_of`` for this run."""
    problems = Problems()
    with collector_paused():  # a million objects made, hardly any garbage (scrutiny.heap)
        # load_content, parse_content and parse_translations, each report taken from
        # .cache/reports while its files are unchanged, the others over every core
        loaded = load_parsed(root, problems, as_of)
        content, parsed, translated = loaded.content, loaded.parsed, loaded.translated
        if content is None:
            raise ContentError(problems)
        use_chart_cache(root / ".cache" / "table-charts")
        check_publication(content, parsed, problems, translated)
    if problems:
        raise ContentError(problems)
    return Publication(content, parsed, translated=translated, source_keys=loaded.keys)


def _read_quietly(root: Path) -> Publication | None:
    """The publication at an old revision, or None when it does not pass the checks."""
    try:
        return gather(root)
    except ContentError:
        return None


def with_record(pub: Publication, log: Log = lambda s: None) -> Publication:
    """``pub`` with its change history read from git (:mod:`.recordlog`)."""
    from dataclasses import replace

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
    files while inputs are unchanged. The exports not in the cache run over every core
    (:func:`~scrutiny.parallel.run_parallel`, each in a worker forked with the publication
    and the writer); each format's time is the time its exports took, wherever they ran."""
    cache = ExportCache(pub)
    language = pub.config.language
    reports = [r for r in pub.reports if (r.language or pub.config.all_languages[0]) == language]
    if not reports:
        return
    plan: list[tuple[FormatInfo, str | None]] = []
    seconds: dict[str, float] = {}
    todo: list[_Export] = []
    for info in selected_formats(pub):
        skipped = skipped_format(info)
        plan.append((info, skipped))
        if skipped is not None:
            continue
        started = time.perf_counter()
        for n, report in enumerate(reports):
            entry = cache.entry(info.id, report.id, cache.key(info.id, report.id), language)
            cached = cache.files(entry)
            if cached is None:
                todo.append(_Export(info, n, entry))
                continue
            prefix = report_url(report.id)
            for path in cached:  # linked, not copied: the cache replaces an entry, never writes into it
                writer.link(prefix + path.relative_to(entry).as_posix(), path)
        if todo and todo[-1].format is info:
            info.exporter()  # its module imported once, here, not again in each worker
        seconds[info.id] = time.perf_counter() - started
    # the longest first: a worker left alone at the end has only short ones to finish
    order = sorted(range(len(todo)), key=lambda i: _slowness(todo[i].format))
    shared = _Exports(pub, writer, reports, language, os.getpid())
    done = run_parallel(_export_one, [todo[i] for i in order], shared, chunksize=1)
    outcomes: list[_Exported] = [None] * len(todo)  # type: ignore[list-item]
    for i, outcome in zip(order, done):
        outcomes[i] = outcome
    for outcome in outcomes:  # the formats' order, then the reports': the error one process meets first
        if outcome.error is not None:
            raise outcome.error
        if outcome.pid != os.getpid():  # a worker wrote these files: its writer was a copy
            for rel, size in outcome.files.items():
                writer.record(rel, size)
    fresh: dict[str, int] = {}
    for job, outcome in zip(todo, outcomes):
        started = time.perf_counter()
        prefix = report_url(reports[job.report].id)
        cache.store(job.entry, {rel[len(prefix):]: Path(writer.path_of(rel)) for rel in outcome.files})
        fresh[job.format.id] = fresh.get(job.format.id, 0) + 1
        result.exported.append((job.format.id, reports[job.report].id))
        seconds[job.format.id] += outcome.seconds + time.perf_counter() - started
    for info, skipped in plan:
        if skipped is not None:
            if skipped not in result.skipped:  # said once, not once per language
                result.warn(skipped, log)
            continue
        made = fresh.get(info.id, 0)
        result.timings.append((f"format {info.id}", seconds[info.id]))
        log(f"  {info.id}: {made} exported, {len(reports) - made} from cache ({seconds[info.id]:.2f} s)")


#: Formats whose exports take longest (audio reads every word aloud; the print formats lay
#: out pages): started first.
_SLOWEST = ("audio", "large-print", "pdf", "docx", "epub")


def _slowness(info: FormatInfo) -> int:
    """0 for the slowest format, then 1...; the rest after them, in build order."""
    return _SLOWEST.index(info.id) if info.id in _SLOWEST else len(_SLOWEST)


@dataclass(frozen=True)
class _Export:
    """One report to export in one format (sent to a worker: the report by its number)."""

    format: FormatInfo
    report: int
    """Its place in :attr:`_Exports.reports`."""
    entry: Path
    """Its cache entry."""


@dataclass
class _Exports:
    """What every export shares; a worker inherits it when forked (never pickled)."""

    pub: Publication
    writer: OutputWriter
    reports: list
    language: str
    pid: int
    """The build's process (an export run there needs no help to report an error)."""


@dataclass
class _Exported:
    """What one export wrote (path from the writer's root -> size) and how long it took, or
    the error it raised; ``pid`` says which process wrote the files."""

    pid: int
    files: dict[str, int]
    seconds: float
    error: BaseException | None = None


class _Recorder:
    """The writer as one export sees it: each file goes through the writer (its checks: no
    path twice, none outside the folder), and its path and size are kept."""

    def __init__(self, writer: OutputWriter):
        self.writer = writer
        self.files: dict[str, int] = {}

    def write(self, rel: str, data: bytes | str) -> None:
        self.writer.write(rel, data)
        self.files[rel] = self.writer.written[rel]

    @contextmanager
    def open(self, rel: str):
        with self.writer.open(rel) as fh:
            yield fh
        self.files[rel] = self.writer.written[rel]


def _export_one(shared: _Exports, job: _Export) -> _Exported:
    """Export one report in one format into the build's folder (in a worker, through the
    writer it inherited). An error comes back to be raised by the build, with the worker's
    traceback as a note."""
    started = time.perf_counter()
    report = shared.reports[job.report]
    files = _Recorder(shared.writer)
    try:
        with i18n.use(shared.language):  # a worker the pool starts afresh has the default
            job.format.exporter().export(shared.pub, report, Folder(files, report_url(report.id)))
    except Exception as err:
        return _Exported(os.getpid(), files.files, time.perf_counter() - started, _sendable(err, shared.pid))
    return _Exported(os.getpid(), files.files, time.perf_counter() - started)


def _sendable(err: Exception, build_pid: int) -> Exception:
    """``err`` as it can travel back from a worker (:func:`~scrutiny.parallel.sendable`); in
    the build's process, itself, raised again with its own traceback."""
    return err if os.getpid() == build_pid else sendable(err, "an export worker")


#: The tag of the files ``.cache/data/`` keeps for the open data: ``index.pickle`` (each
#: report's key and the digest of its records: :attr:`SiteData.index`) and
#: ``records.pickle`` (each report's digest and its share of the files, encoded:
#: :attr:`SiteData.by_report`).
RECORDS_FORMAT = "site-records-3"


def _kept(path: Path) -> dict:
    """What an earlier build kept in ``path``, or nothing (missing, damaged, another format: made again)."""
    try:
        tag, kept = pickle.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - any file that cannot be read is made again
        return {}
    return kept if tag == RECORDS_FORMAT and isinstance(kept, dict) else {}


def _keep(path: Path, kept: dict) -> None:
    try:
        atomic_write(path, pickle.dumps((RECORDS_FORMAT, kept), protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:  # a cache we cannot write: the next build makes the records again
        pass


def write_data(pub: Publication, writer: OutputWriter, result: BuildResult, log: Log) -> None:
    """The site-wide open data files (``data/``), linked from ``.cache/data/`` while what
    they hold is unchanged (writing 17,000 recommendations' JSON takes seconds). Each
    report's records are known by a digest kept under its
    :func:`~scrutiny.exporters.data.report_key` (``index.pickle``): only a changed report's
    records are made again, and the others' are read back (``records.pickle``, 22 MB at
    N=1,000) only when the files are made again."""
    folder = pub.root / ".cache" / "data"
    kept_index = _kept(folder / "index.pickle")
    data = SiteData.of(pub, kept_index, lambda: _kept(folder / "records.pickle"))
    if {rid: d for rid, (_, d) in data.index.items()} != {rid: d for rid, (_, d) in kept_index.items()}:
        _keep(folder / "records.pickle", data.by_report)  # a report's records changed: kept before the index
    if data.index != kept_index:
        _keep(folder / "index.pickle", data.index)
    key = f"{code_digest()}:{data.digest()}"
    store = PageStore(folder)  # its prune leaves the kept files alone (files, not folders)
    out = Folder(writer, "data")
    kept = 0
    for name, make in data.files().items():
        entry = store.get(key, out.rel(name))
        if entry is not None:
            try:
                writer.link(out.rel(name), entry)
            except FileNotFoundError:  # removed since it was looked up (another build pruned it)
                entry = None
        if entry is None:
            out.write(name, make())
            store.put(key, out.rel(name), writer.path_of(out.rel(name)))
        else:
            store.used.add(entry.name)
            kept += 1
    store.prune(set())
    if kept:
        log(f"  site data: {kept} files unchanged")


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

#: Stages that run in a process of their own (:func:`~scrutiny.parallel.in_background`)
#: beside the stages after them, which never read what they write: the open data, whose
#: encoding of every recommendation would otherwise leave its memory (tens of MB at
#: 1,000 reports) in the build's process, which every later worker is forked from. They
#: write no file in a folder of its own (:mod:`scrutiny.units`): a worker's links there
#: would be lost.
IN_BACKGROUND = frozenset({"data"})


#: The folders whose every sub-folder is a version of its own, shared between site
#: versions while its files are unchanged (:mod:`scrutiny.units`): each report's, and each
#: shard of the search index.
UNIT_TOPS = ("reports", BUNDLE)
#: The folders that are each a version of their own, whole: the update rounds' pages (4,457
#: folders at 1,000 reports) and the site tracker's views and groups (640), which change
#: only when a recommendation's standing or words do.
UNIT_WHOLES = (ROUNDS.rstrip("/"), TRACKER.rstrip("/"))


def site_units(config: SiteConfig) -> UnitOf:
    """The folder of its own a path of the site is in (:data:`UNIT_TOPS`, :data:`UNIT_WHOLES`)."""
    return unit_folders(config, UNIT_TOPS, UNIT_WHOLES)


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
    translation links to its formats in its own language's site). A stage of
    :data:`IN_BACKGROUND` runs beside the others; the build waits for it after the last."""
    several = len(pub.config.all_languages) > 1
    versions = list(pub.versions())
    behind: list[tuple[str, Background]] = []
    try:
        for name, stage in stages:
            for version in versions:
                language = version.config.language
                if name in MAIN_LANGUAGE_ONLY and language != pub.config.all_languages[0]:
                    continue
                out = Subsite(writer, pub.config.url_prefix(language))
                label = f"{name} ({language})" if several else name
                if name in IN_BACKGROUND:
                    behind.append((label, in_background(_stage_apart, _Apart(stage, version, out, os.getpid()))))
                    continue
                t = time.perf_counter()
                with i18n.use(language):  # every output in its language
                    stage(version, out, result, log)
                result.timings.append((label, time.perf_counter() - t))
                log(f"{label}: {time.perf_counter() - t:.2f} s")
        for label, job in behind:
            t = time.perf_counter()
            _take(job.result(), writer, result, log)
            result.timings.append((label, time.perf_counter() - t))  # what the build waited for it
            log(f"{label}: {time.perf_counter() - t:.2f} s")
    finally:
        for _, job in behind:
            job.stop()  # a stage after it failed: nothing more is written


@dataclass(frozen=True)
class _Apart:
    """A stage to run in the background, with what it writes to (inherited by the fork)."""

    stage: Callable[[Publication, Subsite, BuildResult, Log], None]
    pub: Publication
    out: Subsite
    pid: int
    """The build's process."""


@dataclass(frozen=True)
class _DoneApart:
    """What a background stage did: the files it wrote (path from the writer's root ->
    size), what it logged, warned and exported, its time, and in which process."""

    files: dict[str, int]
    lines: list[str]
    result: BuildResult
    seconds: float
    pid: int


def _stage_apart(job: _Apart) -> _DoneApart:
    started = time.perf_counter()
    before = set(job.out.writer.written)
    lines: list[str] = []
    part = BuildResult(files={})
    with i18n.use(job.pub.config.language):
        job.stage(job.pub, job.out, part, lines.append)
    files = {rel: size for rel, size in job.out.writer.written.items() if rel not in before}
    return _DoneApart(files, lines, part, time.perf_counter() - started, os.getpid())


def _take(done: _DoneApart, writer: OutputWriter, result: BuildResult, log: Log) -> None:
    """Note what a background stage wrote, as if the build's process had written it."""
    if done.pid != os.getpid():  # else written through this writer already
        for rel in done.files:
            if writer.units is not None and writer.units.split(rel) is not None:
                raise OutputError(f"{rel}: a background stage wrote into a folder of its own ({rel.split('/')[0]}/)")
        for rel, size in done.files.items():
            writer.record(rel, size)
    for line in done.lines:
        log(line)
    log(f"  made beside the other stages in {done.seconds:.2f} s")
    result.skipped.extend(m for m in done.result.skipped if m not in result.skipped)
    result.exported.extend(done.result.exported)
    result.timings.extend(done.result.timings)


def build(root: Path, out: Path, log: Log = lambda s: None, as_of: dt.date | None = None,
          strict: bool = False, remove_later: bool = False) -> BuildResult:
    """Check, then write everything into ``out``. ``strict``: any warning (a format, chart or
    the search index left out) raises :class:`StrictError` and nothing is published.
    ``remove_later``: the previous version is removed in the background after publishing
    (:class:`OutputWriter`)."""
    with heap_frozen():  # what was loaded is not walked by each collection (scrutiny.heap)
        return _build(root, out, log, as_of, strict, remove_later)


def _build(root: Path, out: Path, log: Log, as_of: dt.date | None, strict: bool, remove_later: bool) -> BuildResult:
    started = time.perf_counter()
    check_output(root, out)
    pub = with_record(gather(root, as_of), log)
    result = BuildResult(files={})
    result.timings.append(("load and check", time.perf_counter() - started))
    log(f"checked {len(pub.content.reports)} reports, "
        f"{sum(len(r.recommendations) for r in pub.content.reports)} recommendations")
    log(f"load and check: {result.timings[-1][1]:.2f} s")
    writer = OutputWriter(out, log, remove_later=remove_later, unit_of=site_units(pub.config))
    try:
        run_stages(pub, writer, result, log)
        if strict and result.skipped:
            raise StrictError(result.skipped)
        t = time.perf_counter()
        writer.commit()
        if writer.units is not None and writer.units.units:
            log(f"  folders of their own (reports, search shards, rounds, tracker): {writer.units.reused} unchanged, "
                f"{len(writer.units.units) - writer.units.reused} made")
        log(f"publish: {time.perf_counter() - t:.2f} s")
    except BaseException:
        writer.abort()
        raise
    result.files = dict(sorted(writer.written.items()))
    return result
