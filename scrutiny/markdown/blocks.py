"""Block-level plugins: placement lines and numbered paragraphs.

``[[recommendation 7]]`` / ``[[recommendations 17-20]]`` on a line of its own places
recommendation boxes (token ``rec_box``, ``meta["numbers"]``); ``[[table id]]`` places
a data table (token ``data_table``, ``meta["id"]``). Top-level paragraphs of numbered
Markdown get ``id="p<n>"`` and ``meta["number"]``, counted across the whole report.
"""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore

from ..model import RecNumber
from ..problems import did_you_mean
from .context import ParseContext, Placement
from .recrefs import ITEM_RE, expand, list_items, unknown_endpoints

PLACEMENT = re.compile(r"^\[\[\s*(?P<kind>recommendations?|table)\s+(?P<arg>[^\]]+?)\s*\]\]\s*$", re.IGNORECASE)


def placement_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    line = state.src[state.bMarks[start] + state.tShift[start]:state.eMarks[start]]
    m = PLACEMENT.match(line)
    if not m:
        return False
    if silent:
        return True
    ctx: ParseContext = state.env["scrutiny"]
    kind = m["kind"].lower()
    if kind == "table":
        token = state.push("data_table", "", 0)
        token.meta = {"id": m["arg"]}
        if ctx.report.table(m["arg"]) is None:
            ids = [t.id for t in ctx.report.tables]
            ctx.problem(start, f'[[table {m["arg"]}]] places a table that report.yaml does not define', did_you_mean(m["arg"], ids))
    else:
        numbers = _numbers(ctx, m["arg"], start)
        token = state.push("rec_box", "", 0)
        token.meta = {"numbers": tuple(numbers)}
    token.block = True
    token.map = [start, start + 1]
    state.line = start + 1
    return True


def _numbers(ctx: ParseContext, arg: str, line: int) -> list[RecNumber]:
    items = list_items(arg)
    leftover = ITEM_RE.sub("", arg).replace(",", "").replace("and", "").replace("&", "").strip()
    if not items or leftover:
        ctx.problem(line, f'cannot read the recommendation numbers in "[[recommendation {arg}]]"',
                    "write [[recommendation 7]] or [[recommendations 3-6, 9]]")
        return []
    out: list[RecNumber] = []
    for _, a, b in items:
        for n in unknown_endpoints(ctx, a, b):
            ctx.problem(line, f"[[recommendation {arg}]] places recommendation {n}, which this report does not have",
                        "check the number in recommendations.yaml")
        out.extend(expand(ctx, a, b))
    return out


def number_paragraphs(state: StateCore) -> None:
    ctx: ParseContext = state.env["scrutiny"]
    numbered = bool(ctx.markdown and ctx.markdown.numbered)
    for token in state.tokens:
        if token.type == "footnote_block_open":
            break
        if token.type == "heading_open" and token.tag == "h1" and ctx.section:
            ctx.problem(token.map[0] if token.map else None,
                        "a section file starts its headings at ## (its title comes from report.yaml)",
                        "change # to ##")
        if token.type == "rec_box":
            _record_placements(ctx, token)
        if numbered and token.type == "paragraph_open" and token.level == 0:
            ctx.paragraph_counter += 1
            token.attrSet("id", f"p{ctx.paragraph_counter}")
            token.meta = {**(token.meta or {}), "number": ctx.paragraph_counter}


def _record_placements(ctx: ParseContext, token) -> None:
    for n in token.meta["numbers"]:
        if n in ctx.placements:
            ctx.problem(token.map[0], f"recommendation {n} is placed twice", "place each recommendation box once")
        ctx.placements[n] = Placement(ctx.section, ctx.paragraph_counter or None)
