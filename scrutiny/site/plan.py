"""What one build of the site knows before it renders pages: views, formats, charts, keys."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Callable, Mapping

from jinja2 import Environment

from ..i18n import _
from ..model import Report
from ..publication import Publication
from .context import Crumb, PageMeta, SiteView
from .facts import ReportFacts
from .formats import FormatFile, report_formats
from .render import Body
from .views import RecView, rec_views

Put = Callable[[str, "str | None", Callable[[], bytes]], None]
"""How a feed or calendar is written: ``put(file, key, make)`` writes ``make()``, or, when
a file of the same key was made by an earlier build, that file (``key`` None: always made).
``make`` may be called later, in a worker process: it must not read a loop's variable
(bind it as a default argument)."""


class SourceKeys:
    """The digest of each report's own content, worked out once per build: the key loading
    gave it (:attr:`~scrutiny.publication.Publication.source_keys`), else every file of its
    folder (or, a report with no folder, its loaded content)."""

    def __init__(self, pub: Publication):
        self.pub = pub
        self._keys: dict[str, str] = {}

    def of(self, report_id: str) -> str:
        if report_id not in self._keys:
            # the report cache's key reads the same files (and the site's configuration,
            # the as-of day and the code besides, which every page key holds anyway)
            self._keys[report_id] = self.pub.source_keys.get(report_id) or self._digest(report_id)
        return self._keys[report_id]

    def _digest(self, report_id: str) -> str:
        """Every file of the report's folder (or, a report with no folder, its loaded content)."""
        h = hashlib.sha256()
        folder = self.pub.root / "content" / "reports" / report_id
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    h.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
        else:
            h.update(repr(self.pub.report(report_id)).encode("utf-8"))
        return h.hexdigest()


@dataclass(frozen=True)
class Job:
    """One page to write: its place, its template, how to get its values, and (for pages
    that depend on one report only) a key that changes whenever its output could."""

    meta: PageMeta
    template: str
    values: Callable[["Plan", Body | None], dict]
    report: Report | None = None
    key: str | None = None
    search_key: str | None = None
    """The key of what the search index reads of the page, where that is less than the
    page shows (a committee page's counts, charts and open recommendations are not
    indexed): its search shard is indexed again only when this changes. None: ``key``."""


@dataclass(frozen=True)
class Page:
    """What a build needs of each page besides rendering it (the sitemap, the search
    index's shards, the report's list of pages): made from a job, or read from a list."""

    file: str
    url: str
    key: str | None
    search_kind: str
    report_id: str | None
    search_key: str | None = None
    """:attr:`Job.search_key` (pages read from a list have none: their key serves)."""

    @classmethod
    def of(cls, job: Job) -> "Page":
        return cls(job.meta.file, job.meta.url, job.key, job.meta.search_kind,
                   job.report.id if job.report is not None else None, job.search_key)


@dataclass
class Plan:
    pub: Publication
    env: Environment
    site: SiteView
    written: Mapping[str, int]
    charts: frozenset[str]
    global_key: str
    incremental: bool = False
    """Compute page keys (only a builder that reuses pages needs them)."""
    sources: SourceKeys | None = None
    """The reports' content digests (made from ``pub`` when not given)."""
    facts: ReportFacts = field(default_factory=ReportFacts)
    """What the site-wide pages' keys read of each report (:meth:`fact`), and what an
    earlier build kept of it."""
    _keys: dict[str, str] = field(default_factory=dict)
    _shown: dict[str, str] = field(default_factory=dict)
    _once: dict[str, object] = field(default_factory=dict)

    def once(self, name: str, compute: Callable[["Plan"], object]):
        """``compute(self)``, worked out on the first call only: for what many pages of one
        build show alike (the ready-made views' counts on every tracker page)."""
        if name not in self._once:
            self._once[name] = compute(self)
        return self._once[name]

    @cached_property
    def views(self) -> Mapping[str, tuple[RecView, ...]]:
        """Each report's recommendations' views, by report id, each worked out when first
        asked for (:attr:`all_views`: every report's)."""
        return ByReport(self.pub, lambda report: rec_views(self.pub, report))

    @cached_property
    def all_views(self) -> list[RecView]:
        return [v for r in self.pub.reports for v in self.views[r.id]]

    def fact(self, name: str, report: Report, compute: Callable[[Report], object]):
        """``compute(report)``, a function of what the site's pages show of the report (its
        content and standings, not its files or history): kept between builds under the
        report's content key (:mod:`.facts`), worked out only for a report that changed."""
        content = self.pub.content_key(report.id) if self.incremental else None
        key = None if content is None else f"{self.global_key}:{content}"
        return self.facts.get(name, report.id, key, lambda: compute(report))

    def prepare(self) -> None:
        """Work out what every page of many reads alike (each report's files, each Markdown
        field's language), before the workers that render them fork: else each worker, and
        each one renewed after its share, works it out again."""
        self._files
        self.pub.field_languages

    def formats(self, report: Report) -> tuple[FormatFile, ...]:
        return report_formats(report.id, self.pub.config.formats, self.written, self.root_of(report))

    def root_of(self, report: Report) -> str:
        """Where the report's formats are: this site, or (a report with no translation into
        its language) the site of the report's own language."""
        return self.pub.config.root_of(report.language) if report.language else ""

    def committee_name(self, committee_id: str) -> str:
        return self.pub.config.committee(committee_id).name

    def body(self, page: PageMeta, report: Report | None) -> Body:
        views = {v.rec.number: v for v in self.views[report.id]} if report else {}
        return Body(self.env, self.pub, page, report, views, self.charts)

    def crumbs(self, *pairs: tuple[str, str]) -> tuple[Crumb, ...]:
        return (Crumb(_("Home"), ""),) + tuple(Crumb(label, url) for label, url in pairs)

    def title(self, *parts: str) -> str:
        return " – ".join((*parts, self.site.title))

    def report_key(self, report: Report) -> str | None:
        if not self.incremental:
            return None
        if report.id not in self._keys:
            self._keys[report.id] = self._report_key(report)
        return self._keys[report.id]

    def page_key(self, report: Report, page: str) -> str | None:
        key = self.report_key(report)
        return None if key is None else f"{key}:{page}"

    def views_key(self, page: str, views, *extra: object) -> str | None:
        """The key of a page that shows these recommendations, of any reports, as tracker
        rows, and ``extra`` (what else it shows of the site: the ready-made views' counts):
        it holds the :meth:`shown_key` of each of their reports, so an edit to a report's
        sections leaves it unchanged."""
        if not self.incremental:
            return None
        reports = {v.report.id: v.report for v in views}
        shown = [(v.report.id, str(v.rec.number)) for v in views]
        keys = [(report_id, self.shown_key(report)) for report_id, report in reports.items()]
        return hashlib.sha256(repr((self.global_key, page, shown, keys, extra)).encode("utf-8")).hexdigest()

    def reports_key(self, page: str, reports, *extra: object) -> str | None:
        """The key of a page that shows these reports as lists, counts and charts do (what
        :meth:`shown_key` covers: not their sections), and ``extra``."""
        if not self.incremental:
            return None
        keys = [(r.id, self.shown_key(r)) for r in reports]
        return hashlib.sha256(repr((self.global_key, page, keys, extra)).encode("utf-8")).hexdigest()

    def listed_key(self, page: str, reports, *extra: object) -> str | None:
        """The key of what a list of these reports says of each without its counts (its
        title, summary, kind, committee and date: :meth:`head_key`), and ``extra``."""
        if not self.incremental:
            return None
        keys = [(r.id, self.fact("head", r, self._head_key)) for r in reports]
        return hashlib.sha256(repr((self.global_key, page, keys, extra)).encode("utf-8")).hexdigest()

    @staticmethod
    def _head(report: Report) -> Report:
        """The report without its sections, tables and recommendations: what lists of
        reports read of it."""
        return replace(report, sections=(), tables=(), activity=(), glossary=(), terms_of_reference=None,
                       methodology=None, recommendations=())

    def _head_key(self, report: Report) -> str:
        return hashlib.sha256(repr(self._head(report)).encode("utf-8")).hexdigest()

    def charts_key(self, kind: str, scope: str, reports: list[Report]) -> str | None:
        """The key of a page's progress charts: a report's own content for a report's (its
        drawings show it alone); what the site's and a committee's show of their reports
        (:meth:`reports_key`: not their sections) for theirs."""
        if kind == "report":
            return f"{self.global_key}:charts:{self.sources.of(scope)}"
        return self.reports_key(f"progress-charts:{kind}:{scope}", reports)

    def shown_key(self, report: Report) -> str:
        """A digest of everything a page that lists this report's recommendations (a
        tracker, a ready-made view, an update round) can show of it: the report without its
        sections, tables, activity, glossary, terms of reference and method, and each
        recommendation's view (the recommendation, its standing, its words as text)."""
        if report.id not in self._shown:
            self._shown[report.id] = self.fact("shown", report, self._shown_key)
        return self._shown[report.id]

    def _shown_key(self, report: Report) -> str:
        head = self._head(report)
        rows = [(v.rec, v.standing, v.text, v.stem, v.notes) for v in self.views[report.id]]
        return hashlib.sha256(repr((head, rows)).encode("utf-8")).hexdigest()

    def files_of(self, report: Report) -> dict[str, int]:
        """The files written so far in the report's folders (this language's and the
        others'), path to size: what its pages list of them, without a walk over every
        file of the site for each report."""
        return dict(self._files.get(report.id, ()))

    @cached_property
    def _files(self) -> dict[str, list[tuple[str, int]]]:
        """(path, size) of the files written so far in each report's folder, this language's
        and the other languages' (``../reports/<id>/``, ``cy/reports/<id>/``: where a report
        not translated into this one keeps its formats)."""
        out: dict[str, list[tuple[str, int]]] = {}
        for path, size in self.written.items():
            parts = path.split("/")
            while parts and parts[0] == "..":
                parts = parts[1:]
            if len(parts) > 3 and parts[1] == "reports":  # another language's folder: cy/reports/<id>/
                parts = parts[1:]
            if len(parts) > 2 and parts[0] == "reports":
                out.setdefault(parts[1], []).append((path, size))
        return {report_id: sorted(files) for report_id, files in out.items()}

    def _citing(self, report_id: str, section: str) -> tuple[str, str]:
        """Title of a citing report and of the citing section (shown on the cited page)."""
        citing = self.pub.report(report_id)
        return citing.title, next((s.title for s in citing.sections if s.slug == section), "")

    def _report_key(self, report: Report) -> str:
        """Changes whenever a page of this report could change: its files (or, without
        them, its loaded content), what cites it from elsewhere, its downloadable files,
        its change history, the site's configuration, templates and theme."""
        cited_by = [(c, self._citing(c.report_id, c.section))
                    for rec in report.recommendations for c in self.pub.backlinks(report, rec)]
        files = self._files.get(report.id, [])
        record = self.pub.record
        history = (record.known, record.starts, record.partial, record.for_report(report.id)) if record else None
        h = hashlib.sha256(repr((self.global_key, cited_by, files, history)).encode("utf-8"))
        if self.sources is None:
            self.sources = SourceKeys(self.pub)
        h.update(self.sources.of(report.id).encode("utf-8"))
        return h.hexdigest()


class ByReport(dict):
    """Report id -> ``make(report)``, each made when first read (a build after one edit
    reads few reports' views, feed entries or deadlines)."""

    def __init__(self, pub: Publication, make: Callable[[Report], object]):
        super().__init__()
        self.pub, self.make = pub, make

    def __missing__(self, report_id: str):
        value = self[report_id] = self.make(self.pub.report(report_id))
        return value
