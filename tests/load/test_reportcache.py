"""The cache of loaded and parsed reports (scrutiny.reportcache): a warm run gives what a
cold one and the uncached loaders give, every kind of edit re-reads what it must and only
that, a damaged entry is rebuilt, problems are the same, and the workers change nothing.
Also the drawing cache of table charts (scrutiny.render.chart)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scrutiny.build import gather
from scrutiny.load import load_content
from scrutiny.markdown import parse_content
from scrutiny.markdown.pipeline import parse_translations
from scrutiny.problems import ContentError, Problems
from scrutiny.reportcache import load_parsed
from scrutiny.render import chart as chart_module
from tests.conftest import copy_fixture, with_chart

BILINGUAL = Path(__file__).resolve().parents[1] / "fixtures" / "bilingual"
SCHOOL, EARLIER, THIRD = "school-transport-review", "earlier-review", "third-review"
ALL = [EARLIER, SCHOOL, THIRD]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The bilingual fixture (school-transport-review cites earlier-review, in English and
    in Welsh) and a third report that cites neither."""
    root = tmp_path / "site"
    shutil.copytree(BILINGUAL, root, ignore=shutil.ignore_patterns(".cache"))
    reports = root / "content" / "reports"
    shutil.copytree(reports / EARLIER, reports / THIRD)
    return root


def plain(root: Path):
    """What the uncached loaders make of ``root``: content, parses, translations, problems."""
    problems = Problems()
    content = load_content(root, problems)
    assert content is not None
    parsed = parse_content(content, problems)
    translated = parse_translations(content, parsed, problems)
    return content, parsed, translated, sorted(set(problems.items))


def cached(root: Path):
    problems = Problems()
    loaded = load_parsed(root, problems)
    return (loaded.content, loaded.parsed, loaded.translated, sorted(set(problems.items))), loaded.stats


def assert_same(got, expected) -> None:
    content, parsed, translated, problems = got
    e_content, e_parsed, e_translated, e_problems = expected
    assert content.reports == e_content.reports
    assert content.translations == e_content.translations
    assert content.unreadable == e_content.unreadable
    assert content == e_content
    assert list(parsed) == list(e_parsed)
    for report_id, doc in parsed.items():  # the token streams, one by one
        other = e_parsed[report_id]
        assert dict(doc.sections) == dict(other.sections), report_id
        assert dict(doc.fields) == dict(other.fields), report_id
        assert doc == other
    assert {lang: dict(docs) for lang, docs in translated.items()} == \
        {lang: dict(docs) for lang, docs in e_translated.items()}
    assert problems == e_problems


def test_warm_run_gives_what_a_cold_run_and_the_loaders_give(root: Path) -> None:
    expected = plain(root)
    cold, stats = cached(root)
    assert sorted(stats.loaded) == ALL and sorted(stats.parsed) == ALL and not stats.load_hits
    warm, stats = cached(root)
    assert stats.load_hits == ALL and stats.parse_hits == ALL and not stats.loaded and not stats.parsed
    assert_same(cold, expected)
    assert_same(warm, expected)
    assert warm[2]["cy"][SCHOOL].sections  # the Welsh parse came from the cache too
    shutil.rmtree(root / ".cache")
    pub_cold = gather(root)  # gather reads through the cache
    assert sorted(p.name for p in (root / ".cache" / "reports").iterdir()) == ALL
    pub_warm = gather(root)
    assert pub_warm.content == pub_cold.content and pub_warm.parsed == pub_cold.parsed
    assert pub_warm.translated == pub_cold.translated


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _new_number(root: Path) -> None:
    """earlier-review gains a recommendation: a number school-transport-review may cite."""
    _append(root / "content" / "reports" / EARLIER / "recommendations.yaml",
            "  - number: 2\n    text: Publish the routes every year.\n")


def _retitle(root: Path, report: str) -> None:
    path = root / "content" / "reports" / report / "report.yaml"
    text = path.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("title:"))
    path.write_text(text.replace(line, line.rstrip().rstrip('"') + " (revised)" + ('"' if line.rstrip().endswith('"') else ""), 1),
                    encoding="utf-8")


EDITS = {
    # edit: (change, folders read again, reports parsed again)
    "a section": (lambda r: _append(r / "content/reports" / SCHOOL / "summary.md", "\nOne more sentence.\n"),
                  [SCHOOL], [SCHOOL]),
    "recommendations.yaml, no new number": (
        lambda r: _append(r / "content/reports" / THIRD / "recommendations.yaml", "\n# a comment\n"),
        [THIRD], [THIRD]),
    "report.yaml": (lambda r: _retitle(r, THIRD), [THIRD], [THIRD]),
    "a Welsh translation": (lambda r: _append(r / "content/reports" / SCHOOL / "cy" / "summary.md", "\nUn frawddeg arall.\n"),
                            [SCHOOL], [SCHOOL]),
    "site_config.yaml": (lambda r: _append(r / "site_config.yaml", "\n# a comment\n"), ALL, ALL),
    "a number of a report another cites": (_new_number, [EARLIER], [EARLIER, SCHOOL]),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_an_edit_reads_again_what_it_changes_and_only_that(root: Path, edit: str) -> None:
    change, reread, reparsed = EDITS[edit]
    cached(root)
    change(root)
    got, stats = cached(root)
    assert sorted(stats.loaded) == reread
    assert sorted(stats.load_hits) == sorted(set(ALL) - set(reread))
    assert sorted(stats.parsed) == reparsed
    assert sorted(stats.parse_hits) == sorted(set(ALL) - set(reparsed))
    assert_same(got, plain(root))
    again, stats = cached(root)  # and what was made afresh is kept
    assert stats.parse_hits == ALL
    assert_same(again, got)


def test_the_day_the_trackers_are_computed_for_is_part_of_the_key(root: Path) -> None:
    import datetime as dt

    cached(root)
    problems = Problems()
    stats = load_parsed(root, problems, as_of=dt.date(2030, 1, 1)).stats
    assert sorted(stats.loaded) == ALL


@pytest.mark.parametrize("library", ["PyYAML", "markdown-it-py", "mdit-py-plugins"])
def test_a_new_version_of_a_library_reads_everything_again(root: Path, monkeypatch, library: str) -> None:
    import importlib.metadata

    from scrutiny import reportcache

    cached(root)
    real = importlib.metadata.version
    monkeypatch.setattr(reportcache.importlib.metadata, "version",
                        lambda name: "99.0" if name == library else real(name))
    _got, stats = cached(root)
    assert sorted(stats.loaded) == ALL and sorted(stats.parsed) == ALL


@pytest.mark.parametrize("damage", ["garbage", "cut short", "empty", "a parse cut short"])
def test_a_damaged_entry_is_ignored_and_rebuilt(root: Path, damage: str) -> None:
    import pickle

    cached(root)
    entry = next((root / ".cache" / "reports" / SCHOOL).glob("*.pickle"))
    data = entry.read_bytes()
    if damage == "garbage":
        entry.write_bytes(b"not a pickle at all")
    elif damage == "cut short":
        entry.write_bytes(data[: len(data) // 2])
    elif damage == "empty":
        entry.write_bytes(b"")
    else:  # the outer pickle reads, the token streams inside it do not
        kind, key, folder, meta, tokens = pickle.loads(data)
        entry.write_bytes(pickle.dumps((kind, key, folder, meta, tokens[: len(tokens) // 2])))
    got, stats = cached(root)
    assert stats.ignored == [SCHOOL]
    assert SCHOOL in stats.parsed
    assert_same(got, plain(root))
    _, stats = cached(root)
    assert stats.parse_hits == ALL and not stats.ignored


def _break(root: Path) -> None:
    """Problems of each kind: loading (report.yaml), a reference (in a section), a translation."""
    _append(root / "content/reports" / THIRD / "report.yaml", "\nno_such_field: 1\n")
    _append(root / "content/reports" / SCHOOL / "summary.md", "\nSee [this](rec:earlier-review/99) and [that](rec:no-such-review/1).\n")
    _append(root / "content/reports" / SCHOOL / "cy" / "summary.md", "\nParagraff newydd.\n")


def test_problems_are_the_same_with_and_without_the_cache(root: Path) -> None:
    _break(root)
    expected = plain(root)[3]
    assert len(expected) >= 3
    for _ in range(2):  # cold, then from the cache
        got, _stats = cached(root)
        assert got[3] == expected
        with pytest.raises(ContentError) as err:
            gather(root)
        assert err.value.problems == expected
    assert sorted(_stats.parse_hits) == ALL  # a report with problems is kept, with its problems


def test_a_link_to_a_missing_report_is_checked_again_when_the_report_appears(root: Path) -> None:
    _append(root / "content/reports" / THIRD / "body.md", "\nSee [the new review](rec:new-review/1).\n")
    first, _ = cached(root)
    assert any("new-review" in p.message for p in first[3])
    reports = root / "content" / "reports"
    shutil.copytree(reports / EARLIER, reports / "new-review")
    got, stats = cached(root)
    assert "new-review" in stats.parsed
    shutil.rmtree(reports / "new-review")  # and its entry goes with it
    cached(root)
    assert not (root / ".cache" / "reports" / "new-review").exists()
    shutil.copytree(reports / EARLIER, reports / "new-review")
    got, stats = cached(root)
    assert THIRD in stats.parsed  # its "did you mean" went through every report
    assert_same(got, plain(root))
    assert not any("new-review" in p.message for p in got[3])


@pytest.mark.parametrize("use_cache", [False, True])
def test_the_workers_give_what_one_process_gives(root: Path, monkeypatch, use_cache: bool) -> None:
    results = []
    for jobs in ("1", "2"):
        monkeypatch.setenv("SCRUTINY_JOBS", jobs)
        shutil.rmtree(root / ".cache", ignore_errors=True)
        problems = Problems()
        loaded = load_parsed(root, problems, cache=use_cache)
        results.append((loaded.content, loaded.parsed, loaded.translated, sorted(set(problems.items))))
        if use_cache:  # and the entries the workers wrote are read back the same
            again = load_parsed(root, Problems())
            assert again.stats.parse_hits == ALL
            assert again.parsed == loaded.parsed and again.content == loaded.content
    assert_same(results[1], results[0])
    assert_same(results[0], plain(root))


def test_without_the_cache_nothing_is_written(root: Path, monkeypatch) -> None:
    monkeypatch.setenv("SCRUTINY_REPORT_CACHE", "0")
    _got, stats = cached(root)
    assert sorted(stats.loaded) == ALL
    assert not (root / ".cache" / "reports").exists()


# --- the drawings of table charts ----------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_table_chart_is_drawn_once_ever(tmp_path: Path, monkeypatch, jobs: str) -> None:
    """The check draws every chart (over every core) as the site stage draws it, wide and
    narrow, into .cache/table-charts; the site stage, and any later run, draws none again."""
    from dataclasses import replace

    from scrutiny.render.chart import ChartStyle, TABLE_CHART_NARROW, chart_svg

    monkeypatch.setenv("SCRUTINY_JOBS", jobs)
    root = with_chart(copy_fixture(tmp_path))
    shutil.copytree(root / "content" / "reports" / "school-transport-review",
                    root / "content" / "reports" / "second-review")  # two charts: the workers draw them
    draws: list[str] = []
    real = chart_module.draw_svg
    monkeypatch.setattr(chart_module, "draw_svg", lambda spec: draws.append(spec) or real(spec))
    monkeypatch.setattr(chart_module, "_svg_cache", None)
    chart_module._render.cache_clear()
    pub = gather(root)
    files = sorted((root / ".cache" / "table-charts").glob("*.svg"))
    assert len(files) == 2  # the same table in both reports: one drawing, wide and narrow
    assert len(draws) == (2 if jobs == "1" else 0)  # with workers, they drew them
    seen = len(draws)
    table = next(t for r in pub.reports for t in r.tables if t.chart)
    style = ChartStyle.of(pub.config.brand)
    chart_module._render.cache_clear()
    wide = chart_svg(table, style)  # the site stage's two drawings: from the cache
    chart_svg(table, style, TABLE_CHART_NARROW)
    assert len(draws) == seen
    chart_module._render.cache_clear()  # a new run: nothing drawn
    gather(root)
    assert chart_svg(table, style) == wide
    assert len(draws) == seen
    for damaged in files:  # a damaged drawing is drawn again, never used
        damaged.write_text('<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.org/x.png"/></svg>')
    chart_module._render.cache_clear()
    monkeypatch.setattr(chart_module, "_svg_cache", root / ".cache" / "table-charts")
    assert chart_svg(table, style) == wide
    assert len(draws) == seen + 1
    chart_module._render.cache_clear()  # another table (other rows) is another drawing
    chart_svg(replace(table, rows=table.rows[:1]), style)
    assert len(draws) == seen + 2


def test_a_warm_load_keeps_each_reports_token_streams_packed_until_one_is_read(root: Path) -> None:
    """An unchanged report's parse comes from the cache with its keys (section slugs, the
    report's own Markdown fields) and its streams still bytes: a build after one edit
    reads one report's streams, not every report's. Reading one section unpacks that
    report's sections only, and gives the tokens a cold parse gives."""
    import pickle

    from scrutiny.markdown.packed import Streams
    from scrutiny.markdown.pipeline import _fields

    _, e_parsed, _, _ = plain(root)
    cached(root)
    (content, parsed, translated, _), stats = cached(root)
    assert stats.parse_hits == ALL
    docs = [*parsed.values(), *(d for by_id in translated.values() for d in by_id.values())]
    assert docs and all(isinstance(d.sections, Streams) and isinstance(d.fields, Streams) for d in docs)
    for rid, doc in parsed.items():
        assert list(doc.sections) == list(e_parsed[rid].sections) and len(doc.fields) == len(e_parsed[rid].fields)
        report = next(r for r in content.reports if r.id == rid)
        own = {id(md) for md in _fields(report)}
        assert all(id(md) in own for md in doc.fields), "the fields are keyed by the report's own Markdown"
    assert not any(d.sections.unpacked or d.fields.unpacked for d in docs), "looking at the keys unpacked nothing"
    school = parsed[SCHOOL]
    slug = list(school.sections)[-1]
    assert school.sections[slug] == e_parsed[SCHOOL].sections[slug]
    assert school.sections.unpacked and not school.fields.unpacked
    assert not any(d.sections.unpacked or d.fields.unpacked for d in docs if d is not school)
    copy = pickle.loads(pickle.dumps(parsed[THIRD].fields))  # a worker's copy: still packed, the same streams
    assert not copy.unpacked and dict(copy) == dict(e_parsed[THIRD].fields)


def test_a_fields_plain_text_is_read_without_unpacking_its_streams(root: Path) -> None:
    """The trackers, the open data and the page keys read every recommendation's words as
    plain text: a warm load has them packed beside the keys, the same as the tokens give."""
    from scrutiny.markdown.plain import plain_text
    from scrutiny.publication import Publication

    _, e_parsed, _, _ = plain(root)
    cached(root)
    (content, parsed, _, _), _ = cached(root)
    pub = Publication(content, parsed)
    for report in content.reports:
        for rec in report.recommendations:
            assert pub.plain(rec.text) == plain_text(e_parsed[report.id].fields[rec.text]) != ""
    assert not any(d.fields.unpacked for d in parsed.values())
