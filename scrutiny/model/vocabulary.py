"""The words a council uses for the executive's decisions and the statuses of progress
updates: one :class:`Term` (its id, label and what it means for the tracker: closed,
implemented, needing a reason or a revised target) and the :class:`Vocabulary` of decisions
and statuses a committee's reports use. Frozen dataclasses, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass


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
