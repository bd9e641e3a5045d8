"""``site.languages`` and ``translations:`` of ``site_config.yaml``: the languages a site
is published in, and the site's own words in each language after the first.

``translations.<lang>`` mirrors the configuration's keys and holds only their text::

    translations:
      cy:
        site: {title: ..., publisher: ...}
        contact: {team: ..., address: ...}
        brand: {footer: ...}
        committees:
          - {id: worcs-cyp-osp, name: ..., remit: ..., membership_source: ...}
        statuses:                      # the site's vocabulary; the built-in terms have
          - {id: on-track, label: ...} # Welsh words already, a council's own need them here
        vocabularies:
          - {id: telford, decisions: [...], statuses: [...]}

Everything a page shows in the main language needs its words in each other language (a
page would otherwise show English text marked as Welsh); addresses' email and phone,
colours, dates and ids are entered once, in the main configuration.
"""

from __future__ import annotations

from yaml.nodes import MappingNode, ScalarNode

from ..i18n import supported
from ..model import Brand, CommitteeWords, Committee, Contact, SiteWords, Term, TermWords, Vocabulary
from ..problems import Problems, did_you_mean
from .forms import language_problem
from .yamlread import line_of


def read_languages(site, default: str) -> tuple[str, tuple[str, ...]]:
    """``site.language`` or ``site.languages``: the main language and every language
    (main first; one language gives an empty tuple)."""
    if site.node("languages") is None:
        return _one_language(site, "language", site.text("language", default=default), default), ()
    if site.node("language") is not None:
        site.problem(site.line_at("language"), 'both "language" and "languages" are given',
                     "keep `languages:` (its first language is the site's main one) and delete `language:`")
    tags: list[str] = []
    for node in site.items("languages"):
        value = site.as_text("languages", node) if isinstance(node, ScalarNode) else None
        if value is None:
            site.problem(line_of(node), "each of \"languages\" should be a language tag", "write e.g. languages: [cy, en-GB]")
            continue
        tag = _one_language(site, "languages", value, "", line_of(node))
        if not tag:
            continue
        primary = tag.split("-")[0].lower()
        if primary in {t.split("-")[0].lower() for t in tags}:
            site.problem(line_of(node), f'"languages" lists the language "{primary}" twice ({tag})',
                         "list each language once: its site lies under its code (cy/, en/)")
            continue
        tags.append(tag)
    if not tags:
        site.problem(site.line_at("languages"), '"languages" is empty', "list the site's languages, main first: languages: [cy, en-GB]")
        return default, ()
    return tags[0], tuple(tags) if len(tags) > 1 else ()


def _one_language(site, key: str, value: str, default: str, line: int | None = None) -> str:
    problem = language_problem(value)
    if problem:
        site.problem(line or site.line_at(key), f'"{key}" "{value}" {problem}',
                     "write a BCP 47 language tag such as en, en-GB, or cy for Welsh")
        return default
    if key == "languages" and not supported(value):
        site.problem(line or site.line_at(key), f'"{value}" is a language this tool has no interface words for',
                     "a site in several languages can use en (English) and cy (Welsh); "
                     "see docs/translating.md to add a language")
        return default
    return value


def read_site_words(top, fields, languages: tuple[str, ...], title: str, publisher: str, contact: Contact,
                    brand: Brand, committees: list[Committee], vocabularies: list[Vocabulary],
                    defaults: tuple[Term, ...], problems: Problems, rel: str) -> tuple[SiteWords, ...]:
    """``translations:``: the site's words in each language after the main one.
    ``fields`` makes a :class:`ConfigFields` (the config's own reader of text)."""
    node = top.node("translations")
    others = languages[1:]
    if node is None:
        if others:
            problems.add(rel, 0, f"the site is published in {', '.join(others)} too, but site_config.yaml has no "
                         "`translations:` for the site's title, publisher and committees",
                         f"add translations: {{{others[0]}: {{site: {{title: ..., publisher: ...}}, committees: [...]}}}} "
                         "(see docs/translating.md)")
        return ()
    if not isinstance(node, MappingNode):
        problems.add(rel, line_of(node), '"translations" should be a mapping of languages to their words',
                     "write e.g. translations: {cy: {site: {title: ...}}}")
        return ()
    given = {str(k.value): v for k, v in node.value}
    out = []
    for lang, block in given.items():
        if lang not in others:
            hint = did_you_mean(lang, others) if others else "list the language in site.languages first"
            problems.add(rel, line_of(block), f'translations for "{lang}", which is not one of the site\'s other '
                         f"languages ({', '.join(others) or 'none'})", hint)
            continue
        words = _words(fields(block, rel, problems, "translations", f'translations "{lang}"'), lang, title, publisher,
                       contact, brand, committees, vocabularies, defaults, fields)
        if words is not None:
            out.append(words)
    for lang in others:
        if lang not in given:
            problems.add(rel, line_of(node), f'"translations" has no words for "{lang}", one of the site\'s languages',
                         f"add translations: {{{lang}: {{site: {{title: ..., publisher: ...}}, ...}}}}")
    return tuple(out)


def _words(f, lang, title, publisher, contact, brand, committees, vocabularies, defaults, fields) -> SiteWords | None:
    where = f"translations.{lang}"
    site = _sub(f, "site", fields, f"{where}.site", required=True)
    words_title = site.text("title", required=True, hint=f"the Welsh (or other) form of: {title}") if site else ""
    words_publisher = site.text("publisher", required=True, hint=f"its form of: {publisher}") if site else ""
    if site:
        site.finish()
    team = address = footer = ""
    c = _sub(f, "contact", fields, f"{where}.contact", required=bool(contact.team or contact.address))
    if c:
        team = c.text("team", required=bool(contact.team))
        address = c.text("address", required=bool(contact.address))
        c.finish()
    b = _sub(f, "brand", fields, f"{where}.brand", required=bool(brand.footer))
    if b:
        footer = b.text("footer", required=bool(brand.footer))
        b.finish()
    committee_words = _committees(f, committees, fields, where)
    terms = _vocabulary(f, "default", vocabularies[0], defaults, fields, where)
    named = {v.id: v for v in vocabularies[1:]}
    listed = set()
    for item in f.items("vocabularies"):
        v = fields(item, f.path, f.problems, "vocabulary", f"a vocabulary of {where}")
        vid = v.choice("id", list(named), required=True, noun="vocabulary", where="vocabularies are listed under `vocabularies:`")
        if vid:
            listed.add(vid)
            terms += _vocabulary(v, vid, named[vid], defaults, fields, where)
        v.finish()
    for vid, vocabulary in named.items():
        if vid not in listed:
            terms += _vocabulary(fields(None, f.path, f.problems, "vocabulary"), vid, vocabulary, defaults, fields, where,
                                 line=f.line)
    f.finish()
    return SiteWords(lang, words_title, words_publisher, f.source(), footer, team, address,
                     tuple(committee_words), tuple(terms))


def _sub(f, key: str, fields, what: str, required: bool = False):
    node = f.node(key, required, hint=f"add `{key}:` with its words")
    return fields(node, f.path, f.problems, key, what) if node is not None else None


def _committees(f, committees: list[Committee], fields, where: str) -> list[CommitteeWords]:
    by_id = {c.id: c for c in committees}
    out: dict[str, CommitteeWords] = {}
    for item in f.items("committees", required=bool(committees)):
        c = fields(item, f.path, f.problems, "committee", f"a committee of {where}")
        cid = c.choice("id", list(by_id), required=True, noun="committee", where="committees are listed under `committees:`")
        if cid:
            original = by_id[cid]
            out[cid] = CommitteeWords(cid, c.text("name", required=True),
                                      c.text("remit", required=bool(original.remit)),
                                      c.text("membership_source", required=bool(original.membership_source)))
        c.finish()
    missing = [cid for cid in by_id if cid not in out]
    if missing and f.node("committees") is not None:
        f.problem(line_of(f.node("committees")), f"{where}.committees has no words for {', '.join(missing)}",
                  "add each committee: - {id: ..., name: ...}")
    return list(out.values())


def _vocabulary(f, vid: str, vocabulary: Vocabulary, defaults: tuple[Term, ...], fields, where: str,
                line: int | None = None) -> list[TermWords]:
    """The words of one vocabulary's terms: given ones, and a problem for each term that is
    the council's own (not a built-in one, whose words are in the catalogue) without them."""
    out = []
    for key, terms in (("decisions", vocabulary.decisions), ("statuses", vocabulary.statuses)):
        by_id = {t.id: t for t in terms}
        given = set()
        for item in f.items(key):
            t = fields(item, f.path, f.problems, "term", f"an entry of {where} {key}")
            tid = t.choice("id", list(by_id), required=True, noun=key[:-1] if key == "decisions" else "status",
                           where=f"the {vid} vocabulary's {key}")
            if tid:
                given.add(tid)
                out.append(TermWords(vid, tid, t.text("label", required=True),
                                     t.text("meaning", required=bool(by_id[tid].meaning))))
            t.finish()
        built_in = {(d.id, d.label) for d in defaults}  # the catalogue has their words
        own = [t.id for t in terms if (t.id, t.label) not in built_in and t.id not in given]
        if own:
            at = line if line is not None else (line_of(f.node(key)) if f.node(key) is not None else f.line)
            name = "the site's vocabulary" if vid == "default" else f'vocabulary "{vid}"'
            f.problem(at, f"{where} has no words for {name}'s own {key} {', '.join(own)}",
                      f"add them: {key}: [{{id: {own[0]}, label: ...}}]"
                      + ("" if vid == "default" else f" under vocabularies: [{{id: {vid}, ...}}]"))
    return out
