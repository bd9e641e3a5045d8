"""The search index being made, shard by shard (:mod:`.search` says what a shard is):
which shards a build's pages fall into, which of them an earlier build kept, and the
Pagefind processes that index the others while the build goes on."""

from __future__ import annotations

import hashlib
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable

from ..parallel import jobs as cores
from ..publication import Publication
from ..urls import report_url
from ..writer import OutputWriter
from .pagestore import PageStore
from .plan import Page
from .search import SITE_SHARD, Shard, index_shard, shard_count, shard_of


class SearchIndex:
    """The search index being made: of the shards :meth:`add` is given, those whose pages
    are unchanged are linked from the store by :meth:`finish`; the others are indexed from
    :meth:`start` on, in threads that each wait for a Pagefind process (and touch nothing
    of the build but their own folders: where each page's bytes are is worked out when the
    shard is added, its pages all written)."""

    def __init__(self, binary: Path, writer: OutputWriter, store: PageStore | None):
        self.started: float | None = None
        """When the first shard started to be indexed."""
        self.writer, self.store = writer, store
        self.files = 0
        """The files of the index (:meth:`finish`)."""
        self.seconds = 0.0
        """From the first shard started to the last one done (:meth:`finish`)."""
        self.shards: list[tuple[Shard, str]] = []
        self.kept: list[tuple[Shard, list[tuple[str, str, int, int]]]] = []
        self.todo: list[tuple[Shard, str, str, dict[str, str]]] = []
        """Each shard to index, its digest, the folder its bundle goes to, and where each of
        its pages' bytes are."""
        self.binary, self.site = binary, writer.tmp
        self.pool = ThreadPoolExecutor(max_workers=cores())
        self.made: list = []
        """The shards being indexed, in the order of :attr:`todo`."""

    def add(self, shards: list[tuple[Shard, str]]) -> None:
        """Shards whose pages are all written (each with its digest)."""
        for shard, digest in shards:
            self.shards.append((shard, digest))
            kept = self.store.bundle(digest) if self.store is not None else None
            if kept is None:
                sources = {page: self.writer.path_of(page) for page in shard.pages}
                self.todo.append((shard, digest, self.writer.folder(shard.folder), sources))
            else:
                self.kept.append((shard, kept))

    def start(self) -> None:
        """Start indexing the shards to index not started yet."""
        if self.started is None and len(self.todo) > len(self.made):
            self.started = time.perf_counter()
        self.made += [self.pool.submit(index_shard, self.site, self.binary, shard, sources.__getitem__, Path(out),
                                       scratch=self.writer.scratch)
                      for shard, _, out, sources in self.todo[len(self.made):]]

    def abandon(self) -> None:
        """Wait for the shards being indexed (none more is started): the build failed."""
        self.pool.shutdown(wait=True, cancel_futures=True)

    def finish(self) -> set[str]:
        """Wait for the shards being indexed and record their files; link the kept ones.
        Returns the digests of every shard (what the store keeps)."""
        try:
            for shard, kept in self.kept:
                for rel, path, size, inode in kept:
                    self.writer.link(f"{shard.folder}/{rel}", path, size, inode)
                self.files += len(kept)
            made = [future.result() for future in self.made]
        finally:
            self.pool.shutdown(wait=True)
        for (shard, digest, out, _), files in zip(self.todo, made):
            for path in files:
                self.writer.record(f"{shard.folder}/{path.relative_to(out).as_posix()}", path.stat().st_size)
            self.files += len(files)
            if self.store is not None:
                self.store.put_bundle(digest, Path(out))
        self.seconds = time.perf_counter() - (self.started or time.perf_counter())
        return {digest for _, digest in self.shards}


def search_shards(pub: Publication, listed: list[Page], digests: dict[str, str], code: str,
                  only: Callable[[str], bool] = lambda name: True) -> list[tuple[Shard, str]]:
    """The shards of the search index (:mod:`.search`) that ``only`` keeps (by name), each
    with a digest of what it reads: its pages' files and search keys or keys (a page
    without either, the hash of its bytes, by file), and ``code`` (the code that renders pages:
    :func:`.builder.code_key`)."""
    count = shard_count(len(pub.reports))
    of_report: dict[str, str] = {}  # each report's shard, worked out once
    pages: dict[str, list[tuple[str, str, bool]]] = {SITE_SHARD: []} if only(SITE_SHARD) else {}
    for page in listed:
        if not page.search_kind:
            continue
        if page.report_id is None:
            name = SITE_SHARD
        elif (name := of_report.get(page.report_id)) is None:
            name = of_report[page.report_id] = shard_of(page.report_id, count)
        if not only(name):
            continue
        is_report = page.report_id is not None and page.url == report_url(page.report_id)
        pages.setdefault(name, []).append((page.file, page.search_key or page.key or digests[page.file], is_report))
    out = []
    for name in sorted(pages):
        listed = sorted(pages[name])
        h = hashlib.sha256(f"{name}\0{code}\0".encode("utf-8"))
        for file, key, _ in listed:
            h.update(f"{file}\0{key}\0".encode("utf-8"))
        shard = Shard(name, tuple(f for f, _, _ in listed), tuple(f for f, _, is_report in listed if is_report))
        out.append((shard, h.hexdigest()))
    return out
