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

import gc
import multiprocessing
import os
import pickle
import traceback
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


class Background:
    """``work(shared)`` running in a process forked from this one while this one goes on
    (:func:`in_background`); :meth:`result` waits for it. The result and any exception
    come back pickled: an exception carries the worker's traceback as a note, and one that
    cannot be pickled comes back as a RuntimeError with its words."""

    def __init__(self, work: Callable[[S], R], shared: S):
        self._value: tuple[bool, object] | None = None
        self._process = None
        if jobs() <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            self._value = _outcome(work, shared)  # here and now: the same result, a plain traceback
            return
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_background, args=(work, shared, send), daemon=True)
        self._process.start()
        send.close()

    def result(self) -> R:
        """The work's result once it is done; its exception raised here if it raised one."""
        if self._value is None:
            try:
                self._value = self._receive.recv()
            except EOFError:  # it died without a word (killed, out of memory)
                self._process.join()
                self._value = (False, RuntimeError(f"a background worker stopped (exit code {self._process.exitcode})"))
            finally:
                self._receive.close()
            self._process.join()
        ok, value = self._value
        if not ok:
            raise value  # type: ignore[misc]
        return value  # type: ignore[return-value]

    def stop(self) -> None:
        """Stop the work if it is still running (the build failed elsewhere)."""
        if self._process is not None and self._value is None:
            self._process.kill()
            self._process.join()
            self._receive.close()
            self._value = (False, RuntimeError("stopped"))


def in_background(work: Callable[[S], R], shared: S) -> Background:
    """``work(shared)`` in a forked process (it inherits ``shared``, nothing is pickled on
    the way in) while this process goes on; whatever memory the work takes is given back
    when it ends, none of it left in this process. With one core or ``SCRUTINY_JOBS=1``,
    done here before this returns."""
    return Background(work, shared)


def _outcome(work: Callable[[S], R], shared: S) -> tuple[bool, object]:
    try:
        return True, work(shared)
    except Exception as err:
        return False, err


def _background(work: Callable[[S], R], shared: S, send) -> None:
    gc.freeze()  # the parent's objects out of this process's collections: their pages stay shared
    ok, value = _outcome(work, shared)
    send.send((ok, value if ok else sendable(value, "a background worker")))  # type: ignore[arg-type]
    send.close()


def sendable(err: Exception, where: str) -> Exception:
    """``err`` as it can travel back from a worker process (``where``, in words): itself,
    with the worker's traceback as a note, or a RuntimeError with its words if it cannot be
    pickled."""
    err.add_note(f"in {where}:\n" + "".join(traceback.format_exception(err)).rstrip())
    try:
        if type(pickle.loads(pickle.dumps(err))) is type(err):
            return err
    except Exception:  # noqa: BLE001 - whatever stops it travelling, its words go instead
        pass
    return RuntimeError(f"{type(err).__name__}: {err}")
