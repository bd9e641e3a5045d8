"""The report page's list of alternative formats comes from what the build wrote."""

from __future__ import annotations

from scrutiny.site.formats import report_formats


def test_only_written_files_are_listed_in_registry_order():
    written = {
        "reports/r/r.txt": 4000,
        "reports/r/recommendations.csv": 1200,
        "reports/r/r.pdf": 50000,
        "reports/other/other.txt": 1,
    }
    found = report_formats("r", ("data", "txt", "pdf", "docx"), written)
    assert [(f.label, f.type, f.size) for f in found] == [
        ("Recommendations data", "CSV", 1200), ("Plain text", "Plain text", 4000), ("PDF", "PDF", 50000)]


def test_a_format_in_its_own_folder_counts_the_whole_folder():
    written = {"reports/r/audio/playlist.m3u": 100, "reports/r/audio/01.mp3": 5000, "reports/r/audio/02.mp3": 7000}
    (audio,) = report_formats("r", ("audio",), written)
    assert audio.path == "reports/r/audio/playlist.m3u" and audio.size == 12100


def test_formats_not_selected_are_not_listed():
    assert report_formats("r", ("txt",), {"reports/r/r.pdf": 10}) == ()
