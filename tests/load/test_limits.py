"""What input may cost, and files that cannot be read: hostile YAML and Markdown are a
problem at file:line, fast, never a crash, a hang or a traceback (issue 12, classes 6-7).

The crashing cases run ``build.py check`` in a subprocess: before the bounds, very deep
YAML killed the process (libyaml's composer recursing in C: a segfault) and aliases of
aliases made it expand billions of values."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from scrutiny.build import gather
from scrutiny.load.textfile import MAX_FILE_BYTES, read_text
from scrutiny.load.yamlguard import MAX_DEPTH, MAX_VALUES
from scrutiny.load.yamlread import MAX_ID, compose
from scrutiny.markdown.pipeline import MAX_DEPTH as MAX_MARKDOWN_DEPTH
from scrutiny.problems import ContentError, Problem, Problems
from tests.conftest import ROOT, copy_fixture

REPORT = "content/reports/earlier-review"
RECS = f"{REPORT}/recommendations.yaml"
BODY = f"{REPORT}/body.md"


def project(tmp_path: Path) -> Path:
    return copy_fixture(tmp_path)


def problems_of(root: Path) -> list[str]:
    with pytest.raises(ContentError) as err:
        gather(root)
    return [str(p) for p in err.value.problems]


def check_in_subprocess(root: Path, timeout: float = 60) -> tuple[int, str, float]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), "check"],
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    out = done.stdout + done.stderr
    assert "Traceback" not in out, out[-2000:]
    return done.returncode, out, time.perf_counter() - started


def append(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


# --- YAML: depth, aliases, size ---------------------------------------------------------------------


@pytest.mark.parametrize("nesting", ["flow", "compact"])
def test_yaml_nested_100000_deep_is_a_problem_at_its_line_not_a_segfault(tmp_path, nesting):
    root = project(tmp_path)
    deep = "[" * 100_000 + "]" * 100_000 if nesting == "flow" else "- " * 100_000 + "x"
    append(root, RECS, f"    theme: {deep}\n" if nesting == "flow" else f"not_reproduced_note:\n  {deep}\n")
    code, out, seconds = check_in_subprocess(root)
    assert code == 1, out  # a segfault is -11
    line = 4 if nesting == "flow" else 5
    assert f"{RECS}:{line}:" in out and f"nested more than {MAX_DEPTH} levels deep here" in out, out
    assert seconds < 30


def test_yaml_nested_at_the_limit_is_read_and_one_deeper_is_not():
    ok, deep = Problems(), Problems()
    # a mapping holding lists in lists: MAX_DEPTH levels in all, then one more
    assert compose("x.yaml", "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n", ok) is not None and not ok
    assert compose("x.yaml", "a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n", deep) is None
    assert [str(p) for p in deep] == [f"x.yaml:1:{3 + MAX_DEPTH}: lists and mappings are nested more than {MAX_DEPTH} "
                                      "levels deep here (nothing in the content needs so many levels: check the "
                                      "indentation and the brackets)"]


LAUGHS = "".join(f"      a{i}: &a{i} [" + ", ".join([f"*a{i - 1}" if i else "lol"] * 9) + "]\n" for i in range(10))


def test_a_billion_laughs_in_a_chart_is_refused_in_a_moment(tmp_path):
    """Nine aliases of nine aliases ... (a few hundred bytes) stand for 9**10 values: the
    chart reader expanded them all (memory and time without bound)."""
    root = project(tmp_path)
    append(root, f"{REPORT}/report.yaml", "tables:\n  - id: counts\n    caption: Counts\n    columns: [Year, Count]\n"
           "    rows:\n      - [\"2020\", 3]\n    chart:\n" + LAUGHS)
    code, out, seconds = check_in_subprocess(root, timeout=60)
    assert code == 1 and seconds < 20
    assert f"report.yaml:23:21: the alias *a4 takes the file past {MAX_VALUES:,} values" in out, out


def test_aliases_that_stay_small_are_read_as_the_values_they_name(tmp_path):
    root = project(tmp_path)
    path = root / RECS
    path.write_text("recommendations:\n  - number: 1\n    text: &words Review transport again within three years.\n"
                    "    theme: *words\n", encoding="utf-8")
    rec = next(r for r in gather(root).reports if r.id == "earlier-review").recommendations[0]
    assert rec.theme == "Review transport again within three years."


def test_an_alias_inside_the_value_it_names_is_a_problem_not_a_recursion_error(tmp_path):
    root = project(tmp_path)
    append(root, f"{REPORT}/report.yaml", "tables:\n  - id: counts\n    caption: Counts\n    columns: [Year, Count]\n"
           "    rows:\n      - [\"2020\", 3]\n    chart: &loop\n      mark: bar\n      layer: [*loop]\n")
    assert problems_of(root) == [
        f"{REPORT}/report.yaml:19:15: the alias *loop is inside the value its anchor &loop names, so it would repeat "
        "without end (write the value out instead of the alias)"]


def test_a_file_over_the_size_limit_is_not_read(tmp_path):
    root = project(tmp_path)
    append(root, RECS, "# " + "x" * MAX_FILE_BYTES + "\n")
    size = (root / RECS).stat().st_size
    assert problems_of(root) == [f"{RECS}: the file is {size:,} bytes; at most {MAX_FILE_BYTES:,} are read (split it "
                                 "(a report can have many section files), or remove what does not belong in it)"]


# --- Markdown depth ---------------------------------------------------------------------------------


@pytest.mark.parametrize("hostile, line", [
    ("*a " * 3000 + "x" + " b*" * 3000, 7),  # crashed the EPUB (lxml: depth 256) and PDF writers (RecursionError)
    ("*" * 3000 + "x" + "*" * 3000, 7),
    ("> " * 3000 + "quoted", 7),  # markdown-it stopped at 20 levels and silently dropped the rest
    ("".join("  " * i + "- item\n" for i in range(100)), 7 + MAX_MARKDOWN_DEPTH // 2 - 1),  # two levels an item
])
def test_markdown_nested_thousands_deep_is_refused_at_its_line(tmp_path, hostile, line):
    root = project(tmp_path)
    append(root, BODY, "\nA paragraph.\n\n" + hostile + "\n")
    assert problems_of(root) == [
        f"{BODY}:{line}: the Markdown here is nested more than {MAX_MARKDOWN_DEPTH} levels deep (quotes, lists, emphasis "
        "or links inside one another) (no page needs so many levels: simplify it)"]


def test_markdown_nested_as_deep_as_real_reports_are_is_accepted(tmp_path):
    root = project(tmp_path)
    append(root, BODY, "\n" + "".join("  " * i + f"- level {i} with *emphasis and **strong [a link](https://example.org)**.*\n"
                                      for i in range(6)) + "\n> > > quoted *three* deep\n")
    gather(root)


# --- files that cannot be read ------------------------------------------------------------------------


def test_a_file_that_is_not_utf8_names_its_line_column_and_byte_offset(tmp_path):
    root = project(tmp_path)
    (root / RECS).write_bytes(b"recommendations:\n  - number: 1\n    text: Review the caf\xe9 again.\n")
    assert problems_of(root) == [
        f"{RECS}:3:25: the file is not UTF-8 text: byte 0xE9 at byte offset 55 cannot be read (save it as UTF-8 "
        '("Save as", then Encoding: UTF-8, in most editors); text saved as Windows-1252, with é, £ or curly quotes, '
        "is the usual cause)"]


def test_a_utf16_file_is_named_as_such(tmp_path):
    root = project(tmp_path)
    (root / RECS).write_bytes((root / RECS).read_text(encoding="utf-8").encode("utf-16"))
    assert problems_of(root) == [f'{RECS}:1: the file is UTF-16 text, not UTF-8 (save it as UTF-8 ("Save as", then '
                                 "Encoding: UTF-8, in most editors))"]


def test_a_file_that_is_a_folder_is_a_problem(tmp_path):
    root = project(tmp_path)
    (root / RECS).unlink()
    (root / RECS).mkdir()
    assert problems_of(root) == [f"{RECS}: this is a folder, not a file (replace the folder {RECS}/ by the file)"]


def test_read_text_drops_a_leading_byte_order_mark_and_keeps_line_numbers(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes("\ufeff## Heading\n\nOne\x01\n".encode("utf-8"))
    problems = Problems()
    assert read_text(path, "x.md", problems) is None
    assert [str(p) for p in problems] == ["x.md:3:4: the control character U+0001 is not allowed (delete it: it is "
                                          "invisible in an editor, and web pages, XML, PDF and Braille cannot hold it)"]
    path.write_bytes("\ufeff## Heading\n\nOne\n".encode("utf-8"))
    assert read_text(path, "x.md", problems) == "## Heading\n\nOne\n"


def test_a_recommendations_file_with_a_byte_order_mark_is_read_with_the_same_lines(tmp_path):
    root = project(tmp_path)
    (root / RECS).write_bytes(b"\xef\xbb\xbfrecommendations:\n  - number: 1\n    text: Review.\n    colour: red\n")
    assert problems_of(root) == [f'{RECS}:4: unknown key "colour" in recommendation 1 (expected one of: addressed_to, '
                                 "follows_from, lead_officers, number, parts, priority, response, text, theme, updates)"]


def test_a_section_file_with_a_byte_order_mark_keeps_its_heading_and_paragraph_numbers(tmp_path):
    root = project(tmp_path)
    body = root / BODY
    body.write_bytes(b"\xef\xbb\xbf" + body.read_bytes())
    clean = gather(project(tmp_path / "clean")).parsed["earlier-review"].paragraph_count
    assert gather(root).parsed["earlier-review"].paragraph_count == clean
    body.write_bytes(b"\xef\xbb\xbf## Background\n\nFirst.\n")
    tokens = gather(root).parsed["earlier-review"].sections["body"]
    assert tokens[0].type == "heading_open"


@pytest.mark.parametrize("data, where", [(b"Caf\xe9\n", f"{BODY}:1:4: the file is not UTF-8 text"),
                                         (b"Text\n\nwith \x1b[31m\n", f"{BODY}:3:6: the control character U+001B")])
def test_a_section_file_that_cannot_be_read_is_a_problem(tmp_path, data, where):
    root = project(tmp_path)
    (root / BODY).write_bytes(data)
    assert any(p.startswith(where) for p in problems_of(root))


def test_raw_control_characters_in_any_yaml_file_are_reported_each_at_line_and_column(tmp_path):
    root = project(tmp_path)
    path = root / f"{REPORT}/report.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Earlier", "title: Ear\x00lier\x85"), encoding="utf-8")
    assert [p.split(" (")[0] for p in problems_of(root)] == [
        f"{REPORT}/report.yaml:1:11: the control character U+0000 is not allowed",
        f"{REPORT}/report.yaml:1:16: the control character U+0085 is not allowed"]


# --- ids and numbers ------------------------------------------------------------------------------------


def test_an_over_long_report_folder_id_is_refused_at_check_time(tmp_path):
    root = project(tmp_path)
    (root / REPORT).rename(root / "content/reports" / ("r" * (MAX_ID + 1)))
    assert any(p.startswith("content/reports/" + "r" * (MAX_ID + 1) + ": ") for p in problems_of(root))


def test_a_table_row_that_is_a_mapping_is_a_problem_not_a_traceback(tmp_path):
    root = project(tmp_path)
    append(root, f"{REPORT}/report.yaml", "tables:\n  - id: counts\n    caption: Counts\n    columns: [Year, Count]\n"
           "    rows:\n      - {Year: 2020, Count: 3}\n")
    assert any(p.startswith(f"{REPORT}/report.yaml:16:") for p in problems_of(root))


def test_problem_shows_its_column_after_its_line():
    assert str(Problem("a.yaml", 3, "bad", "fix", column=7)) == "a.yaml:3:7: bad (fix)"
    assert str(Problem("a.yaml", 3, "bad")) == "a.yaml:3: bad"
    assert str(Problem("a.yaml", 0, "bad", column=7)) == "a.yaml: bad"


def test_a_syntax_error_at_the_end_of_the_text_is_on_its_last_line():
    """libyaml marks an error at the end of a text without a final newline on the line after
    it, a line the author cannot find (found by the fuzz test)."""
    problems = Problems()
    assert compose("x.yaml", "a: [", problems) is None
    assert [p.line for p in problems] == [1]
