"""The cyclic garbage collector, kept out of the way of a big build.

A site of 1,000 reports holds about a million objects once loaded. Python's collector
walks every object it tracks on each full collection, and the loading creates objects so
fast that it runs over and over: at N=1,000 it was more than half the time of loading
(5.7 s with it, 2.5 s without), and again half the time of making the page list. Nearly
nothing the build makes is garbage with cycles (plain reference counting frees the rest),
so the collector is paused while loading, and what the loading made is left out of later
collections (``gc.freeze``) while the outputs are written.

Both are blocks that restore the collector as they found it, so ``serve``, which builds
again and again in one process, collects as usual between builds (its memory stays flat).
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


class _Depth:
    """How many :func:`heap_frozen` blocks are open (``gc.get_freeze_count`` would walk
    every frozen object to say whether any is: a tenth of a second at N=1,000)."""

    open = 0


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block (reference counting goes on as ever); the
    collector is switched back on after it if it was on before. Inside a
    :func:`heap_frozen` block, what the block made is frozen with the rest as it ends (else
    the first collection after it would walk every one of its million objects)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _Depth.open:
            gc.freeze()
        if was_on:
            gc.enable()


@contextmanager
def heap_frozen() -> Iterator[None]:
    """Every object alive at the start is left out of collections inside the block: what
    the build loaded is not walked again by each collection, and forked workers do not
    write to the pages they share with the parent by collecting them. Nested blocks add
    what was made since to the frozen objects; the outermost one unfreezes all of them."""
    _Depth.open += 1
    gc.freeze()
    try:
        yield
    finally:
        _Depth.open -= 1
        if _Depth.open == 0:
            gc.unfreeze()
