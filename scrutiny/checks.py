"""Checks that need the whole parsed publication (after loading and parsing)."""

from __future__ import annotations

from typing import Mapping

from .markdown import ParsedReport
from .model import Content
from .problems import Problems


def check_publication(content: Content, parsed: Mapping[str, ParsedReport], problems: Problems) -> None:
    for report in content.reports:
        doc = parsed[report.id]
        for rec in report.recommendations:
            for para in rec.follows_from:
                if para > doc.paragraph_count:
                    problems.add(rec.source.path, rec.source.line,
                                 f"recommendation {rec.number} follows from paragraph {para}, but the report has "
                                 f"{doc.paragraph_count} numbered paragraphs",
                                 "check follows_from against the numbered paragraphs")
            if rec.response and report.published and rec.response.date < report.published:
                problems.add(rec.response.source.path, rec.response.source.line,
                             f"the response to recommendation {rec.number} is dated {rec.response.date}, "
                             f"before the report was published ({report.published})", "check the dates")
