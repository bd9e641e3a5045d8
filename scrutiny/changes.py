"""What changed between two points of the content's history: the committee's paper.

:func:`compare` is pure: two checked publications in, the changes out (new reports, new
responses, status changes, targets moved, newly overdue, closed, updates that were due and
did not come, and what is still open), each in the words the site uses. :func:`at_revision`
and :func:`revision_for` read the content as it was at a git revision or date (the only
code here that touches git or the disk).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import tarfile
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator

from .dates import duration_words, long_date
from .publication import Publication
from .tracker import Standing, decision_words

KINDS = {
    "new-report": "New reports",
    "response": "New responses",
    "status": "Status changed",
    "target": "Targets moved",
    "overdue": "Newly overdue",
    "closed": "Closed",
    "missed": "Updates that were due and did not come",
}
#: How one change of each kind is introduced in the detail.
ONE = {"new-report": "New report", "response": "New response", "status": "Status changed",
       "target": "Target moved", "overdue": "Newly overdue", "closed": "Closed", "missed": "Update missed"}


@dataclass(frozen=True)
class Change:
    kind: str
    """One of :data:`KINDS`."""
    committee: str
    report_id: str
    report_title: str
    reference: str
    """The recommendation's reference as the council writes it ("" for a new report)."""
    words: str


@dataclass(frozen=True)
class ChangeSet:
    since: dt.date
    until: dt.date
    changes: tuple[Change, ...]
    still_open: tuple[tuple[str, str, int], ...]
    """(committee name, report title, open recommendations) after, for every report."""
    publisher: str = ""
    """Who publishes the trackers (the council), from the later point's site_config.yaml."""
    colour: str = ""
    """The council's primary colour (``brand.primary``), for the paper's headings."""
    meeting: str = ""
    """The meeting the paper goes to ("People Scrutiny Committee, 12 March 2024"), if given."""

    def count(self, kind: str) -> int:
        return sum(1 for c in self.changes if c.kind == kind)


class ChangesError(Exception):
    """What ``changes`` needs and did not find (git, the history, a revision)."""


def compare(before: Publication | None, after: Publication) -> ChangeSet:
    """The changes from ``before`` (as of its ``as_of``) to ``after`` (as of its own)."""
    since = before.config.as_of if before else dt.date.min
    until = after.config.as_of
    out: list[Change] = []
    for report in after.reports:
        committee = after.config.committee(report.committee).name
        old = _published(before, report.id)
        if old is None:
            out.append(Change("new-report", committee, report.id, report.title, "",
                              f"{report.title} was published with {len(report.recommendations)} recommendations."))
        old_recs = {r.number: r for r in old.recommendations} if old else {}
        for rec in report.recommendations:
            a = after.standing(report, rec)
            previous = old_recs.get(rec.number)
            b = before.standing(old, previous) if before and old and previous else None
            for kind, words in _rec_changes(rec, report, previous, a, b, since, until):
                out.append(Change(kind, committee, report.id, report.title, rec.number.text, words))
    still = tuple((after.config.committee(r.committee).name, r.title,
                   sum(1 for rec in r.recommendations if not after.standing(r, rec).closed)) for r in after.reports)
    return ChangeSet(since, until, tuple(out), still, after.config.publisher, after.config.brand.primary)


def _published(pub: Publication | None, report_id: str):
    return next((r for r in pub.reports if r.id == report_id), None) if pub else None


def _rec_changes(rec, report, previous, a: Standing, b: Standing | None, since: dt.date, until: dt.date):
    if rec.response and rec.response.decision and (previous is None or previous.response is None
                                                   or previous.response.decision is None):
        yield "response", decision_words(rec, report, a) + "."
    if b is not None and a.status is not None and (b.status is None or b.status.id != a.status.id):
        was = b.status.display if b.status else b.label
        yield "status", f"{was} → {a.status.display} at the update of {long_date(a.last_update)}."
    if b is not None and a.target and b.target and a.target.text != b.target.text:
        update = next((u for u in reversed(rec.updates) if u.revised_target and u.revised_target.text == a.target.text), None)
        by = (f", {duration_words(b.target.due, a.target.due)} {'later' if a.target.due > b.target.due else 'earlier'}"
              if a.target.due and b.target.due and a.target.due != b.target.due else "")
        reason = f" Reason: {update.reason}" if update and update.reason else ""
        yield "target", f"Target moved from {b.target.display} to {a.target.display}{by}.{reason}"
    if a.overdue and not (b and b.overdue):
        yield "overdue", f"{a.overdue_for} overdue: the target, {a.target.display}, has passed."
    if a.closed and b is not None and not b.closed:
        yield "closed", f"Closed: {a.label}."
    for day in a.missed_updates:
        if since < day <= until:
            yield "missed", f"An update was due by {long_date(day)} and none has been recorded."


# --- the content at a git revision ------------------------------------------------------


def run_git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=120)
    except FileNotFoundError as err:
        raise ChangesError("`changes` needs git, which is not installed (apt-get install git)") from err
    if done.returncode != 0:
        raise ChangesError(done.stderr.strip() or f"git {' '.join(args)} failed")
    return done.stdout


_SHALLOW = "this is a shallow clone: fetch the history with `git fetch --unshallow`"


def _shallow(root: Path) -> bool:
    return run_git(root, "rev-parse", "--is-shallow-repository").strip() == "true"


def revision_for(root: Path, point: str) -> tuple[str, dt.date]:
    """The commit a REV or a DATE names, and that commit's day."""
    try:
        run_git(root, "rev-parse", "--is-inside-work-tree")
    except ChangesError as err:
        raise ChangesError(f"{root} is not a git repository: `changes` compares the content at two revisions "
                           "of its history") from err
    day = _as_day(point)
    if day is not None:
        commit = run_git(root, "rev-list", "-1", f"--before={day.isoformat()} 23:59:59", "HEAD").strip()
        if not commit:
            raise ChangesError(f"no commit on or before {long_date(day)}" + (f": {_SHALLOW}" if _shallow(root) else ""))
    else:
        try:
            commit = run_git(root, "rev-parse", "--verify", f"{point}^{{commit}}").strip()
        except ChangesError as err:
            raise ChangesError(f'"{point}" is not a revision of this repository'
                               + (f"; {_SHALLOW}" if _shallow(root)
                                  else " (give a commit, tag or branch, or a date such as 2014-06-30)")) from err
    when = dt.datetime.fromtimestamp(int(run_git(root, "log", "-1", "--format=%ct", commit).strip()), dt.timezone.utc)
    return commit, when.date()


def _as_day(text: str) -> dt.date | None:
    from .dates import DateError, parse_known

    try:
        known = parse_known(text)
    except DateError:
        return None
    return known.last if known else None


@contextmanager
def at_revision(root: Path, commit: str) -> Iterator[Path]:
    """A temporary project folder holding the content and configuration at ``commit`` (the
    project may be a folder inside its repository: the archive is of that folder's tree)."""
    top, prefix = run_git(root, "rev-parse", "--show-toplevel").strip(), run_git(root, "rev-parse", "--show-prefix").strip()
    data = subprocess.run(["git", "-C", top, "archive", "--format=tar", f"{commit}:{prefix}", "content",
                           "site_config.yaml"], capture_output=True, timeout=300)
    if data.returncode != 0:
        raise ChangesError(data.stderr.decode("utf-8", "replace").strip() or f"git archive {commit} failed")
    with tempfile.TemporaryDirectory(prefix="scrutiny-changes-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(data.stdout)) as tar:
            tar.extractall(tmp, filter="data")
        yield Path(tmp)


# --- the paper ---------------------------------------------------------------------------


def markdown_paper(changes: ChangeSet, title: str) -> str:
    """The committee paper in Markdown: title, summary table, then each committee's and
    report's changes, then what is still open."""
    head = meeting_line(changes)
    lines = [f"# {title}", "", *([head, ""] if head else []),
             f"Before: the trackers as of {long_date(changes.since)}. After: the trackers as of "
             f"{long_date(changes.until)}.", "",
             "## Summary", "", "| Change | Recommendations |", "|---|---:|"]
    lines += [f"| {label} | {changes.count(kind)} |" for kind, label in KINDS.items()]
    by_report: dict[tuple[str, str], list[Change]] = {}
    for c in changes.changes:
        by_report.setdefault((c.committee, c.report_title), []).append(c)
    for committee in sorted({c for c, _ in by_report}):
        lines += ["", f"## {committee}"]
        for (comm, report), items in by_report.items():
            if comm != committee:
                continue
            lines += ["", f"### {report}", ""]
            for kind in KINDS:
                for c in (i for i in items if i.kind == kind):
                    ref = f"Recommendation {c.reference}: " if c.reference else ""
                    lines.append(f"- **{ONE[kind]}.** {ref}{c.words}")
    if not changes.changes:
        lines += ["", "Nothing changed in this period."]
    lines += ["", "## Still open", "", "| Committee | Report | Open recommendations |", "|---|---|---:|"]
    lines += [f"| {c} | {r} | {n} |" for c, r, n in changes.still_open]
    return "\n".join(lines) + "\n"


def meeting_line(changes: ChangeSet) -> str:
    """The line under the title: the meeting and who reports (empty when neither is known)."""
    parts = [f"For: {changes.meeting}." if changes.meeting else "",
             f"From: {changes.publisher}, scrutiny." if changes.publisher else ""]
    return " ".join(p for p in parts if p)


def html_paper(markdown: str, title: str, colour: str = "") -> str:
    """The paper as one accessible HTML page (the Markdown's headings and tables)."""
    from html import escape as esc

    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark").enable("table").render(markdown)
    return (f'<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<title>{esc(title)}</title>\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            "<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;"
            "line-height:1.5}table{border-collapse:collapse}th,td{border-bottom:1px solid #b1b4b6;"
            "padding:.3rem .8rem .3rem 0;text-align:left}"
            + (f"h1,h2{{color:{colour}}}h1{{border-bottom:4px solid {colour}}}" if _COLOUR.match(colour or "") else "")
            + "</style>\n</head>\n<body>\n<main>\n"
            f"{body}</main>\n</body>\n</html>\n")


_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def run(root: Path, since: str, until: str | None, as_of: dt.date | None = None,
        meeting: str = "") -> tuple[ChangeSet, str]:
    """The changes from ``since`` to ``until`` (default: the files as they are now), and a
    title naming both points. ``as_of`` replaces the later point's ``site.as_of`` (what is
    overdue at the meeting); the earlier point keeps its own."""
    from .build import gather

    since_commit, since_day = revision_for(root, since)
    with at_revision(root, since_commit) as old_root:
        before = gather(old_root)
    if until:
        until_commit, until_day = revision_for(root, until)
        with at_revision(root, until_commit) as new_root:
            after = gather(new_root, as_of)
        end = f"{until_commit[:8]} ({long_date(until_day)})"
    else:
        after, end = gather(root, as_of), "the files as they are now"
    title = f"What changed: {after.config.title}"
    changes = replace(compare(before, after), meeting=meeting)
    return changes, f"{title}, from {since_commit[:8]} ({long_date(since_day)}) to {end}"
