"""Token stream to Word: paragraphs, headings, lists, tables, links and footnotes.

The same markdown-it tokens as the web page, written into a python-docx document
with real styles: Heading 1-9 (never skipping a level), List Bullet / List Number
(each ordered list restarts at its own start), tables with a repeating header row,
``w:hyperlink`` links, numbered paragraphs that keep their numbers (and a bookmark
``p<n>``), and footnotes as a "Notes" list after the text they belong to, with
superscript reference numbers linked to them.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Callable, Sequence

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from markdown_it.token import Token

from ..model import RecNumber
from .docx_oxml import (HYPERLINK_STYLE, add_bookmark, add_hyperlink, bottom_border, link_run,
                        repeat_header_row, restart_numbering, set_numbering, set_table_caption)

MONO = "Liberation Mono"
NUMBER_INDENT = Cm(1.25)


@dataclass
class _Inline:
    """Formatting state while writing one inline token's children."""

    bold: int = 0
    italic: int = 0
    link: object | None = None


@dataclass
class _Blocks:
    """State while writing one token stream."""

    shift: int
    notes_id: str
    base_style: str | None
    lists: list[dict] = field(default_factory=list)
    quote: int = 0
    new_item: bool = False
    note: int | None = None
    paragraph: Paragraph | None = None


class DocxWriter:
    """Writes token streams and headings into one python-docx document."""

    def __init__(self, document: Document, *, rec_href: Callable[[str, RecNumber], str],
                 rec_box: Callable[[RecNumber], None], data_table: Callable[[str], None]):
        self.doc = document
        self.rec_href, self.rec_box, self.data_table = rec_href, rec_box, data_table
        self.last_heading = 0
        self.bookmark_ids = itertools.count(1)

    # --- headings and plain paragraphs ----------------------------------------------

    def heading(self, text: str, level: int, bookmark: str = "", children: Sequence[Token] = ()) -> Paragraph:
        """A real Heading N paragraph; a level deeper than the last heading + 1 is raised."""
        level = max(1, min(level, self.last_heading + 1, 9))
        self.last_heading = level
        paragraph = self.doc.add_paragraph(style=f"Heading {level}")
        if children:
            self.inline(paragraph, children)
        else:
            paragraph.add_run(text)
        if bookmark:
            self.bookmark(paragraph, bookmark)
        return paragraph

    def bookmark(self, paragraph: Paragraph, name: str) -> None:
        add_bookmark(paragraph, name, next(self.bookmark_ids))

    def labelled(self, label: str, value: str, style: str | None = None) -> Paragraph:
        """A "Label: value" paragraph with the label in bold."""
        paragraph = self.doc.add_paragraph(style=style)
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
        return paragraph

    # --- token streams --------------------------------------------------------------

    def write(self, tokens: Sequence[Token], *, shift: int = 0, notes_id: str = "", base_style: str | None = None,
              notes_level: int = 2) -> None:
        """Write a whole token stream. ``shift`` is added to Markdown heading levels;
        ``base_style`` is the style of every paragraph (the recommendation box, a list
        continuation), else it follows the blocks (lists, quotes, Normal)."""
        state = _Blocks(shift, notes_id, base_style)
        i = 0
        while i < len(tokens):
            i = self._block(tokens, i, state, notes_level)

    def _block(self, tokens: Sequence[Token], i: int, s: _Blocks, notes_level: int) -> int:
        t = tokens[i]
        kind = t.type
        if kind == "heading_open":
            self.heading("", int(t.tag[1]) + s.shift, children=tokens[i + 1].children or ())
            return i + 3
        if kind == "table_open":
            end = next(j for j in range(i, len(tokens)) if tokens[j].type == "table_close")
            self.table_from_tokens(tokens[i:end + 1])
            return end + 1
        if kind == "footnote_block_open":
            self.heading("Notes", notes_level)
        handler = _BLOCK_HANDLERS.get(kind)
        if handler:
            handler(self, t, s)
        return i + 1

    def _paragraph_open(self, t: Token, s: _Blocks) -> None:
        s.paragraph = self.doc.add_paragraph(style=self._paragraph_style(s))
        if s.lists and s.new_item and s.lists[-1]["num_id"]:
            set_numbering(s.paragraph, s.lists[-1]["num_id"])
        s.new_item = False
        number = (t.meta or {}).get("number")
        if number and not s.lists and not s.quote:
            self._number(s.paragraph, str(number), f"p{number}")
        elif s.note is not None:
            self._number(s.paragraph, f"{s.note}.", f"note_{s.notes_id}_{s.note}")
            s.note = None

    def _number(self, paragraph: Paragraph, label: str, bookmark: str) -> None:
        fmt = paragraph.paragraph_format
        fmt.left_indent, fmt.first_line_indent = NUMBER_INDENT, -NUMBER_INDENT
        fmt.tab_stops.add_tab_stop(NUMBER_INDENT)
        paragraph.add_run(label).bold = True
        paragraph.add_run("\t")
        self.bookmark(paragraph, bookmark)

    def _paragraph_style(self, s: _Blocks) -> str:
        if s.base_style:
            return s.base_style
        if s.lists:
            top = s.lists[-1]
            suffix = "" if len(s.lists) == 1 else f" {min(len(s.lists), 3)}"
            if not s.new_item:
                return f"List Continue{suffix}"
            return ("List Number" if top["ordered"] else "List Bullet") + suffix
        return "Quote" if s.quote else "Normal"

    def _inline_token(self, t: Token, s: _Blocks) -> None:
        if s.paragraph is not None:
            self.inline(s.paragraph, t.children or (), notes_id=s.notes_id)

    def _list_open(self, t: Token, s: _Blocks) -> None:
        ordered = t.type == "ordered_list_open"
        num_id = None
        if ordered:
            style = "List Number" + ("" if not s.lists else f" {min(len(s.lists) + 1, 3)}")
            num_id = restart_numbering(self.doc, style, int(t.attrGet("start") or 1))
        s.lists.append({"ordered": ordered, "num_id": num_id})

    def _code(self, t: Token, s: _Blocks) -> None:
        paragraph = self.doc.add_paragraph(style=s.base_style or "Normal")
        lines = t.content.rstrip("\n").split("\n")
        for n, line in enumerate(lines):
            run = paragraph.add_run(line)
            run.font.name = MONO
            if n < len(lines) - 1:
                run.add_break()

    def _hr(self, t: Token, s: _Blocks) -> None:
        bottom_border(self.doc.add_paragraph())

    # --- inline ---------------------------------------------------------------------

    def inline(self, paragraph: Paragraph, children: Sequence[Token], notes_id: str = "") -> None:
        st = _Inline()
        for child in children:
            kind = child.type
            if kind in ("text", "code_inline"):
                self._run(paragraph, child.content, st, mono=kind == "code_inline")
            elif kind == "softbreak":
                self._run(paragraph, " ", st)
            elif kind == "hardbreak":
                self._run(paragraph, "", st).add_break()
            elif kind in ("strong_open", "strong_close"):
                st.bold += 1 if kind == "strong_open" else -1
            elif kind in ("em_open", "em_close"):
                st.italic += 1 if kind == "em_open" else -1
            elif kind == "link_open":
                st.link = self._link(paragraph, child)
            elif kind == "link_close":
                st.link = None
            elif kind == "footnote_ref":
                self._footnote_ref(paragraph, child, notes_id)

    def _run(self, paragraph: Paragraph, text: str, st: _Inline, mono: bool = False):
        run = paragraph.add_run(text, style=HYPERLINK_STYLE if st.link is not None else None)
        run.bold = True if st.bold else None
        run.italic = True if st.italic else None
        if mono:
            run.font.name = MONO
        if st.link is not None:
            st.link.append(run._r)
        return run

    def _link(self, paragraph: Paragraph, token: Token):
        rec = (token.meta or {}).get("rec")
        href = str(token.attrGet("href") or "")
        if rec:
            return add_hyperlink(paragraph, url=self.rec_href(*rec))
        if href.startswith("#") and len(href) > 1:
            return add_hyperlink(paragraph, anchor=href[1:])
        return add_hyperlink(paragraph, url=href) if href else None

    def _footnote_ref(self, paragraph: Paragraph, token: Token, notes_id: str) -> None:
        number = token.meta["id"] + 1
        run = link_run(paragraph, str(number), anchor=f"note_{notes_id}_{number}")
        run.font.superscript = True

    # --- tables ---------------------------------------------------------------------

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]], caption: str = "",
              numeric: Sequence[bool] = ()):
        """A real table of plain texts; figures (``numeric`` columns but the first)
        right aligned."""
        table = self.new_table(len(header), len(rows), caption)
        for cell, text in zip(table.rows[0].cells, header):
            cell.paragraphs[0].add_run(text).bold = True
        for tr, row in zip(table.rows[1:], rows):
            for n, (cell, text) in enumerate(zip(tr.cells, row)):
                cell.paragraphs[0].add_run(text)
                if 0 < n < len(numeric) and numeric[n]:
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        return table

    def table_from_tokens(self, tokens: Sequence[Token]) -> None:
        """A Markdown table: cells keep their inline formatting and links."""
        head, rows = _cells(tokens), _rows(tokens)
        table = self.new_table(len(head), len(rows), "")
        for cell, inline in zip(table.rows[0].cells, head):
            self.inline(cell.paragraphs[0], inline.children or ())
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for tr, row in zip(table.rows[1:], rows):
            for cell, inline in zip(tr.cells, row):
                self.inline(cell.paragraphs[0], inline.children or ())

    def new_table(self, columns: int, rows: int, caption: str):
        """"Table Grid" style, first row a header row repeating on every page, the
        caption as a Caption paragraph above and as the table's title."""
        if caption:
            self.doc.add_paragraph(caption, style="Caption")
        table = self.doc.add_table(rows=1 + rows, cols=columns, style="Table Grid")
        repeat_header_row(table)
        set_table_caption(table, caption)
        return table


def _cells(tokens: Sequence[Token]) -> list[Token]:
    """The header cells of a Markdown table."""
    out, in_head = [], False
    for t in tokens:
        if t.type in ("thead_open", "thead_close"):
            in_head = t.type == "thead_open"
        elif t.type == "inline" and in_head:
            out.append(t)
    return out


def _rows(tokens: Sequence[Token]) -> list[list[Token]]:
    rows: list[list[Token]] = []
    in_body = False
    for t in tokens:
        if t.type in ("tbody_open", "tbody_close"):
            in_body = t.type == "tbody_open"
        elif in_body and t.type == "tr_open":
            rows.append([])
        elif in_body and t.type == "inline":
            rows[-1].append(t)
    return rows


def _set(attr: str, value):
    def handler(writer: DocxWriter, t: Token, s: _Blocks) -> None:
        setattr(s, attr, value(s, t) if callable(value) else value)
    return handler


def _list_close(writer: DocxWriter, t: Token, s: _Blocks) -> None:
    s.lists.pop()


def _quote(delta: int):
    def handler(writer: DocxWriter, t: Token, s: _Blocks) -> None:
        s.quote += delta
    return handler


_BLOCK_HANDLERS: dict[str, Callable[[DocxWriter, Token, _Blocks], None]] = {
    "paragraph_open": DocxWriter._paragraph_open,
    "paragraph_close": _set("paragraph", None),
    "inline": DocxWriter._inline_token,
    "bullet_list_open": DocxWriter._list_open,
    "ordered_list_open": DocxWriter._list_open,
    "bullet_list_close": _list_close,
    "ordered_list_close": _list_close,
    "list_item_open": _set("new_item", True),
    "blockquote_open": _quote(1),
    "blockquote_close": _quote(-1),
    "code_block": DocxWriter._code,
    "fence": DocxWriter._code,
    "hr": DocxWriter._hr,
    "footnote_open": _set("note", lambda s, t: t.meta["id"] + 1),
    "rec_box": lambda w, t, s: [w.rec_box(n) for n in t.meta["numbers"]],
    "data_table": lambda w, t, s: w.data_table(t.meta["id"]),
}
