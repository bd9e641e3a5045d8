#!/usr/bin/env python3
"""Benchmark the site tracker in headless Chromium at 20,000 rows (or --rows N).

    .venv/bin/python bench/tracker.py [--rows 20000] [--repeat 3]

Builds the minimal fixture's site, repeats the site tracker's rows to N (owners and
target dates varied), serves it on 127.0.0.1 and times, in a real browser: loading the
page until the filters are ready, choosing an owner, typing words (the filter waits
250 ms after the last key, included), sorting by target date, and showing the phone
layout (cards) at 375 px. Prints a Markdown table; nothing is asserted.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
CHROMIUM = "/usr/bin/chromium"


def repeat_rows(html: str, rows: int) -> str:
    """The tracker page with its table rows repeated to ``rows``: the first
    recommendation's owner becomes one of 500 owners, target dates spread over 15 years."""
    body = re.search(r"<tbody>\n(.*?)</tbody>", html, re.S)
    originals = [r for r in body.group(1).splitlines() if r.startswith("<tr")]
    out = []
    for i in range(rows):
        row = originals[i % len(originals)]
        owner = f"Owner {i // len(originals) % 500}"
        row = row.replace('data-o="Jo Bloggs"', f'data-o="{owner}"').replace(">Jo Bloggs<", f">{owner}<")
        row = row.replace('data-due="2024-03-31"', f'data-due="20{10 + i % 15:02d}-{1 + i % 12:02d}-28"')
        out.append(row)
    html = html[:body.start(1)] + "\n".join(out) + "\n" + html[body.end(1):]
    words = re.search(r'(<script type="application/json" id="tracker-words">)(.*?)(</script>)', html, re.S)
    if words:  # each row's folded words, repeated alike
        folded = json.loads(words.group(2))
        repeated = json.dumps([folded[i % len(folded)] for i in range(rows)]).replace("<", "\\u003c")
        html = html[:words.start(2)] + repeated + html[words.end(2):]
    return html.replace('<option value="Sam Smith">', '<option value="Owner 7">Owner 7</option><option value="Sam Smith">')


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


def measure(site: Path, repeat: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/tracker/"
    times: dict[str, list[float]] = {}

    def timed(name, action):
        started = time.perf_counter()
        action()
        times.setdefault(name, []).append(time.perf_counter() - started)

    ready = "() => !document.querySelector('form[data-tracker-filters]').hidden"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless=new", "--no-sandbox", "--disable-gpu"])
            for _ in range(repeat):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                timed("load until filters ready", lambda: (page.goto(url), page.wait_for_function(ready)))
                timed("choose an owner", lambda: (page.select_option("#filter-owner", "Owner 7"), page.wait_for_function(
                    "document.querySelector('#tracker-count').textContent.startsWith('Showing')")))
                page.select_option("#filter-owner", "")
                before = page.locator("#tracker-count").inner_text()
                timed("type words (with 250 ms debounce)", lambda: (page.fill("#filter-q", "routing software"),
                      page.wait_for_function("t => document.querySelector('#tracker-count').textContent !== t", arg=before)))
                timed("sort by target date", lambda: page.get_by_role("button", name="Target date").click())
                page.close()
                phone = browser.new_page(viewport={"width": 375, "height": 700})
                timed("load as cards at 375 px", lambda: (phone.goto(url), phone.wait_for_function(ready)))
                phone.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from scrutiny.build import build

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns(".cache"))
        build(root, Path(tmp) / "site")
        page = Path(tmp) / "site" / "tracker" / "index.html"
        page.write_text(repeat_rows(page.read_text(encoding="utf-8"), args.rows), encoding="utf-8")
        size = page.stat().st_size
        times = measure(Path(tmp) / "site", args.repeat)
    print(f"Site tracker, {args.rows:,} rows ({size / 1e6:.1f} MB of HTML), median of {args.repeat} runs, headless Chromium\n")
    print("| step | median s | max s |\n|---|---:|---:|")
    for name, values in times.items():
        print(f"| {name} | {statistics.median(values):.2f} | {max(values):.2f} |")


if __name__ == "__main__":
    main()
