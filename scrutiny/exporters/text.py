"""Plain text: ``reports/<id>/<id>.txt``, UTF-8, lines of at most 80 characters.

The report's parts (:mod:`scrutiny.render.textdoc`) laid out by :func:`scrutiny.render.text.layout`:
the title underlined with ``=``, parts and sections with ``-``, sub-headings in capitals,
numbered paragraphs with a hanging indent, links and footnotes as numbered notes.
"""

from __future__ import annotations

from ..model import Report
from ..publication import Publication
from ..render.textlayout import layout
from ..render.textdoc import ReportText
from ..writer import Folder

WIDTH = 80


def report_lines(pub: Publication, report: Report, width: int = WIDTH) -> list[str]:
    blocks = [b for part in ReportText(pub, report, "plain text").parts() for b in part.blocks]
    return layout(blocks, width)


class TextExporter:
    def export(self, pub: Publication, report: Report, out: Folder) -> None:
        text = "\n".join(report_lines(pub, report)) + "\n"
        out.write(f"{report.id}.txt", text)


EXPORTER = TextExporter()
