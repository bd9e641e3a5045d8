"""The alternative formats a report has in this build, with their type and size.

Runs after the ``formats`` stage, so it lists what was actually written
(``writer.written``), never a format whose tools were missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ..exporters import REGISTRY, FormatInfo
from ..i18n import N_, _
from ..urls import report_url

MEDIA_NAMES = {
    "text/csv": "CSV",
    "application/json": "JSON",
    "text/plain": N_("Plain text"),
    "application/pdf": "PDF",
    "text/html": "HTML",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    "application/epub+zip": "EPUB",
    "application/x-brf": "BRF",
    "audio/x-mpegurl": N_("M3U playlist of MP3 files"),
}


@dataclass(frozen=True)
class FormatFile:
    """One downloadable file of a report."""

    format_id: str
    label: str
    purpose: str
    path: str
    """Site path of the file (``reports/<id>/<id>.pdf``)."""
    type: str
    size: int
    """Bytes; for a file in a folder of its own (audio) the whole folder."""


def selected(formats: tuple[str, ...]) -> tuple[FormatInfo, ...]:
    return tuple(f for f in REGISTRY if f.id in formats)


def _size(path: str, written: Mapping[str, int], root: str = "") -> int:
    folder = path.rsplit("/", 1)[0] + "/"
    name = path[len(folder):]
    report_folder = folder.count("/") - root.count("/") > 2  # reports/<id>/<sub>/...
    if report_folder and name:
        return sum(size for rel, size in written.items() if rel.startswith(folder))
    return written[path]


def report_formats(report_id: str, formats: tuple[str, ...], written: Mapping[str, int],
                   root: str = "") -> tuple[FormatFile, ...]:
    """``root``: the path to the site of the language the report is written in, when it
    has no translation into this site's (:meth:`scrutiny.model.SiteConfig.root_of`)."""
    base = root + report_url(report_id)
    out = []
    for info in selected(formats):
        for pattern, media in info.files:
            path = base + pattern.format(id=report_id)
            if path in written:
                out.append(FormatFile(info.id, _(info.label), _(info.purpose), path,
                                      _(MEDIA_NAMES.get(media, media)), _size(path, written, root)))
    return tuple(out)


@dataclass(frozen=True)
class AudioTrack:
    """One part of a report read aloud: its own MP3 file."""

    path: str
    title: str
    size: int


#: Titles of the tracks that read fixed parts of a report (the rest read a section).
TRACK_TITLES = {"about-this-report": N_("Title and details"), "recommendations": N_("Recommendations")}


def audio_tracks(report, written: Mapping[str, int], root: str = "") -> dict[str, AudioTrack]:
    """The report's MP3 tracks by the part they read (section slug, ``recommendations``,
    ``appendices``, ``about-this-report``), in reading order; empty without audio."""
    from ..exporters.audio import track_slug

    folder = root + report_url(report.id) + "audio/"
    files = sorted(p for p in written if p.startswith(folder) and p.endswith(".mp3"))
    by_slug = {p[len(folder):].split("-", 1)[1][:-4]: p for p in files}
    titles = {slug: _(words) for slug, words in TRACK_TITLES.items()}
    titles["appendices"] = (_("Schedule of activity and glossary") if report.activity and report.glossary
                            else _("Schedule of activity") if report.activity else _("Glossary") if report.glossary
                            else "")
    parts = [(s.slug, s.title) for s in report.sections] + list(titles.items())
    out = {}
    for slug, title in parts:
        path = by_slug.get(track_slug(slug))
        if path:
            out[slug] = AudioTrack(path, title, written[path])
    return dict(sorted(out.items(), key=lambda kv: kv[1].path))
