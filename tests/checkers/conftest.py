"""One build of the example site (the three councils' real reports) for the independent
checkers: the site's pages and the two formats that make HTML or XHTML (EPUB and large
print; the others make text, PDF, Word, Braille, audio and data, which other tests check)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from scrutiny.build import build
from tests.conftest import ROOT

NODE_BIN = ROOT / "node_modules" / ".bin"
CHROMIUM = Path("/usr/bin/chromium")
#: The example's reports, one EPUB each.
REPORTS = sorted(p.name for p in (ROOT / "content" / "reports").iterdir() if (p / "report.yaml").is_file())


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("checkers") / "project"
    root.mkdir()
    shutil.copytree(ROOT / "content", root / "content")
    config, count = re.subn(r"(?m)^formats:.*$", "formats: [epub, large-print]",
                            (ROOT / "site_config.yaml").read_text(encoding="utf-8"))
    assert count == 1, "site_config.yaml has no top-level formats: line"
    (root / "site_config.yaml").write_text(config, encoding="utf-8")
    build(root, root / "site")
    return (root / "site").resolve()  # the build's own folder, if ``site`` links to it
