"""Audio: the report read aloud, ``reports/<id>/audio/NN-<slug>.mp3`` plus ``playlist.m3u``.

One track per part, in reading order: the title and details (council, committee, dates,
membership, terms of reference, how to ask for another format), each section, the
recommendations with their responses and status, then the schedule of activity and the
glossary. espeak-ng (voice en-gb, 165 words a minute) reads each track's words (from
:mod:`scrutiny.render.speech`) into a WAV file, lame encodes it to a 48 kbps mono MP3 with
ID3 tags and no ReplayGain analysis: the same words give the same bytes. Two tracks are
made at a time.
"""

from __future__ import annotations

import io
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from mutagen.mp3 import MP3

from ..model import Report
from ..publication import Publication
from .. import i18n
from ..render.speech import speech_text
from ..render.textdoc import Part, ReportText
from ..urls import slugify
from ..writer import Folder

VOICE = "en-gb"
#: The espeak-ng voice for each interface language (Welsh text read by the Welsh voice).
VOICES = {"en": VOICE, "cy": "cy"}
WORDS_PER_MINUTE = 165
BITRATE_KBPS = 48
WORKERS = 2

#: Parts read together in one track, by part slug; every other part is a track of its own.
GROUPS = (
    ("about-this-report", "Title and details", ("cover", "about", "formats")),
    ("appendices", "Schedule of activity and glossary", ("activity", "glossary")),
)


class AudioError(RuntimeError):
    """espeak-ng or lame failed."""


@dataclass(frozen=True)
class Track:
    number: int
    slug: str
    title: str
    text: str
    """The words read, as given to espeak-ng."""

    @property
    def filename(self) -> str:
        return f"{self.number:02d}-{self.slug}.mp3"


def tracks(pub: Publication, report: Report) -> list[Track]:
    """The tracks of a report in reading order, with the words each one reads."""
    parts = ReportText(pub, report, "audio", speech=True).parts()
    planned: list[tuple[str, str, list[Part]]] = []
    started: set[str] = set()
    for part in parts:
        group = next((g for g in GROUPS if part.slug in g[2]), None)
        if group is None:
            planned.append((_slug(part.slug), part.title, [part]))
        elif group[0] not in started:
            started.add(group[0])
            planned.append((group[0], group[1], [p for p in parts if p.slug in group[2]]))
    return [Track(n, slug, title, speech_text([b for p in members for b in p.blocks]))
            for n, (slug, title, members) in enumerate(planned, start=1)]


def track_slug(part_slug: str) -> str:
    """The slug of the track that reads a part (a section's slug, "recommendations"...)."""
    group = next((g for g in GROUPS if part_slug in g[2]), None)
    return group[0] if group else _slug(part_slug)


def _slug(text: str) -> str:
    return slugify(text, "part")


def run(command: list[str]) -> None:
    """Run a tool; a failure raises with the command and what it printed."""
    proc = subprocess.run(command, capture_output=True, check=False)
    if proc.returncode != 0:
        stderr = proc.stderr.decode("utf-8", "replace").strip()
        raise AudioError(f"{' '.join(command)} failed (exit {proc.returncode}): {stderr}")


def voice() -> str:
    """The voice of the current language (:mod:`scrutiny.i18n`)."""
    return VOICES.get(i18n.current(), VOICE)


def synthesise(track: Track, total: int, report: Report, council: str, workdir: Path, voice: str = VOICE) -> bytes:
    """One track's MP3 bytes: espeak-ng to WAV (in ``voice``), lame to MP3."""
    stem = workdir / f"{track.number:02d}"
    text, wav, mp3 = stem.with_suffix(".txt"), stem.with_suffix(".wav"), stem.with_suffix(".mp3")
    text.write_text(track.text, encoding="utf-8")
    run(["espeak-ng", "-v", voice, "-s", str(WORDS_PER_MINUTE), "-b", "1", "-f", str(text), "-w", str(wav)])
    run(["lame", "--quiet", "-m", "m", "-b", str(BITRATE_KBPS), "-q", "7", "--noreplaygain", "--id3v2-only",
         "--id3v2-utf16", "--tt", track.title, "--ta", council, "--tl", report.title,
         "--tn", f"{track.number}/{total}", "--tg", "Speech", str(wav), str(mp3)])
    return mp3.read_bytes()


def duration(data: bytes) -> float:
    return MP3(io.BytesIO(data)).info.length


def playlist(report: Report, items: list[tuple[Track, float]]) -> str:
    """Extended M3U: each track's whole seconds and title, in reading order."""
    lines = ["#EXTM3U", f"#PLAYLIST:{report.title}"]
    for track, seconds in items:
        lines.append(f"#EXTINF:{max(1, round(seconds))},{report.title} - {track.title}")
        lines.append(track.filename)
    return "\n".join(lines) + "\n"


class AudioExporter:
    def export(self, pub: Publication, report: Report, out: Folder) -> None:
        items = tracks(pub, report)
        council = report.council or pub.config.committee(report.committee).council
        spoken = voice()  # chosen here: the worker threads do not share this context's language
        with tempfile.TemporaryDirectory(prefix="scrutiny-audio-") as tmp:
            with ThreadPoolExecutor(max_workers=WORKERS) as pool:
                made = list(pool.map(lambda t: synthesise(t, len(items), report, council, Path(tmp), spoken), items))
        timed = []
        for track, data in zip(items, made):
            out.write(f"audio/{track.filename}", data)
            timed.append((track, duration(data)))
        out.write("audio/playlist.m3u", playlist(report, timed))


EXPORTER = AudioExporter()
