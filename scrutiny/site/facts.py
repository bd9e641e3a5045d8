"""What the site-wide pages' keys read of each report, kept between builds.

The keys of the pages that show every report (:meth:`.plan.Plan.shown_key`, the ready-made
views' counts on every tracker) are worked out from every recommendation's standing and
words: at 1,000 reports about two seconds of each build, for an edit that changes one
report. So each report's share (its shown key, its recommendations' counts in each view)
is kept in ``.cache/pages/<language>/facts.pickle`` under a key of everything it is made
from: the site's global key (configuration, code, templates) and the report's content key
(:meth:`~scrutiny.publication.Publication.content_key`: what loading it read, and the
plain words of its fields as parsed). A report whose key is unchanged takes its share from
the file; the others' is worked out again and the file written anew (atomically) when
anything in it changed. A file that cannot be read is ignored (everything is worked out).
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Callable, TypeVar

#: Changes when what the file holds changes shape.
FORMAT = "report-facts-1"

T = TypeVar("T")
Entry = tuple[str, str]
"""(what it is, the report's id)."""


class ReportFacts:
    """The facts of one build (:meth:`get`), and those an earlier build kept (``path``;
    None: nothing kept, nothing written)."""

    def __init__(self, path: Path | None = None):
        self.path = path
        self._kept: dict[Entry, tuple[str, object]] | None = None
        self.now: dict[Entry, tuple[str, object]] = {}
        self.made = 0
        """Facts worked out in this build (the others came from the file)."""

    def get(self, name: str, report_id: str, key: str | None, compute: Callable[[], T]) -> T:
        """``compute()``, or what an earlier build kept of it under the same ``key`` (None:
        always worked out, not kept)."""
        if key is None:
            return compute()
        entry = (name, report_id)
        known = self.now.get(entry)
        if known is None or known[0] != key:
            kept = self.kept().get(entry)
            if kept is not None and kept[0] == key:
                known = kept
            else:
                known = (key, compute())
                self.made += 1
            self.now[entry] = known
        return known[1]  # type: ignore[return-value]

    def kept(self) -> dict[Entry, tuple[str, object]]:
        if self._kept is None:
            self._kept = _read(self.path) if self.path is not None else {}
        return self._kept

    def save(self) -> None:
        """Keep this build's facts (only theirs: a removed report's go) if any differ."""
        if self.path is None or self.now == self.kept():
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_bytes(pickle.dumps((FORMAT, self.now), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, self.path)
        self._kept = dict(self.now)


def _read(path: Path) -> dict[Entry, tuple[str, object]]:
    try:
        tag, facts = pickle.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - missing, cut short or from another version: worked out again
        return {}
    return facts if tag == FORMAT and isinstance(facts, dict) else {}
