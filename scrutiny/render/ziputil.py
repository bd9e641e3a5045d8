"""Deterministic zip files (Word and EPUB packages): fixed timestamps, fixed order,
fixed permissions, so the same input gives the same bytes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Iterable


def zip_bytes(entries: Iterable[tuple[str, bytes, bool]], day: dt.date) -> bytes:
    """A zip of ``(name, data, compress)`` entries, in the order given, every entry
    dated ``day`` at midnight."""
    out = io.BytesIO()
    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    with zipfile.ZipFile(out, "w") as archive:
        for name, data, compress in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, data, compresslevel=9 if compress else None)
    return out.getvalue()


def restamp(data: bytes, day: dt.date) -> bytes:
    """The same zip with every entry re-dated ``day`` (entry order kept)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = [(info.filename, archive.read(info), True) for info in archive.infolist()]
    return zip_bytes(entries, day)
