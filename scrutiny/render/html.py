"""Token stream to HTML: the site's report body, and the HTML the PDF and EPUB start from.

Callers give an :class:`HtmlContext` saying how to link a recommendation and how to
draw a placed recommendation box or data table; the token stream is the same for all.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Callable, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.utils import OptionsDict

from ..i18n import _
from ..markdown import make_parser
from ..model import RecNumber
from ..urls import slugify


@dataclass(frozen=True)
class HtmlContext:
    """How one output links and draws the things our plugins add."""

    rec_href: Callable[[str, RecNumber], str]
    """URL of a recommendation (report id, number)."""
    rec_box: Callable[[RecNumber], str]
    """HTML of a placed recommendation box."""
    data_table: Callable[[str], str]
    """HTML of a placed data table (by id)."""
    doc_id: str = ""
    """Prefix for footnote ids, so several sections share one page."""
    heading_shift: int = 1
    """Added to Markdown heading levels (section titles are h2, so ## becomes h3)."""
    xhtml: bool = False
    """Self-close void elements (EPUB)."""
    paragraph_links: bool = True
    """Make the paragraph number a link to its own anchor (web); plain text otherwise."""


def _ctx(env) -> HtmlContext:
    return env["html"]


def _paragraph_open(self, tokens: Sequence[Token], idx: int, options, env) -> str:
    token = tokens[idx]
    if token.hidden:
        return ""
    number = (token.meta or {}).get("number")
    if not number:
        return self.renderToken(tokens, idx, options, env)
    ctx = _ctx(env)
    said = escape(_("Paragraph %(n)s", n=number))
    label = (f'<a class="para-num" href="#p{number}" aria-label="{said}">{number}</a>'
             if ctx.paragraph_links else f'<span class="para-num">{number}</span>')
    return f'<p id="p{number}" class="numbered">{label} '


def _heading(self, tokens, idx, options, env) -> str:
    """A heading one level below its section's title, with an id of its own (the
    section's prefix and its words), so that every heading can be linked to."""
    token = tokens[idx]
    level = min(6, int(token.tag[1]) + _ctx(env).heading_shift)
    if token.nesting != 1:
        return f"</h{level}>\n"
    words = tokens[idx + 1].content if idx + 1 < len(tokens) else ""
    base = "-".join(filter(None, (_ctx(env).doc_id, slugify(words, "")))) or "heading"
    used = env.setdefault("heading_ids", set())
    anchor, n = base, 2
    while anchor in used:
        anchor, n = f"{base}-{n}", n + 1
    used.add(anchor)
    return f'<h{level} id="{escape(anchor)}">'


def _link_open(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    rec = (token.meta or {}).get("rec")
    if rec:
        href = _ctx(env).rec_href(*rec)
        label = (token.meta or {}).get("label")
        nxt = tokens[idx + 1] if idx + 1 < len(tokens) else None
        said = escape(_("Recommendation %(ref)s", ref=rec[1])) if label else ""
        aria = f' aria-label="{said}"' if label and nxt is not None and nxt.content[:1].isdigit() else ""
        return f'<a class="rec-ref" href="{escape(href)}"{aria}>'
    return self.renderToken(tokens, idx, options, env)


def _rec_box(self, tokens, idx, options, env) -> str:
    ctx = _ctx(env)
    return "".join(ctx.rec_box(n) for n in tokens[idx].meta["numbers"])


def _data_table(self, tokens, idx, options, env) -> str:
    return _ctx(env).data_table(tokens[idx].meta["id"])


def _abbr_open(self, tokens, idx, options, env) -> str:
    return f'<abbr title="{escape(tokens[idx].attrGet("title") or "")}">'


def _abbr_close(self, tokens, idx, options, env) -> str:
    return "</abbr>"


def _table_open(self, tokens, idx, options, env) -> str:
    return '<div class="table-wrap"><table>\n'


def _table_close(self, tokens, idx, options, env) -> str:
    return "</table></div>\n"


def _th_open(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    style = token.attrGet("style")
    align = f' class="align-{style.split(":")[1]}"' if style else ""
    return f'<th scope="col"{align}>'


def _footnote_block_open(self, tokens, idx, options, env) -> str:
    """The plugin's footnote block, named for assistive technology ("Notes")."""
    rule = '<hr class="footnotes-sep" />\n' if options.xhtmlOut else '<hr class="footnotes-sep">\n'
    name = escape(_("Notes"))
    return f'{rule}<section class="footnotes" aria-label="{name}">\n<ol class="footnotes-list">\n'


RULES = {
    "paragraph_open": _paragraph_open,
    "heading_open": _heading,
    "heading_close": _heading,
    "link_open": _link_open,
    "rec_box": _rec_box,
    "data_table": _data_table,
    "abbr_open": _abbr_open,
    "abbr_close": _abbr_close,
    "table_open": _table_open,
    "table_close": _table_close,
    "th_open": _th_open,
    "footnote_block_open": _footnote_block_open,
}


def _make_renderer() -> MarkdownIt:
    md = make_parser()
    for name, rule in RULES.items():
        md.add_render_rule(name, rule)
    return md


_MD = _make_renderer()


def render_html(tokens: Sequence[Token], ctx: HtmlContext) -> str:
    options = OptionsDict({**_MD.options, "xhtmlOut": ctx.xhtml})
    env = {"html": ctx}
    if ctx.doc_id:
        env["docId"] = ctx.doc_id
    return _MD.renderer.render(tokens, options, env)


def render_inline_html(tokens: Sequence[Token], ctx: HtmlContext) -> str:
    """A one-paragraph Markdown field without its ``<p>`` wrapper (for table cells)."""
    html = render_html(tokens, ctx).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html
