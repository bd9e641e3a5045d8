"""Each validation rule has a fixture folder named after its scenario.

``tests/fixtures/invalid/<scenario>/`` holds the files laid over the minimal fixture and
``expected.txt``, the exact problems `python build.py check` must print, one per line.
Regenerate after an intended change of wording:
``python -m tests.load.test_invalid_content --regenerate``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from scrutiny.build import gather
from scrutiny.problems import ContentError
from tests.conftest import FIXTURES, copy_fixture

SCENARIOS = sorted(p for p in (FIXTURES / "invalid").iterdir() if p.is_dir())


def problems_for(scenario: Path, tmp_path: Path) -> list[str]:
    root = copy_fixture(tmp_path, scenario)
    with pytest.raises(ContentError) as err:
        gather(root)
    return [str(p) for p in err.value.problems]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[p.name for p in SCENARIOS])
def test_scenario_reports_exact_problems(scenario: Path, tmp_path: Path):
    expected = (scenario / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert problems_for(scenario, tmp_path) == expected


def test_every_problem_names_a_file_and_line(tmp_path: Path):
    for scenario in SCENARIOS:
        for line in problems_for(scenario, tmp_path / scenario.name):
            where = line.split(": ", 1)[0]
            assert where.startswith(("content/", "site_config.yaml")), line
            if scenario.name != "bad-report-id":
                assert where.rsplit(":", 1)[1].isdigit(), line


def test_minimal_fixture_is_valid():
    pub = gather(FIXTURES / "minimal")
    assert [r.id for r in pub.reports] == ["school-transport-review", "earlier-review"]


if __name__ == "__main__" and "--regenerate" in sys.argv:
    import tempfile

    for scenario in SCENARIOS:
        with tempfile.TemporaryDirectory() as tmp:
            lines = problems_for(scenario, Path(tmp))
        (scenario / "expected.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{scenario.name}: {len(lines)} problem(s)")
