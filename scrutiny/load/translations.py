"""Translations of reports: ``content/reports/<id>/<lang>/``, beside the original.

A translation mirrors the original's files and keys and holds only their text::

    content/reports/<id>/cy/report.yaml           title, summary, sections' titles, ...
    content/reports/<id>/cy/<file>.md             one per section, the same file names
    content/reports/<id>/cy/recommendations.yaml  each recommendation's words, by number

Every key a translation gives is a key the original has, in the same place: lists in the
same order and with the same count (sections paired by ``file``, tables by ``id``,
recommendations by ``number``, updates by ``date``; the others by position). Facts
(codes, committees, kinds, statuses, decisions, dates, people's names, evidence links,
numbers of tables) are entered once, in the original: a translation that gives one is a
problem, and so is every text of the original without its translation. A target date is
written in the translation's words and must mean the same days as the original's.

:func:`load_translations` returns each translation as a :class:`~scrutiny.model.Report`
overlaid on its original (``dataclasses.replace``): the original's id, numbers, terms,
dates and names, the translation's words, ``language`` the folder's tag, and every
record's ``source`` at the translation's file and line, so that messages name it.

This module finds and loads the translation folders (their report.yaml, section files
and recommendations.yaml); what each record holds is in :mod:`.translation_shapes`,
checking a file against its original in :mod:`.translation_mirror`, and laying the
words over the original's records in :mod:`.translation_overlay`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable

from .. import i18n
from ..model import Markdown, RecNumber, Recommendation, Report, Section, SiteConfig, Source
from ..problems import Problems
from .forms import language_problem
from .textfile import read_text
from .translation_mirror import Mirror
from .translation_overlay import (_activity, _aligned, _executive, _glossary, _md, _people, _person,
                                  _recommendation, _schedule, _tables)
from .translation_shapes import RECOMMENDATIONS, REPORT, Words, _has_words, language_name
from .yamlread import load_yaml

__all__ = ["language_name", "load_translation", "load_translations", "translation_folders"]


# --- loading ---------------------------------------------------------------------------


def translation_folders(folder: Path, report: Report, config: SiteConfig, problems: Problems,
                        rel: Callable[[Path], str]) -> list[tuple[str, Path]]:
    """The report's translation folders as (site language, folder); a folder that looks
    like a language but is not one of the site's other languages is a problem."""
    languages = config.all_languages
    found: dict[str, Path] = {}
    for path in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        name = path.name
        tag = next((t for t in languages if name.lower() in (t.lower(), i18n.base(t))), None)
        if tag is None:
            primary = name.split("-")[0]
            if len(primary) == 2 and primary.isalpha() and not language_problem(name):
                listed = ", ".join(languages)
                problems.add(rel(path), 0, f"{name}/ is a translation into {language_name(name)}, which site.languages "
                             f"does not list ({listed})",
                             f"add it to site.languages in site_config.yaml, or delete the folder")
            continue
        if tag == report.language:
            problems.add(rel(path), 0, f"{name}/ is a translation into {language_name(tag)}, the language the report "
                         f"is written in ({tag})",
                         f"a translation is into another of the site's languages; if the report is in another "
                         f"language, say so with `language:` in {rel(folder / 'report.yaml')}")
            continue
        if tag in found:
            problems.add(rel(path), 0, f"{name}/ and {found[tag].name}/ are both translations into {language_name(tag)}",
                         "keep one folder")
            continue
        found[tag] = path
    return sorted(found.items(), key=lambda kv: languages.index(kv[0]))


def load_translations(root: Path, reports: list[Report], config: SiteConfig | None,
                      problems: Problems) -> list[Report]:
    """Every report's translations, sorted by id then language (the site's order)."""
    if config is None:
        return []
    out = []

    def rel(p: Path) -> str:
        return p.relative_to(root).as_posix()

    for report in reports:
        folder = root / "content" / "reports" / report.id
        for tag, path in translation_folders(folder, report, config, problems, rel):
            translated = load_translation(root, folder, path, tag, report, problems)
            if translated is not None:
                out.append(translated)
    return out


def load_translation(root: Path, folder: Path, path: Path, language: str, original: Report,
                     problems: Problems) -> Report | None:
    """One translation folder, overlaid on ``original``; None when its report.yaml cannot be read."""
    def rel(p: Path) -> str:
        return p.relative_to(root).as_posix()

    lang = language_name(language)
    trel, orel = rel(path / "report.yaml"), rel(folder / "report.yaml")
    if not (path / "report.yaml").exists():
        problems.add(rel(path), 0, f"this {lang} translation has no report.yaml",
                     f"add {rel(path)}/report.yaml with the {lang} title and the other words of {orel}")
        return None
    tnode = load_yaml(path / "report.yaml", trel, problems)
    onode = load_yaml(folder / "report.yaml", orel, Problems())  # read and reported already
    if tnode is None or onode is None:
        return None
    mirror = Mirror(trel, orel, language, problems)
    words = mirror.record(REPORT, onode, tnode, "report.yaml", 1)
    if words is None:
        return None
    sections = _sections(root, folder, path, original, words, mirror, problems)
    recs, note = _recommendations(root, folder, path, original, language, problems)
    v = words.values
    council = v.get("council", original.council)
    return replace(
        original,
        title=v.get("title", original.title),
        council=council,
        summary=v.get("summary", original.summary),
        lead_member=_person(original.lead_member, words.subs.get("lead_member")),
        members=_people(original.members, words.lists.get("members")),
        co_opted_members=_people(original.co_opted_members, words.lists.get("co_opted_members")),
        officers=_people(original.officers, words.lists.get("officers")),
        terms_of_reference=_md(original.terms_of_reference, v.get("terms_of_reference")),
        methodology=_md(original.methodology, v.get("methodology")),
        sections=sections,
        tables=_tables(original.tables, words.lists.get("tables"), trel),
        activity=_activity(original.activity, words.lists.get("activity")),
        glossary=_glossary(original.glossary, words.lists.get("glossary")),
        executive_response=_executive(original.executive_response, words.subs.get("executive_response")),
        update_schedule=_schedule(original.update_schedule, words.subs.get("update_schedule")),
        recommendations=recs,
        not_reproduced_note=note if note is not None else original.not_reproduced_note,
        source=Source(trel, 1),
        language=language,
    )


def _sections(root: Path, folder: Path, path: Path, original: Report, words: Words, mirror: Mirror,
              problems: Problems) -> tuple[Section, ...]:
    """The translated sections: the same files, their titles and the text of the
    translation's file of the same name; a file missing or left over is a problem."""
    items = _aligned(original.sections, words.lists.get("sections"))
    out = []
    listed = set()
    for section, w in zip(original.sections, items):
        name = section.body.source.path.rsplit("/", 1)[-1]
        listed.add(name)
        file = path / name
        trel = file.relative_to(root).as_posix()
        body = section.body
        if not file.exists():
            problems.add(mirror.trel, w.line if w else 0, f'the section file "{name}" has no {mirror.lang} '
                         f"translation: {trel} does not exist (the original is {section.body.source.path})",
                         f"add {trel} with the same paragraphs in {mirror.lang}")
        else:
            text = read_text(file, trel, problems)
            if text is not None:
                body = Markdown(text, Source(trel, 1), section.body.numbered)
        out.append(replace(section, title=w.values.get("title", section.title) if w else section.title, body=body))
    for extra in sorted(p for p in path.glob("*.md") if p.name not in listed):
        problems.add(extra.relative_to(root).as_posix(), 0,
                     f"this file is not a translation of one of the report's sections ({', '.join(sorted(listed))})",
                     "name it as the original's section file it translates, or delete it")
    return tuple(out)


def _recommendations(root: Path, folder: Path, path: Path, original: Report, language: str,
                     problems: Problems) -> tuple[tuple[Recommendation, ...], str | None]:
    """The translated recommendations (the original's where they cannot be read) and the
    translated ``not_reproduced_note``."""
    tfile, ofile = path / "recommendations.yaml", folder / "recommendations.yaml"
    trel, orel = tfile.relative_to(root).as_posix(), ofile.relative_to(root).as_posix()
    onode = load_yaml(ofile, orel, Problems()) if ofile.exists() else None
    if onode is None:
        return original.recommendations, None
    lang = language_name(language)
    if not tfile.exists():
        if _has_words(onode, RECOMMENDATIONS):
            problems.add(path.relative_to(root).as_posix(), 0, f"this {lang} translation has no recommendations.yaml "
                         f"(the original's {orel} has words to translate)",
                         f"add {trel} with each recommendation's number and {lang} words")
        return original.recommendations, None
    tnode = load_yaml(tfile, trel, problems)
    if tnode is None:
        return original.recommendations, None
    mirror = Mirror(trel, orel, language, problems)
    top = mirror.record(RECOMMENDATIONS, onode, tnode, "recommendations.yaml", 1)
    if top is None:
        return original.recommendations, None
    by_number: dict[RecNumber, tuple[Words, Words | None]] = {}
    for entry in top.lists.get("recommendations", []):
        if entry is None:
            continue
        parts = entry.lists.get("parts")
        if parts is None:
            if isinstance(entry.key, RecNumber):
                by_number[entry.key] = (entry, None)
            continue
        for part in parts:
            if part is not None and isinstance(part.key, RecNumber):
                by_number[part.key] = (part, entry)
    with i18n.use(language):
        recs = tuple(_recommendation(rec, by_number.get(rec.number), mirror) for rec in original.recommendations)
    return recs, top.values.get("not_reproduced_note")
