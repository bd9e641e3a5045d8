"""The export cache: a report's format files are reused while their inputs are unchanged.

The key of (format, report) hashes the format id, the code the formats run (the package
less the website's own modules), site_config.yaml, the resolved ``as_of`` day (``today``
changes daily, and ``--as-of`` replaces it), every report's id, title and recommendation
numbers (cross-report links name them), every file of the report's folder, and the version
of everything the format runs besides our code, as the registry declares it
(:attr:`~scrutiny.exporters.FormatInfo.dependencies`): the Python version, each tool's
``--version``, each library's installed version, the files of its fonts and Braille tables.
Entries live in ``<root>/.cache/formats/<format>/<report>/<key>/``; only the newest entry
per format and report is kept.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

from .exporters import BrailleTables, Dependency, Fonts, Library, NativeLibrary, Tool, format_info
from .publication import Publication

PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_digest() -> str:
    h = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] in ("site", "cli.py"):
            continue
        if path.is_file() and path.suffix in (".py", ".j2", ".css", ".html"):
            h.update(path.relative_to(PACKAGE).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def _digest_folder(h, folder: Path) -> None:
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(folder).as_posix().encode() + b"\0")
            h.update(path.read_bytes())


def site_digest(pub: Publication) -> str:
    """What every report's exports may show of the site as a whole."""
    h = hashlib.sha256((pub.root / "site_config.yaml").read_bytes())
    h.update(pub.config.as_of.isoformat().encode())
    h.update(f"\0{pub.config.language}\0{pub.config.base_url}".encode())  # a report in each language
    for report in pub.content.reports:
        numbers = ",".join(str(r.number) for r in report.recommendations)
        h.update(f"\0{report.id}\0{report.title}\0{report.code}\0{report.status}\0{numbers}".encode())
    return h.hexdigest()


def version(dep: Dependency) -> str:
    """What identifies ``dep`` as installed on this machine: it changes when it is upgraded."""
    if isinstance(dep, Tool):
        return _tool_version(dep)
    if isinstance(dep, Library):
        try:
            return importlib.metadata.version(dep.name)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"
    if isinstance(dep, NativeLibrary):
        return _native_version(dep.name)
    if isinstance(dep, Fonts):
        return _files_digest(_font_files(dep.families))
    if isinstance(dep, BrailleTables):
        return _files_digest(_louis_files(dep.tables))
    raise TypeError(f"no version for {dep!r}")


def _tool_version(tool: Tool) -> str:
    path = shutil.which(tool.command)
    if path is None:
        return "not installed"
    try:
        proc = subprocess.run([path, *tool.version_args], capture_output=True, stdin=subprocess.DEVNULL,
                              timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:
        return f"{os.path.realpath(path)}: no version ({type(err).__name__})"
    output = (proc.stdout + proc.stderr).decode("utf-8", "replace")
    return f"{os.path.realpath(path)}\0{proc.returncode}\0{output}"


def _native_version(name: str) -> str:
    soname = ctypes.util.find_library(name)
    if soname is None:
        return "not found"
    try:
        ctypes.CDLL(soname)
    except OSError as err:
        return f"{soname}: {err}"
    maps = Path("/proc/self/maps")
    if maps.is_file():
        for line in maps.read_text(encoding="utf-8", errors="replace").splitlines():
            fields = line.split(maxsplit=5)
            if len(fields) == 6 and Path(fields[5]).name.startswith(soname) and os.path.isfile(fields[5]):
                real = os.path.realpath(fields[5])
                return f"{real} {os.path.getsize(real)}"
    return soname


def _run_lines(command: list[str]) -> list[str]:
    try:
        proc = subprocess.run(command, capture_output=True, stdin=subprocess.DEVNULL, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return [line for line in proc.stdout.decode("utf-8", "replace").splitlines() if line]


#: Where fonts are when fontconfig's fc-list is not there to say.
FONT_FOLDERS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")


def _font_files(families: tuple[str, ...]) -> list[Path]:
    """Every file of the families, and the file fontconfig substitutes for each."""
    fc_list, fc_match = shutil.which("fc-list"), shutil.which("fc-match")
    if fc_list is None or fc_match is None:
        folders = [Path(f).expanduser() for f in FONT_FOLDERS]
        return sorted(p for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file())
    installed: dict[str, set[str]] = {}
    for line in _run_lines([fc_list, "--format", "%{family}\t%{file}\n"]):
        names, _, file = line.partition("\t")
        for name in names.split(","):
            installed.setdefault(name.strip().casefold(), set()).add(file)
    files: set[str] = set()
    for family in families:
        found = installed.get(family.casefold())
        if found:
            files.update(found)
        else:  # an alias ("sans-serif") or a font that is not installed: the family standing in
            for line in _run_lines([fc_match, "--format", "%{family}\t%{file}\n", family]):
                names, _, file = line.partition("\t")
                files.add(file)
                files.update(installed.get(names.split(",")[0].strip().casefold(), ()))
    return sorted(Path(f) for f in files)


def louis_folders() -> list[Path]:
    """Where lou_translate looks for tables: LOUIS_TABLEPATH, then its own share folder."""
    folders = [Path(p) for p in os.environ.get("LOUIS_TABLEPATH", "").split(",") if p]
    tool = shutil.which("lou_translate")
    if tool is not None:
        folders.append(Path(os.path.realpath(tool)).parent.parent / "share" / "liblouis" / "tables")
    folders.append(Path("/usr/share/liblouis/tables"))
    return folders


INCLUDE = re.compile(r"^\s*include\s+(\S+)", re.MULTILINE)


def _louis_files(tables: str) -> list[Path]:
    """The tables and every table they include, as liblouis finds them."""
    folders, found, todo = louis_folders(), set(), [t for t in tables.split(",") if t]
    while todo:
        name = todo.pop()
        path = next((f / name for f in folders if (f / name).is_file()), None)
        if path is None or path in found:
            continue
        found.add(path)
        text = path.read_bytes().decode("utf-8", "replace")
        todo.extend(INCLUDE.findall(text))
    return sorted(found)


def _files_digest(files: list[Path]) -> str:
    h = hashlib.sha256()
    for path in files:
        h.update(str(path).encode() + b"\0")
        try:
            h.update(path.read_bytes())
        except OSError as err:
            h.update(f"unreadable: {err.strerror}".encode())
    return h.hexdigest()


class ExportCache:
    def __init__(self, pub: Publication):
        self.root = pub.root
        self.base = pub.root / ".cache" / "formats"
        self._site = site_digest(pub)
        self._versions: dict[Dependency, str] = {}
        self._formats: dict[str, str] = {}
        self._sources = pub.source_keys
        self._folders: dict[str, str] = {}

    def depends_digest(self, format_id: str) -> str:
        """The versions of everything the format runs besides our code (once per build)."""
        if format_id not in self._formats:
            h = hashlib.sha256(sys.version.encode())
            for dep in format_info(format_id).dependencies:
                if dep not in self._versions:
                    self._versions[dep] = version(dep)
                h.update(f"\0{dep!r}\0{self._versions[dep]}".encode())
            self._formats[format_id] = h.hexdigest()
        return self._formats[format_id]

    def key(self, format_id: str, report_id: str) -> str:
        h = hashlib.sha256()
        h.update(f"{format_id}\0{report_id}\0{code_digest()}\0{self._site}\0".encode())
        h.update(self.depends_digest(format_id).encode())
        h.update(self.folder_digest(report_id).encode())
        return h.hexdigest()[:32]

    def folder_digest(self, report_id: str) -> str:
        """Every file of the report's folder: the key loading gave the folder (which hashes
        them, and the site's configuration, the as-of day and the code besides), else the
        files read again (a folder the report cache does not keep); once per build."""
        if report_id not in self._folders:
            source = self._sources.get(report_id)
            if source is None:
                h = hashlib.sha256()
                _digest_folder(h, self.root / "content" / "reports" / report_id)
                source = h.hexdigest()
            self._folders[report_id] = source
        return self._folders[report_id]

    def entry(self, format_id: str, report_id: str, key: str, language: str = "") -> Path:
        """Where one export is kept: a folder per format, report and language (each keeps
        only its latest key), then the key."""
        return self.base / format_id / report_id / (language or "-") / key

    def files(self, entry: Path) -> list[Path] | None:
        """The cached files of an entry, or None when it is absent or incomplete."""
        if not (entry / ".complete").is_file():
            return None
        return sorted(p for p in entry.rglob("*") if p.is_file() and p.name != ".complete")

    def store(self, entry: Path, files: dict[str, Path]) -> None:
        """Keep ``files`` (name within the report folder -> written file), by hard links
        (copies where links cannot be made). The entries of a report are removed first and
        its files made anew, never written into: a published site links the same files."""
        if entry.parent.exists():
            shutil.rmtree(entry.parent)
        for name, source in files.items():
            target = entry / name
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, target)
            except OSError:  # another file system, or links not allowed
                shutil.copyfile(source, target)
        entry.mkdir(parents=True, exist_ok=True)
        (entry / ".complete").write_text("")
