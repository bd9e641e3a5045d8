"""A report and everything loaded: :class:`Report` with its sections, data tables,
schedule of activity, glossary and recommendations, the kinds and statuses a report may
have, and :class:`Content` (the site configuration with every report and translation).
Frozen dataclasses, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..dates import KnownDate
from ..i18n import N_, gettext
from .basics import Markdown, Person, RecNumber, Source
from .config import SiteConfig
from .recommendations import Recommendation


# --- reports -----------------------------------------------------------------------

SECTION_KINDS = ("foreword", "summary", "chapter", "conclusion", "appendix", "other")
REPORT_KINDS = {
    "task-group-review": N_("Task group review"),
    "scrutiny-review": N_("Scrutiny review"),
    "report-to-scrutiny": N_("Report to scrutiny"),
    "cabinet-response": N_("Executive response"),
}
REPORT_STATUSES = ("draft", "published")


@dataclass(frozen=True)
class Section:
    """A section of the report body, in reading order."""

    slug: str
    """Anchor and file stem (``introduction``)."""
    title: str
    kind: str
    body: Markdown


@dataclass(frozen=True)
class DataTable:
    """A table of figures with its source, placed in the body with ``[[table id]]``."""

    id: str
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str | int | float | None, ...], ...]
    source_note: str
    notes: tuple[str, ...]
    chart: dict | None
    """A Vega-Lite spec whose data are the rows (rendered to SVG beside the table)."""
    source: Source


@dataclass(frozen=True)
class UpdateSchedule:
    """When progress updates are due: every N months after the response, or at named meetings."""

    every_months: int | None
    meetings: tuple["Activity", ...]
    """Dated meetings at which updates are due, oldest first."""


@dataclass(frozen=True)
class Activity:
    """One line of the schedule of activity."""

    date: KnownDate
    event: str


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    definition: str


@dataclass(frozen=True)
class ExecutiveResponse:
    """The meeting at which the executive responded to the whole report."""

    meeting: str
    date: KnownDate | None
    decision_maker: str
    cabinet_member: str
    prepared_by: str


@dataclass(frozen=True)
class Report:
    """One scrutiny report with its recommendations."""

    id: str
    """Folder name, ``[a-z0-9-]``: the URL ``/reports/<id>/``."""
    title: str
    code: str
    """Short citation code."""
    committee: str
    kind: str
    status: str
    council: str
    summary: str
    started: KnownDate | None
    published: KnownDate | None
    """None when the content does not state it."""
    sent_to_executive: KnownDate | None
    lead_member: Person | None
    members: tuple[Person, ...]
    co_opted_members: tuple[Person, ...]
    officers: tuple[Person, ...]
    terms_of_reference: Markdown | None
    methodology: Markdown | None
    sections: tuple[Section, ...]
    tables: tuple[DataTable, ...]
    activity: tuple[Activity, ...]
    glossary: tuple[GlossaryEntry, ...]
    executive_response: ExecutiveResponse | None
    recommendations: tuple[Recommendation, ...]
    source: Source
    recommendations_read: bool = True
    """False when recommendations.yaml could not be read (its problems are reported once;
    citations of its recommendations are then not checked)."""
    not_reproduced: tuple[RecNumber, ...] = ()
    """References the source document has but this content does not reproduce."""
    not_reproduced_note: str = ""
    update_schedule: "UpdateSchedule | None" = None
    language: str = ""
    """BCP 47 tag of the report's words: ``language:`` of report.yaml, else the site's
    main language; a translation's is its folder's name (``cy/``)."""

    @property
    def kind_label(self) -> str:
        """The kind of report, in the current language (:mod:`scrutiny.i18n`)."""
        return gettext(REPORT_KINDS[self.kind]) if self.kind in REPORT_KINDS else self.kind

    def recommendation(self, number: RecNumber) -> Recommendation | None:
        return next((r for r in self.recommendations if r.number == number), None)

    @property
    def groups(self) -> tuple[tuple[RecNumber, tuple[Recommendation, ...]], ...]:
        """References that name several recommendations and are not one themselves
        (``5`` of 5a-5c, ``6`` of a stem's parts), with their members in document order."""
        own = {r.number for r in self.recommendations}
        found: dict[RecNumber, list[Recommendation]] = {}
        for rec in self.recommendations:
            group = rec.number.group
            # a number's parts (5a-5c, 6(a), 1.1); a code's prefixes (ABC.140715) name no group
            if group is not None and group not in own and all(p.isdigit() for p in group.parts):
                found.setdefault(group, []).append(rec)
        return tuple((g, tuple(members)) for g, members in found.items())

    def table(self, table_id: str) -> DataTable | None:
        return next((t for t in self.tables if t.id == table_id), None)


@dataclass(frozen=True)
class Content:
    """Everything loaded: the site configuration and every report, sorted by id."""

    config: SiteConfig
    reports: tuple[Report, ...] = field(default_factory=tuple)
    unreadable: tuple[str, ...] = ()
    """Ids of report folders that could not be read (their problems are reported);
    links to them are not reported again as missing."""
    root: str = ""
    """The project folder it was loaded from, for files named in it (the brand logo)."""
    translations: tuple[Report, ...] = ()
    """Reports in another language (``content/reports/<id>/<lang>/``): each has its
    original's id, numbers, decisions, statuses and dates, and its own words and
    ``language``; sorted by id, then language."""

    def translation(self, report_id: str, language: str) -> Report | None:
        return next((r for r in self.translations if r.id == report_id and r.language == language), None)

    def languages_of(self, report_id: str) -> tuple[str, ...]:
        """The languages a report is written in: its own, then its translations'."""
        own = self.report(report_id)
        return ((own.language,) if own else ()) + tuple(r.language for r in self.translations if r.id == report_id)

    def report(self, report_id: str) -> Report | None:
        return next((r for r in self.reports if r.id == report_id), None)

    @property
    def published(self) -> tuple[Report, ...]:
        return tuple(r for r in self.reports if r.status == "published")
