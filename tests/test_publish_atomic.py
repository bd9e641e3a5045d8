"""The publish is atomic and locked: a build killed (SIGKILL, a real subprocess) at any
step leaves the site as the old or the new complete build, never missing or mixed; the
next build removes what it left; two builds at once into one folder take turns."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scrutiny.build import build
from tests.conftest import ROOT, copy_fixture, stray_units, with_formats, walk

#: Runs a build that kills itself with SIGKILL at its Nth step (0: never), or sleeps there
#: (a negative N). A step is a file the writer writes, or a file-system call (rename,
#: link, sync, removal) made while the writer sets up or publishes. At exit it prints
#: how many steps there were and how many came before the publish.
DRIVER = r"""
import os, shutil, signal, sys, time
from pathlib import Path
sys.path.insert(0, os.getcwd())
import scrutiny.writer as writer
from scrutiny.build import build

at, steps, inside, before_commit = int(sys.argv[3]), 0, 0, 0

def step():
    global steps
    steps += 1
    if steps == abs(at):
        if at > 0:
            os.kill(os.getpid(), signal.SIGKILL)
        time.sleep(3)

def counted(fn, always=False):
    def wrapper(*args, **kwargs):
        if always or inside:
            step()
        return fn(*args, **kwargs)
    return wrapper

def phase(fn, commit=False):
    def wrapper(*args, **kwargs):
        global inside, before_commit
        if commit:
            before_commit = steps
        inside += 1
        try:
            return fn(*args, **kwargs)
        finally:
            inside -= 1
    return wrapper

def quietly(fn):
    def wrapper(*args, **kwargs):
        global inside
        saved, inside = inside, 0
        try:
            return fn(*args, **kwargs)
        finally:
            inside = saved
    return wrapper

writer.OutputWriter._target = counted(writer.OutputWriter._target, always=True)  # a file written or linked
writer.OutputWriter.__init__ = phase(writer.OutputWriter.__init__)
writer.OutputWriter.commit = phase(writer.OutputWriter.commit, commit=True)
for name in ("rename", "replace", "symlink", "fsync", "unlink", "rmdir", "mkdir"):
    setattr(os, name, counted(getattr(os, name)))
shutil.rmtree = counted(quietly(shutil.rmtree))  # one step, not one per file it removes
build(Path(sys.argv[1]), Path(sys.argv[2]))
print(steps, before_commit)
"""


def run_build(root: Path, out: Path, at: int = 0) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", DRIVER, str(root), str(out), str(at)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in walk(site) if p.is_file()}


def leftovers(out: Path) -> list[str]:
    """What is beside the published folder other than it and its versions' folder, and in
    that folder; its report folders (``units/``) must be those the published version links
    to, with its record, and nothing else."""
    names = sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}"))
    versions = sorted(p.name for p in (out.parent / f".{out.name}-builds").iterdir())
    assert stray_units(out) == []
    return names + versions


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """A project with its old site (A) and the new one (B) its current content builds."""
    base = tmp_path_factory.mktemp("atomic")
    root = with_formats(copy_fixture(base), "data")
    scratch = base / "scratch" / "site"
    build(root, scratch)
    old = snapshot(scratch)
    body = root / "content" / "reports" / "earlier-review" / "body.md"
    body.write_text(body.read_text(encoding="utf-8") + "\nA paragraph added since the last build.\n", encoding="utf-8")
    build(root, scratch)
    new = snapshot(scratch)
    assert old != new
    return root, old, new


def old_site(root: Path, out: Path) -> None:
    """Publish the old site A into ``out``."""
    body = root / "content" / "reports" / "earlier-review" / "body.md"
    text = body.read_text(encoding="utf-8")
    body.write_text(text.replace("\nA paragraph added since the last build.\n", ""), encoding="utf-8")
    try:
        build(root, out)
    finally:
        body.write_text(text, encoding="utf-8")


def test_a_build_killed_at_any_step_leaves_the_old_or_the_new_site(project, tmp_path: Path):
    root, old, new = project
    out = tmp_path / "site"
    old_site(root, out)
    counting = run_build(root, out)
    stdout, stderr = counting.communicate(timeout=120)
    assert counting.returncode == 0, stderr
    steps, writing = map(int, stdout.split()[-2:])
    assert snapshot(out) == new and 0 < writing < steps
    # every step of the publish, the set-up, and file writes spread over the build
    points = sorted({*range(writing, steps + 1), 1, 2, writing // 4, writing // 2, 3 * writing // 4})
    seen = set()
    for at in points:
        old_site(root, out)
        killed = run_build(root, out, at)
        killed.communicate(timeout=120)
        assert killed.returncode == -9, f"step {at} of {steps}: the build was not killed"
        assert out.is_symlink() or out.is_dir(), f"killed at step {at} of {steps}: no site"
        now = snapshot(out)
        assert now in (old, new), f"killed at step {at} of {steps}: a mixed or partial site"
        seen.add("new" if now == new else "old")
    assert seen == {"old", "new"}  # the kill points span the switch
    final = run_build(root, out)
    assert final.communicate(timeout=120)[0] and final.returncode == 0
    assert snapshot(out) == new
    assert leftovers(out) == [".site-builds", final_version(out), "lock", "units"], "stale temporaries were left"


def final_version(out: Path) -> str:
    return Path(os.readlink(out)).name


def test_a_site_from_before_versioned_folders_survives_a_kill_while_migrated(project, tmp_path: Path):
    root, old, new = project
    out = tmp_path / "site"
    old_site(root, tmp_path / "built")

    def legacy() -> None:
        subprocess.run(["rm", "-rf", str(out), str(tmp_path / ".site-builds")], check=True)
        subprocess.run(["cp", "-rL", str(tmp_path / "built"), str(out)], check=True)  # a real folder
        (out / ".scrutiny-build").unlink(missing_ok=True)  # as built before the marker existed

    legacy()
    counting = run_build(root, out)
    steps, writing = map(int, counting.communicate(timeout=120)[0].split()[-2:])
    assert snapshot(out) == new
    for at in range(writing + 1, steps + 1):
        legacy()
        killed = run_build(root, out, at)
        killed.communicate(timeout=120)
        assert killed.returncode == -9
        now = snapshot(out) if out.exists() else None
        assert now is not None, f"killed at step {at} of {steps} while migrating: no site"
        assert now in (unmarked(old), new), f"killed at step {at} of {steps} while migrating: a mixed site"


def unmarked(site: dict[str, bytes]) -> dict[str, bytes]:
    return {rel: data for rel, data in site.items() if rel != ".scrutiny-build"}


def test_two_builds_at_once_take_turns(project, tmp_path: Path):
    root, old, new = project
    out = tmp_path / "site"
    old_site(root, out)
    first = run_build(root, out, -3)  # holds the lock, sleeping at its third file
    lock = tmp_path / ".site-builds" / "lock"
    deadline = time.monotonic() + 60
    while not (lock.exists() and lock.read_text().strip() == str(first.pid)):
        assert time.monotonic() < deadline and first.poll() is None, first.communicate()
        time.sleep(0.05)
    second = run_build(root, out)
    (_, err1), (_, err2) = first.communicate(timeout=120), second.communicate(timeout=120)
    assert first.returncode == 0 and second.returncode == 0, err1 + err2
    assert snapshot(out) == new
    assert leftovers(out) == [".site-builds", final_version(out), "lock", "units"]
    assert final_version(out) == "3"  # old site 1, first build 2, second build 3: one after the other


def test_a_second_build_says_it_is_waiting(project, tmp_path: Path):
    root, _old, _new = project
    out = tmp_path / "site"
    first = run_build(root, out, -3)
    lock = tmp_path / ".site-builds" / "lock"
    deadline = time.monotonic() + 60
    while not (lock.exists() and lock.read_text().strip() == str(first.pid)):
        assert time.monotonic() < deadline and first.poll() is None
        time.sleep(0.05)
    messages: list[str] = []
    build(root, out, log=messages.append)
    first.communicate(timeout=120)
    assert f"waiting for the build of process {first.pid} to finish writing {out}" in messages
