"""Stable URLs of the site, relative to its root (always ending in / for pages)."""

from __future__ import annotations

import re

from .model import RecNumber, SiteConfig


def slugify(text: str, default: str = "x") -> str:
    """Lower-case letters and digits joined by hyphens ("Jo Bloggs" -> "jo-bloggs"), the
    one form of every id and anchor made from words; ``default`` when nothing is left."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or default


def report_url(report_id: str) -> str:
    return f"reports/{report_id}/"


def unit_folders(config: SiteConfig, tops: tuple[str, ...], wholes: tuple[str, ...] = ()):
    """Which folder of its own a path of the output is in, if any: a folder under one of
    ``tops`` in any language's site (``reports/<id>``, ``cy/reports/<id>``, and the search
    index's shards when ``tops`` names their folder), or one of ``wholes`` itself with
    everything under it (``changes``, ``cy/changes``), which the writer makes as a version
    of its own (:mod:`scrutiny.units`)."""
    prefixes = [config.url_prefix(language) for language in config.all_languages]
    starts = tuple(prefix + top + "/" for prefix in prefixes for top in tops)
    whole = tuple(prefix + top + "/" for prefix in prefixes for top in wholes)

    def folder_of(rel: str) -> str | None:
        for start in starts:
            if rel.startswith(start):
                name, slash, rest = rel[len(start):].partition("/")
                if slash and name and rest:
                    return start + name
        for start in whole:
            if rel.startswith(start) and len(rel) > len(start):
                return start[:-1]
        return None
    return folder_of


def recommendation_url(report_id: str, number: RecNumber | str) -> str:
    slug = number.slug if isinstance(number, RecNumber) else number
    return f"reports/{report_id}/recommendations/{slug}/"


def tracker_url(report_id: str | None = None) -> str:
    return f"reports/{report_id}/tracker/" if report_id else "tracker/"


def committee_url(committee_id: str) -> str:
    return f"committees/{committee_id}/"


def absolute(config: SiteConfig, url: str) -> str:
    return config.base_url + url


def relative(from_page: str, to: str) -> str:
    """A relative link from one page URL (``a/b/``) to another site path, so the site
    works from any folder, a file:// URL included."""
    depth = from_page.count("/")
    prefix = "../" * depth
    return (prefix + to) or "./"
