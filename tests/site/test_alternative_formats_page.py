"""The alternative formats page: every file written for every report, grouped by report,
with its type and size, read back with an HTML parser and checked against the files on disk
(audio: the playlist, sized as its whole folder, and each part's own MP3 file)."""

from __future__ import annotations

import re

from scrutiny.site.views import file_size

from .conftest import resolve, text

PAGE = "alternative-formats/"
REPORTS = {"school-transport-review": "Home to School Transport", "earlier-review": "Earlier Review of Transport"}
#: Files under a report folder that are not its formats (feeds and calendars are linked from
#: its pages, see test_feeds.py and test_calendars.py).
NOT_DOWNLOADS = ("recommendations/", "tracker/", "charts/", "feed.xml", "calendar.ics")


def format_files(site, report_id: str) -> dict[str, int]:
    """The downloadable files the build wrote for a report (site path -> bytes)."""
    base = f"reports/{report_id}/"
    out = {}
    for path, size in site.files.items():
        if not path.startswith(base) or path == base + "index.html":
            continue
        rest = path[len(base):]
        if rest.startswith(NOT_DOWNLOADS):
            continue
        if rest == "audio/playlist.m3u":
            out[path] = sum(s for p, s in site.files.items() if p.startswith(base + "audio/"))
        elif not rest.startswith("audio/") or rest.endswith(".mp3"):
            out[path] = size
    return out


def groups(soup) -> dict[str, list]:
    """Report id -> the attachment items listed under its heading."""
    section = soup.find(id="downloads")
    out = {}
    for group in soup.select(".format-group"):
        heading = group.find("h3")
        assert heading.find_previous("h2") is section
        href = resolve(PAGE, heading.find("a")["href"])
        out[href.split("/")[1]] = (text(heading), group.select("li.attachment"))
    return out


def test_every_report_has_its_group_newest_first(site):
    soup = site.page(PAGE)
    found = groups(soup)
    assert list(found) == list(REPORTS)  # the reports list's order: newest first
    assert [title for title, _ in found.values()] == list(REPORTS.values())


def test_every_file_written_for_every_report_is_linked_with_its_size(site):
    soup = site.page(PAGE)
    for report_id, (_, items) in groups(soup).items():
        on_disk = format_files(site, report_id)
        assert len(on_disk) >= 11, on_disk  # data (2), text, large print (2), PDF, Word, EPUB, braille, audio
        assert any(p.endswith(".mp3") for p in on_disk)
        linked = {resolve(PAGE, li.find("a")["href"]): text(li.select_one(".attachment__meta")) for li in items}
        assert set(linked) == set(on_disk), (report_id, set(on_disk) ^ set(linked))
        for path, size in on_disk.items():
            assert linked[path] == file_size(size), path
            assert (site.out / path).is_file()


def test_links_say_the_type_and_the_report(site):
    soup = site.page(PAGE)
    types = {".csv": "CSV", ".json": "JSON", ".txt": "Plain text", ".pdf": "PDF", ".html": "HTML",
             ".docx": "DOCX", ".epub": "EPUB", ".brf": "BRF", ".m3u": "M3U", ".mp3": "MP3"}
    for report_id, (title, items) in groups(soup).items():
        for li in items:
            a = li.find("a")
            href = resolve(PAGE, a["href"])
            kind = types[re.search(r"\.[a-z0-9]+$", href).group()]
            visible = " ".join(s for s in a.find_all(string=True, recursive=False))
            assert kind in visible, (href, visible)
            assert text(a.select_one(".visually-hidden")) == f": {title}"


def test_same_files_as_each_report_page(site):
    """The page and each report's "Other formats" list (and its audio part by part) say the
    same files and sizes."""
    soup = site.page(PAGE)
    for group in soup.select(".format-group"):
        report_id = resolve(PAGE, group.find("h3").find("a")["href"]).split("/")[1]
        url = f"reports/{report_id}/"
        report = site.page(url)

        def files(page_url, items):
            return [(resolve(page_url, li.find("a")["href"]), text(li.select_one(".attachment__meta")).strip("()"))
                    for li in items]
        ours = files(PAGE, group.select("ul.attachments > li"))
        assert ours == files(url, report.select("ul.attachments > li.attachment"))
        tracks = files(PAGE, group.select("details ol > li"))
        theirs = report.find(id="audio-by-section")
        assert theirs is not None and tracks
        assert [(p, size.replace("MP3, ", "")) for p, size in files(url, theirs.find_next("ol").select("li"))] == tracks
        summary = text(group.find("details").find("summary"))
        assert summary.startswith(f"Audio, part by part: {len(tracks)} MP3 files")


def test_formats_explained_and_how_to_ask(site):
    soup = site.page(PAGE)
    labels = [text(dt) for dt in soup.select("dl.summary-list dt")]
    assert labels[0] == "Recommendations data" and "Braille (BRF)" in labels
    assert soup.find(id="ask") and soup.find("a", href="mailto:scrutiny@test.example")


def test_no_iso_date_is_shown(site):
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text(site.page(PAGE).main))
