"""Loaders: the only code that reads the content from disk."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from ..model import Content
from ..problems import Problems
from .config import ALL_FORMATS, load_config
from .reports import load_reports
from .translations import load_translations

__all__ = ["ALL_FORMATS", "load_content", "load_config"]


def load_content(root: Path, problems: Problems, as_of: dt.date | None = None) -> Content | None:
    """Read site_config.yaml and every report; problems are collected, not raised.
    ``as_of`` replaces ``site.as_of`` (``--as-of``), before the reports are checked against it."""
    config = load_config(root, problems)
    if config is not None and as_of is not None:
        config = replace(config, as_of=as_of)
    reports, unreadable = load_reports(root, config, problems)
    if config is None:
        return None
    translations = load_translations(root, reports, config, problems)
    return Content(config, tuple(reports), tuple(unreadable), root=str(root),
                   translations=tuple(sorted(translations, key=lambda r: (r.id, config.all_languages.index(r.language)))))
