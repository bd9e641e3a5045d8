"""The "what changed" paper as a Word document and a tagged PDF: title, summary table,
then each committee's and report's changes, then what is still open (the same order and
words as :func:`scrutiny.changes.markdown_paper`)."""

from __future__ import annotations

import datetime as dt
import io

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor

from ..changes import KINDS, ONE, ChangeSet, meeting_line, html_paper, markdown_paper
from ..dates import long_date
from .pdf_writer import html_to_pdf


def _table(doc, caption: str, header: list[str], rows: list[list[str]]) -> None:
    doc.add_paragraph(caption, style="Caption")
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, words in zip(table.rows[0].cells, header):
        cell.text = words
        for run in cell.paragraphs[0].runs:
            run.bold = True
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # a real header row, repeated on each page
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for row in rows:
        cells = table.add_row().cells
        for cell, words in zip(cells, row):
            cell.text = words


def docx_paper(changes: ChangeSet, title: str) -> bytes:
    doc = docx.Document()
    props = doc.core_properties
    props.title, props.language, props.author = title, "en-GB", "Scrutiny"
    stamp = dt.datetime.combine(changes.until, dt.time(), dt.timezone.utc)  # same content, same bytes
    props.created = props.modified = stamp
    props.last_printed = stamp
    styles = doc.styles["Normal"].element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-GB")
    styles.append(lang)
    doc.add_heading(title, level=0)
    if meeting_line(changes):
        doc.add_paragraph(meeting_line(changes))
    doc.add_paragraph(f"Before: the trackers as of {long_date(changes.since)}. "
                      f"After: the trackers as of {long_date(changes.until)}.")
    doc.add_heading("Summary", level=1)
    _table(doc, "Changes in this period", ["Change", "Recommendations"],
           [[label, str(changes.count(kind))] for kind, label in KINDS.items()])
    committees: dict[str, dict[str, list]] = {}
    for c in changes.changes:
        committees.setdefault(c.committee, {}).setdefault(c.report_title, []).append(c)
    for committee in sorted(committees):
        doc.add_heading(committee, level=1)
        for report, items in committees[committee].items():
            doc.add_heading(report, level=2)
            for kind in KINDS:
                for c in (i for i in items if i.kind == kind):
                    p = doc.add_paragraph(style="List Bullet")
                    p.add_run(f"{ONE[kind]}. ").bold = True
                    p.add_run((f"Recommendation {c.reference}: " if c.reference else "") + c.words)
    if not changes.changes:
        doc.add_paragraph("Nothing changed in this period.")
    doc.add_heading("Still open", level=1)
    _table(doc, "Open recommendations by report", ["Committee", "Report", "Open recommendations"],
           [[c, r, str(n)] for c, r, n in changes.still_open])
    _house_colour(doc, changes.colour)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _house_colour(doc, colour: str) -> None:
    """The council's primary colour on the title and headings (a #rrggbb ``brand.primary``)."""
    if not (len(colour) == 7 and colour.startswith("#")):
        return
    rgb = RGBColor.from_string(colour[1:].upper())
    for name in ("Title", "Heading 1", "Heading 2"):
        doc.styles[name].font.color.rgb = rgb


def pdf_paper(changes: ChangeSet, title: str) -> bytes:
    """The HTML paper printed to a tagged PDF (its headings, tables and language)."""
    return html_to_pdf(html_paper(markdown_paper(changes, title), title, changes.colour), f"changes:{title}")
