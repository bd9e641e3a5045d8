"""The progress charts of the home, committee and report pages: what each counts (from
:mod:`scrutiny.stats`), the SVG files drawn for it, and the words and table beside it.

Each chart is drawn twice, at :data:`WIDE` and at :data:`NARROW` pixels, so that its
labels stay 14 px on a phone (320 px) as on a desktop; the page shows the one that fits.
"""

from __future__ import annotations

from html import escape
from dataclasses import dataclass
from typing import Callable, Iterable

from ..dates import long_date
from ..i18n import _, ngettext
from ..model import Report
from ..parallel import each_parallel
from ..publication import Publication
from ..render.chart import (ChartStyle, rate_notes, rate_spec, spec_svg, status_notes, status_spec,
                            timeliness_notes, timeliness_spec)
from ..render.chartsafety import ChartError
from ..stats import (TIMELINESS_MEANING, TIMELINESS_PHRASE, Item, implementation_rates, response_timeliness,
                     status_history)
from ..urls import committee_url, report_url

MAX_ROUNDS = 12
"""The status chart and its table show at most the latest twelve update rounds (and say so)."""
WIDE = 640
NARROW = 288
"""The width of a 320 px screen less the page's margins."""
WIDE_FROM = "(min-width: 45em)"
"""Media query from which the wide drawing is shown."""


@dataclass(frozen=True)
class ChartTable:
    """The figures of a chart as a table: the first cell of each row heads it."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str | int, ...], ...]

    @property
    def numeric(self) -> tuple[bool, ...]:
        """Whether each column holds figures (counts, shares), aligned right."""
        def figure(cell) -> bool:
            return isinstance(cell, int) or (isinstance(cell, str) and (cell.endswith("%") or cell == "–"))
        return tuple(i > 0 and all(figure(row[i]) for row in self.rows) for i in range(len(self.columns)))


@dataclass(frozen=True)
class Drawing:
    path: str
    """Site path of the SVG file."""
    width: int
    height: int


@dataclass(frozen=True)
class ProgressChart:
    id: str
    """``status``, ``implementation`` or ``timeliness`` (its file names and anchor)."""
    title: str
    summary: str
    """The main figures in one or two sentences (also the start of the alt text)."""
    table: ChartTable | None
    notes: tuple[str, ...] = ()
    """What the chart leaves out, in words; drawn on the chart too."""
    wide: Drawing | None = None
    narrow: Drawing | None = None
    """None when there is nothing to draw (the summary says why)."""

    @property
    def alt(self) -> str:
        return _("Chart: %(title)s. %(summary)s The figures are in the table beside it.", title=self.title,
                 summary=self.summary)


@dataclass(frozen=True)
class Charts:
    """The charts of one page."""

    heading: str
    intro: str
    items: tuple[ProgressChart, ...]
    id: str = "progress-charts"
    """Anchor of the heading; each chart's is ``<id>-<chart id>``."""
    level: int = 2
    """Heading level of the section (its charts' headings are one below)."""

    def __bool__(self) -> bool:
        """Whether any chart has something to draw (else the page leaves the section out)."""
        return any(c.wide for c in self.items)


# --- one scope: its specs and what the page shows ----------------------------------------------


def _status(items: list[Item], pub: Publication):
    history = status_history(items, pub.config, latest=MAX_ROUNDS)
    title = _("Status after each update round")
    if not history.rounds:
        return history, ProgressChart("status", title, _("No progress update has been recorded yet."), None)
    last = history.rounds[-1]
    parts = [f"{c.label}: {n}" for c, n in zip(history.categories, last.counts) if n]
    summary = ngettext("%(num)s update round. After the latest, %(day)s: %(parts)s.",
                       "%(num)s update rounds. After the latest, %(day)s: %(parts)s.", history.all_rounds,
                       day=last.date.display, parts="; ".join(parts))
    table = ChartTable(_("%(title)s: recommendations under each status", title=title),
                       (_("Update round"), *(c.label for c in history.categories), _("Total")),
                       tuple((r.date.display, *r.counts, r.total) for r in history.rounds))
    return history, ProgressChart("status", title, summary, table, tuple(status_notes(history)))


def _implementation(items: list[Item], pub: Publication):
    rates = implementation_rates(items, pub.config.as_of)
    title = _("Implemented within 6, 12 and 24 months of the response")
    notes = tuple(rate_notes(rates))
    if not rates.dated:
        why = (_("No recommendation has a recorded response.") if not rates.undated
               else _("No recorded response states its date, so nothing can be counted from it."))
        return rates, ProgressChart("implementation", title, why, None, notes)
    said = []
    for w in rates.windows:
        if w.counted:
            said.append(_("within %(months)s months, %(implemented)s of %(counted)s (%(percent)s%%)", months=w.months,
                          implemented=w.implemented, counted=w.counted, percent=w.percent))
        else:
            said.append(_("within %(months)s months, none can be counted yet", months=w.months))
    summary = _("Implemented %(windows)s.", windows="; ".join(said))
    table = ChartTable(_("%(title)s: recommendations implemented of those counted", title=title),
                       (_("Within"), _("Implemented"), _("Counted"), _("Share")),
                       tuple((_("%(months)s months", months=w.months), w.implemented, w.counted,
                              f"{w.percent}%" if w.counted else "–")
                             for w in rates.windows))
    return rates, ProgressChart("implementation", title, summary, table, notes)


def _timeliness(items: list[Item], pub: Publication):
    t = response_timeliness(items, pub.config)
    title = _("Responses and their deadline")
    notes = tuple(timeliness_notes(t))
    if not t.expected:
        return t, ProgressChart("timeliness", title, _("No executive response is due for any recommendation here."),
                                None, notes)
    parts = [_(TIMELINESS_PHRASE[key], num=n) for key, _words, n in t.counts if n]
    summary = ngettext("Of the %(num)s recommendation needing an executive response: %(parts)s.",
                       "Of the %(num)s recommendations needing an executive response: %(parts)s.", t.expected,
                       parts="; ".join(parts))
    table = ChartTable(_("%(title)s: recommendations by when their response came", title=title),
                       (_("Response"), _("Recommendations"), _("Share"), _("What it means")),
                       tuple((_(words), n, f"{(200 * n + t.expected) // (2 * t.expected)}%", _(TIMELINESS_MEANING[key]))
                             for key, words, n in t.counts if n))
    return t, ProgressChart("timeliness", title, summary, table, notes)


_SPECS: tuple[tuple[Callable, Callable], ...] = (
    (_status, status_spec),
    (_implementation, rate_spec),
    (_timeliness, timeliness_spec),
)


def scope_charts(pub: Publication, items: Iterable[Item], folder: str, style: ChartStyle | None = None,
                 ) -> tuple[tuple[ProgressChart, ...], dict[str, tuple[dict, str]]]:
    """The charts of a set of recommendations, with the Vega-Lite spec and alt text of every
    drawing by its site path (under ``folder``, which ends in ``/``)."""
    items = list(items)
    style = style or ChartStyle.of(pub.config.brand)
    charts, files = [], {}
    for figures, draw in _SPECS:
        stats, chart = figures(items, pub)
        drawings = {}
        for name, width in (("wide", WIDE), ("narrow", NARROW)):
            spec = draw(stats, style, width)
            if spec is None:
                break
            path = f"{folder}{chart.id}{'' if name == 'wide' else '-narrow'}.svg"
            files[path] = (spec, chart.alt)
            drawings[name] = Drawing(path, spec["width"] + 2 * spec["padding"], spec["height"] + 2 * spec["padding"])
        if drawings:
            chart = ProgressChart(chart.id, chart.title, chart.summary, chart.table, chart.notes,
                                  drawings["wide"], drawings["narrow"])
        charts.append(chart)
    return tuple(charts), files


# --- the three kinds of page --------------------------------------------------------------------

HOME_FOLDER = "charts/progress/"


def _items(pub: Publication, reports) -> list[Item]:
    return [(report, rec) for report in reports for rec in report.recommendations]


def _scopes(pub: Publication) -> Iterable[tuple[str, list, str, str]]:
    """(kind, reports, folder, id) of every page with charts."""
    yield "home", list(pub.reports), HOME_FOLDER, ""
    for committee in pub.config.committees:
        reports = [r for r in pub.reports if r.committee == committee.id]
        yield "committee", reports, committee_url(committee.id) + "charts/progress/", committee.id
    for report in pub.reports:
        yield "report", [report], report_url(report.id) + "charts/progress/", report.id


def _charts(pub: Publication, items: list[Item], folder: str, scope: str, anchor: str = "progress-charts") -> Charts:
    charts, _specs = scope_charts(pub, items, folder)
    intro = _("As of %(day)s, %(scope)s, under the council's own status labels. Each chart has a table of its "
              "figures beside it.", day=long_date(pub.config.as_of), scope=scope)
    return Charts(_("Progress in charts"), intro, charts, anchor)


def home_charts(pub: Publication) -> Charts:
    return _charts(pub, _items(pub, pub.reports), HOME_FOLDER,
                   ngettext("across the %(num)s recommendation of every published report",
                            "across the %(num)s recommendations of every published report",
                            sum(len(r.recommendations) for r in pub.reports)))


def committee_charts(pub: Publication, committee_id: str) -> Charts:
    reports = [r for r in pub.reports if r.committee == committee_id]
    items = _items(pub, reports)
    return _charts(pub, items, committee_url(committee_id) + "charts/progress/",
                   ngettext("across the %(num)s recommendation of this committee's reports",
                            "across the %(num)s recommendations of this committee's reports", len(items)))


def report_charts(pub: Publication, report: Report) -> Charts:
    """The report page's charts; their anchor avoids the report's section slugs."""
    slugs = {s.slug for s in report.sections}
    anchor = "progress-charts" if "progress-charts" not in slugs else "progress-charts-part"
    return _charts(pub, _items(pub, [report]), report_url(report.id) + "charts/progress/",
                   ngettext("across the %(num)s recommendation of this report",
                            "across the %(num)s recommendations of this report", len(report.recommendations)), anchor)


def placeholder_svg(alt: str) -> str:
    """What stands for a drawing the renderer could not make: the chart's own words (its
    figures are in the table beside it), so the page shows no broken image."""
    words = escape(_("This chart could not be drawn. %(alt)s", alt=alt))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="480" height="60" viewBox="0 0 480 60">'
            f'<title>{words}</title><text x="8" y="34" font-size="16">{words}</text></svg>')


class ChartStore:
    """Where a report's drawings are kept between builds (this one keeps nothing; the
    builder's is :class:`.pagestore.KeptCharts`): ``files(key, folder)`` links the drawings
    kept under ``key`` into the new build and returns their paths, or None if any is
    missing; ``keep(key, folder, paths)`` keeps the ones just drawn."""

    def files(self, key: str, folder: str) -> list[str] | None:
        return None

    def keep(self, key: str, folder: str, paths: list[str]) -> None:
        pass


def write_progress_charts(pub: Publication, write: Callable[[str, str], None],
                          warn: Callable[[str], None] = lambda message: None,
                          key_of: Callable[[str, str, list], str | None] = lambda kind, scope, reports: None,
                          kept: ChartStore = ChartStore()) -> tuple[int, int]:
    """Draw the charts of the home page, every committee and every report; returns how many
    drawings were written and how many of them were linked from an earlier build. Each
    is laid out in pixels and written straight to SVG (:mod:`scrutiny.render.canvas`, a
    fraction of a millisecond each), the scopes over every core; each page's drawings
    are kept under ``key_of(kind, id, reports)`` (kind ``home``, ``committee`` or
    ``report``; None: not kept) and linked while it is unchanged. A drawing that cannot be made is a warning (``--strict``: the build
    fails) and a placeholder with the chart's words, and its report's drawings are not
    kept (the next build warns again)."""
    style = ChartStyle.of(pub.config.brand)
    count = reused = 0
    todo: list[tuple[list[Item], str, str | None]] = []
    for kind, reports, base, scope in _scopes(pub):
        key = key_of(kind, scope, reports)
        if key is not None and (linked := kept.files(key, base)) is not None:
            count, reused = count + len(linked), reused + len(linked)
        else:
            todo.append((_items(pub, reports), base, key))
    for (_items_of, base, key), drawn in zip(todo, each_parallel(_draw_scope, range(len(todo)), (pub, style, todo))):
        failed = False
        for path, svg, problem in drawn:
            if problem is not None:
                warn(f"progress chart {path} could not be drawn ({problem}): its words are published in its place")
                failed = True
            write(path, svg)
            count += 1
        if key is not None and not failed:
            kept.keep(key, base, [path for path, _svg, _problem in drawn])
    return count, reused


def _draw_scope(shared: tuple[Publication, ChartStyle, list[tuple[list[Item], str, str | None]]],
                index: int) -> list[tuple[str, str, str | None]]:
    """(path, SVG, problem or None) of each drawing of one scope (in a worker process)."""
    pub, style, todo = shared
    items, base, _key = todo[index]
    _charts_of, files = scope_charts(pub, items, base, style)
    out = []
    for path, (spec, alt) in files.items():
        try:
            out.append((path, spec_svg(spec, alt), None))
        except ChartError as err:
            out.append((path, placeholder_svg(alt), str(err).splitlines()[0]))
    return out
