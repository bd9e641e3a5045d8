"""Each report's list of pages, kept in the page store under a key of the whole report, so
that a build links an unchanged report's pages without making its page jobs; and the list
of each site-wide group of pages that shows only what the site's lists show of every
report (the tracker's views and groups, the update rounds: 5,100 pages at N=1,000), under
a key of the site and every report's shown key (:func:`group_key`).

A report's pages (its page, one per recommendation and group, its tracker) all carry keys
made from :meth:`~.plan.Plan.report_key` (the tracker's also from the ready-made views'
counts). While those two are unchanged, every page key of the report is, and so is the
list of its pages: the list (each page's file, address, key, search kind and store
entry) is kept as ``<report>/.pages`` under a key of both, and the next build links the
entries it names (each checked by one ``stat``). At N=1,000 that is 17,811 recommendation
pages whose jobs (their titles, breadcrumbs, feed links) are not made again after an edit
to one report.

An entry named by a list but gone (pruned by another build since), or no longer a file of
the size listed, stops the linking: the pages not linked yet are made by jobs, as if
there were no list.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from ..model import Report
from ..urls import report_url
from ..writer import OutputWriter
from .pagestore import PageStore
from .plan import Page, Plan
from .trackerviews import view_links

#: Tag of a kept list (a list in another form is made again).
FORMAT = "report-pages-1"


def manifest_key(plan: Plan, report: Report) -> str | None:
    """Changes whenever a page key of the report could (None: pages are not kept)."""
    key = plan.report_key(report)
    if key is None:
        return None
    return hashlib.sha256(f"{FORMAT}\0{key}\0{view_links(plan)!r}".encode("utf-8")).hexdigest()


def group_key(plan: Plan, root: str) -> str | None:
    """The key of the list of a site-wide group of pages that show only what
    :meth:`~.plan.Plan.shown_key` covers of every report (the tracker's views and groups,
    the update rounds: ``root`` is their folder): the site's key and every report's shown
    key. While it is unchanged every page key of the group is, and so is the set of its
    pages (None: pages are not kept)."""
    if not plan.incremental:
        return None
    shown = plan.once("all-shown", lambda p: hashlib.sha256(
        repr([(r.id, p.shown_key(r)) for r in p.pub.reports]).encode("utf-8")).hexdigest())
    return hashlib.sha256(f"{FORMAT}\0{plan.global_key}\0{root}\0{shown}".encode("utf-8")).hexdigest()


@dataclass
class Manifests:
    """The page lists of one build's page store: each report's, and each site-wide group's
    kept whole (:func:`group_key`)."""

    store: PageStore
    writer: OutputWriter

    def link(self, key: str, owner: Report | str) -> tuple[list[Page], bool]:
        """Link every page the list of ``owner`` (a report, or a group's folder) names into
        the build: (the pages linked, and whether that is all of them); ([], False) without
        a list, or with one that is not a list this build could have written."""
        listing = self.store.get(key, _name(owner))
        rows = _rows(listing, _folder(owner)) if listing is not None else None
        if rows is None:
            return [], False
        report_id = owner.id if isinstance(owner, Report) else None
        linked = []
        for file, url, page_key, kind, entry, size in rows:
            path = self.store.named(entry)
            try:
                st = os.stat(path)
                if not stat.S_ISREG(st.st_mode) or st.st_size != size or size == 0:
                    return linked, False  # damaged since: made again, like an entry the store finds so
                self.writer.link(file, path, size, st.st_ino)
            except FileNotFoundError:
                return linked, False
            self.store.used.add(entry)
            linked.append(Page(file, url, page_key, kind, report_id))
        self.store.used.add(listing.name)
        return linked, True

    def keep(self, key: str, owner: Report | str, pages: list[Page]) -> None:
        """Keep the list of the pages of ``owner``, each with the entry the store holds it in."""
        rows = []
        for page in pages:
            rows.append((page.file, page.url, page.key, page.search_kind, self.store.name(page.key, page.file),
                         self.writer.written[page.file]))
        self.store.put_bytes(key, _name(owner), json.dumps([FORMAT, rows]).encode("utf-8"))


def _rows(listing: Path, folder: str) -> list[tuple[str, str, str, str, str, int]] | None:
    """The rows of a kept list, each checked: files of the owner's own ``folder``, entries
    of the store's own form; None if the list cannot be read or any row is not such a row."""
    try:
        tag, rows = json.loads(listing.read_bytes())
    except (OSError, ValueError, TypeError):
        return None
    if tag != FORMAT or not isinstance(rows, list):
        return None
    out: list[tuple[str, str, str, str, str, int]] = []
    seen: set[str] = set()
    for row in rows:
        if not (isinstance(row, list) and len(row) == 6 and all(isinstance(x, str) for x in row[:5])
                and isinstance(row[5], int)):
            return None
        file, url, page_key, kind, entry, size = row
        if (not file.startswith(folder) or ".." in file.split("/") or file in seen
                or not _ENTRY.fullmatch(entry)):
            return None
        seen.add(file)
        out.append((file, url, page_key, kind, entry, size))
    return out


#: A store entry's name: a SHA-256 in hexadecimal.
_ENTRY = re.compile(r"[0-9a-f]{64}")


def _folder(owner: Report | str) -> str:
    """Where the owner's pages are: a report's folder, or the group's."""
    return report_url(owner.id) if isinstance(owner, Report) else owner


def _name(owner: Report | str) -> str:
    return f"{_folder(owner)}.pages"
