"""Export formats, each in its own module behind one small protocol.

An exporter takes the publication, one report (or None for site-wide files) and a
:class:`~scrutiny.writer.Folder` to write into. ``REGISTRY`` lists them in build order.
"""

from __future__ import annotations

import importlib
import shutil
from dataclasses import dataclass
from typing import Protocol

from ..model import Report
from ..publication import Publication
from ..writer import Folder


class Exporter(Protocol):
    def export(self, pub: Publication, report: Report, out: Folder) -> None:
        """Write this format's file(s) for ``report`` into ``out``."""


@dataclass(frozen=True)
class FormatInfo:
    """What a format is, for the build and for the report page's list of formats."""

    id: str
    """The id used in site_config.yaml ``formats``."""
    label: str
    """Name shown to readers ("Word document")."""
    purpose: str
    """What it is for, in one phrase."""
    module: str
    """Module in scrutiny.exporters holding ``EXPORTER``."""
    files: tuple[tuple[str, str], ...]
    """(file name pattern, media type) of the files a report gets; ``{id}`` is the report id.
    The first is the one the report page links to."""
    tools: tuple[str, ...] = ()
    """System commands it needs; when one is missing the build skips the format and says so."""

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
    FormatInfo("data", "Recommendations data", "the recommendations as a spreadsheet (CSV) or for programs (JSON)",
               "data", (("recommendations.csv", "text/csv"), ("recommendations.json", "application/json"))),
    FormatInfo("txt", "Plain text", "for screen readers, braille displays and any device",
               "text", (("{id}.txt", "text/plain"),)),
    FormatInfo("large-print", "Large print", "18 point sans-serif text for people with low vision",
               "largeprint", (("{id}-large-print.pdf", "application/pdf"), ("{id}-large-print.html", "text/html"))),
    FormatInfo("pdf", "PDF", "a tagged PDF to print or keep",
               "pdf", (("{id}.pdf", "application/pdf"),)),
    FormatInfo("docx", "Word document", "to read, copy or adapt in a word processor",
               "docx", (("{id}.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),)),
    FormatInfo("epub", "EPUB e-book", "for e-readers and reading apps, with adjustable text",
               "epub", (("{id}.epub", "application/epub+zip"),)),
    FormatInfo("brf", "Braille (BRF)", "Unified English Braille grade 2, 40 cells by 25 lines, for embossers and braille displays",
               "braille", (("{id}.brf", "application/x-brf"),), tools=("lou_translate",)),
    FormatInfo("audio", "Audio", "the report read aloud, one MP3 track per section",
               "audio", (("audio/playlist.m3u", "audio/x-mpegurl"),), tools=("espeak-ng", "lame")),
)


def format_info(format_id: str) -> FormatInfo:
    return next(f for f in REGISTRY if f.id == format_id)
