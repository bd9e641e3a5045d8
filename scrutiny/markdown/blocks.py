"""Block-level plugins: placement lines and numbered paragraphs.

``[[recommendation 7]]`` / ``[[recommendations 17-20]]`` on a line of its own places
recommendation boxes (token ``rec_box``, ``meta["numbers"]``, the recommendations in
order); ``[[table id]]`` places a data table (token ``data_table``, ``meta["id"]``).
Top-level paragraphs of numbered Markdown get ``id="p<n>"`` and ``meta["number"]``,
counted across the whole report.

A placement's references are written as the council writes them (``5(b)``, ``5 (b)``,
``1.1``, ``a``, ``ABC.140715.20b``), separated by ``,``, ``and`` or ``&``; a range
(``3-6``, ``1.1 to 1.3``) places every recommendation between its ends in document order
(:mod:`.recrefs`). A group (``5`` when the report has 5a-5c) places each part's box. A
reference the report does not reproduce places nothing, without a problem; an unknown,
ambiguous or backwards one is a problem. In a report whose recommendations could not be
read, placements place nothing and are not checked.
"""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore

from ..model import RecNumber
from ..problems import did_you_mean
from .context import ParseContext, Placement
from .recrefs import DASH, SEP, Item, check_item, parse_ref, scan_list

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
    items = _placement_items(ctx, arg)
    if not items:
        ctx.problem(line, f'cannot read the recommendation numbers in "[[recommendation {arg}]]"',
                    "write [[recommendation 7]] or [[recommendations 3-6, 9]]")
        return []

    def unknown(n: RecNumber) -> tuple[str, str]:
        return (f"[[recommendation {arg}]] places recommendation {n}, which this report does not have",
                "check the number in recommendations.yaml")

    out: list[RecNumber] = []
    for item in items:
        out.extend(check_item(ctx, line, f"[[recommendation {arg}]]", item, unknown)[1])
    return out


def _placement_items(ctx: ParseContext, arg: str) -> list[Item] | None:
    """The references and ranges of a placement, each written as the council writes it
    (``5(b)``, ``1.1``, ``a``, ``ABC.140715.20b``); None when one cannot be read."""
    items = [_placement_item(ctx, piece) for piece in SEP.split(arg.strip())]
    return None if any(i is None for i in items) else items  # type: ignore[return-value]


def _placement_item(ctx: ParseContext, piece: str) -> Item | None:
    def known(n: RecNumber | None) -> bool:
        return n is not None and ctx.resolve(n).kind != "unknown"

    whole = parse_ref(piece)
    if known(whole):
        return Item(whole, (0, len(piece)))  # type: ignore[arg-type]
    for dash in DASH.finditer(piece):
        a, b = parse_ref(piece[:dash.start()]), parse_ref(piece[dash.end():])
        if known(a) and known(b):
            return Item(a, (0, dash.start()), b, (dash.end(), len(piece)))  # type: ignore[arg-type]
    # not the report's: read it as a phrase's list would ("3-9"), so the unknown end is named
    items, end = scan_list(piece, 0, lambda n: True)
    if len(items) == 1 and end == len(piece):
        return items[0]
    # an unknown reference of another scheme ("a", "ABC.1"), named in the problem
    plain = whole is not None and not DASH.search(piece) and not any(c.isspace() for c in piece)
    return Item(whole, (0, len(piece))) if plain else None  # type: ignore[arg-type]


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
