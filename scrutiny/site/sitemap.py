"""``sitemap.xml``: every page of the site, for search engines.

The sitemap protocol needs absolute addresses; with a base URL that is not an absolute web
address (the default ``/``), each page is written with its path only (``/reports/x/``),
which a search engine cannot use until ``base_url`` is set. No ``lastmod`` is written: a
page changes with the build's ``as_of`` day (how long something is overdue), which the
content does not date.
"""

from __future__ import annotations

from typing import Iterable
from xml.sax.saxutils import escape

from ..writer import OutputWriter

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap_xml(base_url: str, pages: Iterable[str]) -> bytes:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{NS}">']
    for url in sorted(set(pages)):
        lines.append(f"  <url><loc>{escape(base_url + url)}</loc></url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_sitemap(writer: OutputWriter, base_url: str, pages: Iterable[str]) -> None:
    """``pages``: site paths of the pages written (``404.html`` is left out)."""
    writer.write("sitemap.xml", sitemap_xml(base_url, [p for p in pages if p != "404.html"]))
