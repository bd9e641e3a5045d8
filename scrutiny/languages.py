"""The content in one of the site's languages: a pure view of what was loaded.

A bilingual site is built once per language (:func:`scrutiny.build.run_stages`); each
build reads :func:`content_in_language`: the site's own words in that language
(``translations.<lang>`` of ``site_config.yaml``), each decision's and status's label in
it, and each report's translation into it where there is one. A report without one keeps
its own words and its own ``language``, which the pages mark (``lang``) and announce.
Decisions, statuses and dates are entered once, so both languages always agree on them.
"""

from __future__ import annotations

from dataclasses import replace

from . import i18n
from .model import Committee, Content, Report, SiteConfig, Term, Vocabulary


def config_in_language(config: SiteConfig, language: str) -> SiteConfig:
    """``config`` in ``language``: its words (title, publisher, contact, footer, committees,
    terms), ``language`` and ``base_url`` (the language's own site under the main one)."""
    main = config.all_languages[0]
    home = config.home
    words = config.words_for(language)
    changes: dict = {"language": language, "home_url": home, "base_url": home + config.url_prefix(language),
                     "vocabularies": tuple(_vocabulary(v, config, language) for v in config.vocabularies)}
    if words is not None and language != main:
        changes.update(title=words.title, publisher=words.publisher,
                       contact=replace(config.contact, team=words.team or config.contact.team,
                                       address=words.address or config.contact.address),
                       brand=replace(config.brand, footer=words.footer or config.brand.footer),
                       committees=tuple(_committee(c, words) for c in config.committees))
    return replace(config, **changes)


def _committee(committee: Committee, words) -> Committee:
    own = next((w for w in words.committees if w.id == committee.id), None)
    if own is None:
        return committee
    return replace(committee, name=own.name, remit=own.remit or committee.remit,
                   membership_source=own.membership_source or committee.membership_source)


def _vocabulary(vocabulary: Vocabulary, config: SiteConfig, language: str) -> Vocabulary:
    return replace(vocabulary, decisions=tuple(_term(t, vocabulary.id, config, language) for t in vocabulary.decisions),
                   statuses=tuple(_term(t, vocabulary.id, config, language) for t in vocabulary.statuses))


def _term(term: Term, vocabulary: str, config: SiteConfig, language: str) -> Term:
    """The term in ``language``: the council's words for it (``translations``), else the
    catalogue's for a built-in label (``Accepted``), else as written."""
    words = config.words_for(language) if language != config.all_languages[0] else None
    own = next((w for w in words.terms if w.vocabulary == vocabulary and w.id == term.id), None) if words else None
    if own is not None:
        return replace(term, label=own.label, meaning=own.meaning or term.meaning)
    with i18n.use(language):
        return replace(term, label=i18n.gettext(term.label))


def content_in_language(content: Content, language: str) -> Content:
    """The content as the site in ``language`` shows it: the configuration in that
    language, each report's translation into it where there is one (else the report as
    written), and every report's decisions and statuses with the language's labels."""
    config = config_in_language(content.config, language)
    terms = {v.id: {a: b for a, b in zip(_all(content.config.vocabularies, v.id), _all(config.vocabularies, v.id))
                    if a != b}  # a term the language leaves as it is is not swapped
             for v in content.config.vocabularies}
    reports = tuple(_with_terms(content.translation(r.id, language) or r, terms[config.vocabulary(r.committee).id])
                    for r in content.reports)
    translations = tuple(_with_terms(t, terms[config.vocabulary(t.committee).id]) for t in content.translations)
    return replace(content, config=config, reports=reports, translations=translations)


def _all(vocabularies: tuple[Vocabulary, ...], vid: str) -> tuple[Term, ...]:
    v = next(x for x in vocabularies if x.id == vid)
    return v.decisions + v.statuses


def _with_terms(report: Report, terms: dict[Term, Term]) -> Report:
    """The report with each term ``terms`` names swapped for its label in the language
    (no term to swap: the report itself, not a copy made again on every build)."""
    if not terms:
        return report

    def swap(term):
        return terms.get(term, term) if term is not None else None

    recs = []
    for rec in report.recommendations:
        response = rec.response and replace(rec.response, decision=swap(rec.response.decision))
        updates = tuple(replace(u, status=swap(u.status)) for u in rec.updates)
        recs.append(replace(rec, response=response, updates=updates))
    return replace(report, recommendations=tuple(recs))
