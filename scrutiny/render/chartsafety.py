"""Charts that can neither reach out nor take the build down.

Three walls, each enough on its own:

1. :func:`chart_problems`: what an author's chart spec and its table may hold, checked
   with the content (so ``check`` names the table at file:line). Nothing that loads data or
   a resource (``data``, ``datasets``, ``url`` anywhere, ``loader``, image marks), links
   (``href``) only under the link rule of the Markdown text, and only characters XML
   allows (the renderer aborts the whole process on any other).
2. :func:`draw_svg`: the renderer runs in its own process (:mod:`.chartworker`) with
   every URL refused (``allowed_base_urls=[]``) and a time limit; a crash or a hang of its
   native code becomes a :class:`ChartError`, and the next chart gets a fresh worker.
3. :func:`svg_problem`: the drawn SVG may not load or link anything either (no
   ``<image>``, no ``url(...)`` other than the drawing's own patterns, every ``href``
   under the link rule).
"""

from __future__ import annotations

import atexit
import json
import os
import re
import select
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..markdown.inline import link_allowed
from ..model import DataTable

TIMEOUT = 60.0
"""Seconds one chart may take to draw (the example site's largest takes well under one)."""

ONLY_TABLE = "charts draw only from the report's own table: remove it, and give the figures as the table's rows"
LINK_RULE = "a chart's links follow the rule of the text's links: http(s):, mailto:, tel: or #anchor"


class ChartError(ValueError):
    """A chart that may not, or could not, be drawn."""


@dataclass(frozen=True)
class ChartProblem:
    """One thing wrong with a table's chart, said to its author (the table gives file:line)."""

    message: str
    hint: str


# --- characters -----------------------------------------------------------------------------

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""A character XML 1.0 does not allow (controls, lone surrogates, U+FFFE/U+FFFF)."""


def bad_character(text: str) -> str | None:
    """``U+0001`` for the first character of ``text`` that XML (and so SVG) cannot hold."""
    m = _NOT_XML.search(text)
    return None if m is None else f"U+{ord(m[0]):04X}"


def xml_safe(text: str) -> str:
    """``text`` with every character XML cannot hold replaced by U+FFFD (our own labels)."""
    return _NOT_XML.sub("\ufffd", text)


# --- 1. the author's spec and table -------------------------------------------------------------

_LOADS = {
    "url": "names a URL",
    "data": "brings data of its own",
    "datasets": "brings datasets of its own",
    "loader": "sets a data loader",
}


def chart_problems(table: DataTable) -> list[ChartProblem]:
    """Everything that stops a table's chart from being drawn safely, in one pass."""
    if not table.chart:
        return []
    return _spec_problems(table) + _table_problems(table)


def _spec_problems(table: DataTable) -> list[ChartProblem]:
    out: list[ChartProblem] = []
    name = f'the chart of table "{table.id}"'

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                here = f"{path}.{key}" if path else str(key)
                if (char := bad_character(str(key))) is not None:
                    out.append(ChartProblem(f"{name} has a key with the character {char} at `{here}`",
                                            "remove the character"))
                if key in _LOADS:
                    out.append(ChartProblem(f"{name} {_LOADS[key]} at `{here}`", ONLY_TABLE))
                elif key == "usermeta":
                    out.append(ChartProblem(f"{name} sets `{here}`, which only the site's own charts use", "remove it"))
                elif key == "href":
                    out.extend(_href_problems(table, item, here, name))
                else:
                    if key == "mark" and (item.get("type") if isinstance(item, dict) else item) == "image":
                        out.append(ChartProblem(f"{name} draws images (`{here}`), which load files or URLs",
                                                "use another mark, such as bar, line or point"))
                    walk(item, here)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, f"{path}[{i}]")
        elif isinstance(value, str) and (char := bad_character(value)) is not None:
            out.append(ChartProblem(f"{name} has the character {char} at `{path}`, which a chart cannot show",
                                    "remove the character"))

    walk(table.chart, "")
    return out


def _href_problems(table: DataTable, value: Any, where: str, name: str) -> list[ChartProblem]:
    """``href`` as a fixed link, or as a column of links (each checked); nothing worked out."""
    links: list[str] = []
    if isinstance(value, str):
        links = [value]
    elif isinstance(value, dict) and isinstance(value.get("value"), str) and set(value) <= {"value", "type"}:
        links = [value["value"]]
    elif isinstance(value, dict) and isinstance(value.get("field"), str) and set(value) <= {"field", "type", "title"}:
        if value["field"] in table.columns:
            i = table.columns.index(value["field"])
            links = [str(row[i]) for row in table.rows if i < len(row) and row[i] is not None]
    else:
        return [ChartProblem(f"{name} works out its links at `{where}`",
                             "write `href: {field: <a column of links>}` or one fixed link")]
    return [ChartProblem(f'{name} links to "{link}" (`{where}`), which is not allowed', LINK_RULE)
            for link in links if not link_allowed(link)]


def _table_problems(table: DataTable) -> list[ChartProblem]:
    out = []
    name = f'the chart of table "{table.id}"'
    if (char := bad_character(table.caption)) is not None:
        out.append(ChartProblem(f"{name} cannot be drawn: its caption has the character {char}", "remove the character"))
    for column in table.columns:
        if (char := bad_character(column)) is not None:
            out.append(ChartProblem(f"{name} cannot be drawn: a column name has the character {char}",
                                    "remove the character"))
    for n, row in enumerate(table.rows, 1):
        for column, cell in zip(table.columns, row):
            if isinstance(cell, str) and (char := bad_character(cell)) is not None:
                out.append(ChartProblem(f'{name} cannot be drawn: row {n}, column "{xml_safe(column)}", '
                                        f"has the character {char}", "remove the character"))
    return out


# --- 2. the renderer in its own process ---------------------------------------------------------

_SCRIPT = Path(__file__).with_name("chartworker.py")


class _Worker:
    """One vl-convert process, started on first use (again after a crash, or in a forked
    child), used by one thread at a time."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen | None = None
        self._pid = 0
        self._stderr = None
        self._lock = threading.Lock()

    def _start(self) -> subprocess.Popen:
        self.stop()
        self._stderr = tempfile.TemporaryFile()
        self._proc = subprocess.Popen([sys.executable, "-I", str(_SCRIPT)], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=self._stderr,
                                      env={**os.environ, "RUST_BACKTRACE": "0"})
        self._pid = os.getpid()
        return self._proc

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and self._pid == os.getpid():
            for pipe in (proc.stdin, proc.stdout):
                if pipe is not None:
                    pipe.close()
            try:
                proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    def _why(self, proc: subprocess.Popen) -> str:
        """The renderer's last words (a Rust panic's message), else its exit status."""
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        words = ""
        if self._stderr is not None:
            self._stderr.seek(0)
            text = self._stderr.read().decode("utf-8", "replace")
            m = re.search(r"panicked at [^\n]*\n([^\n]+)", text)
            lines = [line for line in text.splitlines() if line.strip()]
            words = m[1] if m else (lines[-1] if lines else "")
        words = " ".join(words.split())[:200]
        return words or f"exit status {proc.returncode}"

    def draw(self, spec_json: str, timeout: float) -> dict:
        with self._lock:
            proc = self._proc
            if proc is None or self._pid != os.getpid() or proc.poll() is not None:
                proc = self._start()
            assert proc.stdin is not None and proc.stdout is not None
            try:
                proc.stdin.write(b'{"spec": ' + spec_json.encode("utf-8") + b"}\n")
                proc.stdin.flush()
                line = _read_line(proc.stdout.fileno(), timeout)
            except BrokenPipeError:
                line = b""
            except TimeoutError:
                proc.kill()
                self.stop()
                raise ChartError(f"the chart took more than {timeout:g} s to draw and was stopped") from None
            if not line:
                why = self._why(proc)
                self.stop()
                raise ChartError(f"the chart renderer stopped: {why}")
        return json.loads(line)


def _read_line(fd: int, timeout: float) -> bytes:
    """One reply line from the worker (b"" if it died), or TimeoutError."""
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            raise TimeoutError
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return b""
        chunks.append(chunk)
        if chunk.endswith(b"\n"):
            return b"".join(chunks)


_WORKER = _Worker()
atexit.register(_WORKER.stop)


def draw_svg(spec_json: str, timeout: float | None = None) -> str:
    """SVG of a Vega-Lite spec (as JSON), drawn in the worker with every URL refused, and
    checked by :func:`svg_problem`. Raises :class:`ChartError` (a ``ValueError``) with
    vl-convert's words when the spec cannot be drawn, or when the renderer crashed or hung."""
    reply = _WORKER.draw(spec_json, TIMEOUT if timeout is None else timeout)
    if "error" in reply:
        raise ChartError(reply["error"])
    svg = reply["svg"]
    problem = svg_problem(svg)
    if problem:
        raise ChartError(problem)
    return svg


# --- 3. the drawing ------------------------------------------------------------------------------

_LOADING_ELEMENTS = frozenset({"image", "foreignObject", "script", "iframe", "object", "embed", "use", "feImage", "style"})
_URL = re.compile(r"""url\(\s*['"]?([^)'"]*)""", re.IGNORECASE)


def svg_problem(svg: str) -> str | None:
    """What in a drawn SVG would load or link something it may not, or None. Read as XML:
    every element and attribute, not the words the chart shows."""
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as err:
        return f"the drawing is not well-formed SVG ({err})"
    for element in root.iter():
        name = str(element.tag).rpartition("}")[2]
        if name in _LOADING_ELEMENTS:
            return f"the drawing holds an <{name}> element, which loads a file or URL"
        for attribute, value in element.attrib.items():
            if attribute.rpartition("}")[2] == "href" and not link_allowed(value):
                return f'the drawing links to "{value}", which is not allowed ({LINK_RULE})'
            for m in _URL.finditer(value):
                if not m[1].startswith("#"):
                    return f'the drawing refers to "{m[1]}", which is not one of its own patterns'
    return None
