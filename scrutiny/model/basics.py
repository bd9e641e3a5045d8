"""The small values every record of the content model is built of: where a record was
written (:class:`Source`), a piece of an author's Markdown with its place
(:class:`Markdown`), a council's reference for a recommendation, compared by its parts
(:class:`RecNumber`), and a named person with a role (:class:`Person`). Frozen
dataclasses, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


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

    def __hash__(self) -> int:
        """Worked out once: a build looks each field up by it tens of thousands of times
        (its tokens, its plain text), and the text is long."""
        try:
            return self.__dict__["_hash"]
        except KeyError:
            h = hash((self.text, self.source, self.numbered))
            object.__setattr__(self, "_hash", h)
            return h

    def __getstate__(self) -> dict:
        """The fields alone: a string's hash differs from one process to the next, so the
        cached hash is never pickled (nor part of any key made from a pickle)."""
        state = dict(self.__dict__)
        state.pop("_hash", None)
        return state


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
