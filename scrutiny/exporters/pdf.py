"""Standard PDF: ``reports/<id>/<id>.pdf``, A4, tagged (PDF/UA-1), with bookmarks,
page numbers, embedded fonts and the same bytes for the same input. After the title page
comes the summary table of the recommendations (the site tracker's words); each page's
header names the part it is in.

The document is the shared print HTML (:mod:`scrutiny.render.document`), rendered by
WeasyPrint through :mod:`scrutiny.render.pdf_writer`.
"""

from __future__ import annotations

from ..model import Report
from ..publication import Publication
from ..render.document import DocStyle, DocumentBuilder, document_meta, standalone_html
from ..render.pdf_writer import html_to_pdf
from ..render.print_css import standard_css
from ..urls import absolute, report_url
from ..writer import Folder


def print_html(pub: Publication, report: Report) -> str:
    """The complete print document of the report."""
    parts = DocumentBuilder(pub, report, DocStyle(summary=True)).parts()
    return standalone_html(parts, title=report.title, lang=pub.config.language,
                           css=standard_css(pub.config.brand, report.title), meta=document_meta(pub, report))


class PdfExporter:
    def export(self, pub: Publication, report: Report, out: Folder) -> None:
        key = absolute(pub.config, report_url(report.id)) + f"{report.id}.pdf"
        out.write(f"{report.id}.pdf", html_to_pdf(print_html(pub, report), key))


EXPORTER = PdfExporter()
