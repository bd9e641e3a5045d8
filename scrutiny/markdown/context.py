"""What the Markdown plugins know while they parse one report, and what they record.

References are resolved here, the same way for phrases ("Recommendation 5"), explicit
links (``rec:5``) and placements (``[[recommendation 5]]``). A written reference names
(:meth:`ParseContext.resolve`, a :class:`Target`):

* ``recommendation``: one recommendation of the report, exactly (``5b`` = ``5(b)``);
* ``group``: every recommendation that is a part of it (``5`` when the report has 5a, 5b
  and 5c): the whole group, never silently its first part;
* ``ambiguous``: both (a report with ``1`` and ``1.1``): a problem;
* ``not-reproduced``: a reference the report lists under ``not_reproduced`` (or a part of
  one, or a group of them): no problem and no link;
* ``unchecked``: the report's recommendations could not be read (its own problems say
  why): no problem and no link;
* ``unknown``: nothing: a problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from markdown_it.token import Token

from ..model import Markdown, RecNumber, Report
from ..problems import Problems


@dataclass(frozen=True)
class Citation:
    """A place in a report's text that cites a recommendation (a backlink)."""

    report_id: str
    """The report whose text cites."""
    section: str
    """Slug of the citing section ("" for a field such as a recommendation's text)."""
    paragraph: int | None
    """Number of the citing paragraph, when numbered."""
    anchor: str
    """Fragment of the citing place on the report page (``p58`` or the section slug)."""
    target: tuple[str, RecNumber]
    """(report id, number) of the cited recommendation (a group's citation is one per part)."""


@dataclass(frozen=True)
class Placement:
    """Where an author placed a recommendation's box with ``[[recommendation N]]``."""

    section: str
    after_paragraph: int | None


@dataclass(frozen=True)
class RecIndex:
    """One report's references, for resolving what its own and other reports' text cites."""

    numbers: tuple[RecNumber, ...]
    """Its recommendations' references, in document order, as the council wrote them."""
    not_reproduced: tuple[RecNumber, ...] = ()
    """References the source has but the content does not reproduce."""

    @classmethod
    def of(cls, report: Report) -> "RecIndex | None":
        """The report's references; None when its recommendations could not be read."""
        if not report.recommendations_read:
            return None
        return cls(tuple(r.number for r in report.recommendations), tuple(report.not_reproduced))

    @classmethod
    def coerce(cls, value: "RecIndex | Iterable[RecNumber] | None") -> "RecIndex | None":
        """An index entry as given: a RecIndex, None, or a plain collection of numbers (a
        set is put in sort order, a sequence is taken as document order)."""
        if value is None or isinstance(value, RecIndex):
            return value
        numbers = sorted(value) if isinstance(value, (set, frozenset)) else list(value)
        return cls(tuple(numbers))

    def __post_init__(self) -> None:
        object.__setattr__(self, "_position", {n: i for i, n in reversed(list(enumerate(self.numbers)))})

    def __contains__(self, number: RecNumber) -> bool:
        return number in self._position  # type: ignore[attr-defined]

    def position(self, number: RecNumber) -> int:
        return self._position[number]  # type: ignore[attr-defined]

    def parts_of(self, number: RecNumber) -> tuple[RecNumber, ...]:
        """The recommendations that are parts of ``number`` (``5a``, ``5b`` of ``5``), in document order."""
        return tuple(n for n in self.numbers if number.contains(n))

    def is_not_reproduced(self, number: RecNumber) -> bool:
        return any(n == number or n.contains(number) or number.contains(n) for n in self.not_reproduced)


@dataclass(frozen=True)
class Target:
    """What a written reference names in a report (see the module docstring for ``kind``)."""

    kind: str
    """``recommendation``, ``group``, ``ambiguous``, ``not-reproduced``, ``unchecked`` or ``unknown``."""
    report_id: str
    number: RecNumber
    """The recommendation (as the council wrote it), the group (written as its parts write
    it: ``5`` of ``5(a)``), or the reference as the author wrote it."""
    members: tuple[RecNumber, ...] = ()
    """A group's (or an ambiguous reference's) parts, in document order."""

    @property
    def linked(self) -> bool:
        return self.kind in ("recommendation", "group")

    @property
    def cited(self) -> tuple[RecNumber, ...]:
        """The recommendations a citation of it backlinks: itself, or every part of a group."""
        if self.kind == "recommendation":
            return (self.number,)
        return self.members if self.kind == "group" else ()

    @property
    def href(self) -> str:
        return f"rec:{self.report_id}/{self.number.slug}"

    def meta(self) -> dict:
        """Link token meta: ``rec`` is (report id, number); a group adds ``group``, its parts."""
        meta: dict = {"rec": (self.report_id, self.number)}
        if self.kind == "group":
            meta["group"] = self.members
        return meta


def _written_as(member: RecNumber, depth: int, fallback: RecNumber) -> RecNumber:
    """The first ``depth`` parts of ``member`` as its own text writes them (``5`` of ``5(b)``)."""
    ref: RecNumber | None = member
    while ref is not None and len(ref.parts) > depth:
        ref = ref.group
    return ref if ref is not None and ref.text else fallback


@dataclass
class ParseContext:
    """Mutable state of one report's parse; lives in ``env["scrutiny"]``."""

    report: Report
    index: Mapping[str, "RecIndex | Iterable[RecNumber] | None"]
    """Every report's references (a :class:`RecIndex`, or a plain collection of numbers),
    for ``rec:other-report/4`` links; None for a report whose recommendations could not
    be read (citations of it are not checked)."""
    problems: Problems
    markdown: Markdown | None = None
    section: str = ""
    paragraph_counter: int = 0
    last_paragraph: int | None = None
    citations: list[Citation] = field(default_factory=list)
    placements: dict[RecNumber, Placement] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.index = {rid: RecIndex.coerce(value) for rid, value in self.index.items()}
        # The report's own references come from the report itself, in document order.
        if self.index.get(self.report.id, ()) is not None:
            self.index[self.report.id] = RecIndex.of(self.report)

    def problem(self, line_in_text: int | None, message: str, hint: str = "") -> None:
        """Report at ``line_in_text`` (0-based, as in ``Token.map``) of the current Markdown."""
        assert self.markdown is not None
        src = self.markdown.source
        line = src.line + (line_in_text or 0)
        self.problems.add(src.path, line, message, hint)

    def refs(self, report_id: str | None = None) -> RecIndex | None:
        """A report's references (this report's by default); None when not checked."""
        return self.index.get(report_id or self.report.id)  # type: ignore[return-value]

    def resolve(self, number: RecNumber, report_id: str | None = None) -> Target:
        """What ``number`` names in a report (this one by default): see the module docstring."""
        report_id = report_id or self.report.id
        refs = self.refs(report_id)
        if refs is None:
            return Target("unchecked", report_id, number)
        parts = refs.parts_of(number)
        if number in refs:
            exact = refs.numbers[refs.position(number)]
            return Target("ambiguous", report_id, exact, parts) if parts else Target("recommendation", report_id, exact)
        if parts:
            return Target("group", report_id, _written_as(parts[0], len(number.parts), number), parts)
        if refs.is_not_reproduced(number):
            return Target("not-reproduced", report_id, number)
        return Target("unknown", report_id, number)

    def cite(self, target: tuple[str, RecNumber]) -> None:
        para = self.last_paragraph
        anchor = f"p{para}" if para else self.section
        self.citations.append(Citation(self.report.id, self.section, para, anchor, target))

    def cite_target(self, target: Target) -> None:
        """Cite a recommendation, or every part of a group."""
        for number in target.cited:
            self.cite((target.report_id, number))


def listed(numbers: Iterable[RecNumber]) -> str:
    """``1.1 and 1.2``, ``1.1, 1.2 and 1.3``; four or more as ``1.1 to 1.9``."""
    shown = [str(n) for n in numbers]
    if len(shown) > 3:
        return f"{shown[0]} to {shown[-1]}"
    return ", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else "".join(shown)


def ambiguity(target: Target) -> tuple[str, str]:
    """Message tail and hint for an ambiguous reference (both a recommendation and a group)."""
    n = target.number
    message = (f"{target.report_id} has both a recommendation {n} and parts of {n} ({listed(target.members)}), "
               f"so it could mean {n} alone or all its parts")
    hint = (f"cite the parts by their own references, or change recommendations.yaml so that {n} does not also "
            f"start other references; if {n} is only their shared opening words, make it their stem by listing "
            f"them under its `parts:`")
    return message, hint


def text_token(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token
