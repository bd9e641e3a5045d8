"""Search: a Pagefind index of the written pages, built offline at the end of the site stage.

Only pages whose ``<main>`` carries ``data-pagefind-body`` are indexed (reports,
recommendations, committees, help pages); lists and trackers are left out so that each
result is the page that says the thing.

Two bundles, both under ``pagefind/``:

- ``pagefind/``: every indexed page. Recommendation pages carry one filter, ``kind`` with
  the one value ``Recommendation``, which the search page's "Recommendations" choice uses.
- ``pagefind/reports/``: the report pages alone, for its "Reports" choice.

Why not one filter with a value per kind: Pagefind 1.5.2 writes a filter's values, and its
filters, in hash-map order, so two builds of the same pages would differ; a single filter
with a single value is written the same every time (a fix is in Pagefind after 1.5.2). The
reports bundle is small (one page a report).

Each recommendation page also carries metadata: ``title``, ``aliases`` (the number's short
forms, "R3" and "Rec 3", so that they find the page), ``decision``, ``status`` and
``flags``, in the words of the page's own summary. Pagefind (1.5 and later) searches
metadata and returns it with a result, but never cuts an excerpt from it: excerpts are
visible text only. ``theme/search.js`` reads all of this back.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Iterable

from ..writer import OutputWriter

BUNDLE = "pagefind"
REPORTS_BUNDLE = f"{BUNDLE}/reports"
"""The report pages alone (inside the main bundle's folder, so that it is kept and reused with it)."""


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


def _pagefind(binary: Path, site: Path, subdir: str, glob: str) -> None:
    cmd = [str(binary), "--site", str(site), "--output-subdir", subdir, "--glob", glob, "--quiet"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SearchIndexError(f"pagefind failed ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}")


def index_site(writer: OutputWriter, binary: Path, folders: Iterable[str] | None = None) -> int:
    """Run Pagefind over the temporary output folder: every page, then the report pages
    alone; returns the number of files it wrote (recorded in ``writer.written`` like every
    other output). ``folders``: index only the home page and these top folders (the main
    language of a bilingual site, whose other languages' sites lie in folders of their
    own with their own index)."""
    names = sorted(set(folders)) if folders is not None else None
    pages = "**/index.html" if names is None else "{index.html,{" + ",".join(names) + "}/**/index.html}"
    _pagefind(binary, writer.tmp, BUNDLE, pages)
    _pagefind(binary, writer.tmp, REPORTS_BUNDLE, "reports/*/index.html")
    bundle = writer.tmp / BUNDLE
    count = 0
    for path in sorted(bundle.rglob("*")):
        if path.is_file():
            writer.written[path.relative_to(writer.tmp).as_posix()] = path.stat().st_size
            count += 1
    return count
