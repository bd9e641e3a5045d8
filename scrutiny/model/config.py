"""The site configuration (``site_config.yaml``): :class:`SiteConfig` with its
committees, councils, contact details and brand colours, and the site's own words in its
other languages (:class:`SiteWords`, :class:`CommitteeWords`, :class:`TermWords`). Frozen
dataclasses, no I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..dates import KnownDate
from .basics import Person, Source
from .vocabulary import Term, Vocabulary


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
        """The committee with this id (looked up tens of thousands of times in a build)."""
        try:
            by_id = self.__dict__["_committees_by_id"]
        except KeyError:
            by_id = {}
            for c in self.committees:
                by_id.setdefault(c.id, c)  # the first of a repeated id, as a walk finds it
            object.__setattr__(self, "_committees_by_id", by_id)
        return by_id[committee_id]  # the loader has checked every report's committee

    def __getstate__(self) -> dict:
        """The fields alone, without the lookup :meth:`committee` keeps."""
        state = dict(self.__dict__)
        state.pop("_committees_by_id", None)
        return state

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
