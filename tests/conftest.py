"""Shared fixtures: the project root and copies of the scenario fixtures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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


@pytest.fixture
def minimal_copy(tmp_path: Path) -> Path:
    return copy_fixture(tmp_path)
