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
    tools: tuple[str, ...] = ()
    """System commands it needs; missing ones skip the format with a message."""
    install: str = ""
    """How to install the tools."""

    def exporter(self) -> Exporter:
        return importlib.import_module(f"scrutiny.exporters.{self.module}").EXPORTER

    def missing_tools(self) -> list[str]:
        return [t for t in self.tools if shutil.which(t) is None]


INSTALL = "sudo scripts/install-system-packages.sh"

REGISTRY: tuple[FormatInfo, ...] = (
    FormatInfo("data", "Recommendations data (CSV and JSON)", "for spreadsheets and analysis", "data"),
)


def format_info(format_id: str) -> FormatInfo:
    return next(f for f in REGISTRY if f.id == format_id)
