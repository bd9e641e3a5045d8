"""Inline plugins: link checking (schemes, ``rec:`` targets) and glossary abbreviations."""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..model import RecNumber
from ..problems import did_you_mean
from .context import ParseContext, text_token as _text

SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
REC_LINK = re.compile(r"^rec:(?:(?P<report>[a-z0-9-]+)/)?(?P<number>\d{1,3}[a-z]?)$")


def check_links(state: StateCore) -> None:
    ctx: ParseContext = state.env["scrutiny"]
    para = None
    for token in state.tokens:
        if token.type == "paragraph_open" and token.level == 0:
            para = token.meta.get("number") if token.meta else None
        if token.type != "inline":
            continue
        ctx.last_paragraph = para
        line = token.map[0] if token.map else None
        for child in token.children or []:
            if child.type in ("softbreak", "hardbreak") and line is not None:
                line += 1
            if child.type == "image":
                ctx.problem(line, "images are not supported in report text",
                            "describe the figure in words, or give its data as a table in report.yaml")
            if child.type != "link_open":
                continue
            href = str(child.attrGet("href") or "")
            if href.startswith("rec:"):
                _rec_link(ctx, child, href, line)
            elif not (href.lower().startswith(SAFE_SCHEMES) or href.startswith("#")):
                ctx.problem(line, f'link "{href}" is not allowed',
                            "links may be http(s):, mailto:, tel:, rec: (a recommendation) or #anchor")
                child.attrSet("href", "#")


def _rec_link(ctx: ParseContext, token: Token, href: str, line: int | None) -> None:
    m = REC_LINK.match(href)
    if not m:
        ctx.problem(line, f'"{href}" is not a recommendation link', "write rec:7 or rec:other-report-id/7")
        return
    report_id = m["report"] or ctx.report.id
    number = RecNumber.parse(m["number"])
    if report_id in ctx.index and ctx.index[report_id] is None:
        return  # that report could not be read; its own problems say why
    if report_id not in ctx.index:
        ctx.problem(line, f'"{href}" links to report "{report_id}", which does not exist', did_you_mean(report_id, ctx.index))
        return
    target = ctx.resolve(number, report_id)
    if target is None:
        ctx.problem(line, f'"{href}" links to recommendation {number} of {report_id}, which does not exist',
                    "check the number in that report's recommendations.yaml")
        return
    token.attrSet("href", f"rec:{report_id}/{target}")
    token.meta = {"rec": (report_id, target)}
    ctx.cite((report_id, target))


def mark_glossary(state: StateCore) -> None:
    """Wrap whole-word glossary terms in ``abbr_open``/``abbr_close`` tokens (title = definition)."""
    ctx: ParseContext = state.env["scrutiny"]
    glossary = {g.term: g.definition for g in ctx.report.glossary}
    if not glossary:
        return
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(t) for t in sorted(glossary, key=len, reverse=True)) + r")(?![\w-])")
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        out: list[Token] = []
        depth = 0
        for child in token.children:
            depth += child.type == "link_open"
            depth -= child.type == "link_close"
            if child.type != "text" or depth or not pattern.search(child.content):
                out.append(child)
                continue
            pos = 0
            for m in pattern.finditer(child.content):
                if m.start() > pos:
                    out.append(_text(child.content[pos:m.start()]))
                open_ = Token("abbr_open", "abbr", 1)
                open_.attrs = {"title": glossary[m[1]]}
                open_.meta = {"expansion": glossary[m[1]]}
                out += [open_, _text(m[1]), Token("abbr_close", "abbr", -1)]
                pos = m.end()
            if pos < len(child.content):
                out.append(_text(child.content[pos:]))
        token.children = out
