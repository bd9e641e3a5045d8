"""Progress in figures: the status after each update round, implementation within 6, 12
and 24 months of the response, and the timeliness of responses (pure; no I/O).

Everything is counted from what the content states, as :mod:`scrutiny.tracker` reads it:

- An **update round** is a date on which updates were given anywhere in the scope. After
  each round a recommendation counts under the status of its latest update given by then
  (the council's own label), or as "No update" when none had been given. A recommendation
  counts in a round only once it is known to exist: its report published or sent to the
  executive, or its response or an update given; one with no date at all is left out of
  every round and counted in words.
- **Implemented within N months** of the response: the latest update certainly within N
  months of the response date gives a closed status that counts as implemented (signed off
  where the vocabulary needs it). A recommendation whose N months have not all passed by
  ``as_of`` is left out of that window and counted in words; so are those without a stated
  response date, and those closed with a status or decision that counts neither way.
- **Response timeliness** compares each response's date with the deadline
  (:func:`scrutiny.tracker.response_deadline`); when either is unknown the words say so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from .i18n import N_, gettext
from .dates import KnownDate, add_months
from .model import Recommendation, Report, SiteConfig, Term, Update
from .tracker import response_deadline, update_rounds

Item = tuple[Report, Recommendation]
"""A recommendation with the report it belongs to."""

NO_UPDATE = N_("No update")
"""The category of a recommendation no update had been given for (never a status the
council did not give)."""

WINDOWS = (6, 12, 24)
"""Months after the response within which implementation is counted."""


# --- status after each update round ---------------------------------------------------


@dataclass(frozen=True)
class StatusCategory:
    """One column of the status chart: a status label as the council writes it, or "No update"."""

    label: str
    term: Term | None
    """The status term (the first one with this label); None for "No update"."""
    index: int = 0
    """Its place among every status label of the site, so it is drawn alike on every page."""


@dataclass(frozen=True)
class StatusRound:
    """The count under each category as things stood after one update round."""

    date: KnownDate
    counts: tuple[int, ...]
    """Aligned with :attr:`StatusHistory.categories`."""

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class StatusHistory:
    categories: tuple[StatusCategory, ...]
    """Statuses in the vocabularies' order (only those counted in some round), then "No update"."""
    rounds: tuple[StatusRound, ...]
    """Oldest first."""
    total: int
    """Recommendations in the scope."""
    undated: int
    """Recommendations left out of every round: neither they nor their report carry a date."""
    earlier: int = 0
    """Rounds before :attr:`rounds`, left out (see ``latest``)."""

    def count(self, round_index: int, label: str) -> int:
        return self.rounds[round_index].counts[[c.label for c in self.categories].index(label)]

    @property
    def all_rounds(self) -> int:
        """Update rounds in the scope, those left out included."""
        return self.earlier + len(self.rounds)


def _latest_by(updates: Iterable[Update], day: dt.date) -> Update | None:
    """The latest update certainly given by ``day`` (updates are in date order)."""
    found = None
    for update in updates:
        if update.date.last <= day:
            found = update
    return found


def _known_from(report: Report, rec: Recommendation) -> dt.date | None:
    """The earliest day the content shows the recommendation existed."""
    days = [d.first for d in (report.published, report.sent_to_executive) if d is not None]
    if rec.response is not None and rec.response.date is not None:
        days.append(rec.response.date.first)
    days += [u.date.first for u in rec.updates]
    return min(days) if days else None


def status_history(items: Iterable[Item], config: SiteConfig, latest: int | None = None) -> StatusHistory:
    """Status counts after each update round of the scope (only the ``latest`` rounds, when given)."""
    items = list(items)
    every = update_rounds(rec for _, rec in items)
    rounds = every[-latest:] if latest else every
    order: dict[str, Term] = {}
    for vocab in config.vocabularies:
        for term in vocab.statuses:
            order.setdefault(term.display, term)
    known = [(report, rec, _known_from(report, rec)) for report, rec in items]
    table: list[dict[str, int]] = [{} for _ in rounds]
    no_update = gettext(NO_UPDATE)  # in the current language
    for report, rec, since in known:  # the rounds in date order: each update is looked at once
        if since is None:
            continue
        updates = rec.updates
        given = sorted(range(len(updates)), key=lambda k: updates[k].date.last)  # by when each is certainly given
        seen, latest = 0, -1  # of those given by the round, the latest in the list (as _latest_by)
        for counts, day in zip(table, rounds):
            while seen < len(given) and updates[given[seen]].date.last <= day.last:
                latest = max(latest, given[seen])
                seen += 1
            if since > day.last:
                continue
            label = updates[latest].status.display if latest >= 0 else no_update
            counts[label] = counts.get(label, 0) + 1
    used = {label for counts in table for label in counts}
    for report, rec in items:  # a status outside every vocabulary order still gets a column
        for u in rec.updates:
            order.setdefault(u.status.display, u.status)
    categories = tuple(StatusCategory(label, term, i) for i, (label, term) in enumerate(order.items()) if label in used)
    if no_update in used:
        categories += (StatusCategory(no_update, None, len(order)),)
    labels = [c.label for c in categories]
    return StatusHistory(
        categories,
        tuple(StatusRound(day, tuple(counts.get(label, 0) for label in labels)) for day, counts in zip(rounds, table)),
        len(items),
        sum(1 for _, _, since in known if since is None),
        len(every) - len(rounds),
    )


# --- implementation within 6, 12 and 24 months ------------------------------------------


@dataclass(frozen=True)
class RateWindow:
    """Implementation within one window after the response."""

    months: int
    implemented: int
    """Counted recommendations implemented within the window."""
    counted: int
    """The denominator: recommendations whose whole window has passed and that count either way."""
    too_recent: int
    """Left out: their response is less than ``months`` months before ``as_of``."""
    neither: int
    """Left out: closed within the window with a status or decision that counts neither
    as implemented nor as not implemented."""

    @property
    def rate(self) -> float | None:
        """Share implemented (0 to 1), or None when nothing is counted."""
        return self.implemented / self.counted if self.counted else None

    @property
    def percent(self) -> int | None:
        """The rate as a whole percentage, rounded half up (None when nothing is counted)."""
        return None if not self.counted else (200 * self.implemented + self.counted) // (2 * self.counted)


@dataclass(frozen=True)
class ImplementationRates:
    windows: tuple[RateWindow, ...]
    total: int
    """Recommendations in the scope."""
    no_response: int
    """Left out of every window: no response is recorded (awaited, not required, or no decision)."""
    undated: int
    """Left out of every window: a response is recorded but its date is not stated."""
    as_of: dt.date

    @property
    def dated(self) -> int:
        """Recommendations with a stated response date (the windows count from it)."""
        return self.total - self.no_response - self.undated


def implemented_by(rec: Recommendation, day: dt.date) -> bool | None:
    """Whether the recommendation counted as implemented on ``day``, by the updates and
    sign-offs certainly given by then: True, False (not, or not yet), or None when it was
    closed with a status or decision that counts neither way."""
    latest = _latest_by(rec.updates, day)
    if latest is not None:
        status = latest.status
        if not status.closed:
            return False
        if status.needs_sign_off:
            signed = latest.sign_off
            if signed is None or (signed.date is not None and signed.date.last > day):
                return False
        return status.implemented
    decision = rec.response.decision if rec.response else None
    if decision is not None and decision.closed:
        return decision.implemented
    return False


def implementation_rates(items: Iterable[Item], as_of: dt.date, windows: tuple[int, ...] = WINDOWS) -> ImplementationRates:
    items = list(items)
    no_response = sum(1 for _, rec in items if rec.response is None)
    undated = sum(1 for _, rec in items if rec.response is not None and rec.response.date is None)
    dated = [rec for _, rec in items if rec.response is not None and rec.response.date is not None]
    moved: dict[tuple[dt.date, int], dt.date] = {}  # responses share their meetings' days

    def later(day: dt.date, months: int) -> dt.date:
        if (day, months) not in moved:
            moved[day, months] = add_months(day, months)
        return moved[day, months]

    out = []
    for months in windows:
        implemented = counted = too_recent = neither = 0
        for rec in dated:
            responded = rec.response.date
            if later(responded.last, months) > as_of:
                too_recent += 1
                continue
            # only what was certainly given within the window: from the earliest day the
            # response can have been given
            outcome = implemented_by(rec, later(responded.first, months))
            if outcome is None:
                neither += 1
                continue
            counted += 1
            implemented += outcome
        out.append(RateWindow(months, implemented, counted, too_recent, neither))
    return ImplementationRates(tuple(out), len(items), no_response, undated, as_of)


# --- response timeliness -----------------------------------------------------------------

TIMELINESS = (
    ("on-time", N_("Given by the deadline")),
    ("late", N_("Given after the deadline")),
    ("overdue", N_("Awaited, past the deadline")),
    ("awaited", N_("Awaited, not yet due")),
    ("unclear", N_("Given, timing unknown")),
    ("deadline-unknown", N_("Deadline unknown")),
    ("no-decision", N_("No decision recorded")),
)
"""(key, words) of each timeliness category, in the order they are shown (words in English:
a catalogue message, translated where shown)."""


TIMELINESS_PHRASE = {
    "on-time": N_("%(num)s given by the deadline"),
    "late": N_("%(num)s given after the deadline"),
    "overdue": N_("%(num)s awaited past the deadline"),
    "awaited": N_("%(num)s awaited and not yet due"),
    "unclear": N_("%(num)s given, timing unknown"),
    "deadline-unknown": N_("%(num)s with an unknown deadline"),
    "no-decision": N_("%(num)s with no decision recorded"),
}
"""Each category in a sentence ("3 given after the deadline": the noun is left out, so
one form serves every number; translate with ``gettext(..., num=n)``)."""


TIMELINESS_MEANING = {
    "on-time": N_("The response is dated on or before the deadline."),
    "late": N_("The response is dated after the deadline."),
    "overdue": N_("No response is recorded and the deadline has passed."),
    "awaited": N_("No response is recorded and the deadline has not yet passed."),
    "unclear": N_("A response is recorded, but its date is not stated, or is stated only as a "
                  "month or year that includes the deadline."),
    "deadline-unknown": N_("The report does not say when it went to the executive, so "
                           "the deadline is not known."),
    "no-decision": N_("The executive never recorded a decision; progress is logged without one."),
}
"""What each category means (English; translate with ``_`` where shown)."""


@dataclass(frozen=True)
class Timeliness:
    counts: tuple[tuple[str, str, int], ...]
    """(key, words, count) for every category of :data:`TIMELINESS`, zeros included."""
    total: int
    """Recommendations in the scope."""
    not_required: int
    """Left out: no executive response is due for them."""
    as_of: dt.date

    @property
    def expected(self) -> int:
        """Recommendations counted (a response is, or was, due)."""
        return self.total - self.not_required

    def count(self, key: str) -> int:
        return next(n for k, _, n in self.counts if k == key)


def timeliness_of(report: Report, rec: Recommendation, config: SiteConfig) -> str | None:
    """The :data:`TIMELINESS` key of one recommendation; None when no response is due."""
    if rec.response_state == "not-required":
        return None
    if rec.response_state == "none-recorded":
        return "no-decision"
    deadline = response_deadline(report, config)
    if deadline is None:
        return "deadline-unknown"
    if rec.response is None:
        return "overdue" if config.as_of > deadline else "awaited"
    day = rec.response.date
    if day is None:
        return "unclear"
    if day.last <= deadline:
        return "on-time"
    if day.first > deadline:
        return "late"
    return "unclear"


def response_timeliness(items: Iterable[Item], config: SiteConfig) -> Timeliness:
    items = list(items)
    keys = [timeliness_of(report, rec, config) for report, rec in items]
    counts = tuple((key, words, keys.count(key)) for key, words in TIMELINESS)
    return Timeliness(counts, len(items), keys.count(None), config.as_of)
