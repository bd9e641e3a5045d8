"""Property: whatever YAML (or non-YAML) an author writes, the loader reports problems
and never raises anything else."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrutiny.build import gather
from scrutiny.problems import ContentError
from tests.conftest import MINIMAL

KEYS = ["title", "code", "committee", "kind", "status", "dates", "published", "sections", "file", "number",
        "text", "response", "decision", "date", "actions", "owners", "target", "updates", "status",
        "revised_target", "reason", "recommendations", "tables", "rows", "columns", "chart", "glossary",
        "term", "site", "contact", "brand", "committees", "id", "name", "formats", "large_print"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 3000), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20), st.sampled_from(["2013-06-27", "June 2013", "ongoing", "2a", "accepted", "people-scrutiny",
                                           "body.md", "[[recommendation 9]]", "rec:x/1", "Recommendation 99"]),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 1, 1)),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), children, max_size=5)),
    max_leaves=25,
)
documents = st.one_of(values.map(lambda v: yaml.safe_dump(v, allow_unicode=True)), st.text(max_size=200))
TARGETS = ["content/reports/earlier-review/report.yaml", "content/reports/earlier-review/recommendations.yaml",
           "site_config.yaml", "content/reports/earlier-review/body.md"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(target=st.sampled_from(TARGETS), text=documents)
def test_arbitrary_yaml_gives_problems_not_tracebacks(tmp_path: Path, target: str, text: str):
    root = tmp_path / "fuzz"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(MINIMAL, root)
    (root / target).write_text(text, encoding="utf-8")
    try:
        gather(root)
    except ContentError as err:
        assert err.problems
        for problem in err.problems:
            assert problem.path and problem.message
