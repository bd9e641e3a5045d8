"""``python build.py serve``: preview builds, the version endpoint, change detection; every bad
edit keeps the last good build up; no folder listings, nothing from outside the output."""

from __future__ import annotations

import http.client
import shutil
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from jinja2 import FileSystemLoader

from scrutiny.cli import main
from scrutiny.site import assets, render
from scrutiny.site.assets import TEMPLATES_DIR
from scrutiny.site.serve import Preview, make_server, serve, snapshot, watched_paths

from tests.conftest import stray_units

from .conftest import project_copy


@pytest.fixture
def preview(tmp_path):
    root = project_copy(tmp_path, formats="[data, txt]")
    messages: list[str] = []
    p = Preview(root, tmp_path / "out" / "site", all_formats=False, log=messages.append)
    p.messages = messages
    return p


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def test_preview_serves_the_site_with_live_reload(preview):
    assert preview.build()
    server = make_server(preview, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        assert get(base + "__version") == (200, "1")
        status, home = get(base)
        assert status == 200 and "/__version" in home
        status, missing = get(base + "no/such/page/")
        assert status == 404 and "Page not found" in missing
        assert preview.build()
        assert get(base + "__version") == (200, "2")
    finally:
        server.shutdown()
        server.server_close()


def test_preview_leaves_slow_formats_out(preview):
    preview.build()
    assert (preview.out / "reports" / "earlier-review" / "recommendations.csv").is_file()
    assert not (preview.out / "reports" / "earlier-review" / "earlier-review.txt").exists()


def test_content_problem_keeps_the_last_good_build(preview):
    assert preview.build()
    recs = preview.root / "content" / "reports" / "earlier-review" / "recommendations.yaml"
    recs.write_text(recs.read_text().replace("number: 1", "number: one"))
    assert not preview.build()
    assert preview.version == 1 and (preview.out / "index.html").is_file()
    assert any("recommendations.yaml" in m for m in preview.messages)


def test_snapshot_sees_edits(preview):
    paths = watched_paths(preview.root)
    before = snapshot(paths)
    assert any(p.endswith("body.md") for p in before)
    body = preview.root / "content" / "reports" / "earlier-review" / "body.md"
    body.write_text(body.read_text() + "\nMore.\n")
    assert snapshot(paths) != before


def test_serve_help(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "--port" in out and "--formats" in out


def edit(root: Path, templates: Path, what: str) -> Path:
    """Make one bad edit an author (or a designer) might save; return the file it touched."""
    report = root / "content" / "reports" / "earlier-review"
    if what == "invalid YAML":
        (report / "recommendations.yaml").write_text("recommendations: [\n")
        return report / "recommendations.yaml"
    if what == "deleted report folder":
        shutil.rmtree(report)
        return report
    if what == "renamed section file":
        (report / "body.md").rename(report / "body-renamed.md")
        return report / "body.md"
    if what == "non-UTF-8 section file":
        (report / "body.md").write_bytes("Caf\xe9 culture.\n".encode("latin-1"))
        return report / "body.md"
    if what == "non-UTF-8 YAML":
        (report / "report.yaml").write_bytes(b"title: Caf\xe9\n")
        return report / "report.yaml"
    if what == "config error":
        (root / "site_config.yaml").write_text("site: [\n")
        return root / "site_config.yaml"
    if what == "config deleted":
        (root / "site_config.yaml").unlink()
        return root / "site_config.yaml"
    if what == "report.yaml replaced by a folder":
        (report / "report.yaml").unlink()
        (report / "report.yaml").mkdir()
        return report / "report.yaml"
    if what == "template syntax error":
        (templates / "base.html.j2").write_text("{% if %}\n")
        return templates / "base.html.j2"
    if what == "template error at render time":
        (templates / "base.html.j2").write_text("<p>\n{{ no_such_value.title }}\n</p>\n")
        return templates / "base.html.j2"
    raise AssertionError(what)


BAD_EDITS = ("invalid YAML", "deleted report folder", "renamed section file", "non-UTF-8 section file",
             "non-UTF-8 YAML", "config error", "config deleted", "report.yaml replaced by a folder",
             "template syntax error", "template error at render time")


@pytest.mark.parametrize("what", BAD_EDITS)
def test_every_bad_edit_is_printed_and_the_last_good_build_stays_up(preview, tmp_path, what):
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES_DIR, templates)
    assert preview.build()
    preview.site.env.loader = FileSystemLoader(str(templates))  # the designer's copy of the templates
    home = (preview.out / "index.html").read_bytes()
    touched = edit(preview.root, templates, what)
    del preview.messages[:]
    assert preview.build((str(touched),)) is False
    assert preview.version == 1 and (preview.out / "index.html").read_bytes() == home
    said = "\n".join(preview.messages)
    assert "Traceback" not in said
    assert preview.messages[-1] == "the preview still shows the last good build"
    problem = preview.messages[0].splitlines()[0]
    if what.startswith("template"):
        line = 1 if what == "template syntax error" else 2
        assert problem.startswith(f"{templates / 'base.html.j2'}:{line}: "), problem
        assert problem.endswith("(fix it and save: the preview rebuilds)"), problem
    else:
        assert touched.name in problem or "earlier-review" in problem, problem


def test_a_template_edited_while_serving_is_read_again(preview, tmp_path, monkeypatch):
    """Templates are loaded once a build (not checked at every include of every page): the
    next build reads an edited one again."""
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES_DIR, templates)
    monkeypatch.setattr(assets, "TEMPLATES_DIR", templates)  # the designer's copy, which the builds read
    monkeypatch.setattr(render, "TEMPLATES_DIR", templates)
    monkeypatch.setenv("SCRUTINY_JOBS", "1")  # rendered in this process, whose templates stay loaded
    assert preview.build()
    assert preview.build()
    base = templates / "base.html.j2"
    base.write_text(base.read_text(encoding="utf-8").replace("</body>", "<!-- edited -->\n</body>"), encoding="utf-8")
    assert preview.build((str(base),))
    assert b"<!-- edited -->" in (preview.out / "index.html").read_bytes()


def test_the_preview_builds_again_once_the_edit_is_fixed(preview):
    assert preview.build()
    body = preview.root / "content" / "reports" / "earlier-review" / "body.md"
    good = body.read_bytes()
    body.write_bytes(b"\xff\xfe")
    assert not preview.build((str(body),))
    body.write_bytes(good.replace(b"made one recommendation", b"made a single recommendation"))
    assert preview.build()
    assert preview.version == 2
    assert b"made a single recommendation" in (preview.out / "reports" / "earlier-review" / "index.html").read_bytes()


@pytest.fixture
def served(preview, tmp_path):
    assert preview.build()
    server = make_server(preview, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield preview, server.server_address[1]
    server.shutdown()
    server.server_close()


def raw_get(port: int, path: str) -> tuple[int, bytes]:
    """GET a path exactly as written (no client-side normalising of ``..``)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@pytest.mark.parametrize("folder", ["/data/", "/assets/", "/reports/earlier-review/recommendations/"])
def test_folders_are_never_listed(served, folder):
    preview, port = served
    assert (preview.out / folder.strip("/")).is_dir() and not (preview.out / folder.strip("/") / "index.html").exists()
    status, body = raw_get(port, folder)
    assert status == 404 and b"Directory listing" not in body and b"Page not found" in body


def test_files_outside_the_output_folder_are_not_served(served, tmp_path):
    preview, port = served
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "passwords.txt").write_text("hunter2")
    (preview.out / "leak.txt").symlink_to(secret / "passwords.txt")
    (preview.out / "leaks").symlink_to(secret)
    for path in ("/leak.txt", "/leaks/passwords.txt", "/../secret/passwords.txt", "/%2e%2e/secret/passwords.txt",
                 "/..%2f..%2fsecret/passwords.txt", "/index.html%00.txt"):
        status, body = raw_get(port, path)
        assert status == 404 and b"hunter2" not in body, path
    assert raw_get(port, "/index.html")[0] == 200


def test_serve_refuses_to_build_into_the_content(tmp_path, capsys):
    root = project_copy(tmp_path, formats="[data]")
    before = sorted((root / "content").rglob("*"))
    messages: list[str] = []
    assert serve(root, 0, root / "content", False, messages.append) == 2
    assert sorted((root / "content").rglob("*")) == before
    assert messages and messages[0].startswith(f"--out {root / 'content'}: is the project's content/")


def test_each_rebuild_removes_the_version_before_it_in_the_background(preview, started):
    """A rebuild publishes, then the previous version is renamed aside and removed by a
    detached process (removing a big site's version takes seconds the preview need not
    wait): a remover runs after each rebuild, and only the current version is left."""
    import time

    for _ in range(3):
        assert preview.build()
    removers = [a for a in started if "rmtree" in " ".join(a)]  # git and the like run through Popen too
    assert all("trash-" in a[-1] for a in removers), removers
    # one remover per previous version (a build may start a second one for a version an
    # earlier remover is still at); the others remove a build's scratch folders (trash-scratch-<n>)
    versions = {a[-1] for a in removers if "trash-scratch-" not in a[-1]}
    assert len(versions) == 2, removers
    builds = preview.out.parent / f".{preview.out.name}-builds"
    current = preview.out.resolve()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        left = sorted(p.name for p in builds.iterdir() if p.name not in ("lock", "units") and p != current)
        left += stray_units(preview.out)
        if not left:
            break
        time.sleep(0.1)
    assert left == [], f"left behind: {left}"
    assert current.parent == builds and (current / "index.html").is_file()
