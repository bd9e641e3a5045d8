"""Shared fixtures: the project root and copies of the scenario fixtures, and
:func:`needs_tool`, the one way a test says it needs a system tool."""

from __future__ import annotations

import os
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
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns(".cache", "site", ".site-builds"))
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


@pytest.fixture
def started(monkeypatch) -> list[list[str]]:
    """The command of every process started from here on (the writer's detached removers
    among them), each started as it would be."""
    import subprocess

    commands: list[list[str]] = []
    real = subprocess.Popen

    def popen(args, **kwargs):
        commands.append(list(args))
        return real(args, **kwargs)
    monkeypatch.setattr(subprocess, "Popen", popen)
    return commands


def walk(folder: Path, pattern: str = "*") -> list[Path]:
    """Every path under ``folder`` that matches ``pattern`` (as ``rglob`` finds them, but
    through symbolic links to folders: a site's report folders are such links, to the
    folders the builds share, see scrutiny.units), sorted."""
    found = []
    for top, dirs, files in os.walk(folder, followlinks=True):
        for name in (*dirs, *files):
            path = Path(top, name)
            if path.relative_to(folder).match(pattern):
                found.append(path)
    return sorted(found)


def stray_units(out: Path) -> list[str]:
    """What the builds folder's ``units/`` holds that the published version does not use: a
    report folder it does not link to, or another version's record (none, when the builds
    clean up after themselves). Raises if the version links to no report folder at all."""
    builds = out.parent / f".{out.name}-builds"
    units = builds / "units"
    version = os.path.realpath(out)
    linked = set()
    for top, dirs, _ in os.walk(version):  # not through the links: each is a folder of units/
        for name in dirs:
            real = os.path.realpath(os.path.join(top, name))
            if os.path.islink(os.path.join(top, name)) and real.startswith(str(units.resolve()) + os.sep):
                linked.add(real)
    assert linked, f"{out}: no report folder is a link into {units}"
    held = {os.path.realpath(v) for unit in units.iterdir() if unit.is_dir() for v in unit.iterdir()}
    records = {p.name for p in units.iterdir() if not p.is_dir()}
    return sorted((held - linked) | (records - {f"{Path(version).name}.record"}))


def site_files(out: Path) -> dict[str, bytes]:
    """Every file of a built site (path within it -> bytes)."""
    out = out.resolve()
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in walk(out) if p.is_file()}


def cold_builds(root: Path, tmp_path: Path, count: int = 2) -> list[dict[str, bytes]]:
    """Build the project at ``root`` ``count`` times, each from its own copy with an empty
    cache (a build reusing a cache would only copy its files back), and return every file
    of each site."""
    from scrutiny.build import build

    sites = []
    for n in range(count):
        copy = tmp_path / f"cold-{n}" / "project"
        shutil.copytree(root, copy, symlinks=True, ignore=lambda folder, names: [
            x for x in names if Path(folder) == root and (x in (".cache", "site") or x.startswith(".site"))])
        build(copy, copy / "site")
        sites.append(site_files(copy / "site"))
    return sites


def assert_same_files(first: dict[str, bytes], second: dict[str, bytes]) -> None:
    """The same files with the same bytes, naming those that differ."""
    assert sorted(first) == sorted(second)
    differ = [name for name in first if first[name] != second[name]]
    assert not differ, f"these files differ between two builds of the same input: {differ}"


# --- tests that need a system tool: skipped here, failed under CI=true ------------------------

#: How to install every tool a test may need (named when one is missing).
SETUP = "run ./run setup"


def in_ci() -> bool:
    """True on a CI runner (GitHub Actions, GitLab CI and .ci/run set CI=true)."""
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def missing(*tools: str | Path) -> list[str]:
    """The tools that are not here: a command not on the PATH, a file (Path) that does not exist."""
    return [str(t) for t in tools if not (Path(t).exists() if isinstance(t, Path) else shutil.which(t))]


def require(*tools: str | Path) -> None:
    """Inside a test or fixture: skip when a tool is missing, but fail under CI=true, where a
    skipped test would let CI pass without checking what the tool makes."""
    absent = missing(*tools)
    if not absent:
        return
    message = f"{', '.join(absent)} {'is' if len(absent) == 1 else 'are'} not installed: {SETUP}"
    if in_ci():
        pytest.fail(f"{message} (CI=true: a test that needs a missing tool fails instead of skipping)",
                    pytrace=False)
    pytest.skip(message)


def needs_tool(*tools: str | Path) -> pytest.MarkDecorator:
    """Mark a test, or a module (``pytestmark = needs_tool("espeak-ng", "lame")``), as needing
    system tools: commands looked up on the PATH, or files given as Paths. It skips when one is
    missing, and fails under CI=true (see :func:`require`)."""
    return pytest.mark.needs_tool(*tools)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "needs_tool(*tools): skipped when a tool is missing, failed under CI=true")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before any fixture is set up (a module's fixture may build with the very tool)."""
    tools = [tool for mark in item.iter_markers("needs_tool") for tool in mark.args]
    if tools:
        require(*dict.fromkeys(tools))
