"""The incremental one-shot build (issue 11): ``build.py build`` after an edit reuses the
pages (and the search index) whose inputs did not change, from ``.cache/pages/``, and
writes exactly the bytes a cold build writes (an empty ``.cache``, no previous site).

Each kind of edit, one after the other in one project: a section's text, a
recommendation's update, its wording, the site configuration, a template, then a build
with nothing changed. After each, the incremental build is compared, file by file, with a cold build
of a copy of the edited project.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from scrutiny.build import build
from scrutiny.site import assets, render, search

from .conftest import assert_same_files, site_files

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SITE_LINE = re.compile(r"^site: (\d+) pages \((\d+) rendered, (\d+) unchanged\), (\d+) search files( \(unchanged\))?")


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: no {old!r} to edit"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def section_text(root: Path) -> None:
    replace_in(root / "content/reports/school-transport-review/findings.md", "the", "the very")


def recommendation_update(root: Path) -> None:
    """Its status and note: the recommendation's page, the trackers and the round's page change."""
    replace_in(root / "content/reports/school-transport-review/recommendations.yaml",
               "        status: complete\n        note: Published.\n",
               "        status: on-track\n        note: Published in the budget book.\n")


def recommendation_wording(root: Path) -> None:
    """Its words, not its standing: the trackers' group pages change, the views' counts do not."""
    replace_in(root / "content/reports/school-transport-review/recommendations.yaml",
               "text: Publish the cost of transport each year.", "text: Publish the cost of transport every year.")


def site_config(root: Path) -> None:
    replace_in(root / "site_config.yaml", "phone: \"01234 567890\"", "phone: \"01234 567891\"")


def template(root: Path, templates: Path) -> None:
    replace_in(templates / "base.html.j2", "</body>", "<!-- edited -->\n</body>")


EDITS = [section_text, recommendation_update, recommendation_wording, site_config, template]


@pytest.fixture
def templates(tmp_path, monkeypatch) -> Path:
    """A copy of templates/ that the builds read (a template edit must not touch the repository's)."""
    copy = tmp_path / "templates"
    shutil.copytree(assets.TEMPLATES_DIR, copy)
    monkeypatch.setattr(assets, "TEMPLATES_DIR", copy)
    monkeypatch.setattr(render, "TEMPLATES_DIR", copy)
    return copy


def project(tmp_path: Path, fixture: str) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / fixture, root, ignore=shutil.ignore_patterns(".cache", "site", ".site-builds"))
    replace_in(root / "site_config.yaml", re.search(r"(?m)^formats:.*$", (root / "site_config.yaml").read_text()).group(0),
               "formats: [data]")
    return root


def incremental(root: Path) -> list[tuple[int, int, int, int, bool]]:
    """Build ``root`` into its ``site/`` (its cache and previous site kept); (pages,
    rendered, unchanged, search files, search index unchanged) of each language."""
    lines: list[str] = []
    build(root, root / "site", log=lines.append)
    stats = [SITE_LINE.match(line) for line in lines]
    return [(int(m[1]), int(m[2]), int(m[3]), int(m[4]), bool(m[5])) for m in stats if m]


def cold(root: Path, where: Path) -> dict[str, bytes]:
    copy = where / "project"
    shutil.copytree(root, copy, ignore=lambda folder, names: [
        x for x in names if Path(folder) == root and (x in (".cache", "site") or x.startswith(".site"))])
    build(copy, copy / "site")
    return site_files(copy / "site")


@pytest.mark.parametrize("fixture", ["minimal", "bilingual"])
def test_incremental_build_writes_what_a_cold_build_writes_after_each_kind_of_edit(tmp_path, templates, fixture):
    root = project(tmp_path, fixture)
    first = incremental(root)
    assert first and all(rendered == pages and unchanged == 0 for pages, rendered, unchanged, *_ in first)
    for n, edit in enumerate([*EDITS, None]):
        if edit is template:
            edit(root, templates)
        elif edit is not None:
            edit(root)
        stats = incremental(root)
        name = edit.__name__ if edit else "nothing"
        assert_same_files(site_files(root / "site"), cold(root, tmp_path / f"cold-{n}"))
        reused = sum(unchanged for _, _, unchanged, *_ in stats)
        if edit in (site_config, template):  # every page shows them: nothing reused
            assert reused == 0, f"after editing the {name}, {reused} pages were reused"
        else:  # the other report's pages at least are reused
            assert reused > 0, f"after editing {name}, no page was reused"
        if edit is None:  # only the pages without a key (lists, trackers) are rendered
            assert all(rendered < pages for pages, rendered, *_ in stats)
            assert all(reused for *_, files, reused in stats if files), \
                "nothing changed, yet the search index was made again"


SHARDS = re.compile(r" in (\d+) shards, (\d+) indexed;")
FEEDS = re.compile(r"^feeds and calendars: (\d+) Atom feeds, (\d+) iCalendar files \((\d+) unchanged\)")


def built_shards(root: Path, lines: list[str] | None = None) -> tuple[int, int]:
    """Build ``root``'s site: (its search shards, how many of them were indexed), the
    build's log lines added to ``lines``."""
    lines = [] if lines is None else lines
    build(root, root / "site", log=lines.append)
    found = [m for line in lines if (m := SHARDS.search(line))]
    assert len(found) == 1, lines
    return int(found[0][1]), int(found[0][2])


def test_an_edit_to_one_report_indexes_its_shard_again_and_no_other(tmp_path, monkeypatch):
    """One report per shard (the minimal fixture's two reports; the site's own pages in shard
    00): a section's edit indexes that report's shard again, the other two are reused, and
    the site is the one a cold build writes."""
    monkeypatch.setattr(search, "REPORTS_PER_SHARD", 0.25)  # eight shards for two reports: they fall apart
    root = project(tmp_path, "minimal")
    feeds: list[tuple[int, int, int]] = []

    def shards() -> tuple[int, int]:
        lines: list[str] = []
        made = built_shards(root, lines)
        feeds.extend(tuple(map(int, m.groups())) for line in lines if (m := FEEDS.match(line)))
        return made

    assert shards() == (3, 3)
    bundles = {p.split("/")[1] for p in site_files(root / "site") if p.startswith("pagefind/")}
    assert bundles == {"00", search.shard_of("school-transport-review", 8), search.shard_of("earlier-review", 8)} \
        == {"00", "05", "01"}
    section_text(root)
    assert shards() == (3, 1)
    assert_same_files(site_files(root / "site"), cold(root, tmp_path / "cold"))
    assert shards() == (3, 0)
    store = next((root / ".cache" / "pages").iterdir()) / "search"
    kept = next(p for p in sorted(store.rglob("*")) if p.is_file() and p.parent.name != "bundle"
                and p.name != "files.txt" and "bundle" in p.parts)
    kept.write_bytes(kept.read_bytes() + b"damaged")  # a kept shard whose file is not as listed: indexed again
    assert shards() == (3, 1)
    assert_same_files(site_files(root / "site"), cold(root, tmp_path / "cold-again"))
    # the other report's feeds and calendar are linked, the edited one's and the site's made again
    (made, made_ics, none), (again, again_ics, some) = feeds[0], feeds[1]
    assert none == 0 and (again, again_ics) == (made, made_ics) and 0 < some < made + made_ics


def test_a_changed_standing_leaves_the_committees_shard_as_it_was(tmp_path, monkeypatch):
    """A committee page shows its reports' counts, charts and open recommendations, none of
    which is indexed: an update that changes a standing changes the page but indexes only
    the report's own shard again, not shard 00 (which holds every committee page), and the
    site (search index and all) is the one a cold build writes."""
    monkeypatch.setattr(search, "REPORTS_PER_SHARD", 0.25)  # one report per shard
    root = project(tmp_path, "minimal")

    def site_shard() -> str:  # the folder shard 00 is in: a new one whenever it is indexed again
        return os.path.realpath(root / "site" / "pagefind" / "00")

    committee = root / "site" / "committees" / "people-scrutiny" / "index.html"
    assert built_shards(root) == (3, 3)
    before, kept = committee.read_bytes(), site_shard()
    recommendation_update(root)
    assert built_shards(root) == (3, 1)
    assert committee.read_bytes() != before  # its counts and open recommendations changed
    assert site_shard() == kept
    assert_same_files(site_files(root / "site"), cold(root, tmp_path / "cold"))
    replace_in(root / "content/reports/school-transport-review/report.yaml", "title: ", "title: The ")
    built_shards(root)
    assert site_shard() != kept  # a report's title is in the committee's list of reports: 00 again
    assert_same_files(site_files(root / "site"), cold(root, tmp_path / "cold-again"))


def test_site_wide_files_are_linked_while_what_they_hold_is_unchanged(tmp_path):
    """The open data files, the site's and committees' calendars and feeds, the home page, the lists
    of reports and committees, the committee's page, the site tracker, its ready-made views
    and groups, the update rounds' pages and the site's and committee's progress charts
    show every report, yet a section's edit changes
    nothing they hold: they are the files of the build before (the same inode, linked from
    the store); a recommendation's update makes them again."""
    root = project(tmp_path, "minimal")
    files = ("data/recommendations.json", "data/recommendations.csv", "calendar.ics",
             "committees/people-scrutiny/calendar.ics", "feed.xml", "committees/people-scrutiny/feed.xml", "tracker/index.html", "tracker/overdue/index.html",
             "tracker/committees/people-scrutiny/index.html", "tracker/owners/index.html",
             "index.html", "reports/index.html", "committees/index.html", "committees/people-scrutiny/index.html",
             "charts/progress/status.svg", "charts/progress/status-narrow.svg",
             "committees/people-scrutiny/charts/progress/status.svg")

    def inodes() -> dict[str, int]:
        build(root, root / "site")
        site = root / "site"
        shown = [*files, *(p.relative_to(site).as_posix() for p in sorted((site / "changes").rglob("*.html")))]
        return {f: (site / f).stat().st_ino for f in shown}

    def folders() -> dict[str, str]:
        """Where the rounds' and the tracker's folders of their own are (:mod:`scrutiny.units`)."""
        return {name: os.readlink(root / "site" / name) for name in ("changes", "tracker")}

    first = inodes()
    assert len(first) > len(files) + 1, first  # the rounds' index and at least one round
    linked = folders()
    section_text(root)
    assert inodes() == first
    assert folders() == linked  # the same folders, not made again
    recommendation_update(root)
    again = inodes()
    assert all(again[f] != first[f] for f in files), again
    assert all(folders()[name] != linked[name] for name in linked)
    assert_same_files(site_files(root / "site"), cold(root, tmp_path / "cold"))


def test_the_open_data_makes_again_only_the_records_of_a_changed_report(tmp_path, monkeypatch):
    """Each report's records are kept (``.cache/data/records.pickle``) with their digest
    under its key (``index.pickle``): after an edit to one report only its recommendations'
    records are made again, the others come from the earlier build, and the data files
    hold the edit and equal a cold build's."""
    import json

    from scrutiny.exporters import data

    root = project(tmp_path, "minimal")
    incremental(root)
    made: list[str] = []
    real = data.record

    def counting(pub, report, rec):
        made.append(report.id)
        return real(pub, report, rec)
    monkeypatch.setattr(data, "record", counting)
    kept = root / ".cache" / "data" / "records.pickle"
    before = kept.stat().st_ino
    incremental(root)  # nothing changed: no record is made, and the kept records are not written again
    assert made == [] and kept.stat().st_ino == before
    recommendation_update(root)  # school-transport-review's update note
    incremental(root)
    assert made and set(made) == {"school-transport-review"}
    records = json.loads((root / "site" / "data" / "recommendations.json").read_text(encoding="utf-8"))
    notes = [u["note"] for r in records["recommendations"] for u in r["updates"]]
    assert "Published in the budget book." in notes
    reports = {r["report_id"] for r in records["recommendations"]}
    assert len(reports) > 1, "the fixture has other reports whose records were kept"
    monkeypatch.setattr(data, "record", real)
    assert_same_files(site_files(root / "site"), cold(root, tmp_path / "cold"))


def test_the_kept_records_are_read_only_when_the_data_files_are_made_again(tmp_path, monkeypatch):
    """A section's edit changes the report's key but not its records: its records are made
    again and found the same by their digest, so the data files are linked and the other
    reports' records (22 MB at N=1,000) are not read. An update makes the files again
    from them; kept records that cannot be read are made again, and the files still equal
    a cold build's."""
    from scrutiny import build as building

    root = project(tmp_path, "minimal")
    incremental(root)
    kept = root / ".cache" / "data" / "records.pickle"
    reads = tmp_path / "read"  # a file: the open data is made in a worker of its own
    real = building._kept

    def reading(path):
        with open(reads, "a") as fh:
            fh.write(path.name + "\n")
        return real(path)
    monkeypatch.setattr(building, "_kept", reading)
    before = kept.stat().st_ino
    section_text(root)
    incremental(root)
    assert reads.read_text().split() == ["index.pickle"] and kept.stat().st_ino == before
    recommendation_update(root)
    incremental(root)
    assert reads.read_text().split()[1:] == ["index.pickle", "records.pickle"]
    assert_same_files(site_files(root / "site"), cold(root, tmp_path / "cold"))
    kept.write_bytes(b"not a pickle")
    replace_in(root / "content/reports/school-transport-review/recommendations.yaml",
               "note: Published in the budget book.", "note: Published in the budget book, page 4.")
    incremental(root)
    assert_same_files(site_files(root / "site"), cold(root, tmp_path / "cold-again"))


def test_an_unchanged_reports_pages_are_linked_from_its_list_without_their_jobs(tmp_path, monkeypatch):
    """After an edit to one report, every other report's pages come from the list kept
    under its key (scrutiny.site.manifest): no page job is made for them. A list naming an
    entry that is gone or damaged, a list that cannot be read and one naming a page twice
    are made again by jobs, and the site is still what a cold build writes."""
    import json

    from scrutiny.site import builder

    root = project(tmp_path, "minimal")
    incremental(root)
    made: list[str] = []
    real = builder.jobs_of_report

    def counting(plan, report):
        made.append(report.id)
        return real(plan, report)
    monkeypatch.setattr(builder, "jobs_of_report", counting)
    incremental(root)
    assert made == []
    section_text(root)
    incremental(root)
    assert made == ["school-transport-review"]
    assert_same_files(site_files(root / "site"), cold(root, tmp_path / "cold"))

    store = next((root / ".cache" / "pages").iterdir())  # the one language's

    def lists() -> list[Path]:
        return [p for p in store.rglob("*") if p.is_file() and p.read_bytes().startswith(b'["report-pages-')]

    def the_other_list() -> tuple[Path, str, list]:
        found = next(p for p in lists() if b"earlier-review" in p.read_bytes())
        tag, rows = json.loads(found.read_text())
        return found, tag, rows

    def made_again_by_jobs(name: str) -> None:
        made.clear()
        incremental(root)
        assert made == ["earlier-review"]
        assert_same_files(site_files(root / "site"), cold(root, tmp_path / name))

    assert len(lists()) == 4, lists()  # one per report, the tracker's views' and the update rounds'
    _, _, rows = the_other_list()
    (store / rows[-1][4][:2] / rows[-1][4]).unlink()  # the tracker's entry, as if another build had pruned it
    made_again_by_jobs("cold-pruned")
    found, _, _ = the_other_list()
    found.write_bytes(b'["report-pages-1", "not rows"]')
    made_again_by_jobs("cold-unreadable")
    _, _, rows = the_other_list()
    (store / rows[0][4][:2] / rows[0][4]).write_bytes(b"")  # the report page's entry emptied (never by a build)
    made_again_by_jobs("cold-emptied")
    found, tag, rows = the_other_list()
    found.write_text(json.dumps([tag, rows + rows[:1]]))  # a page listed twice: not a list this build wrote
    made_again_by_jobs("cold-twice")


def test_an_edited_reports_shard_is_indexed_while_the_site_wide_pages_are_made(tmp_path, monkeypatch):
    """After an edit to one report, its shard of the search index (not shard 00, which holds
    the site's own pages too) starts to be indexed before the site-wide pages are made, and
    the site is the one a cold build writes."""
    from scrutiny.site import builder, indexing, sitepages

    monkeypatch.setattr(search, "REPORTS_PER_SHARD", 0.25)  # eight shards: school-transport-review's is 05
    root = project(tmp_path, "minimal")
    build(root, root / "site")
    section_text(root)
    events: list[tuple[str, ...]] = []
    start = indexing.SearchIndex.start

    def started(self):
        events.append(("indexing", *(shard.name for shard, *_ in self.todo[len(self.made):])))
        start(self)

    def site_jobs(plan):
        events.append(("site-wide pages",))
        yield from sitepages.site_jobs(plan)

    monkeypatch.setattr(indexing.SearchIndex, "start", started)
    monkeypatch.setattr(builder, "SITE_GROUPS", (site_jobs, *builder.SITE_GROUPS[1:]))
    build(root, root / "site")
    assert events[:2] == [("indexing", "05"), ("site-wide pages",)], events
    assert_same_files(site_files(root / "site"), cold(root, tmp_path / "cold"))


def test_the_trackers_views_and_the_rounds_are_linked_from_their_lists_while_no_standing_changes(tmp_path, monkeypatch):
    """The tracker's views and groups and the update rounds' pages show only what the site's
    lists show of each report: after an edit to a section their lists (kept under the
    site's key and every report's shown key) link them without making their jobs; an update
    that changes a standing makes their jobs again; and the site is what a cold build writes."""
    from scrutiny.site import builder

    root = project(tmp_path, "minimal")
    incremental(root)
    made: list[str] = []

    def counting(group, name):
        def jobs(plan):
            made.append(name)
            return group(plan)
        return jobs
    groups = {counting(g, g.__name__): builder.LISTED_GROUPS[g] for g in builder.LISTED_GROUPS}
    monkeypatch.setattr(builder, "LISTED_GROUPS", groups)
    monkeypatch.setattr(builder, "SITE_GROUPS", (builder.SITE_GROUPS[0], *groups))
    incremental(root)  # lists are kept under the groups' keys: the first build with them makes them
    made.clear()
    section_text(root)
    incremental(root)
    assert made == []
    assert_same_files(site_files(root / "site"), cold(root, tmp_path / "cold-section"))
    made.clear()  # the cold build's
    recommendation_update(root)
    incremental(root)
    assert made == ["tracker_view_jobs", "round_jobs"]
    assert_same_files(site_files(root / "site"), cold(root, tmp_path / "cold-update"))
