"""Only what changed is re-exported: the cache is keyed on each report's inputs."""

from __future__ import annotations

from pathlib import Path

from scrutiny.build import build
from tests.conftest import copy_fixture, with_formats

#: The cache is the same for every format; two quick ones show it per format and report.
CHEAP_FORMATS = "data, txt"


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_rebuild_after_editing_one_report_re_exports_only_that_report(tmp_path: Path):
    root = with_formats(copy_fixture(tmp_path), CHEAP_FORMATS)
    first = build(root, root / "site")
    formats = {f for f, _ in first.exported}
    assert {r for _, r in first.exported} == {"school-transport-review", "earlier-review"}
    before = snapshot(root / "site")

    again = build(root, root / "site")
    assert again.exported == []
    assert snapshot(root / "site") == before, "cached files must be byte-identical"

    body = root / "content/reports/earlier-review/body.md"
    body.write_text(body.read_text() + "\nA sentence added in an edit.\n")
    edited = build(root, root / "site")
    assert sorted(edited.exported) == sorted((f, "earlier-review") for f in formats)


def test_config_change_re_exports_everything(tmp_path: Path):
    root = with_formats(copy_fixture(tmp_path), CHEAP_FORMATS)
    first = build(root, root / "site")
    config = root / "site_config.yaml"
    config.write_text(config.read_text().replace("as_of: 2024-03-31", "as_of: 2024-04-30"))
    assert sorted(build(root, root / "site").exported) == sorted(first.exported)


def test_renaming_another_report_re_exports_the_reports_that_may_link_to_it(tmp_path: Path):
    root = with_formats(copy_fixture(tmp_path), CHEAP_FORMATS)
    first = build(root, root / "site")
    report = root / "content/reports/earlier-review/report.yaml"
    report.write_text(report.read_text().replace("title: Earlier Review of Transport", "title: First Review of Transport"))
    assert sorted(build(root, root / "site").exported) == sorted(first.exported)
