"""Large print: ``reports/<id>/<id>-large-print.html`` and ``<id>-large-print.pdf``.

Body text at ``large_print.font_size_pt`` (18 pt by default, never under 16) and no
text anywhere smaller (footnote numbers, table notes, captions, page numbers, the running
header that names each page's part), sans
serif, left aligned, line height 1.5, bold instead of italics, larger headings; wide
tables (more than three columns) read as "label: value" lists, and on a narrow screen
every table does. The PDF is tagged, with bookmarks, like the standard PDF.

The PDF's style sheet uses CSS that only a paged-media renderer (WeasyPrint) reads: the
running header (``string-set`` and ``content: string(...)``) and which headings become
bookmarks (``bookmark-level``). No browser implements them and they are not standard CSS,
so the HTML file is published without them (the Nu HTML Checker reports them as errors);
everything else, screen or print, is the same in both.
"""

from __future__ import annotations

import re

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


#: A declaration only WeasyPrint reads (see the module's docstring), with the space before it.
PAGED_ONLY = re.compile(r"\s*(?:(?:string-set|bookmark-level)\s*:|content\s*:\s*string\()[^;{}]*;")


def without_paged_only(css: str) -> str:
    """The style sheet with every declaration only a paged-media renderer reads taken out."""
    return PAGED_ONLY.sub("", css)


def large_print_documents(pub: Publication, report: Report) -> tuple[str, str]:
    """The large-print document as published (standard CSS only) and as WeasyPrint
    renders it to PDF (with the paged-media declarations)."""
    parts = DocumentBuilder(pub, report, DocStyle(linearise_tables=True, charts=False)).parts()
    css = large_print_css(pub.config.brand, body_pt(pub))
    return tuple(standalone_html(parts, title=f"{report.title} (large print)", lang=pub.config.language,
                                 css=sheet, meta=document_meta(pub, report)) for sheet in (without_paged_only(css), css))


def large_print_html(pub: Publication, report: Report) -> str:
    """The published large-print HTML file."""
    return large_print_documents(pub, report)[0]


class LargePrintExporter:
    def export(self, pub: Publication, report: Report, out: Folder) -> None:
        html, paged = large_print_documents(pub, report)
        out.write(f"{report.id}-large-print.html", html)
        key = absolute(pub.config, report_url(report.id)) + f"{report.id}-large-print.pdf"
        out.write(f"{report.id}-large-print.pdf", html_to_pdf(paged, key))


EXPORTER = LargePrintExporter()
