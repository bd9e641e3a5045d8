"""Recommendations as open data: CSV, JSON and the JSON Schema of the JSON.

Per report (``recommendations.csv``/``.json`` in the report's folder) and site-wide
(``data/recommendations.csv``/``.json``, ``data/recommendations.schema.json``).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Iterable, Mapping

from ..dates import KINDS, KnownDate, TargetDate
from ..model import Recommendation, Report
from ..publication import Publication
from ..tracker import decision_maker
from ..urls import absolute, recommendation_url
from ..writer import Folder

CSV_COLUMNS = (
    "report_id", "report_title", "report_code", "committee", "council", "number", "theme", "text",
    "addressed_to", "priority", "decision", "response_date", "decision_maker", "actions", "owners",
    "original_target", "current_target", "target_due", "status", "position", "summary", "overdue",
    "overdue_for", "response_due", "response_overdue", "last_update", "url",
)

_TARGET = {
    "type": ["object", "null"],
    "required": ["text", "kind", "due"],
    "properties": {
        "text": {"type": "string", "description": "As the council wrote it"},
        "kind": {"enum": list(KINDS)},
        "due": {"type": ["string", "null"], "format": "date",
                "description": "Last day it is due; null if it never falls due or the day is not known"},
        "due_words": {"type": "string", "description": "The due day in words, or what is not known about it"},
    },
}
_KNOWN = {"type": ["string", "null"], "description": "YYYY-MM-DD, or YYYY-MM / YYYY when only the month or year is "
          "stated; null when not stated"}
SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "recommendations.schema.json",
    "title": "Scrutiny recommendations and the executive's responses",
    "type": "object",
    "required": ["as_of", "recommendations"],
    "properties": {
        "as_of": {"type": "string", "format": "date", "description": "Date the status flags are computed against"},
        "recommendations": {"type": "array", "items": {
            "type": "object",
            "required": ["report_id", "report_title", "number", "text", "status", "overdue", "response", "updates", "url"],
            "properties": {
                "report_id": {"type": "string", "pattern": "^[a-z0-9-]+$"},
                "report_title": {"type": "string"},
                "report_code": {"type": "string"},
                "committee": {"type": "string"},
                "council": {"type": "string"},
                "number": {"type": "string", "description": "The council's reference as written (7, 2a, 5(b), 1.1 ...)"},
                "slug": {"type": "string", "pattern": "^[a-z0-9-]+$"},
                "addressed_to": {"type": "string"},
                "priority": {"type": "string"},
                "response_state": {"enum": ["given", "awaited", "not-required", "none-recorded"]},
                "theme": {"type": "string"},
                "text": {"type": "string"},
                "status": {"type": ["object", "null"], "description": "The status the latest update states; null when no update states one",
                           "required": ["id", "label", "closed"], "properties": {
                    "id": {"type": "string"}, "label": {"type": "string"}, "closed": {"type": "boolean"}}},
                "position": {"type": "object", "description": "Where it stands on as_of, in words the content supports",
                             "required": ["state", "label", "summary", "closed"], "properties": {
                    "state": {"type": "string"}, "label": {"type": "string"}, "summary": {"type": "string"},
                    "closed": {"type": "boolean"}, "overdue_for": {"type": "string"},
                    "response_due": {"type": ["string", "null"], "format": "date"},
                    "missed_updates": {"type": "array", "items": {"type": "string", "format": "date"}}}},
                "overdue": {"type": "boolean"},
                "response_overdue": {"type": "boolean"},
                "current_target": _TARGET,
                "response": {"type": ["object", "null"], "required": ["decision", "date", "actions"], "properties": {
                    "decision": {"type": "object", "properties": {"id": {"type": "string"}, "label": {"type": "string"}}},
                    "date": _KNOWN,
                    "decision_maker": {"type": "string"},
                    "responder": {"type": "string"},
                    "recorded_in": {"type": "string"},
                    "text": {"type": "string"},
                    "actions": {"type": "array", "items": {"type": "object", "required": ["action", "owners", "target"],
                        "properties": {
                            "action": {"type": "string"},
                            "owners": {"type": "array", "items": {"type": "object", "required": ["name"], "properties": {
                                "name": {"type": "string"}, "title": {"type": "string"}}}},
                            "target": _TARGET}}},
                }},
                "updates": {"type": "array", "items": {"type": "object", "required": ["date", "status"], "properties": {
                    "date": _KNOWN,
                    "meeting": {"type": "string"},
                    "status": {"type": "object", "properties": {"id": {"type": "string"}, "label": {"type": "string"}}},
                    "evidence": {"type": "array", "items": {"type": "object", "properties": {
                        "title": {"type": "string"}, "url": {"type": "string"}}}},
                    "sign_off": {"type": ["object", "null"], "properties": {"date": _KNOWN, "meeting": {"type": "string"}}},
                    "note": {"type": "string"},
                    "revised_target": _TARGET,
                    "reason": {"type": "string"}}}},
                "url": {"type": "string"},
            },
        }},
    },
}


def _target(t: TargetDate | None) -> dict | None:
    return None if t is None else {"text": t.text, "kind": t.kind, "due": t.due.isoformat() if t.due else None,
                                   "due_words": t.due_words}


def _known(d: KnownDate | None) -> str | None:
    return d.isoformat() if d else None


def record(pub: Publication, report: Report, rec: Recommendation) -> dict:
    """One recommendation as plain JSON-ready data."""
    s = pub.standing(report, rec)
    resp = rec.response
    committee = pub.config.committee(report.committee)
    return {
        "report_id": report.id,
        "report_title": report.title,
        "report_code": report.code,
        "committee": committee.name,
        "council": report.council,
        "number": str(rec.number),
        "slug": rec.number.slug,
        "theme": rec.theme,
        "text": pub.plain(rec.text),
        "stem": pub.plain(rec.stem) if rec.stem else "",
        "addressed_to": rec.addressed_to,
        "priority": rec.priority,
        "lead_officers": [{"name": o.name, "title": o.role} for o in rec.lead_officers],
        "response_state": rec.response_state,
        "status": None if s.status is None else {"id": s.status.id, "label": s.status.display, "closed": s.status.closed},
        "position": {"state": s.state, "label": s.label, "summary": s.sentence, "closed": s.closed,
                     "overdue_for": s.overdue_for,
                     "response_due": s.response_due.isoformat() if s.response_due else None,
                     "missed_updates": [d.isoformat() for d in s.missed_updates]},
        "overdue": s.overdue,
        "response_overdue": s.response_overdue,
        "current_target": _target(s.target),
        "response": None if resp is None else {
            "decision": {"id": s.decision.id, "label": s.decision.display} if s.decision else None,
            "date": _known(resp.date),
            "decision_maker": decision_maker(rec, report),
            "responder": resp.responder,
            "recorded_in": resp.recorded_in,
            "text": pub.plain(resp.text) if resp.text else "",
            "actions": [{"action": a.text,
                         "owners": [{"name": o.name, "title": o.role} for o in a.owners],
                         "target": _target(a.target)} for a in resp.actions],
        },
        "updates": [{"date": _known(u.date), "meeting": u.meeting,
                     "status": {"id": u.status.id, "label": u.status.display},
                     "note": pub.plain(u.note) if u.note else "",
                     "revised_target": _target(u.revised_target), "reason": u.reason,
                     "evidence": [{"title": e.title, "url": e.url} for e in u.evidence],
                     "sign_off": {"date": _known(u.sign_off.date), "meeting": u.sign_off.meeting} if u.sign_off else None}
                    for u in rec.updates],
        "url": absolute(pub.config, recommendation_url(report.id, rec.number)),
    }


def report_key(pub: Publication, report: Report) -> str | None:
    """Changes whenever a record of the report could: everything loading it read and the
    plain words of each of its fields, as parsed
    (:meth:`~scrutiny.publication.Publication.content_key`); None without a source key
    (nothing is reused then)."""
    return pub.content_key(report.id)


def csv_row(pub: Publication, report: Report, rec: Recommendation, r: dict | None = None) -> dict:
    """The CSV row of ``rec``; ``r`` its :func:`record` when already made."""
    r = record(pub, report, rec) if r is None else r
    s = pub.standing(report, rec)
    resp = r["response"] or {}
    return {
        **{k: r[k] for k in ("report_id", "report_title", "report_code", "committee", "council", "number", "theme", "text",
                             "addressed_to", "priority", "url")},
        "decision": s.decision.display if s.decision else "",
        "response_date": resp.get("date") or "",
        "decision_maker": resp.get("decision_maker", ""),
        "actions": " | ".join(a["action"] for a in resp.get("actions", [])),
        "owners": "; ".join(str(o) for o in rec.owners),
        "original_target": s.original_target.text if s.original_target else "",
        "current_target": s.target.text if s.target else "",
        "target_due": s.target.due.isoformat() if s.target and s.target.due else "",
        "status": s.status.display if s.status else "",
        "position": s.label,
        "summary": s.sentence,
        "overdue": "yes" if s.overdue else "no",
        "overdue_for": s.overdue_for,
        "response_due": s.response_due.isoformat() if s.response_due else "",
        "response_overdue": "yes" if s.response_overdue else "no",
        "last_update": s.last_update.isoformat() if s.last_update else "",
    }


def csv_bytes(rows: Iterable[dict]) -> bytes:
    stream = io.StringIO(newline="")
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return stream.getvalue().encode("utf-8")


def json_bytes(pub: Publication, records: list[dict]) -> bytes:
    data = {"as_of": pub.config.as_of.isoformat(), "recommendations": records}
    return json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"


#: Where a record's lines start in :func:`json_bytes`: inside its object's list.
_RECORD_INDENT = " " * 4


def json_piece(records: list[dict]) -> bytes:
    """``records`` as :func:`json_bytes` writes them in its list, for :func:`json_joined` (a
    string in JSON never holds a line break: every line of a record is indented alike)."""
    return ",\n".join(_RECORD_INDENT + json.dumps(r, indent=2, ensure_ascii=False).replace("\n", "\n" + _RECORD_INDENT)
                      for r in records).encode("utf-8")


def json_joined(pub: Publication, pieces: Iterable[bytes]) -> bytes:
    """The bytes of :func:`json_bytes` of every record of ``pieces`` (each a :func:`json_piece`),
    without encoding any record again."""
    parts = [p for p in pieces if p]
    if not parts:
        return json_bytes(pub, [])
    head = '{\n  "as_of": ' + json.dumps(pub.config.as_of.isoformat()) + ',\n  "recommendations": [\n'
    return head.encode("utf-8") + b",\n".join(parts) + b"\n  ]\n}\n"


def csv_piece(rows: Iterable[dict]) -> bytes:
    """``rows`` as :func:`csv_bytes` writes them after its header, for :func:`csv_joined`."""
    stream = io.StringIO(newline="")
    csv.DictWriter(stream, fieldnames=CSV_COLUMNS, lineterminator="\r\n").writerows(rows)
    return stream.getvalue().encode("utf-8")


def csv_joined(pieces: Iterable[bytes]) -> bytes:
    """The bytes of :func:`csv_bytes` of every row of ``pieces`` (each a :func:`csv_piece`)."""
    return csv_bytes(()) + b"".join(pieces)


def write_csv(pub: Publication, items: Iterable[tuple[Report, Recommendation]], fh) -> None:
    fh.write(csv_bytes(csv_row(pub, report, rec) for report, rec in items))


def write_json(pub: Publication, items: Iterable[tuple[Report, Recommendation]], fh) -> None:
    fh.write(json_bytes(pub, [record(pub, report, rec) for report, rec in items]))


class DataExporter:
    """Per-report recommendation data (the site-wide files come from :func:`export_site`)."""

    def export(self, pub: Publication, report: Report, out: Folder) -> None:
        items = [(report, rec) for rec in report.recommendations]
        with out.open("recommendations.csv") as fh:
            write_csv(pub, items, fh)
        with out.open("recommendations.json") as fh:
            write_json(pub, items, fh)


Kept = Mapping[str, tuple[str, bytes, bytes]]
"""An earlier build's records: report id -> (digest of its records and rows, the records as
:func:`json_piece`, the rows as :func:`csv_piece`)."""


def records_digest(records: list[dict], rows: list[dict]) -> str:
    """Of one report's records and rows (the compact JSON of them, which the C encoder makes fast)."""
    return hashlib.sha256(json.dumps([records, rows], ensure_ascii=False).encode("utf-8")).hexdigest()


@dataclass
class SiteData:
    """Every recommendation of the site as the open data files show it. Each report's share
    is known by a digest; a report whose :func:`report_key` is unchanged since the build
    that kept its digest is not worked out again, and its share of the files is read back
    from that build's (``kept``), already encoded, only if the files are to be made: a
    build can tell by :meth:`digest` whether the files are the ones an earlier build wrote
    without any of them."""

    pub: Publication
    index: dict[str, tuple[str, str]]
    """Report id -> (its :func:`report_key`, the digest of its records), for the next build."""
    digests: list[str]
    """Each report's digest, in the site's order."""
    fresh: dict[str, tuple[list[dict], list[dict]]]
    """The records and rows worked out by this build, by report id."""
    kept: Callable[[], Kept] = lambda: {}
    """An earlier build's shares (read only when called)."""

    @classmethod
    def of(cls, pub: Publication, index: Mapping[str, tuple[str, str]] | None = None,
           kept: Callable[[], Kept] = lambda: {}) -> "SiteData":
        """``index``: an earlier build's :attr:`index`; a report whose key is unchanged takes
        its digest from it, the others are worked out again."""
        index = index or {}
        digests: list[str] = []
        fresh: dict[str, tuple[list[dict], list[dict]]] = {}
        mine: dict[str, tuple[str, str]] = {}
        for report in pub.reports:
            key = report_key(pub, report)
            earlier = index.get(report.id)
            if key is not None and earlier is not None and earlier[0] == key:
                digest = earlier[1]
            else:
                fresh[report.id] = cls._make(pub, report)
                digest = records_digest(*fresh[report.id])
            if key is not None:
                mine[report.id] = (key, digest)
            digests.append(digest)
        return cls(pub, mine, digests, fresh, functools.cache(kept))  # read once, if at all

    @staticmethod
    def _make(pub: Publication, report: Report) -> tuple[list[dict], list[dict]]:
        records = [record(pub, report, rec) for rec in report.recommendations]
        return records, [csv_row(pub, report, rec, r) for rec, r in zip(report.recommendations, records)]

    def of_report(self, report: Report, digest: str) -> tuple[bytes, bytes]:
        """The report's share of the JSON and of the CSV: the earlier build's of the same
        digest, or (worked out by this build, not kept, or kept damaged) encoded now."""
        if report.id not in self.fresh:
            earlier = self.kept().get(report.id)
            if (isinstance(earlier, tuple) and len(earlier) == 3 and earlier[0] == digest
                    and isinstance(earlier[1], bytes) and isinstance(earlier[2], bytes)):
                return earlier[1], earlier[2]
            self.fresh[report.id] = self._make(self.pub, report)
        records, rows = self.fresh[report.id]
        return json_piece(records), csv_piece(rows)

    @cached_property
    def pieces(self) -> list[tuple[bytes, bytes]]:
        """Each report's share of the JSON and of the CSV, in the site's order."""
        return [self.of_report(report, d) for report, d in zip(self.pub.reports, self.digests)]

    @property
    def by_report(self) -> dict[str, tuple[str, bytes, bytes]]:
        """What to keep for the next build: each report's digest and shares (:data:`Kept`)."""
        return {report.id: (digest, *piece) for report, digest, piece in zip(self.pub.reports, self.digests, self.pieces)
                if report.id in self.index}

    def digest(self) -> str:
        """Of everything the files hold: the as-of day, the columns and each report's digest in order."""
        as_of = self.pub.config.as_of.isoformat()
        return hashlib.sha256(repr((as_of, CSV_COLUMNS, self.digests)).encode("utf-8")).hexdigest()

    def files(self) -> dict[str, Callable[[], bytes]]:
        """Each file's name in ``data/`` and how to make its bytes."""
        return {"recommendations.csv": lambda: csv_joined(c for _, c in self.pieces),
                "recommendations.json": lambda: json_joined(self.pub, (j for j, _ in self.pieces)),
                "recommendations.schema.json": lambda: (json.dumps(SCHEMA, indent=2) + "\n").encode("utf-8")}


def export_site(pub: Publication, out: Folder) -> None:
    """The site-wide data files, made afresh (a build reuses them: see ``scrutiny.build.write_data``)."""
    for name, make in SiteData.of(pub).files().items():
        out.write(name, make())


EXPORTER = DataExporter()
