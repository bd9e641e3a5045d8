"""The content model: frozen dataclasses, no I/O.

Loaders (:mod:`scrutiny.load`) build these from YAML; the Markdown pipeline
(:mod:`scrutiny.markdown`) parses every :class:`Markdown` field once; renderers and
exporters only read them. Every record keeps the file and line it came from.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .dates import KnownDate, TargetDate
from .i18n import N_, gettext

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


_REF_CHARS = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .()/_-]{0,39}$")
_REF_PARTS = re.compile(r"\d+|[a-z]+")
_SIMPLE = re.compile(r"^\d{1,3}[a-z]?$")


def _display_ref(text: str) -> str:
    """The reference as shown: the council's words without a list marker's ``.`` or ``)``."""
    text = " ".join(str(text).split()).rstrip(".")
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    if text.endswith(")") and "(" not in text:
        text = text[:-1].rstrip()
    return text


def _part_key(part: str) -> tuple[int, int, str]:
    return (0, int(part), "") if part.isdigit() else (1, 0, part)


@dataclass(frozen=True)
class RecNumber:
    """A council's reference for a recommendation, kept as written and compared by its parts.

    ``7``, ``2a``, ``5(b)``, ``5 (b)``, ``a)``, ``1(ii)``, ``1.1`` and ``ABC.140715.20b`` are
    all references. Two references are the same when their parts are (``5b`` = ``5(b)``);
    the URL slug is made from the parts, so it stays stable however the author spaces it.
    """

    parts: tuple[str, ...]
    """Lower-case runs of digits or letters: ``5(b)`` is ``("5", "b")``."""
    text: str = field(default="", compare=False)
    """The reference as the council wrote it, for display (``5(b)``)."""

    @classmethod
    def parse(cls, text: object) -> "RecNumber":
        raw = str(text).strip()
        shown = _display_ref(raw)
        parts = tuple(_REF_PARTS.findall(shown.lower()))
        if not parts or not _REF_CHARS.match(shown):
            raise ValueError(raw)
        return cls(parts, shown)

    @classmethod
    def simple(cls, number: int, letter: str = "") -> "RecNumber":
        return cls((str(number), letter) if letter else (str(number),), f"{number}{letter}")

    def __str__(self) -> str:
        return self.text or self.slug

    def __lt__(self, other: "RecNumber") -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: "RecNumber") -> bool:
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: "RecNumber") -> bool:
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: "RecNumber") -> bool:
        return self.sort_key() >= other.sort_key()

    def sort_key(self) -> tuple:
        return tuple(_part_key(p) for p in self.parts)

    @property
    def slug(self) -> str:
        """URL slug: parts joined by ``-``, a letter joined straight to the number before it
        (``2a``, ``5b``, ``1ii``, ``1-1``, ``abc-140715-20b``)."""
        out = self.parts[0]
        for before, part in zip(self.parts, self.parts[1:]):
            out += part if before.isdigit() and part.isalpha() else f"-{part}"
        return out

    @property
    def is_simple(self) -> bool:
        """A plain number with an optional sub-letter (``7``, ``2a``): the scheme whose
        sequence is checked for gaps."""
        return _SIMPLE.match("".join(self.parts)) is not None and (len(self.parts) == 1 or self.parts[1].isalpha())

    @property
    def number(self) -> int | None:
        """The leading number (``5`` of ``5(b)``), or None when the reference starts with a letter."""
        return int(self.parts[0]) if self.parts[0].isdigit() else None

    @property
    def letter(self) -> str:
        """The sub-letter of a simple reference (``a`` of ``2a``), else ""."""
        return self.parts[1] if self.is_simple and len(self.parts) == 2 else ""

    @property
    def group(self) -> "RecNumber | None":
        """The reference this one is a part of (``5`` for ``5(b)``), if it has parts."""
        if len(self.parts) < 2:
            return None
        cut = self.text.lower().rfind(self.parts[-1])
        return RecNumber(self.parts[:-1], self.text[:cut].rstrip(" (.-/_") if cut > 0 else "")

    def contains(self, other: "RecNumber") -> bool:
        """Whether ``other`` is one of this reference's parts (``5`` contains ``5b``)."""
        return len(other.parts) > len(self.parts) and other.parts[: len(self.parts)] == self.parts


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
    vocabulary: str = "default"
    """Id of the vocabulary (decisions and statuses) its reports use."""
    response_months: int = 2
    """Months the executive has to respond once a report reaches it (two in England:
    s.9FE Local Government Act 2000)."""
    contact: "Contact | None" = None
    """Its own contact details for format requests, else the site's."""
    chair: str = ""
    """Who chairs it, as the council writes the name ("Councillor M. Ion"); "" when not stated."""
    members: tuple["Person", ...] = ()
    """Its members as the council lists them (the chair too, if the council lists them)."""
    membership_as_of: KnownDate | None = None
    """When the chair and members were as stated (a committee's membership changes)."""
    membership_source: str = ""
    """Where the chair and members are recorded ("Minutes of the meeting of 6 June 2013")."""
    remit: str = ""
    """What the committee scrutinises, in the council's words (plain text; a blank line
    starts a new paragraph)."""
    url: str = ""
    """The committee's page on the council's own website (an absolute http(s) address)."""

    @property
    def remit_paragraphs(self) -> tuple[str, ...]:
        return tuple(" ".join(p.split()) for p in re.split(r"\n\s*\n", self.remit) if p.strip())


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
    meaning: str = ""
    """What the council means by the term, shown to readers beside it."""
    code: str = ""
    """Its number on a numbered scale ("1" of "1 Achieved"), shown before the label."""
    needs_revised_target: bool = False
    """For statuses: an update with it must give ``revised_target`` and ``reason`` (slipped)."""
    needs_reason: bool = False
    """An update (status) or response (decision) with it must say why (``reason`` / ``text``)."""
    needs_sign_off: bool = False
    """For closed statuses: counts as closed only once the update records members' sign-off."""
    implemented: bool | None = None
    """Whether it counts as implemented in implementation rates (None: not counted either way)."""

    @property
    def display(self) -> str:
        """The label as readers see it, with its number on a numbered scale."""
        return f"{self.code} {self.label}" if self.code else self.label


@dataclass(frozen=True)
class Vocabulary:
    """The words one council or committee uses for decisions and statuses."""

    id: str
    decisions: tuple[Term, ...]
    statuses: tuple[Term, ...]

    def decision(self, term_id: str) -> Term | None:
        return next((t for t in self.decisions if t.id == term_id), None)

    def status(self, term_id: str) -> Term | None:
        return next((t for t in self.statuses if t.id == term_id), None)


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
    """Path inside the project of a checked image (``scrutiny.load.images.read_logo``), or empty."""
    footer: str


@dataclass(frozen=True)
class Council:
    """A council the site publishes for, with details of its own."""

    name: str
    """As committees and reports name it in ``council``."""
    contact: Contact | None
    """Its contact details for format requests and questions, else the site's."""
    source: Source


@dataclass(frozen=True)
class SiteConfig:
    """Everything in ``site_config.yaml``."""

    title: str
    """Site name shown in every page header."""
    publisher: str
    """Who publishes the site (the council or its scrutiny service)."""
    base_url: str
    """An absolute http(s) URL, or a path from the server's root (``/``, ``/scrutiny/``),
    ending in ``/``; checked at load (``scrutiny.load.forms.base_url_problem``)."""
    language: str
    """BCP 47 language tag of the content, e.g. ``en-GB``."""
    as_of: dt.date
    """The day overdue and response-overdue flags are computed against."""
    contact: Contact
    brand: Brand
    committees: tuple[Committee, ...]
    vocabularies: tuple[Vocabulary, ...]
    """The site's vocabulary (id ``default``) first, then any named ones."""
    formats: tuple[str, ...]
    """Formats to build, in order (see :data:`scrutiny.formats.ALL_FORMATS`)."""
    large_print_pt: float
    """Body size of the large-print formats, in points (at least 16)."""
    councils: tuple["Council", ...] = ()
    """Councils with details of their own (a site that publishes for several)."""
    languages: tuple[str, ...] = ()
    """Every language the site is published in (``site.languages``), its main language
    first; empty means ``language`` alone."""
    home_url: str = ""
    """The main language's ``base_url`` (the other languages' sites lie under it); "" means
    ``base_url``."""
    words: tuple["SiteWords", ...] = ()
    """The site's own words in its other languages (``translations:``)."""

    @property
    def all_languages(self) -> tuple[str, ...]:
        """The site's languages, main first (one for a site in one language)."""
        return self.languages or (self.language,)

    @property
    def home(self) -> str:
        """The address of the main language's site (``base_url`` of a one-language site)."""
        return self.home_url or self.base_url

    def url_prefix(self, language: str) -> str:
        """Where a language's site lies in the main one: "" for the main language, else its
        primary subtag and a slash (``cy/``, ``en/``)."""
        return "" if language == self.all_languages[0] else language.split("-")[0].lower() + "/"

    def root_of(self, language: str) -> str:
        """The path from this language's site root to ``language``'s: "" for its own,
        ``cy/`` from the main one, ``../`` back to it, ``../en/`` between two others."""
        if language == self.language:
            return ""
        return "../" * self.url_prefix(self.language).count("/") + self.url_prefix(language)

    def words_for(self, language: str) -> "SiteWords | None":
        return next((w for w in self.words if w.language == language), None)

    def committee(self, committee_id: str) -> Committee:
        return next(c for c in self.committees if c.id == committee_id)

    def vocabulary(self, committee_id: str = "") -> Vocabulary:
        """The vocabulary a committee's reports use (the site's default for an unknown id)."""
        wanted = next((c.vocabulary for c in self.committees if c.id == committee_id), "default")
        return next((v for v in self.vocabularies if v.id == wanted), self.vocabularies[0])

    @property
    def decisions(self) -> tuple[Term, ...]:
        """Every decision term of every vocabulary, each id once (for filters and schemas)."""
        return _unique(t for v in self.vocabularies for t in v.decisions)

    @property
    def statuses(self) -> tuple[Term, ...]:
        return _unique(t for v in self.vocabularies for t in v.statuses)

    def contact_for(self, committee_id: str, council: str = "") -> Contact:
        """The contact a report shows: its committee's own, else its council's (the
        report's ``council``, else the committee's), else the site's."""
        committee = next((c for c in self.committees if c.id == committee_id), None)
        if committee is not None and committee.contact:
            return committee.contact
        name = council or (committee.council if committee else "")
        return next((c.contact for c in self.councils if c.name == name and c.contact), self.contact)


@dataclass(frozen=True)
class CommitteeWords:
    """A committee's words in another language (``translations.<lang>.committees``)."""

    id: str
    name: str
    remit: str = ""
    membership_source: str = ""


@dataclass(frozen=True)
class TermWords:
    """A decision's or status's words in another language."""

    vocabulary: str
    """The vocabulary's id (``default`` for the site's)."""
    id: str
    label: str
    meaning: str = ""


@dataclass(frozen=True)
class SiteWords:
    """The site's own words in one of its other languages: ``translations.<lang>`` in
    ``site_config.yaml``, which mirrors the configuration's keys and holds only its text
    (addresses, colours, dates and ids are entered once)."""

    language: str
    title: str
    publisher: str
    source: Source
    footer: str = ""
    team: str = ""
    """The contact team's name."""
    address: str = ""
    committees: tuple[CommitteeWords, ...] = ()
    terms: tuple[TermWords, ...] = ()


def _unique(terms) -> tuple[Term, ...]:
    seen: dict[str, Term] = {}
    for t in terms:
        seen.setdefault(t.id, t)
    return tuple(seen.values())


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

    decision: Term | None
    """The decision in the report's vocabulary; None when the response is recorded
    elsewhere without the decision being stated here."""
    date: KnownDate | None
    """When it was given, as precisely as the council stated it; None when not stated."""
    decision_maker: str
    """Who took the decision (Cabinet, a portfolio holder), "" when not stated."""
    text: Markdown | None
    actions: tuple[Action, ...]
    source: Source
    responder: str = ""
    """Who wrote or presented the response, when not the decision maker."""
    recorded_in: str = ""
    """Where the response can be read when it is not reproduced here ("Cabinet, minute 23")."""


@dataclass(frozen=True)
class Evidence:
    """A document, minute or link an update cites."""

    title: str
    url: str = ""
    """An http(s) link, when the evidence is online."""


@dataclass(frozen=True)
class SignOff:
    """Members' agreement that a recommendation can be closed."""

    date: KnownDate | None
    meeting: str


@dataclass(frozen=True)
class Update:
    """A dated progress update on a recommendation."""

    date: KnownDate
    meeting: str
    status: Term
    """The status in the report's vocabulary."""
    note: Markdown | None
    revised_target: TargetDate | None
    reason: str
    """Why the target moved, or why it closed without being implemented."""
    source: Source
    evidence: tuple[Evidence, ...] = ()
    sign_off: SignOff | None = None


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
    response_state: str = "awaited"
    """``given`` (a response is recorded), ``awaited`` (none yet), ``not-required`` (no
    executive response is due: addressed to the committee itself or a partner) or
    ``none-recorded`` (the executive never recorded a decision; progress is logged)."""
    addressed_to: str = ""
    """Who is asked to act (Cabinet, a portfolio holder, a partner, the committee)."""
    lead_officers: tuple[Person, ...] = ()
    priority: str = ""
    """As the council wrote it: "1", "High"."""
    stem: Markdown | None = None
    """The words shared by a group of parts ("That Cabinet:"), shown before each part."""

    @property
    def key(self) -> tuple[str, RecNumber]:
        return (self.report_id, self.number)

    @property
    def original_target(self) -> TargetDate | None:
        """The latest action target in the response, before any revision: the latest one with
        a due day when any has one (an "ongoing" action beside dated ones does not stop the
        recommendation from falling due)."""
        if not self.response or not self.response.actions:
            return None
        targets = [a.target for a in self.response.actions]
        return max([t for t in targets if t.due] or targets, key=TargetDate.sort_key)

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
