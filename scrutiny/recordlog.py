"""The publication's record log: what changed in each report's record, and when, read from
the git history of the content.

Each commit on the first-parent line of the current branch that touched ``content/`` or
``site_config.yaml`` is read as the site it would have published (the content checked by
the same code); consecutive readable commits are compared, and each difference becomes an
:class:`Event` dated by its commit: a report published, a recommendation added, a response
recorded, a status changed, a target moved, an update added, words edited.

Truth rule: nothing is said that the history does not show. Without git, outside a
repository, or with no readable commit, the log is :data:`UNKNOWN` and pages say nothing of
it. A commit whose content does not pass the checks is left out (the next readable one is
compared with the last readable one). When the oldest readable commit is not the first
commit of the content (a shallow clone, or older content in an earlier format), it is a
starting point only: the log says where it starts and claims nothing before.

:func:`snapshot` and :func:`compare` are pure; :func:`read_log` runs git (through
:mod:`.changes`, which reads a revision's content for the committee paper the same way) and
reads the cache (``.cache/record-log/``: one small JSON file per commit, commits never
change).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterable

from .changes import ChangesError, at_revision, run_git
from .dates import parse_known
from .i18n import N_, _
from .publication import Publication
from .render.facts import decision_label


@dataclass(frozen=True)
class RecState:
    """What the record of one recommendation said at one commit."""

    reference: str
    words: str
    """A digest of the recommendation's own words (and of its stem's)."""
    decision: str
    status: str
    target: str
    updates: int
    last_update: str


@dataclass(frozen=True)
class ReportState:
    title: str
    recs: dict[str, RecState]
    """By the recommendation's URL slug."""


@dataclass(frozen=True)
class Event:
    """One change in the record, dated by the commit that made it."""

    day: dt.date
    report_id: str
    rec: str
    """The recommendation's slug; "" for a change to the report as a whole."""
    reference: str
    message: str
    """What changed, in English with ``%(name)s`` places (a catalogue message)."""
    values: tuple[tuple[str, str], ...]
    commit: str

    @property
    def words(self) -> str:
        """What changed, in the current language; an update's day in its words."""
        values = dict(self.values)
        if "dated" in values:
            values["dated"] = parse_known(values["dated"]).display
        return _(self.message, **values) if values else _(self.message)


@dataclass(frozen=True)
class RecordLog:
    known: bool
    """False when there is no history to read: pages then say nothing of it."""
    starts: dt.date | None = None
    """The day of the oldest readable commit."""
    partial: bool = False
    """True when that commit is a starting point only (earlier history absent or unreadable)."""
    events: tuple[Event, ...] = ()
    reason: str = ""
    """Why the log is unknown or partial, for the build's log."""

    @cached_property
    def _by_report(self) -> dict[str, tuple[Event, ...]]:
        grouped: dict[str, list[Event]] = {}
        for e in self.events:
            grouped.setdefault(e.report_id, []).append(e)
        return {k: tuple(sorted(v, key=lambda e: e.day, reverse=True)) for k, v in grouped.items()}

    def for_report(self, report_id: str) -> tuple[Event, ...]:
        """Every event of a report (its own and its recommendations'), newest first."""
        return self._by_report.get(report_id, ())

    def for_rec(self, report_id: str, slug: str) -> tuple[Event, ...]:
        """The events of one recommendation, with its report's publication, newest first."""
        return tuple(e for e in self.for_report(report_id) if e.rec == slug or e.rec == "" and e.message == PUBLISHED)

    def last_changed(self, report_id: str, slug: str | None = None) -> dt.date | None:
        events = self.for_report(report_id) if slug is None else self.for_rec(report_id, slug)
        return events[0].day if events else None


UNKNOWN = RecordLog(known=False)
PUBLISHED = N_("Report published")


def _digest(*texts: str) -> str:
    return hashlib.sha256("\0".join(texts).encode("utf-8")).hexdigest()[:16]


def snapshot(pub: Publication) -> dict[str, ReportState]:
    """What each published report's record says (pure)."""
    out = {}
    for report in pub.reports:
        recs = {}
        for rec in report.recommendations:
            s = pub.standing(report, rec)
            recs[rec.number.slug] = RecState(
                reference=rec.number.text or str(rec.number),
                words=_digest(rec.text.text, rec.stem.text if rec.stem else ""),
                decision=decision_label(rec, s) if rec.response else "",
                status=s.status.display if s.status else "",
                target=s.target.display if s.target else "",
                updates=len(rec.updates),
                last_update=rec.updates[-1].date.isoformat() if rec.updates else "")
        out[report.id] = ReportState(report.title, recs)
    return out


def compare(before: dict[str, ReportState] | None, after: dict[str, ReportState], day: dt.date,
            commit: str) -> list[Event]:
    """The events from one record to the next (pure). ``before`` None: ``after`` is the
    first record there is, and every report in it is published."""
    out: list[Event] = []
    for report_id, new in after.items():
        old = (before or {}).get(report_id)
        if old is None:
            out.append(Event(day, report_id, "", "", PUBLISHED, (), commit))
            continue
        if old.title != new.title:
            out.append(Event(day, report_id, "", "", N_("Title changed from “%(before)s” to “%(after)s”"),
                             (("before", old.title), ("after", new.title)), commit))
        for slug in sorted(old.recs.keys() - new.recs.keys()):
            out.append(Event(day, report_id, "", old.recs[slug].reference,
                             N_("Recommendation %(ref)s removed from the record"),
                             (("ref", old.recs[slug].reference),), commit))
        for slug, rec in new.recs.items():
            was = old.recs.get(slug)
            if was is None:
                out.append(Event(day, report_id, slug, rec.reference, N_("Recommendation added to the report"), (),
                                 commit))
                continue
            out += [Event(day, report_id, slug, rec.reference, message, tuple(values.items()), commit)
                    for message, values in _rec_changes(was, rec)]
    return out


def _rec_changes(was: RecState, rec: RecState) -> Iterable[tuple[str, dict[str, str]]]:
    if was.words != rec.words:
        yield N_("Wording of the recommendation edited"), {}
    if was.decision != rec.decision:
        yield ((N_("Response recorded: %(after)s"), {"after": rec.decision}) if not was.decision
               else (N_("Response changed from %(before)s to %(after)s"), {"before": was.decision, "after": rec.decision})
               if rec.decision else (N_("Response removed from the record"), {}))
    if rec.updates > was.updates:
        n = rec.updates - was.updates
        yield ((N_("Update added (dated %(dated)s)"), {"dated": rec.last_update}) if n == 1
               else (N_("%(n)s updates added (the latest dated %(dated)s)"), {"n": str(n), "dated": rec.last_update}))
    elif rec.updates < was.updates:
        yield N_("An update removed from the record"), {}
    if was.status != rec.status:
        yield ((N_("Status changed from %(before)s to %(after)s"), {"before": was.status, "after": rec.status})
               if was.status and rec.status else (N_("Status set: %(after)s"), {"after": rec.status}) if rec.status
               else (N_("Status %(before)s removed"), {"before": was.status}))
    if was.target != rec.target:
        yield ((N_("Target moved from %(before)s to %(after)s"), {"before": was.target, "after": rec.target})
               if was.target and rec.target else (N_("Target set: %(after)s"), {"after": rec.target}) if rec.target
               else (N_("Target %(before)s removed"), {"before": was.target}))


# --- reading the history ------------------------------------------------------------------

#: What the content of a commit is read with: the project root in a temporary folder -> the
#: checked publication, or None when it does not pass the checks.
Reader = Callable[[Path], "Publication | None"]


def _git_or_none(root: Path, *args: str) -> str | None:
    """What git prints, or None without git, outside a repository or on any failure."""
    try:
        return run_git(root, *args)
    except ChangesError:
        return None


def _commits(root: Path) -> tuple[list[tuple[str, dt.date]], bool] | None:
    """The first-parent commits that touched the content, oldest first, with their days;
    whether the clone is shallow."""
    log = _git_or_none(root, "log", "--first-parent", "--reverse", "--format=%H %ct", "--", "content",
                       "site_config.yaml")
    if log is None:
        return None
    commits = [(h, dt.datetime.fromtimestamp(int(t), dt.timezone.utc).date())
               for h, t in (line.split() for line in log.splitlines() if line.strip())]
    shallow = (_git_or_none(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true"
    return commits, shallow


def _state_at(root: Path, commit: str, read: Reader, cache: Path | None, code: str):
    """The snapshot at a commit (from the cache when there), or None when unreadable."""
    path = cache / f"{commit}-{code[:16]}.json" if cache else None
    if path and path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
        return None if data is None else {k: ReportState(v["title"], {s: RecState(**r) for s, r in v["recs"].items()})
                                          for k, v in data.items()}
    try:
        with at_revision(root, commit) as tree:
            pub = read(tree)
    except ChangesError:
        pub = None
    state = snapshot(pub) if pub is not None else None
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        plain = None if state is None else {k: {"title": v.title, "recs": {s: asdict(r) for s, r in v.recs.items()}}
                                            for k, v in state.items()}
        path.write_text(json.dumps(plain), encoding="utf-8")  # in the snapshot's order
    return state


def read_log(root: Path, read: Reader, cache: Path | None = None, code: str = "") -> RecordLog:
    """The record log of the project at ``root`` (see the module's docstring)."""
    found = _commits(root)
    if found is None:
        return RecordLog(known=False, reason="not a git repository (or git is not installed): no change history")
    commits, shallow = found
    if not commits:
        return RecordLog(known=False, reason="no commit of the content yet: no change history")
    events: list[Event] = []
    before, starts, partial, unreadable = None, None, shallow, 0
    for commit, day in commits:
        state = _state_at(root, commit, read, cache, code)
        if state is None:
            unreadable += 1
            if starts is None:
                partial = True
            continue
        if starts is None:
            starts = day
            if not partial:
                events += compare(None, state, day, commit)
        else:
            events += compare(before, state, day, commit)
        before = state
    if starts is None:
        return RecordLog(known=False, reason=f"none of the {len(commits)} commits of the content passes the checks")
    reason = ("a shallow clone: the history before its oldest commit is not here" if shallow
              else f"{unreadable} commits of the content do not pass today's checks and are left out" if unreadable
              else "")
    return RecordLog(True, starts, partial, tuple(events), reason)
