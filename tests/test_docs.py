"""The project documentation builds with --strict, and documents every command."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

from scrutiny.cli import parser

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def commands() -> list[str]:
    """The subcommands `python build.py --help` lists."""
    actions = [a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)]
    assert actions, "scrutiny.cli.parser() has no subcommands"
    return sorted(actions[0].choices)


def mentions(text: str, command: str) -> bool:
    """`build.py check`, `build.py --root DIR check`, ... : the command shown as it is typed."""
    return re.search(rf"build\.py(?:\s+--root\s+\S+)?\s+{re.escape(command)}\b", text) is not None


def test_mkdocs_builds_strict_offline(tmp_path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "docs-site")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    for page in ("index", "authors-guide", "content-format", "publishing", "accessibility", "benchmark"):
        folder = tmp_path / "docs-site" / ("" if page == "index" else page)
        assert (folder / "index.html").is_file(), f"docs/{page}.md was not built"


def test_every_command_is_in_the_readme():
    readme = ROOT / "README.md"
    assert readme.is_file(), "README.md is missing: it must show every `python build.py COMMAND`"
    text = readme.read_text(encoding="utf-8")
    missing = [c for c in commands() if not mentions(text, c)]
    assert not missing, (f"README.md does not show these commands of `python build.py --help`: {missing}; "
                         f"add a line such as `python build.py {missing[0]}` explaining it")


def test_every_command_is_in_the_docs():
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(DOCS.rglob("*.md")))
    missing = [c for c in commands() if not mentions(text, c)]
    assert not missing, (f"docs/ does not show these commands of `python build.py --help`: {missing}; "
                         f"explain `python build.py {missing[0]}` in docs/authors-guide.md or docs/publishing.md")
