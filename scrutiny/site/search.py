"""Search: a Pagefind index of the written pages, built offline at the end of the site stage.

Only pages whose ``<main>`` carries ``data-pagefind-body`` are indexed (reports,
recommendations, committees, help pages); lists and trackers are left out so that each
result is the page that says the thing.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..writer import OutputWriter

BUNDLE = "pagefind"


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


def index_site(writer: OutputWriter, binary: Path) -> int:
    """Run Pagefind over the temporary output folder; returns the number of files it wrote
    (recorded in ``writer.written`` like every other output)."""
    cmd = [str(binary), "--site", str(writer.tmp), "--output-subdir", BUNDLE, "--glob", "**/index.html", "--quiet"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SearchIndexError(f"pagefind failed ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}")
    bundle = writer.tmp / BUNDLE
    count = 0
    for path in sorted(bundle.rglob("*")):
        if path.is_file():
            writer.written[path.relative_to(writer.tmp).as_posix()] = path.stat().st_size
            count += 1
    return count
