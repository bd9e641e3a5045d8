"""The site stage: theme assets, charts, every page, feeds, calendars and the sitemap, then
the search index.

``write_site`` is the build's stage. ``serve`` keeps one :class:`SiteBuilder` alive
between rebuilds so that pages of reports an edit did not touch are not rendered again.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterator

from jinja2 import Environment

from .. import i18n
from ..publication import Publication
from ..render.chart import TABLE_CHART_NARROW, ChartStyle, chart_svg
from ..urls import report_url
from ..writer import OutputWriter
from .assets import theme_files, write_assets
from .charts import write_progress_charts
from .calendars import write_calendars
from .context import SiteView
from .feeds import write_feeds
from .pages import report_jobs
from .plan import Job, Plan
from .rounds import round_jobs
from .render import chart_path, make_env, render_page
from .search import BUNDLE, index_site, pagefind_binary
from .sitemap import write_sitemap
from .sitepages import site_jobs
from .trackerviews import tracker_view_jobs

if TYPE_CHECKING:
    from ..build import BuildResult

Log = Callable[[str], None]

#: Page groups, in writing order.
JOB_GROUPS: tuple[Callable[[Plan], Iterator[Job]], ...] = (site_jobs, tracker_view_jobs, round_jobs, report_jobs)


@dataclass(frozen=True)
class SiteOptions:
    live_reload: bool = False
    """Add the live-reload script (``serve`` only)."""
    search: bool = True
    """Build the Pagefind index."""
    incremental: bool = False
    """Keep pages and the search bundle in memory to reuse them in the next build
    (``serve``); a one-shot build keeps nothing."""


@dataclass
class SiteStats:
    pages: int = 0
    rendered: int = 0
    reused: int = 0
    search_files: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


class SiteBuilder:
    def __init__(self, options: SiteOptions = SiteOptions()):
        self.options = options
        self.cache: dict[str, tuple[str, bytes]] = {}
        """Page file -> (key, bytes) of the previous build, for pages with a key."""
        self.stats = SiteStats()
        self._bundle: tuple[str, dict[str, bytes]] | None = None
        """(digest of the indexed pages, search bundle files) of the previous build."""
        self.env: Environment | None = None
        """Kept between builds: Jinja recompiles a template only when its file changed."""

    def __call__(self, pub: Publication, writer: OutputWriter, result: BuildResult, log: Log) -> None:
        self.write(pub, writer, result, log)

    def write(self, pub: Publication, writer: OutputWriter, result: BuildResult, log: Log) -> SiteStats:
        """Every page, feed and calendar, and the search index, in the site's language."""
        with i18n.use(pub.config.language):
            return self._write(pub, writer, result, log)

    def _write(self, pub: Publication, writer: OutputWriter, result: BuildResult, log: Log) -> SiteStats:
        stats = self.stats = SiteStats()
        started = time.perf_counter()
        assets = write_assets(writer, pub.config.brand, pub.content.root)
        charts = write_charts(pub, writer, result, log)
        t = time.perf_counter()
        fresh = write_progress_charts(pub, writer.write, warn=lambda message: result.warn(message, log))
        log(f"progress charts: {fresh} drawn afresh, the others from .cache/charts ({time.perf_counter() - t:.2f} s)")
        site = SiteView.of(pub.config, assets, self.options.live_reload)
        if self.env is None:
            self.env = make_env(pub.root / ".cache" / "jinja")
        self.env.globals["site"] = site
        plan = Plan(pub, self.env, site, dict(writer.written), charts, self._global_key(pub), self.options.incremental)
        cache: dict[str, tuple[str, bytes]] = {}
        indexed = hashlib.sha256()
        pages: list[str] = []
        for group in JOB_GROUPS:
            for job in group(plan):
                data = self._page(plan, job)
                writer.write(job.meta.file, data)
                if job.key is not None and self.options.incremental:
                    cache[job.meta.file] = (job.key, data)
                if job.meta.search_kind:
                    indexed.update(job.meta.file.encode() + b"\0" + data)
                stats.pages += 1
                pages.append(job.meta.url)
        self.cache = cache
        feeds, calendars = write_feeds(plan, writer), write_calendars(plan, writer)
        write_sitemap(writer, pub.config.base_url, pages)
        log(f"feeds and calendars: {feeds} Atom feeds, {calendars} iCalendar files, sitemap.xml")
        stats.seconds["pages"] = time.perf_counter() - started
        if self.options.search:
            own = None  # a bilingual site's main language: its own pages, not the other languages' folders
            if len(pub.config.all_languages) > 1 and not pub.config.url_prefix(pub.config.language):
                own = {url.split("/", 1)[0] for url in pages if "/" in url}
            self._search(writer, result, log, indexed.hexdigest(), own)
        log(f"site: {stats.pages} pages ({stats.rendered} rendered, {stats.reused} unchanged), "
            f"{stats.search_files} search files; pages {stats.seconds['pages']:.2f} s, "
            f"search {stats.seconds.get('search', 0):.2f} s")
        return stats

    def _page(self, plan: Plan, job: Job) -> bytes:
        cached = self.cache.get(job.meta.file)
        if job.key is not None and cached is not None and cached[0] == job.key:
            self.stats.reused += 1
            return cached[1]
        body = plan.body(job.meta, job.report)
        html = render_page(plan.env, job.template, job.meta, body, **job.values(plan, body))
        self.stats.rendered += 1
        return html.encode("utf-8")

    def _search(self, writer: OutputWriter, result: BuildResult, log: Log, digest: str,
                folders: set[str] | None = None) -> None:
        t = time.perf_counter()
        if self._bundle is not None and self._bundle[0] == digest:
            for rel, data in self._bundle[1].items():
                writer.write(rel, data)
            self.stats.search_files = len(self._bundle[1])
            self.stats.seconds["search"] = time.perf_counter() - t
            return
        binary = pagefind_binary()
        if binary is None:
            from ..build import SEARCH_SKIPPED  # the build's own words (a lazy import: build imports this)

            result.warn(SEARCH_SKIPPED, log)
            return
        self.stats.search_files = index_site(writer, binary, folders)
        if self.options.incremental:
            files = {rel: (writer.tmp / rel).read_bytes() for rel in writer.written if rel.startswith(f"{BUNDLE}/")}
            self._bundle = (digest, files)
        self.stats.seconds["search"] = time.perf_counter() - t

    def _global_key(self, pub: Publication) -> str:
        h = hashlib.sha256(repr((pub.config, self.options)).encode("utf-8"))
        for path in theme_files():
            h.update(path.as_posix().encode("utf-8"))
            h.update(path.read_bytes())
        return h.hexdigest()


def write_charts(pub: Publication, writer: OutputWriter, result: BuildResult, log: Log) -> frozenset[str]:
    """Draw every table's chart to SVG beside the report; a spec Vega-Lite cannot draw is
    reported and left out (its table is still shown)."""
    written = set()
    for report in pub.reports:
        for table in report.tables:
            if not table.chart:
                continue
            path = chart_path(report_url(report.id), table)
            narrow = chart_path(report_url(report.id), table, narrow=True)
            try:
                style = ChartStyle.of(pub.config.brand)
                svg = chart_svg(table, style)
                if svg is None:
                    continue
                small = chart_svg(table, style, TABLE_CHART_NARROW)
                writer.write(path, svg)
                writer.write(narrow, small)
                written.add(narrow)
            except ValueError as err:
                result.warn(f"skipped chart of table {table.id} ({table.source}): {str(err).splitlines()[0]}", log)
                continue
            written.add(path)
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
