"""Shared fixtures: the project root and copies of the scenario fixtures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MINIMAL = FIXTURES / "minimal"


def copy_fixture(tmp_path: Path, *overlays: Path) -> Path:
    """A copy of the minimal fixture with each overlay folder's files laid over it."""
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns(".cache", "site"))
    for overlay in overlays:
        shutil.copytree(overlay, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expected.txt"))
    return root


def with_formats(root: Path, formats: str) -> Path:
    """Limit a copied project to some formats (``"pdf"``, ``"txt, brf"``), so a test builds only its own."""
    config = root / "site_config.yaml"
    lines = config.read_text(encoding="utf-8").splitlines()
    config.write_text("\n".join(f"formats: [{formats}]" if line.startswith("formats:") else line for line in lines) + "\n",
                      encoding="utf-8")
    return root


#: A bar chart over the minimal fixture's "journeys" table.
CHART = {"mark": "bar", "encoding": {"x": {"field": "Year", "type": "ordinal"},
                                    "y": {"field": "Journeys", "type": "quantitative"}}}


def with_chart(root: Path, report_id: str = "school-transport-review") -> Path:
    """Give the report's first table (the fixture's "journeys") a bar chart."""
    path = root / f"content/reports/{report_id}/report.yaml"
    report = yaml.safe_load(path.read_text(encoding="utf-8"))
    report["tables"][0]["chart"] = CHART
    path.write_text(yaml.safe_dump(report, sort_keys=False), encoding="utf-8")
    return root


@pytest.fixture
def minimal_copy(tmp_path: Path) -> Path:
    return copy_fixture(tmp_path)
