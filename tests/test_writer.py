"""The one writer: refuses duplicates and escapes; publishes by switching a link to a new
version folder in one rename, locked, cleaning what killed builds left."""

from __future__ import annotations

import codecs
import errno
import fcntl
import io
import os
import shutil
import stat
import threading
import time
from pathlib import Path

import pytest

from scrutiny import writer
from scrutiny.writer import (MARKER, Folder, OutputError, OutputWriter, UnsafeOutput, canonical, existing_problem,
                             output_problems, text_stream)


def published(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text() for p in sorted(site.rglob("*")) if p.is_file()}


def publish(site: Path, files: dict[str, str]) -> OutputWriter:
    w = OutputWriter(site)
    for rel, text in files.items():
        w.write(rel, text)
    w.commit()
    return w


def test_refuses_to_write_a_file_twice(tmp_path: Path):
    w = OutputWriter(tmp_path / "site")
    w.write("a/index.html", "one")
    with pytest.raises(OutputError, match="already written"):
        w.write("a/index.html", "two")
    w.abort()


@pytest.mark.parametrize("rel", ["../outside.txt", "/etc/passwd", "a/../../x", ""])
@pytest.mark.parametrize("how", ["write", "link"])
def test_refuses_paths_outside_the_output(tmp_path: Path, rel: str, how: str):
    source = tmp_path / "page.html"
    source.write_text("x", encoding="utf-8")
    w = OutputWriter(tmp_path / "site")
    with pytest.raises(OutputError, match="outside"):
        w.write(rel, "x") if how == "write" else w.link(rel, source, 1)
    w.abort()
    assert not (tmp_path / "outside.txt").exists()


def test_links_plain_and_unusual_paths_once_each_and_knows_their_sizes(tmp_path: Path):
    """A link's path is made without pathlib when it is plain; one with ``//`` or ``./``
    goes the careful way and lands where pathlib puts it; a second link of a path is refused."""
    source = tmp_path / "page.html"
    source.write_text("hello", encoding="utf-8")
    w = OutputWriter(tmp_path / "site")
    w.link("reports/a/index.html", source, 5)
    w.link("reports/a/recs/1/index.html", str(source))
    w.link("reports//b/./index.html", source)
    with pytest.raises(OutputError, match="already written"):
        w.link("reports/a/index.html", source, 5)
    w.commit()
    site = tmp_path / "site"
    for rel in ("reports/a/index.html", "reports/a/recs/1/index.html", "reports/b/index.html"):
        assert (site / rel).read_text(encoding="utf-8") == "hello"
        assert os.stat(site / rel).st_ino == source.stat().st_ino, f"{rel}: not a hard link"
    assert w.written == {"reports/a/index.html": 5, "reports/a/recs/1/index.html": 5, "reports//b/./index.html": 5}


def test_commit_switches_a_link_to_the_new_version_and_removes_the_old_one(tmp_path: Path):
    site = tmp_path / "site"
    publish(site, {"old.html": "old"})
    assert site.is_symlink() and os.readlink(site) == ".site-builds/1"
    w = OutputWriter(site)
    w.write("new.html", "new")
    assert published(site) == {MARKER: published(site)[MARKER], "old.html": "old"}  # unchanged until commit
    w.commit()
    assert site.is_symlink() and os.readlink(site) == ".site-builds/2"  # relative: the project can move
    assert sorted(published(site)) == [MARKER, "new.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site-builds", "site"]
    assert sorted(p.name for p in (tmp_path / ".site-builds").iterdir()) == ["2", "lock"]


def test_the_published_folder_is_readable_by_a_web_server(tmp_path: Path):
    """A temporary folder is private (0700); the published one must not be."""
    site = tmp_path / "site"
    publish(site, {"index.html": "home"})
    mode = stat.S_IMODE(os.stat(site).st_mode)
    assert mode & 0o055 == 0o055 & ~current_umask(), oct(mode)


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_abort_keeps_the_published_site_and_leaves_nothing(tmp_path: Path):
    site = tmp_path / "site"
    publish(site, {"index.html": "published"})
    w = OutputWriter(site)
    w.write("index.html", "half-built")
    w.abort()
    assert published(site)["index.html"] == "published"
    assert sorted(p.name for p in (tmp_path / ".site-builds").iterdir()) == ["1", "lock"]


def test_a_site_from_before_versioned_folders_is_migrated_once(tmp_path: Path):
    site = tmp_path / "site"
    (site / "data").mkdir(parents=True)
    (site / "index.html").write_text("old home")
    (site / "data" / "recommendations.json").write_text("[]")
    publish(site, {"index.html": "new home"})
    assert site.is_symlink()
    assert sorted(published(site)) == [MARKER, "index.html"] and published(site)["index.html"] == "new home"
    assert sorted(p.name for p in (tmp_path / ".site-builds").iterdir()) == ["1", "lock"]


@pytest.mark.parametrize("make", ["foreign folder", "file", "foreign link"])
def test_refuses_a_target_that_is_not_a_build_and_touches_nothing(tmp_path: Path, make: str):
    site = tmp_path / "site"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "notes.txt").write_text("precious")
    if make == "foreign folder":
        site.mkdir()
        (site / "notes.txt").write_text("precious")
    elif make == "file":
        site.write_text("precious")
    else:
        site.symlink_to(elsewhere)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    with pytest.raises(UnsafeOutput, match="not a folder|not a previous build|not a build"):
        OutputWriter(site)
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    assert (elsewhere / "notes.txt").read_text() == "precious"


def test_what_killed_builds_left_is_removed_by_the_next_one(tmp_path: Path):
    site = tmp_path / "site"
    publish(site, {"index.html": "v1"})
    builds = tmp_path / ".site-builds"
    (builds / "7").mkdir()  # a version a killed build was writing
    (builds / "7" / "index.html").write_text("half")
    os.symlink(".site-builds/7", builds / "link-7")  # a link it had not yet switched
    (tmp_path / ".site-new-abc12345").mkdir()  # temporaries of the two-rename swap before this one
    (tmp_path / ".site-old-def_4567" / "site").mkdir(parents=True)
    w = OutputWriter(site)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site-builds", "site"]
    assert sorted(p.name for p in builds.iterdir()) == ["1", "2", "lock"]  # the current one is kept
    assert published(site)["index.html"] == "v1"
    w.abort()


def test_a_build_that_removes_later_leaves_an_unfinished_removal_to_a_process_of_its_own(tmp_path: Path, monkeypatch):
    """The previous build's remover may still be at its version when the next build starts
    (a rebuild right after a build of 77,000 files): that build does not remove it itself,
    it starts another detached remover and goes on; the folder goes all the same."""
    site = tmp_path / "site"
    publish(site, {"index.html": "v1"})
    trash = tmp_path / ".site-builds" / "trash-0"
    (trash / "deep" / "er").mkdir(parents=True)
    (trash / "deep" / "er" / "page.html").write_text("old")
    removed_here: list[str] = []
    real = writer.shutil.rmtree

    def rmtree(path, *args, **kwargs):
        removed_here.append(str(path))
        return real(path, *args, **kwargs)
    monkeypatch.setattr(writer.shutil, "rmtree", rmtree)
    w = OutputWriter(site, remove_later=True)
    assert not any("trash-0" in p for p in removed_here), "the build removed the trash itself"
    w.abort()
    deadline = time.monotonic() + 30
    while trash.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not trash.exists()
    OutputWriter(site).abort()  # without remove_later, the build removes it itself, as before
    assert published(site)["index.html"] == "v1"


def test_the_previous_version_can_be_removed_after_the_lock_is_released(tmp_path: Path):
    """``build.py build`` returns once the new site is published: the previous version is
    renamed aside at once and removed by a detached process; the site is never without it."""
    site = tmp_path / "site"
    publish(site, {"index.html": "v1", "a/b.html": "old"})
    builds = tmp_path / ".site-builds"
    w = OutputWriter(site, remove_later=True)
    w.write("index.html", "v2")
    w.commit()
    assert published(site)["index.html"] == "v2" and "a/b.html" not in published(site)
    assert "1" not in {p.name for p in builds.iterdir()}, "the previous version was left in place"
    assert w.remover is not None and w.remover.wait(timeout=60) == 0
    assert sorted(p.name for p in builds.iterdir()) == ["2", "lock"]
    # a remover that did not finish (the machine stopped): the next build removes its folder
    (builds / "trash-9" / "x").mkdir(parents=True)
    w = OutputWriter(site)
    assert sorted(p.name for p in builds.iterdir()) == ["2", "3", "lock"]
    w.abort()
    # without remove_later, the build itself removes it before returning
    w = publish(site, {"index.html": "v3"})
    assert w.remover is None and sorted(p.name for p in builds.iterdir()) == ["3", "lock"]


def test_scratch_folders_are_never_published_and_go_when_the_build_ends(tmp_path: Path, started):
    """A build's scratch folders (Pagefind's farms of linked pages) are beside the versions,
    on the same file system, each new; they are not in what is published, and go when
    the build ends: before it returns, when it fails, and in a detached process (the build
    does not wait for it) with ``remove_later``."""
    site = tmp_path / "site"
    builds = tmp_path / ".site-builds"
    w = OutputWriter(site)
    a, b = w.scratch(), w.scratch()
    assert a != b and a.parent == b.parent and a.parent.parent == builds and not list(a.iterdir())
    (a / "page.html").write_text("linked")
    os.link(a / "page.html", b / "page.html")
    w.write("index.html", "v1")
    w.commit()
    assert [rel for rel in published(site) if not rel.startswith(".")] == ["index.html"]
    assert sorted(p.name for p in builds.iterdir()) == ["1", "lock"]
    w = OutputWriter(site)
    kept = w.scratch()
    w.abort()
    assert not kept.parent.exists() and published(site)["index.html"] == "v1"
    w = OutputWriter(site, remove_later=True)
    later = w.scratch()
    (later / "deep").mkdir()
    w.write("index.html", "v2")
    w.commit()
    assert published(site)["index.html"] == "v2"
    assert [args[-1] for args in started if args[-1] == str(later.parent)], started
    deadline = time.monotonic() + 30
    while later.parent.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not later.parent.exists()


# --- what the first mutation run of writer.py found untested (docs/mutation.md) ---------

def test_the_message_of_a_refused_target_is_the_whole_sentence(tmp_path: Path):
    site = tmp_path / "site"
    site.write_text("precious")
    with pytest.raises(UnsafeOutput) as err:
        OutputWriter(site)
    assert err.value.problems == [f"{site}: is a file, not a folder (choose a folder, such as site/)"]
    assert str(UnsafeOutput(["one", "two"])) == "one\ntwo"


def test_a_link_to_a_build_elsewhere_is_not_ours_to_replace(tmp_path: Path):
    """Replacing it would delete the folder it points to (the previous version)."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / MARKER).write_text("a build of another copy")
    site = tmp_path / "site"
    site.symlink_to(elsewhere)
    assert existing_problem(site) == (f"is a symbolic link to {elsewhere}, not a build of this tool "
                                      "(remove the link or choose another folder)")


def test_our_link_to_a_version_a_killed_build_removed_is_still_ours(tmp_path: Path):
    site = tmp_path / "site"
    publish(site, {"index.html": "v1"})
    shutil.rmtree(tmp_path / ".site-builds" / "1")
    assert existing_problem(site) == ""
    publish(site, {"index.html": "v2"})
    assert published(site)["index.html"] == "v2"


def test_the_target_is_named_through_the_real_folder_that_holds_it(tmp_path: Path):
    (tmp_path / "real").mkdir()
    (tmp_path / "alias").symlink_to(tmp_path / "real")
    assert canonical(tmp_path / "alias" / "site") == tmp_path.resolve() / "real" / "site"
    assert canonical(Path("/")) == Path("/")


def test_a_folder_that_holds_the_publishers_own_files_is_refused(tmp_path: Path):
    project, own = tmp_path / "project", tmp_path / "tool"
    (project / "content").mkdir(parents=True)
    (own / "templates").mkdir(parents=True)
    (own / "VERSION").write_text("1")
    why = "which the build would replace with the site (choose a folder of its own, such as site/)"
    assert output_problems(project, own, [own / "templates"]) == [
        f"--out {own}: holds the publisher's own {own / 'templates'}/, {why}"]
    assert output_problems(project, own / "VERSION", [own / "VERSION"]) == [
        f"--out {own / 'VERSION'}: is the publisher's own {own / 'VERSION'}, {why}"]
    assert output_problems(project, project / ".git") == [f"--out {project / '.git'}: is the project's .git, {why}"]


def test_writes_text_bytes_copies_and_deep_paths_and_knows_their_sizes(tmp_path: Path):
    site = tmp_path / "new" / "folders" / "site"  # its parents do not exist yet
    source = tmp_path / "logo.bin"
    source.write_bytes(b"\x89PNG\x00\xff")
    w = OutputWriter(site)
    w.write("a/b/c/page.html", "café")
    w.write("raw.bin", b"\x00\xff")
    w.copy("assets/x/logo.bin", source)
    with w.open("d/e/stream.bin") as fh:
        fh.write(b"12345")
    assert [w.size(rel) for rel in ("a/b/c/page.html", "raw.bin", "assets/x/logo.bin", "d/e/stream.bin")] == [5, 2, 6, 5]
    w.commit()
    assert (site / "a/b/c/page.html").read_bytes() == "café".encode("utf-8")
    assert (site / "raw.bin").read_bytes() == b"\x00\xff"
    assert (site / "assets/x/logo.bin").read_bytes() == b"\x89PNG\x00\xff"
    assert (site / "d/e/stream.bin").read_bytes() == b"12345"


def test_a_folder_view_writes_under_its_prefix(tmp_path: Path):
    w = OutputWriter(tmp_path / "site")
    Folder(w, "/reports/x/").write("a.txt", "in x")
    with Folder(w, "reports/y").open("b.txt") as fh:
        fh.write(b"in y")
    Folder(w, "").write("top.txt", b"top")
    assert Folder(w, "/reports/x/").rel("a.txt") == "reports/x/a.txt" and Folder(w, "").rel("t") == "t"
    w.commit()
    assert {k: v for k, v in published(tmp_path / "site").items() if k != MARKER} == {
        "reports/x/a.txt": "in x", "reports/y/b.txt": "in y", "top.txt": "top"}


def test_a_text_stream_writes_utf_8_with_unix_newlines_at_once():
    raw = io.BytesIO()
    stream = text_stream(raw)
    stream.write("a\nb é €")
    assert raw.getvalue() == "a\nb é €".encode("utf-8")  # written through: nothing waits in a buffer
    assert codecs.lookup(stream.encoding).name == "utf-8"


def test_abort_after_commit_or_twice_is_harmless(tmp_path: Path):
    """``build`` aborts in a ``finally`` whatever happened: the lock is released once, and a
    version folder already gone is no error."""
    site = tmp_path / "site"
    w = publish(site, {"index.html": "v1"})
    w.abort()  # after its commit: the published version stays
    assert published(site)["index.html"] == "v1"
    w2 = OutputWriter(site)
    shutil.rmtree(w2.tmp)
    w2.abort()
    w2.abort()
    os.fstat(1)  # the released descriptor was ours, not standard output
    publish(site, {"index.html": "v3"})
    assert published(site)["index.html"] == "v3"


def test_a_failure_after_the_switch_keeps_the_new_site(tmp_path: Path, monkeypatch):
    """``build`` aborts when ``commit`` raises: if the link was already switched (removing
    the previous version failed), the new version is the published site and stays."""
    site = tmp_path / "site"
    publish(site, {"index.html": "v1"})
    w = OutputWriter(site)
    w.write("index.html", "v2")

    def fail(path):
        raise PermissionError(13, "Permission denied", str(path))
    monkeypatch.setattr(writer, "_remove", fail)
    with pytest.raises(PermissionError):
        try:
            w.commit()
        except BaseException:
            w.abort()
            raise
    assert published(site)["index.html"] == "v2"


def test_a_link_or_a_file_named_like_an_old_temporary_is_not_followed(tmp_path: Path):
    site = tmp_path / "site"
    publish(site, {"index.html": "v1"})
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep")
    (tmp_path / ".site-old-abcd1234").symlink_to(precious)
    (tmp_path / ".site-new-abcd1234").write_text("a file")
    OutputWriter(site).abort()
    assert (precious / "notes.txt").read_text() == "keep"


def test_the_lock_file_says_which_process_holds_it(tmp_path: Path):
    site = tmp_path / "site"
    builds = tmp_path / ".site-builds"
    builds.mkdir()
    (builds / "lock").write_text("9999999999999999 (a process long gone)\n")
    w = OutputWriter(site)
    assert (builds / "lock").read_text() == f"{os.getpid()}\n"
    assert stat.S_IMODE((builds / "lock").stat().st_mode) == 0o644 & ~current_umask()
    w.abort()


def _second_writer(site: Path) -> tuple[threading.Thread, list[str], list[object]]:
    said: list[str] = []
    got: list[object] = []

    def run():
        try:
            got.append(OutputWriter(site, said.append))
        except BaseException as err:  # shown by the test
            got.append(err)
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    for _ in range(200):
        if said or got:
            break
        time.sleep(0.01)
    return thread, said, got


@pytest.mark.parametrize("holder", ["writer", "empty lock"])
def test_a_second_writer_waits_for_the_lock_and_says_who_holds_it(tmp_path: Path, holder: str):
    site = tmp_path / "site"
    if holder == "writer":
        first = OutputWriter(site)
        release = first.commit
        who = str(os.getpid())
    else:  # a lock whose file says nothing (held by a tool that writes no pid)
        (tmp_path / ".site-builds").mkdir()
        fd = os.open(tmp_path / ".site-builds" / "lock", os.O_RDWR | os.O_CREAT)
        fcntl.flock(fd, fcntl.LOCK_EX)
        release = lambda: os.close(fd)  # noqa: E731
        who = "another process"
    thread, said, got = _second_writer(site)
    assert not got, got  # still waiting
    assert said == [f"waiting for the build of process {who} to finish writing {site}"]
    release()
    thread.join(10)
    assert len(got) == 1 and isinstance(got[0], OutputWriter), got
    got[0].abort()


def test_migrating_an_old_site_swaps_it_in_one_step(tmp_path: Path, monkeypatch):
    calls = []
    real = writer._exchange

    def exchange(a, b):
        calls.append((Path(a).name, Path(b).name))
        return real(a, b)
    monkeypatch.setattr(writer, "_exchange", exchange)
    site = legacy_site(tmp_path)
    publish(site, {"index.html": "new home"})
    assert calls == [("link-1", "site")]
    assert os.readlink(site) == ".site-builds/1" and published(site)["index.html"] == "new home"


def test_migrating_an_old_site_where_the_swap_is_unsupported_uses_two_renames(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(writer, "_exchange", lambda a, b: False)
    site = legacy_site(tmp_path)
    publish(site, {"index.html": "new home"})
    assert os.readlink(site) == ".site-builds/1" and published(site)["index.html"] == "new home"
    assert sorted(p.name for p in (tmp_path / ".site-builds").iterdir()) == ["1", "lock"]


def legacy_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "data").mkdir(parents=True)
    (site / "index.html").write_text("old home")
    (site / "data" / "recommendations.json").write_text("[]")
    return site


def test_exchange_swaps_two_paths_in_one_step(tmp_path: Path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_text("file a")
    (b / "inner").mkdir(parents=True)
    assert writer._exchange(a, b) is True
    assert (tmp_path / "a" / "inner").is_dir() and (tmp_path / "b").read_text() == "file a"


def test_exchange_reports_a_real_error_and_says_false_only_where_unsupported(tmp_path: Path, monkeypatch):
    missing, b = tmp_path / "missing", tmp_path / "b"
    b.write_text("b")
    with pytest.raises(OSError) as err:
        writer._exchange(missing, b)
    assert (err.value.errno, err.value.strerror, err.value.filename) == (
        errno.ENOENT, os.strerror(errno.ENOENT), str(missing))
    assert b.read_text() == "b"
    monkeypatch.setattr(writer.ctypes, "CDLL", lambda *args, **kwargs: object())  # a libc without renameat2
    assert writer._exchange(tmp_path / "b", tmp_path / "c") is False


def test_exchange_takes_paths_relative_to_the_working_folder(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a").write_text("file a")
    Path("b").write_text("file b")
    assert writer._exchange(Path("a"), Path("b")) is True
    assert (Path("a").read_text(), Path("b").read_text()) == ("file b", "file a")


def test_exchange_says_false_and_moves_nothing_when_the_kernel_refuses_the_swap(tmp_path: Path):
    """EINVAL (here: a folder swapped with its own child; elsewhere a file system without
    RENAME_EXCHANGE) is "cannot swap", for the two-rename fallback, not an error."""
    (tmp_path / "a" / "b").mkdir(parents=True)
    assert writer._exchange(tmp_path / "a", tmp_path / "a" / "b") is False
    assert (tmp_path / "a" / "b").is_dir()


def test_a_new_lock_file_is_readable_by_all_and_writable_by_its_owner(tmp_path: Path):
    w = OutputWriter(tmp_path / "site")
    assert stat.S_IMODE((tmp_path / ".site-builds" / "lock").stat().st_mode) == 0o644 & ~current_umask()
    w.abort()


def test_a_failure_right_after_the_one_step_migration_keeps_the_new_site(tmp_path: Path, monkeypatch):
    site = legacy_site(tmp_path)
    w = OutputWriter(site)
    w.write("index.html", "new home")
    real = os.rename

    def fail(src, dst, *args, **kwargs):
        if Path(dst).name.startswith("old-"):
            raise PermissionError(13, "Permission denied", str(dst))
        return real(src, dst, *args, **kwargs)
    monkeypatch.setattr(writer.os, "rename", fail)
    with pytest.raises(PermissionError):
        try:
            w.commit()
        except BaseException:
            w.abort()
            raise
    monkeypatch.undo()
    assert site.is_symlink() and published(site)["index.html"] == "new home"
