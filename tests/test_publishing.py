"""The publishing templates in publishing/: GitHub Actions and GitLab CI check every
change request and publish main; the pre-commit hook stops a commit with a problem.
Read with a YAML parser; every `python build.py ...` they run is a real command line."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import yaml

from scrutiny.cli import parser
from tests.conftest import MINIMAL, ROOT

PUBLISHING = ROOT / "publishing"


def load(name: str) -> dict:
    return yaml.safe_load((PUBLISHING / name).read_text(encoding="utf-8"))


def commands(text: str) -> list[list[str]]:
    """Every `python build.py ...` the file runs, as arguments after build.py."""
    found = []
    for line in text.splitlines():
        m = re.search(r"python build\.py([^\n#]*)", line)
        if m:
            found.append(shlex.split(m.group(1)))
    return found


def test_every_command_the_templates_run_is_a_real_one():
    for name in ("github-actions.yml", "gitlab-ci.yml", "pre-commit-config.yaml"):
        runs = commands((PUBLISHING / name).read_text(encoding="utf-8"))
        assert runs, name
        for args in runs:
            parsed = parser().parse_args(args)  # exits on an unknown option
            assert parsed.command in ("check", "build"), (name, args)


def test_github_actions_checks_pull_requests_and_publishes_main():
    flow = load("github-actions.yml")
    on = flow[True] if True in flow else flow["on"]  # YAML 1.1 reads `on:` as true
    assert "pull_request" in on and on["push"]["branches"] == ["main"]
    check, publish = flow["jobs"]["check"], flow["jobs"]["publish"]
    assert any(step.get("run") == "python build.py check" for step in check["steps"])
    assert "pull_request" in publish["if"] and "refs/heads/main" in publish["if"] and publish["needs"] == "check"
    runs = [step.get("run", "") for step in publish["steps"]]
    assert any("python build.py build --out public" in r for r in runs)
    uses = [step.get("uses", "") for step in publish["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}


def test_gitlab_ci_checks_merge_requests_and_publishes_pages_from_main():
    ci = load("gitlab-ci.yml")
    assert "python build.py check" in ci["check"]["script"]
    assert any('merge_request_event' in rule["if"] for rule in ci["check"]["rules"])
    pages = ci["pages"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert [rule["if"] for rule in pages["rules"]] == ["$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"]
    assert any("python build.py build --out _build/public" in line for line in pages["script"])
    assert "cp -rL _build/public public" in pages["script"]  # GitLab keeps links as links: copy the files


def test_the_pre_commit_hook_stops_a_commit_with_a_problem(tmp_path: Path):
    hook = load("pre-commit-config.yaml")["repos"][0]["hooks"][0]
    assert hook["pass_filenames"] is False and re.search(hook["files"], "content/reports/x/report.yaml")
    assert re.search(hook["files"], "site_config.yaml") and not re.search(hook["files"], "README.md")
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns(".cache"))
    shutil.copy(ROOT / "build.py", root / "build.py")
    (root / "scrutiny").symlink_to(ROOT / "scrutiny")
    entry = shlex.split(hook["entry"])
    entry[0] = str(Path(__import__("sys").executable))
    ok = subprocess.run(entry, cwd=root, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    report = root / "content" / "reports" / "school-transport-review" / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("kind: ", "kind: nonsense-"), encoding="utf-8")
    stopped = subprocess.run(entry, cwd=root, capture_output=True, text=True)
    assert stopped.returncode == 1 and "report.yaml:" in stopped.stderr and "Traceback" not in stopped.stderr
