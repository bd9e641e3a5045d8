"""The content model: frozen dataclasses, no I/O.

Loaders (:mod:`scrutiny.load`) build these from YAML; the Markdown pipeline
(:mod:`scrutiny.markdown`) parses every :class:`Markdown` field once; renderers and
exporters only read them. Every record keeps the file and line it came from.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .dates import TargetDate

REC_NUMBER = re.compile(r"^(\d{1,3})([a-z]?)$")


@dataclass(frozen=True, order=True)
class Source:
    """Where a record was written."""

    path: str
    """File path relative to the project root."""
    line: int
    """1-based line of the record's first key."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Markdown:
    """A piece of Markdown written by an author, with where it starts."""

    text: str
    """The Markdown source."""
    source: Source
    """File and first line; token line numbers are added to it in messages."""
    numbered: bool = False
    """Whether its top-level paragraphs take the report's running paragraph numbers."""


@dataclass(frozen=True, order=True)
class RecNumber:
    """A recommendation number: ``7``, or ``2a`` (number and sub-letter)."""

    number: int
    letter: str = ""

    @classmethod
    def parse(cls, text: str) -> "RecNumber":
        m = REC_NUMBER.match(str(text).strip().lower())
        if not m:
            raise ValueError(str(text))
        return cls(int(m[1]), m[2])

    def __str__(self) -> str:
        return f"{self.number}{self.letter}"

    @property
    def slug(self) -> str:
        return str(self)


# --- site configuration -------------------------------------------------------------


@dataclass(frozen=True)
class Committee:
    """A scrutiny committee or panel that owns reports."""

    id: str
    """Slug used by reports' ``committee`` field and in URLs."""
    name: str
    """Full name, e.g. "Children and Young People Scrutiny Committee"."""
    council: str
    """The council the committee belongs to."""
    source: Source


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary (decisions or statuses)."""

    id: str
    """Slug written in the content (``partially-accepted``)."""
    label: str
    """Words shown to readers (``Partially accepted``)."""
    closed: bool = False
    """For statuses: no further action is needed (never overdue). For decisions: no
    action follows the decision (rejected, noted), so the recommendation is closed."""


@dataclass(frozen=True)
class Contact:
    """Who to ask for another format, shown on every report page."""

    team: str
    address: str
    email: str
    phone: str


@dataclass(frozen=True)
class Brand:
    """The council's colours and logo; pairs are contrast-checked at build."""

    primary: str
    text: str
    background: str
    link: str
    focus: str
    logo: str
    footer: str


@dataclass(frozen=True)
class SiteConfig:
    """Everything in ``site_config.yaml``."""

    title: str
    """Site name shown in every page header."""
    publisher: str
    """Who publishes the site (the council or its scrutiny service)."""
    base_url: str
    """Absolute URL the site is published at, ending in ``/``."""
    language: str
    """BCP 47 language tag of the content, e.g. ``en-GB``."""
    as_of: dt.date
    """The day overdue and response-overdue flags are computed against."""
    contact: Contact
    brand: Brand
    committees: tuple[Committee, ...]
    decisions: tuple[Term, ...]
    statuses: tuple[Term, ...]
    formats: tuple[str, ...]
    """Formats to build, in order (see :data:`scrutiny.formats.ALL_FORMATS`)."""
    large_print_pt: float
    """Body size of the large-print formats, in points (at least 16)."""

    def committee(self, committee_id: str) -> Committee:
        return next(c for c in self.committees if c.id == committee_id)

    def decision(self, term_id: str) -> Term:
        return next(t for t in self.decisions if t.id == term_id)

    def status(self, term_id: str) -> Term:
        return next(t for t in self.statuses if t.id == term_id)


# --- recommendations ---------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """A named person (or body) with an optional role, title or organisation."""

    name: str
    role: str = ""
    """Role or job title ("Lead Member", "Assistant Director Children's Safeguarding")."""
    body: str = ""
    """For co-opted members: the body they come from."""

    def __str__(self) -> str:
        extra = ", ".join(x for x in (self.role, self.body) if x)
        return f"{self.name} ({extra})" if extra else self.name


@dataclass(frozen=True)
class Action:
    """What the executive will do, who owns it and by when."""

    text: str
    owners: tuple[Person, ...]
    target: TargetDate
    source: Source


@dataclass(frozen=True)
class Response:
    """The executive's formal response to one recommendation."""

    decision: str
    """Id of a decision in the site's vocabulary."""
    date: dt.date
    decision_maker: str
    text: Markdown | None
    actions: tuple[Action, ...]
    source: Source


@dataclass(frozen=True)
class Update:
    """A dated progress update on a recommendation."""

    date: dt.date
    meeting: str
    status: str
    """Id of a status in the site's vocabulary."""
    note: Markdown | None
    revised_target: TargetDate | None
    reason: str
    """Why the target moved (required with ``revised_target``)."""
    source: Source


@dataclass(frozen=True)
class Recommendation:
    """A numbered recommendation, written once and shown everywhere."""

    report_id: str
    number: RecNumber
    theme: str
    text: Markdown
    follows_from: tuple[int, ...]
    """Numbered paragraphs it follows from."""
    response: Response | None
    updates: tuple[Update, ...]
    source: Source

    @property
    def key(self) -> tuple[str, RecNumber]:
        return (self.report_id, self.number)

    @property
    def original_target(self) -> TargetDate | None:
        """The latest action target in the response, before any revision."""
        if not self.response or not self.response.actions:
            return None
        return max((a.target for a in self.response.actions), key=TargetDate.sort_key)

    @property
    def current_target(self) -> TargetDate | None:
        """The latest revised target, else the original one."""
        for update in reversed(self.updates):
            if update.revised_target:
                return update.revised_target
        return self.original_target

    @property
    def owners(self) -> tuple[Person, ...]:
        seen: dict[str, Person] = {}
        for action in self.response.actions if self.response else ():
            for person in action.owners:
                seen.setdefault(person.name, person)
        return tuple(seen.values())


# --- reports -----------------------------------------------------------------------

SECTION_KINDS = ("foreword", "summary", "chapter", "conclusion", "appendix", "other")
REPORT_KINDS = {
    "task-group-review": "Task group review",
    "scrutiny-review": "Scrutiny review",
    "report-to-scrutiny": "Report to scrutiny",
    "cabinet-response": "Executive response",
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
class Activity:
    """One line of the schedule of activity."""

    date: dt.date
    event: str


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    definition: str


@dataclass(frozen=True)
class ExecutiveResponse:
    """The meeting at which the executive responded to the whole report."""

    meeting: str
    date: dt.date
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
    started: dt.date | None
    published: dt.date | None
    sent_to_executive: dt.date | None
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

    @property
    def kind_label(self) -> str:
        return REPORT_KINDS.get(self.kind, self.kind)

    def recommendation(self, number: RecNumber) -> Recommendation | None:
        return next((r for r in self.recommendations if r.number == number), None)

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

    def report(self, report_id: str) -> Report | None:
        return next((r for r in self.reports if r.id == report_id), None)

    @property
    def published(self) -> tuple[Report, ...]:
        return tuple(r for r in self.reports if r.status == "published")
