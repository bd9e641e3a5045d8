"""The change history read from git (scrutiny/recordlog.py): the events between records,
and the log of a real temporary git repository (two commits: a status changed, a target
moved, a response added), a shallow clone, an unreadable commit, and no git at all."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from scrutiny.build import _read_quietly, gather
from scrutiny.recordlog import PUBLISHED, RecState, ReportState, compare, read_log, snapshot
from tests.conftest import MINIMAL
from tests.gitrepo import SCHOOL, add_march_updates, council_repo, git

DAY = dt.date(2024, 3, 21)


def state(**changes) -> RecState:
    base = dict(reference="1", words="w", decision="Accepted", status="On track", target="June 2024",
                updates=1, last_update="1 March 2024")
    return RecState(**(base | changes))


def one(before: RecState | None, after: RecState | None, title_after: str = "Review") -> list[str]:
    old = {"r": ReportState("Review", {"1": before} if before else {})}
    new = {"r": ReportState(title_after, {"1": after} if after else {})}
    return [e.words for e in compare(old, new, DAY, "c0ffee")]


def test_nothing_changed_is_no_event():
    assert one(state(), state()) == []


@pytest.mark.parametrize("after, words", [
    (state(status="Complete"), "Status changed from On track to Complete"),
    (state(target="March 2025"), "Target moved from June 2024 to March 2025"),
    (state(words="x"), "Wording of the recommendation edited"),
    (state(decision="Rejected"), "Response changed from Accepted to Rejected"),
    (state(decision=""), "Response removed from the record"),
    (state(updates=2, last_update="1 June 2024"), "Update added (dated 1 June 2024)"),
    (state(updates=3, last_update="1 June 2024"), "2 updates added (the latest dated 1 June 2024)"),
    (state(updates=0), "An update removed from the record"),
    (state(status=""), "Status On track removed"),
    (state(target=""), "Target June 2024 removed"),
])
def test_each_kind_of_change_in_words(after, words):
    assert one(state(), after) == [words]


def test_first_response_status_and_target_are_set_not_changed():
    got = one(state(decision="", status="", target="", updates=0, last_update=""), state())
    assert got == ["Response recorded: Accepted", "Update added (dated 1 March 2024)", "Status set: On track",
                   "Target set: June 2024"]


def test_recommendations_added_and_removed_and_the_title():
    assert one(None, state()) == ["Recommendation added to the report"]
    assert one(state(), None) == ["Recommendation 1 removed from the record"]
    assert one(state(), state(), title_after="New") == ["Title changed from “Review” to “New”"]


def test_a_report_new_to_the_record_is_published():
    events = compare({}, {"r": ReportState("Review", {"1": state()})}, DAY, "c0ffee")
    assert [(e.report_id, e.rec, e.words, e.day) for e in events] == [("r", "", PUBLISHED, DAY)]
    assert [e.words for e in compare(None, {"r": ReportState("Review", {})}, DAY, "c")] == [PUBLISHED]


def test_snapshot_reads_what_the_pages_show(minimal_copy: Path):
    snap = snapshot(gather(minimal_copy))
    rec = snap["school-transport-review"].recs["1"]
    assert (rec.reference, rec.decision, rec.status, rec.target, rec.updates, rec.last_update) == (
        "1", "Accepted", "Behind schedule", "March 2024", 1, "2023-12-01")
    assert snap["earlier-review"].recs["1"].decision == ""  # no response recorded


# --- a real git repository --------------------------------------------------------------


def events_of(log, report_id: str, slug: str) -> list[tuple[dt.date, str]]:
    return [(e.day, e.words) for e in log.for_rec(report_id, slug)]


def test_the_log_of_two_commits(tmp_path: Path):
    root = council_repo(tmp_path / "council")
    log = read_log(root, _read_quietly, tmp_path / "cache", "code")
    assert log.known and not log.partial and log.starts == dt.date(2024, 1, 10)
    march, january = dt.date(2024, 3, 21), dt.date(2024, 1, 10)
    assert events_of(log, "school-transport-review", "1") == [
        (march, "Update added (dated 15 March 2024)"), (march, "Status changed from Behind schedule to On track"),
        (march, "Target moved from March 2024 to June 2024"), (january, PUBLISHED)]
    assert events_of(log, "earlier-review", "1") == [(march, "Response recorded: Accepted"), (january, PUBLISHED)]
    assert events_of(log, "school-transport-review", "2") == [(january, PUBLISHED)]
    assert log.last_changed("school-transport-review") == march
    assert log.last_changed("school-transport-review", "2") == january


def test_commits_are_read_once_then_from_the_cache(tmp_path: Path):
    root = council_repo(tmp_path / "council")
    calls = []

    def counting(path: Path):
        calls.append(path)
        return _read_quietly(path)
    first = read_log(root, counting, tmp_path / "cache", "code")
    assert len(calls) == 2
    again = read_log(root, counting, tmp_path / "cache", "code")
    assert len(calls) == 2 and again.events == first.events
    read_log(root, counting, tmp_path / "cache", "other code")  # new code reads them again
    assert len(calls) == 4


def test_a_commit_that_fails_the_checks_is_left_out(tmp_path: Path):
    root = council_repo(tmp_path / "council")
    recs = root / SCHOOL
    good = recs.read_text(encoding="utf-8")
    recs.write_text(good.replace("status: on-track", "status: no-such-status"), encoding="utf-8")
    git(root, "commit", "-qam", "a typo", when="2024-04-01T10:00:00")
    recs.write_text(good.replace("status: on-track", "status: complete"), encoding="utf-8")
    git(root, "commit", "-qam", "fixed", when="2024-04-02T10:00:00")
    log = read_log(root, _read_quietly, None)
    latest = log.for_rec("school-transport-review", "1")[0]
    assert (latest.day, latest.words) == (dt.date(2024, 4, 2), "Status changed from On track to Complete")
    assert "1 commits of the content do not pass" in log.reason


def test_a_shallow_clone_claims_nothing_before_its_oldest_commit(tmp_path: Path):
    root = council_repo(tmp_path / "council")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{root}", str(clone)], check=True)
    log = read_log(clone, _read_quietly, None)
    assert log.known and log.partial and log.starts == dt.date(2024, 3, 21)
    assert log.events == ()  # not "published on 21 March": the history before is not here
    assert "shallow" in log.reason


def test_without_git_the_log_is_unknown(tmp_path: Path):
    plain = tmp_path / "plain"
    shutil.copytree(MINIMAL, plain, ignore=shutil.ignore_patterns(".cache", "site"))
    log = read_log(plain, _read_quietly, None)
    assert not log.known and log.events == () and "not a git repository" in log.reason


def test_a_repository_with_no_commit_of_the_content(tmp_path: Path):
    plain = tmp_path / "plain"
    shutil.copytree(MINIMAL, plain, ignore=shutil.ignore_patterns(".cache", "site"))
    git(plain, "init", "-q")
    assert not read_log(plain, _read_quietly, None).known


def test_a_project_in_a_subfolder_of_the_repository(tmp_path: Path):
    repo = tmp_path / "repo"
    shutil.copytree(MINIMAL, repo / "scrutiny", ignore=shutil.ignore_patterns(".cache", "site"))
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "first", when="2024-01-10T10:00:00")
    add_march_updates(repo / "scrutiny")
    git(repo, "commit", "-qam", "March", when="2024-03-21T10:00:00")
    log = read_log(repo / "scrutiny", _read_quietly, None)
    assert events_of(log, "earlier-review", "1")[0] == (dt.date(2024, 3, 21), "Response recorded: Accepted")
