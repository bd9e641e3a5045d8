#!/usr/bin/env python3
"""Benchmark ``build.py serve``'s rebuilds: their time and the memory of the process over many edits.

    .venv/bin/python bench/serve.py                              # N = 100, 100 rebuilds
    .venv/bin/python bench/serve.py --sizes 10 --rebuilds 5 --no-write
    .venv/bin/python bench/serve.py --sizes 1000 --rebuilds 30

For each N: generate the content (bench/generate.py) into ``--work``/nN, then, in this
process, make the live preview's :class:`scrutiny.site.serve.Preview` and call its
``build()`` once (cold: no site, no cache), then R times ``build((changed,))`` after a
small real edit of one report (a sentence of a chapter rewritten, or the note of a
progress update changed, over three reports in turn), which is what the watcher does
(neither the HTTP server nor the watcher runs). Each rebuild's wall time, the process's
resident memory after it (VmRSS, before and after ``gc.collect()``), its peak (VmHWM),
the live Python objects, and the peak of the whole process tree's memory during it
(this process and the workers the build forks, summed PSS sampled every 0.1 s) are kept.
Prints a Markdown table and writes it to bench/serve-results.md. With ``--profile`` (the
default) one more rebuild at the largest N runs under cProfile and its top functions
(cumulative time) are listed. No timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import functools
import gc
import io
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
import generate  # noqa: E402
from run import cpu, descendants, git_commit, pss_kb  # noqa: E402

serve_module = None
"""scrutiny.site.serve, imported by :func:`load_code` from the code measured."""

#: The paragraph the Markdown edits add once and then rewrite (the file keeps its size).
MARK = "The Panel asked for a further update on this work"
MARKED = re.compile(rf"^{re.escape(MARK)}.*$", re.M)
CHECKPOINTS = (1, 10, 50, 100)


# --- memory -------------------------------------------------------------------------

def status_kb(field_name: str, pid: int | str = "self") -> int:
    """A field of /proc/<pid>/status in kB (VmRSS, VmHWM), 0 if not there."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    match = re.search(rf"^{field_name}:\s+(\d+) kB", text, re.M)
    return int(match[1]) if match else 0


class TreeSampler(threading.Thread):
    """Like bench/run.py's TreeMemory, for this very process: the peak of the summed PSS of
    this process and its descendants (the build's forked workers), and of the workers' RSS
    alone, and every worker seen, sampled until stopped."""

    def __init__(self, every: float = 0.1):
        super().__init__(daemon=True)
        self.every, self.pid = every, os.getpid()
        self.peak_pss_kb = self.peak_children_rss_kb = 0
        self.children: set[int] = set()
        self.stop = threading.Event()

    def run(self) -> None:
        while True:
            self.sample()
            if self.stop.wait(self.every):
                break

    def sample(self) -> None:
        pids = descendants(self.pid)
        kids = [p for p in pids if p != self.pid]
        self.children.update(kids)
        self.peak_pss_kb = max(self.peak_pss_kb, sum(map(pss_kb, pids)))
        self.peak_children_rss_kb = max(self.peak_children_rss_kb, sum(status_kb("VmRSS", p) for p in kids))

    def finish(self) -> TreeSampler:
        self.stop.set()
        self.join()
        self.sample()  # once more: any worker still there after the build
        return self


# --- edits --------------------------------------------------------------------------

class Editor:
    """Small real edits, each different, over a few reports in turn: odd edits rewrite a
    sentence at the end of chapter-1.md, even ones the note of a recommendation's first
    progress update in recommendations.yaml (written back with the generator's own dumper,
    so only that note changes)."""

    def __init__(self, folder: Path, ids: list[str], reports: int = 3):
        picks = sorted({0, len(ids) // 2, len(ids) - 1})[:reports]
        self.folders = [folder / "content" / "reports" / ids[i] for i in picks]
        self.notes: dict[Path, str] = {}

    def edit(self, i: int) -> Path:
        """The i-th edit (1-based); returns the file changed."""
        folder = self.folders[((i - 1) // 2) % len(self.folders)]
        return self.chapter(folder, i) if i % 2 else self.note(folder, i)

    def chapter(self, folder: Path, i: int) -> Path:
        path = folder / "chapter-1.md"
        text = path.read_text(encoding="utf-8")
        line = f"{MARK} at its meeting in week {i} of the year."
        text = MARKED.sub(line, text, count=1) if MARKED.search(text) else text.rstrip("\n") + f"\n\n{line}\n"
        path.write_text(text, encoding="utf-8")
        return path

    def note(self, folder: Path, i: int) -> Path:
        path = folder / "recommendations.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        rec = next((r for r in data["recommendations"] if r.get("updates")), None)
        if rec is None:  # no update anywhere in this report: change a recommendation's text instead
            rec = data["recommendations"][0]
            base = self.notes.setdefault(path, rec["text"])
            rec["text"] = f"{base.rstrip('.')} (reviewed at edit {i})."
        else:
            base = self.notes.setdefault(path, rec["updates"][0]["note"])
            rec["updates"][0]["note"] = f"{base.rstrip('.')}; the officer confirmed this at edit {i}."
        path.write_text(generate.dump(data), encoding="utf-8")
        return path


# --- one size -----------------------------------------------------------------------

@dataclass
class Build:
    seconds: float
    rss_kb: int
    rss_gc_kb: int
    hwm_kb: int
    objects: int
    pages: int
    rendered: int
    reused: int
    tree_pss_kb: int
    children_rss_kb: int
    workers: int
    left_over: int
    """Processes below this one still there after the build (there should be none)."""
    stages: dict[str, float] = field(default_factory=dict)
    changed: str = ""
    load: float = 0.0
    """The machine's 1-minute load average after the build (other work slows the build)."""


@dataclass
class Result:
    reports: int
    cold: Build
    rebuilds: list[Build]
    profile: str = ""
    profile_own: str = ""
    """The same profile by time spent in each function itself."""
    profile_site: list[str] = field(default_factory=list)
    """The output stages' log lines in the profiled rebuild."""


class Timings:
    """Times the preview's parts by wrapping them (no change to the code measured): gather
    (load and check), the record of updates, each output stage; the rest is the writer's
    commit and the bookkeeping. The site stage's own log lines (keys, render, pages,
    search) are kept: serve passes the stages a log that drops them."""

    def __init__(self, preview: serve_module.Preview):
        self.seconds: dict[str, float] = {}
        self.lines: list[str] = []
        preview.stages = tuple((name, self.stage(name, stage)) for name, stage in preview.stages)
        self.preview = preview

    def stage(self, name, stage):
        def call(pub, writer, result, log):
            t = time.perf_counter()
            try:
                stage(pub, writer, result, self.lines.append)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - t
        return call

    def wrap_module(self) -> None:
        for name in ("gather", "with_record"):
            original = getattr(serve_module, name)
            setattr(serve_module, name, self.timed(name, original))

    def timed(self, name, function):
        @functools.wraps(function)
        def call(*args, **kwargs):
            t = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - t
        return call

    def reset(self) -> None:
        self.seconds, self.lines = {}, []


def one_build(preview: serve_module.Preview, timings: Timings, log: list[str], changed: tuple[str, ...] = ()) -> Build:
    timings.reset()
    del log[:]
    sampler = TreeSampler()
    sampler.start()
    t = time.perf_counter()
    ok = preview.build(changed)
    seconds = time.perf_counter() - t
    sampler.finish()
    if not ok:
        raise SystemExit(f"the preview's build failed{f' after editing {changed[0]}' if changed else ''}:\n"
                         + "\n".join(log))
    rss = status_kb("VmRSS")
    gc.collect()
    rss_gc = status_kb("VmRSS")
    stats = preview.site.stats
    stages = dict(timings.seconds)
    stages["rest"] = seconds - sum(stages.values())
    left = [p for p in descendants(os.getpid()) if p != os.getpid()]
    return Build(seconds, rss, rss_gc, status_kb("VmHWM"), sum(not isinstance(o, Build) for o in gc.get_objects()), stats.pages, stats.rendered,
                 stats.reused, sampler.peak_pss_kb, sampler.peak_children_rss_kb, len(sampler.children), len(left),
                 stages, changed[0] if changed else "", os.getloadavg()[0])


def measure(n: int, args: argparse.Namespace, profile: bool) -> Result:
    folder = args.work / f"n{n}"
    for stale in ("site", ".cache"):  # the first build is cold: no site, no cache
        shutil.rmtree(folder / stale, ignore_errors=True)
    ids = generate.generate(folder, n, args.seed, ["data"])
    log: list[str] = []
    preview = serve_module.Preview(folder, folder / "site", all_formats=False, log=log.append)
    timings = Timings(preview)
    timings.wrap_module()
    try:
        cold = one_build(preview, timings, log)
        say(f"N={n}: cold build {cold.seconds:.2f} s, {cold.pages} pages, RSS {cold.rss_gc_kb / 1024:.0f} MB")
        editor = Editor(folder, ids)
        rebuilds = []
        for i in range(1, args.rebuilds + 1):
            path = editor.edit(i)
            rebuilds.append(one_build(preview, timings, log, (str(path),)))
            b = rebuilds[-1]
            if args.verbose or i in CHECKPOINTS or i % 10 == 0 or i == args.rebuilds:
                say(f"N={n}: rebuild {i}: {b.seconds:.2f} s ({b.rendered} rendered, {b.reused} reused), "
                    f"RSS {b.rss_kb / 1024:.1f} MB, after gc {b.rss_gc_kb / 1024:.1f} MB, "
                    f"{b.objects} objects, tree peak {b.tree_pss_kb / 1024:.0f} MB, {b.workers} workers; "
                    + ", ".join(f"{k} {v:.2f}" for k, v in b.stages.items()))
        result = Result(n, cold, rebuilds)
        if profile:
            path = editor.edit(args.rebuilds + 1)
            profiler = cProfile.Profile()
            profiler.enable()
            one_build(preview, timings, log, (str(path),))
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(args.profile_lines)
            result.profile = trim_profile(out.getvalue())
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(15)
            result.profile_own = trim_profile(out.getvalue())
            result.profile_site = list(timings.lines)
        return result
    finally:
        for name in ("gather", "with_record"):  # unwrap for the next size
            function = getattr(serve_module, name)
            setattr(serve_module, name, getattr(function, "__wrapped__", function))


def trim_profile(text: str) -> str:
    """pstats' table without its preamble, paths shortened to the project's."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
    prefixes = sorted({str(ROOT) + os.sep, sys.prefix + os.sep, sys.base_prefix + os.sep}, key=len, reverse=True)
    out = []
    for line in lines[start:]:
        for prefix in prefixes:
            line = line.replace(prefix, "")
        if line.strip():
            out.append(line.rstrip())
    return "\n".join(out)


# --- the report ---------------------------------------------------------------------

def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def mb(kb: float) -> str:
    return f"{kb / 1024:.0f}"


def slope(builds: list[Build], attr: str, first: int = 10) -> float:
    """MB per rebuild: the least-squares line through (i, memory) for rebuilds first..R
    (all of them when there are fewer than first + 1)."""
    points = [(i, getattr(b, attr) / 1024) for i, b in enumerate(builds, 1) if i >= first]
    if len(points) < 2:
        points = [(i, getattr(b, attr) / 1024) for i, b in enumerate(builds, 1)]
    if len(points) < 2:
        return 0.0
    mx = statistics.fmean(x for x, _ in points)
    my = statistics.fmean(y for _, y in points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx


def p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(0.9 * len(ordered)) - 1))]


def at(builds: list[Build], i: int, attr: str) -> str:
    return mb(getattr(builds[i - 1], attr)) if i <= len(builds) else "–"


def table(results: list[Result]) -> str:
    head = ("| reports | pages | cold build (s) | rebuild median (s) | p90 (s) | max (s) | rendered / reused (median) "
            "| RSS after cold (MB) | RSS after rebuild 1 / 10 / 50 / 100 (MB) | slope (MB/rebuild) "
            "| after gc: 1 / 10 / 50 / 100 (MB) | slope after gc | VmHWM (MB) | live objects: 1 → last "
            "| tree peak PSS in a rebuild (MB) | workers per rebuild | load average (median, max) |")
    lines = [head, "|" + "---:|" * head.count(" | ") + "---:|"]
    for r in results:
        b = r.rebuilds
        times = [x.seconds for x in b]
        rss = " / ".join(at(b, i, "rss_kb") for i in CHECKPOINTS)
        rss_gc = " / ".join(at(b, i, "rss_gc_kb") for i in CHECKPOINTS)
        workers = sorted({x.workers for x in b})
        lines.append(
            f"| {r.reports} | {r.cold.pages} | {r.cold.seconds:.2f} | {statistics.median(times):.2f} | {p90(times):.2f} "
            f"| {max(times):.2f} | {statistics.median(x.rendered for x in b):.0f} / {statistics.median(x.reused for x in b):.0f} "
            f"| {mb(r.cold.rss_gc_kb)} | {rss} | {slope(b, 'rss_kb'):+.3f} | {rss_gc} | {slope(b, 'rss_gc_kb'):+.3f} "
            f"| {mb(b[-1].hwm_kb)} | {b[0].objects:,} → {b[-1].objects:,} | {mb(max(x.tree_pss_kb for x in b))} "
            f"| {workers[0]}–{workers[-1]} | {statistics.median(x.load for x in b):.1f}, {max(x.load for x in b):.1f} |")
    return "\n".join(lines)


def stage_lines(results: list[Result]) -> str:
    out = []
    for r in results:
        names = list(r.rebuilds[0].stages)
        med = {k: statistics.median(x.stages.get(k, 0.0) for x in r.rebuilds) for k in names}
        cold = ", ".join(f"{k} {v:.2f} s" for k, v in r.cold.stages.items())
        out.append(f"- N={r.reports}, cold: {cold}")
        out.append(f"- N={r.reports}, rebuild (median of {len(r.rebuilds)}): "
                   + ", ".join(f"{k} {v:.2f} s" for k, v in med.items()))
        left = max(x.left_over for x in r.rebuilds)
        if left:
            out.append(f"- N={r.reports}: up to {left} processes were still below this one after a rebuild")
    return "\n".join(out)


def code_state() -> str:
    """The commit, and whether the code measured had uncommitted changes."""
    changed = subprocess.run(["git", "status", "--porcelain", "--", "scrutiny", "templates", "theme", "build.py"],
                             cwd=ROOT, capture_output=True, text=True).stdout.split("\n")
    files = sorted({line[3:] for line in changed if line.strip()})
    return git_commit() + (f" with uncommitted changes to {', '.join(files)}" if files else "")


def report(results: list[Result], args: argparse.Namespace, command: str) -> str:
    lines = [
        "## `serve`: rebuilds after one edit, and memory over many",
        "",
        f"Measured with `{command}` on {dt.date.today().isoformat()} at commit {args.measured}; "
        f"{cpu()}; Python {platform.python_version()}. Formats: data (the preview's). Seed {args.seed}. "
        f"{args.rebuilds} rebuilds per N, each after one small edit (a chapter's sentence or a progress "
        "update's note, over three reports in turn).",
        "",
        table(results),
        "",
        "Each build is `Preview.build()` of `scrutiny/site/serve.py` called in this process, as the watcher "
        "calls it (no HTTP server, no watcher). *RSS* is this process's VmRSS right after the rebuild; "
        "*after gc* is after `gc.collect()` (which the measurement itself runs after every rebuild); "
        "*slope* is the least-squares line of that memory over rebuilds 10 to R. *VmHWM* is the process's "
        "peak resident memory so far (the cold build sets it). *live objects* counts `gc.get_objects()` "
        "after the collection (but this benchmark's own record of each build). *tree peak PSS* is the peak, during one rebuild, of this process and the "
        "workers the build forks (proportional set size, sampled every 0.1 s; a short rebuild may be "
        "sampled only once or twice); *workers* is how many distinct worker processes were seen per rebuild. "
        "The workers end with each parallel step, so nothing of theirs is left after a rebuild. "
        f"*load average* is the machine's (1 minute, {os.cpu_count()} CPUs) after each rebuild: above the "
        "number of CPUs, other work was slowing the rebuilds down.",
        "",
        "Time of each part (wrapped around `gather`, `with_record` and the output stages; *rest* is the "
        "writer's commit and the bookkeeping):",
        "",
        stage_lines(results),
        "",
    ]
    profiled = [r for r in results if r.profile]
    if profiled:
        r = profiled[-1]
        top = "\n".join(r.profile.splitlines()[: args.profile_lines + 1])
        lines += [f"One more rebuild at N={r.reports} under cProfile (this process only: the workers' own "
                  "time is not in it, only this process waiting for them), by cumulative time:", "",
                  "```text", top, "```", "", "The same rebuild by the time spent in each function itself:", "",
                  "```text", r.profile_own, "```", "", "The output stages' log lines in that rebuild (serve drops them; the benchmark keeps them):", "",
                  "```text", *r.profile_site, "```", ""]
    return "\n".join(lines)


def load_code(code: str, work: Path) -> str:
    """Import the publisher from ``code``: a git revision exported (``git archive``) into
    ``work``/code-<commit> and measured from there, so that edits others make to the
    checkout during a long run change nothing; or ``worktree``, the checkout as it is.
    Returns what was measured (the commit, and any uncommitted changes to the code)."""
    global serve_module
    if code == "worktree":
        sys.path.insert(0, str(ROOT))
        state = code_state()
    else:
        commit = subprocess.run(["git", "rev-parse", "--short", code], cwd=ROOT, capture_output=True,
                                text=True, check=True).stdout.strip()
        folder = work / f"code-{commit}"
        if not (folder / "scrutiny").is_dir():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            archive = subprocess.run(["git", "archive", commit, "scrutiny", "templates", "theme"], cwd=ROOT,
                                     capture_output=True, check=True).stdout
            subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
        sys.path.insert(0, str(folder))
        state = f"{commit} (exported with `git archive`)"
    from scrutiny.site import serve

    serve_module = serve
    return state


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="100", help="comma-separated numbers of reports (default: 100)")
    p.add_argument("--rebuilds", type=int, default=100, help="rebuilds after one edit each (default: 100)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--work", type=Path, default=BENCH / "out" / "serve",
                   help="scratch folder (default: bench/out/serve, gitignored)")
    p.add_argument("--results", type=Path, default=BENCH / "serve-results.md", help="where to write the table")
    p.add_argument("--no-write", action="store_true", help="print only; leave bench/serve-results.md alone")
    p.add_argument("--append", action="store_true", help="add to the results file instead of replacing it")
    p.add_argument("--no-profile", action="store_true", help="skip the profiled rebuild at the largest N")
    p.add_argument("--profile-lines", type=int, default=25, help="functions listed from the profile (default: 25)")
    p.add_argument("--code", default="HEAD",
                   help="the git revision to measure, exported into --work (default: HEAD), or 'worktree'")
    p.add_argument("--verbose", action="store_true", help="a line per rebuild")
    args = p.parse_args(argv)
    args.sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.rebuilds < 1:
        p.error("--rebuilds must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.measured = load_code(args.code, args.work)
    say(f"measuring {args.measured}: {Path(serve_module.__file__).parent.parent}")
    results = [measure(n, args, not args.no_profile and n == max(args.sizes)) for n in args.sizes]
    command = "python bench/serve.py " + " ".join(argv if argv is not None else sys.argv[1:])
    text = report(results, args, command.strip())
    print(text)
    if not args.no_write:
        if args.append and args.results.exists():
            text = args.results.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text
        args.results.write_text(text, encoding="utf-8")
        say(f"wrote {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
