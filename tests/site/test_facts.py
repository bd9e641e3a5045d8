"""Each report's share of the site-wide pages' keys, kept between builds (scrutiny.site.facts)."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

from scrutiny.build import build
from scrutiny.site.builder import FACTS
from scrutiny.site.facts import FORMAT, ReportFacts

from .conftest import project_copy


def counting():
    calls: list[str] = []

    def compute(value: str):
        def make() -> str:
            calls.append(value)
            return value
        return make
    return calls, compute


def test_a_fact_kept_under_the_same_key_is_not_worked_out_again(tmp_path: Path):
    calls, compute = counting()
    path = tmp_path / FACTS
    first = ReportFacts(path)
    assert first.get("shown", "a", "k1", compute("A")) == "A"
    assert first.get("shown", "a", "k1", compute("A again")) == "A"  # once per build
    assert first.get("shown", "b", "k2", compute("B")) == "B"
    first.save()
    second = ReportFacts(path)
    assert second.get("shown", "a", "k1", compute("not asked")) == "A"
    assert second.get("shown", "b", "k-changed", compute("B2")) == "B2"
    assert second.get("counts", "a", "k1", compute("C")) == "C"  # another fact of the same report
    assert calls == ["A", "B", "B2", "C"] and second.made == 2
    second.save()
    # what this build did not ask for (a removed report's) is not kept
    assert pickle.loads(path.read_bytes()) == (FORMAT, {("shown", "a"): ("k1", "A"), ("shown", "b"): ("k-changed", "B2"),
                                                        ("counts", "a"): ("k1", "C")})


def test_without_a_key_a_fact_is_worked_out_each_time_and_not_kept(tmp_path: Path):
    calls, compute = counting()
    facts = ReportFacts(tmp_path / FACTS)
    assert facts.get("shown", "a", None, compute("A")) == facts.get("shown", "a", None, compute("A")) == "A"
    facts.save()
    assert calls == ["A", "A"] and not (tmp_path / FACTS).exists()


def test_a_damaged_or_foreign_file_is_ignored(tmp_path: Path):
    calls, compute = counting()
    path = tmp_path / FACTS
    for content in (b"cut sh", pickle.dumps(("report-facts-0", {("shown", "a"): ("k1", "old")})), pickle.dumps([1, 2, 3])):
        path.write_bytes(content)
        facts = ReportFacts(path)
        assert facts.get("shown", "a", "k1", compute("new")) == "new"
        facts.save()
        assert ReportFacts(path).get("shown", "a", "k1", compute("unused")) == "new"
    assert calls == ["new"] * 3


FACTS_LINE = re.compile(r"^site: .*; facts (\d+) of (\d+) worked out")


def facts_made(root: Path) -> tuple[int, int]:
    lines: list[str] = []
    build(root, root / "site", log=lines.append)
    found = [m for line in lines if (m := FACTS_LINE.match(line))]
    assert len(found) == 1, lines
    return int(found[0][1]), int(found[0][2])


def test_a_build_works_out_only_the_changed_reports_facts(tmp_path: Path):
    """The minimal fixture's two reports, three facts each (the shown key, the views' counts,
    what lists of reports say of it): a cold build works out six, an edit to one report's
    section its three, and a build with nothing changed none; an edit to the site's
    configuration all of them again."""
    root = project_copy(tmp_path)
    assert facts_made(root) == (6, 6)
    findings = root / "content/reports/school-transport-review/findings.md"
    findings.write_text(findings.read_text(encoding="utf-8").replace("the", "the very", 1), encoding="utf-8")
    assert facts_made(root) == (3, 6)
    assert facts_made(root) == (0, 6)
    config = root / "site_config.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace('phone: "01234 567890"', 'phone: "01234 567891"'),
                      encoding="utf-8")
    assert facts_made(root) == (6, 6)
