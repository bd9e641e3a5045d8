"""Export formats, each in its own module behind one small protocol.

An exporter takes the publication, one report (or None for site-wide files) and a
:class:`~scrutiny.writer.Folder` to write into. ``REGISTRY`` lists them in build order,
each with what its files depend on besides the content and our code (the tools, fonts and
libraries it runs): the export cache keys on their versions (:mod:`scrutiny.cache`).
"""

from __future__ import annotations

import importlib
import shutil
from dataclasses import dataclass
from typing import Protocol

from ..i18n import N_, _
from ..model import Report
from ..publication import Publication
from ..render.print_css import FONTS
from ..writer import Folder


@dataclass(frozen=True)
class Tool:
    """A system command; its version is what ``command *version_args`` prints."""

    command: str
    version_args: tuple[str, ...] = ("--version",)


@dataclass(frozen=True)
class Library:
    """A Python distribution (as pip names it); its version is the installed one."""

    name: str


@dataclass(frozen=True)
class NativeLibrary:
    """A shared library loaded through ctypes/cffi (``pango-1.0``); its version is the file
    the dynamic linker loads (Debian names it with the full version) and its size."""

    name: str


@dataclass(frozen=True)
class Fonts:
    """Font families as fontconfig resolves them; their version is their files' content."""

    families: tuple[str, ...]


@dataclass(frozen=True)
class BrailleTables:
    """liblouis tables, as lou_translate takes them (comma-separated); their version is the
    content of every table they include."""

    tables: str


Dependency = Tool | Library | NativeLibrary | Fonts | BrailleTables

#: What every format depends on (with Python itself, which the cache adds): the Markdown
#: parser and the YAML reader.
COMMON: tuple[Dependency, ...] = (Library("markdown-it-py"), Library("mdit-py-plugins"), Library("PyYAML"))

#: WeasyPrint and what it renders with: the PDF files and the large print.
PRINT: tuple[Dependency, ...] = (
    Library("weasyprint"), Library("pydyf"), Library("fonttools"), Library("Pyphen"), Library("tinycss2"),
    Library("cssselect2"), Library("tinyhtml5"), Library("pillow"), Library("zopfli"), Library("brotli"),
    NativeLibrary("pango-1.0"), NativeLibrary("harfbuzz"), NativeLibrary("harfbuzz-subset"),
    NativeLibrary("fontconfig"),
    Fonts(tuple(family.strip().strip('"') for family in FONTS.split(","))),
)

#: The chart renderer (tables' charts drawn into PDF and EPUB).
CHARTS: tuple[Dependency, ...] = (Library("vl-convert-python"),)


class Exporter(Protocol):
    def export(self, pub: Publication, report: Report, out: Folder) -> None:
        """Write this format's file(s) for ``report`` into ``out``."""


@dataclass(frozen=True)
class FormatInfo:
    """What a format is, for the build and for the report page's list of formats."""

    id: str
    """The id used in site_config.yaml ``formats``."""
    label_words: str
    """Name shown to readers, in English ("Word document"; :attr:`label` translates it)."""
    purpose_words: str
    """What it is for, in one phrase, in English (:attr:`purpose` translates it)."""
    module: str
    """Module in scrutiny.exporters holding ``EXPORTER``."""
    files: tuple[tuple[str, str], ...]
    """(file name pattern, media type) of the files a report gets; ``{id}`` is the report id.
    The first is the one the report page links to."""
    depends: tuple[Dependency, ...] = ()
    """What its files depend on besides the content and our code (with :data:`COMMON`):
    the export cache keys on their versions, so a new tool, font or library re-exports."""

    @property
    def label(self) -> str:
        """Its name in the current language."""
        return _(self.label_words)

    @property
    def purpose(self) -> str:
        return _(self.purpose_words)

    @property
    def tools(self) -> tuple[str, ...]:
        """System commands it needs; when one is missing the build skips the format and says
        so (``--strict``: fails)."""
        return tuple(d.command for d in self.depends if isinstance(d, Tool))

    @property
    def dependencies(self) -> tuple[Dependency, ...]:
        return COMMON + self.depends

    def exporter(self) -> Exporter:
        return importlib.import_module(f"scrutiny.exporters.{self.module}").EXPORTER

    def missing_tools(self) -> list[str]:
        return [t for t in self.tools if shutil.which(t) is None]

    def main_file(self, report_id: str) -> str:
        return self.files[0][0].format(id=report_id)


#: How to install every system tool a format needs (named when a format is skipped).
INSTALL = "sudo scripts/install-system-packages.sh"

#: Every format, in build order.
REGISTRY: tuple[FormatInfo, ...] = (
    FormatInfo("data", N_("Recommendations data"), N_("the recommendations as a spreadsheet (CSV) or for programs (JSON)"),
               "data", (("recommendations.csv", "text/csv"), ("recommendations.json", "application/json"))),
    FormatInfo("txt", N_("Plain text"), N_("for screen readers, braille displays and any device"),
               "text", (("{id}.txt", "text/plain"),)),
    FormatInfo("large-print", N_("Large print"), N_("18 point sans-serif text for people with low vision"),
               "largeprint", (("{id}-large-print.pdf", "application/pdf"), ("{id}-large-print.html", "text/html")),
               depends=PRINT),
    FormatInfo("pdf", N_("PDF"), N_("a tagged PDF to print or keep"),
               "pdf", (("{id}.pdf", "application/pdf"),), depends=PRINT + CHARTS),
    FormatInfo("docx", N_("Word document"), N_("to read, copy or adapt in a word processor"),
               "docx", (("{id}.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),),
               depends=(Library("python-docx"), Library("lxml"))),
    FormatInfo("epub", N_("EPUB e-book"), N_("for e-readers and reading apps, with adjustable text"),
               "epub", (("{id}.epub", "application/epub+zip"),), depends=(Library("lxml"),) + CHARTS),
    FormatInfo("brf", N_("Braille (BRF)"),
               N_("Unified English Braille grade 2, 40 cells by 25 lines, for embossers and braille displays"),
               "braille", (("{id}.brf", "application/x-brf"),),
               depends=(Tool("lou_translate"), BrailleTables("en-us-brf.dis,en-ueb-g2.ctb"),
                        BrailleTables("en-us-brf.dis,cy-cy-g2.ctb"))),
    FormatInfo("audio", N_("Audio"), N_("the report read aloud, one MP3 track per section"),
               "audio", (("audio/playlist.m3u", "audio/x-mpegurl"),),
               depends=(Tool("espeak-ng"), Tool("lame"), Library("mutagen"))),
)


def format_info(format_id: str) -> FormatInfo:
    return next(f for f in REGISTRY if f.id == format_id)
