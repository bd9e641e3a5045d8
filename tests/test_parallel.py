"""Work over every core: the same results, in order, as one process would give."""

from __future__ import annotations

import os
import time

import pytest

from scrutiny import i18n, parallel


def _square_plus(shared, item):
    time.sleep(0.02)  # long enough that both workers take a share
    return (item * item + shared, os.getpid(), i18n.current())


def test_results_come_back_in_order_from_several_processes(monkeypatch):
    monkeypatch.setenv("SCRUTINY_JOBS", "2")
    with i18n.use("cy"):  # the worker inherits the language of the caller
        out = parallel.run_parallel(_square_plus, range(40), 3)
    assert [r[0] for r in out] == [i * i + 3 for i in range(40)]
    assert len({r[1] for r in out} - {os.getpid()}) == 2
    assert {r[2] for r in out} == {"cy"}
    assert parallel._job is None  # nothing outlives the call


def _waits_for_the_caller(flag, item):
    """The last item waits until the caller has received the first result."""
    if item == 39:
        for _ in range(500):
            if os.path.exists(flag):
                break
            time.sleep(0.01)
    return item, os.path.exists(flag)


def test_each_result_is_handed_over_before_the_rest_are_done(monkeypatch, tmp_path):
    """each_parallel yields a result while later items are still being worked on (the site
    writes pages as they come instead of holding them all)."""
    monkeypatch.setenv("SCRUTINY_JOBS", "2")
    flag = tmp_path / "first-received"
    out = []
    for result in parallel.each_parallel(_waits_for_the_caller, range(40), str(flag), chunksize=1):
        out.append(result)
        flag.touch()
    assert [item for item, _ in out] == list(range(40))
    assert out[-1][1] is True  # the last item saw the flag: it was worked after the first came back
    assert parallel._job is None


def test_workers_are_renewed_after_their_share(monkeypatch):
    """renew=1: each chunk is worked by a freshly forked process (what a worker held for
    one chunk is gone before the next)."""
    monkeypatch.setenv("SCRUTINY_JOBS", "2")
    out = list(parallel.each_parallel(_square_plus, range(6), 0, chunksize=1, renew=1))
    assert [r[0] for r in out] == [i * i for i in range(6)]
    assert len({r[1] for r in out}) == 6


def _slow_first(_shared, item):
    time.sleep(0.5 if item < 2 else 0.01)
    return os.getpid()


def test_a_few_items_go_to_the_workers_one_by_one_so_two_slow_ones_run_at_once(monkeypatch):
    """A site-wide edit renders a few dozen pages, two of which take most of the time (the
    site tracker, a view of thousands of rows): they are sent one by one, so they run in two
    workers at once, not in the one worker a chunk of twenty would give them both to."""
    monkeypatch.setenv("SCRUTINY_JOBS", "2")
    assert parallel.chunking(30, 20, 25) == (1, 500)
    assert parallel.chunking(parallel.ONE_BY_ONE + 1, 20, 25) == (20, 25)
    pids = list(parallel.each_parallel(_slow_first, range(30), None, *parallel.chunking(30, 20, 25)))
    assert pids[0] != pids[1]  # the worker with the first took the next item only once done with it


def test_one_job_runs_here(monkeypatch):
    monkeypatch.setenv("SCRUTINY_JOBS", "1")
    assert {r[1] for r in parallel.run_parallel(_square_plus, range(5), 0)} == {os.getpid()}


def _fails(shared, item):
    if item == 3:
        raise ValueError(f"item {item} is bad")
    return item


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_error_in_the_work_reaches_the_caller(monkeypatch, jobs):
    monkeypatch.setenv("SCRUTINY_JOBS", jobs)
    with pytest.raises(ValueError, match="item 3 is bad"):
        parallel.run_parallel(_fails, range(6), None)


def test_jobs_follows_the_environment_else_the_cores(monkeypatch):
    monkeypatch.setenv("SCRUTINY_JOBS", "5")
    assert parallel.jobs() == 5
    monkeypatch.delenv("SCRUTINY_JOBS")
    assert parallel.jobs() == len(os.sched_getaffinity(0))


def _frozen(shared, item):
    import gc
    return gc.get_freeze_count()


@pytest.mark.parametrize("fails", [False, True])
def test_the_workers_inherit_the_parents_objects_frozen_and_the_parent_gets_them_back(monkeypatch, fails):
    """The parent's objects are out of the workers' garbage collections (so a collection in a
    worker does not copy the pages they share), and back in the parent's once the call ends,
    whether the work succeeded or not."""
    import gc
    monkeypatch.setenv("SCRUTINY_JOBS", "2")
    kept = [object() for _ in range(1000)]  # objects of the parent's
    before = gc.get_freeze_count()
    if fails:
        with pytest.raises(ValueError):
            parallel.run_parallel(_fails, range(6), None)
    else:
        counts = parallel.run_parallel(_frozen, range(8), None)
        assert min(counts) > before + len(kept) // 2, counts  # the workers saw them frozen
    assert gc.get_freeze_count() == before == 0
    assert kept


#: What a background work leaves behind in the process it ran in (a cache that grows).
_HELD: list[str] = []


def _waits_for_its_caller(flag):
    """Holds some memory, then waits (up to 10 s) for the caller to make ``flag``: only a
    work that runs beside its caller sees it."""
    _HELD.extend(str(i) for i in range(10_000))
    for _ in range(1000):
        if os.path.exists(flag):
            break
        time.sleep(0.01)
    return os.getpid(), os.path.exists(flag), i18n.current()


def test_background_work_runs_beside_its_caller_and_leaves_nothing_in_it(monkeypatch, tmp_path):
    monkeypatch.setenv("SCRUTINY_JOBS", "2")
    flag = tmp_path / "flag"
    with i18n.use("cy"):
        job = parallel.in_background(_waits_for_its_caller, flag)
    flag.touch()  # after in_background returned: the work is still running
    pid, saw_flag, language = job.result()
    assert pid != os.getpid() and saw_flag and language == "cy"
    assert _HELD == []  # what the work held went with its process
    assert job.result() == (pid, saw_flag, language)  # asked again: the same answer


def test_background_work_with_one_job_runs_here_before_it_returns(monkeypatch, tmp_path):
    monkeypatch.setenv("SCRUTINY_JOBS", "1")
    job = parallel.in_background(_waits_for_its_caller, tmp_path / "never")
    try:
        assert job.result() == (os.getpid(), False, i18n.current())
        assert len(_HELD) == 10_000
    finally:
        _HELD.clear()


def _raises(shared):
    raise ValueError(f"{shared} is bad")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_error_in_background_work_is_raised_by_result(monkeypatch, jobs):
    monkeypatch.setenv("SCRUTINY_JOBS", jobs)
    job = parallel.in_background(_raises, "the input")
    with pytest.raises(ValueError, match="the input is bad") as raised:
        job.result()
    notes = getattr(raised.value, "__notes__", [])
    if jobs == "2":  # the worker's traceback comes with it
        assert any("in a background worker" in n and "raise ValueError" in n for n in notes), notes
    else:
        assert notes == []


def _dies(shared):
    os._exit(3)


def test_a_background_worker_that_dies_without_a_word_is_an_error(monkeypatch):
    monkeypatch.setenv("SCRUTINY_JOBS", "2")
    with pytest.raises(RuntimeError, match=r"a background worker stopped \(exit code 3\)"):
        parallel.in_background(_dies, None).result()


def _sleeps(shared):
    time.sleep(60)


def test_stop_ends_background_work_that_is_still_running(monkeypatch):
    monkeypatch.setenv("SCRUTINY_JOBS", "2")
    job = parallel.in_background(_sleeps, None)
    started = time.monotonic()
    job.stop()
    assert time.monotonic() - started < 10
    assert not job._process.is_alive()
    with pytest.raises(RuntimeError, match="stopped"):
        job.result()
