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


def short_form(text: str, words: int = 24) -> str:
    """The first sentence of plain text when it is short, else its first ``words`` words
    and an ellipsis: the recommendation's own words, shortened, never reworded."""
    flat = " ".join(text.split())
    head, mark, _ = flat.partition(". ")
    if mark and len(head.split()) <= words + 6:
        return head + "."
    head, mark, _ = flat.partition("; ")
    if mark and 8 <= len(head.split()) <= words + 6:
        return head + "…"
    parts = flat.split(" ")
    return flat if len(parts) <= words + 6 else " ".join(parts[:words]).rstrip(",;:") + "…"
