"""A strict build for CI and no silent skips: ``--strict`` turns every warning of the build
into a failure that publishes nothing, and under ``CI=true`` a test that needs a missing
tool fails instead of skipping (:func:`tests.conftest.needs_tool`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import scrutiny.site.builder
import scrutiny.site.search
from scrutiny.build import SEARCH_SKIPPED, StrictError, build
from scrutiny.cli import main
from tests.conftest import ROOT, copy_fixture, site_files, with_formats

BRAILLE_SKIPPED = "skipped Braille (BRF): lou_translate not installed (install with: sudo scripts/install-system-packages.sh)"


def no_tools(tmp_path: Path) -> str:
    """A PATH on which no tool is found."""
    empty = tmp_path / "no-tools"
    empty.mkdir(exist_ok=True)
    return str(empty)


def run(*args: str, path: str | None = None, ci: bool | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if path is not None:
        env["PATH"] = path
    if ci:
        env["CI"] = "true"
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The fixture with the cheap formats and Braille."""
    return with_formats(copy_fixture(tmp_path), "data, txt, brf")


# --- build --strict and check --strict ------------------------------------------------------------

def test_without_strict_a_skipped_format_is_a_warning(project: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("PATH", no_tools(tmp_path))
    result = build(project, project / "site")
    assert result.skipped == [BRAILLE_SKIPPED]
    assert not any(name.endswith(".brf") for name in site_files(project / "site"))


def test_strict_fails_on_a_skipped_format_and_keeps_the_published_site(project: Path, tmp_path: Path, monkeypatch):
    assert build(project, project / "site", strict=True).skipped == []  # every tool here: strict passes
    published = site_files(project / "site")
    assert "reports/earlier-review/earlier-review.brf" in published
    monkeypatch.setenv("PATH", no_tools(tmp_path))
    with pytest.raises(StrictError) as err:
        build(project, project / "site", strict=True)
    assert err.value.warnings == [BRAILLE_SKIPPED]
    assert site_files(project / "site") == published, "a failed strict build must publish nothing"


def test_strict_fails_on_every_warning_of_every_stage(project: Path, tmp_path: Path, monkeypatch):
    """The site stage's warnings (here: no search indexer) count too, all listed together."""
    monkeypatch.setenv("PATH", no_tools(tmp_path))
    monkeypatch.setattr(scrutiny.site.builder, "pagefind_binary", lambda: None)
    with pytest.raises(StrictError) as err:
        build(project, tmp_path / "site", strict=True)
    assert err.value.warnings[0] == BRAILLE_SKIPPED
    assert err.value.warnings[1] == SEARCH_SKIPPED
    assert SEARCH_SKIPPED.startswith("skipped search index: the pagefind package is not installed")
    assert len(err.value.warnings) == 2
    assert not (tmp_path / "site").exists()


def test_strict_on_the_command_line(project: Path, tmp_path: Path):
    """build --strict and check --strict exit 1 listing each warning; without it, exit 0."""
    empty = no_tools(tmp_path)
    out = tmp_path / "out"
    strict = run("build.py", "--root", str(project), "build", "--out", str(out), "--strict", path=empty)
    assert strict.returncode == 1, strict.stderr
    assert "Traceback" not in strict.stderr
    assert strict.stderr.strip().splitlines()[-2:] == [
        f"warning: {BRAILLE_SKIPPED}",
        "1 warning with --strict; nothing was written (fix each, or build without --strict).",
    ]
    assert not out.exists() or not site_files(out)

    lenient = run("build.py", "--root", str(project), "build", "--out", str(out), path=empty)
    assert lenient.returncode == 0, lenient.stderr
    assert lenient.stderr.strip().splitlines()[-1] == f"warning: {BRAILLE_SKIPPED}"

    check = run("build.py", "--root", str(project), "check", "--strict", path=empty)
    assert check.returncode == 1 and "Traceback" not in check.stderr, check.stderr
    assert check.stderr.strip().splitlines() == [
        f"warning: {BRAILLE_SKIPPED}",
        "1 warning with --strict; nothing was written (fix each, or build without --strict).",
    ]
    assert run("build.py", "--root", str(project), "check", path=empty).returncode == 0
    assert run("build.py", "--root", str(project), "check", "--strict").returncode == 0


def test_check_strict_names_the_missing_search_indexer(project: Path, monkeypatch, capsys):
    monkeypatch.setattr(scrutiny.site.search, "pagefind_binary", lambda: None)
    assert main(["--root", str(project), "check"]) == 0
    capsys.readouterr()
    assert main(["--root", str(project), "check", "--strict"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == f"warning: {SEARCH_SKIPPED}"


def test_ci_builds_strict():
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert "./run build --strict" in lines and "export CI=true" in lines


# --- needs_tool: skipped here, failed under CI=true ----------------------------------------------

NEEDS = '''
from pathlib import Path

import pytest

from tests.conftest import needs_tool, require

@needs_tool("lou_translate")
def test_marked():
    pass


@needs_tool(Path("/no/such/tool-h5"))
def test_marked_with_a_file():
    pass


@pytest.fixture
def tool():
    require("espeak-ng")


def test_required_by_a_fixture(tool):
    pass
'''


def pytest_in(tmp_path: Path, ci: bool) -> subprocess.CompletedProcess:
    """Run NEEDS with no tool on the PATH, with our conftest as a plugin (the file is outside tests/)."""
    test = tmp_path / "suite" / "test_needs.py"
    test.parent.mkdir(exist_ok=True)
    test.write_text(NEEDS, encoding="utf-8")
    return run("-m", "pytest", "-p", "tests.conftest", "-p", "no:cacheprovider", "-c", os.devnull,
               "--rootdir", str(test.parent), "-rA", str(test), path=no_tools(tmp_path), ci=ci)


def test_needs_tool_skips_when_not_in_ci(tmp_path: Path):
    result = pytest_in(tmp_path, ci=False)
    assert result.returncode == 0, result.stdout
    assert "3 skipped" in result.stdout and "error" not in result.stdout.lower()
    assert "lou_translate is not installed: run ./run setup" in result.stdout


def test_needs_tool_fails_under_ci(tmp_path: Path):
    result = pytest_in(tmp_path, ci=True)
    assert result.returncode == 1, result.stdout
    assert "skipped" not in result.stdout and "3 errors" in result.stdout
    for tool in ("lou_translate", "/no/such/tool-h5", "espeak-ng"):
        assert f"{tool} is not installed: run ./run setup (CI=true: a test that needs a missing tool fails" \
            in result.stdout


@pytest.mark.parametrize("module, missing", [
    ("tests/formats/test_braille.py", "lou_translate is"),
    ("tests/formats/test_audio.py", "espeak-ng, lame are"),
    ("tests/formats/test_epub.py::test_epubcheck_finds_no_errors", "java is"),
])
def test_the_format_tests_fail_under_ci_without_their_tools(tmp_path: Path, module: str, missing: str):
    result = run("-m", "pytest", "-p", "no:cacheprovider", "-q", module, path=no_tools(tmp_path), ci=True)
    summary = result.stdout.strip().splitlines()[-1]
    assert result.returncode == 1 and "error" in summary and "skipped" not in summary, result.stdout
    assert f"{missing} not installed: run ./run setup" in result.stdout
