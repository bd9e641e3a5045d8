"""The one writer as one language's site sees it (a bilingual site's second language lies
in a folder of the first: ``cy/``).

Every stage writes paths from its own site's root; :class:`Subsite` adds the language's
folder, and shows the files already written from that root too: its own without the
folder, the other languages' with the path that leads to them (``../reports/...``), so
that a page can link to a report's formats in another language.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from pathlib import Path

from .writer import OutputWriter


class Subsite:
    def __init__(self, writer: OutputWriter, prefix: str):
        self.writer = writer
        self.prefix = prefix
        """The language's folder, "" (the main language) or ending in ``/``."""
        self.written = _Written(writer.written, prefix)

    @property
    def tmp(self) -> Path:
        return self.writer.tmp / self.prefix if self.prefix else self.writer.tmp

    def write(self, rel: str, data: bytes | str) -> None:
        self.writer.write(self.prefix + rel, data)

    def copy(self, rel: str, source: Path) -> None:
        self.writer.copy(self.prefix + rel, source)

    def link(self, rel: str, source: Path | str, size: int | None = None, inode: int | None = None) -> None:
        self.writer.link(self.prefix + rel, source, size, inode)

    def open(self, rel: str):
        return self.writer.open(self.prefix + rel)

    def size(self, rel: str) -> int:
        return self.written[rel]

    def record(self, rel: str, size: int) -> None:
        self.writer.record(self.prefix + rel, size)

    def path_of(self, rel: str) -> str:
        return self.writer.path_of(self.prefix + rel)

    def folder(self, rel: str) -> str:
        return self.writer.folder(self.prefix + rel)

    def scratch(self) -> Path:
        return self.writer.scratch()


class _Written(MutableMapping):
    """``writer.written`` with its paths taken from the subsite's root."""

    def __init__(self, files: dict[str, int], prefix: str):
        self.files = files
        self.prefix = prefix
        self.up = "../" * prefix.count("/")

    def _outer(self, rel: str) -> str:
        if self.up and rel.startswith(self.up):
            return rel[len(self.up):]
        return self.prefix + rel

    def _inner(self, path: str) -> str:
        return path[len(self.prefix):] if path.startswith(self.prefix) else self.up + path

    def __getitem__(self, rel: str) -> int:
        return self.files[self._outer(rel)]

    def __setitem__(self, rel: str, size: int) -> None:
        self.files[self._outer(rel)] = size

    def __delitem__(self, rel: str) -> None:
        del self.files[self._outer(rel)]

    def __contains__(self, rel: object) -> bool:
        return isinstance(rel, str) and self._outer(rel) in self.files

    def __iter__(self) -> Iterator[str]:
        return (self._inner(path) for path in list(self.files))

    def __len__(self) -> int:
        return len(self.files)
