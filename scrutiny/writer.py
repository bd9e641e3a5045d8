"""The one writer of all output, and the atomic, locked publish of the site.

Files go into a new version folder beside the target, ``.<name>-builds/<n>/``; at the
end :meth:`OutputWriter.commit` points the target, a symbolic link ``<name> ->
.<name>-builds/<n>``, at it by renaming a new link over the old one (one atomic
rename: a reader, or a build killed at any moment, sees the old site or the new one,
never none). The previous version is removed after the switch (``build.py build``: by a
detached process once the lock is released). A lock on
``.<name>-builds/lock`` makes a second build into the same folder wait; versions left
by killed builds are removed by the next one. A path written twice, or one that escapes
the output folder, is refused, and so is a target that is not a build of this tool.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import io
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Callable, Iterable, Iterator

from . import units as unit_folders
from .units import UnitFolders, UnitOf, hard_link

#: Written at the top of every build: a folder holding it may be replaced by the next build.
MARKER = ".scrutiny-build"
MARKER_TEXT = "Built by the scrutiny publisher (build.py); the next build replaces this folder.\n"
#: What a site built before the marker existed always holds (both are needed).
LEGACY_BUILD = ("index.html", "data/recommendations.json")


class OutputError(Exception):
    """A bug in a renderer: a duplicate or unsafe output path."""


class UnsafeOutput(Exception):
    """The output folder would overwrite something that is not a build: nothing was touched."""

    def __init__(self, problems: Iterable[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def builds_folder(target: Path) -> Path:
    """Where the versions of ``target`` live: ``.<name>-builds`` beside it."""
    return target.parent / f".{target.name}-builds"


def canonical(out: Path) -> Path:
    """``out`` made absolute with its parent's links resolved, but not itself (it may be our link)."""
    path = Path(os.path.abspath(out))
    return path.parent.resolve() / path.name if path.name else path


def is_build(folder: Path) -> bool:
    """Whether ``folder`` is a build of this tool (the marker, or a site from before it)."""
    return (folder / MARKER).is_file() or all((folder / rel).is_file() for rel in LEGACY_BUILD)


def existing_problem(target: Path) -> str:
    """Why ``target``, as it is now, must not be replaced by a build ("" when it may)."""
    if os.path.islink(target):
        real = Path(os.path.realpath(target))
        if real.parent == Path(os.path.realpath(builds_folder(target))) and (not real.exists() or is_build(real)):
            return ""
        return (f"is a symbolic link to {os.readlink(target)}, not a build of this tool "
                "(remove the link or choose another folder)")
    if not target.exists():
        return ""
    if not target.is_dir():
        return "is a file, not a folder (choose a folder, such as site/)"
    if is_build(target) or not any(target.iterdir()):
        return ""
    return (f"is a folder that is not a previous build of this tool (it has no {MARKER} file), so "
            "building would delete what it holds (choose a new or empty folder, such as site/, "
            "or move its files away first)")


def output_problems(root: Path, out: Path, protected: Iterable[Path] = ()) -> list[str]:
    """Every reason why ``out`` must not receive the build of the project at ``root``:
    it is, holds or is inside the content or the project's source (``protected``
    adds the tool's own folders), or it holds files that are not a build."""
    target = canonical(out)
    where = f"--out {out}"
    project = root.resolve()
    problems = []
    if target == project or target in project.parents:
        problems.append(f"{where}: {'is' if target == project else 'holds'} the project folder {project}, "
                        "whose content the build would replace with the site (choose a folder of its own, such as site/)")
    sources = [project / "content", project / "site_config.yaml", project / "templates", project / "theme",
               project / ".git", *protected]
    for source in dict.fromkeys(Path(os.path.realpath(p)) for p in sources):
        inside = source.is_relative_to(project)
        name = ("the project's " + os.path.relpath(source, project) if inside
                else f"the publisher's own {source}") + ("/" if source.is_dir() else "")
        if target == source:
            how = "is"
        elif source in target.parents:
            how = "is inside"
        elif target in source.parents and target != project and target not in project.parents:
            how = "holds"
        else:
            continue
        problems.append(f"{where}: {how} {name}, which the build would replace with the site "
                        "(choose a folder of its own, such as site/)")
    if not problems:
        why = existing_problem(target)
        if why:
            problems.append(f"{where}: {why}")
    return problems


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(a))


def _sync(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def atomic_write(path: Path, data: bytes) -> None:
    """Write a file outside the site (a cache entry, an author's file) through a temporary
    file in the same folder, then swap it in place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _remove_detached(path: Path) -> subprocess.Popen:
    """Remove ``path`` in a process of its own that outlives this one (errors ignored)."""
    return subprocess.Popen(
        [sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)", str(path)],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


class OutputWriter:
    def __init__(self, target: Path, log: Callable[[str], None] = lambda s: None, remove_later: bool = False,
                 unit_of: UnitOf | None = None):
        """``remove_later``: after the switch, the previous version is renamed aside
        (``trash-<n>``) and removed by a detached process once the lock is released, so the
        build returns as soon as the new site is published (a big site's previous version
        takes seconds to delete); the next build removes whatever it left. ``unit_of``:
        which folder a path belongs to, if that folder is a unit (:mod:`scrutiny.units`:
        made only when its files changed, and linked into the version)."""
        self.remove_later = remove_later
        self.remover: subprocess.Popen | None = None
        """The process removing the previous version (``remove_later``), for tests to wait on."""
        self.target = canonical(target)
        why = existing_problem(self.target)
        if why:
            raise UnsafeOutput([f"{target}: {why}"])
        self.builds = builds_folder(self.target)
        self.builds.mkdir(parents=True, exist_ok=True)
        self._lock = self._acquire(log)
        try:
            current = self.current()
            published = current.name if current is not None and current.parent == self.builds else None
            # what the published version's report and search folders hold: kept by the clean-up, compared with
            record = unit_folders.read_record(str(self.builds), published) if published is not None else None
            self._clean({published: record} if published is not None else {})
            numbers = [int(p.name) for p in self.builds.iterdir() if p.name.isdigit()]
            if current is not None and current.name.isdigit():
                numbers.append(int(current.name))
            self.tmp = self.builds / str(max(numbers, default=0) + 1)
            self.tmp.mkdir()
            (self.tmp / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
            self.units = UnitFolders(str(self.builds), self.tmp.name, unit_of, record) if unit_of else None
        except BaseException:
            self._release()
            raise
        self.written: dict[str, int] = {}
        self._folders: set[str] = {""}
        """Folders of the new version made so far (one mkdir per folder, not per file)."""
        self.published = False
        """Whether the target points at this version: :meth:`abort` must then keep it."""
        self._scratch: Path | None = None
        """The folder of this build's scratch folders (:meth:`scratch`), once there is one."""

    def _acquire(self, log: Callable[[str], None]) -> int:
        """Lock the output folder; wait (saying so) while another build holds it."""
        fd = os.open(self.builds / "lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "another process"
                log(f"waiting for the build of process {holder} to finish writing {self.target}")
                fcntl.flock(fd, fcntl.LOCK_EX)
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        except BaseException:
            os.close(fd)
            raise
        return fd

    def _release(self) -> None:
        if self._lock >= 0:
            os.close(self._lock)  # closing the descriptor releases the lock
            self._lock = -1

    def current(self) -> Path | None:
        """The version folder the target points to now (None if it is not our link)."""
        if not self.target.is_symlink():
            return None
        return Path(os.path.realpath(self.target))

    def _clean(self, published: dict) -> None:
        """Remove what killed builds left: every version but the current one, stray links,
        the temporary folders of builds from before the versioned layout, and the unit
        folders the ``published`` version (its number -> its record) does not link to."""
        current = self.current()
        for path in self.builds.iterdir():
            if path.name == unit_folders.UNITS:
                continue
            if path.name.startswith("trash-"):  # an earlier build's remover may still be at it
                if self.remove_later:  # so this build does not wait for it (a second remover is harmless)
                    _remove_detached(path)
                else:
                    shutil.rmtree(path, ignore_errors=True)
            elif path.name != "lock" and path != current:
                _remove(path)
        for pattern in (f".{self.target.name}-new-????????", f".{self.target.name}-old-????????"):  # mkdtemp's
            for path in self.target.parent.glob(pattern):
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
        for path in unit_folders.unused(str(self.builds), published):
            _remove(Path(path))

    def _target(self, rel: str) -> str:
        """Where ``rel`` goes in the new version (or its unit's folder), its folder made."""
        parts = self._check(rel)
        found = self.units.split(rel) if self.units is not None else None
        return self.units.target(*found) if found is not None else self._in_version(parts)

    def _in_version(self, parts: list[str]) -> str:
        """The path of ``parts`` in the new version folder, its folder made."""
        root = str(self.tmp)
        folder = "/".join(parts[:-1])
        if folder not in self._folders:
            self._make_folder(root, folder)
        return os.path.join(root, *parts)

    def _check(self, rel: str) -> list[str]:
        """``rel``'s parts; refused if it is outside the output or already written. Made
        with string operations: a build links tens of thousands of pages, and pathlib's
        parsing was most of their time."""
        parts = rel.split("/")
        if not rel or rel[0] == "/" or "" in parts or "." in parts or ".." in parts:
            pure = PurePosixPath(rel)  # ``a//b``, ``./a``: as pathlib reads them, or refused
            if pure.is_absolute() or ".." in pure.parts or not pure.parts:
                raise OutputError(f"refusing to write outside the output folder: {rel!r}")
            parts = list(pure.parts)
        if rel in self.written or rel == MARKER:
            raise OutputError(f"{rel} was already written in this build")
        return parts

    def _make_folder(self, root: str, folder: str) -> None:
        """Make ``folder`` of the new version (one ``mkdir`` when its parent is made, as it
        mostly is: a build makes 30,000 folders at N=1,000) and note it and its parents."""
        parent = folder.rpartition("/")[0]
        if folder and parent not in self._folders:
            self._make_folder(root, parent)
        if folder:
            try:
                os.mkdir(os.path.join(root, folder))
            except FileExistsError:
                pass
        self._folders.add(folder)

    def _path(self, rel: str) -> Path:
        return Path(self._target(rel))

    def write(self, rel: str, data: bytes | str) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        _write_new(self._target(rel), raw)
        self.written[rel] = len(raw)

    @contextmanager
    def open(self, rel: str) -> Iterator[BinaryIO]:
        path = self._path(rel)
        with open(path, "wb") as fh:
            yield fh
        self.written[rel] = path.stat().st_size

    def copy(self, rel: str, source: Path) -> None:
        shutil.copyfile(source, self._path(rel))
        self.written[rel] = source.stat().st_size

    def link(self, rel: str, source: Path | str, size: int | None = None, inode: int | None = None) -> None:
        """``source`` as ``rel`` by a hard link, not a copy (a copy where a link cannot be
        made, e.g. across file systems). ``source`` must never be changed in place after:
        the site stage's page cache replaces its files by renaming new ones over them.
        ``size``, ``inode``: the source's, when the caller has just read them. In a unit,
        the link is made (or found unneeded) when the units are settled."""
        parts = self._check(rel)
        found = self.units.split(rel) if self.units is not None else None
        if found is not None:
            self.written[rel] = self.units.link(*found, os.fspath(source), size, inode)
            return
        path = self._in_version(parts)
        if hard_link(source, path):
            size = None
        self.written[rel] = size if size is not None else os.stat(path).st_size

    def size(self, rel: str) -> int:
        return self.written[rel]

    def record(self, rel: str, size: int) -> None:
        """Note ``rel``, which a worker process wrote through its copy of this writer."""
        if rel in self.written:
            raise OutputError(f"{rel} was already written in this build")
        self.written[rel] = size
        if self.units is not None:
            found = self.units.split(rel)
            if found is not None:
                self.units.note_written(*found)

    def folder(self, rel: str) -> str:
        """Where the files of the folder ``rel`` (a unit, or a folder in one) go, made, for a
        program that writes them itself (Pagefind); each file it writes is then noted with
        :meth:`record`."""
        probe = f"{rel}/{MARKER}"
        self._check(probe)
        if self.units is not None:
            found = self.units.split(probe)
            if found is not None:
                return os.path.dirname(self.units.target(*found, written=False))
        os.makedirs(os.path.join(self.tmp, rel), exist_ok=True)
        return os.path.join(self.tmp, rel)

    def scratch(self) -> Path:
        """A new empty folder beside the versions, on the same file system (a program's
        input made of hard links, such as Pagefind's pages), never published. They are all
        in one folder, ``trash-scratch-<n>``, removed when the build ends: by a detached
        process with ``remove_later`` (the build does not wait for it), by the next build
        if this one is killed."""
        self._scratch = self.builds / f"trash-scratch-{self.tmp.name}"
        self._scratch.mkdir(exist_ok=True)
        return Path(tempfile.mkdtemp(dir=self._scratch))  # a name of its own, from any thread

    def _drop_scratch(self, later: bool) -> None:
        if self._scratch is not None:
            if later:
                _remove_detached(self._scratch)
            else:
                shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    def path_of(self, rel: str) -> str:
        """Where the bytes of ``rel``, written or linked in this build, are now."""
        found = self.units.path_of(rel) if self.units is not None else None
        return found if found is not None else os.path.join(self.tmp, rel)

    def _settle(self) -> None:
        """Make the units, each linked into the new version (:mod:`scrutiny.units`)."""
        def link(name: str, target: str) -> None:
            parent = name.rpartition("/")[0]
            if parent not in self._folders:
                self._make_folder(str(self.tmp), parent)
            os.symlink("../" * (parent.count("/") + 1 if parent else 0) + "../" + target, os.path.join(self.tmp, name))
        if self.units is not None:
            self.units.settle(self.tmp.name, link)

    def commit(self) -> None:
        """Point the target at the new version in one rename, then remove the previous one."""
        try:
            self._settle()
            previous = self.current()
            link = self.builds / f"link-{self.tmp.name}"
            os.symlink(f"{self.builds.name}/{self.tmp.name}", link)
            if self.target.is_dir() and not self.target.is_symlink():
                # a site built before versioned folders: moved aside once, in one step if we can
                previous = self.builds / f"old-{self.tmp.name}"
                if _exchange(link, self.target):
                    self.published = True
                    os.rename(link, previous)
                else:
                    os.rename(self.target, previous)
                    os.rename(link, self.target)
            else:
                os.replace(link, self.target)
            self.published = True
            _sync(self.target.parent)
            unused = unit_folders.unused(str(self.builds), {self.tmp.name: self.units.record}) \
                if self.units is not None else []
            if previous is not None and previous != self.tmp:
                if self.remove_later and previous.parent == self.builds:
                    trash = self.builds / f"trash-{previous.name}"
                    os.rename(previous, trash)
                    for n, path in enumerate(unused):  # removed with it
                        os.rename(path, trash / f".unit-{n}")
                    unused = []
                else:
                    _remove(previous)
                    previous = None
            for path in unused:
                _remove(Path(path))
            if not self.remove_later:
                self._drop_scratch(False)
        finally:
            self._release()
        if self.remove_later and previous is not None and previous != self.tmp:
            self.remover = _remove_detached(trash)
        if self.remove_later:
            self._drop_scratch(True)

    def abort(self) -> None:
        """Remove this build's version, unless a failure after :meth:`commit` switched the
        target to it (it is the published site then)."""
        try:
            self._drop_scratch(False)
            if not self.published:
                shutil.rmtree(self.tmp, ignore_errors=True)
                unit_folders.remove_version(str(self.builds), self.tmp.name)
        finally:
            self._release()


class Folder:
    """A writer view limited to one folder (what an exporter receives)."""

    def __init__(self, writer: OutputWriter, prefix: str):
        self.writer = writer
        self.prefix = prefix.strip("/")

    def rel(self, name: str) -> str:
        return f"{self.prefix}/{name}" if self.prefix else name

    def open(self, name: str):
        return self.writer.open(self.rel(name))

    def write(self, name: str, data: bytes | str) -> None:
        self.writer.write(self.rel(name), data)


def _write_new(path: str, data: bytes) -> None:
    """``data`` as the file ``path``, by the system calls alone (a build writes tens of
    thousands of files: Python's buffered file object costs two more calls for each)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def text_stream(fh: BinaryIO) -> io.TextIOWrapper:
    """A UTF-8 text view of a binary output file with Unix newlines."""
    return io.TextIOWrapper(fh, encoding="utf-8", newline="\n", write_through=True)
