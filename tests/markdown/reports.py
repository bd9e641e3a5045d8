"""Small reports built in code for the Markdown plugin tests, and readable views of what
the pipeline makes of them (links with their meta, placements, citations, problems)."""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it.token import Token

from scrutiny.markdown import ParsedReport, build_index, make_parser, parse_report
from scrutiny.model import Markdown, RecNumber, Recommendation, Report, Section, Source
from scrutiny.problems import Problems

def rec(report_id: str, ref: str) -> Recommendation:
    source = Source(f"content/reports/{report_id}/recommendations.yaml", 1)
    return Recommendation(report_id, RecNumber.parse(ref), "", Markdown("Text.", source), (), None, (), source)


def report(report_id: str, refs: list[str], body: str = "", **fields) -> Report:
    """A report with recommendations ``refs`` (in that document order) and one numbered
    section ``body`` read from ``content/reports/<id>/body.md`` line 1."""
    sections = (Section("body", "Body", "chapter", Markdown(body, Source(f"content/reports/{report_id}/body.md", 1), True)),)
    return Report(
        id=report_id, title=report_id.title(), code="X", committee="c", kind="scrutiny-review", status="published",
        council="", summary="", started=None, published=None, sent_to_executive=None, lead_member=None, members=(),
        co_opted_members=(), officers=(), terms_of_reference=None, methodology=None, sections=sections, tables=(),
        activity=(), glossary=(), executive_response=None,
        recommendations=tuple(rec(report_id, r) for r in refs), source=Source(f"content/reports/{report_id}/report.yaml", 1),
        **fields)


@dataclass
class Parsed:
    doc: ParsedReport
    problems: list[str]

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.doc.sections["body"]

    def inline(self, n: int = 0) -> list:
        """The n-th inline token's children: text as str, links as ``("link", href, text, meta)``."""
        inlines = [t for t in self.tokens if t.type == "inline"]
        return shape(inlines[n].children or [])

    @property
    def links(self) -> list[tuple]:
        """Every link of every inline token, as ``(href, text, meta)``."""
        return [item[1:] for t in self.tokens if t.type == "inline" for item in shape(t.children or [])
                if isinstance(item, tuple)]

    @property
    def boxes(self) -> list[list[str]]:
        """Each placement's numbers, as written."""
        return [[str(n) for n in t.meta["numbers"]] for t in self.tokens if t.type == "rec_box"]

    @property
    def cites(self) -> list[str]:
        return [f"{c.target[0]}/{c.target[1]}" for c in self.doc.citations]


def shape(children: list[Token]) -> list:
    out: list = []
    i = 0
    while i < len(children):
        child = children[i]
        if child.type == "link_open":
            j = next(k for k in range(i, len(children)) if children[k].type == "link_close")
            text = "".join(c.content for c in children[i + 1:j])
            out.append(("link", child.attrGet("href"), text, meta(child.meta)))
            i = j + 1
            continue
        if child.type == "text":
            if out and isinstance(out[-1], str):
                out[-1] += child.content
            else:
                out.append(child.content)
        else:
            out.append(child.type)
        i += 1
    return out


def meta(value: dict) -> dict:
    """Link meta with each RecNumber as written: ``{"rec": ("rep", "5"), "group": ("5a", "5b")}``."""
    out = {}
    for key, v in value.items():
        if key == "rec":
            out[key] = (v[0], str(v[1]))
        elif key == "group":
            out[key] = tuple(str(n) for n in v)
        else:
            out[key] = v
    return out


def parse(body: str, refs: list[str], others: tuple[Report, ...] = (), unreadable: tuple[str, ...] = (),
          **fields) -> Parsed:
    """Parse ``body`` as report ``rep``'s section, beside ``others``."""
    main = report("rep", refs, body, **fields)
    problems = Problems()
    doc = parse_report(make_parser(), main, build_index([main, *others], unreadable), problems)
    return Parsed(doc, [str(p) for p in problems])
