"""A recommendation and what follows it: the executive's :class:`Response` (its decision
and :class:`Action` s, each with owners and a target date) and the dated progress
:class:`Update` s (status, evidence, members' :class:`SignOff`). Frozen dataclasses, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..dates import KnownDate, TargetDate
from .basics import Markdown, Person, RecNumber, Source
from .vocabulary import Term


# --- recommendations ---------------------------------------------------------------

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
