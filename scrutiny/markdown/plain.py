"""Plain words from a token stream (for data exports, titles, audio and search)."""

from __future__ import annotations

from typing import Iterable

from markdown_it.token import Token


def inline_text(children: Iterable[Token]) -> str:
    out = []
    for child in children:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return "".join(out)


def plain_text(tokens: Iterable[Token]) -> str:
    """Block texts joined by blank lines, footnote definitions left out."""
    blocks = []
    for token in tokens:
        if token.type == "footnote_block_open":
            break
        if token.type == "inline":
            blocks.append(inline_text(token.children or []).strip())
    return "\n\n".join(b for b in blocks if b)
