"""Loaders: the only code that reads the content from disk."""

from __future__ import annotations

from pathlib import Path

from ..model import Content
from ..problems import Problems
from .config import ALL_FORMATS, load_config
from .reports import load_reports

__all__ = ["ALL_FORMATS", "load_content", "load_config"]


def load_content(root: Path, problems: Problems) -> Content | None:
    """Read site_config.yaml and every report; problems are collected, not raised."""
    config = load_config(root, problems)
    reports, unreadable = load_reports(root, config, problems)
    if config is None:
        return None
    return Content(config, tuple(reports), tuple(unreadable), root=str(root))
