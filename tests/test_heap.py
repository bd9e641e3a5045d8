"""The collector kept out of the way of a big build, and given back as it was found."""

from __future__ import annotations

import gc

from scrutiny import heap
from scrutiny.build import build
from tests.conftest import copy_fixture, with_formats


def test_the_collector_is_paused_inside_the_block_and_on_again_after():
    assert gc.isenabled()
    with heap.collector_paused():
        assert not gc.isenabled()
        with heap.collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled(), "an inner block leaves the outer one's pause alone"
    assert gc.isenabled()


def test_what_a_pause_made_inside_a_frozen_block_is_frozen_as_the_pause_ends():
    """Else the first collection after loading would walk every object the loading made."""
    with heap.heap_frozen():
        with heap.collector_paused():
            before = gc.get_freeze_count()
            made = [[] for _ in range(1000)]
        assert gc.get_freeze_count() >= before + len(made)
        assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with heap.collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_frozen_objects_are_left_out_until_the_outermost_block_ends():
    assert gc.get_freeze_count() == 0
    with heap.heap_frozen():
        outer = gc.get_freeze_count()
        assert outer > 0
        made = [[] for _ in range(1000)]
        with heap.heap_frozen():
            assert gc.get_freeze_count() >= outer + len(made)
        assert gc.get_freeze_count() > 0, "an inner block does not unfreeze the outer one's objects"
    assert gc.get_freeze_count() == 0


def test_a_build_gives_the_collector_back_as_it_found_it(tmp_path):
    """``serve`` builds again and again in one process: each build must leave the collector
    on and nothing frozen, or its memory would grow with every rebuild."""
    root = with_formats(copy_fixture(tmp_path), "data")
    build(root, root / "site")
    assert gc.isenabled() and gc.get_freeze_count() == 0
