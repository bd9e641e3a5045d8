"""Work spread over every core: one small helper that the build's stages share.

``run_parallel(work, items, shared)`` calls ``work(shared, item)`` for every item, in
worker processes forked from this one (so ``shared``, e.g. the checked publication, is
not pickled: each worker inherits it), and returns the results in the items' order. With
one core, one item, or ``SCRUTINY_JOBS=1``, it runs in this process: the same results,
and a traceback that points at the work itself.

Results must be picklable and should be small (bytes of a page, paths of files written):
the workers write big outputs to disk themselves when they can. The parent's objects are
frozen (``gc.freeze``) while the workers run, so that a worker's garbage collections do not
write to the pages it shares with the parent (each write would copy a page).
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

from .heap import heap_frozen

T = TypeVar("T")
S = TypeVar("S")
R = TypeVar("R")

#: The job set by :func:`run_parallel` in the parent just before the workers fork; each
#: worker reads it once. Cleared when the call returns, so nothing outlives one call.
_job: tuple[Callable, object] | None = None


def jobs() -> int:
    """How many processes to use: ``SCRUTINY_JOBS`` if set, else the cores this process
    may run on (a bigger machine goes faster without a change)."""
    wanted = os.environ.get("SCRUTINY_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _call(item):
    work, shared = _job
    return work(shared, item)


def run_parallel(work: Callable[[S, T], R], items: Iterable[T], shared: S, chunksize: int = 0) -> list[R]:
    """``[work(shared, item) for item in items]``, over :func:`jobs` forked processes."""
    return list(each_parallel(work, items, shared, chunksize))


#: Up to this many items, :func:`chunking` sends each to a worker on its own.
ONE_BY_ONE = 400


def chunking(count: int, chunk: int, renew: int) -> tuple[int, int]:
    """(chunk size, chunks before a worker is renewed) for :func:`each_parallel` over
    ``count`` items: ``chunk`` and ``renew`` for many, but one at a time for up to
    :data:`ONE_BY_ONE`, since a few items can take most of the time (a site tracker of
    17,000 rows, the site's calendar) and a chunk would hand them all to one worker while
    the others wait; a worker is renewed after about ``chunk * renew`` items either way."""
    return (1, chunk * renew) if count <= ONE_BY_ONE else (chunk, renew)


def each_parallel(work: Callable[[S, T], R], items: Iterable[T], shared: S, chunksize: int = 0,
                  renew: int | None = None) -> Iterator[R]:
    """:func:`run_parallel`, each result handed over as soon as it and those before it are
    done: the caller can write and drop them while the workers go on (the pages of a big
    site are not all held at once). ``chunksize``: items sent to a worker at a time;
    ``renew``: chunks a worker does before a fresh one is forked in its place (what a
    worker unpacks or caches for its items stays with it: renewed, its memory does not
    grow over a long run)."""
    global _job
    items = list(items) if not isinstance(items, Sequence) else items
    n = min(jobs(), len(items))
    if n <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from (work(shared, item) for item in items)
        return
    _job = (work, shared)
    try:
        with heap_frozen():  # the parent's objects out of the workers' collections: their pages stay shared
            with multiprocessing.get_context("fork").Pool(n, maxtasksperchild=renew) as pool:
                yield from pool.imap(_call, items, chunksize=chunksize or max(1, len(items) // (n * 4)))
    finally:
        _job = None
