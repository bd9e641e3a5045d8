"""The index of every report's references, and citations through the whole load."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutiny.build import gather
from scrutiny.markdown import RecIndex, build_index, parse_content
from scrutiny.model import Content, RecNumber
from scrutiny.problems import ContentError, Problems
from tests.conftest import copy_fixture
from tests.markdown.reports import report


def test_build_index_keeps_document_order_and_maps_unread_reports_to_none():
    ok = report("ok", ["3", "1", "2"], not_reproduced=(RecNumber.parse("4"),))
    unread = report("unread", ["1"], recommendations_read=False)
    index = build_index([ok, unread], unreadable=("gone",))
    assert index == {"ok": RecIndex((RecNumber.parse("3"), RecNumber.parse("1"), RecNumber.parse("2")),
                                    (RecNumber.parse("4"),)),
                     "unread": None, "gone": None}
    assert [str(n) for n in index["ok"].numbers] == ["3", "1", "2"]


def test_parse_content_does_not_check_citations_of_unread_reports():
    citing = report("citing", ["1"], "[a](rec:unread/9), [b](rec:gone/9) and [c](rec:unread/x).")
    unread = report("unread", ["1"], "Recommendation 9 and [[recommendation 9]] are not checked.",
                    recommendations_read=False)
    problems = Problems()
    parsed = parse_content(Content(None, (citing, unread), unreadable=("gone",)), problems)  # type: ignore[arg-type]
    assert list(problems) == []
    inline = next(t for t in parsed["citing"].sections["body"] if t.type == "inline")
    assert [c.type for c in inline.children] == ["text"] * len(inline.children)
    assert "".join(c.content for c in inline.children) == "a, b and c."
    assert parsed["citing"].citations == () and parsed["unread"].citations == ()


#: The earlier review with recommendation 2 a stem with parts (a) and (b), and a 3 not reproduced.
STEM_WITH_PARTS = """\
not_reproduced: [3]
recommendations:
  - number: 1
    text: Review transport again within three years.
  - number: 2
    text: "That Cabinet:"
    parts:
      - {number: a, text: Plans routes.}
      - {number: b, text: Publishes costs.}
"""


def _write(root: Path, report_id: str, name: str, text: str) -> None:
    (root / "content" / "reports" / report_id / name).write_text(text, encoding="utf-8")


def test_groups_and_not_reproduced_through_the_loader(tmp_path: Path):
    root = copy_fixture(tmp_path)
    _write(root, "earlier-review", "recommendations.yaml", STEM_WITH_PARTS)
    _write(root, "earlier-review", "body.md", """\
The review made Recommendation 1, Recommendation 2 (b) and Recommendation 3.

It repeated Recommendations 1-2 and Recommendation 2 (c).

[[recommendation 2]]
""")
    with pytest.raises(ContentError) as err:
        gather(root)
    assert [str(p) for p in err.value.problems] == [
        'content/reports/earlier-review/body.md:3: "Recommendation 2 (c)" cites recommendation 2 (c), which '
        "earlier-review does not have (its recommendations are 1 to 2(b))"]


def test_an_unreadable_recommendations_file_is_reported_once(tmp_path: Path):
    root = copy_fixture(tmp_path)
    _write(root, "earlier-review", "recommendations.yaml", "recommendations: [\n  - number: 1\n")
    with pytest.raises(ContentError) as err:
        gather(root)
    # the fixture's body.md and school-transport-review's rec:earlier-review/1 link are not reported
    assert [p.path for p in err.value.problems] == ["content/reports/earlier-review/recommendations.yaml"]


def test_a_group_link_through_the_loader(tmp_path: Path):
    root = copy_fixture(tmp_path)
    _write(root, "earlier-review", "recommendations.yaml", STEM_WITH_PARTS)
    _write(root, "earlier-review", "body.md", "Recommendation 2, not Recommendation 3.\n\n[[recommendations 1-2]]\n")
    pub = gather(root)
    tokens = pub.parsed["earlier-review"].sections["body"]
    inline = next(t for t in tokens if t.type == "inline")
    [link] = [c for c in inline.children if c.type == "link_open"]
    assert link.attrGet("href") == "rec:earlier-review/2"
    assert link.meta["rec"] == ("earlier-review", RecNumber.parse("2"))
    assert [str(n) for n in link.meta["group"]] == ["2(a)", "2(b)"]
    assert [str(n) for n in next(t for t in tokens if t.type == "rec_box").meta["numbers"]] == ["1", "2(a)", "2(b)"]
    assert [(c.anchor, str(c.target[1])) for c in pub.parsed["earlier-review"].citations] == [("p1", "2(a)"), ("p1", "2(b)")]
