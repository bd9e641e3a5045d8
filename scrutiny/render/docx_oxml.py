"""What python-docx 1.2 has no API for, written as WordprocessingML: hyperlinks,
bookmarks, repeating table header rows, table captions, document language, restarted
numbered lists, the page number field and boxed paragraphs."""

from __future__ import annotations

import re

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

HYPERLINK_STYLE = "Hyperlink"
BOX_STYLE = "Recommendation box"


def _el(tag: str, **attrs: str):
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def add_hyperlink(paragraph: Paragraph, *, url: str = "", anchor: str = ""):
    """An empty ``w:hyperlink`` at the end of ``paragraph``: to ``url`` through a
    relationship, or to a bookmark ``anchor`` in the document. Move runs into it."""
    link = OxmlElement("w:hyperlink")
    if url:
        link.set(qn("r:id"), paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True))
    else:
        link.set(qn("w:anchor"), bookmark_name(anchor))
    link.set(qn("w:history"), "1")
    paragraph._p.append(link)
    return link


def link_run(paragraph: Paragraph, text: str, *, url: str = "", anchor: str = "") -> Run:
    """A whole hyperlink holding one run of ``text``."""
    link = add_hyperlink(paragraph, url=url, anchor=anchor)
    run = paragraph.add_run(text, style=HYPERLINK_STYLE)
    link.append(run._r)
    return run


def bookmark_name(text: str) -> str:
    """A valid Word bookmark name (a letter first, or "_" for one Word hides; at most 40
    word characters); a valid name is kept as it is."""
    name = re.sub(r"\W", "_", text)
    return ("_" + name if not name[:1].isalpha() and name[:1] != "_" else name)[:40] if name else "_"


def add_bookmark(paragraph: Paragraph, name: str, next_id: int) -> None:
    """Bookmark the whole paragraph as ``name``; ``next_id`` is unique in the document."""
    start = _el("w:bookmarkStart", id=str(next_id), name=bookmark_name(name))
    end = _el("w:bookmarkEnd", id=str(next_id))
    p = paragraph._p
    ppr = p.pPr
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def repeat_header_row(table: Table) -> None:
    """Mark the first row as a header row that repeats on every page (``w:tblHeader``)."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(_el("w:tblHeader", val="true"))


def set_table_caption(table: Table, caption: str) -> None:
    """Alt-text title of the table (``w:tblCaption``), read by screen readers."""
    if caption:
        table._tbl.tblPr.append(_el("w:tblCaption", val=caption[:255]))


def set_language(document: Document, lang: str) -> None:
    """The document language: default run properties, the Normal style, settings and
    the core properties."""
    styles = document.styles.element
    rpr = styles.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is not None:
        _set_lang(rpr, lang)
    _set_lang(document.styles["Normal"].element.get_or_add_rPr(), lang)
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is None:
        theme_lang = _el("w:themeFontLang")
        anchor = settings.find(qn("w:clrSchemeMapping"))
        anchor.addprevious(theme_lang) if anchor is not None else settings.append(theme_lang)
    theme_lang.set(qn("w:val"), lang)
    document.core_properties.language = lang


def _set_lang(rpr, lang: str) -> None:
    el = rpr.find(qn("w:lang"))
    if el is None:
        el = _el("w:lang")
        rpr.append(el)
    el.set(qn("w:val"), lang)
    el.set(qn("w:eastAsia"), lang)


def set_style_font(style, name: str, size_pt: float | None = None, colour: str | None = None) -> None:
    """A fixed font (theme fonts removed, or Word would ignore it), size and colour."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{attr}"), None)
    style.font.name = name
    if size_pt:
        style.font.size = Pt(size_pt)
    if colour:
        style.font.color.rgb = RGBColor.from_string(colour.lstrip("#").upper())
        color = rpr.find(qn("w:color"))
        for attr in ("themeColor", "themeShade", "themeTint"):
            color.attrib.pop(qn(f"w:{attr}"), None)


def add_hyperlink_style(document: Document, colour: str) -> None:
    style = document.styles.add_style(HYPERLINK_STYLE, WD_STYLE_TYPE.CHARACTER)
    style.font.underline = True
    style.font.color.rgb = RGBColor.from_string(colour.lstrip("#").upper())


def add_box_style(document: Document, colour: str) -> None:
    """A paragraph style with a border: consecutive paragraphs of it form one box."""
    style = document.styles.add_style(BOX_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    ppr = style.element.get_or_add_pPr()
    borders = _el("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        borders.append(_el(f"w:{side}", val="single", sz="18", space="6", color=colour.lstrip("#").upper()))
    ppr.append(borders)
    style.paragraph_format.left_indent = Pt(9)
    style.paragraph_format.right_indent = Pt(9)


def restart_numbering(document: Document, style_name: str, start: int = 1) -> int:
    """A new numbering instance of a list style's numbering that starts at ``start``;
    returns its ``numId`` (each ordered list counts from its own start)."""
    numbering = document.part.numbering_part.element
    style_num = document.styles[style_name].element.pPr.numPr.numId.val
    num = next(n for n in numbering.num_lst if n.numId == style_num)
    new = numbering.add_num(num.abstractNumId.val)
    new.add_lvlOverride(ilvl=0).add_startOverride(start)
    return new.numId


def set_numbering(paragraph: Paragraph, num_id: int, level: int = 0) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


def add_page_number_footer(document: Document) -> None:
    """"Page N of M" in the footer of every page (the first page's own footer too, for
    when it has a header of its own)."""
    section = document.sections[0]
    for footer in (section.footer, section.first_page_footer):
        paragraph = footer.paragraphs[0]
        paragraph.add_run("Page ")
        _field(paragraph, "PAGE")
        paragraph.add_run(" of ")
        _field(paragraph, "NUMPAGES")


def _field(paragraph: Paragraph, instruction: str) -> None:
    field = _el("w:fldSimple", instr=f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def bottom_border(paragraph: Paragraph) -> None:
    borders = _el("w:pBdr")
    borders.append(_el("w:bottom", val="single", sz="6", space="1", color="B1B4B6"))
    paragraph._p.get_or_add_pPr().append(borders)


def drop_thumbnail(document: Document) -> None:
    """Remove python-docx's template thumbnail (a picture of another document)."""
    rels = document.part.package.rels
    for r_id in [k for k, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        rels.pop(r_id)
