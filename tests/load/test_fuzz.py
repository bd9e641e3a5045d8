"""Property: whatever an author writes, ``check`` reports problems at a file and line (or
succeeds) and never raises anything else.

Three kinds of input: whole files replaced by arbitrary YAML or text; one value INSIDE a
valid file of the minimal fixture replaced by a hostile one (wrong type, empty, huge,
control characters, NaN, deep structures, aliases, tags ...), every value position of
every YAML file being a target; and hostile Markdown put into a valid section file.
2,200 examples in all (300 + 1,500 + 400), about 50 s on the 2-core build machine: the
project is copied once per test; each example writes one file, runs the check (load,
Markdown and cross-file checks; nothing is built) and puts the file back."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from yaml.nodes import MappingNode, Node, SequenceNode

from scrutiny.build import gather
from scrutiny.problems import ContentError
from tests.conftest import MINIMAL

KEYS = ["title", "code", "committee", "kind", "status", "dates", "published", "sections", "file", "number",
        "text", "response", "decision", "date", "actions", "owners", "target", "updates", "status",
        "revised_target", "reason", "recommendations", "tables", "rows", "columns", "chart", "glossary",
        "term", "site", "contact", "brand", "committees", "id", "name", "formats", "large_print"]
YAML_FILES = sorted(p.relative_to(MINIMAL).as_posix() for p in MINIMAL.rglob("*.yaml"))
MARKDOWN_FILES = sorted(p.relative_to(MINIMAL).as_posix() for p in MINIMAL.rglob("*.md"))
#: Problems about a whole file or folder, which have no line.
WHOLE_FILE = ("the file is empty", "the file is ", "this is a folder", "the report has no", "this report folder")
FAST = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                                      HealthCheck.data_too_large])


#: Added to the minimal fixture so that values of a chart and of an update schedule are mutated too.
EXTRA = {"content/reports/school-transport-review/report.yaml": (
    "    chart:\n      mark: bar\n      encoding:\n        x: {field: Year, type: ordinal}\n"
    "        y: {field: Journeys, type: quantitative}\n",
    "update_schedule:\n  every_months: 6\n")}
BASE = {rel: (MINIMAL / rel).read_text(encoding="utf-8") for rel in YAML_FILES + MARKDOWN_FILES}
for _rel, (_chart, _schedule) in EXTRA.items():
    BASE[_rel] = BASE[_rel].replace("    source: Transport team records\n",
                                    "    source: Transport team records\n" + _chart) + _schedule


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    """One copy of the minimal fixture (with :data:`EXTRA`) for a whole test; each example
    restores what it changed."""
    out = tmp_path_factory.mktemp("fuzz") / "project"
    shutil.copytree(MINIMAL, out)
    for rel, text in BASE.items():
        (out / rel).write_text(text, encoding="utf-8")
    gather(out)  # the base is valid
    return out


def check_reports_properly(root: Path, rel: str, text: str | bytes) -> None:
    """Write ``text`` to ``rel``, check, and put the file back: either the check passes, or
    it raises ContentError whose every problem names a file of the project, a line inside
    that file (or none, for a problem about a whole file) and a message; at least one has
    a line unless every one is about a whole file."""
    path = root / rel
    original = path.read_bytes()
    try:
        path.write_bytes(text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text)
        try:
            gather(root)
        except ContentError as err:
            assert err.problems
            for problem in err.problems:
                assert problem.message.strip(), problem
                target = root / problem.path
                assert problem.path.startswith(("content/", "site_config.yaml")) and target.exists(), problem
                assert problem.line >= 0 and problem.column >= 0, problem
                if problem.line and target.is_file():
                    # lines as YAML counts them: a lone CR (an old Mac file) ends a line too
                    lines = len(target.read_bytes().decode("utf-8", "replace").splitlines())
                    assert problem.line <= lines + 1, problem
            assert any(p.line >= 1 for p in err.problems) or all(
                p.message.startswith(WHOLE_FILE) for p in err.problems), err.report()
    finally:
        path.write_bytes(original)


# --- whole files ------------------------------------------------------------------------------------

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
#: Files read through scrutiny.load.textfile (any bytes are a problem, not a traceback).
BYTES_TARGETS = ["content/reports/earlier-review/report.yaml", "content/reports/earlier-review/recommendations.yaml",
                 "site_config.yaml", "content/reports/earlier-review/body.md"]


@settings(FAST, max_examples=300)
@given(file=st.one_of(st.tuples(st.sampled_from(TARGETS), documents),
                      st.tuples(st.sampled_from(BYTES_TARGETS), st.binary(max_size=60))))
def test_arbitrary_files_give_problems_not_tracebacks(root: Path, file: tuple[str, str | bytes]):
    check_reports_properly(root, *file)


# --- one value inside a valid file -----------------------------------------------------------------


def value_spans(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, key path) in ``text`` of every value: each mapping value and list item,
    at every depth."""
    spans: list[tuple[int, int, tuple[str, ...]]] = []

    def walk(node: Node, path: tuple[str, ...]) -> None:
        children = ([(str(k.value), v) for k, v in node.value] if isinstance(node, MappingNode)
                    else [("-", v) for v in node.value] if isinstance(node, SequenceNode) else [])
        for key, child in children:
            start, end = child.start_mark.index, child.end_mark.index
            spans.append((start, start + len(text[start:end].rstrip()), path + (key,)))
            walk(child, path + (key,))

    walk(yaml.compose(text), ())
    return spans


PLACES = [(rel, (start, end)) for rel in YAML_FILES for start, end, path in value_spans(BASE[rel])]

odd_text = st.one_of(
    st.text(max_size=30),
    st.text(st.characters(max_codepoint=0x9F), max_size=12),  # C0 and C1 controls among ASCII
    st.sampled_from(["", " ", "\t", "a" * 150, "x" * 5000, "2a", "5(b)", "0123", "1.10", "yes", "~", "null",
                     "2013-02-30", "June 2013", "ongoing", "2013/14", "6 months", "between 2014 and 2013",
                     "rec:earlier-review/99", "[[recommendation 99]]", "Recommendation 999", "javascript:alert(1)",
                     "../../../etc/passwd", "body.md", "<script>alert(1)</script>", "\ufeffText", "# Heading",
                     "*" * 80 + "x" + "*" * 80, "> " * 60 + "quoted", "[x](file:///etc/passwd)", "\u202eevil"]),
)
numbers = st.one_of(st.integers(), st.floats(), st.sampled_from([0, -1, 10 ** 40, 1e308, 0.5]))
leaf = st.one_of(st.none(), st.booleans(), numbers, odd_text,
                 st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
structures = st.recursive(leaf, lambda c: st.one_of(st.lists(c, max_size=4),
                                                    st.dictionaries(st.one_of(st.sampled_from(KEYS), odd_text), c,
                                                                    max_size=4)), max_leaves=12)
deep = st.builds(lambda n, inner: "[" * n + inner + "]" * n, st.integers(1, 80), st.sampled_from(["", "x", "{a: 1}"]))
raw = st.sampled_from([
    "&a [*a]", "*undefined", "&a x", "!!python/object/apply:os.system [echo]", "!custom value", "!!binary aGk=",
    "{a: 1, a: 2}", ".nan", "-.inf", "1.0e+999", '"\\x01\\x85"', '"\\e[31m"', "- - - x", "|\n  block", "[a, b",
    "{x: [y: z]}", "? complex\n: key", "<<: *a", "'single ''quoted'''", "=", "!!set {a, b}", "!!omap [a: 1]",
    "@reserved", "`tick", "%YAML 1.1", "---\nsecond: document",
])


def as_flow(value: object) -> str:
    return yaml.safe_dump(value, default_flow_style=True, width=10 ** 9).removesuffix("\n...\n").rstrip("\n")


replacements = st.one_of(structures.map(as_flow), deep, raw)


@settings(FAST, max_examples=1500)
@given(place=st.sampled_from(PLACES), replacement=replacements)
def test_a_hostile_value_inside_a_valid_file_gives_problems_not_tracebacks(root: Path, place, replacement: str):
    rel, (start, end) = place
    text = BASE[rel]
    check_reports_properly(root, rel, text[:start] + replacement + text[end:])


# --- hostile Markdown in a valid section file ------------------------------------------------------------

markdown_bits = st.one_of(
    odd_text,
    st.builds(lambda n, s: s * n, st.integers(1, 400), st.sampled_from(["*", "_", "> ", "- ", "[", "](x)", "`", "#",
                                                                        "  - ", "1. ", "~~", "|", "[^1]"])),
    st.sampled_from(["[[recommendation 1]]", "[[recommendations 1-99]]", "[[table nope]]", "[a](rec:nope/1)",
                     "[a](javascript:alert(1))", "<b>raw</b>", "Recommendations 3-1", "[^1]: note", "| a |\n|---|\n| b |"]),
)


@settings(FAST, max_examples=400)
@given(rel=st.sampled_from(MARKDOWN_FILES), at=st.integers(0, 40), bits=st.lists(markdown_bits, min_size=1, max_size=4))
def test_hostile_markdown_inside_a_valid_section_gives_problems_not_tracebacks(root: Path, rel: str, at: int, bits):
    lines = BASE[rel].splitlines(keepends=True)
    at = min(at, len(lines))
    check_reports_properly(root, rel, "".join(lines[:at]) + "\n".join(bits) + "\n" + "".join(lines[at:]))
