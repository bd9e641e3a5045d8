"""Word: ``reports/<id>/<id>.docx`` with python-docx.

Real styles throughout: Title for the report title, Heading 1 for each part, Heading 2
and 3 below it (never a skipped level); the document language on the default run
properties, the Normal style, the settings and the core properties; tables with a
repeating header row and the "Table Grid" style; numbered paragraphs keep their
numbers; footnotes become a "Notes" list after their section; links are real
hyperlinks. Same bytes for the same input (dates from ``as_of``, fixed zip stamps).

After the title page: the summary table of the recommendations (the site tracker's
words), then the contents as a real TOC field, filled in with the current headings and
updated by Word when the file opens. Each page's header names its part (STYLEREF).
"""

from __future__ import annotations

import datetime as dt
import io

import docx
from docx.shared import Cm, Mm

from ..i18n import _
from ..model import RecNumber, Recommendation, Report
from ..publication import Publication
from ..render.docx_markdown import DocxWriter
from ..render.docx_fields import add_running_header, add_toc_styles, fill_toc, heading_entries, set_update_fields
from ..render.docx_oxml import (BOX_STYLE, add_box_style, add_hyperlink_style, add_page_number_footer, drop_thumbnail,
                                link_run, set_language, set_style_font)
from ..render.facts import (SUMMARY_HEADER, SUMMARY_TITLE, decision_text, long_date, status_text, summary_caption,
                            summary_rows, target_text, update_details, update_line)
from ..render.print_blocks import cell_text
from ..render.ziputil import restamp
from ..urls import absolute, recommendation_url, report_url
from ..writer import Folder
from . import REGISTRY

FONT = "Arial"
HEADING_SIZES = {"Title": 26, "Heading 1": 18, "Heading 2": 15, "Heading 3": 13, "TOC Heading": 18}
MARGIN = Mm(22)
TEXT_WIDTH = Mm(210 - 2 * 22)
#: Widths of the summary table's columns (reference, words, decision, status, target).
SUMMARY_WIDTHS = (Cm(1.4), Cm(6.6), Cm(2.8), Cm(2.8), Cm(3.0))


def fit(text: str, limit: int = 255) -> str:
    """A core property's text cut to Word's limit, at a word, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


class WordReport:
    """One report as a Word document."""

    def __init__(self, pub: Publication, report: Report):
        self.pub, self.report, self.config = pub, report, pub.config
        self.doc = docx.Document()
        self._styles()
        self.w = DocxWriter(self.doc, rec_href=self.web_url, rec_box=self._rec_box, data_table=self._data_table)

    def web_url(self, report_id: str, number: RecNumber | str) -> str:
        return absolute(self.config, recommendation_url(report_id, number))

    # --- set-up ---------------------------------------------------------------------

    def _styles(self) -> None:
        brand, styles = self.config.brand, self.doc.styles
        set_style_font(styles["Normal"], FONT, 12, brand.text)
        for name, size in HEADING_SIZES.items():
            set_style_font(styles[name], FONT, size, brand.primary)
        set_style_font(styles["Caption"], FONT, 12, brand.text)
        styles["Caption"].font.bold = True
        add_hyperlink_style(self.doc, brand.link)
        add_box_style(self.doc, brand.primary)
        set_language(self.doc, self.config.language)
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, MARGIN)
        add_page_number_footer(self.doc)
        add_toc_styles(self.doc, TEXT_WIDTH)
        set_update_fields(self.doc)
        drop_thumbnail(self.doc)

    def _properties(self) -> None:
        props, r = self.doc.core_properties, self.report
        when = dt.datetime.combine(self.config.as_of, dt.time(), tzinfo=dt.timezone.utc)
        props.title, props.subject, props.author = fit(r.title), fit(r.summary), fit(r.council)
        props.category, props.keywords = fit(r.kind_label), fit(r.code)
        props.identifier = fit(absolute(self.config, report_url(r.id)))
        props.comments = _("Recommendations' status as on %(day)s.", day=long_date(self.config.as_of))
        props.last_modified_by, props.revision = fit(self.config.publisher), 1
        props.created = props.modified = props.last_printed = when

    # --- the document ---------------------------------------------------------------

    def build(self) -> bytes:
        self._title_page()
        summary = self._summary()
        toc = self._contents(new_page=not summary)
        for part_id, title, write in self._parts():
            self.w.heading(title, 1, bookmark=part_id)
            write()
        entries = heading_entries(self.doc, self.w.bookmark)
        fill_toc(toc, entries)
        add_running_header(self.doc, next(e.text for e in entries if e.level == 1))
        self._properties()
        out = io.BytesIO()
        self.doc.save(out)
        return restamp(out.getvalue(), self.config.as_of)

    def _title_page(self) -> None:
        r = self.report
        self.doc.add_paragraph(r.title, style="Title")
        for line in (r.council, self.config.committee(r.committee).name, r.kind_label):
            self.doc.add_paragraph().add_run(line).bold = True
        self.w.labelled(_("Published"), long_date(r.published) if r.published else _("Date not stated"))
        self.w.labelled(_("Reference"), r.code)
        if r.executive_response:
            er = r.executive_response
            self.w.labelled(_("Response"), f"{er.meeting}, {long_date(er.date)}" if er.date else er.meeting)
        self.w.labelled(_("Status of recommendations"), _("as on %(day)s", day=long_date(self.config.as_of)))
        url = absolute(self.config, report_url(r.id))
        link_run(self.w.labelled(_("Online"), ""), url, url=url)
        before, after = _("You can ask for this report in another format: see %(link)s.").split("%(link)s")
        note = self.doc.add_paragraph(before)
        link_run(note, _("Ask for another format"), anchor="other-formats")
        note.add_run(after)

    def _parts(self) -> list[tuple[str, str, object]]:
        r, parts = self.report, []
        if r.lead_member or r.members or r.co_opted_members or r.officers:
            parts.append(("membership", _("Membership"), self._membership))
        for part_id, title, md in (("terms-of-reference", _("Terms of reference"), r.terms_of_reference),
                                   ("methodology", _("Methodology"), r.methodology)):
            if md:
                parts.append((part_id, title, lambda md=md, n=part_id: self.w.write(self.pub.tokens(md), notes_id=n)))
        for s in r.sections:
            tokens = self.pub.section_tokens(r, s.slug)
            parts.append((s.slug, s.title, lambda t=tokens, n=s.slug: self.w.write(t, notes_id=n)))
        if r.recommendations:
            parts.append(("recommendations", _("Recommendations and responses"), self._recommendations))
        if r.activity:
            parts.append(("activity", _("Schedule of activity"), self._activity))
        if r.glossary:
            parts.append(("glossary", _("Glossary"), self._glossary))
        parts.append(("other-formats", _("Ask for another format"), self._contact))
        return parts

    def _summary(self) -> bool:
        """The summary table, on a new page after the title page; False when the report
        has no recommendations."""
        rows = summary_rows(self.pub, self.report)
        if not rows:
            return False
        self.w.heading(_(SUMMARY_TITLE), 1, bookmark="recommendations-summary").paragraph_format.page_break_before = True
        table = self.w.new_table(len(SUMMARY_HEADER), len(rows), summary_caption(self.config.as_of))
        table.autofit = False
        for column, width in zip(table.columns, SUMMARY_WIDTHS):
            column.width = width
            for cell in column.cells:
                cell.width = width
        for cell, text in zip(table.rows[0].cells, SUMMARY_HEADER):
            cell.paragraphs[0].add_run(_(text)).bold = True
        for tr, row in zip(table.rows[1:], rows):
            ref, words, decision, status, target = (c.paragraphs[0] for c in tr.cells)
            link_run(ref, row.ref, anchor=f"rec-{row.slug}")
            if row.theme:
                words.add_run(f"{row.theme}: ").bold = True
            words.add_run(row.words)
            for paragraph, text in ((decision, row.decision), (status, row.status), (target, row.target)):
                paragraph.add_run(text)
        return True

    def _contents(self, new_page: bool):
        """The "Contents" title (not itself an entry) and the paragraph the TOC field
        takes the place of once every heading is written."""
        title = self.doc.add_paragraph(_("Contents"), style="TOC Heading")
        if new_page:
            title.paragraph_format.page_break_before = True
        self.w.bookmark(title, "contents")
        return self.doc.add_paragraph()

    def _membership(self) -> None:
        r = self.report
        for label, people in ((_("Lead member"), [r.lead_member] if r.lead_member else []), (_("Members"), r.members),
                              (_("Co-opted members"), r.co_opted_members), (_("Officer support"), r.officers)):
            if people:
                self.doc.add_paragraph().add_run(label).bold = True
                for p in people:
                    self.doc.add_paragraph(str(p), style="List Bullet")

    # --- placed boxes and tables ----------------------------------------------------

    def _rec_box(self, number: RecNumber) -> None:
        rec = self.report.recommendation(number)
        assert rec is not None, number
        title = self.doc.add_paragraph(style=BOX_STYLE)
        title.add_run(_("Recommendation %(ref)s", ref=rec.number)).bold = True
        if rec.theme:
            title.add_run(f" ({rec.theme})")
        self.w.write(self.pub.tokens(rec.text), base_style=BOX_STYLE, notes_id=f"box-{number.slug}")
        link_run(self.doc.add_paragraph(style=BOX_STYLE), _("Response and progress on recommendation %(ref)s", ref=number),
                 anchor=f"rec-{number.slug}")

    def _data_table(self, table_id: str) -> None:
        table = self.report.table(table_id)
        assert table is not None, table_id
        numeric = [all(isinstance(row[i], (int, float)) for row in table.rows if i < len(row))
                   for i in range(len(table.columns))]
        rows = [[cell_text(v) for v in row] for row in table.rows]
        self.w.table(table.columns, rows, caption=table.caption, numeric=numeric)
        if table.source_note:
            self.w.labelled(_("Source"), table.source_note)
        for note in table.notes:
            self.doc.add_paragraph(note, style="List Bullet")

    # --- recommendations ------------------------------------------------------------

    def _recommendations(self) -> None:
        self.doc.add_paragraph(_("Each recommendation with the executive's response and where it stood on %(day)s.",
                                 day=long_date(self.config.as_of)))
        for rec in self.report.recommendations:
            self._recommendation(rec)

    def _recommendation(self, rec: Recommendation) -> None:
        s, n = self.pub.standing(self.report, rec), rec.number
        self.w.heading(_("Recommendation %(ref)s", ref=n), 2, bookmark=f"rec-{n.slug}")
        if rec.theme:
            self.w.labelled(_("Theme"), rec.theme)
        if rec.stem:
            self.w.write(self.pub.tokens(rec.stem), notes_id=f"rec-{n.slug}-stem", notes_level=3)
        self.w.write(self.pub.tokens(rec.text), notes_id=f"rec-{n.slug}", notes_level=3)
        for label, value in ((_("Addressed to"), rec.addressed_to), (_("Priority"), rec.priority),
                             (_("Lead officers"), "; ".join(str(p) for p in rec.lead_officers))):
            if value:
                self.w.labelled(label, value)
        if rec.follows_from:
            self._follows(rec)
        self.w.labelled(_("Decision"), decision_text(rec, self.report, s))
        self.w.labelled(_("Status on %(day)s", day=long_date(self.config.as_of)), status_text(s))
        if target := target_text(s):
            self.w.labelled(_("Target date"), target)
        self._response(rec)
        self._updates(rec)
        url = self.web_url(self.report.id, n)
        link_run(self.w.labelled(_("Online"), ""), url, url=url)

    def _follows(self, rec: Recommendation) -> None:
        sentence = (_("Follows from paragraphs %(numbers)s.") if len(rec.follows_from) > 1
                    else _("Follows from paragraph %(numbers)s."))
        before, after = sentence.split("%(numbers)s")
        paragraph = self.doc.add_paragraph(before)
        for i, number in enumerate(rec.follows_from):
            if i:
                paragraph.add_run(", ")
            link_run(paragraph, str(number), anchor=f"p{number}")
        paragraph.add_run(after)

    def _response(self, rec: Recommendation) -> None:
        response = rec.response
        if response is None:
            return
        if response.text:
            self.w.heading(_("Response"), 3)
            self.w.write(self.pub.tokens(response.text), notes_id=f"rec-{rec.number.slug}-r", notes_level=4)
        if response.actions:
            self.w.heading(_("Actions"), 3)
            rows = [[a.text, "; ".join(str(p) for p in a.owners), a.target.display] for a in response.actions]
            self.w.table([_("Action"), _("Owner"), _("Target")], rows,
                         caption=_("Actions agreed for recommendation %(ref)s", ref=rec.number))

    def _updates(self, rec: Recommendation) -> None:
        if not rec.updates:
            return
        self.w.heading(_("Progress updates"), 3)
        for i, u in enumerate(rec.updates, 1):
            item = self.doc.add_paragraph(style="List Bullet")
            item.add_run(update_line(u)).bold = True
            if u.note:
                self.w.write(self.pub.tokens(u.note), notes_id=f"rec-{rec.number.slug}-u{i}", notes_level=4,
                             base_style="List Continue")
            for line in update_details(u):
                self.doc.add_paragraph(line, style="List Continue")

    # --- back matter ----------------------------------------------------------------

    def _activity(self) -> None:
        rows = [[long_date(a.date), a.event] for a in self.report.activity]
        self.w.table([_("Date"), _("Activity")], rows, caption=_("Meetings and evidence, in date order"))

    def _glossary(self) -> None:
        for g in self.report.glossary:
            self.w.labelled(g.term, g.definition)

    def _contact(self) -> None:
        c, url = self.config.contact_for(self.report.committee, self.report.council), absolute(self.config, report_url(self.report.id))
        before, after = _("This report, its recommendations and the responses are online at %(url)s, where you can "
                          "also download:").split("%(url)s")
        intro = self.doc.add_paragraph(before)
        link_run(intro, url, url=url)
        intro.add_run(after)
        for f in REGISTRY:
            if f.id in self.config.formats:
                self.doc.add_paragraph(f"{_(f.label)}: {_(f.purpose)}", style="List Bullet")
        self.doc.add_paragraph(_("To ask for it in another format or language, contact:"))
        self.doc.add_paragraph(c.team)
        self.doc.add_paragraph(c.address)
        link_run(self.w.labelled(_("Email"), ""), c.email, url=f"mailto:{c.email}")
        phone = "".join(ch for ch in c.phone if ch.isdigit() or ch == "+")
        link_run(self.w.labelled(_("Telephone"), ""), c.phone, url=f"tel:{phone}")


class DocxExporter:
    def export(self, pub: Publication, report: Report, out: Folder) -> None:
        out.write(f"{report.id}.docx", WordReport(pub, report).build())


EXPORTER = DocxExporter()
