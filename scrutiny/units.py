"""Folders of the output that are versions of their own, shared between site versions.

A site version (``.<name>-builds/<n>/``) is made of hard links, one per file: at 1,000
reports that is 77,000 links and 30,000 folders for every build, most of a rebuild after
one edit. So each *unit* (a report's folder, ``reports/<id>/`` and ``cy/reports/<id>/``)
is written into a folder of its own, ``.<name>-builds/units/<unit>/<n>/``, and the site
version holds one symbolic link to it. A unit whose files are all linked, from the same
store entries as the published version's unit, is not made again: the new version's link
points at the folder the published one uses (a unit with a file written in this build is
made again: whatever is not rendered anew comes from a store). Links are relative, so the
builds folder can be moved whole.

While a build runs, a file linked into a unit is only noted (its source, inode and size);
:meth:`UnitFolders.settle` makes the units at the end, before the switch. Until then
:meth:`UnitFolders.path_of` says where a file's bytes are. What each unit of a version
holds is kept in ``units/<n>.record``, for the next build to compare with; the unit
folders no version links to are removed after the switch (and, by the next build, those
a killed build left).
"""

from __future__ import annotations

import errno
import os
import pickle
import shutil
from dataclasses import dataclass, field
from typing import Callable, Mapping
from urllib.parse import quote

UnitOf = Callable[[str], "str | None"]
"""The unit a path of the output belongs to (``reports/x``), or None."""

RECORD_FORMAT = "unit-record-1"
UNITS = "units"

Identity = tuple[int, int]
"""A file as a unit holds it: its inode and size (a unit folder keeps its files' inodes
in use, so the same inode and size is the same file)."""
Record = dict[str, tuple[str, dict[str, Identity]]]
"""A version's units: each unit's name -> the folder version it links to, and each file's identity."""


class UnitError(Exception):
    """A bug in a stage: a file written into a unit after the units were made."""


@dataclass
class _Unit:
    name: str
    """The unit's path in the site (``reports/x``)."""
    linked: dict[str, tuple[str, Identity]] = field(default_factory=dict)
    """Files to link, by path inside the unit: their source and identity."""
    written: set[str] = field(default_factory=set)
    """Files written into the unit's new folder (by this process or a worker)."""
    folders: set[str] = field(default_factory=set)
    """Folders of the new folder made so far (``""``: the unit's own)."""


def folder_name(unit: str) -> str:
    """The unit's folder under ``units/`` (its path, one name)."""
    return quote(unit, safe="")


class UnitFolders:
    def __init__(self, builds: str, number: str, unit_of: UnitOf, previous: Record | None):
        """``builds``: the builds folder; ``number``: the new version's; ``previous``: what
        the published version's units hold (:func:`read_record`; None: nothing to compare
        with, every unit is made)."""
        self.root = os.path.join(builds, UNITS)
        self.number = number
        self.unit_of = unit_of
        self.units: dict[str, _Unit] = {}
        self.settled = False
        self.record: Record = {}
        """This version's units: the folder version each links to and what it holds."""
        self.previous = previous or {}
        self.reused = 0
        """Units linked to the published version's folder (:meth:`settle`)."""

    # -- while the build runs

    def split(self, rel: str) -> tuple[_Unit, str] | None:
        name = self.unit_of(rel)
        if name is None:
            return None
        if self.settled:
            raise UnitError(f"{rel} was written after the folders of their own were made")
        unit = self.units.get(name)
        if unit is None:
            unit = self.units[name] = _Unit(name)
        return unit, rel[len(name) + 1:]

    def new_folder(self, unit: _Unit) -> str:
        return os.path.join(self.root, folder_name(unit.name), self.number)

    def target(self, unit: _Unit, inner: str, written: bool = True) -> str:
        """Where a file written into the unit goes (its folders made); ``written``: False
        for a path only asked about (:meth:`~scrutiny.writer.OutputWriter.folder`)."""
        base = self.new_folder(unit)
        _make_folder(unit, base, inner.rpartition("/")[0])
        if written:
            unit.written.add(inner)
        return os.path.join(base, inner)

    def note_written(self, unit: _Unit, inner: str) -> None:
        """A worker wrote ``inner`` into the unit's new folder."""
        unit.written.add(inner)
        unit.linked.pop(inner, None)

    def link(self, unit: _Unit, inner: str, source: str, size: int | None = None, inode: int | None = None) -> int:
        """Note ``source`` as ``inner``; its size (FileNotFoundError if it is gone). ``size``
        and ``inode``: the source's, when the caller has just read them (no ``stat`` then)."""
        if size is None or inode is None:
            st = os.stat(source)
            size, inode = st.st_size, st.st_ino
        unit.linked[inner] = (source, (inode, size))
        return size

    def path_of(self, rel: str) -> str | None:
        """Where the bytes of ``rel`` are now, if it is in a unit."""
        name = self.unit_of(rel)
        unit = self.units.get(name) if name is not None else None
        if unit is None:
            return None
        inner = rel[len(name) + 1:]
        if inner in unit.linked:
            return unit.linked[inner][0]
        if self.settled:
            return os.path.join(self.root, folder_name(name), self.record[name][0], inner)
        return os.path.join(self.new_folder(unit), inner)

    # -- at the end

    def settle(self, version: str, link: Callable[[str, str], None]) -> None:
        """Make every unit: the published one's folder when it holds the same files, else a
        new one (its written files are there; its linked ones are linked in). ``link(unit,
        target)`` makes the version's symbolic link (``target`` from the builds folder)."""
        for name in sorted(self.units):
            unit = self.units[name]
            if self._same_as_published(unit):
                self.record[name] = self.previous[name]
                self.reused += 1
            else:
                self.record[name] = (self.number, self._make(unit))
            link(name, f"{UNITS}/{folder_name(name)}/{self.record[name][0]}")
        self.settled = True
        self._write(version)

    def _same_as_published(self, unit: _Unit) -> bool:
        """Whether the published version's folder of the unit holds exactly its files: only
        linked ones (a file written in this build is new), the same entries."""
        old = self.previous.get(unit.name)
        if old is None or unit.written:
            return False
        number, files = old
        if len(files) != len(unit.linked) or not os.path.isdir(os.path.join(self.root, folder_name(unit.name), number)):
            return False
        return all(files.get(inner) == identity for inner, (_, identity) in unit.linked.items())

    def _make(self, unit: _Unit) -> dict[str, Identity]:
        """Make the unit's new folder: link in its linked files (its written ones are there)."""
        base = self.new_folder(unit)
        held = {inner: _identity(os.path.join(base, inner)) for inner in unit.written}
        for inner in sorted(unit.linked):
            source, identity = unit.linked[inner]
            _make_folder(unit, base, inner.rpartition("/")[0])
            _hard_link(source, os.path.join(base, inner))
            held[inner] = identity
        return held

    # -- the record, and removing what no version uses

    def _write(self, version: str) -> None:
        os.makedirs(self.root, exist_ok=True)
        path = _record_path(self.root, version)
        with open(path + ".tmp", "wb") as fh:
            pickle.dump((RECORD_FORMAT, self.record), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(path + ".tmp", path)


def _make_folder(unit: _Unit, base: str, folder: str) -> None:
    """``folder`` of the unit's new folder ``base``, and its parents, made once each."""
    if folder in unit.folders:
        return
    if folder:
        _make_folder(unit, base, folder.rpartition("/")[0])
        try:
            os.mkdir(os.path.join(base, folder))
        except FileExistsError:  # made by a worker (an export)
            pass
    else:
        os.makedirs(base, exist_ok=True)
    unit.folders.add(folder)


def _identity(path: str) -> Identity:
    st = os.stat(path)
    return st.st_ino, st.st_size


def _hard_link(source: str, dest: str) -> None:
    try:
        hard_link(source, dest)
    except FileNotFoundError as err:
        raise UnitError(f"{source}, a cache entry, was removed while this build used it "
                        "(another build of the same project?): build again") from err


def hard_link(source: str | os.PathLike, dest: str) -> bool:
    """``source`` as ``dest`` by a hard link, or a copy where a link cannot be made (another
    file system, links not allowed or too many); True when it was copied."""
    try:
        os.link(source, dest)
    except OSError as err:
        if err.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise
        shutil.copyfile(source, dest)
        return True
    return False


def remove_version(builds: str, number: str) -> None:
    """Remove every unit folder of version ``number`` (a build that did not publish)."""
    root = os.path.join(builds, UNITS)
    if os.path.isdir(root):
        for entry in os.scandir(root):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(os.path.join(entry.path, number), ignore_errors=True)


def unused(builds: str, versions: Mapping[str, Record | None]) -> list[str]:
    """The unit folders (and records) that none of ``versions`` uses (version number ->
    its record; None: unreadable, its links say)."""
    root = os.path.realpath(os.path.join(builds, UNITS))
    if not os.path.isdir(root):
        return []
    used: set[str] = set()
    for version, record in versions.items():
        if record is None:
            used |= _linked(os.path.join(builds, version), root)
        else:
            used |= {os.path.join(root, folder_name(name), number) for name, (number, _) in record.items()}
    out = []
    for entry in sorted(os.scandir(root), key=lambda e: e.name):
        if entry.is_dir(follow_symlinks=False):
            for sub in sorted(os.scandir(entry.path), key=lambda e: e.name):
                if sub.path not in used:
                    out.append(sub.path)
        elif entry.name.removesuffix(".record") not in versions:
            out.append(entry.path)
    return out


def _record_path(root: str, version: str) -> str:
    return os.path.join(root, f"{version}.record")


def read_record(builds: str, version: str) -> Record | None:
    """What version ``version``'s units hold; None if its record is missing or damaged."""
    path = _record_path(os.path.join(builds, UNITS), version)
    try:
        with open(path, "rb") as fh:
            tag, units = pickle.load(fh)
    except Exception:  # noqa: BLE001 - missing or damaged: the version's links say
        return None
    return units if tag == RECORD_FORMAT and isinstance(units, dict) else None


def _linked(version: str, root: str, depth: int = 3) -> set[str]:
    """The unit folders the version's symbolic links lead to (a version without a record:
    its links are within three folders of its top)."""
    found: set[str] = set()
    if depth == 0 or not os.path.isdir(version):
        return found
    for entry in os.scandir(version):
        if entry.is_symlink():
            real = os.path.realpath(entry.path)
            if real.startswith(root + os.sep):
                found.add(real)
        elif entry.is_dir(follow_symlinks=False):
            found |= _linked(entry.path, root, depth - 1)
    return found
