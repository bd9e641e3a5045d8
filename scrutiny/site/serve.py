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
import traceback
from dataclasses import replace
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

from ..build import OUTPUT_STAGES, BuildResult, check_output, gather, run_stages, site_units, with_record
from ..heap import heap_frozen
from ..problems import ContentError
from ..publication import Publication
from ..units import UNITS
from ..writer import OutputWriter, UnsafeOutput, builds_folder
from .assets import TEMPLATES_DIR, THEME_DIR
from .builder import SiteBuilders, SiteOptions

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
        if not base.is_dir():
            try:
                st = base.stat()
            except OSError:  # missing or unreadable: the build says what is wrong
                continue
            out[str(base)] = st.st_mtime_ns ^ st.st_size
            continue
        for folder, dirs, files in os.walk(base):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                if not name.startswith("."):
                    path = os.path.join(folder, name)
                    try:
                        st = os.stat(path)
                    except OSError:  # deleted while we walked (the next poll sees it), or a broken link
                        continue
                    out[path] = st.st_mtime_ns ^ st.st_size
    return out


def preview_publication(pub: Publication, all_formats: bool) -> Publication:
    if all_formats:
        return pub
    formats = tuple(f for f in pub.config.formats if f in PREVIEW_FORMATS)
    content = replace(pub.content, config=replace(pub.config, formats=formats))
    return replace(pub, content=content)


class Preview:
    """Builds the site into ``out`` again and again, counting versions for live reload."""

    def __init__(self, root: Path, out: Path, all_formats: bool, log: Log):
        self.root, self.out, self.all_formats, self.log = root, out, all_formats, log
        self.site = SiteBuilders(SiteOptions(live_reload=True, incremental=True))
        self.stages = tuple((name, self.site if name == "site" else stage) for name, stage in OUTPUT_STAGES)
        self.version = 0
        self.last_seconds = 0.0

    def build(self, changed: tuple[str, ...] = ()) -> bool:
        """Build once; on any problem print it and keep the last good build (False)."""
        started = time.perf_counter()
        try:
            self._build()
        except ContentError as err:
            self.log(err.report())
            self.log("the preview still shows the last good build")
            return False
        except UnsafeOutput as err:
            self.log("\n".join(err.problems))
            return False
        except Exception as err:  # a template, a file that vanished mid-read, a bug: never stop serving
            self.log(failure(err, self.root, changed))
            self.log("the preview still shows the last good build")
            return False
        self.version += 1
        self.last_seconds = time.perf_counter() - started
        stats = self.site.stats
        self.log(f"built in {self.last_seconds:.2f} s: {stats.pages} pages, {stats.rendered} rendered, "
                 f"{stats.reused} unchanged")
        return True

    def _build(self) -> None:
        with heap_frozen():  # as a one-shot build does; the collector is given back after
            pub = preview_publication(with_record(gather(self.root)), self.all_formats)
            writer = OutputWriter(self.out, self.log, remove_later=True,  # the previous version goes in the background
                                  unit_of=site_units(pub.config))
            result = BuildResult(files={})
            try:
                run_stages(pub, writer, result, lambda message: None, self.stages)
                writer.commit()
            except BaseException:
                writer.abort()
                raise


def failure(err: Exception, root: Path, changed: tuple[str, ...] = ()) -> str:
    """One line for a build that failed other than by a content problem: the template or
    content file and line it happened at when known (``file:line: what (how to fix)``)."""
    message = str(err).splitlines()[0] if str(err) else type(err).__name__
    where = ""
    watched = [str(p) for p in watched_paths(root)]
    frames = [f for f in traceback.extract_tb(err.__traceback__)  # Jinja gives templates frames of their own,
              if f.filename.endswith(".j2") or any(f.filename == w or f.filename.startswith(w + os.sep)
                                                   for w in watched)]  # syntax errors included
    if frames:
        where = f"{_shown(frames[-1].filename, root)}:{frames[-1].lineno}"
    elif getattr(err, "filename", None):
        where = _shown(str(err.filename), root)
    if where:
        return f"{where}: {type(err).__name__}: {message} (fix it and save: the preview rebuilds)"
    after = f" after the change to {', '.join(_shown(c, root) for c in changed)}" if changed else ""
    return (f"the build failed{after}: {type(err).__name__}: {message} "
            "(undo or fix the change and save: the preview rebuilds)")


def _shown(path: str, root: Path) -> str:
    """A path relative to the project (or the publisher's folder) where it is inside one."""
    for base in (root.resolve(), TEMPLATES_DIR.parent):
        try:
            return Path(path).resolve().relative_to(base).as_posix()
        except ValueError:
            continue
    return path


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

    def translate_path(self, path: str) -> str:
        """The file for a URL, only inside the current build (its report folders are in the
        builds folder's ``units/``: :mod:`scrutiny.units`): ``..`` is dropped (by
        http.server) and a link that leads elsewhere, or a NUL byte, is not found."""
        candidate = super().translate_path(path)
        root = os.path.realpath(self.directory)
        if "\0" in candidate or not candidate.startswith(self.directory):
            return ""
        inside = root + candidate[len(self.directory):]
        real = os.path.realpath(inside)
        units = os.path.realpath(os.path.join(builds_folder(Path(self.directory)), UNITS))
        if real != root and not real.startswith(root + os.sep) and not real.startswith(units + os.sep):
            return ""
        return real + ("/" if inside.endswith("/") and real != "/" else "")

    def list_directory(self, path):  # noqa: ANN001 (http.server's signature)
        """Folders are never listed: a folder without index.html is not found."""
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

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
    return ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=os.path.abspath(preview.out)))


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
            preview.build(tuple(changed[:3]))


def serve(root: Path, port: int, out: Path | None, all_formats: bool, log: Log) -> int:
    temp = None
    if out is None:
        temp = Path(tempfile.mkdtemp(prefix="scrutiny-preview-"))
        out = temp / "site"
    else:
        try:
            check_output(root, out)
        except UnsafeOutput as err:
            log("\n".join(err.problems))
            return 2
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
