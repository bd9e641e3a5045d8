"""The one Markdown pipeline (markdown-it-py) and our plugins."""

from .context import Citation, Placement
from .pipeline import ParsedReport, make_parser, parse_content, parse_report

__all__ = ["Citation", "Placement", "ParsedReport", "make_parser", "parse_content", "parse_report"]
