"""Golden tests of the Markdown plugins: each ``golden/<case>.md`` is parsed as a numbered
section of the minimal fixture's school-transport-review report and rendered to HTML;
the result must equal ``golden/<case>.html``.

Regenerate after an intended change: ``python -m tests.markdown.test_golden --regenerate``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from scrutiny.build import gather
from scrutiny.markdown import build_index, make_parser, parse_report
from scrutiny.model import Markdown, Section, Source
from scrutiny.problems import Problems
from scrutiny.render.html import HtmlContext, render_html
from tests.conftest import MINIMAL

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(GOLDEN.glob("*.md"))


def render_case(case: Path) -> str:
    pub = gather(MINIMAL)
    report = pub.report("school-transport-review")
    body = Markdown(case.read_text(encoding="utf-8"), Source(f"golden/{case.name}", 1), numbered=True)
    section = Section("case", "Case", "chapter", body)
    report = type(report)(**{**report.__dict__, "sections": (section,)})
    index = build_index(pub.content.reports)
    problems = Problems()
    doc = parse_report(make_parser(), report, index, problems)
    assert not problems, [str(p) for p in problems]
    ctx = HtmlContext(
        rec_href=lambda rid, n: f"/reports/{rid}/recommendations/{n}/",
        rec_box=lambda n: f'<aside class="rec-box">Recommendation {n}</aside>\n',
        data_table=lambda tid: f'<figure class="data-table">{tid}</figure>\n',
        doc_id="case",
    )
    cites = "".join(f"<!-- cites {c.target[0]}/{c.target[1]} from #{c.anchor} -->\n" for c in doc.citations)
    places = "".join(f"<!-- places {n} after paragraph {p.after_paragraph} -->\n" for n, p in doc.placements.items())
    return render_html(doc.sections["case"], ctx) + cites + places


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden(case: Path):
    assert render_case(case) == case.with_suffix(".html").read_text(encoding="utf-8")


if __name__ == "__main__" and "--regenerate" in sys.argv:
    for case in CASES:
        case.with_suffix(".html").write_text(render_case(case), encoding="utf-8")
        print(f"wrote {case.with_suffix('.html').name}")
