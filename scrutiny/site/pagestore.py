"""The page store: what earlier builds made, kept in ``.cache/pages/<language>/`` so that
an unchanged page, feed, chart or search shard is hard-linked into the new build instead
of being made again (see :mod:`.builder`)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
from pathlib import Path

from ..writer import OutputWriter
from .charts import ChartStore


def _place(source: Path | str, dest: Path | str, folder_made: bool = False) -> None:
    """``source`` as ``dest``, atomically: a hard link to the new name (the usual case: a
    new entry), else a hard link (a copy across file systems) made beside it and renamed
    over it."""
    dest = os.fspath(dest)
    if not folder_made:
        os.makedirs(os.path.dirname(dest), exist_ok=True)
    try:
        os.link(source, dest)
        return
    except OSError:  # there already (an entry found damaged), or no links here: below
        pass
    tmp = f"{dest}.{os.getpid()}.tmp"
    with contextlib.suppress(FileNotFoundError):
        os.unlink(tmp)
    try:
        os.link(source, tmp)
    except OSError:
        shutil.copyfile(source, tmp)
    os.replace(tmp, dest)


class PageStore:
    """The pages of earlier builds, kept in ``.cache/pages/<language>/``: one file per page
    and key, ``<aa>/<sha256 of key and page>``, and the newest search index in
    ``search/<digest>/``. A page whose key is unchanged goes into the new build by a hard
    link to its entry (no rendering, no copy), and a page rendered afresh becomes an entry
    by a hard link the other way, so the cache takes no room beside the published site.
    Entries are only ever replaced by renaming a new file over them, never written in
    place; one that is missing, empty or not a file is rendered again, and a search index
    whose files are not all there as listed is made again. After a build, only the
    entries it used are kept."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._base = str(folder)
        self.used: set[str] = set()
        self._made: set[str] = set()
        """The entries' folders (``<aa>``) made or found by this build."""

    def _entry(self, key: str, file: str) -> str:
        return self.named(self.name(key, file))

    @staticmethod
    def name(key: str, file: str) -> str:
        """The name of the entry of ``file`` under ``key``."""
        return hashlib.sha256(f"{key}\0{file}".encode("utf-8")).hexdigest()

    def named(self, name: str) -> str:
        """The path of the entry called ``name``."""
        return os.path.join(self._base, name[:2], name)

    def path(self, key: str, file: str) -> Path:
        return Path(self._entry(key, file))

    def get(self, key: str, file: str) -> Path | None:
        found = self.find(key, file)
        return Path(found[0]) if found is not None else None

    def find(self, key: str, file: str) -> tuple[str, int, int] | None:
        """The entry's path, size and inode, if it is there: :meth:`get` without pathlib (a
        build after one edit looks up every page: 50,000 at N=1,000)."""
        path = self._entry(key, file)
        try:
            st = os.stat(path)
        except OSError:
            return None
        return (path, st.st_size, st.st_ino) if stat.S_ISREG(st.st_mode) and st.st_size > 0 else None

    def put(self, key: str, file: str, built: Path | str) -> None:
        entry = self._entry(key, file)
        folder, name = os.path.split(entry)
        self.used.add(name)
        try:
            if name[:2] not in self._made:
                os.makedirs(folder, exist_ok=True)
                self._made.add(name[:2])
            _place(built, entry, folder_made=True)
        except OSError:  # a cache we cannot write (full, read-only): the next build renders it again
            pass

    def put_bytes(self, key: str, file: str, data: bytes) -> None:
        """Keep ``data`` as the entry of ``file`` (a file of the store alone, not of the site)."""
        path = self.path(key, file)
        self.used.add(path.name)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except OSError:  # a cache we cannot write: the next build draws them again
            tmp.unlink(missing_ok=True)

    def bundle(self, digest: str) -> list[tuple[str, str, int, int]] | None:
        """(path in the bundle, entry, size, inode) of every file of the search index kept
        for ``digest``; None unless every file listed is there with its size."""
        folder = os.path.join(self._base, "search", digest)
        try:
            with open(os.path.join(folder, "files.txt"), encoding="utf-8") as fh:
                listed = fh.read().splitlines()
            files = []
            for line in listed:
                size, rel = line.split(" ", 1)
                path = os.path.join(folder, "bundle", rel)
                st = os.stat(path) if ".." not in rel.split("/") else None
                if st is None or st.st_size != int(size):
                    return None
                files.append((rel, path, st.st_size, st.st_ino))
        except (OSError, ValueError, UnicodeDecodeError):
            return None
        return files

    def put_bundle(self, digest: str, built: Path) -> None:
        """Keep the search index just made in ``built`` (the bundle's folder of the build)."""
        search = self.folder / "search"
        tmp = search / f".{digest}.{os.getpid()}.tmp"
        try:
            shutil.rmtree(tmp, ignore_errors=True)
            lines = []
            for path in sorted(built.rglob("*")):
                if path.is_file():
                    rel = path.relative_to(built).as_posix()
                    _place(path, tmp / "bundle" / rel)
                    lines.append(f"{path.stat().st_size} {rel}")
            (tmp / "files.txt").write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
            shutil.rmtree(search / digest, ignore_errors=True)
            os.rename(tmp, search / digest)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)

    def prune(self, bundles: set[str]) -> None:
        """Remove every entry this build did not use (and every search shard not in ``bundles``)."""
        if not self.folder.is_dir():
            return
        for sub in os.scandir(self.folder):
            if sub.name == "search":
                for entry in os.scandir(sub.path):
                    if entry.name not in bundles:
                        shutil.rmtree(entry.path, ignore_errors=True)
            elif sub.is_dir(follow_symlinks=False):
                for entry in os.scandir(sub.path):
                    if entry.name not in self.used:
                        try:
                            os.unlink(entry.path)
                        except OSError:
                            pass


class KeptCharts(ChartStore):
    """A report's progress-chart drawings in the page store: each drawing under the key,
    and the list of them (``<folder>`` under the key: a file of one path a line)."""

    def __init__(self, writer: OutputWriter, store: PageStore):
        self.writer, self.store = writer, store

    def files(self, key: str, folder: str) -> list[str] | None:
        listing = self.store.get(key, folder)
        try:
            paths = listing.read_text(encoding="utf-8").splitlines() if listing is not None else None
        except (OSError, UnicodeDecodeError):
            return None
        entries = [self.store.get(key, path) for path in paths or ()]
        if paths is None or None in entries or any(not p.startswith(folder) for p in paths):
            return None
        for path, entry in zip(paths, entries):
            try:
                self.writer.link(path, entry)
            except FileNotFoundError:  # pruned since it was looked up: draw them (the writer refuses a path twice)
                return None
        self.store.used.update(entry.name for entry in entries)
        self.store.used.add(listing.name)
        return paths

    def keep(self, key: str, folder: str, paths: list[str]) -> None:
        for path in paths:
            self.store.put(key, path, self.writer.path_of(path))
        self.store.put_bytes(key, folder, "".join(f"{p}\n" for p in paths).encode("utf-8"))
