"""What the Markdown plugins know while they parse one report, and what they record."""

from __future__ import annotations

from dataclasses import dataclass, field

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
    """(report id, number) of the cited recommendation."""


@dataclass(frozen=True)
class Placement:
    """Where an author placed a recommendation's box with ``[[recommendation N]]``."""

    section: str
    after_paragraph: int | None


@dataclass
class ParseContext:
    """Mutable state of one report's parse; lives in ``env["scrutiny"]``."""

    report: Report
    index: dict[str, set[RecNumber] | None]
    """Every report's recommendation numbers, for ``rec:other-report/4`` links (None for a
    report that could not be read: links to it are not checked)."""
    problems: Problems
    markdown: Markdown | None = None
    section: str = ""
    paragraph_counter: int = 0
    last_paragraph: int | None = None
    citations: list[Citation] = field(default_factory=list)
    placements: dict[RecNumber, Placement] = field(default_factory=dict)

    def problem(self, line_in_text: int | None, message: str, hint: str = "") -> None:
        """Report at ``line_in_text`` (0-based, as in ``Token.map``) of the current Markdown."""
        assert self.markdown is not None
        src = self.markdown.source
        line = src.line + (line_in_text or 0)
        self.problems.add(src.path, line, message, hint)

    def numbers(self, report_id: str | None = None) -> set[RecNumber]:
        return self.index.get(report_id or self.report.id) or set()

    def resolve(self, number: RecNumber, report_id: str | None = None) -> RecNumber | None:
        """The recommendation a number names: exact, or the first sub-letter of a theme number."""
        known = self.numbers(report_id)
        if number in known:
            return number
        if not number.letter:
            subs = sorted(n for n in known if n.number == number.number)
            if subs:
                return subs[0]
        return None

    def cite(self, target: tuple[str, RecNumber]) -> None:
        para = self.last_paragraph
        anchor = f"p{para}" if para else self.section
        self.citations.append(Citation(self.report.id, self.section, para, anchor, target))


def text_token(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token
