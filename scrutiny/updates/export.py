"""Write the sheet of open recommendations an officer fills in (.xlsx or .csv)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..build import gather
from ..dates import long_date
from ..model import Recommendation, Report
from ..problems import ContentError, Problem, did_you_mean
from ..publication import Publication
from ..writer import atomic_write
from . import HEADERS, OFFICER, READ_ONLY, column_letter

#: Column widths in the .xlsx, in characters, by header.
WIDTHS = {"Report": 24, "Reference": 11, "Recommendation": 60, "Owners": 24, "Current status": 20,
          "Current target": 16, "Last update": 16, "Update date": 14, "New status": 22, "Note": 50,
          "Revised target": 16, "Reason": 36, "Evidence": 36}
#: Name of the hidden sheet holding each committee's statuses for the drop-down lists.
LISTS = "Statuses"


def owners(rec: Recommendation) -> str:
    """Who owns it: the actions' owners, else the lead officers; names joined by "; "."""
    people = rec.owners or rec.lead_officers
    return "; ".join(p.name for p in people)


def status_choices(pub: Publication, report: Report) -> list[str]:
    """What the drop-down offers for a report: its committee's statuses as readers see them."""
    return [t.display for t in pub.config.vocabulary(report.committee).statuses]


def open_rows(pub: Publication, report_id: str = "", owner: str = "") -> list[tuple[Report, list[str]]]:
    """(report, read-only cells) of every open recommendation of the published reports, by
    report id, limited to one report or to owners whose name contains ``owner``."""
    rows = []
    for report in sorted(pub.reports, key=lambda r: r.id):
        if report_id and report.id != report_id:
            continue
        for rec in report.recommendations:
            s = pub.standing(report, rec)
            if s.closed:
                continue
            who = owners(rec)
            if owner and owner.lower() not in who.lower():
                continue
            rows.append((report, [report.id, rec.number.text or str(rec.number), pub.plain(rec.text),
                                  who, s.label, s.target.display if s.target else "",
                                  long_date(s.last_update) if s.last_update else ""]))
    return rows


def _csv(rows: list[tuple[Report, list[str]]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for _, cells in rows:
        writer.writerow(cells + [""] * len(OFFICER))
    # a byte-order mark, so that Excel reads the file as UTF-8
    return out.getvalue().encode("utf-8-sig")


def _xlsx(pub: Publication, rows: list[tuple[Report, list[str]]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = "Updates"
    sheet.append(list(HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    grey = PatternFill("solid", fgColor="EEEEEE")
    for _, cells in rows:
        sheet.append(cells + [None] * len(OFFICER))
    first_officer = len(READ_ONLY) + 1
    for row in sheet.iter_rows(min_row=2, max_row=len(rows) + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if cell.column < first_officer:
                cell.fill = grey  # filled in by the export: for reading
            elif HEADERS[cell.column - 1] == "Revised target":
                cell.number_format = "@"  # text: Excel would turn "March 2025" into a day
    for index, header in enumerate(HEADERS, start=1):
        sheet.column_dimensions[column_letter(index)].width = WIDTHS.get(header, 16)
    sheet.freeze_panes = "A2"

    # one drop-down per committee, listing its statuses from a hidden sheet
    lists = book.create_sheet(LISTS)
    lists.sheet_state = "hidden"
    status_col = column_letter(HEADERS.index("New status") + 1)
    committees: dict[str, list[int]] = {}
    for number, (report, _) in enumerate(rows, start=2):
        committees.setdefault(report.committee, []).append(number)
    for index, (committee, numbers) in enumerate(sorted(committees.items()), start=1):
        report = next(r for r, _ in rows if r.committee == committee)
        choices = status_choices(pub, report)
        letter = column_letter(index)
        lists.cell(row=1, column=index, value=committee)
        for n, choice in enumerate(choices, start=2):
            lists.cell(row=n, column=index, value=choice)
        rule = DataValidation(type="list", formula1=f"={LISTS}!${letter}$2:${letter}${len(choices) + 1}",
                              allow_blank=True, showErrorMessage=True, errorTitle="Unknown status",
                              error=f"Choose one of the statuses of {committee} from the list.")
        for n in numbers:
            rule.add(f"{status_col}{n}")
        sheet.add_data_validation(rule)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_updates(root: Path, out: Path, report_id: str = "", owner: str = "") -> int:
    """Write the sheet to ``out`` (.xlsx or .csv); return how many recommendations it lists.
    Raises :class:`ContentError` when the content does not pass its checks or the
    arguments name nothing."""
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ContentError([Problem(str(out), 0, f'cannot write a "{out.suffix or out.name}" sheet',
                                    "give --out a name ending in .xlsx or .csv")])
    pub = gather(root)
    if report_id and report_id not in {r.id for r in pub.reports}:
        raise ContentError([Problem("--report", 0, f'no published report has the id "{report_id}"',
                                    did_you_mean(report_id, [r.id for r in pub.reports]))])
    rows = open_rows(pub, report_id, owner)
    atomic_write(out, _xlsx(pub, rows) if suffix == ".xlsx" else _csv(rows))
    return len(rows)
