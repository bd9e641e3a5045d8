"""The benchmark's generator makes valid, reproducible content (no timings asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scrutiny.build import gather

ROOT = Path(__file__).resolve().parents[2]
GENERATE = ROOT / "bench" / "generate.py"


def generate(out: Path, reports: int = 3, seed: int = 1) -> Path:
    subprocess.run([sys.executable, str(GENERATE), "--reports", str(reports), "--out", str(out), "--seed", str(seed)],
                   check=True, capture_output=True, text=True)
    return out


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generated_content_passes_every_check(tmp_path):
    pub = gather(generate(tmp_path / "council"))  # raises ContentError listing any problem
    assert len(pub.content.reports) == 3
    for report in pub.content.reports:
        assert 5 <= len(report.sections) <= 7
        assert 15 <= len(report.recommendations) <= 22
        assert pub.parsed[report.id].paragraph_count > 10
        assert pub.parsed[report.id].citations, f"{report.id} cites no recommendation"
        assert set(pub.parsed[report.id].placements) == {r.number for r in report.recommendations}


def test_same_seed_gives_identical_files(tmp_path):
    first = tree(generate(tmp_path / "a"))
    second = tree(generate(tmp_path / "b"))
    assert first == second
    assert first != tree(generate(tmp_path / "c", seed=2))


def test_rerun_into_the_same_folder_replaces_the_content(tmp_path):
    out = generate(tmp_path / "council", reports=3)
    generate(out, reports=2)
    assert len(list((out / "content" / "reports").iterdir())) == 2


def test_refuses_to_replace_content_it_did_not_make(tmp_path):
    (tmp_path / "content" / "reports").mkdir(parents=True)
    result = subprocess.run([sys.executable, str(GENERATE), "--reports", "1", "--out", str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert "was not made by bench/generate.py" in result.stderr
    assert (tmp_path / "content" / "reports").is_dir()
