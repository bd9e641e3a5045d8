"""EPUB 3: ``reports/<id>/<id>.epub``, one XHTML content document per part of the
print document (same token streams, :func:`scrutiny.render.html.render_html` with
``xhtml=True``), a navigation document with the table of contents and landmarks,
and accessibility metadata (EPUB Accessibility 1.1). The identifier is derived from
the report's URL and every date from ``as_of``, so the same input gives the same bytes.
"""

from __future__ import annotations

import uuid

from ..model import Report
from ..publication import Publication
from ..render.document import DocStyle, DocumentBuilder, Part
from ..render.epub_package import BookInfo, Chapter, epub_bytes
from ..urls import absolute, report_url
from ..writer import Folder


def file_of(part_id: str) -> str:
    return f"{part_id}.xhtml"


def book_identifier(pub: Publication, report: Report) -> str:
    """Stable: a name-based UUID of the report's URL."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, absolute(pub.config, report_url(report.id)))}"


def chapters(pub: Publication, report: Report) -> list[Chapter]:
    """The parts of the print document but its contents page (the navigation
    document takes its place)."""
    style = DocStyle(xhtml=True, part_level=1, file_of=file_of, backrefs=True)
    parts = [p for p in DocumentBuilder(pub, report, style).parts() if p.landmark != "toc"]
    files = unique_files([file_of(p.id) for p in parts])
    return [Chapter(f, p.title, p.html, p.landmark, _children(report, p)) for f, p in zip(files, parts)]


def unique_files(names: list[str]) -> list[str]:
    """Each part its own file: a name already taken (two sections whose names make the same
    part id, e.g. ``glossary.md``, which becomes ``section-glossary`` beside the fixed
    glossary, and ``section-glossary.md``) gets ``-2``, ``-3`` ... so that no chapter
    silently replaces another in the book."""
    taken = {"nav.xhtml"}
    out = []
    for name in names:
        stem, n, unique = name.removesuffix(".xhtml"), 1, name
        while unique in taken:
            n += 1
            unique = f"{stem}-{n}.xhtml"
        taken.add(unique)
        out.append(unique)
    return out


def _children(report: Report, part: Part) -> tuple[tuple[str, str], ...]:
    if part.id != "recommendations":
        return ()
    return tuple((f"rec-{r.number.slug}", f"Recommendation {r.number}") for r in report.recommendations)


def book_info(pub: Publication, report: Report) -> BookInfo:
    config = pub.config
    return BookInfo(
        identifier=book_identifier(pub, report), title=report.title, language=config.language,
        modified=config.as_of, creator=config.committee(report.committee).name, publisher=report.council,
        date=report.published, description=report.summary, certified_by=config.publisher)


class EpubExporter:
    def export(self, pub: Publication, report: Report, out: Folder) -> None:
        out.write(f"{report.id}.epub", epub_bytes(chapters(pub, report), book_info(pub, report)))


EXPORTER = EpubExporter()
