"""Link natural phrases: "Recommendation 7", "Recommendations 3-6 and 9",
"Recommendations (7, 8 and 14)", "recommendations 2 & 3", "Recommendation 2a",
"Recommendation 5(b)", "Recommendation 5 (b)", "Recommendation 1(ii)",
"Recommendations 1.1 and 1.2", "Recommendations 1.1 to 1.3".

Each reference becomes a link token whose ``href`` is ``rec:<report>/<slug>`` and whose
``meta["rec"]`` is ``(report id, RecNumber)``; every renderer maps it to its own URL.
``meta["label"]`` is "Recommendation <reference>" (the phrase names itself; the site's
``aria-label`` says it in the page's language).

What a phrase's references may look like: a number of one to three digits, then an
optional sub-letter (``2a``), ``.<digits>`` parts (``1.1``, ``1.2.3``) and parenthesised
parts (``5(b)``, ``1(ii)``). A full stop is taken only before a digit, so
"Recommendation 1. The next sentence" cites 1. A part after a space (``5 (b)``) is taken
only when the report has that reference, or when the reference before it is a group
(the report has parts of 5): "Recommendation 5 (see below)" and, for a report whose 5
has no parts, "Recommendation 5 (a)" cite 5 and leave the brackets as text.

A reference that names a group (``5`` when the report has 5a, 5b and 5c) is one link to
the whole group: ``meta["rec"]`` is ``(report id, RecNumber 5)``, ``meta["group"]`` the
parts in document order, and it cites every part. A single recommendation has no
``"group"`` key. A reference that is both a recommendation and the start of others (``1``
beside ``1.1``) is a problem; so is one the report does not have.

A range ("3-6", "2a-2c", "1.1 to 1.3") cites every recommendation from its first end to
its last in the report's document order (not number order); an end that names a group
takes in all its parts ("3-5" with 5a-5c ends at 5c). A range written backwards is a
problem. When an end is one the report does not reproduce, the range falls back to
number order between its ends. Each end is linked on its own.

A reference the report lists under ``not_reproduced`` is plain text, without a problem.
Phrases citing a report whose recommendations could not be read are left as text and
not checked (its own problems are reported once, by the loader).

A backslash before the word is an escape: ``\\Recommendation 5`` is shown as
"Recommendation 5", without a link, problem or citation (markdown-it keeps ``\\R`` as
text, as R is not punctuation, so the backslash is removed here, in headings and link
texts too). Phrases in headings and inside links are not linked.

Text in Welsh (a report whose ``language`` is ``cy``, its own or a translation's) links
the Welsh phrases too, with the Welsh words for "and" and "to": "Argymhelliad 2a",
"Argymhellion 3 a 4", "Argymhellion 7 ac 8", "Argymhellion 17-20", "Argymhellion 3 i 6",
"Arg. 5", and the forms after ei/eu ("eu hargymhellion 3 a 4"). It still links an English
phrase it quotes ("Recommendation 5"), with the English words. English text links only
the English phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..model import RecNumber
from .context import ParseContext, Target, ambiguity, text_token as _text

_PART = r"(?:\.\d{1,3}(?:[a-zA-Z](?![a-zA-Z]))?|\((?:[a-zA-Z]{1,4}|\d{1,3})\))"
REF = re.compile(rf"\d{{1,3}}(?:[a-zA-Z](?![a-zA-Z]))?(?>{_PART}*)(?!\w)")
"""A reference in a phrase: ``7``, ``2a``, ``1.1``, ``5(b)``, ``1(ii)``."""
SPACED = re.compile(rf" +\((?:[a-zA-Z]{{1,4}}|\d{{1,3}})\)(?>{_PART}*)(?!\w)")
"""A part after a space (`` (b)`` of ``5 (b)``), taken only when the report has it."""
DASH = re.compile(r"\s*[-–]\s*|\s+to\s+")
SEP = re.compile(r"\s*,\s*(?:(?:and|&)\s+)?|\s*&\s*|\s+and\s+")
WORD = re.compile(r"(?P<esc>\\)?\b(?P<word>[Rr]ecommendations?)\b")
ESCAPED = re.compile(r"\\(?=[Rr]ecommendations?\b)")

_CY_WORDS = r"(?:[Hh]a|[Aa])rgymhell(?:iad|ion)\b|[Aa]rg\.|[Aa]rgymh\."
WELSH_WORD = re.compile(rf"(?P<esc>\\)?\b(?:(?P<word>[Rr]ecommendations?)\b|(?P<cy>{_CY_WORDS}))")
"""The Welsh words (argymhelliad, argymhellion, hargymhelliad, hargymhellion, Arg., Argymh.) and the English ones."""
WELSH_ESCAPED = re.compile(rf"\\(?=[Rr]ecommendations?\b|{_CY_WORDS})")
WELSH_DASH = re.compile(r"\s*[-–]\s*|\s+i\s+|\s+hyd\s+at\s+")
"""A range in Welsh: "3-6", "3 i 6", "3 hyd at 6"."""
WELSH_SEP = re.compile(r"\s*,\s*(?:(?:a|ac|&)\s+)?|\s*&\s*|\s+(?:a|ac)\s+")
"""A list in Welsh: "3, 4 a 9", "7 ac 8"."""


@dataclass(frozen=True)
class Words:
    """The words that start a phrase in one language, and those that join its references."""

    word: re.Pattern
    escaped: re.Pattern
    triggers: tuple[str, ...]
    """Text without any of these has no phrase (a quick test before the pattern)."""


ENGLISH = Words(WORD, ESCAPED, ("ecommendation",))
WELSH = Words(WELSH_WORD, WELSH_ESCAPED, ("ecommendation", "rgymhell", "rg.", "rgymh."))


def words_for(language: str) -> Words:
    """The phrases recognised in text in ``language`` (a BCP 47 tag; "" is English)."""
    return WELSH if language.split("-")[0].lower() == "cy" else ENGLISH


_SPACE = re.compile(r"\s+")
_OPEN = re.compile(r"\(\s*")
_CLOSE = re.compile(r"\s*\)")


@dataclass(frozen=True)
class Item:
    """One reference or range of a written list, with where its ends are in the text."""

    a: RecNumber
    a_span: tuple[int, int]
    b: RecNumber | None = None
    b_span: tuple[int, int] | None = None


def _ref_at(text: str, pos: int, accept: Callable[[RecNumber], bool]) -> tuple[RecNumber, int] | None:
    m = REF.match(text, pos)
    if not m:
        return None
    end = m.end()
    spaced = SPACED.match(text, end)
    longer = parse_ref(text[pos:spaced.end()]) if spaced else None
    if spaced and longer is not None and accept(longer):
        end = spaced.end()
    ref = parse_ref(text[pos:end])
    return (ref, end) if ref is not None else None


def parse_ref(text: str) -> RecNumber | None:
    try:
        return RecNumber.parse(text)
    except ValueError:  # longer than a reference can be
        return None


def scan_list(text: str, pos: int, accept: Callable[[RecNumber], bool], dashes: re.Pattern = DASH,
              seps: re.Pattern = SEP) -> tuple[list[Item], int]:
    """The references and ranges written from ``pos`` ("3-6, 9 and 11"), and where the last
    ends; ``dashes`` and ``seps`` are the words of a range and of a list (English by default)."""
    items: list[Item] = []
    cursor = pos
    while True:
        first = _ref_at(text, cursor, accept)
        if first is None:
            break
        a, end = first
        item = Item(a, (cursor, end))
        dash = dashes.match(text, end)
        second = _ref_at(text, dash.end(), accept) if dash else None
        if dash and second:
            item = Item(a, (cursor, end), second[0], (dash.end(), second[1]))
            end = second[1]
        items.append(item)
        pos = end
        sep = seps.match(text, pos)
        if not sep:
            break
        cursor = sep.end()
    return items, pos


def _accept(ctx: ParseContext) -> Callable[[RecNumber], bool]:
    """Whether a spaced part belongs to the reference: the report has the longer reference
    (or does not reproduce it), or the reference before it is a group of the report."""
    refs = ctx.refs()

    def accept(longer: RecNumber) -> bool:
        if refs is None:
            return False
        group = longer.group
        return (longer in refs or refs.is_not_reproduced(longer)
                or (group is not None and bool(refs.parts_of(group))))
    return accept


def expand(ctx: ParseContext, a: Target, b: Target | None) -> list[RecNumber] | None:
    """The recommendations an item names: a recommendation, a group's parts, or every
    recommendation of a range in document order. None for a range written backwards."""
    if b is None:
        return list(a.cited)
    refs = ctx.refs(a.report_id)
    in_report = ("recommendation", "group", "not-reproduced")
    if refs is None or a.kind not in in_report or b.kind not in in_report:
        return [n for t in (a, b) for n in t.cited]
    if a.linked and b.linked:
        start = refs.position((a.members or (a.number,))[0])
        end = refs.position((b.members or (b.number,))[-1])
        return list(refs.numbers[start:end + 1]) if start <= end else None
    # an end the report does not reproduce has no place in it: number order between the ends
    lo, hi = a.number, b.number
    return [n for n in refs.numbers if not n < lo and (not hi < n or hi.contains(n))]


def check_item(ctx: ParseContext, line: int | None, subject: str, item: Item,
               unknown: Callable[[RecNumber], tuple[str, str]]) -> tuple[list[Target], list[RecNumber]]:
    """Resolve an item's ends, report what is wrong (``subject`` starts each message;
    ``unknown`` gives the message and hint for a reference the report does not have) and
    return the ends' targets and the recommendations the item names."""
    ends = [ctx.resolve(item.a)] + ([ctx.resolve(item.b)] if item.b else [])
    for t in ends:
        if t.kind == "unknown":
            ctx.problem(line, *unknown(t.number))
        elif t.kind == "ambiguous":
            message, hint = ambiguity(t)
            ctx.problem(line, f"{subject} is ambiguous: {message}", hint)
    numbers = expand(ctx, ends[0], ends[1] if item.b else None)
    if numbers is None:
        ctx.problem(line, f"{subject} runs backwards: in {ctx.report.id}, {item.b} comes before {item.a}",
                    "write the range from its first recommendation to its last, in the order the report gives them")
        numbers = []
    return ends, numbers


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
        if token.type != "inline" or not token.children:
            continue
        token.children = list(_link_children(token, ctx, link=not in_heading))


def _link_children(inline: Token, ctx: ParseContext, link: bool) -> Iterator[Token]:
    depth = 0
    line = inline.map[0] if inline.map else None
    words = words_for(ctx.report.language)
    for child in inline.children or []:
        if child.type in ("softbreak", "hardbreak") and line is not None:
            line += 1
        if child.type == "link_open":
            depth += 1
        elif child.type == "link_close":
            depth -= 1
        if child.type != "text" or not any(t in child.content for t in words.triggers):
            yield child
        elif depth or not link:
            child.content = words.escaped.sub("", child.content)
            yield child
        else:
            yield from _split(child.content, ctx, line, words)


class _Out:
    """Text and link tokens, adjacent text joined into one token."""

    def __init__(self) -> None:
        self.tokens: list[Token] = []
        self.buf: list[str] = []

    def text(self, s: str) -> None:
        self.buf.append(s)

    def link(self, label: str, target: Target, written: RecNumber) -> None:
        if not target.linked:
            self.text(label)
            return
        self.flush()
        open_ = Token("link_open", "a", 1)
        open_.attrs = {"href": target.href}
        open_.meta = {**target.meta(), "label": f"Recommendation {written}"}
        self.tokens += [open_, _text(label), Token("link_close", "a", -1)]

    def flush(self) -> None:
        if "".join(self.buf):
            self.tokens.append(_text("".join(self.buf)))
        self.buf = []


def _split(text: str, ctx: ParseContext, line: int | None, words: Words = ENGLISH) -> list[Token]:
    out = _Out()
    pos = 0
    accept = _accept(ctx)
    for m in words.word.finditer(text):
        if m.start() < pos:
            continue
        if m["esc"]:
            out.text(text[pos:m.start()])
            pos = m.start() + 1
            continue
        welsh = bool(m.groupdict().get("cy"))
        dashes, seps = (WELSH_DASH, WELSH_SEP) if welsh else (DASH, SEP)
        start = m.end()
        ws = _SPACE.match(text, start)
        if not ws:
            continue
        opened = _OPEN.match(text, ws.end())
        items, end = scan_list(text, opened.end() if opened else ws.end(), accept, dashes, seps)
        if opened and items:
            close = _CLOSE.match(text, end)
            items, end = (items, close.end()) if close else ([], end)
        if not items:
            continue
        out.text(text[pos:m.start()])
        _phrase(out, ctx, line, text, m.start(), end, items)
        pos = end
    out.text(text[pos:])
    out.flush()
    return out.tokens


def _phrase(out: _Out, ctx: ParseContext, line: int | None, text: str, start: int, end: int, items: list[Item]) -> None:
    phrase = text[start:end].strip()

    def unknown(n: RecNumber) -> tuple[str, str]:
        return f'"{phrase}" cites recommendation {n}, which {ctx.report.id} does not have', _known_hint(ctx)

    checked = []
    for item in items:
        ends, numbers = check_item(ctx, line, f'"{phrase}"', item, unknown)
        for n in numbers:
            ctx.cite((ctx.report.id, n))
        checked.append((item, ends))
    if len(items) == 1 and items[0].b is None:
        out.link(text[start:end], checked[0][1][0], items[0].a)
        return
    cursor = start
    for item, ends in checked:
        spans = [item.a_span] + ([item.b_span] if item.b_span else [])
        for (s, e), target, written in zip(spans, ends, (item.a, item.b)):
            out.text(text[cursor:s])
            out.link(text[s:e], target, written)  # type: ignore[arg-type]
            cursor = e
    out.text(text[cursor:end])


def _known_hint(ctx: ParseContext) -> str:
    refs = ctx.refs()
    known = list(refs.numbers) if refs else []
    if not known:
        return "this report has no recommendations yet"
    if len(known) == 1:
        return f"its only recommendation is {known[0]}"
    if all(n.is_simple for n in known):
        ordered = sorted(known)
        return f"its recommendations are {ordered[0]} to {ordered[-1]}"
    shown = ", ".join(str(n) for n in known[:8])
    return f"its recommendations are {shown}" + (", ..." if len(known) > 8 else "")
