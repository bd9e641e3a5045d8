"""``python build.py serve``: build, serve on 127.0.0.1, rebuild on change, live-reload.

The watcher polls modification times of ``content/``, ``site_config.yaml``, ``templates/``
and ``theme/`` (no extra dependency, works on every file system). A rebuild reloads and
checks all content (a fraction of a second), then writes the site with one long-lived
:class:`SiteBuilder`, which reuses the pages of every report the edit did not touch.
Slow formats (PDF, audio, ...) are left out unless ``--formats`` is given; the
recommendations data (CSV, JSON) is always built.
"""

from __future__ import annotations

import functools
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from dataclasses import replace
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

from ..build import OUTPUT_STAGES, BuildResult, gather
from ..problems import ContentError
from ..publication import Publication
from ..writer import OutputWriter
from .assets import TEMPLATES_DIR, THEME_DIR
from .builder import SiteBuilder, SiteOptions

Log = Callable[[str], None]
VERSION_PATH = "/__version"
PREVIEW_FORMATS = ("data",)
POLL_SECONDS = 0.3


def watched_paths(root: Path) -> list[Path]:
    return [root / "content", root / "site_config.yaml", TEMPLATES_DIR, THEME_DIR]


def snapshot(paths: list[Path]) -> dict[str, int]:
    """Modification time (ns) and size of every file under ``paths`` (hidden ones left out)."""
    out: dict[str, int] = {}
    for base in paths:
        if base.is_file():
            st = base.stat()
            out[str(base)] = st.st_mtime_ns ^ st.st_size
            continue
        for folder, dirs, files in os.walk(base):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                if not name.startswith("."):
                    path = os.path.join(folder, name)
                    try:
                        st = os.stat(path)
                    except FileNotFoundError:  # deleted while we walked: the next poll sees it
                        continue
                    out[path] = st.st_mtime_ns ^ st.st_size
    return out


def preview_publication(pub: Publication, all_formats: bool) -> Publication:
    if all_formats:
        return pub
    formats = tuple(f for f in pub.config.formats if f in PREVIEW_FORMATS)
    content = replace(pub.content, config=replace(pub.config, formats=formats))
    return Publication(content, pub.parsed)


class Preview:
    """Builds the site into ``out`` again and again, counting versions for live reload."""

    def __init__(self, root: Path, out: Path, all_formats: bool, log: Log):
        self.root, self.out, self.all_formats, self.log = root, out, all_formats, log
        self.site = SiteBuilder(SiteOptions(live_reload=True, incremental=True))
        self.stages = tuple((name, self.site if name == "site" else stage) for name, stage in OUTPUT_STAGES)
        self.version = 0
        self.last_seconds = 0.0

    def build(self) -> bool:
        started = time.perf_counter()
        try:
            pub = preview_publication(gather(self.root), self.all_formats)
        except ContentError as err:
            self.log(err.report())
            self.log("the preview still shows the last good build")
            return False
        writer = OutputWriter(self.out)
        result = BuildResult(files={})
        try:
            for _name, stage in self.stages:
                stage(pub, writer, result, lambda message: None)
            writer.commit()
        except BaseException:
            writer.abort()
            raise
        self.version += 1
        self.last_seconds = time.perf_counter() - started
        stats = self.site.stats
        self.log(f"built in {self.last_seconds:.2f} s: {stats.pages} pages, {stats.rendered} rendered, "
                 f"{stats.reused} unchanged")
        return True


class Handler(SimpleHTTPRequestHandler):
    """Static files of the current build, ``/__version`` for live reload, and 404.html."""

    preview: Preview

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path.split("?")[0] == VERSION_PATH:
            body = str(self.preview.version).encode()
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def send_error(self, code, message=None, explain=None) -> None:
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's signature)
        pass


def make_server(preview: Preview, port: int) -> ThreadingHTTPServer:
    handler = type("PreviewHandler", (Handler,), {"preview": preview})
    return ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(preview.out)))


def watch(preview: Preview, stop: threading.Event) -> None:
    paths = watched_paths(preview.root)
    seen = snapshot(paths)
    while not stop.wait(POLL_SECONDS):
        now = snapshot(paths)
        if now != seen:
            changed = sorted(p for p in now.keys() | seen.keys() if now.get(p) != seen.get(p))
            more = f" and {len(changed) - 1} more" if len(changed) > 1 else ""
            preview.log(f"changed: {os.path.relpath(changed[0])}{more}")
            seen = now
            preview.build()


def serve(root: Path, port: int, out: Path | None, all_formats: bool, log: Log) -> int:
    temp = None
    if out is None:
        temp = Path(tempfile.mkdtemp(prefix="scrutiny-preview-"))
        out = temp / "site"
    preview = Preview(root, out, all_formats, log)
    try:
        if not preview.build():
            return 1
        server = make_server(preview, port)
        host, bound = server.server_address[:2]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        log(f"serving {out} at http://{host}:{bound}/ (Ctrl-C to stop); watching content/, site_config.yaml, "
            f"templates/ and theme/")
        if not all_formats:
            log("formats other than data are left out of the preview (add --formats to build them)")
        stop = threading.Event()
        try:
            watch(preview, stop)
        except KeyboardInterrupt:
            log("stopped")
        finally:
            stop.set()
            server.shutdown()
            server.server_close()
        return 0
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)


def main(root: Path, port: int, out: Path | None, all_formats: bool) -> int:
    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    # SIGTERM (kill) ends like Ctrl-C: the server stops and the temporary folder goes.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    return serve(root, port, out, all_formats, log)
