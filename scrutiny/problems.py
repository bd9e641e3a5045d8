"""Problems found in the content: collected, never raised one at a time.

Every loader and check appends :class:`Problem` records to one :class:`Problems`
list; the build stops once, after every file was read, and prints them all.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Iterable


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, at a place an author can find."""

    path: str
    """Path of the file, relative to the project root (``content/reports/x/report.yaml``)."""
    line: int
    """1-based line number; 0 when the problem concerns the whole file."""
    message: str
    """What is wrong, in plain words."""
    hint: str = ""
    """How to fix it."""
    column: int = 0
    """1-based column (in characters) on ``line``; 0 when the problem concerns the whole line."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.line and self.column:
            where += f":{self.column}"
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}: {self.message}{hint}"


@dataclass
class Problems:
    """An append-only list of problems shared by every stage of a run."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int, message: str, hint: str = "", column: int = 0) -> None:
        self.items.append(Problem(str(path), line, message, hint, column))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(sorted(set(self.items)))


class ContentError(Exception):
    """Raised once, at the end of loading, when any problem was found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} problem(s) in the content")

    def report(self) -> str:
        lines = [str(p) for p in self.problems]
        noun = "problem" if len(lines) == 1 else "problems"
        lines.append(f"{len(self.problems)} {noun} found; nothing was written.")
        return "\n".join(lines)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``did you mean "x"?`` for the closest choice, else the list of choices."""
    choices = sorted(set(choices))
    close = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    if close:
        return f'did you mean "{close[0]}"?'
    if not choices:
        return "none are defined"
    shown = ", ".join(choices[:12]) + (", ..." if len(choices) > 12 else "")
    return f"expected one of: {shown}"
