"""The site stage as a whole: deterministic output, charts, and reuse between builds."""

from __future__ import annotations

from pathlib import Path

from scrutiny.build import BuildResult, gather
from scrutiny.site import SiteBuilder, SiteOptions
from scrutiny.site.builder import FACTS
from scrutiny.writer import OutputWriter

from tests.conftest import assert_same_files, cold_builds, walk

from .conftest import build_site, project_copy

CHART = """    chart:
      mark: bar
      encoding:
        x: {field: Year, type: ordinal}
        y: {field: Journeys, type: quantitative}
"""


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in walk(folder) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path):
    """Two builds from empty caches (a build reusing a cache would only copy its files back)."""
    first, second = cold_builds(project_copy(tmp_path), tmp_path)
    assert_same_files(first, second)


def test_chart_is_an_image_beside_its_table(tmp_path):
    root = project_copy(tmp_path)
    report = root / "content" / "reports" / "school-transport-review" / "report.yaml"
    report.write_text(report.read_text().replace("    source: Transport team records\n",
                                                 "    source: Transport team records\n" + CHART))
    site = build_site(root, tmp_path / "site")
    svg = "reports/school-transport-review/charts/journeys.svg"
    assert svg in site.files and site.path(svg).read_text().startswith("<svg")
    picture = site.page("reports/school-transport-review/").select_one("#table-journeys figure picture")
    assert picture.source["srcset"].endswith("/charts/journeys.svg")  # wide screens
    figure = picture.img
    assert figure["src"].endswith("/charts/narrow/journeys.svg")  # phones
    assert figure["alt"].startswith("Chart of Journeys a day") and "table" in figure["alt"]


def test_a_table_chart_is_drawn_again_only_when_its_report_changes(tmp_path, monkeypatch):
    """Its drawings are kept with the report's pages: another report's edit links them (the
    same file as the first build's), an edit of its own report draws them again."""
    from scrutiny.site import builder as site_builder

    root = project_copy(tmp_path)
    report = root / "content" / "reports" / "school-transport-review"
    (report / "report.yaml").write_text((report / "report.yaml").read_text().replace(
        "    source: Transport team records\n", "    source: Transport team records\n" + CHART))
    out = tmp_path / "site"
    svg = "reports/school-transport-review/charts/journeys.svg"
    build_site(root, out)
    first = (out / svg).stat().st_ino
    drawn = []
    real = site_builder.chart_svg
    monkeypatch.setattr(site_builder, "chart_svg", lambda *args: drawn.append(args) or real(*args))
    other = next(p for p in sorted((root / "content" / "reports").iterdir()) if p.name != report.name)
    next(other.glob("*.md")).open("a").write("\nAn edit elsewhere.\n")
    site = build_site(root, out)
    assert drawn == [] and (out / svg).stat().st_ino == first and svg in site.files
    next(report.glob("*.md")).open("a").write("\nAn edit of its own report.\n")
    build_site(root, out)
    assert len(drawn) == 2 and (out / svg).read_text().startswith("<svg")


def build_with(builder: SiteBuilder, root: Path, out: Path) -> None:
    pub = gather(root)
    writer = OutputWriter(out)
    builder.write(pub, writer, BuildResult(files={}), lambda m: None)
    writer.commit()


def test_incremental_builder_renders_only_pages_an_edit_touches(tmp_path):
    root = project_copy(tmp_path)
    builder = SiteBuilder(SiteOptions(search=False, incremental=True))
    build_with(builder, root, tmp_path / "site")
    first = builder.stats
    assert first.reused == 0 and first.rendered == first.pages
    build_with(builder, root, tmp_path / "site")
    unchanged = builder.stats
    site_wide = unchanged.rendered
    assert unchanged.reused > 0 and site_wide + unchanged.reused == unchanged.pages
    before = files(tmp_path / "site")
    body = root / "content" / "reports" / "earlier-review" / "body.md"
    body.write_text(body.read_text().replace("made one recommendation", "made a single recommendation"))
    build_with(builder, root, tmp_path / "site")
    edited = builder.stats
    # the earlier review's report page, recommendation page and tracker are rendered again,
    # and the tracker's group pages (by committee, council, owner) that list its recommendation
    assert site_wide + 3 <= edited.rendered <= site_wide + 6
    after = files(tmp_path / "site")
    assert "made a single recommendation" in after["reports/earlier-review/index.html"].decode()
    changed = {k for k in after if after[k] != before.get(k)}
    assert not any(k.startswith("reports/school-transport-review/") for k in changed)


def test_builder_without_incremental_renders_everything_and_keeps_nothing(tmp_path):
    root = project_copy(tmp_path)
    builder = SiteBuilder(SiteOptions(search=False, incremental=False))
    build_with(builder, root, tmp_path / "site")
    build_with(builder, root, tmp_path / "site")
    assert builder.stats.reused == 0 and builder.stats.rendered == builder.stats.pages
    assert not (root / ".cache" / "pages").exists()


def test_a_new_builder_reuses_the_pages_an_earlier_process_kept(tmp_path):
    """The one-shot build's case: nothing in memory, the pages kept in .cache/pages/ are
    linked into the new build (the same file, not a copy) and unused entries are removed."""
    root = project_copy(tmp_path)
    build_with(SiteBuilder(SiteOptions(search=False)), root, tmp_path / "site")
    page = "reports/earlier-review/index.html"
    first = (tmp_path / "site" / page).stat()
    body = root / "content" / "reports" / "earlier-review" / "body.md"
    body.write_text(body.read_text().replace("made one recommendation", "made a single recommendation"))
    builder = SiteBuilder(SiteOptions(search=False))
    build_with(builder, root, tmp_path / "site")
    assert builder.stats.reused > 0 and builder.stats.rendered == builder.stats.pages - builder.stats.reused
    store = root / ".cache" / "pages" / "en-GB"
    kept = [p for p in store.rglob("*") if p.is_file() and p != store / FACTS]  # facts: not an entry
    again = SiteBuilder(SiteOptions(search=False))
    build_with(again, root, tmp_path / "site")
    # one entry for each page, feed, calendar and drawing with a key: the old ones are gone
    assert len(kept) == again.stats.store_entries and again.stats.reused < len(kept)
    other = (tmp_path / "site" / "reports/school-transport-review/index.html").stat()
    assert other.st_nlink == 2  # the published page is the cache's entry
    assert (tmp_path / "site" / page).stat().st_ino != first.st_ino
    assert "made a single recommendation" in (tmp_path / "site" / page).read_text()


def test_a_broken_cache_entry_is_rendered_again(tmp_path):
    root = project_copy(tmp_path)
    build_with(SiteBuilder(SiteOptions(search=False)), root, tmp_path / "site")
    cold = files(tmp_path / "site")
    entries = sorted(p for p in (root / ".cache" / "pages").rglob("*") if p.is_file() and p.name != FACTS)
    entries[0].unlink()
    entries[1].write_bytes(b"")  # emptied (never by the build: it renames whole files)
    entries[2].unlink()
    entries[2].mkdir()  # not a file
    builder = SiteBuilder(SiteOptions(search=False))
    build_with(builder, root, tmp_path / "site")
    assert builder.stats.store_entries == len(entries)  # the three made again, the rest linked
    assert files(tmp_path / "site") == cold


def test_a_failure_while_the_search_index_is_made_ends_its_indexing_and_keeps_the_site(tmp_path, monkeypatch):
    """The search index is made while the feeds are written; when writing them fails, the
    build waits for the Pagefind processes it started, leaves none of their files, and the
    published site stays as it was."""
    import os
    import time

    from scrutiny.build import build
    from scrutiny.site import builder as site_builder, indexing

    root = project_copy(tmp_path)
    out = tmp_path / "site"
    build(root, out)
    before = files(out)
    (root / "content" / "reports" / "school-transport-review" / "chapter-1.md").open("a").write("\nAn edit.\n")
    started, ended = [], []
    real = indexing.index_shard

    def index_shard(*args, **kwargs):
        started.append(args[2].name)
        time.sleep(0.5)  # still indexing when the feeds fail
        try:
            return real(*args, **kwargs)
        finally:
            ended.append(args[2].name)

    def write_feeds(plan, put):
        raise RuntimeError("the feeds failed")

    monkeypatch.setattr(indexing, "index_shard", index_shard)
    monkeypatch.setattr(site_builder, "write_feeds", write_feeds)
    try:
        build(root, out)
    except RuntimeError as err:
        assert str(err) == "the feeds failed"
    else:
        raise AssertionError("the build did not fail")
    assert started, "no shard was being indexed when the feeds failed"
    assert ended == started, "the build returned while a shard was still being indexed"
    assert files(out) == before
    builds = tmp_path / ".site-builds"
    assert sorted(p.name for p in builds.iterdir()) == sorted([os.path.basename(os.readlink(out)), "lock", "units"])
    assert not [p for p in walk(builds) if ".pagefind-" in p.name]
