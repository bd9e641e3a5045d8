#!/usr/bin/env python3
"""Benchmark the full build on synthetic councils of 10, 100 (and 1,000) reports.

    .venv/bin/python bench/run.py                 # N = 10, 100
    .venv/bin/python bench/run.py --full          # N = 10, 100, 1000
    .venv/bin/python bench/run.py --sizes 50 --formats data,txt --no-write

For each N: generate the content (bench/generate.py), run ``build.py build`` in a
subprocess and measure its wall time and peak memory, count the pages (index.html
files), append a sentence to one section and time the rebuild, then change one update's
status in the same report and time that rebuild too, and, when ``hugo`` is
on PATH, time ``hugo --quiet`` on the same Markdown for comparison. Prints a Markdown
table and writes it to bench/results.md. No timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
import generate  # noqa: E402
import hugosite  # noqa: E402

EDIT = "\nThe Panel asked for a further update on this work at its next meeting.\n"
STAGE = re.compile(r"^([a-z][\w ]*): (\d+\.\d+) s$")
DETAIL = re.compile(r"^site: \d+ pages")  # the site stage's own breakdown
DETAIL_MORE = re.compile(r"^(progress charts: |feeds and calendars: |data: \d+ exported)")


@dataclass
class Timed:
    seconds: float
    """Wall time."""
    cpu: float
    """User + system CPU time of the process (less sensitive than wall time to a busy machine)."""
    peak_mb: float
    """Largest resident memory of any one process of the build (the kernel's ru_maxrss)."""
    log: str
    tree_mb: float = 0.0
    """Peak of the whole process tree's proportional set size (PSS: pages shared by forked
    workers are split between them, not counted once per worker), sampled every 0.1 s."""


@dataclass
class Row:
    reports: int
    pages: int
    files: int
    megabytes: float
    build: Timed
    rebuild: Timed
    update: Timed | None = None
    """The rebuild after one recommendation's status changed (:func:`edit_one_status`), after
    the section's edit: its page, the trackers, the rounds and the open data change."""
    hugo_pages: int = 0
    hugo: Timed | None = None
    pagefind: Timed | None = None
    """Pagefind over Hugo's output: what a Hugo user would add for search (the fair peer)."""


def run_timed(cmd: list[str], log: Path, cwd: Path = ROOT) -> Timed:
    """Run a command; its wall time, CPU time, peak memory of one process and of the whole tree."""
    with open(log, "wb") as fh:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=fh, stderr=subprocess.STDOUT)
        sampler = TreeMemory(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        sampler.stop.set()
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, cmd))} failed with exit code {proc.returncode}:\n{text}")
    return Timed(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, text, sampler.peak_kb / 1024)


class TreeMemory(threading.Thread):
    """Samples the summed PSS of a process and all its descendants (Linux /proc) until stopped."""

    def __init__(self, root: int, every: float = 0.1):
        super().__init__(daemon=True)
        self.root, self.every, self.peak_kb = root, every, 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak_kb = max(self.peak_kb, sum(map(pss_kb, descendants(self.root))))
            self.stop.wait(self.every)


def descendants(root: int) -> list[int]:
    """The process and every process below it, from each /proc/<pid>/stat's parent field."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:  # the process ended while we looked
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def pss_kb(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:  # ended, or not Linux
        return 0
    match = re.search(r"^Pss:\s+(\d+) kB", text, re.M)
    return int(match[1]) if match else 0


def count_files(folder: Path) -> tuple[int, int, float]:
    """(index.html pages, files, megabytes) under a folder, through its links (each
    report's folder is one: scrutiny.units)."""
    pages = files = size = 0
    for top, _, names in os.walk(folder, followlinks=True):
        for name in names:
            files += 1
            size += os.stat(os.path.join(top, name)).st_size
            pages += name == "index.html"
    return pages, files, size / 1e6


def edit_one_section(folder: Path) -> Path:
    """Append a sentence (as a new paragraph) to the first chapter of the first report."""
    first = sorted((folder / "content" / "reports").iterdir())[0]
    path = first / "chapter-1.md"
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(EDIT)
    return path


STATUS = re.compile(r"status: (not-started|on-track|behind-schedule)\b")
NEXT_STATUS = {"not-started": "on-track", "on-track": "behind-schedule", "behind-schedule": "on-track"}


def edit_one_status(folder: Path) -> Path:
    """Change the status of the first update (not started, on track or behind schedule) of
    the first report: a progress update, as an officer's spreadsheet brings."""
    first = sorted((folder / "content" / "reports").iterdir())[0]
    path = first / "recommendations.yaml"
    text = path.read_text(encoding="utf-8")
    m = STATUS.search(text)
    if m is None:
        raise SystemExit(f"{path}: no update with a status to change")
    path.write_text(text[:m.start(1)] + NEXT_STATUS[m[1]] + text[m.end(1):], encoding="utf-8")
    return path


def build_cmd(folder: Path) -> list[str]:
    return [sys.executable, str(ROOT / "build.py"), "--root", str(folder), "build", "--out", str(folder / "site")]


def measure(n: int, work: Path, formats: list[str], seed: int, use_hugo: bool) -> Row:
    folder = work / f"n{n}"
    for stale in ("site", ".cache"):  # the first build is cold: no site, no export cache
        shutil.rmtree(folder / stale, ignore_errors=True)
    generate.generate(folder, n, seed, formats)
    build = run_timed(build_cmd(folder), folder / "build.log")
    pages, files, mb = count_files(folder / "site")
    edit_one_section(folder)
    rebuild = run_timed(build_cmd(folder), folder / "rebuild.log")
    edit_one_status(folder)
    update = run_timed(build_cmd(folder), folder / "update.log")
    row = Row(n, pages, files, mb, build, rebuild, update)
    if use_hugo:
        site = hugosite.write(folder, folder / "hugo")
        row.hugo = run_timed(["hugo", "--quiet", "--source", str(site)], folder / "hugo.log")
        row.hugo_pages = count_files(site / "public")[0]
        binary = pagefind_binary()
        if binary:
            row.pagefind = run_timed([str(binary), "--site", str(site / "public"), "--glob", "**/*.html", "--quiet"],
                                     folder / "hugo-pagefind.log")
    return row


def pagefind_binary() -> str | None:
    """The Pagefind the build uses (the pinned pagefind package), for the Hugo pipeline."""
    sys.path.insert(0, str(ROOT))
    from scrutiny.site.search import pagefind_binary as find

    found = find()
    return str(found) if found else None


def per_page(seconds: float, pages: int) -> str:
    return f"{seconds * 1000 / pages:.1f}" if pages else "–"


def table(rows: list[Row]) -> str:
    head = ("| reports | pages | files | MB | build (s) | build CPU (s) | ms/page | peak RSS (MB) "
            "| tree peak PSS (MB) | rebuild after one edit (s) | rebuild CPU (s) | rebuild tree peak (MB) "
            "| rebuild after one update (s) | Hugo pages | Hugo (s) "
            "| Hugo + Pagefind (s) | ours ÷ Hugo | ours ÷ (Hugo + Pagefind) |")
    lines = [head, "|" + "---:|" * head.count(" | ") + "---:|"]
    for r in rows:
        hugo = f"{r.hugo_pages} | {r.hugo.seconds:.2f}" if r.hugo else "– | –"
        both = r.hugo.seconds + r.pagefind.seconds if r.hugo and r.pagefind else None
        ratio = f"{r.build.seconds / r.hugo.seconds:.1f}" if r.hugo else "–"
        ratio_both = f"{r.build.seconds / both:.1f}" if both else "–"
        lines.append(f"| {r.reports} | {r.pages} | {r.files} | {r.megabytes:.1f} | {r.build.seconds:.2f} | {r.build.cpu:.2f} "
                     f"| {per_page(r.build.seconds, r.pages)} | {r.build.peak_mb:.0f} | {r.build.tree_mb:.0f} "
                     f"| {r.rebuild.seconds:.2f} | {r.rebuild.cpu:.2f} | {r.rebuild.tree_mb:.0f} "
                     f"| {f'{r.update.seconds:.2f}' if r.update else '–'} | {hugo} "
                     f"| {f'{both:.2f}' if both else '–'} | {ratio} | {ratio_both} |")
    return "\n".join(lines)


def breakdown(t: Timed) -> str:
    """A build's own stage times as it logs them, and the site stage's details."""
    lines = [line.strip() for line in t.log.splitlines()]
    found = [(m[1], float(m[2])) for line in lines if (m := STAGE.match(line))]
    rest = t.seconds - sum(s for _, s in found)
    parts = [f"{name} {s:.2f} s" for name, s in found] + [f"start-up and the rest {rest:.2f} s"]
    parts += [line for line in lines if DETAIL.match(line) or DETAIL_MORE.match(line)]
    return ", ".join(parts)


def stages(rows: list[Row]) -> str:
    """The stage times of the first build, of the rebuild after one edit and of the one after one update."""
    return "\n".join(f"- N={r.reports}, cold: {breakdown(r.build)}\n- N={r.reports}, after one edit: {breakdown(r.rebuild)}"
                     + (f"\n- N={r.reports}, after one update: {breakdown(r.update)}" if r.update else "")
                     for r in rows)


def git_commit() -> str:
    result = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return result.stdout.strip() or "unknown"


def cpu() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines() if Path("/proc/cpuinfo").exists() else []:
        if line.startswith("model name"):
            return f"{line.split(':', 1)[1].strip()}, {os.cpu_count()} CPUs"
    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs"


def hugo_version() -> str:
    if not shutil.which("hugo"):
        return "not installed"
    out = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout
    return out.split("+")[0].split()[1] if out else "unknown"


def report(rows: list[Row], args: argparse.Namespace, command: str) -> str:
    return "\n".join([
        "## Latest results",
        "",
        f"Measured with `{command}` on {dt.date.today().isoformat()} at commit {git_commit()}; "
        f"{cpu()}; Python {platform.python_version()}; Hugo {hugo_version()}. "
        f"Formats built: {', '.join(args.formats)}. Seed {args.seed}.",
        "",
        table(rows),
        "",
        "*pages* counts `index.html` files; *ms/page* is the whole build (load, check, every format) "
        "divided by the pages (wall time), and is blank while the build writes no pages. *build CPU* is "
        "the build process's user + system time: compare it with the wall time to see whether the machine "
        "was busy. *peak RSS* is the largest resident memory of any one process of the build (the main process or one "
        "worker); *tree peak PSS* is the peak of the whole process tree's memory, sampled every 0.1 s, with "
        "pages that forked workers share counted once (proportional set size): the figure to compare with the "
        "memory of the machine. *build CPU* includes the workers'. Hugo gets the same Markdown "
        "(sections and one page per recommendation) with a one-file layout, and uses every CPU; "
        "*Hugo + Pagefind* adds Pagefind (the same version as ours) indexing Hugo's pages, as a Hugo "
        "user would for search. *rebuild after one edit* follows a sentence added to one report's section; "
        "*rebuild after one update* follows that, with one update's status changed in the same report "
        "(its trackers, views, update rounds and open data change too). The ratios compare whole wall times (our site has more pages per report: "
        "trackers, views, every report's page in each language).",
        "",
        "Stage times logged by the builds:",
        "",
        stages(rows),
        "",
    ])


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="10,100", help="comma-separated numbers of reports (default: 10,100)")
    p.add_argument("--full", action="store_true", help="add N=1000")
    p.add_argument("--formats", default="data", help="formats for site_config.yaml (default: data)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--work", type=Path, default=BENCH / "out", help="scratch folder (default: bench/out, gitignored)")
    p.add_argument("--no-hugo", action="store_true", help="skip the Hugo comparison")
    p.add_argument("--results", type=Path, default=BENCH / "results.md", help="where to write the table")
    p.add_argument("--no-write", action="store_true", help="print only; leave bench/results.md alone")
    args = p.parse_args(argv)
    args.sizes = [int(s) for s in args.sizes.split(",") if s] + ([1000] if args.full else [])
    args.formats = [f for f in args.formats.split(",") if f]
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    use_hugo = not args.no_hugo and shutil.which("hugo") is not None
    rows = []
    for n in args.sizes:
        print(f"N={n}: generating, building, rebuilding twice{', Hugo' if use_hugo else ''} ...", file=sys.stderr, flush=True)
        rows.append(measure(n, args.work, args.formats, args.seed, use_hugo))
        print(table(rows[-1:]).splitlines()[-1], file=sys.stderr, flush=True)
    command = "python bench/run.py " + " ".join(argv if argv is not None else sys.argv[1:])
    text = report(rows, args, command.strip())
    print(text)
    if not args.no_write:
        args.results.write_text(text, encoding="utf-8")
        print(f"wrote {args.results}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
