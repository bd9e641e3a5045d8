"""Blocks to lines of plain text at a given width (the plain-text format's layout).

Headings: the report title underlined with ``=``, parts and sections with ``-``, sub-headings
in capitals, deeper ones underlined with ``~``. Paragraphs wrap at spaces with a hanging
indent after their number or label; a word longer than the room left (a web address) goes
whole on a line of its own. Tables are aligned in columns when they fit, else given as
"Column: value" lines row by row.
"""

from __future__ import annotations

import re
from typing import Sequence

from .text import Block, Table, linear_rows, table_title

UNDERLINE = {1: "=", 2: "-"}
MAX_HANG = 16
"""Runover lines hang under the text after a label up to this long, else 4 columns in."""
MIN_LAST_COLUMN = 30
"""A table too wide for the line keeps its columns if its last one can wrap in this room."""
NO_FIGURE = ("n/a", "na", "-", "–", "—", "..", "*", "x")
"""Cells standing for a missing figure in a column of figures."""


def layout(blocks: Sequence[Block], width: int = 80) -> list[str]:
    """Wrap blocks into lines of at most ``width`` characters, blank lines between blocks."""
    lines: list[str] = []
    for block in blocks:
        if lines and not block.tight:
            lines.append("")
            if block.kind == "heading" and block.level <= 2:
                lines.append("")
        lines.extend(block_lines(block, width))
    return lines


def block_lines(block: Block, width: int) -> list[str]:
    pad = " " * (2 * block.indent)
    if block.kind == "heading":
        return heading_lines(block, width)
    if block.kind == "rule":
        return [pad + "* * *"]
    if block.kind == "pre":
        return [seg for line in block.text.split("\n") for seg in hard_split(pad + line, width)]
    if block.kind == "table" and block.table is not None:
        return table_lines(block.table, width, pad)
    hang = len(block.marker) if len(block.marker) <= MAX_HANG else 4
    return wrap(block.text, width, pad + block.marker, pad + " " * hang)


def heading_lines(block: Block, width: int) -> list[str]:
    text = block.text.upper() if block.level == 3 else block.text
    lines = wrap(text, width, "", "")
    rule = UNDERLINE.get(block.level, "~" if block.level > 3 else "")
    if rule:
        lines.append(rule * max(len(line) for line in lines))
    return lines


def wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    """Wrap at spaces, never inside a word: a word (a URL) too long for the indented line
    goes on a line of its own from the margin, and is cut only if longer than a line."""
    out: list[str] = []
    for n, piece in enumerate(text.split("\n")):
        out += _wrap_words(piece.split(), width, first if n == 0 else rest, rest)
    return out


def _wrap_words(words: list[str], width: int, first: str, rest: str) -> list[str]:
    out: list[str] = []
    line, has_words = first, False
    for word in words:
        sep = " " if has_words else ""
        if len(line) + len(sep) + len(word) <= width:
            line, has_words = line + sep + word, True
            continue
        if has_words:
            out.append(line)
            line, has_words = rest, False
            if len(rest) + len(word) <= width:
                line, has_words = rest + word, True
                continue
        if line.strip():
            out.append(line.rstrip())  # a label alone: its long word goes below it
        line = rest
        out += hard_split(word, width)  # from the margin, whole if it fits
    if has_words or line.strip() or not out:
        out.append(line.rstrip())
    return out


def hard_split(line: str, width: int) -> list[str]:
    """Cut a line longer than ``width`` (only a word longer than a line makes one), after a
    ``/`` where there is one, so a web address breaks between its parts."""
    line = line.rstrip()
    out = []
    while len(line) > width:
        cut = line.rfind("/", 0, width) + 1
        cut = cut if cut > width // 2 else width
        out.append(line[:cut])
        line = line[cut:]
    return out + [line]


def table_lines(table: Table, width: int, pad: str = "") -> list[str]:
    """Aligned columns when they fit (the last one wrapped if need be), else one
    "Column: value" line per cell, row by row."""
    lines = wrap(table_title(table), width, pad, pad) if table.caption else []
    widths = [max(len(str(r[i])) if i < len(r) else 0 for r in (table.columns, *table.rows))
              for i in range(len(table.columns))]
    room = width - len(pad) - sum(widths[:-1]) - 2 * (len(widths) - 1)
    if room >= min(widths[-1], MIN_LAST_COLUMN) and not _multiline(table):
        widths[-1] = min(widths[-1], room)
        lines += _aligned(table, widths, pad)
    else:
        lines += _linear(table, width, pad)
    for note in table.notes:
        lines += wrap(note, width, pad, pad + "  ")
    return lines


def _multiline(table: Table) -> bool:
    return any("\n" in c for row in (table.columns, *table.rows) for c in row)


def _numeric(value: str) -> bool:
    return bool(re.fullmatch(r"[-+£$€]?[\d,]+(\.\d+)?%?", value.strip()))


def _right_aligned(table: Table, column: int) -> bool:
    """A column of figures (gaps such as "n/a" or "-" allowed), except the first."""
    values = [r[column] for r in table.rows if column < len(r) and r[column].strip()]
    figures = [v for v in values if _numeric(v)]
    return column > 0 and bool(figures) and all(_numeric(v) or v.strip().lower() in NO_FIGURE for v in values)


def _aligned(table: Table, widths: list[int], pad: str) -> list[str]:
    right = [_right_aligned(table, i) for i in range(len(widths))]
    indent = pad + " " * (sum(widths[:-1]) + 2 * (len(widths) - 1))

    def row_lines(row: Sequence[str], header: bool = False) -> list[str]:
        cells = []
        for i, w in enumerate(widths[:-1]):
            value = row[i] if i < len(row) else ""
            cells.append(value.rjust(w) if right[i] and not header else value.ljust(w))
        last = row[len(widths) - 1] if len(row) >= len(widths) else ""
        first = pad + "".join(c + "  " for c in cells)
        if right[-1] and not header and len(last) <= widths[-1]:
            return [first + last.rjust(widths[-1])]
        return [line.rstrip() for line in _wrap_words(last.split(), len(first) + widths[-1], first, indent)]

    rule = pad + "  ".join("-" * w for w in widths)
    return row_lines(table.columns, header=True) + [rule] + [line for r in table.rows for line in row_lines(r)]


def _linear(table: Table, width: int, pad: str) -> list[str]:
    lines: list[str] = []
    for n, cells in enumerate(linear_rows(table)):
        if n:
            lines.append("")
        for i, cell in enumerate(cells):
            indent = pad if i == 0 else pad + "  "
            lines += wrap(cell, width, indent, indent + "  ")
    return lines
