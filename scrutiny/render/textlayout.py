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

from .text import Block, Table, linear_rows

UNDERLINE = {1: "=", 2: "-"}


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
    return wrap(block.text, width, pad + block.marker, pad + " " * len(block.marker))


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
    """Cut a line longer than ``width`` (only a word longer than a line makes one)."""
    line = line.rstrip()
    return [line[i:i + width] for i in range(0, len(line), width)] or [""]


def table_lines(table: Table, width: int, pad: str = "") -> list[str]:
    """Aligned columns when they fit, else one "Column: value" line per cell, row by row."""
    lines = wrap(f"Table: {table.caption}", width, pad, pad) if table.caption else []
    widths = [max(len(str(r[i])) if i < len(r) else 0 for r in (table.columns, *table.rows))
              for i in range(len(table.columns))]
    fits = sum(widths) + 2 * (len(widths) - 1) + len(pad) <= width and not _multiline(table)
    lines += _aligned(table, widths, pad) if fits else _linear(table, width, pad)
    for note in table.notes:
        lines += wrap(note, width, pad, pad + "  ")
    return lines


def _multiline(table: Table) -> bool:
    return any("\n" in c for row in (table.columns, *table.rows) for c in row)


def _numeric(value: str) -> bool:
    return bool(re.fullmatch(r"[-+£$€]?[\d,]+(\.\d+)?%?", value.strip()))


def _aligned(table: Table, widths: list[int], pad: str) -> list[str]:
    def row_line(row: Sequence[str]) -> str:
        cells = []
        for i, w in enumerate(widths):
            value = row[i] if i < len(row) else ""
            cells.append(value.rjust(w) if _numeric(value) and i else value.ljust(w))
        return (pad + "  ".join(cells)).rstrip()

    return [row_line(table.columns), pad + "  ".join("-" * w for w in widths)] + [row_line(r) for r in table.rows]


def _linear(table: Table, width: int, pad: str) -> list[str]:
    lines: list[str] = []
    for n, cells in enumerate(linear_rows(table)):
        if n:
            lines.append("")
        for i, cell in enumerate(cells):
            indent = pad if i == 0 else pad + "  "
            lines += wrap(cell, width, indent, indent + "  ")
    return lines
