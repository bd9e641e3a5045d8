"""A report's data-table chart on its page: the wide drawing on a wide screen, the narrow
one on a phone (so that its 14 px labels are never scaled down), read back from the page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from scrutiny.build import build
from tests.conftest import ROOT

from .conftest import resolve


def test_a_table_chart_is_drawn_for_wide_screens_and_phones(tmp_path: Path):
    root = tmp_path / "project"
    root.mkdir()
    shutil.copytree(ROOT / "content", root / "content")
    config = (ROOT / "site_config.yaml").read_text(encoding="utf-8")
    (root / "site_config.yaml").write_text(re.sub(r"(?m)^formats:.*$", "formats: [data]", config), encoding="utf-8")
    build(root, tmp_path / "site")
    url = "reports/criteria-for-entry-into-care/"
    soup = BeautifulSoup((tmp_path / "site" / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    picture = soup.select_one("#table-children-starting-care figure picture")
    source, img = picture.find("source"), picture.find("img")
    assert source["media"] == "(min-width: 36em)"
    assert resolve(url, source["srcset"]) == url + "charts/children-starting-care.svg"
    assert resolve(url, img["src"]) == url + "charts/narrow/children-starting-care.svg"
    assert img["alt"].startswith("Chart of Table 1")
    for src in (source["srcset"], img["src"]):
        assert (tmp_path / "site" / resolve(url, src)).is_file()
