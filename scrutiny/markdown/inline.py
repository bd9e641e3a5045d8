"""Inline plugins: link checking (schemes, ``rec:`` targets) and glossary abbreviations.

``[text](rec:7)`` and ``[text](rec:other-report/7)`` link a recommendation; the reference
may be written as the council writes it or as its slug (``rec:5(b)``, ``rec:5b``,
``rec:1.1``, ``rec:1-1``, ``rec:abc-140715-20b``). A checked link's ``href`` becomes
``rec:<report>/<slug>`` and its ``meta["rec"]`` ``(report id, RecNumber)``. A link to a
group (``rec:5`` when the report has 5a-5c) is one link to the whole group, with
``meta["group"]`` its parts in document order, and cites every part (see
:mod:`.context`). A link to a reference the report does not reproduce, or into a report
whose recommendations could not be read, is shown as its plain text; an unknown or
ambiguous one is a problem.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..model import RecNumber
from ..problems import did_you_mean
from .context import ParseContext, ambiguity, text_token as _text

SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
REC_LINK = re.compile(r"^rec:(?:(?P<report>[a-z0-9-]+)/)?(?P<number>[^/]+)$")
LINK_HINT = "links may be http(s):, mailto:, tel:, rec: (a recommendation) or #anchor"


def link_allowed(href: str) -> bool:
    """The link rule of every author's link (Markdown text, chart ``href``): an http(s),
    mailto or tel URL, or an anchor on the page (``rec:`` links are resolved separately)."""
    return href.lower().startswith(SAFE_SCHEMES) or href.startswith("#")


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
        out: list[Token] = []
        dropped: list[bool] = []  # per open link: shown as plain text instead
        for child in token.children or []:
            if child.type in ("softbreak", "hardbreak") and line is not None:
                line += 1
            if child.type == "image":
                ctx.problem(line, "images are not supported in report text",
                            "describe the figure in words, or give its data as a table in report.yaml")
            if child.type == "link_close" and dropped:
                if dropped.pop():
                    continue
            if child.type == "link_open":
                href = str(child.attrGet("href") or "")
                keep = True
                if href.startswith("rec:"):
                    keep = _rec_link(ctx, child, href, line)
                elif not link_allowed(href):
                    ctx.problem(line, f'link "{href}" is not allowed', LINK_HINT)
                    child.attrSet("href", "#")
                dropped.append(not keep)
                if not keep:
                    continue
            out.append(child)
        if token.children is not None:
            token.children = out


def _rec_link(ctx: ParseContext, token: Token, href: str, line: int | None) -> bool:
    """Check a ``rec:`` link and point it at its target; False when it is to be shown as
    plain text (a reference not reproduced, or a report whose recommendations could not be read)."""
    m = REC_LINK.match(href)
    number = None
    if m:
        try:
            number = RecNumber.parse(unquote(m["number"]))
        except ValueError:
            pass
    if m is None or number is None:
        ctx.problem(line, f'"{href}" is not a recommendation link', "write rec:7 or rec:other-report-id/7")
        return True
    report_id = m["report"] or ctx.report.id
    if report_id not in ctx.index and report_id != ctx.report.id:
        ctx.problem(line, f'"{href}" links to report "{report_id}", which does not exist', did_you_mean(report_id, ctx.index))
        return True
    target = ctx.resolve(number, report_id)
    if target.kind in ("unchecked", "not-reproduced"):
        return False
    if target.kind == "unknown":
        ctx.problem(line, f'"{href}" links to recommendation {number} of {report_id}, which does not exist',
                    "check the number in that report's recommendations.yaml")
        return True
    if target.kind == "ambiguous":
        message, hint = ambiguity(target)
        ctx.problem(line, f'"{href}" is ambiguous: {message}', hint)
        return True
    token.attrSet("href", target.href)
    token.meta = {**(token.meta or {}), **target.meta()}
    ctx.cite_target(target)
    return True


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
