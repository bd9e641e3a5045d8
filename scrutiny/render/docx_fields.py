"""Word fields that python-docx has no API for: the table of contents (a real ``TOC``
field whose result is filled in with the current entries, so it reads right before Word
updates it), the running header (a ``STYLEREF`` field to Heading 1, which Word works out
for each page) and the setting that asks Word to update fields when the file opens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt
from docx.text.paragraph import Paragraph

from .docx_oxml import add_hyperlink

#: Heading levels in the contents: Heading 1 to 3, from the styles and outline levels,
#: as links, without page numbers in Web layout.
TOC_INSTRUCTION = 'TOC \\o "1-3" \\h \\z \\u'
TOC_LEVELS = 3
RUNNING_HEADER_INSTRUCTION = 'STYLEREF "Heading 1" \\* MERGEFORMAT'

#: Elements that come after ``w:updateFields`` in ``w:settings`` (schema order).
_AFTER_UPDATE_FIELDS = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
                        "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                        "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
                        "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
                        "listSeparator")


@dataclass(frozen=True)
class TocEntry:
    level: int
    text: str
    bookmark: str
    """The bookmark on the heading the entry links to."""


def _run(*children) -> OxmlElement:
    run = OxmlElement("w:r")
    for child in children:
        run.append(child)
    return run


def _fld_char(kind: str) -> OxmlElement:
    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), kind)
    return el


def _instr(instruction: str) -> OxmlElement:
    el = OxmlElement("w:instrText")
    el.set(qn("xml:space"), "preserve")
    el.text = f" {instruction} "
    return el


def _text(text: str) -> OxmlElement:
    el = OxmlElement("w:t")
    el.set(qn("xml:space"), "preserve")
    el.text = text
    return el


def add_field(paragraph: Paragraph, instruction: str, result: str) -> None:
    """A complex field at the end of ``paragraph``: begin, instruction, separate, the
    current ``result``, end."""
    p = paragraph._p
    p.append(_run(_fld_char("begin")))
    p.append(_run(_instr(instruction)))
    p.append(_run(_fld_char("separate")))
    p.append(_run(_text(result)))
    p.append(_run(_fld_char("end")))


def heading_entries(document: Document, bookmark) -> list[TocEntry]:
    """The Heading 1-3 paragraphs of the body in order, each with its bookmark; a heading
    without one gets ``_Toc<n>`` through ``bookmark(paragraph, name)``."""
    out, n = [], 0
    for paragraph in document.paragraphs:
        name = paragraph.style.name if paragraph.style is not None else ""
        if not name.startswith("Heading ") or not name[8:].isdigit() or int(name[8:]) > TOC_LEVELS:
            continue
        start = paragraph._p.find(qn("w:bookmarkStart"))
        if start is None:
            n += 1
            bookmark(paragraph, f"_Toc{n}")
            start = paragraph._p.find(qn("w:bookmarkStart"))
        out.append(TocEntry(int(name[8:]), paragraph.text, start.get(qn("w:name"))))
    return out


def fill_toc(anchor: Paragraph, entries: Sequence[TocEntry]) -> None:
    """Replace the empty paragraph ``anchor`` with a TOC field whose result is ``entries``:
    one "toc N" paragraph each, linked to its heading; the field begins in the first
    and ends in the last."""
    paragraphs = []
    for entry in entries or [TocEntry(1, "", "")]:
        paragraph = anchor.insert_paragraph_before(style=f"toc {entry.level}")
        if entry.text:
            link = add_hyperlink(paragraph, anchor=entry.bookmark)
            link.append(paragraph.add_run(entry.text)._r)
        paragraphs.append(paragraph)
    first, last = paragraphs[0]._p, paragraphs[-1]._p
    previous = first.pPr
    for el in (_run(_fld_char("begin")), _run(_instr(TOC_INSTRUCTION)), _run(_fld_char("separate"))):
        previous.addnext(el)
        previous = el
    last.append(_run(_fld_char("end")))
    anchor._p.getparent().remove(anchor._p)


def add_toc_styles(document: Document, text_width: Length) -> None:
    """The "toc 1" to "toc 3" styles Word uses for the entries, indented by level, with a
    dotted right tab for the page numbers Word adds when it updates the field."""
    for level in range(1, TOC_LEVELS + 1):
        style = document.styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        fmt = style.paragraph_format
        fmt.left_indent = Cm(0.6 * (level - 1))
        fmt.space_after = Pt(3)
        fmt.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        if level == 1:
            style.font.bold = True


def add_running_header(document: Document, first_heading: str) -> None:
    """Every page but the first names its part: a STYLEREF field to Heading 1 (its
    result, until Word lays the pages out, is ``first_heading``). The first page, the
    title page, has no header."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    paragraph = section.header.paragraphs[0]
    document.styles["Header"].font.bold = True
    paragraph.style = document.styles["Header"]
    add_field(paragraph, RUNNING_HEADER_INSTRUCTION, first_heading)


def set_update_fields(document: Document) -> None:
    """``w:updateFields`` in settings.xml: Word offers to update the fields (the contents'
    page numbers) when the file opens."""
    settings = document.settings.element
    el = settings.find(qn("w:updateFields"))
    if el is None:
        el = OxmlElement("w:updateFields")
        after = next((settings.find(qn(f"w:{tag}")) for tag in _AFTER_UPDATE_FIELDS
                      if settings.find(qn(f"w:{tag}")) is not None), None)
        after.addprevious(el) if after is not None else settings.append(el)
    el.set(qn("w:val"), "true")
