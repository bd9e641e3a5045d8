"""Braille: ``reports/<id>/<id>.brf``, Unified English Braille grade 2 through liblouis.

The report's parts (the same blocks as the plain-text file) are translated by one
``lou_translate`` process per report, one input line per paragraph, then laid out by
:class:`Layout` into pages of 40 cells by 25 lines: 24 lines of text and the braille page
number at the right of line 25. Centred headings for the title, parts and sections;
sub-headings start in cell 5; paragraphs in cell 3 with runovers in cell 1; list items,
numbered paragraphs and labelled fields in cell 1 with runovers in cell 3. Output is
North American ASCII braille (the ``en-us-brf.dis`` display table), lines ending CR LF and
a form feed before each new page, as embossers and braille displays expect.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass

from ..model import Report
from .. import i18n
from ..publication import Publication
from ..render.text import Block, linear_rows, table_title
from ..render.textdoc import ReportText
from ..writer import Folder

TABLES = "en-us-brf.dis,en-ueb-g2.ctb"
"""English: Unified English Braille, grade 2."""
WELSH_TABLES = "en-us-brf.dis,cy-cy-g2.ctb"
"""Welsh: liblouis's Welsh grade 2 table, with the same ASCII braille display table."""
CELLS = 40
LINES = 25
TEXT_LINES = LINES - 1
"""The last line of a page carries the page number."""
DIGITS = "JABCDEFGHI"
"""Braille digits in ASCII braille: 0 is J, 1 is A ... (after the number sign #)."""


class BrailleError(RuntimeError):
    """lou_translate failed or gave an unexpected answer."""


@dataclass(frozen=True)
class Unit:
    """One paragraph to translate and lay out."""

    text: str
    first: int = 0
    """Cells before the first line."""
    rest: int = 0
    """Cells before runover lines."""
    centre: bool = False
    blank_before: bool = False
    heading: bool = False
    """Kept on a page with the line after it."""


def block_units(block: Block) -> list[Unit]:
    """The units of one block, in reading order."""
    ind = 2 * block.indent
    if block.kind == "heading":
        if block.level <= 2:
            return [Unit(block.text, centre=True, blank_before=True, heading=True)]
        return [Unit(block.text, 4, 4, blank_before=True, heading=True)]
    if block.kind == "rule":
        return [Unit("", blank_before=True)]
    if block.kind == "pre":
        return [Unit(line, ind, ind) for line in block.text.split("\n")]
    if block.kind == "table" and block.table is not None:
        table = block.table
        units = [Unit(table_title(table), ind + 2, ind)] if table.caption else []
        units += [Unit("; ".join(cells), ind, ind + 2) for cells in linear_rows(table)]
        return units + [Unit(note, ind, ind + 2) for note in table.notes]
    pieces = block.text.split("\n")
    if block.marker:
        first = Unit(f"{block.marker.strip()} {pieces[0]}".strip(), ind, ind + 2)
        return [first] + [Unit(p, ind + 2, ind + 2) for p in pieces[1:]]
    return [Unit(pieces[0], ind + 2, ind)] + [Unit(p, ind, ind) for p in pieces[1:]]


def clean(text: str) -> str:
    """One line for lou_translate: no control characters, backslashes escaped (it reads escapes)."""
    text = re.sub(r"[\t\r\n\f\v]", " ", text)
    text = re.sub(r"[\x00-\x1f\x7f]", "", text)
    return re.sub(r" {2,}", " ", text).strip().replace("\\", "\\\\")


def tables() -> str:
    """The liblouis tables of the current language (:mod:`scrutiny.i18n`)."""
    return WELSH_TABLES if i18n.current() == "cy" else TABLES


def translate(texts: list[str]) -> list[str]:
    """Translate each text (one line each) to ASCII braille with one lou_translate process."""
    if not texts:
        return []
    command = ["lou_translate", "--forward", tables()]
    data = "".join(clean(t) + "\n" for t in texts).encode("utf-8")
    proc = subprocess.run(command, input=data, capture_output=True, check=False)
    stderr = proc.stderr.decode("utf-8", "replace").strip()
    if proc.returncode != 0 or stderr:
        raise BrailleError(f"{' '.join(command)} failed (exit {proc.returncode}): {stderr}")
    out = proc.stdout.decode("ascii", "replace").split("\n")
    if out and out[-1] == "":
        out.pop()
    if len(out) != len(texts):
        raise BrailleError(f"{' '.join(command)} gave {len(out)} lines for {len(texts)}")
    return [line.rstrip() for line in out]


def page_number(n: int) -> str:
    return "#" + "".join(DIGITS[int(d)] for d in str(n))


class Layout:
    """Fills 40-cell lines and 25-line pages with translated units."""

    def __init__(self) -> None:
        self.pages: list[list[str]] = []
        self.page: list[str] = []

    def add(self, unit: Unit, braille: str) -> None:
        lines = self._lines(unit, braille)
        if unit.blank_before and self.page:
            lines = [""] + lines
        need = len(lines) + (1 if unit.heading else 0)
        if self.page and len(self.page) + min(need, TEXT_LINES) > TEXT_LINES:
            self._turn()
        for line in lines:
            if len(self.page) == TEXT_LINES:
                self._turn()
            if line or self.page:  # no blank line at the top of a page
                self.page.append(line)

    def _lines(self, unit: Unit, braille: str) -> list[str]:
        if not braille:
            return []
        words = braille.split()
        if unit.centre:
            return [line.strip().center(CELLS).rstrip() for line in fill(words, 0, 0)]
        return fill(words, unit.first, unit.rest)

    def _turn(self) -> None:
        self.pages.append(self.page)
        self.page = []

    def brf(self) -> str:
        """Pages padded to 24 lines plus the page number line, CR LF, form feeds between."""
        pages = self.pages + ([self.page] if self.page else [])
        out = []
        for n, page in enumerate(pages, start=1):
            body = page + [""] * (TEXT_LINES - len(page))
            number = page_number(n)
            out.append("\r\n".join(body + [" " * (CELLS - len(number)) + number]) + "\r\n")
        return "\f".join(out)


def fill(words: list[str], first: int, rest: int) -> list[str]:
    """Words into lines of at most 40 cells; a word longer than a line is cut."""
    lines: list[str] = []
    line = " " * first
    for word in words:
        sep = "" if not line.strip() else " "
        if len(line) + len(sep) + len(word) <= CELLS:
            line += sep + word
            continue
        if line.strip():
            lines.append(line)
        line = " " * rest
        while len(line) + len(word) > CELLS:
            cut = CELLS - len(line)
            lines.append(line + word[:cut])
            word, line = word[cut:], " " * rest
        line += word
    if line.strip():
        lines.append(line)
    return lines


def report_brf(pub: Publication, report: Report) -> str:
    blocks = [b for part in ReportText(pub, report, "braille").parts() for b in part.blocks]
    units = [u for b in blocks for u in block_units(b)]
    wanted = [u.text for u in units if u.text.strip()]
    braille = iter(translate(wanted))
    layout = Layout()
    for unit in units:
        layout.add(unit, next(braille) if unit.text.strip() else "")
    return layout.brf()


class BrailleExporter:
    def export(self, pub: Publication, report: Report, out: Folder) -> None:
        out.write(f"{report.id}.brf", report_brf(pub, report).encode("ascii"))


EXPORTER = BrailleExporter()
