"""Token stream to plain blocks of text: what the plain-text, Braille and audio formats share.

:class:`TextRenderer` walks the same markdown-it token stream as the web page and gives
:class:`Block` objects (a heading, a paragraph with its number or list marker, a table,
preformatted lines). :func:`scrutiny.render.textlayout.layout` wraps blocks into lines of
a given width for the plain-text file; Braille translates the block texts first and lays
them out itself; audio reads them aloud (:mod:`.speech`). Links and footnotes become numbered notes (``[1]``)
listed after the text they belong to; recommendation links name the recommendation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Sequence

from markdown_it.token import Token

from ..i18n import _
from ..model import DataTable, RecNumber, Report
from ..publication import Publication
from ..urls import absolute, recommendation_url

BULLET = "- "
PARA_MARK_WIDTH = 5
"""Paragraph numbers take at least this many columns ("58.  "), so texts line up."""


@dataclass(frozen=True)
class Table:
    """A table as plain strings: caption, header and rows, then source and notes lines."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Block:
    """One block of text, not yet wrapped."""

    kind: str
    """``heading``, ``para``, ``pre`` (keep lines), ``table`` or ``rule``."""
    text: str = ""
    level: int = 0
    """Heading level: 1 the report title, 2 a part or section, 3 and more sub-headings."""
    marker: str = ""
    """First-line label with a hanging indent: ``"58.  "``, ``"- "``, ``"[1] "``, ``"Owner: "``."""
    indent: int = 0
    """Nesting depth (list, quote, recommendation box); each step is 2 columns or cells."""
    tight: bool = False
    """No blank line before it (the next item of a tight list, a field of a record)."""
    number: int | None = None
    """The report's running paragraph number, when the paragraph has one."""
    table: Table | None = None


def heading(text: str, level: int) -> Block:
    return Block("heading", text, level=level)


def para(text: str, marker: str = "", indent: int = 0, tight: bool = False) -> Block:
    return Block("para", text, marker=marker, indent=indent, tight=tight)


def rec_label(number: RecNumber, speech: bool = False) -> str:
    """``Recommendation 2a`` (print) or ``Recommendation 2A`` (speech, said "two A")."""
    return _("Recommendation %(ref)s", ref=spoken_number(number) if speech else number)


def spoken_number(number: RecNumber) -> str:
    return f"{number.number}{number.letter.upper()}"


def is_abbreviation(term: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&]{1,7}s?", term))


def spell(term: str) -> str:
    """An all-capitals abbreviation spelt out for speech ("LAC" -> "L.A.C.")."""
    if term.isalpha() and term.isupper() and len(term) <= 6:
        return "".join(f"{c}." for c in term)
    return term


_SMALL_WORDS = {"and", "of", "the", "for", "in", "on", "to", "a", "an", "with"}


def expansion(term: str, definition: str) -> str:
    """What an abbreviation stands for, from its glossary definition: the words before the
    first punctuation when their initials spell it ("CAF" from "Common Assessment
    Framework: an assessment tool ..."), or a short definition whole; "" for terms that
    are not abbreviations and for definitions that explain rather than expand."""
    if not is_abbreviation(term):
        return ""
    head = re.split(r"[:;.,(–—]| - ", definition, maxsplit=1)[0].strip()
    head = re.sub(r"^(the|a|an)\s+", "", head, flags=re.IGNORECASE)
    words = re.findall(r"[A-Za-z][\w'’-]*", head)
    letters = re.sub(r"[^A-Z]", "", term.rstrip("s").upper())
    initials = ("".join(w[0] for w in words if w.lower() not in _SMALL_WORDS).upper(),
                "".join(w[0] for w in words).upper())
    if words and letters in initials:
        return head
    return definition.strip().rstrip(".") if len(definition.split()) <= 6 else ""


def table_title(table: Table) -> str:
    """``Table: <caption>``, unless the caption already starts with "Table"."""
    caption = table.caption.strip()
    return caption if re.match(r"(?i)(table|tabl)\b", caption) else _("Table: %(caption)s", caption=caption)


def cell_text(value: object) -> str:
    return "" if value is None else str(value)


def data_table(table: DataTable) -> Table:
    notes = tuple(([_("Source: %(source)s", source=table.source_note)] if table.source_note else [])
                  + list(table.notes))
    rows = tuple(tuple(cell_text(v) for v in row) for row in table.rows)
    return Table(table.caption, tuple(table.columns), rows, notes)


@dataclass
class Notes:
    """The numbered notes of one token stream: footnotes and link addresses, in order."""

    entries: list[tuple[str, object]] = field(default_factory=list)
    footnotes: dict[int, int] = field(default_factory=dict)

    def link(self, label: str, url: str) -> int:
        self.entries.append(("link", (label, url)))
        return len(self.entries)

    def footnote(self, footnote_id: int) -> int:
        if footnote_id not in self.footnotes:
            self.entries.append(("footnote", footnote_id))
            self.footnotes[footnote_id] = len(self.entries)
        return self.footnotes[footnote_id]


@dataclass
class _List:
    ordered: bool
    next: int
    items: int = 0


@dataclass
class _Walk:
    """State of one walk over block tokens."""

    notes: Notes
    out: list[Block] = field(default_factory=list)
    heading: int = 0
    number: int | None = None
    lists: list[_List] = field(default_factory=list)
    marker: str = ""
    quote: int = 0
    hidden: bool = False
    """The paragraph is in a tight list (no blank line between items)."""
    table: list[list[str]] | None = None


class TextRenderer:
    """Walks token streams of one report into blocks, in print or in speech wording.

    In speech wording links give only their words, paragraph numbers are kept for the
    reader to say, recommendation numbers are said clearly ("2A") and each glossary
    abbreviation is expanded the first time it is met (call :meth:`new_part` per track).
    """

    def __init__(self, pub: Publication, report: Report, speech: bool = False):
        self.pub = pub
        self.report = report
        self.speech = speech
        self.seen: set[str] = set()

    def new_part(self) -> None:
        """Start a new part (an audio track): abbreviations are expanded again."""
        self.seen = set()

    # --- blocks ---------------------------------------------------------------------

    def blocks(self, tokens: Sequence[Token], indent: int = 0) -> list[Block]:
        """The blocks of a token stream, followed by its numbered notes."""
        end = next((i for i, t in enumerate(tokens) if t.type == "footnote_block_open"), len(tokens))
        walk = _Walk(Notes())
        for token in tokens[:end]:
            self._token(walk, token)
        out = walk.out + self._notes(walk.notes, tokens[end:])
        if indent:
            out = [replace(b, indent=b.indent + indent) for b in out]
        return out

    def _token(self, w: _Walk, token: Token) -> None:
        kind = token.type
        if kind == "heading_open":
            w.heading = int(token.tag[1]) + 1
        elif kind == "heading_close":
            w.heading = 0
        elif kind == "paragraph_open":
            w.number = (token.meta or {}).get("number") if token.level == 0 else None
            w.hidden = token.hidden
        elif kind == "inline":
            self._inline_block(w, token)
        elif kind in ("bullet_list_open", "ordered_list_open"):
            w.lists.append(_List(kind == "ordered_list_open", int(token.attrGet("start") or 1)))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            w.lists.pop()
        elif kind == "list_item_open":
            self._list_item(w)
        elif kind in ("blockquote_open", "blockquote_close"):
            w.quote += 1 if kind == "blockquote_open" else -1
        elif kind in ("fence", "code_block"):
            w.out.append(Block("pre", token.content.rstrip("\n"), indent=self._depth(w) + 1))
        elif kind == "hr":
            w.out.append(Block("rule"))
        elif kind == "rec_box":
            w.out.extend(self.rec_boxes(token.meta["numbers"]))
        elif kind == "data_table":
            table = self.report.table(token.meta["id"])
            if table is not None:
                w.out.append(Block("table", table=data_table(table), indent=self._depth(w)))
        else:
            self._table_token(w, token)

    def _list_item(self, w: _Walk) -> None:
        lst = w.lists[-1]
        w.marker = f"{lst.next}. " if lst.ordered else BULLET
        lst.next += lst.ordered
        lst.items += 1

    def _depth(self, w: _Walk) -> int:
        return len(w.lists) + w.quote

    def _inline_block(self, w: _Walk, token: Token) -> None:
        text = self.inline(token.children or [], w.notes)
        if w.table is not None:
            w.table[-1].append(text)
        elif w.heading:
            w.out.append(heading(text, w.heading))
        elif w.lists:
            tight = bool(w.marker) and w.hidden and (w.lists[-1].items > 1 or len(w.lists) > 1)
            indent = len(w.lists) - 1 + w.quote
            if w.marker:
                w.out.append(para(text, w.marker, indent, tight))
            else:
                w.out.append(para(text, indent=indent + 1))
            w.marker = ""
        elif w.number:
            marker = f"{w.number}.".ljust(PARA_MARK_WIDTH - 1) + " "
            w.out.append(Block("para", text, marker=marker, indent=w.quote, number=w.number))
        else:
            w.out.append(para(text, indent=w.quote))

    def _table_token(self, w: _Walk, token: Token) -> None:
        kind = token.type
        if kind == "table_open":
            w.table = []
        elif kind == "tr_open" and w.table is not None:
            w.table.append([])
        elif kind == "table_close" and w.table is not None:
            rows = [tuple(r) for r in w.table]
            head = rows[0] if rows else ()
            w.out.append(Block("table", table=Table("", head, tuple(rows[1:])), indent=self._depth(w)))
            w.table = None

    def rec_boxes(self, numbers: Iterable[RecNumber]) -> list[Block]:
        """Placed recommendation boxes: the number, then the text, set in."""
        out: list[Block] = []
        for number in numbers:
            rec = self.report.recommendation(number)
            if rec is None:
                continue
            out.append(para(rec_label(number, self.speech), indent=2))
            out += [replace(b, tight=True) for b in self.blocks(self.pub.tokens(rec.text), indent=2)]
        return out

    # --- notes ------------------------------------------------------------------------

    def _notes(self, notes: Notes, footnote_tokens: Sequence[Token]) -> list[Block]:
        if not notes.entries:
            return []
        bodies = self._footnote_bodies(footnote_tokens)
        out = [para(_("Notes:") if not self.speech else _("Notes to this part."))]
        for n, (kind, value) in enumerate(notes.entries, start=1):
            if kind == "footnote":
                text = bodies.get(value, "")  # type: ignore[arg-type]
            else:  # link addresses are noted in print only
                label, url = value  # type: ignore[misc]
                text = f"{label}: {url}"
            marker = _("Note %(n)s: ", n=n) if self.speech else f"[{n}] "
            out.append(para(text, marker, tight=True))
        return out

    def _footnote_bodies(self, tokens: Sequence[Token]) -> dict[int, str]:
        bodies: dict[int, list[str]] = {}
        current = None
        for token in tokens:
            if token.type == "footnote_open":
                current = token.meta["id"]
                bodies[current] = []
            elif token.type == "inline" and current is not None:
                bodies[current].append(self.inline(token.children or [], None))
        return {k: " ".join(v) for k, v in bodies.items()}

    # --- inline -------------------------------------------------------------------------

    def inline(self, children: Sequence[Token], notes: Notes | None) -> str:
        """One paragraph's words; ``notes`` collects link addresses (None: say them inline)."""
        parts: list[str] = []
        stack: list[tuple[Token, int]] = []
        for child in children:
            kind = child.type
            if kind in ("text", "code_inline", "html_inline"):
                parts.append(child.content)
            elif kind == "softbreak":
                parts.append(" ")
            elif kind == "hardbreak":
                parts.append(" " if self.speech else "\n")
            elif kind in ("link_open", "abbr_open"):
                stack.append((child, len(parts)))
            elif kind in ("link_close", "abbr_close") and stack:
                opener, start = stack.pop()
                label = "".join(parts[start:])
                done = (self._link(opener, label, notes) if kind == "link_close"
                        else self._abbr(opener, label, "".join(parts[:start])))
                parts[start:] = [done]
            elif kind == "footnote_ref" and notes is not None:
                n = notes.footnote(child.meta["id"])
                parts.append(" " + _("(note %(n)s)", n=n) if self.speech else f"[{n}]")
            elif kind == "image":
                parts.append(child.content)
        return "".join(parts).strip()

    def _abbr(self, token: Token, term: str, before: str) -> str:
        """In speech, the words of an abbreviation and its letters, the first time in a part
        (unless the author has just written the words out)."""
        if not self.speech:
            return term
        words = expansion(term, (token.meta or {}).get("expansion", ""))
        written_out = bool(words) and before.rstrip(" (").lower().endswith(words.lower())
        if term in self.seen or not words or written_out:
            self.seen.add(term)
            return spell(term)
        self.seen.add(term)
        return f"{words} ({spell(term)})"

    def _link(self, token: Token, label: str, notes: Notes | None) -> str:
        rec = (token.meta or {}).get("rec")
        href = str(token.attrGet("href") or "")
        if rec:
            return self._rec_link(token, label, rec, notes)
        if href.startswith("#") or not href:
            return label
        if href.startswith(("mailto:", "tel:")):
            address = href.split(":", 1)[1]
            return label if label.strip() == address else f"{label} ({address})"
        if _same_url(label, href):
            return _("the web page at %(host)s", host=_host(href)) if self.speech else label
        if self.speech:
            return label
        if notes is None:
            return f"{label} ({href})"
        return f"{label} [{notes.link(label, href)}]"

    def _rec_link(self, token: Token, label: str, rec: tuple[str, RecNumber], notes: Notes | None) -> str:
        report_id, number = rec
        if (token.meta or {}).get("label"):  # a phrase such as "Recommendations 3-6": it names itself
            return spoken_number(number) if self.speech and label == str(number) else label
        name = rec_label(number, self.speech)
        if report_id == self.report.id:
            return _("%(label)s (see %(name)s)", label=label, name=name)
        other = self.pub.content.report(report_id)
        title = other.title if other else report_id
        values = {"label": label, "name": name, "title": title}
        if self.speech:
            return _("%(label)s (see %(name)s of the report %(title)s)", **values)
        url = absolute(self.pub.config, recommendation_url(report_id, number))
        if notes is None:
            return _("%(label)s (see %(name)s of the report %(title)s, %(url)s)", url=url, **values)
        note = notes.link(_("%(name)s of %(title)s", name=name, title=title), url)
        return _("%(label)s (see %(name)s of the report %(title)s [%(note)s])", note=note, **values)


def _same_url(label: str, href: str) -> bool:
    strip = re.compile(r"^(https?://|mailto:)?(www\.)?")
    return strip.sub("", label.strip()).rstrip("/") == strip.sub("", href).rstrip("/")


def _host(href: str) -> str:
    host = re.sub(r"^https?://(www\.)?", "", href).split("/", 1)[0]
    return host or href


def linear_rows(table: Table) -> list[list[str]]:
    """Each row as its "Column: value" strings (empty cells left out)."""
    out = []
    for row in table.rows:
        out.append([f"{col}: {val}" if col else val for col, val in zip(table.columns, row) if val != ""])
    return out
