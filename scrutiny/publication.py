"""A checked, parsed publication: the content plus its token streams and cross-references.

Renderers and exporters take a :class:`Publication` and read from it; nothing here
touches the disk.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Mapping

from markdown_it.token import Token

from . import i18n
from .markdown import Citation, ParsedReport
from .markdown.packed import field_plain
from .model import Content, Markdown, RecNumber, Recommendation, Report, SiteConfig
from .tracker import Standing, standing

if TYPE_CHECKING:
    from .recordlog import RecordLog


@dataclass(frozen=True)
class Publication:
    content: Content
    parsed: Mapping[str, ParsedReport]
    record: "RecordLog | None" = None
    """The change history read from git (:mod:`scrutiny.recordlog`); None when not read."""
    translated: Mapping[str, Mapping[str, ParsedReport]] = field(default_factory=dict)
    """The parsed translations: language -> report id -> parsed translation."""
    source_keys: Mapping[str, str] = field(default_factory=dict)
    """Report id -> a digest of everything loading that report read (its folder's files,
    site_config.yaml, the as-of day, the code and the libraries' versions: the report
    cache's key); a report missing here (the cache off, a folder with a link) has none."""

    def in_language(self, language: str) -> "Publication":
        """The publication as the site in ``language`` shows it (:mod:`scrutiny.languages`):
        the site's words, labels and each report's translation into it where there is one."""
        from .languages import content_in_language

        parsed = {**self.parsed, **self.translated.get(language, {})}
        return Publication(content_in_language(self.content, language), parsed, self.record, self.translated,
                           self.source_keys)

    def versions(self) -> Iterator["Publication"]:
        """The publication in each of the site's languages, main first."""
        for language in self.config.all_languages:
            yield self.in_language(language)

    @property
    def root(self) -> Path:
        """The project folder the content was read from."""
        return Path(self.content.root or ".")

    @property
    def config(self) -> SiteConfig:
        return self.content.config

    @cached_property
    def reports(self) -> tuple[Report, ...]:
        """Published reports, newest first (drafts are checked but never published);
        sorted once (pages and feeds ask for them thousands of times in a build)."""
        return tuple(sorted(self.content.published, key=_newest_first, reverse=True))

    def report(self, report_id: str) -> Report:
        return self._reports_by_id[report_id]

    @cached_property
    def _reports_by_id(self) -> dict[str, Report]:
        return {r.id: r for r in self.content.reports}

    def tokens(self, md: Markdown) -> tuple[Token, ...]:
        """The token stream of any Markdown field of any report."""
        return self._field_docs[md].fields[md]

    def plain(self, md: Markdown) -> str:
        """The plain text of any Markdown field of any report (:func:`~scrutiny.markdown.plain.plain_text`
        of its tokens), read from its packed parse without unpacking the tokens."""
        return field_plain(self._field_docs[md].fields, md)

    @cached_property
    def _field_docs(self) -> dict[Markdown, ParsedReport]:
        """Each field's report's parse (whose streams stay packed until one is read)."""
        return {md: doc for doc in self.parsed.values() for md in doc.fields}

    def language_of(self, md: Markdown) -> str:
        """The language a Markdown field is written in: its report's (a report not
        translated into the site's language keeps its own words)."""
        return self.field_languages.get(md, self.config.language)

    @cached_property
    def field_languages(self) -> dict[Markdown, str]:
        """The language of each Markdown field of a report with a language of its own
        (:meth:`language_of`)."""
        out = {}
        for report in self.content.reports:
            doc = self.parsed.get(report.id)
            if doc is not None and report.language:
                out.update(dict.fromkeys(doc.fields, report.language))
        return out

    def section_tokens(self, report: Report, slug: str) -> tuple[Token, ...]:
        return self.parsed[report.id].sections[slug]

    def recommendations(self) -> Iterator[tuple[Report, Recommendation]]:
        for report in self.reports:
            for rec in report.recommendations:
                yield report, rec

    def content_key(self, report_id: str) -> str | None:
        """A digest of everything the report's records and views are made from: what
        loading it read (:attr:`source_keys`: its files, the site's configuration, the as-of
        day, the code) and the plain words of each of its recommendations' fields, as parsed
        (a parse can read other reports' numbers); None without a source key."""
        keys = self.__dict__.setdefault("_content_keys", {})
        if report_id not in keys:
            source = self.source_keys.get(report_id)
            if source is None:
                keys[report_id] = None
            else:
                words = [self.plain(md) for rec in self.report(report_id).recommendations
                         for md in (rec.text, rec.stem, rec.response.text if rec.response else None,
                                    *(u.note for u in rec.updates)) if md]
                keys[report_id] = hashlib.sha256(repr((source, words)).encode("utf-8")).hexdigest()
        return keys[report_id]

    def standing(self, report: Report, rec: Recommendation) -> Standing:
        """Where it stands, in the words of the current language (:mod:`.i18n`)."""
        return self.standings(report.id)[rec.number]

    def standings(self, report_id: str) -> Mapping[RecNumber, Standing]:
        """Where each recommendation of the report stands, in the current language: worked
        out the first time one of them is asked for (an edit's build asks for few reports')."""
        by_report = self.__dict__.setdefault("_standings_by_language", {}).setdefault(i18n.current(), {})
        found = by_report.get(report_id)
        if found is None:
            report = self.report(report_id)
            found = by_report[report_id] = {rec.number: standing(rec, report, self.config)
                                            for rec in report.recommendations}
        return found

    @cached_property
    def _backlinks(self) -> dict[tuple[str, RecNumber], list[Citation]]:
        out: dict[tuple[str, RecNumber], list[Citation]] = {}
        for doc in self.parsed.values():
            for citation in doc.citations:
                if citation.section:  # cited from the body, not from another recommendation
                    out.setdefault(citation.target, []).append(citation)
        return out

    def backlinks(self, report: Report, rec: Recommendation) -> list[Citation]:
        """Every body paragraph that cites the recommendation, once per place."""
        seen, out = set(), []
        for c in self._backlinks.get((report.id, rec.number), []):
            if (c.report_id, c.anchor) not in seen:
                seen.add((c.report_id, c.anchor))
                out.append(c)
        return out


def _newest_first(report: Report) -> tuple:
    """Sort key: the report's publication (or start, or response) date as stated, then id."""
    er = report.executive_response
    known = report.published or report.started or (er.date if er else None)
    return (known.first if known else dt.date.min, report.id)
