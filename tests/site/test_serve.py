"""``python build.py serve``: preview builds, the version endpoint, change detection."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request

import pytest

from scrutiny.cli import main
from scrutiny.site.serve import Preview, make_server, snapshot, watched_paths

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
