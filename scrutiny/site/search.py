"""Search: Pagefind indexes of the written pages, built offline at the end of the site stage.

Only pages whose ``<main>`` carries ``data-pagefind-body`` are indexed (reports,
recommendations, committees, help pages); lists and trackers are left out so that each
result is the page that says the thing.

The index is sharded so that an edit to one report re-indexes a few dozen reports, not the
whole site (Pagefind has no incremental indexing): each report belongs to one of
:func:`shard_count` shards by a hash of its id, and the pages that belong to no report
(committees, help) go with shard ``00`` (a shard of their own, a few pages, would rank
them above every report: Pagefind scores each bundle's pages against that bundle's
own). Each shard is a Pagefind bundle of its own, under ``pagefind/``:

- ``pagefind/<nn>/``: every indexed page of shard ``nn``. Recommendation pages carry one
  filter, ``kind`` with the one value ``Recommendation``, which the search page's
  "Recommendations" choice uses;
- ``pagefind/<nn>/reports/``: shard ``nn``'s report pages alone, for the "Reports" choice.

The search page lists the bundles of each choice (``data-bundles``); ``theme/search.js``
loads the first and merges the others into it with Pagefind's ``mergeIndex``, so one search
covers them all. A shard is indexed again only when one of its pages changed (the builder
keys each shard by its pages).

Why not one filter with a value per kind: Pagefind 1.5.2 writes a filter's values, and its
filters, in hash-map order, so two builds of the same pages would differ; a single filter
with a single value is written the same every time (a fix is in Pagefind after 1.5.2). The
reports bundles are small (one page a report).

Each recommendation page also carries metadata: ``title``, ``aliases`` (the number's short
forms, "R3" and "Rec 3", so that they find the page), ``decision``, ``status`` and
``flags``, in the words of the page's own summary. Pagefind (1.5 and later) searches
metadata and returns it with a result, but never cuts an excerpt from it: excerpts are
visible text only. ``theme/search.js`` reads all of this back.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

BUNDLE = "pagefind"
SITE_SHARD = "00"
"""The shard that also holds the pages that belong to no report."""
REPORTS_PER_SHARD = 64
"""About how many reports one shard holds (what one edit re-indexes)."""
MAX_SHARDS = 32
"""At most this many report shards: the browser loads each one's Pagefind files (about
75 KB of WebAssembly and its metadata) before the first search."""
def shard_count(reports: int) -> int:
    """Report shards for a site of ``reports`` reports: a power of two, so that a site that
    grows re-shards (and re-indexes everything) only when it doubles."""
    count = 1
    while count * REPORTS_PER_SHARD < reports and count < MAX_SHARDS:
        count *= 2
    return count


def shard_of(report_id: str, count: int) -> str:
    """The shard of a report's pages: the same for the same id and count on every build."""
    digest = hashlib.sha256(report_id.encode("utf-8")).digest()
    return f"{int.from_bytes(digest[:8], 'big') % count:02d}"


def bundles(report_ids: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The bundle folders (``pagefind/00/``, ...) that hold every indexed page, and those that
    hold the report pages, for the search page: the shards with a report, and ``00``."""
    ids = list(report_ids)
    shards = sorted({shard_of(i, shard_count(len(ids))) for i in ids})
    return (tuple(f"{BUNDLE}/{s}/" for s in sorted({SITE_SHARD, *shards})),
            tuple(f"{BUNDLE}/{s}/reports/" for s in shards))


@dataclass(frozen=True)
class Shard:
    """One Pagefind bundle to write: its folder and the pages it indexes."""

    name: str
    """The shard's two digits."""
    pages: tuple[str, ...]
    """Every indexed page's file (``reports/x/index.html``), sorted."""
    reports: tuple[str, ...] = ()
    """The report pages among them, indexed again on their own into ``<folder>/reports/``."""

    @property
    def folder(self) -> str:
        return f"{BUNDLE}/{self.name}"


class SearchIndexError(RuntimeError):
    """Pagefind failed on pages we wrote (a bug, not a content problem)."""


def pagefind_binary() -> Path | None:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        return None
    try:
        return get_executable()
    except FileNotFoundError:
        return None


def _pagefind(binary: Path, bundles: list[tuple[Iterable[str], Path]], path_of: Callable[[str], str],
              scratch: Callable[[], Path]) -> None:
    """Index exactly ``files`` (paths in the site, whose bytes are at ``path_of(file)``)
    into the bundle folder ``out``, for each (files, out) of ``bundles``, the bundles at once
    (a Pagefind process each): the files are hard-linked into a folder of their own, in the
    same places, so that Pagefind reads those alone and gives them the same URLs (no glob
    to match them: a glob of a thousand paths is longer than one command-line argument may be).
    That folder is ``scratch()``, the writer's (outside the version, removed after the build
    without waiting for it: 1,400 pages' links took 0.3 s to remove)."""
    with contextlib.ExitStack() as stack:
        running = []
        for files, out in bundles:
            farm = str(scratch())
            for rel in files:
                dest = Path(farm, rel)
                dest.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(path_of(rel), dest)
                except OSError:  # another file system
                    shutil.copyfile(path_of(rel), dest)
            cmd = [str(binary), "--site", farm, "--output-path", str(out), "--quiet"]
            running.append(stack.enter_context(subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                                                text=True)))
        done = [(process.communicate(), process.returncode) for process in running]
    for (stdout, stderr), returncode in done:
        if returncode != 0:
            raise SearchIndexError(f"pagefind failed ({returncode}): {stderr.strip() or stdout.strip()}")


def index_shard(site: Path, binary: Path, shard: Shard, path_of: Callable[[str], str] | None = None,
                out: Path | None = None, *, scratch: Callable[[], Path]) -> list[Path]:
    """Index the shard's pages of the temporary output folder ``site`` into its bundle, and
    its report pages alone into ``<bundle>/reports/`` (at once); returns the files written
    (the caller records them). Shards can be indexed at once: each writes its own folder.
    ``path_of``: where a page's bytes are (the writer's
    :meth:`~scrutiny.writer.OutputWriter.path_of`; by default, in ``site``); ``out``: where
    the bundle goes (the writer's :meth:`~scrutiny.writer.OutputWriter.folder`; by default
    ``site``'s shard folder); ``scratch``: a new folder for the links Pagefind reads, each
    time it is called (the writer's :meth:`~scrutiny.writer.OutputWriter.scratch`)."""
    where = path_of or (lambda rel: os.path.join(site, rel))
    out = out or site / shard.folder
    _pagefind(binary, [(shard.pages, out), *([(shard.reports, out / "reports")] if shard.reports else [])], where,
              scratch)
    return sorted(p for p in out.rglob("*") if p.is_file())
