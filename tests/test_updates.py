"""Officers' updates by spreadsheet: `python build.py updates export|import`."""

from __future__ import annotations

import csv
import re
import datetime as dt
import difflib
from pathlib import Path

import pytest
from openpyxl import load_workbook

from scrutiny.build import gather
from scrutiny.cli import main
from scrutiny.problems import ContentError
from scrutiny.updates import HEADERS, export_updates, import_updates
from scrutiny.updates.yamledit import added_lines_only
from tests.conftest import copy_fixture

RECS = "content/reports/school-transport-review/recommendations.yaml"
COL = {h: i for i, h in enumerate(HEADERS, start=1)}


def _commented(root: Path) -> str:
    """Give the fixture's recommendations.yaml the comments an author writes; return its text."""
    path = root / RECS
    text = path.read_text(encoding="utf-8")
    text = "# Written by the scrutiny officer; keep these notes.\n" + text
    text = text.replace("    theme: Planning\n", "    theme: Planning   # from the report's chapter 2\n", 1)
    text = text.replace("        reason: The routing software arrived late.\n",
                        "        reason: The routing software arrived late.\n  # Recommendation 2: costs\n")
    path.write_text(text, encoding="utf-8")
    return text


def _only_added(old: str, new: str) -> list[str]:
    """The added lines, asserting that no line was removed or changed."""
    diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0))
    removed = [d for d in diff[2:] if d.startswith("-")]
    assert not removed, "\n".join(diff)
    return [d[1:] for d in diff[2:] if d.startswith("+")]


def _rows(path: Path) -> list[list]:
    sheet = load_workbook(path)["Updates"]
    return [list(r) for r in sheet.iter_rows(values_only=True)]


def _fill(path: Path, row: int, **cells) -> None:
    book = load_workbook(path)
    sheet = book["Updates"]
    for header, value in cells.items():
        sheet.cell(row=row, column=COL[header.replace("_", " ").capitalize()], value=value)
    book.save(path)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_fixture(tmp_path)


def test_export_xlsx_lists_the_open_recommendations_with_a_status_list(project, tmp_path):
    out = tmp_path / "updates.xlsx"
    assert export_updates(project, out) == 2
    book = load_workbook(out)
    sheet = book["Updates"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert tuple(rows[0]) == HEADERS
    # recommendation 2 is complete and 3 rejected: closed, so not listed
    assert [r[:7] for r in rows[1:]] == [
        ["earlier-review", "1", "Review transport again within three years.", None, "Response overdue", None, None],
        ["school-transport-review", "1", "Plan routes by the end of May each year.", "Jo Bloggs", "Behind schedule",
         "March 2024", "1 December 2023"]]
    assert all(r[7:] == [None] * 6 for r in rows[1:])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["C"].width == 60
    [rule] = sheet.data_validations.dataValidation
    assert rule.type == "list" and str(rule.sqref) == "I2 I3"
    listed_from = rule.formula1.lstrip("=").split("!")
    values = [c.value for row in book[listed_from[0]][listed_from[1].replace("$", "")] for c in row]
    assert values == ["Complete", "On track", "Behind schedule", "Not started", "Deferred to next year"]
    assert book[listed_from[0]].sheet_state == "hidden"


def test_export_keeps_to_one_report_or_owner(project, tmp_path):
    assert export_updates(project, tmp_path / "a.xlsx", report_id="earlier-review") == 1
    assert export_updates(project, tmp_path / "b.xlsx", owner="bloggs") == 1
    assert _rows(tmp_path / "b.xlsx")[1][0] == "school-transport-review"
    with pytest.raises(ContentError) as err:
        export_updates(project, tmp_path / "c.xlsx", report_id="earlier")
    assert re.search('no published report has the id "earlier"', err.value.report())


def test_xlsx_round_trip_adds_only_the_new_lines_and_keeps_comments(project, tmp_path):
    old = _commented(project)
    out = tmp_path / "updates.xlsx"
    export_updates(project, out)
    _fill(out, 3, update_date=dt.datetime(2024, 3, 20), new_status="On track", note="Routes are planned.",
          revised_target="May 2024", reason="The software is live now.", evidence="Cabinet minutes; Route plan")
    [added] = import_updates(project, out)  # row 2 (earlier-review) was left empty: skipped
    new = (project / RECS).read_text(encoding="utf-8")
    assert _only_added(old, new) == [
        "      - date: 2024-03-20", "        status: on-track", "        note: Routes are planned.",
        "        revised_target: May 2024", "        reason: The software is live now.", "        evidence:",
        "          - Cabinet minutes", "          - Route plan"]
    # the comment about the next recommendation stays just before it
    assert "          - Route plan\n  # Recommendation 2: costs\n  - number: 2\n" in new
    pub = gather(project)
    report = pub.report("school-transport-review")
    rec = report.recommendations[0]
    s = pub.standing(report, rec)
    assert s.status.id == "on-track" and s.target.display == "May 2024"
    assert [e.title for e in rec.updates[-1].evidence] == ["Cabinet minutes", "Route plan"]


def test_an_update_for_a_recommendation_without_updates_adds_the_list(project, tmp_path):
    old = (project / "content/reports/earlier-review/recommendations.yaml").read_text(encoding="utf-8")
    # earlier-review has no response: give it one that allows updates
    path = project / "content/reports/earlier-review/recommendations.yaml"
    old = old.replace("    text: Review transport again within three years.\n",
                      "    text: Review transport again within three years.\n    response: none-recorded\n")
    path.write_text(old, encoding="utf-8")
    out = tmp_path / "updates.csv"
    export_updates(project, out)
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    rows[1][7:10] = ["March 2024", "not started", ""]
    with out.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    import_updates(project, out)
    assert _only_added(old, path.read_text(encoding="utf-8")) == [
        "    updates:", "      - date: 2024-03", "        status: not-started"]
    assert gather(project).report("earlier-review").recommendations[0].updates[0].status.id == "not-started"


def test_csv_round_trip(project, tmp_path):
    out = tmp_path / "updates.csv"
    export_updates(project, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark, so that Excel reads it as UTF-8
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert tuple(rows[0]) == HEADERS and len(rows) == 3
    rows[2][7:13] = ["2024-03-20", "Complete", "Routes are now planned – in May.", "", "", ""]
    with out.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    old = (project / RECS).read_text(encoding="utf-8")
    import_updates(project, out)
    added = _only_added(old, (project / RECS).read_text(encoding="utf-8"))
    assert added == ["      - date: 2024-03-20", "        status: complete", "        note: Routes are now planned – in May."]
    pub = gather(project)
    report = pub.report("school-transport-review")
    assert pub.standing(report, report.recommendations[0]).closed


def test_every_bad_row_is_reported_at_once_and_nothing_changes(project, tmp_path):
    out = tmp_path / "updates.xlsx"
    export_updates(project, out)
    book = load_workbook(out)
    sheet = book["Updates"]
    bad = [
        ["school-transport-review", "1"] + [None] * 5 + ["2024-02-30", "Finished", None, None, None, None],
        ["school-transport-review", "9"] + [None] * 5 + ["2024-03-20", "On track", None, "someday", None, None],
        ["no-such-report", "1"] + [None] * 5 + [None, None, "A note without a status", None, None, None],
    ]
    for row in bad:
        sheet.append(row)
    book.save(out)
    before = {p: p.read_bytes() for p in (project / "content").rglob("*.yaml")}
    with pytest.raises(ContentError) as err:
        import_updates(project, out)
    lines = [str(p) for p in err.value.problems]
    f = str(out)
    assert lines == [
        f'{f}:4:H: "2024-02-30" is not a real day (day is out of range for month)',
        f'{f}:4:I: "Finished" is not a status of committee "people-scrutiny" (choose one of: Complete, On track, '
        "Behind schedule, Not started, Deferred to next year)",
        f'{f}:5:B: report "school-transport-review" has no recommendation "9" (expected one of: 1, 2, 3)',
        f'{f}:5:K: "someday" is not a target date' + lines[3].split("target date", 1)[1],
        f"{f}:5:L: a revised target needs a reason (say why, in a sentence)",
        f'{f}:6:A: there is no report "no-such-report" (expected one of: earlier-review, school-transport-review)',
        f"{f}:6:H: the update date is missing (write the day of the update, e.g. 2024-05-01)",
        f"{f}:6:I: the new status is missing (choose one from the list)",
    ]
    assert {p: p.read_bytes() for p in (project / "content").rglob("*.yaml")} == before


def test_a_status_that_needs_a_revised_target_needs_one_and_a_reason(project, tmp_path):
    config = project / "site_config.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "{id: deferred, label: Deferred to next year}",
        "{id: deferred, label: Deferred to next year, needs_revised_target: true}"), encoding="utf-8")
    out = tmp_path / "updates.xlsx"
    export_updates(project, out)
    _fill(out, 3, update_date="2024-03-20", new_status="Deferred to next year")
    with pytest.raises(ContentError) as err:
        import_updates(project, out)
    assert [str(p).split(": ", 1)[0].rsplit(":", 2)[1:] for p in err.value.problems] == [["3", "K"], ["3", "L"]]


def test_the_same_sheet_is_not_imported_twice(project, tmp_path):
    out = tmp_path / "updates.xlsx"
    export_updates(project, out)
    _fill(out, 3, update_date="2024-03-20", new_status="On track")
    import_updates(project, out)
    once = (project / RECS).read_text(encoding="utf-8")
    with pytest.raises(ContentError) as err:
        import_updates(project, out)
    assert re.search(r"3:H: recommendation 1 already has the update of 20 March 2024", err.value.report())
    assert (project / RECS).read_text(encoding="utf-8") == once


def test_updates_that_fail_the_project_check_are_taken_back(project, tmp_path):
    old = (project / RECS).read_text(encoding="utf-8")
    out = tmp_path / "updates.xlsx"
    export_updates(project, out)
    _fill(out, 3, update_date="2023-11-01", new_status="On track")  # before the update of 1 December 2023
    with pytest.raises(ContentError) as err:
        import_updates(project, out)
    assert re.search("out of order", err.value.report())
    assert (project / RECS).read_text(encoding="utf-8") == old
    assert not [p for p in (project / RECS).parent.iterdir() if p.name.startswith(".")]


def test_added_lines_only():
    assert added_lines_only("a\nb\n", "a\nx\nb\n")
    assert not added_lines_only("a\nb\n", "a\nc\n")


def test_cli_exit_codes_and_no_traceback(project, tmp_path, capsys):
    out = tmp_path / "updates.xlsx"
    assert main(["--root", str(project), "updates", "export", "--out", str(out)]) == 0
    assert "2 open recommendations" in capsys.readouterr().err
    _fill(out, 3, update_date="2024-03-20", new_status="Nope")
    assert main(["--root", str(project), "updates", "import", str(out)]) == 1
    err = capsys.readouterr().err
    assert f'{out}:3:I: "Nope" is not a status' in err and "Traceback" not in err
    _fill(out, 3, new_status="On track")
    assert main(["--root", str(project), "updates", "import", str(out)]) == 0
    assert "added 1 update to 1 file" in capsys.readouterr().err
    assert main(["--root", str(project), "updates", "import", str(tmp_path / "missing.xlsx")]) == 1
    assert main(["--root", str(project), "updates", "export", "--out", str(tmp_path / "x.ods")]) == 1
    err = capsys.readouterr().err
    assert "there is no such file" in err and "give --out a name ending in .xlsx or .csv" in err
    assert "Traceback" not in err


def test_a_file_that_cannot_take_the_update_unchanged_is_refused(project, tmp_path):
    path = project / RECS
    # written as a one-line list: adding to it would rewrite the author's line
    text = path.read_text(encoding="utf-8").replace(
        "    updates:\n      - date: 2023-12-01\n        meeting: People Scrutiny Committee\n        status: behind-schedule\n"
        "        note: Delayed by the new routing software.\n        revised_target: March 2024\n"
        "        reason: The routing software arrived late.\n",
        "    updates: [{date: 2023-12-01, status: behind-schedule, revised_target: March 2024, reason: Late.}]\n")
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "updates.xlsx"
    export_updates(project, out)
    _fill(out, 3, update_date="2024-03-20", new_status="On track")
    with pytest.raises(ContentError) as err:
        import_updates(project, out)
    assert re.search(r":3: cannot add the update of row 3 to content/reports/school-transport-review/"
                     r"recommendations.yaml: the updates of the recommendation at line \d+ are not a block list",
                     err.value.report())
    assert path.read_text(encoding="utf-8") == text


def test_a_comment_line_after_the_last_update_stays_after_the_new_one():
    from scrutiny.updates.yamledit import append_updates

    text = ("recommendations:\n- number: 1\n  text: Do it.\n  updates:\n  - date: 2024-01-01\n    status: on-track\n"
            "# the next one is new\n- number: 2\n  text: Do more.\n")
    new = append_updates(text, [(2, {"date": dt.date(2024, 2, 1), "status": "complete"})])
    assert new == ("recommendations:\n- number: 1\n  text: Do it.\n  updates:\n  - date: 2024-01-01\n    status: on-track\n"
                   "  - date: 2024-02-01\n    status: complete\n# the next one is new\n- number: 2\n  text: Do more.\n")
