"""Large print: ``reports/<id>/<id>-large-print.html`` and ``<id>-large-print.pdf``.

Body text at ``large_print.font_size_pt`` (18 pt by default, never under 16) and no
text anywhere smaller (footnote numbers, table notes, captions, page numbers, the running
header that names each page's part), sans
serif, left aligned, line height 1.5, bold instead of italics, larger headings; wide
tables (more than three columns) read as "label: value" lists, and on a narrow screen
every table does. The PDF is tagged, with bookmarks, like the standard PDF.
"""

from __future__ import annotations

from ..model import Report
from ..publication import Publication
from ..render.document import DocStyle, DocumentBuilder, document_meta, standalone_html
from ..render.pdf_writer import html_to_pdf
from ..render.print_css import large_print_css
from ..urls import absolute, report_url
from ..writer import Folder

MIN_PT = 16.0


def body_pt(pub: Publication) -> float:
    """The configured large-print size, never under 16 pt."""
    return max(MIN_PT, float(pub.config.large_print_pt))


def large_print_html(pub: Publication, report: Report) -> str:
    parts = DocumentBuilder(pub, report, DocStyle(linearise_tables=True, charts=False)).parts()
    return standalone_html(parts, title=f"{report.title} (large print)", lang=pub.config.language,
                           css=large_print_css(pub.config.brand, body_pt(pub)), meta=document_meta(pub, report))


class LargePrintExporter:
    def export(self, pub: Publication, report: Report, out: Folder) -> None:
        html = large_print_html(pub, report)
        out.write(f"{report.id}-large-print.html", html)
        key = absolute(pub.config, report_url(report.id)) + f"{report.id}-large-print.pdf"
        out.write(f"{report.id}-large-print.pdf", html_to_pdf(html, key))


EXPORTER = LargePrintExporter()
