"""The site stage: theme assets, charts, every page, feeds, calendars and the sitemap, then
the search index.

``write_site`` is the build's stage. Every page that depends on one report (its page,
recommendations, tracker) or one update round carries a key (:mod:`.plan`) that changes
whenever its output could; a page whose key is unchanged is not rendered again but linked
from ``.cache/pages/`` (:class:`.pagestore.PageStore`), in a one-shot build as in ``serve``, and the
search index is reused while the pages it indexes are unchanged. Pages are rendered over
every core (:func:`scrutiny.parallel.run_parallel`: the workers return bytes, this
process writes them, the one writer).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import sys
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from jinja2 import Environment

from .. import i18n
from ..model import Report
from ..parallel import chunking, each_parallel
from ..publication import Publication
from ..render.chart import TABLE_CHART_NARROW, ChartStyle, chart_svg
from ..urls import report_url
from ..writer import OutputWriter
from .assets import theme_files, write_assets
from .charts import ChartStore, write_progress_charts
from .calendars import write_report_calendars, write_site_calendars
from .context import SiteView
from .facts import ReportFacts
from .feeds import write_feeds
from .manifest import Manifests, group_key, manifest_key
from .pages import jobs_of_report
from .pagestore import KeptCharts, PageStore
from .plan import Job, Page, Plan, Put, SourceKeys
from .rounds import ROOT as ROUNDS, round_jobs
from .render import chart_path, fresh_templates, make_env, render_page
from .indexing import SearchIndex, search_shards
from .search import SITE_SHARD, pagefind_binary
from .sitemap import write_sitemap
from .sitepages import site_jobs
from .trackerviews import ROOT as TRACKER, tracker_view_jobs

if TYPE_CHECKING:
    from ..build import BuildResult

Log = Callable[[str], None]

#: The site-wide page groups, in writing order; each report's pages follow them
#: (:func:`.pages.jobs_of_report`, or linked from the report's list: :mod:`.manifest`).
SITE_GROUPS: tuple[Callable[[Plan], Iterator[Job]], ...] = (site_jobs, tracker_view_jobs, round_jobs)
#: The site-wide groups whose pages show only what the site's lists show of every report,
#: by their folder: linked whole from their list while every report's shown key is
#: unchanged (:func:`.manifest.group_key`), without making their jobs.
LISTED_GROUPS: dict[Callable[[Plan], Iterator[Job]], str] = {tracker_view_jobs: TRACKER, round_jobs: ROUNDS}


@dataclass
class _Listed:
    """Pages to write: the jobs to make, every page in writing order (a job's index, or a
    page linked from a list), and the lists to keep (their owner, key and place in the order)."""

    jobs: list[Job] = field(default_factory=list)
    order: list["Page | int"] = field(default_factory=list)
    fresh: list[tuple["Report | str", str, int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class SiteOptions:
    live_reload: bool = False
    """Add the live-reload script (``serve`` only)."""
    search: bool = True
    """Build the Pagefind index."""
    incremental: bool = True
    """Reuse every page whose key is unchanged, and the search index while the pages it
    indexes are, from the project's ``.cache/pages/`` (kept between builds, one-shot and
    ``serve`` alike; see :class:`PageStore`). False: render and index everything, keep nothing."""


#: The file of the page store that keeps each report's share of the site-wide keys (:mod:`.facts`).
FACTS = "facts.pickle"

#: Pages (or feeds) sent to a worker process at a time; each is written as soon as it and
#: those before it are done (:func:`~scrutiny.parallel.each_parallel`), so few are held at once.
CHUNK = 20
#: Chunks a worker renders before a fresh one takes its place: a worker keeps what it
#: unpacked for its pages (each report's token streams), so a long-lived one would grow
#: to hold the whole site.
RENEW = 25


@dataclass
class SiteStats:
    pages: int = 0
    rendered: int = 0
    reused: int = 0
    search_files: int = 0
    search_reused: bool = False
    """Every shard of the search index was reused."""
    files_reused: int = 0
    """Feeds and calendars linked from an earlier build."""
    store_entries: int = 0
    """Entries of the page store this build used (linked or made): pages, feeds,
    calendars, chart drawings and their lists; the others were removed."""
    facts: tuple[int, int] = (0, 0)
    """Each report's share of the site-wide keys (:mod:`.facts`): how many were worked out
    in this build, of how many."""
    shards: int = 0
    """Search index shards (bundles) of the site."""
    indexed: int = 0
    """Of them, those indexed in this build (the others were unchanged)."""
    seconds: dict[str, float] = field(default_factory=dict)


@lru_cache(maxsize=1)
def code_key() -> str:
    """The code that renders pages: every file of the package (the site's modules and the
    interface words too), the Python version, and every installed distribution's version
    (Jinja, markdown-it, Pagefind, ...). The templates and theme are hashed per build."""
    package = Path(__file__).resolve().parents[1]
    h = hashlib.sha256(sys.version.encode("utf-8"))
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo"):
            h.update(b"\0" + path.relative_to(package).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    versions = sorted({(d.metadata["Name"] or "", d.version) for d in importlib.metadata.distributions()})
    h.update(repr(versions).encode("utf-8"))
    return h.hexdigest()


def _render(shared: tuple[Plan, list[Job]], index: int) -> bytes:
    """One page's bytes."""
    plan, jobs = shared
    job = jobs[index]
    body = plan.body(job.meta, job.report)
    return render_page(plan.env, job.template, job.meta, body, **job.values(plan, body))


def _render_or_none(shared: tuple[Plan, list[Job]], index: int) -> bytes | None:
    """One page's bytes, in a worker process (``shared`` is inherited, not pickled); None
    if it failed: the parent renders it again to raise the error with its own traceback
    (the template's file and line, which ``serve`` shows)."""
    try:
        return _render(shared, index)
    except Exception:
        return None


def _make_or_none(pending: list[tuple[str, str | None, Callable[[], bytes]]], index: int) -> bytes | None:
    """One pending file's bytes, in a worker process; None if making it failed (the parent
    makes it again to raise the error)."""
    try:
        return pending[index][2]()
    except Exception:
        return None


class SiteBuilder:
    def __init__(self, options: SiteOptions = SiteOptions()):
        self.options = options
        self.stats = SiteStats()
        self.env: Environment | None = None
        """Kept between builds: Jinja recompiles a template only when its file changed."""

    def __call__(self, pub: Publication, writer: OutputWriter, result: BuildResult, log: Log) -> None:
        self.write(pub, writer, result, log)

    def write(self, pub: Publication, writer: OutputWriter, result: BuildResult, log: Log) -> SiteStats:
        """Every page, feed and calendar, and the search index, in the site's language."""
        with i18n.use(pub.config.language):
            return self._write(pub, writer, result, log)

    def store(self, pub: Publication) -> PageStore | None:
        """Where this language's pages are kept between builds (``serve``'s pages, with the
        live-reload script, apart from a one-shot build's)."""
        if not self.options.incremental:
            return None
        name = pub.config.language + ("-live" if self.options.live_reload else "")
        return PageStore(pub.root / ".cache" / "pages" / name)

    def _write(self, pub: Publication, writer: OutputWriter, result: BuildResult, log: Log) -> SiteStats:
        stats = self.stats = SiteStats()
        started = time.perf_counter()
        assets = write_assets(writer, pub.config.brand, pub.content.root)
        site = SiteView.of(pub.config, assets, self.options.live_reload)
        global_key = self._global_key(pub, site)
        store = self.store(pub)
        sources = SourceKeys(pub)  # each report folder read once, for its charts and its pages
        table_key = lambda report_id: f"{global_key}:table-charts:{sources.of(report_id)}"  # noqa: E731
        charts = write_charts(pub, writer, result, log,
                              reuse=lambda report_id, file: self._reuse(writer, store, table_key(report_id), file),
                              keep=lambda report_id, file: store is not None and store.put(
                                  table_key(report_id), file, writer.path_of(file)))
        if self.env is None:
            self.env = make_env(pub.root / ".cache" / "jinja")
        else:
            fresh_templates(self.env)  # a template edited since the last build is read again
        self.env.globals["site"] = site
        # the files written so far are known to the pages once the progress charts are
        # drawn; the charts' keys need only what the plan knows of the reports
        facts = ReportFacts(store.folder / FACTS if store is not None else None)
        plan = Plan(pub, self.env, site, {}, charts, global_key, self.options.incremental, sources=sources,
                    facts=facts)
        t = time.perf_counter()
        drawn, linked = write_progress_charts(
            pub, writer.write, warn=lambda message: result.warn(message, log),
            key_of=plan.charts_key if store is not None
            else (lambda kind, scope, reports: None),
            kept=KeptCharts(writer, store) if store is not None else ChartStore())
        log(f"progress charts: {drawn} drawn, {linked} of them unchanged ({time.perf_counter() - t:.2f} s)")
        plan.written = dict(writer.written)
        manifests = Manifests(store, writer) if store is not None else None
        search = self._search(writer, result, log, store) if self.options.search else None
        digests: dict[str, str] = {}
        try:
            # each report's pages first: their shards of the search index hold nothing else,
            # so one to index (an edit's) is indexed, a Pagefind process of its own, while
            # this process makes the site-wide pages (their keys read every report) and the
            # feeds; more (a cold build) after the feeds, so that the memory of the feeds'
            # workers and of the Pagefind processes does not add up
            t = time.perf_counter()
            reports = self._report_jobs(plan, manifests)
            stats.seconds["keys"] = time.perf_counter() - t
            listed = self._write_pages(plan, writer, store, manifests, reports, digests)
            if search is not None:
                search.add(search_shards(pub, listed, digests, code_key(), only=lambda name: name != SITE_SHARD))
                if len(search.todo) == 1:
                    search.start()
            t = time.perf_counter()
            site_pages = self._site_jobs(plan, manifests)
            stats.seconds["keys"] += time.perf_counter() - t
            listed = self._write_pages(plan, writer, store, manifests, site_pages, digests) + listed
            stats.pages = len(listed)
            if search is not None:  # the site's own pages are in shard 00
                search.add(search_shards(pub, listed, digests, code_key(), only=lambda name: name == SITE_SHARD))
                if len(search.todo) <= 2:
                    search.start()
            self._feeds(plan, writer, store, [page.url for page in listed], log)
        except BaseException:
            if search is not None:  # its Pagefind processes end before the build's folder is removed
                search.abandon()
            raise
        stats.seconds["pages"] = time.perf_counter() - started
        if search is not None:
            search.start()
        kept = search.finish() if search is not None else set()
        if search is not None:
            stats.search_files, stats.seconds["search"] = search.files, search.seconds
            stats.shards, stats.indexed, stats.search_reused = len(search.shards), len(search.todo), not search.todo
        facts.save()
        stats.facts = (facts.made, len(facts.now))
        if store is not None:
            store.prune(kept)
            stats.store_entries = len(store.used)
        log(f"site: {stats.pages} pages ({stats.rendered} rendered, {stats.reused} unchanged), "
            f"{stats.search_files} search files{' (unchanged)' if stats.search_reused else ''}"
            f"{f' in {stats.shards} shards, {stats.indexed} indexed' if stats.shards else ''}; "
            f"keys {stats.seconds['keys']:.2f} s, render {stats.seconds['render']:.2f} s, "
            f"pages {stats.seconds['pages']:.2f} s, search {stats.seconds.get('search', 0):.2f} s; "
            f"facts {stats.facts[0]} of {stats.facts[1]} worked out")
        return stats

    def _feeds(self, plan: Plan, writer: OutputWriter, store: PageStore | None, pages: list[str], log: Log) -> None:
        """The feeds and calendars (each linked from the store while its key is unchanged,
        the others made over every core), and the sitemap of ``pages``."""
        t = time.perf_counter()
        pending: list[tuple[str, str | None, Callable[[], bytes]]] = []
        put = self._put(writer, store, pending)
        feeds, deadlines = write_feeds(plan, put), write_report_calendars(plan, put)
        self._make(writer, store, pending)
        pending = []  # the site's and committees' calendars are put together from the reports'
        calendars = write_site_calendars(plan, self._put(writer, store, pending), deadlines,
                                         lambda file: Path(writer.path_of(file)).read_bytes())
        self._make(writer, store, pending)
        write_sitemap(writer, plan.pub.config.base_url, pages)
        log(f"feeds and calendars: {feeds} Atom feeds, {calendars} iCalendar files ({self.stats.files_reused} "
            f"unchanged), sitemap.xml ({time.perf_counter() - t:.2f} s)")

    def _report_jobs(self, plan: Plan, manifests: Manifests | None) -> _Listed:
        """Every report's pages (:meth:`_listed`)."""
        listed = _Listed()
        for report in plan.pub.reports:
            key = manifest_key(plan, report) if manifests is not None else None
            self._listed(listed, manifests, report, key, lambda report=report: jobs_of_report(plan, report))
        return listed

    def _site_jobs(self, plan: Plan, manifests: Manifests | None) -> _Listed:
        """The site-wide pages, in writing order (:meth:`_listed`): the groups kept whole
        (:data:`LISTED_GROUPS`) linked from their lists while every report's shown key is
        unchanged."""
        listed = _Listed()
        for group in SITE_GROUPS:
            folder = LISTED_GROUPS.get(group)
            key = group_key(plan, folder) if manifests is not None and folder is not None else None
            self._listed(listed, manifests, folder, key, lambda group=group: group(plan))
        return listed

    def _listed(self, listed: _Listed, manifests: Manifests | None, owner: Report | str | None, key: str | None,
                make: Callable[[], Iterator[Job]]) -> None:
        """Add the pages of ``owner`` (a report, or a site-wide group's folder): linked whole
        from its list (:mod:`.manifest`) when the store holds one under ``key``, else from
        ``make()``'s jobs (the pages already linked from a list cut short kept as they are)."""
        linked, complete = manifests.link(key, owner) if manifests is not None and key is not None else ([], False)
        self.stats.reused += len(linked)
        if complete:
            listed.order += linked
            return
        done = {page.file: page for page in linked}  # an entry went missing part of the way
        start = len(listed.order)
        for job in make():
            if job.meta.file in done:
                listed.order.append(done[job.meta.file])
            else:
                listed.jobs.append(job)
                listed.order.append(len(listed.jobs) - 1)
        if key is not None:
            listed.fresh.append((owner, key, start, len(listed.order)))

    def _write_pages(self, plan: Plan, writer: OutputWriter, store: PageStore | None, manifests: Manifests | None,
                     listed: _Listed, digests: dict[str, str]) -> list[Page]:
        """Write the pages of ``listed`` (:meth:`_pages`) and keep the lists made afresh;
        every page, in writing order."""
        self._pages(plan, writer, store, listed.jobs, digests)
        pages = [Page.of(listed.jobs[item]) if isinstance(item, int) else item for item in listed.order]
        if manifests is not None:
            for owner, key, start, end in listed.fresh:
                manifests.keep(key, owner, pages[start:end])
        return pages

    def _pages(self, plan: Plan, writer: OutputWriter, store: PageStore | None, jobs: list[Job],
               digests: dict[str, str]) -> None:
        """Link each job's page whose key is unchanged from the store; render the others
        over every core (``digests``: the hash of each rendered page without a key that the
        search index reads, for its shard's digest)."""
        stats = self.stats
        t = time.perf_counter()
        todo: list[int] = []
        for index, job in enumerate(jobs):
            if self._reuse(writer, store, job.key, job.meta.file):
                stats.reused += 1
            else:
                todo.append(index)
        stats.seconds["keys"] += time.perf_counter() - t  # and the unchanged pages linked
        t = time.perf_counter()
        # the views are worked out once, before the workers fork: every report's when many
        # site-wide pages are to be made (a few, such as the help pages, need none)
        if sum(jobs[index].report is None for index in todo) > CHUNK:
            plan.all_views
        if len(todo) > CHUNK:  # what every worker reads, once here, not in each (renewed) worker
            plan.prepare()
        for index in todo:
            if jobs[index].report is not None:
                plan.views[jobs[index].report.id]
        # the workers' generator is held by the loop alone: a page that fails ends it at once
        # (its pool and its frozen heap), not when the failure's traceback is let go
        for index, data in zip(todo, each_parallel(_render_or_none, todo, (plan, jobs),
                                                   *chunking(len(todo), CHUNK, RENEW))):
            job = jobs[index]
            if data is None:
                data = _render((plan, jobs), index)
            writer.write(job.meta.file, data)
            stats.rendered += 1
            if job.key is None and job.meta.search_kind:
                digests[job.meta.file] = hashlib.sha256(data).hexdigest()
            if store is not None and job.key is not None:
                store.put(job.key, job.meta.file, writer.path_of(job.meta.file))
        stats.seconds["render"] = stats.seconds.get("render", 0.0) + time.perf_counter() - t

    def _put(self, writer: OutputWriter, store: PageStore | None,
             pending: list[tuple[str, str | None, Callable[[], bytes]]]) -> Put:
        """Write a keyed file (a feed, a calendar) like a keyed page: linked from the store
        while its key is unchanged, else added to ``pending``, for :meth:`_make`."""
        def put(file: str, key: str | None, make: Callable[[], bytes]) -> None:
            if self._reuse(writer, store, key, file):
                self.stats.files_reused += 1
            else:
                pending.append((file, key, make))
        return put

    @staticmethod
    def _make(writer: OutputWriter, store: PageStore | None,
              pending: list[tuple[str, str | None, Callable[[], bytes]]]) -> None:
        """Make the files ``pending`` lists over every core (like pages: the workers
        return bytes, this process writes them and keeps them in the store)."""
        todo = range(len(pending))
        for index, data in zip(todo, each_parallel(_make_or_none, todo, pending, *chunking(len(todo), CHUNK, RENEW))):
            file, key, make = pending[index]
            writer.write(file, make() if data is None else data)
            if store is not None and key is not None:
                store.put(key, file, writer.path_of(file))

    def _reuse(self, writer: OutputWriter, store: PageStore | None, key: str | None, file: str) -> bool:
        """Link ``file`` from the store if an earlier build kept it under ``key``."""
        found = store.find(key, file) if store is not None and key is not None else None
        if found is None or not self._link(writer, file, *found):
            return False
        store.used.add(os.path.basename(found[0]))
        return True

    @staticmethod
    def _link(writer: OutputWriter, file: str, entry: str, size: int, inode: int) -> bool:
        try:
            writer.link(file, entry, size, inode)
        except FileNotFoundError:  # removed since it was looked up (another build pruned it)
            return False
        return True

    def _search(self, writer: OutputWriter, result: BuildResult, log: Log, store: PageStore | None) -> SearchIndex | None:
        """The search index to make (its shards added as their pages are known); None
        (said) when Pagefind is not installed."""
        binary = pagefind_binary()
        if binary is None:
            from ..build import SEARCH_SKIPPED  # the build's own words (a lazy import: build imports this)

            result.warn(SEARCH_SKIPPED, log)
            return None
        return SearchIndex(binary, writer, store)

    def _global_key(self, pub: Publication, site: SiteView) -> str:
        """What every page may show: the site's configuration and assets, the options, the
        code and libraries (:func:`code_key`), the templates and theme."""
        h = hashlib.sha256(repr((pub.config, site, self.options, code_key())).encode("utf-8"))
        for path in theme_files():
            h.update(path.as_posix().encode("utf-8"))
            h.update(path.read_bytes())
        return h.hexdigest()


def write_charts(pub: Publication, writer: OutputWriter, result: BuildResult, log: Log,
                 reuse: Callable[[str, str], bool] = lambda report_id, file: False,
                 keep: Callable[[str, str], None] = lambda report_id, file: None) -> frozenset[str]:
    """Draw every table's chart to SVG beside the report (wide, and narrow for phones); a
    spec Vega-Lite cannot draw is reported and left out (its table is still shown).
    ``reuse(report id, file)`` links a drawing an earlier build kept for the report as it
    is (True), ``keep(report id, file)`` keeps one just drawn."""
    written = set()
    style = ChartStyle.of(pub.config.brand)
    for report in pub.reports:
        for table in report.tables:
            if not table.chart:
                continue
            drawings = ((chart_path(report_url(report.id), table), None),
                        (chart_path(report_url(report.id), table, narrow=True), TABLE_CHART_NARROW))
            kept = {path for path, _ in drawings if reuse(report.id, path)}
            try:  # both drawn before either is written: a chart is published whole or not at all
                drawn = [(path, chart_svg(table, style, width)) for path, width in drawings if path not in kept]
            except ValueError as err:
                result.warn(f"skipped chart of table {table.id} ({table.source}): {str(err).splitlines()[0]}", log)
                continue
            if any(svg is None for _, svg in drawn):  # no chart to draw
                continue
            for path, svg in drawn:
                writer.write(path, svg)
                keep(report.id, path)
            written.update(path for path, _ in drawings)
    return frozenset(written)


class SiteBuilders:
    """One :class:`SiteBuilder` per language of the site, kept between builds (``serve``):
    each language's pages are reused from its own previous build."""

    def __init__(self, options: SiteOptions = SiteOptions()):
        self.options = options
        self.builders: dict[str, SiteBuilder] = {}
        self.env: Environment | None = None
        """One Jinja environment for every language (its words are looked up at render time)."""

    def __call__(self, pub: Publication, writer: OutputWriter, result: BuildResult, log: Log) -> None:
        builder = self.builders.setdefault(pub.config.language, SiteBuilder(self.options))
        builder.env = builder.env or self.env
        builder.write(pub, writer, result, log)
        self.env = builder.env

    @property
    def stats(self) -> SiteStats:
        """The last build's figures, every language together."""
        total = SiteStats()
        for builder in self.builders.values():
            total.pages += builder.stats.pages
            total.rendered += builder.stats.rendered
            total.reused += builder.stats.reused
            total.search_files += builder.stats.search_files
        return total


def write_site(pub: Publication, writer: OutputWriter, result: BuildResult, log: Log) -> None:
    """The build's ``site`` stage (after ``formats``, whose files the report pages list),
    in the site's language."""
    SiteBuilder().write(pub, writer, result, log)
