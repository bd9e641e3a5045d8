"""What the templates show about reports and recommendations: small frozen views.

Status and decision are always shown as words (a tag); the colour only repeats them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import _, ngettext
from ..dates import TargetDate, long_date
from ..markdown.plain import short_form
from ..model import Person, Recommendation, Report, Term, Update
from ..publication import Publication
from ..render.facts import TargetWords, target_words
from ..tracker import NO_DECISION_WORDS, Standing
from ..urls import recommendation_url, report_url

DECISION_COLOURS = {
    "accepted": "green",
    "partially-accepted": "turquoise",
    "accepted-in-principle": "blue",
    "rejected": "red",
    "noted": "grey",
}
STATUS_COLOURS = {
    "complete": "green",
    "on-track": "blue",
    "behind-schedule": "orange",
    "not-started": "grey",
    "not-implemented": "red",
    "superseded": "grey",
}
#: What the decision column says when no decision is recorded, by the recommendation's
#: response state (see :attr:`scrutiny.model.Recommendation.response_state`).
NO_DECISION = {state: Term("awaiting" if state == "awaited" else state, words)
               for state, words in NO_DECISION_WORDS.items()}
AWAITING_DECISION = NO_DECISION["awaited"]


@dataclass(frozen=True)
class Tag:
    """A GOV.UK-style tag: words first, colour as a repeat of them."""

    label: str
    colour: str = "grey"


def decision_tag(term: Term | None, state: str = "awaited") -> Tag:
    if term is None:
        none = NO_DECISION.get(state, AWAITING_DECISION)
        return Tag(_(none.label), "yellow" if none is AWAITING_DECISION else "grey")
    return Tag(term.display, DECISION_COLOURS.get(term.id, "grey" if term.closed else "green"))


def status_tag(term: Term) -> Tag:
    """A status an update gave, in the council's words."""
    default = "green" if term.closed and term.implemented else "orange" if term.needs_revised_target else "blue"
    return Tag(term.display, STATUS_COLOURS.get(term.id, default))


def standing_tag(standing: Standing) -> Tag:
    """Where a recommendation stands: the status an update gave, or the words for having none."""
    if standing.status is not None and not standing.sign_off_pending:
        return status_tag(standing.status)
    return Tag(standing.label, {"red": "red", "green": "green", "grey": "grey", "blue": "blue"}.get(standing.tone, "yellow"))


def file_size(size: int) -> str:
    if size < 1024:
        return ngettext("%(num)s byte", "%(num)s bytes", size)
    if size < 1024 * 1024:
        return _("%(size)s KB", size=round(size / 1024))
    return _("%(size)s MB", size=f"{size / (1024 * 1024):.1f}")


def person(p: Person) -> str:
    return str(p)


@dataclass(frozen=True)
class TimelineEntry:
    """One progress update, with the target it replaced when it moved the date."""

    update: Update
    status: Tag
    revised_from: TargetDate | None


def timeline(rec: Recommendation) -> tuple[TimelineEntry, ...]:
    target = rec.original_target
    out = []
    for update in rec.updates:
        term = update.status
        revised_from = target if update.revised_target else None
        if update.revised_target:
            target = update.revised_target
        out.append(TimelineEntry(update, status_tag(term), revised_from))
    return tuple(out)


@dataclass(frozen=True)
class RecView:
    """A recommendation with its standing on the as-of date."""

    report: Report
    rec: Recommendation
    standing: Standing
    text: str = ""
    """The recommendation's words as plain text."""
    stem: str = ""
    """The words its parts share ("That Cabinet:"), as plain text, or ""."""
    notes: tuple[str, ...] = ()
    """Each update's note as plain text, in the order of ``rec.updates``."""

    @property
    def short(self) -> str:
        """The recommendation's own words, shortened for a table row."""
        return short_form(self.text)

    @property
    def target_words(self) -> TargetWords:
        """The current target as every tracker shows it (the one source: render.facts)."""
        return target_words(self.rec, self.standing)

    @property
    def update_notes(self) -> tuple[tuple[Update, str], ...]:
        """(update, its note as plain text) for the updates that say something."""
        return tuple((u, n) for u, n in zip(self.rec.updates, self.notes))

    @property
    def folded(self) -> dict | None:
        """What the tracker shows behind the row's button (and its word filter searches):
        the full words when the row shortens them, and every update in words."""
        full = self.shortened or bool(self.stem)
        updates = [_("%(day)s, %(status)s: %(note)s", day=long_date(u.date), status=u.status.display, note=note) if note
                   else _("%(day)s, %(status)s", day=long_date(u.date), status=u.status.display)
                   for u, note in self.update_notes]
        if not full and not updates:
            return None
        label = (_("Full text and updates") if updates else _("Full text")) if full else _("Updates")
        text = ([self.stem] if self.stem else []) + self.text.split("\n\n") if full else []
        return {"label": label, "of": _("of recommendation %(ref)s", ref=self.number), "text": text, "updates": updates}

    @property
    def shortened(self) -> bool:
        return self.short != " ".join(self.text.split())

    @property
    def number(self) -> str:
        return str(self.rec.number)

    @property
    def url(self) -> str:
        return recommendation_url(self.report.id, self.rec.number)

    @property
    def report_url(self) -> str:
        return report_url(self.report.id)

    @property
    def decision(self) -> Tag:
        return decision_tag(self.standing.decision, self.rec.response_state)

    @property
    def status(self) -> Tag:
        return standing_tag(self.standing)

    @property
    def flags(self) -> tuple[Tag, ...]:
        """Accountability flags, as words: overdue, response overdue, date revised."""
        s, out = self.standing, []
        if s.overdue:
            out.append(Tag(_("%(time)s overdue", time=s.overdue_for), "red"))
        if s.response_overdue and s.status is not None:  # without updates the status already says it
            out.append(Tag(_("Response overdue"), "red"))
        if s.slipped:
            out.append(Tag(_("Date revised"), "purple"))
        if s.missed_updates:
            out.append(Tag(_("Update missed"), "orange"))
        return tuple(out)

    @property
    def owners(self) -> str:
        return "; ".join(str(p) for p in self.rec.owners)


def rec_views(pub: Publication, report: Report) -> tuple[RecView, ...]:
    def plain(md) -> str:
        return pub.plain(md) if md else ""
    return tuple(RecView(report, rec, pub.standing(report, rec),
                         plain(rec.text), plain(rec.stem),
                         tuple(plain(u.note) for u in rec.updates))
                 for rec in report.recommendations)


@dataclass(frozen=True)
class Counts:
    """How many recommendations are open, overdue, awaiting or overdue a response."""

    total: int
    open: int
    overdue: int
    awaiting: int
    response_overdue: int
    closed: int

    @classmethod
    def of(cls, views: list[RecView] | tuple[RecView, ...]) -> "Counts":
        s = [v.standing for v in views]
        return cls(
            total=len(s),
            open=sum(not x.closed for x in s),
            overdue=sum(x.overdue for x in s),
            awaiting=sum(x.response_expected for x in s),
            response_overdue=sum(x.response_overdue for x in s),
            closed=sum(x.closed for x in s),
        )


def decision_counts(views: tuple[RecView, ...], decisions: tuple[Term, ...]) -> tuple[tuple[Tag, int], ...]:
    """(decision tag, count) in vocabulary order, then awaiting; zero counts left out."""
    out = []
    for term in decisions:
        n = sum(1 for v in views if v.standing.decision and v.standing.decision.id == term.id)
        if n:
            out.append((decision_tag(term), n))
    for state in NO_DECISION:
        n = sum(1 for v in views if v.standing.decision is None and v.rec.response_state == state)
        if n:
            out.append((decision_tag(None, state), n))
    return tuple(out)
