"""Read a filled-in updates sheet, check every row, and append the updates to
``recommendations.yaml`` keeping the author's comments, order and layout."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..build import gather
from ..dates import DateError, KnownDate, parse_known, parse_target
from ..model import Recommendation, RecNumber, Report, Term
from ..problems import ContentError, did_you_mean
from ..publication import Publication
from . import HEADERS, OFFICER, CellProblem
from ..writer import atomic_write
from .yamledit import YamlEditError, append_updates


@dataclass(frozen=True)
class Row:
    number: int
    """Its row in the sheet (the header is row 1)."""
    cells: dict[str, str]


@dataclass(frozen=True)
class NewUpdate:
    report: Report
    rec: Recommendation
    date: KnownDate
    status: Term
    note: str
    revised_target: str
    reason: str
    evidence: tuple[str, ...]
    row: int


def _text(value: object) -> str:
    """A cell's value as the officer typed it: days as YYYY-MM-DD, whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_sheet(path: Path) -> tuple[list[str], list[Row]]:
    """(headers, rows) of a .xlsx (its "Updates" sheet, else the first) or a .csv (UTF-8,
    with or without a byte-order mark)."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, data_only=True, read_only=True)
        sheet = book["Updates"] if "Updates" in book.sheetnames else book.worksheets[0]
        table = [[_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        book.close()
    else:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            table = [[_text(v) for v in row] for row in csv.reader(handle)]
    if not table:
        return [], []
    headers = [h.strip() for h in table[0]]
    rows = [Row(n, {h: (line[i] if i < len(line) else "") for i, h in enumerate(headers) if h})
            for n, line in enumerate(table[1:], start=2)]
    return headers, rows


def _status(term_text: str, report: Report, pub: Publication) -> tuple[Term | None, list[str]]:
    """The status an officer chose: its label as listed, its label or its id, in any case."""
    statuses = pub.config.vocabulary(report.committee).statuses
    want = " ".join(term_text.split()).lower()
    for term in statuses:
        if want in (term.id.lower(), term.label.lower(), term.display.lower()):
            return term, []
    return None, [t.display for t in statuses]


def check_rows(path: Path, headers: list[str], rows: list[Row],
               pub: Publication) -> tuple[list[NewUpdate], list[CellProblem]]:
    """Every update the sheet gives, and every problem with it (all of them)."""
    name = str(path)
    col = {h: i for i, h in enumerate(headers, start=1) if h}
    problems: list[CellProblem] = []
    missing = [h for h in ("Report", "Reference") + OFFICER if h not in col]
    if missing:
        listed = ", ".join(f'"{h}"' for h in missing)
        return [], [CellProblem(name, 1, 0, f"the header row has no column {listed}",
                                f"export a fresh sheet with `python build.py updates export` (columns: {', '.join(HEADERS)})")]
    updates = []
    for row in rows:
        cells = row.cells
        if not any(cells.get(h, "") for h in OFFICER):
            continue  # nothing filled in

        def problem(header: str, message: str, hint: str = "") -> None:
            problems.append(CellProblem(name, row.number, col[header], message, hint))

        report = pub.content.report(cells.get("Report", ""))
        rec = None
        if report is None:
            problem("Report", f'there is no report "{cells.get("Report", "")}"',
                    did_you_mean(cells.get("Report", ""), [r.id for r in pub.content.reports]))
        else:
            ref = cells.get("Reference", "")
            try:
                number = RecNumber.parse(ref)
            except ValueError:
                number = None
            rec = next((r for r in report.recommendations if r.number == number), None)
            if rec is None:
                problem("Reference", f'report "{report.id}" has no recommendation "{ref}"',
                        did_you_mean(ref, [r.number.text for r in report.recommendations]))
        status = None
        status_text = cells.get("New status", "")
        if not status_text:
            problem("New status", "the new status is missing", "choose one from the list")
        elif report is not None:
            status, choices = _status(status_text, report, pub)
            if status is None:
                problem("New status", f'"{status_text}" is not a status of committee "{report.committee}"',
                        "choose one of: " + ", ".join(choices))
        date = None
        date_text = cells.get("Update date", "")
        if not date_text:
            problem("Update date", "the update date is missing", "write the day of the update, e.g. 2024-05-01")
        else:
            try:
                date = parse_known(date_text)
            except DateError as err:
                problem("Update date", str(err))
        target_text = cells.get("Revised target", "")
        if target_text:
            try:
                parse_target(target_text, date.first if date and date.precision == "day" else None)
            except DateError as err:
                problem("Revised target", str(err))
        reason = cells.get("Reason", "")
        if status is not None and status.needs_revised_target and not target_text:
            problem("Revised target", f'the status "{status.display}" needs a revised target',
                    "write when it is now due, e.g. March 2025")
        if not reason and ((status is not None and (status.needs_reason or status.needs_revised_target)) or target_text):
            why = "a revised target" if target_text else f'the status "{status.display}"'
            problem("Reason", f"{why} needs a reason", "say why, in a sentence")
        if rec is not None and status is not None and date is not None and any(
                u.date == date and u.status.id == status.id for u in rec.updates):
            problem("Update date", f'recommendation {rec.number} already has the update of {date} "{status.display}" '
                    "(was this sheet imported already?)", "leave the row empty, or correct its date")
            rec = None
        if rec is not None and status is not None and date is not None:
            evidence = tuple(e.strip() for e in cells.get("Evidence", "").replace(";", "\n").splitlines() if e.strip())
            updates.append(NewUpdate(report, rec, date, status, cells.get("Note", ""), target_text, reason,
                                     evidence, row.number))
    return updates, problems


def import_updates(root: Path, path: Path) -> list[NewUpdate]:
    """Check the sheet at ``path`` and append its updates; return them. Raises
    :class:`ContentError` listing every problem, having changed no file."""
    if not path.is_file():
        raise ContentError([CellProblem(str(path), 0, 0, "there is no such file",
                                        "give the sheet written by `python build.py updates export`")])
    if path.suffix.lower() not in (".xlsx", ".csv"):
        raise ContentError([CellProblem(str(path), 0, 0, f'cannot read a "{path.suffix}" sheet',
                                        "save it as .xlsx or .csv")])
    pub = gather(root)
    headers, rows = read_sheet(path)
    updates, problems = check_rows(path, headers, rows, pub)
    if problems:
        raise ContentError(problems)
    by_file: dict[Path, list[NewUpdate]] = {}
    for update in updates:
        by_file.setdefault(root / update.rec.source.path, []).append(update)
    originals: dict[Path, str] = {}
    written: dict[Path, str] = {}
    for file, items in by_file.items():
        text = file.read_text(encoding="utf-8")
        try:
            new = append_updates(text, [(u.rec.source.line, _entry(u)) for u in items])
        except YamlEditError as err:
            rows_of = ("the update of row " if len(items) == 1 else "the updates of rows ") + ", ".join(str(u.row) for u in items)
            problems.append(CellProblem(str(path), items[0].row, 0,
                                        f"cannot add {rows_of} to {file.relative_to(root)}: {err}",
                                        "add them by hand, or write the recommendation as a block mapping"))
            continue
        originals[file], written[file] = text, new
    if problems:
        raise ContentError(problems)
    try:
        for file, new in written.items():
            atomic_write(file, new.encode("utf-8"))
        gather(root)
    except BaseException:
        # nothing half-written: put every file back as it was
        for file, text in originals.items():
            atomic_write(file, text.encode("utf-8"))
        raise
    return updates


def _entry(u: NewUpdate) -> dict:
    """The update as it is written in ``recommendations.yaml``."""
    entry: dict = {"date": u.date.first if u.date.precision == "day" else u.date.isoformat(), "status": u.status.id}
    if u.note:
        entry["note"] = u.note
    if u.revised_target:
        entry["revised_target"] = u.revised_target
    if u.reason:
        entry["reason"] = u.reason
    if u.evidence:
        entry["evidence"] = list(u.evidence)
    return entry


__all__ = ["import_updates", "read_sheet", "check_rows", "NewUpdate", "Row"]
