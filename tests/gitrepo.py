"""A real temporary git repository of a council's content, for the tests of what the
site and the tools read from its history."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.conftest import MINIMAL

#: March's update to recommendation 1 of the school transport review: status, target, reason.
UPDATE = """      - date: 2024-03-15
        meeting: People Scrutiny Committee
        status: on-track
        note: The new software is in.
        revised_target: June 2024
        reason: Testing took longer.
"""
#: The Cabinet's response to the earlier review's recommendation 1 (it had none).
RESPONSE = """    response:
      decision: accepted
      date: 2024-03-20
      decision_maker: Cabinet
      text: Agreed.
"""
SCHOOL = Path("content/reports/school-transport-review/recommendations.yaml")
EARLIER = Path("content/reports/earlier-review/recommendations.yaml")


def git(root: Path, *args: str, when: str = "") -> str:
    """Run git in ``root`` as an officer; ``when`` ("2024-03-21T10:00:00") dates the commit."""
    env = {"GIT_AUTHOR_NAME": "Officer", "GIT_AUTHOR_EMAIL": "officer@example.test", "GIT_COMMITTER_NAME": "Officer",
           "GIT_COMMITTER_EMAIL": "officer@example.test", "PATH": "/usr/bin:/bin", "HOME": str(root)}
    if when:
        env |= {"GIT_AUTHOR_DATE": f"{when} +0000", "GIT_COMMITTER_DATE": f"{when} +0000"}
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True, env=env).stdout


def add_march_updates(root: Path) -> None:
    """The update to the school transport review and the response to the earlier review."""
    recs = root / SCHOOL
    text = recs.read_text(encoding="utf-8")
    recs.write_text(text.replace("        reason: The routing software arrived late.\n",
                                 "        reason: The routing software arrived late.\n" + UPDATE, 1), encoding="utf-8")
    earlier = root / EARLIER
    earlier.write_text(earlier.read_text(encoding="utf-8") + RESPONSE, encoding="utf-8")


def council_repo(root: Path) -> Path:
    """The minimal fixture committed on 10 January 2024, then March's updates and the
    Cabinet's response committed on 21 March 2024."""
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns(".cache", "site"))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "The reports as they went to committee", when="2024-01-10T10:00:00")
    add_march_updates(root)
    git(root, "commit", "-q", "-am", "March updates and the Cabinet's response", when="2024-03-21T10:00:00")
    return root
