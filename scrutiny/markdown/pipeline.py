"""The one Markdown pipeline: markdown-it-py (CommonMark + tables + footnotes, raw HTML
off) with our plugins, run once per Markdown text; every renderer reads its tokens.

Citations are resolved against an index of every report's references
(:func:`build_index`): a report whose folder could not be read, or whose
recommendations.yaml could not be (``recommendations_read`` False), maps to None, so
text citing it is neither checked nor linked (its own problems are reported once).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from types import MappingProxyType
from typing import Iterable, Iterator, Mapping

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from ..model import Content, Markdown, RecNumber, Report
from ..problems import Problems
from .blocks import number_paragraphs, placement_block
from .context import Citation, ParseContext, Placement, RecIndex
from .inline import check_links, mark_glossary
from .recrefs import link_recommendation_phrases

#: Deepest nesting of a Markdown text (block quotes, lists, emphasis, links inside one
#: another): far more than any report needs, far less than what the XML and PDF writers
#: (lxml stops at 256 levels, WeasyPrint recurses) survive. Deeper text is a problem.
MAX_DEPTH = 32

#: Our core rules, in order, as (name, function): markdown-it runs them after its own.
CORE_RULES = (
    ("scrutiny_paragraph_numbers", number_paragraphs),
    ("scrutiny_links", check_links),
    ("scrutiny_rec_phrases", link_recommendation_phrases),
    ("scrutiny_glossary", mark_glossary),
)


def make_parser() -> MarkdownIt:
    """A parser with raw HTML disabled (shown as text) and our plugins installed."""
    md = MarkdownIt("commonmark", {"html": False, "typographer": False})
    # markdown-it silently drops what lies deeper than maxNesting; above MAX_DEPTH, so
    # that such text is reported (by _check_depth) rather than lost.
    md.options["maxNesting"] = MAX_DEPTH + 8
    md.enable("table")
    md.use(footnote_plugin, inline=False)
    # Every link is checked (and refused with a problem) by check_links, instead of
    # being silently left as text by markdown-it's own validator.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    md.block.ruler.before("paragraph", "scrutiny_placement", placement_block)
    for name, rule in CORE_RULES:
        md.core.ruler.push(name, rule)
    return md


@dataclass(frozen=True)
class ParsedReport:
    """The token streams of one report and what its text cites."""

    report_id: str
    sections: Mapping[str, tuple[Token, ...]]
    """Section slug to tokens, in reading order."""
    fields: Mapping[Markdown, tuple[Token, ...]]
    """Tokens of every other Markdown field (terms of reference, recommendation texts ...)."""
    citations: tuple[Citation, ...]
    placements: Mapping[RecNumber, Placement]
    paragraph_count: int


def _fields(report: Report) -> Iterator[Markdown]:
    for md in (report.terms_of_reference, report.methodology):
        if md:
            yield md
    for rec in report.recommendations:
        if rec.stem:
            yield rec.stem
        yield rec.text
        if rec.response and rec.response.text:
            yield rec.response.text
        for update in rec.updates:
            if update.note:
                yield update.note


def build_index(reports: Iterable[Report], unreadable: Iterable[str] = ()) -> dict[str, RecIndex | None]:
    """Every report's references in document order; None for an unreadable report or one
    whose recommendations could not be read."""
    index: dict[str, RecIndex | None] = {r.id: RecIndex.of(r) for r in reports}
    index.update({report_id: None for report_id in unreadable})
    return index


class WatchedIndex(Mapping):
    """A report's view of the index of every report's references, as :class:`ParseContext`
    sees it (entries coerced to :class:`RecIndex`, the report's own references from the
    report itself), that records which reports' entries its parse looked at: ``seen``, or
    ``everything`` when it went through them all (a "did you mean" over every id). What a
    parse makes depends on the report and on those entries alone (:mod:`scrutiny.reportcache`).
    Made per report without copying the index (a copy per report is quadratic in reports)."""

    def __init__(self, index: Mapping[str, RecIndex | Iterable[RecNumber] | None], report: Report):
        self.base = index
        self.seen: set[str] = set()
        self.everything = False
        self._own_id = report.id
        self._own = RecIndex.of(report) if index.get(report.id, ()) is not None else None

    def __getitem__(self, report_id: str) -> RecIndex | None:
        self.seen.add(report_id)
        if report_id == self._own_id:
            return self._own
        return RecIndex.coerce(self.base[report_id])

    def __contains__(self, report_id: object) -> bool:
        self.seen.add(report_id)  # type: ignore[arg-type]
        return report_id == self._own_id or report_id in self.base

    def __iter__(self) -> Iterator[str]:
        self.everything = True
        yield from self.base
        if self._own_id not in self.base:
            yield self._own_id

    def __len__(self) -> int:
        self.everything = True
        return len(self.base) + (self._own_id not in self.base)


def parse_report(md: MarkdownIt, report: Report, index: Mapping[str, RecIndex | Iterable[RecNumber] | None],
                 problems: Problems) -> ParsedReport:
    """Parse one report. ``index`` is :func:`build_index`'s (a plain collection of numbers
    is accepted for a report too); the report's own references come from ``report``."""
    return parse_watched(md, report, index, problems)[0]


def parse_watched(md: MarkdownIt, report: Report, index: Mapping[str, RecIndex | Iterable[RecNumber] | None],
                  problems: Problems) -> tuple[ParsedReport, WatchedIndex]:
    """:func:`parse_report`, and the :class:`WatchedIndex` that says which entries of
    ``index`` the parse read."""
    ctx = ParseContext(report, {}, problems)
    watched = ctx.index = WatchedIndex(index, report)
    sections = {}
    for section in report.sections:
        ctx.markdown, ctx.section, ctx.last_paragraph = section.body, section.slug, None
        sections[section.slug] = _check_depth(ctx, tuple(md.parse(section.body.text, {"scrutiny": ctx})))
    fields = {}
    ctx.section = ""
    for field in _fields(report):
        ctx.markdown, ctx.last_paragraph = field, None
        fields[field] = _check_depth(ctx, tuple(md.parse(field.text, {"scrutiny": ctx})))
    return ParsedReport(report.id, MappingProxyType(sections), MappingProxyType(fields),
                        tuple(ctx.citations), MappingProxyType(dict(ctx.placements)), ctx.paragraph_counter), watched


def _deepest(tokens: Iterable[Token]) -> int:
    depth = deepest = 0
    for token in tokens:
        depth += token.nesting
        deepest = max(deepest, depth + (_deepest(token.children) if token.children else 0))
    return deepest


def _check_depth(ctx: ParseContext, tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """``tokens``, after reporting (once, at the first line too deep) nesting deeper than
    :data:`MAX_DEPTH`."""
    depth, line = 0, None
    for token in tokens:
        depth += token.nesting
        line = token.map[0] if token.map else line
        if depth + (_deepest(token.children) if token.children else 0) > MAX_DEPTH:
            ctx.problem(line, f"the Markdown here is nested more than {MAX_DEPTH} levels deep (quotes, lists, "
                        "emphasis or links inside one another)", "no page needs so many levels: simplify it")
            break
    return tokens


@functools.lru_cache(maxsize=1)
def _shared_parser() -> MarkdownIt:
    """One parser for every run of the process (``serve`` and the tests check again and
    again); it keeps no state between texts (each parse has its own ``env``)."""
    return make_parser()


def parse_content(content: Content, problems: Problems) -> dict[str, ParsedReport]:
    """Parse every report once; reference problems are added to ``problems``."""
    md = _shared_parser()
    index = build_index(content.reports, content.unreadable)
    return {r.id: parse_report(md, r, index, problems) for r in content.reports}


def parse_translations(content: Content, parsed: Mapping[str, ParsedReport],
                       problems: Problems) -> dict[str, dict[str, ParsedReport]]:
    """Parse every translation (``content.translations``) with the same parser and the
    same index of references as the originals (a translation has its original's numbers):
    language -> report id -> parsed translation. Problems in a translation's text are
    reported at its own files' lines. ``parsed`` (:func:`parse_content`'s) is the
    originals'; the checks that compare the two are :func:`scrutiny.checks.check_translations`."""
    md = _shared_parser()
    index = build_index(content.reports, content.unreadable)
    out: dict[str, dict[str, ParsedReport]] = {}
    for translation in content.translations:
        if translation.id not in parsed:
            continue
        out.setdefault(translation.language, {})[translation.id] = parse_report(md, translation, index, problems)
    return out
