"""Command line: ``python build.py [build|check|serve] ...``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from .build import StrictError, build, environment_warnings, gather
from .dates import DateError, parse_known
from .problems import ContentError
from .writer import UnsafeOutput

COMMANDS = ("build", "check", "serve", "new", "changes", "updates")


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _day(text: str) -> dt.date:
    """A day for ``--as-of``: 2014-11-30 or 30 November 2014."""
    try:
        known = parse_known(text)
    except DateError:
        known = None
    if known is None or known.precision != "day":
        raise argparse.ArgumentTypeError(f'"{text}" is not a day: write it as 2014-11-30 or 30 November 2014')
    return known.first


def _changes(root: Path, since: str, until: str | None, out: Path | None, as_of: dt.date | None = None,
             meeting: str = "") -> int:
    from .changes import ChangesError, html_paper, markdown_paper, run

    try:
        changes, title = run(root, since, until, as_of, meeting)
    except ChangesError as err:
        _log(f"changes: {err}")
        return 1
    paper = markdown_paper(changes, title)
    if out is None:
        print(paper, end="")
        return 0
    suffix = out.suffix.lower()
    if suffix not in (".md", ".html", ".docx", ".pdf"):
        _log(f"changes: {out} should end in .md, .html, .docx or .pdf")
        return 2
    if suffix in (".docx", ".pdf"):
        from .render.changes_doc import docx_paper, pdf_paper

        out.write_bytes(docx_paper(changes, title) if suffix == ".docx" else pdf_paper(changes, title))
    else:
        out.write_text(html_paper(paper, title, changes.colour) if suffix == ".html" else paper, encoding="utf-8")
    _log(f"wrote {out}: {len(changes.changes)} changes")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="build.py",
        description="Publish scrutiny reports: check the content and build the site with every format.",
        epilog="Without a command, `build` runs.",
    )
    p.add_argument("--root", type=Path, default=Path("."), help="project folder holding site_config.yaml and content/ (default: .)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    b = sub.add_parser("build", help="check the content, then build the site and every format into --out",
                       description="Check everything, then write the site and every format into a temporary "
                                   "folder and swap it in place of --out. Nothing is written if any check fails.")
    b.add_argument("--out", type=Path, default=None,
                   help="output folder (default: ROOT/site): a link to the current version in .NAME-builds/ beside it; "
                        "refused if it is or holds the project's files, or holds files that are not a build")
    b.add_argument("--as-of", type=_day, default=None, metavar="DATE",
                   help="compute overdue and awaited as of this day instead of site.as_of (2014-11-30 or 30 November 2014)")
    b.add_argument("--strict", action="store_true",
                   help="fail (exit 1, nothing published) on any warning: a format whose tools are missing, "
                        "a chart or the search index left out; for CI")
    c = sub.add_parser("check", help="check the content only; print every problem with file:line",
                       description="Load and check every file; print all problems (file:line: what is wrong (how to fix)) "
                                   "and exit 1 if there are any. Writes nothing.")
    c.add_argument("--as-of", type=_day, default=None, metavar="DATE", help="check as of this day instead of site.as_of")
    c.add_argument("--strict", action="store_true",
                   help="also fail when a build here would leave something out: a selected format whose tools "
                        "are missing, or the search index")
    s = sub.add_parser("serve", help="preview the site at http://127.0.0.1:PORT/, rebuilding and reloading on every edit",
                       description="Build the site, serve it on 127.0.0.1 and watch content/, site_config.yaml, "
                                   "templates/ and theme/: every change rebuilds (pages of untouched reports are "
                                   "reused) and reloads the browser. Content problems are printed and the last good "
                                   "build stays up.")
    s.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000; 0 picks a free one)")
    s.add_argument("--out", type=Path, default=None, help="folder to build the preview into (default: a temporary folder)")
    s.add_argument("--formats", action="store_true",
                   help="also build the slow formats (PDF, Word, audio, ...); by default only the data files are built")
    n = sub.add_parser("new", help="start a new report: its folder, with comments saying what to fill in",
                       description="Write content/reports/ID/ (report.yaml, a first section, recommendations.yaml) "
                                   "as a draft that passes `check` at once, each line saying what to write. "
                                   "Refuses to overwrite a report that exists.")
    n.add_argument("what", choices=["report"], help="what to start (a report)")
    n.add_argument("id", help="the report's id: lower-case letters, digits and hyphens (its web address)")
    n.add_argument("--committee", required=True, help="id of its committee, as in site_config.yaml")
    n.add_argument("--title", default="", help="the report's title (default: a placeholder to replace)")
    ch = sub.add_parser("changes", help="what changed between two revisions or dates of the content (git): the committee's paper",
                        description="Compare the content at --since (a git revision or a date: the last commit on or "
                                    "before it) with --until (default: the files as they are now) and list, per "
                                    "committee and report: new reports and responses, status changes, targets moved, "
                                    "newly overdue, closed, updates that were due and did not come, and what is still "
                                    "open. --out FILE.md, .html, .docx or .pdf writes it as the paper; otherwise it is printed.")
    ch.add_argument("--since", required=True, metavar="REV|DATE", help="the earlier point: a commit, tag, branch or date")
    ch.add_argument("--until", default=None, metavar="REV|DATE", help="the later point (default: the files as they are now)")
    ch.add_argument("--out", type=Path, default=None, help="write the paper to FILE.md, .html, .docx (Word) or .pdf")
    ch.add_argument("--meeting", default="", metavar="TEXT",
                    help='the meeting the paper goes to, shown under its title ("People Scrutiny Committee, 12 March 2024")')
    ch.add_argument("--as-of", type=_day, default=None, metavar="DATE",
                    help="judge what is overdue at the later point as of this day (e.g. the meeting) instead of its site.as_of")
    _updates_parser(sub)
    return p


def _updates_parser(sub) -> None:
    u = sub.add_parser("updates", help="officers' progress updates by spreadsheet: export a sheet, import it filled in",
                       description="Export the open recommendations as a sheet (.xlsx or .csv) for officers to fill "
                                   "in, then import it: every row is checked, every problem is printed as "
                                   "FILE:row:column, and the updates are added to recommendations.yaml only when "
                                   "all are good (comments and layout kept).")
    verbs = u.add_subparsers(dest="verb", metavar="ACTION", required=True)
    e = verbs.add_parser("export", help="write a sheet of the open recommendations with empty columns for the update",
                         description="Write one row per open recommendation of the published reports: its report, "
                                     "reference, words, owners, current status, target and last update, then "
                                     "empty columns for the officer (update date, new status, note, revised target, "
                                     "reason, evidence). In .xlsx the new status is a drop-down list.")
    e.add_argument("--out", type=Path, required=True, metavar="FILE", help="the sheet to write: FILE.xlsx or FILE.csv")
    e.add_argument("--report", default="", metavar="ID", help="only this report's recommendations")
    e.add_argument("--owner", default="", metavar="NAME", help="only recommendations whose owners' names contain NAME")
    i = verbs.add_parser("import", help="check a filled-in sheet and add its updates to recommendations.yaml",
                         description="Check every filled-in row (rows left empty are skipped); print every problem "
                                     "and change nothing if there is one; else append each update to its "
                                     "recommendation and check the content again (restoring the files if it fails).")
    i.add_argument("file", type=Path, metavar="FILE", help="the filled-in sheet (.xlsx or .csv)")


def _updates(args) -> int:
    if args.verb == "export":
        from .updates import export_updates

        count = export_updates(args.root, args.out, args.report, args.owner)
        _log(f"wrote {args.out}: {count} open recommendation{'' if count == 1 else 's'}")
        return 0
    from .updates import import_updates

    added = import_updates(args.root, args.file)
    files = sorted({u.rec.source.path for u in added})
    _log(f"added {len(added)} update{'' if len(added) == 1 else 's'} to {len(files)} file{'' if len(files) == 1 else 's'}"
         + "".join(f"\n  {f}" for f in files))
    _log("see the result with: python build.py check")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    command = args.command or "build"
    root = args.root
    started = time.perf_counter()
    try:
        if command == "check":
            pub = gather(root, args.as_of)
            warnings = environment_warnings(pub) if args.strict else []
            if warnings:
                raise StrictError(warnings)
            n = sum(len(r.recommendations) for r in pub.content.reports)
            _log(f"ok: {len(pub.content.reports)} reports, {n} recommendations, no problems "
                 f"({time.perf_counter() - started:.2f} s)")
            return 0
        if command == "new":
            from .scaffold import new_report

            for path in new_report(root, args.id, args.committee, args.title):
                _log(f"wrote {path}")
            _log("fill in what each comment asks, then run: python build.py check")
            return 0
        if command == "changes":
            return _changes(root, args.since, args.until, args.out, args.as_of, args.meeting)
        if command == "updates":
            return _updates(args)
        if command == "serve":
            from .site.serve import main as serve_main

            return serve_main(root, args.port, args.out, args.formats)
        out = getattr(args, "out", None) or root / "site"
        result = build(root, out, log=_log, as_of=getattr(args, "as_of", None), strict=getattr(args, "strict", False),
                       remove_later=True)
        size = sum(result.files.values())
        _log(f"built {len(result.files)} files ({size / 1e6:.1f} MB) into {out} in {time.perf_counter() - started:.2f} s")
        for message in result.skipped:
            _log(f"warning: {message}")
        return 0
    except (ContentError, StrictError) as err:
        print(err.report(), file=sys.stderr)
        return 1
    except UnsafeOutput as err:
        for problem in err.problems:
            _log(problem)
        _log("nothing was written.")
        return 2
