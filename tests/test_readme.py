"""README.md is the manual: every key the loaders accept is documented in its
content format reference."""

from __future__ import annotations

import re

from scrutiny.build import gather
from scrutiny.load.yamlread import KNOWN_KEYS
from tests.conftest import MINIMAL, ROOT


def format_reference() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = text.index("[start:format]"), text.index("[end:format]")
    return text[start:end]


def test_every_content_key_is_documented(monkeypatch):
    monkeypatch.setenv("SCRUTINY_REPORT_CACHE", "0")  # read every file, in this process: the readers
    monkeypatch.setenv("SCRUTINY_JOBS", "1")  # record each key they ask for here
    gather(ROOT)
    gather(MINIMAL)
    reference = format_reference()
    documented = set(re.findall(r"([a-z_]+):", reference))
    missing = {f"{record}.{key}" for record, keys in KNOWN_KEYS.items() for key in keys if key not in documented}
    assert not missing, f"document these keys in README.md's content format reference: {sorted(missing)}"
    assert {"report", "recommendation", "response", "action", "update", "site", "term"} <= set(KNOWN_KEYS)
