"""The files of an EPUB 3 package: content documents, navigation document, package
document (OPF) with accessibility metadata, container, and the zip itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from typing import Sequence

from lxml import etree

from .ziputil import zip_bytes

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""

CSS = """body { line-height: 1.5; margin: 0 0.5em; }
h1, h2, h3, h4 { line-height: 1.25; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.3em; }
th, td { border: 1px solid; padding: 0.2em 0.4em; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; }
.chart svg { max-width: 100%; height: auto; }
.rec-box { border: 2px solid; padding: 0 0.8em; margin: 1em 0; }
.para-num { font-weight: bold; margin-right: 0.5em; }
dt { font-weight: bold; margin-top: 0.4em; }
dd { margin-left: 1.5em; }
.title-page .report-title { margin-top: 1.5em; }
.footnotes { border-top: 1px solid; margin-top: 1.5em; }
"""

#: What an EPUB reading system and a reader learn before opening the book.
ACCESSIBILITY_SUMMARY = (
    "Every part has a heading and the navigation document lists them; tables have captions and "
    "column headers; the reading order follows the report. "
)
NO_CHARTS = "It has no images, audio or video."
CHARTS = ("Each chart has a text alternative and its figures are given in full in the table below it, "
          "so the text alone is sufficient. It has no audio or video.")
CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"
FEATURES = ("structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability")


@dataclass(frozen=True)
class Chapter:
    """One content document of the book."""

    file: str
    """File name inside ``EPUB/`` (``findings.xhtml``)."""
    title: str
    body: str
    """XHTML of the body's content."""
    landmark: str
    """epub:type of the body: titlepage, frontmatter, bodymatter, backmatter, glossary."""
    children: tuple[tuple[str, str], ...] = ()
    """(fragment, title) of entries listed under it in the table of contents."""

    @property
    def has_svg(self) -> bool:
        return "<svg" in self.body


@dataclass(frozen=True)
class BookInfo:
    identifier: str
    title: str
    language: str
    modified: dt.date
    creator: str
    publisher: str
    date: dt.date | None
    description: str
    certified_by: str


def _e(text: object) -> str:
    return escape(str(text), quote=True)


#: epub:type values that have a DPUB-ARIA role: an element carrying one must carry the role
#: too (Ace's epub-type-has-matching-role). HTML allows no role on ``body``, so a content
#: document of such a type says so on a ``div`` around its content, and its body says
#: where in the book it is (front, body or back matter).
DPUB_ROLES = {"glossary": ("doc-glossary", "backmatter"), "appendix": ("doc-appendix", "backmatter"),
              "foreword": ("doc-foreword", "frontmatter"), "introduction": ("doc-introduction", "bodymatter"),
              "conclusion": ("doc-conclusion", "bodymatter"), "chapter": ("doc-chapter", "bodymatter")}


def xhtml_document(title: str, body: str, lang: str, body_type: str = "") -> str:
    if body_type in DPUB_ROLES:
        role, matter = DPUB_ROLES[body_type]
        body = f'<div epub:type="{_e(body_type)}" role="{role}">\n{body}\n</div>'
        body_type = matter
    epub_type = f' epub:type="{_e(body_type)}"' if body_type else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
            f'lang="{_e(lang)}" xml:lang="{_e(lang)}">\n<head>\n<meta charset="utf-8"/>\n<title>{_e(title)}</title>\n'
            f'<link rel="stylesheet" type="text/css" href="style.css"/>\n</head>\n'
            f"<body{epub_type}>\n{body}\n</body>\n</html>\n")


def nav_document(chapters: Sequence[Chapter], info: BookInfo) -> str:
    """The navigation document: the table of contents and the landmarks."""
    items = []
    for c in chapters:
        sub = "".join(f'<li><a href="{_e(c.file)}#{_e(f)}">{_e(t)}</a></li>' for f, t in c.children)
        items.append(f'<li><a href="{_e(c.file)}">{_e(c.title)}</a>{f"<ol>{sub}</ol>" if sub else ""}</li>')
    toc = f'<nav epub:type="toc" role="doc-toc" id="toc"><h1>Contents</h1><ol>{"".join(items)}</ol></nav>'
    marks = [("toc", "nav.xhtml#toc", "Contents")]
    for landmark, label in (("titlepage", "Title page"), ("bodymatter", "Start of the report"), ("glossary", "Glossary")):
        first = next((c for c in chapters if c.landmark == landmark), None)
        if first is not None:
            marks.append((landmark, first.file, label))
    links = "".join(f'<li><a epub:type="{t}" href="{_e(h)}">{_e(label)}</a></li>' for t, h, label in marks)
    landmarks = f'<nav epub:type="landmarks" id="landmarks" hidden="hidden"><h2>Landmarks</h2><ol>{links}</ol></nav>'
    return xhtml_document(f"Contents: {info.title}", toc + "\n" + landmarks, info.language)


def package_document(chapters: Sequence[Chapter], info: BookInfo) -> str:
    """The OPF: metadata (with accessibility metadata), manifest and spine."""
    manifest = ['<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
                '<item id="css" href="style.css" media-type="text/css"/>']
    for c in chapters:
        properties = ' properties="svg"' if c.has_svg else ""
        manifest.append(f'<item id="{_item_id(c)}" href="{_e(c.file)}" media-type="application/xhtml+xml"{properties}/>')
    charts = any(c.has_svg for c in chapters)
    spine = [f'<itemref idref="{_item_id(chapters[0])}"/>', '<itemref idref="nav"/>']
    spine += [f'<itemref idref="{_item_id(c)}"/>' for c in chapters[1:]]
    nl = "\n    "
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="{_e(info.language)}">\n'
            f'  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n    {nl.join(_metadata(info, charts))}\n  </metadata>\n'
            f'  <manifest>\n    {nl.join(manifest)}\n  </manifest>\n'
            f'  <spine>\n    {nl.join(spine)}\n  </spine>\n</package>\n')


def _item_id(c: Chapter) -> str:
    return "c-" + c.file.rsplit(".", 1)[0]


def _metadata(info: BookInfo, charts: bool) -> list[str]:
    out = [f'<dc:identifier id="pub-id">{_e(info.identifier)}</dc:identifier>',
           f"<dc:title>{_e(info.title)}</dc:title>",
           f"<dc:language>{_e(info.language)}</dc:language>",
           f"<dc:creator>{_e(info.creator)}</dc:creator>",
           f"<dc:publisher>{_e(info.publisher)}</dc:publisher>"]
    if info.date:
        out.append(f"<dc:date>{info.date.isoformat()}</dc:date>")
    if info.description:
        out.append(f"<dc:description>{_e(info.description)}</dc:description>")
    out.append(f'<meta property="dcterms:modified">{info.modified.isoformat()}T00:00:00Z</meta>')
    modes = ("textual", "visual") if charts else ("textual",)
    out += [f'<meta property="schema:accessMode">{m}</meta>' for m in modes]
    out.append('<meta property="schema:accessModeSufficient">textual</meta>')
    features = FEATURES + ("alternativeText",) if charts else FEATURES
    out += [f'<meta property="schema:accessibilityFeature">{f}</meta>' for f in features]
    summary = ACCESSIBILITY_SUMMARY + (CHARTS if charts else NO_CHARTS)
    out += ['<meta property="schema:accessibilityHazard">none</meta>',
            f'<meta property="schema:accessibilitySummary">{_e(summary)}</meta>',
            f'<meta property="dcterms:conformsTo">{_e(CONFORMS_TO)}</meta>',
            f'<meta property="a11y:certifiedBy">{_e(info.certified_by)}</meta>']
    return out


def check_well_formed(name: str, text: str) -> None:
    """Raise if a file of the book is not well-formed XML (a bug in a renderer)."""
    try:
        etree.fromstring(text.encode("utf-8"))
    except etree.XMLSyntaxError as err:
        raise ValueError(f"EPUB file {name} is not well-formed XML: {err}") from err


def epub_bytes(chapters: Sequence[Chapter], info: BookInfo) -> bytes:
    """The whole book: mimetype first and stored, then every other file in sorted order."""
    files = {"META-INF/container.xml": CONTAINER, "EPUB/package.opf": package_document(chapters, info),
             "EPUB/nav.xhtml": nav_document(chapters, info), "EPUB/style.css": CSS}
    for c in chapters:
        if f"EPUB/{c.file}" in files:  # a bug in the caller: never let one chapter replace another
            raise ValueError(f"EPUB file {c.file} would hold two parts of the book")
        files[f"EPUB/{c.file}"] = xhtml_document(f"{c.title}: {info.title}" if c.title != info.title else c.title,
                                                  c.body, info.language, c.landmark)
    for name, text in files.items():
        if name.endswith((".xhtml", ".opf", ".xml")):
            check_well_formed(name, text)
    entries = [("mimetype", b"application/epub+zip", False)]
    entries += [(name, files[name].encode("utf-8"), True) for name in sorted(files)]
    return zip_bytes(entries, info.modified)
