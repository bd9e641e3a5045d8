"""The one Markdown pipeline (markdown-it-py) and our plugins."""

from .context import Citation, Placement, RecIndex, Target
from .pipeline import ParsedReport, build_index, make_parser, parse_content, parse_report

__all__ = ["Citation", "Placement", "ParsedReport", "RecIndex", "Target", "build_index", "make_parser",
           "parse_content", "parse_report"]
