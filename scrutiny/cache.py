"""The export cache: a report's format files are reused while their inputs are unchanged.

The key of (format, report) hashes the format id, the package's code, site_config.yaml
and every file of the report's folder. Entries live in ``<root>/.cache/formats/<format>/
<report>/<key>/``; only the newest entry per format and report is kept.
"""

from __future__ import annotations

import hashlib
import shutil
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_digest() -> str:
    h = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".j2", ".css", ".html"):
            h.update(path.relative_to(PACKAGE).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def _digest_folder(h, folder: Path) -> None:
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(folder).as_posix().encode() + b"\0")
            h.update(path.read_bytes())


class ExportCache:
    def __init__(self, root: Path):
        self.root = root
        self.base = root / ".cache" / "formats"
        self._config = (root / "site_config.yaml").read_bytes()

    def key(self, format_id: str, report_id: str) -> str:
        h = hashlib.sha256()
        h.update(f"{format_id}\0{report_id}\0{code_digest()}\0".encode())
        h.update(self._config)
        _digest_folder(h, self.root / "content" / "reports" / report_id)
        return h.hexdigest()[:32]

    def entry(self, format_id: str, report_id: str, key: str) -> Path:
        return self.base / format_id / report_id / key

    def files(self, entry: Path) -> list[Path] | None:
        """The cached files of an entry, or None when it is absent or incomplete."""
        if not (entry / ".complete").is_file():
            return None
        return sorted(p for p in entry.rglob("*") if p.is_file() and p.name != ".complete")

    def store(self, entry: Path, files: dict[str, Path]) -> None:
        """Keep copies of ``files`` (name within the report folder -> written file)."""
        if entry.parent.exists():
            shutil.rmtree(entry.parent)
        for name, source in files.items():
            target = entry / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        entry.mkdir(parents=True, exist_ok=True)
        (entry / ".complete").write_text("")
