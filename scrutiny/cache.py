"""The export cache: a report's format files are reused while their inputs are unchanged.

The key of (format, report) hashes the format id, the code the formats run (the package
less the website's own modules), site_config.yaml, the resolved ``as_of`` day (``today``
changes daily), every report's id, title and recommendation numbers (cross-report links
name them), and every file of the report's folder. Entries live in ``<root>/.cache/formats/<format>/
<report>/<key>/``; only the newest entry per format and report is kept.
"""

from __future__ import annotations

import hashlib
import shutil
from functools import lru_cache
from pathlib import Path

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
    for report in pub.content.reports:
        numbers = ",".join(str(r.number) for r in report.recommendations)
        h.update(f"\0{report.id}\0{report.title}\0{report.code}\0{report.status}\0{numbers}".encode())
    return h.hexdigest()


class ExportCache:
    def __init__(self, pub: Publication):
        self.root = pub.root
        self.base = pub.root / ".cache" / "formats"
        self._site = site_digest(pub)

    def key(self, format_id: str, report_id: str) -> str:
        h = hashlib.sha256()
        h.update(f"{format_id}\0{report_id}\0{code_digest()}\0{self._site}\0".encode())
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
