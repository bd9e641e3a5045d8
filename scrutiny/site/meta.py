"""What a page says about itself for sharing and search engines: schema.org JSON-LD.

(OpenGraph tags are written by ``templates/base.html.j2`` from :class:`.context.PageMeta`.)
"""

from __future__ import annotations

import json

from ..model import Report, SiteConfig
from ..urls import report_url


def script_json(data: dict) -> str:
    """JSON for a ``<script type="application/ld+json">`` element: ``<``, ``>`` and ``&``
    written as ``\\u003c``, ``\\u003e`` and ``\\u0026``, so no text can close the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, indent=None)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def report_json_ld(report: Report, config: SiteConfig) -> str:
    """A schema.org ``Report``: its name, the day it was published (only when the
    content states it, at the precision it states), its publisher, the committee as its
    author and its address."""
    committee = config.committee(report.committee)
    data: dict = {"@context": "https://schema.org", "@type": "Report", "name": report.title}
    if report.code:
        data["reportNumber"] = report.code
    if report.summary:
        data["description"] = report.summary
    if report.published is not None:
        data["datePublished"] = report.published.isoformat()
    data["publisher"] = {"@type": "Organization", "name": report.council or committee.council or config.publisher}
    data["author"] = {"@type": "Organization", "name": committee.name}
    data["url"] = config.base_url + report_url(report.id)
    data["inLanguage"] = config.language
    return script_json(data)
