"""The one writer of all output.

Files go into a temporary folder beside the target; :meth:`OutputWriter.commit` swaps
it in at the end, so a failed build never leaves a half-written or emptied site. A path
written twice, or one that escapes the output folder, is refused.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Iterator


class OutputError(Exception):
    """A bug in a renderer: a duplicate or unsafe output path."""


class OutputWriter:
    def __init__(self, target: Path):
        self.target = target.resolve()
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = Path(tempfile.mkdtemp(prefix=f".{self.target.name}-new-", dir=self.target.parent))
        self.written: dict[str, int] = {}

    def _path(self, rel: str) -> Path:
        pure = PurePosixPath(rel)
        if pure.is_absolute() or ".." in pure.parts or not pure.parts:
            raise OutputError(f"refusing to write outside the output folder: {rel!r}")
        if rel in self.written:
            raise OutputError(f"{rel} was already written in this build")
        path = self.tmp.joinpath(*pure.parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def write(self, rel: str, data: bytes | str) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        self._path(rel).write_bytes(raw)
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

    def size(self, rel: str) -> int:
        return self.written[rel]

    def commit(self) -> None:
        """Swap the new folder in place of the target (the old one is removed after)."""
        old = None
        if self.target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{self.target.name}-old-", dir=self.target.parent))
            os.rename(self.target, old / "site")
        os.rename(self.tmp, self.target)
        if old is not None:
            shutil.rmtree(old)

    def abort(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


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


def text_stream(fh: BinaryIO) -> io.TextIOWrapper:
    """A UTF-8 text view of a binary output file with Unix newlines."""
    return io.TextIOWrapper(fh, encoding="utf-8", newline="\n", write_through=True)
