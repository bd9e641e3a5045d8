"""Link natural phrases: "Recommendation 7", "Recommendations 3-6 and 9",
"Recommendations (7, 8 and 14)", "recommendations 2 & 3", "Recommendation 2a".

Each number becomes a link token whose ``href`` is ``rec:<report>/<number>`` and whose
``meta["rec"]`` is ``(report id, RecNumber)``; every renderer maps it to its own URL.
"""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..model import RecNumber
from .context import ParseContext, text_token as _text

NUM = r"\d{1,3}[a-z]?(?!\w)"
ITEM = rf"{NUM}(?:\s*(?:-|–|to)\s*{NUM})?"
PHRASE = re.compile(
    rf"\b(?P<word>[Rr]ecommendations?)\s+(?P<open>\(\s*)?(?P<list>{ITEM}(?:\s*(?:,|and|&)\s*{ITEM})*)(?(open)\s*\))"
)
ITEM_RE = re.compile(rf"(?P<a>{NUM})(?:(?P<dash>\s*(?:-|–|to)\s*)(?P<b>{NUM}))?")


def expand(ctx: ParseContext, a: RecNumber, b: RecNumber | None) -> list[RecNumber]:
    """The known numbers a list item names: one (a theme number names its sub-letters),
    or every known number in a range ``a-b``."""
    known = sorted(ctx.numbers())
    if b is None:
        return [a] if a in known else [n for n in known if not a.letter and n.number == a.number]
    return [n for n in known if a <= n <= b or (n.number == b.number and not b.letter and n.number >= a.number)]


def list_items(text: str) -> list[tuple[re.Match, RecNumber, RecNumber | None]]:
    """Each number or range of a written list ("3-6, 9 and 11"), parsed."""
    return [(item, RecNumber.parse(item["a"]), RecNumber.parse(item["b"]) if item["b"] else None)
            for item in ITEM_RE.finditer(text)]


def unknown_endpoints(ctx: ParseContext, a: RecNumber, b: RecNumber | None) -> list[RecNumber]:
    """The written numbers of an item that name no recommendation of the report."""
    return [n for n in ((a, b) if b else (a,)) if not expand(ctx, n, None)]


def link_recommendation_phrases(state: StateCore) -> None:
    ctx: ParseContext = state.env["scrutiny"]
    para = None
    in_heading = False
    for token in state.tokens:
        if token.type == "footnote_block_open":
            ctx.last_paragraph = None
        if token.type == "paragraph_open" and token.level == 0:
            para = token.meta.get("number")
            ctx.last_paragraph = para
        in_heading = token.type == "heading_open" or (in_heading and token.type != "heading_close")
        if token.type != "inline" or in_heading or not token.children:
            continue
        token.children = list(_link_children(token, ctx))


def _link_children(inline: Token, ctx: ParseContext):
    depth = 0
    line = inline.map[0] if inline.map else None
    for child in inline.children or []:
        if child.type in ("softbreak", "hardbreak") and line is not None:
            line += 1
        if child.type == "link_open":
            depth += 1
        elif child.type == "link_close":
            depth -= 1
        if child.type != "text" or depth or "ecommendation" not in child.content:
            yield child
            continue
        yield from _split(child, ctx, line)


def _split(child: Token, ctx: ParseContext, line: int | None):
    text = child.content
    pos = 0
    for m in PHRASE.finditer(text):
        parsed = list_items(m["list"])
        for _, a, b in parsed:
            for n in unknown_endpoints(ctx, a, b):
                ctx.problem(line, f'"{m.group(0).strip()}" cites recommendation {n}, which {ctx.report.id} does not have',
                            _known_hint(ctx))
            for n in expand(ctx, a, b):
                ctx.cite((ctx.report.id, n))
        if pos < m.start():
            yield _text(text[pos:m.start()])
        single = len(parsed) == 1 and parsed[0][2] is None
        list_start = m.start("list")
        if single:
            yield from _link(text[m.start():m.end()], ctx, parsed[0][1])
        else:
            yield _text(text[m.start():list_start])
            cursor = list_start
            for item, a, b in parsed:
                s, e = list_start + item.start(), list_start + item.end()
                if cursor < s:
                    yield _text(text[cursor:s])
                yield from _link(item["a"], ctx, a)
                if b is not None:
                    yield _text(item["dash"])
                    yield from _link(item["b"], ctx, b)
                cursor = e
            if cursor < m.end():
                yield _text(text[cursor:m.end()])
        pos = m.end()
    if pos < len(text):
        yield _text(text[pos:])


def _link(label: str, ctx: ParseContext, number: RecNumber):
    target = ctx.resolve(number)
    if target is None:
        yield _text(label)
        return
    open_ = Token("link_open", "a", 1)
    open_.attrs = {"href": f"rec:{ctx.report.id}/{target}"}
    open_.meta = {"rec": (ctx.report.id, target), "label": f"Recommendation {number}"}
    yield open_
    yield _text(label)
    yield Token("link_close", "a", -1)


def _known_hint(ctx: ParseContext) -> str:
    known = sorted(ctx.numbers())
    if not known:
        return "this report has no recommendations yet"
    if len(known) == 1:
        return f"its only recommendation is {known[0]}"
    return f"its recommendations are {known[0]} to {known[-1]}"
