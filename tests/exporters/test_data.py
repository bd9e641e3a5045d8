"""The data export: CSV and JSON read back with their real readers, JSON checked
against the published JSON Schema."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from scrutiny.build import build
from tests.conftest import ROOT, copy_fixture


@pytest.fixture(scope="module")
def example_site(tmp_path_factory) -> Path:
    """The real example content, data format only (other formats have their own tests)."""
    root = tmp_path_factory.mktemp("example") / "project"
    import shutil
    shutil.copytree(ROOT / "content", root / "content")
    config = (ROOT / "site_config.yaml").read_text(encoding="utf-8")
    config = "\n".join("formats: [data]" if line.startswith("formats:") else line for line in config.splitlines())
    (root / "site_config.yaml").write_text(config, encoding="utf-8")
    build(root, root / "site")
    return root / "site"


def read_csv(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def test_worcestershire_export_lists_its_20_recommendations(example_site: Path):
    rows = read_csv(example_site / "reports/criteria-for-entry-into-care/recommendations.csv")
    assert [r["number"] for r in rows] == [str(n) for n in range(1, 21)]
    assert all(r["status"] == "" and r["position"] == "Awaiting response" and r["decision"] == "" for r in rows)
    assert all(r["response_due"] == "" and r["response_overdue"] == "no" for r in rows)
    data = json.loads((example_site / "reports/criteria-for-entry-into-care/recommendations.json").read_text())
    assert len(data["recommendations"]) == 20
    assert all(r["response"] is None for r in data["recommendations"])


def test_telford_export_carries_decisions_owners_and_dates(example_site: Path):
    rows = {r["number"]: r for r in read_csv(example_site / "reports/children-in-care-placement-strategy/recommendations.csv")}
    assert rows["1"]["decision"] == "Accepted"
    assert rows["1"]["response_date"] == "2013-06-27"
    assert "Partially accepted" in {r["decision"] for r in rows.values()}
    assert all(r["owners"] for r in rows.values())
    revised = [r for r in rows.values() if r["original_target"] != r["current_target"]]
    assert revised, "the August 2013 update moved some target dates"


def test_site_json_matches_its_schema(example_site: Path):
    schema = json.loads((example_site / "data/recommendations.schema.json").read_text())
    data = json.loads((example_site / "data/recommendations.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    assert len(data["recommendations"]) == 34
    assert data["as_of"] == "2014-11-30"


def test_site_csv_has_every_recommendation_with_absolute_urls(example_site: Path):
    rows = read_csv(example_site / "data/recommendations.csv")
    assert len(rows) == 34
    assert all(r["url"].startswith("https://scrutiny.example.org.uk/reports/") for r in rows)


def test_overdue_flags_follow_as_of(tmp_path: Path):
    root = copy_fixture(tmp_path)
    out = root / "site"
    build(root, out)
    rows = {r["number"]: r for r in read_csv(out / "reports/school-transport-review/recommendations.csv")}
    # as_of 2024-03-31: rec 1 was revised to March 2024 (due 31 March) so not yet overdue
    assert (rows["1"]["overdue"], rows["1"]["original_target"], rows["1"]["current_target"]) == ("no", "June 2023", "March 2024")
    assert rows["2"]["status"] == "Complete" and rows["2"]["overdue"] == "no"
    assert rows["3"]["status"] == "" and rows["3"]["position"] == "No action (rejected)"
    config = root / "site_config.yaml"
    config.write_text(config.read_text().replace("as_of: 2024-03-31", "as_of: 2024-04-01"))
    build(root, out)
    rows = {r["number"]: r for r in read_csv(out / "reports/school-transport-review/recommendations.csv")}
    assert rows["1"]["overdue"] == "yes"
    earlier = read_csv(out / "reports/earlier-review/recommendations.csv")
    assert earlier[0]["response_overdue"] == "yes"


def test_the_site_files_joined_from_each_reports_share_are_the_files_encoded_whole():
    """The site-wide JSON and CSV are joined from each report's share, encoded once and kept
    between builds (:class:`~scrutiny.exporters.data.SiteData`): the bytes are those of
    encoding every record at once, with a report of no recommendations among them, words
    outside ASCII and a note of several lines."""
    from dataclasses import replace

    from scrutiny.build import gather
    from scrutiny.exporters import data

    pub = gather(ROOT)
    empty = replace(pub.reports[0], id="no-recommendations", recommendations=())
    reports = [*pub.reports[:1], empty, *pub.reports[1:]]
    records = [[data.record(pub, r, rec) for rec in r.recommendations] for r in reports]
    rows = [[data.csv_row(pub, r, rec) for rec in r.recommendations] for r in reports]
    records[0][0]["text"] += "\nA second line,\n  and a third."
    rows[0][0]["text"] += "\nA second line, \"quoted\"."
    whole_json = data.json_bytes(pub, [x for rs in records for x in rs])
    assert any(ord(c) > 127 for c in whole_json.decode("utf-8"))
    assert data.json_joined(pub, [data.json_piece(rs) for rs in records]) == whole_json
    assert data.csv_joined(data.csv_piece(rs) for rs in rows) == data.csv_bytes(x for rs in rows for x in rs)
    assert data.json_joined(pub, [data.json_piece([])]) == data.json_bytes(pub, [])
    assert data.csv_joined([]) == data.csv_bytes([])
