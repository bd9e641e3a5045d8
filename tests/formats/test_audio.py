"""Audio format: the playlist read as extended M3U, every MP3 decoded with mutagen, and each
track's length checked against the words it reads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mutagen.mp3 import MP3

from scrutiny.build import build, gather
from scrutiny.exporters import audio
from scrutiny.render.speech import normalise, speech_text, word_count
from scrutiny.render.text import expansion, para
from tests.conftest import assert_same_files, cold_builds, copy_fixture, needs_tool, with_formats

pytestmark = needs_tool("espeak-ng", "lame")

REPORT = "school-transport-review"
EXPECTED = ["01-about-this-report.mp3", "02-summary.mp3", "03-findings.mp3",
            "04-recommendations.mp3", "05-appendices.mp3"]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = with_formats(copy_fixture(tmp_path_factory.mktemp("audio")), "audio")
    build(root, root / "site")
    return root


@pytest.fixture(scope="module")
def folder(project: Path) -> Path:
    return project / "site" / "reports" / REPORT / "audio"


@pytest.fixture(scope="module")
def tracks(project: Path) -> list[audio.Track]:
    pub = gather(project)
    return audio.tracks(pub, pub.report(REPORT))


def read_playlist(path: Path) -> list[tuple[int, str, str]]:
    """(seconds, title, file) of each entry of an extended M3U playlist."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#EXTM3U"
    entries = [line for line in lines[1:] if not line.startswith("#PLAYLIST:")]
    out = []
    for info, name in zip(entries[::2], entries[1::2]):
        m = re.fullmatch(r"#EXTINF:(\d+),(.+)", info)
        assert m and not name.startswith("#"), (info, name)
        out.append((int(m[1]), m[2], name))
    return out


def test_playlist_lists_the_tracks_in_reading_order(folder: Path):
    entries = read_playlist(folder / "playlist.m3u")
    assert [name for _, _, name in entries] == EXPECTED
    assert sorted(p.name for p in folder.glob("*.mp3")) == EXPECTED
    assert [title for _, title, _ in entries][1:3] == ["Home to School Transport - Executive summary",
                                                      "Home to School Transport - Findings"]


def test_every_track_decodes_and_its_length_fits_its_words(folder: Path, tracks: list[audio.Track]):
    entries = read_playlist(folder / "playlist.m3u")
    assert [t.filename for t in tracks] == EXPECTED
    for (seconds, _, name), track in zip(entries, tracks):
        mp3 = MP3(folder / name)
        assert mp3.info.channels == 1 and mp3.info.sample_rate == 22050
        assert abs(mp3.info.length - seconds) <= 1
        expected = word_count(track.text) / audio.WORDS_PER_MINUTE * 60
        assert 0.5 * expected <= mp3.info.length <= 2 * expected, (name, mp3.info.length, expected)
        assert str(mp3.tags["TIT2"]) == track.title


def test_spoken_words_have_no_markup_and_say_numbers_and_dates(tracks: list[audio.Track]):
    findings = tracks[2].text
    assert "Paragraph 1. Routes for children with Special Educational Needs and Disabilities (S.E.N.D.)" in findings
    assert findings.count("Special Educational Needs and Disabilities") == 1, "expanded on first use only"
    assert "Table: Journeys a day. Year 2021, Journeys 1200." in findings
    recs = tracks[3].text
    assert "Response: Partially accepted by Cabinet on 14 September 2023." in recs
    assert "Target: 29 February 2024." in recs and "Status on 31 March 2024: Behind schedule at the update of 1 December 2023 (People Scrutiny Committee)." in recs
    for track in tracks:
        for mark in ("**", "[", "](", "http", "#"):
            assert mark not in track.text, (track.filename, mark)
        assert not re.search(r"\d{4}-\d{2}-\d{2}", track.text)


def test_speech_wording():
    assert normalise("Recommendation 2a") == "Recommendation 2A"
    assert normalise("Recommendations 3-6 and 9") == "Recommendations 3 to 6 and 9"
    assert normalise("met on 2013-06-27 with Cllr Eyre") == "met on 27 June 2013 with Councillor Eyre"
    assert normalise("see https://www.gov.uk/a/b. Then") == "see the web page at gov.uk. Then"
    assert normalise("(https://example.org)") == "(the web page at example.org)"
    assert speech_text([para("Costs", "Owner: ")]) == "Owner: Costs.\n"


def test_only_abbreviations_are_expanded_and_only_with_their_own_words():
    assert expansion("CAF", "Common Assessment Framework: an assessment tool shared by all.") == \
        "Common Assessment Framework"
    assert expansion("ACCT", "The Access Centre Children's Team, based in the Access Centre.") == \
        "Access Centre Children's Team"
    assert expansion("LAC", "Looked After Children") == "Looked After Children"
    assert expansion("Referral", "A request for service.") == ""
    assert expansion("XYZ", "A long explanation of something that is not what the letters stand for.") == ""


def test_same_words_give_the_same_bytes(tmp_path: Path, project: Path):
    pub = gather(project)
    report = pub.report(REPORT)
    track = audio.Track(1, "test", "Test", "Recommendation 2A was accepted on 27 June 2013.\n")
    first = audio.synthesise(track, 1, report, "Test Borough Council", tmp_path)
    second = audio.synthesise(track, 1, report, "Test Borough Council", tmp_path)
    assert first == second and len(first) > 1000


def test_two_builds_from_empty_caches_give_the_same_bytes(tmp_path: Path, project: Path):
    first, second = cold_builds(project, tmp_path)
    assert set(f"reports/{REPORT}/audio/{name}" for name in EXPECTED) <= set(first)
    assert_same_files(first, second)


def test_a_failing_tool_raises_with_its_command_and_message():
    with pytest.raises(audio.AudioError, match="lame --no-such-option"):
        audio.run(["lame", "--no-such-option"])
