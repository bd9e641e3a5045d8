"""Command line: ``python build.py [build|check|serve] ...``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from .build import build, gather
from .dates import DateError, parse_known
from .problems import ContentError

COMMANDS = ("build", "check", "serve", "new", "changes")


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


def _changes(root: Path, since: str, until: str | None, out: Path | None) -> int:
    from .changes import ChangesError, html_paper, markdown_paper, run

    try:
        changes, title = run(root, since, until)
    except ChangesError as err:
        _log(f"changes: {err}")
        return 1
    paper = markdown_paper(changes, title)
    if out is None:
        print(paper, end="")
        return 0
    if out.suffix.lower() not in (".md", ".html"):
        _log(f"changes: {out} should end in .md or .html")
        return 2
    out.write_text(html_paper(paper, title) if out.suffix.lower() == ".html" else paper, encoding="utf-8")
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
    b.add_argument("--out", type=Path, default=None, help="output folder (default: ROOT/site)")
    b.add_argument("--as-of", type=_day, default=None, metavar="DATE",
                   help="compute overdue and awaited as of this day instead of site.as_of (2014-11-30 or 30 November 2014)")
    c = sub.add_parser("check", help="check the content only; print every problem with file:line",
                       description="Load and check every file; print all problems (file:line: what is wrong (how to fix)) "
                                   "and exit 1 if there are any. Writes nothing.")
    c.add_argument("--as-of", type=_day, default=None, metavar="DATE", help="check as of this day instead of site.as_of")
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
                                    "open. --out FILE.md or FILE.html writes it as a paper; otherwise it is printed.")
    ch.add_argument("--since", required=True, metavar="REV|DATE", help="the earlier point: a commit, tag, branch or date")
    ch.add_argument("--until", default=None, metavar="REV|DATE", help="the later point (default: the files as they are now)")
    ch.add_argument("--out", type=Path, default=None, help="write the paper to FILE.md or FILE.html")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    command = args.command or "build"
    root = args.root
    started = time.perf_counter()
    try:
        if command == "check":
            pub = gather(root, args.as_of)
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
            return _changes(root, args.since, args.until, args.out)
        if command == "serve":
            from .site.serve import main as serve_main

            return serve_main(root, args.port, args.out, args.formats)
        out = getattr(args, "out", None) or root / "site"
        result = build(root, out, log=_log, as_of=getattr(args, "as_of", None))
        size = sum(result.files.values())
        _log(f"built {len(result.files)} files ({size / 1e6:.1f} MB) into {out} in {time.perf_counter() - started:.2f} s")
        for message in result.skipped:
            _log(f"warning: {message}")
        return 0
    except ContentError as err:
        print(err.report(), file=sys.stderr)
        return 1
