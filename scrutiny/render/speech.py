"""Blocks to words for a speech synthesiser: no markup, sentences that end, dates said
naturally, "paragraph 58" before numbered paragraphs, ranges and abbreviations spoken.

Glossary abbreviations are expanded by :class:`~scrutiny.render.text.TextRenderer` in
speech wording (it sees the abbreviation tokens); this module works on the words.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Sequence

from ..dates import long_date
from ..i18n import _, current
from .text import BULLET, Block, Table, linear_rows, table_title

MAX_ROWS = 30
MAX_COLUMNS = 6
"""Larger tables are not read aloud: a sentence says where to find them."""

_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_RANGE = re.compile(r"\b(\d{1,3}[A-Za-z]?)\s*[-–]\s*(\d{1,3}[A-Za-z]?)\b")
_REC_LETTER = re.compile(r"\b([Rr]ecommendations?\s+)(\d{1,3})([a-z])\b")
_URL = re.compile(r"\bhttps?://(?:www\.)?([^/\s]+?)(?:/\S*?)?(?=[.,;:)]*(?:\s|$))")
#: Abbreviations of the text's own language said in full (the content's words, not the
#: interface's: English text has English abbreviations, Welsh text Welsh ones).
_WORDS = {
    "en": (
        (re.compile(r"\bCllrs\b\.?"), "Councillors"),
        (re.compile(r"\bCllr\b\.?"), "Councillor"),
        (re.compile(r"\be\.g\.", re.IGNORECASE), "for example"),
        (re.compile(r"\bi\.e\.", re.IGNORECASE), "that is"),
        (re.compile(r"\s&\s"), " and "),
    ),
    "cy": (
        (re.compile(r"\bCyng\b\.?"), "Cynghorydd"),
        (re.compile(r"\be\.e\.", re.IGNORECASE), "er enghraifft"),
        (re.compile(r"\bh\.y\.", re.IGNORECASE), "hynny yw"),
        (re.compile(r"\s&\s"), " a "),
    ),
}
_PHONEMES = (re.compile(r"\[\["), "[ [")  # espeak-ng reads [[...]] as phonemes
_ENDS = (".", "!", "?", ":", ";")


def speak_date(m: re.Match) -> str:
    try:
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return m[0]
    return long_date(day)


def _note_after_stop() -> re.Pattern:
    """A note mark ("(note 3)" in the current language) after a full stop or comma."""
    before, after = (re.escape(part) for part in _("(note %(n)s)").split("%(n)s"))
    return re.compile(rf"([.!?,;:])\s*({before}\d+{after})")


def normalise(text: str) -> str:
    """Words as they should be said: ``2013-06-27`` as "27 June 2013", ``3-6`` as "3 to 6",
    "Recommendation 2a" as "Recommendation 2A", "Cllr" as "Councillor", web addresses by host."""
    text = _ISO_DAY.sub(speak_date, text)
    text = _note_after_stop().sub(r" \2\1", text)
    text = _URL.sub(lambda m: _("the web page at %(host)s", host=m[1]), text)
    text = _REC_LETTER.sub(lambda m: f"{m[1]}{m[2]}{m[3].upper()}", text)
    text = _RANGE.sub(lambda m: _("%(first)s to %(last)s", first=m[1], last=m[2]), text)
    for pattern, words in _WORDS.get(current(), ()) + (_PHONEMES,):
        text = pattern.sub(words, text)
    return re.sub(r"\s+", " ", text).strip()


def sentence(text: str) -> str:
    """The text ending as a sentence, so the voice pauses after it."""
    text = text.strip()
    if not text or text.endswith(_ENDS):
        return text
    if text.endswith((")", '"', "’", "'")) and text[:-1].endswith(_ENDS):
        return text
    return text + "."


def table_speech(table: Table) -> str:
    """A small table read row by row ("Year 2021, Journeys 1200."); a large one named only."""
    if len(table.rows) > MAX_ROWS or len(table.columns) > MAX_COLUMNS:
        values = {"caption": table.caption, "rows": len(table.rows)}
        return (_("The table %(caption)s, with %(rows)s rows, is not read aloud. It is in the web page and the plain "
                  "text, large print and Braille editions.", **values) if table.caption
                else _("A table with %(rows)s rows is not read aloud. It is in the web page and the plain text, large "
                       "print and Braille editions.", **values))
    out = [sentence(table_title(table))] if table.caption else []
    for cells in linear_rows(table):
        out.append(sentence(", ".join(c.replace(": ", " ", 1) for c in cells)))
    out += [sentence(note) for note in table.notes]
    return " ".join(out)


def block_speech(block: Block) -> str:
    if block.kind == "rule":
        return ""
    if block.kind == "table" and block.table is not None:
        return table_speech(block.table)
    if block.number:
        return sentence(_("Paragraph %(n)s. %(text)s", n=block.number, text=block.text))
    marker = "" if block.marker in ("", BULLET) else block.marker
    return sentence(marker + block.text)


def speech_text(blocks: Sequence[Block]) -> str:
    """The words of the blocks, one sentence group per line, ready for espeak-ng."""
    lines = [normalise(block_speech(b)) for b in blocks]
    return "\n".join(line for line in lines if line) + "\n"


def word_count(text: str) -> int:
    return len(re.findall(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?", text))
