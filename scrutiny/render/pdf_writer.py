"""HTML to a tagged, deterministic PDF with WeasyPrint (standard and large print).

- PDF/UA-1 variant: tagged (structure tree, /MarkInfo /Marked), /Lang from ``<html
  lang>``, /Title from ``<title>``, DisplayDocTitle, bookmarks from the headings.
- Deterministic: dates come from the document's ``dcterms.created``/``modified``
  metadata (the build's ``as_of``), the file identifier from the report's URL, and
  nothing is ever fetched (no network, no local files).
"""

from __future__ import annotations

import hashlib
import logging

from weasyprint import HTML

#: WeasyPrint 70 knows the PDF/UA-1 variant (PDF 1.7, tags on, pdfuaid in the XMP).
PDF_VARIANT = "pdf/ua-1"


class FetchRefused(Exception):
    """The print document asked for an outside resource; it must be self-contained."""


def _no_fetch(url: str, *args, **kwargs):
    raise FetchRefused(f"the print document may not load {url}")


def file_identifier(key: str) -> bytes:
    """A stable PDF file identifier derived from the document's URL."""
    return hashlib.md5(key.encode("utf-8")).hexdigest().encode("ascii")


def html_to_pdf(html: str, identifier_key: str) -> bytes:
    """Render a complete HTML document (CSS inline) to PDF bytes."""
    with _quiet_weasyprint():
        return HTML(string=html, base_url=None, url_fetcher=_no_fetch).write_pdf(
            pdf_variant=PDF_VARIANT, pdf_identifier=file_identifier(identifier_key))


class _quiet_weasyprint:
    """Keep WeasyPrint's per-box warnings out of the build log, but not its errors."""

    def __enter__(self):
        self.logger = logging.getLogger("weasyprint")
        self.level = self.logger.level
        self.logger.setLevel(logging.ERROR)

    def __exit__(self, *exc):
        self.logger.setLevel(self.level)
        return False
