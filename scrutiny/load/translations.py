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
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

from babel import Locale, UnknownLocaleError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .. import i18n
from ..dates import DateError, TargetDate, parse_known, parse_target
from ..model import (Action, Activity, DataTable, ExecutiveResponse, GlossaryEntry, Markdown, Person, RecNumber,
                     Recommendation, Report, Response, Section, SignOff, SiteConfig, Source, Update,
                     UpdateSchedule, Evidence)
from ..problems import Problems
from .forms import language_problem
from .textfile import read_text
from .yamlread import Fields, describe, line_of, load_yaml, scalar_value

# --- what each record of a translation holds ----------------------------------------


@dataclass(frozen=True)
class Shape:
    """The keys of one record: which are text (translated), which are facts (never)."""

    record: str
    """The record's name for :class:`Fields` (the original's, so the keys are the same)."""
    noun: str
    text: tuple[str, ...] = ()
    markdown: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    strings: tuple[str, ...] = ()
    """Lists of texts (a table's columns and notes): the same count, in order."""
    facts: tuple[str, ...] = ()
    subs: tuple[tuple[str, "Shape"], ...] = ()
    lists: tuple[tuple[str, "Shape"], ...] = ()
    pair: str = ""
    """The key that pairs an item of a list with the original's (it must be the same)."""
    scalar: str = ""
    """What an item written as a plain value is: ``name`` (a fact: nothing to translate)
    or a text key (``title`` of evidence written as just its title)."""


PERSON = Shape("person", "person", text=("role", "title", "body"), facts=("name",), scalar="name")
OWNER = Shape("owner", "owner", text=("title",), facts=("name",), scalar="name")
SECTION = Shape("section", "section", text=("title",), facts=("kind", "numbered"), pair="file")
TABLE = Shape("table", "table", text=("caption", "source"), strings=("columns", "notes"), facts=("rows", "chart"),
              pair="id")
ACTIVITY = Shape("activity", "activity", text=("event",), facts=("date",))
GLOSSARY = Shape("glossary", "glossary entry", text=("term", "definition"))
EXECUTIVE = Shape("executive_response", "executive_response",
                  text=("meeting", "decision_maker", "cabinet_member", "prepared_by"), facts=("date",))
SCHEDULE = Shape("update_schedule", "update_schedule", facts=("every_months",), lists=(("meetings", ACTIVITY),))
REPORT = Shape("report", "report.yaml", text=("title", "council", "summary"),
               markdown=("terms_of_reference", "methodology"),
               facts=("code", "committee", "kind", "status", "dates", "language"),
               subs=(("lead_member", PERSON), ("executive_response", EXECUTIVE), ("update_schedule", SCHEDULE)),
               lists=(("members", PERSON), ("co_opted_members", PERSON), ("officers", PERSON),
                      ("sections", SECTION), ("tables", TABLE), ("activity", ACTIVITY), ("glossary", GLOSSARY)))
ACTION = Shape("action", "action", text=("action",), targets=("target",), lists=(("owners", OWNER),))
RESPONSE = Shape("response", "response", text=("decision_maker", "responder", "recorded_in"), markdown=("text",),
                 facts=("decision", "date"), lists=(("actions", ACTION),))
EVIDENCE = Shape("evidence", "item of evidence", text=("title",), facts=("url",), scalar="title")
SIGN_OFF = Shape("sign_off", "sign_off", text=("meeting",), facts=("date",))
UPDATE = Shape("update", "update", text=("meeting", "reason"), markdown=("note",), targets=("revised_target",),
               facts=("status",), subs=(("sign_off", SIGN_OFF),), lists=(("evidence", EVIDENCE),), pair="date")
PART = Shape("recommendation", "recommendation", text=("theme", "addressed_to"), markdown=("text",),
             facts=("follows_from", "priority"), subs=(("response", RESPONSE),),
             lists=(("updates", UPDATE), ("lead_officers", OWNER)), pair="number")
RECOMMENDATION = replace(PART, lists=PART.lists + (("parts", PART),))
RECOMMENDATIONS = Shape("recommendations_file", "recommendations.yaml", text=("not_reproduced_note",),
                        facts=("not_reproduced",), lists=(("recommendations", RECOMMENDATION),))


@dataclass
class Words:
    """One translated record: its words, paired with the original record."""

    line: int
    """Its line in the translation."""
    oline: int
    """The original record's line."""
    values: dict[str, Any] = field(default_factory=dict)
    """Text key -> str or Markdown; target key -> (text, line, original line); strings key -> list."""
    subs: dict[str, "Words | None"] = field(default_factory=dict)
    lists: dict[str, list["Words | None"]] = field(default_factory=dict)
    """Each list aligned with the original's items (None where one has no translation)."""
    key: Any = None
    """The pairing key's value (a RecNumber, KnownDate, file name or id)."""


def _mapping(node: Node | None) -> dict[str, tuple[Node, Node]]:
    if not isinstance(node, MappingNode):
        return {}
    out: dict[str, tuple[Node, Node]] = {}
    for k, v in node.value:
        if isinstance(k, ScalarNode) and str(k.value) not in out:
            out[str(k.value)] = (k, v)
    return out


def _present(node: Node | None) -> bool:
    """Whether a value is given (not missing, not ``~``, not empty text)."""
    if node is None:
        return False
    if isinstance(node, ScalarNode):
        value = scalar_value(node)
        return value is not None and str(value).strip() != ""
    return True


def _has_words(node: Node | None, shape: Shape) -> bool:
    """Whether an original record has any text that needs translating."""
    if isinstance(node, ScalarNode):
        return bool(shape.scalar and shape.scalar != "name" and _present(node))
    given = _mapping(node)
    if any(_present(given.get(k, (None, None))[1]) for k in shape.text + shape.markdown + shape.strings):
        return True
    if any(isinstance(given[k][1], ScalarNode) and _present(given[k][1]) and not _plain(str(given[k][1].value))
           for k in shape.targets if k in given):
        return True
    subs = any(_has_words(given[k][1], s) for k, s in shape.subs if k in given)
    return subs or any(_has_words(item, s) for k, s in shape.lists if k in given
                       if isinstance(given[k][1], SequenceNode) for item in given[k][1].value)


def _occurrences(keys: list[Any]) -> list[tuple[Any, int] | None]:
    """Each key with how many times it came before: ``[a, b, a]`` is ``[(a, 0), (b, 0), (a, 1)]``."""
    seen: dict[Any, int] = {}
    out: list[tuple[Any, int] | None] = []
    for k in keys:
        if k is None:
            out.append(None)
            continue
        out.append((k, seen.get(k, 0)))
        seen[k] = seen.get(k, 0) + 1
    return out


def _plain(text: str) -> bool:
    """A target written without words (``2013-06-27``, ``2014``, ``2013/14``): the same in every language."""
    return not re.search(r"[^\W\d_]", text)


def language_name(tag: str) -> str:
    """ "Welsh" for ``cy``, "English" for ``en-GB``."""
    try:
        return Locale.parse(i18n.base(tag)).get_display_name("en") or tag
    except (ValueError, UnknownLocaleError):
        return tag


class Mirror:
    """Reads one translation file against its original, every problem naming both."""

    def __init__(self, trel: str, orel: str, language: str, problems: Problems):
        self.trel, self.orel, self.problems = trel, orel, problems
        self.language = language
        self.lang = language_name(language)
        self.back = "../" + orel.rsplit("/", 1)[-1]

    def at(self, line: int) -> str:
        return f"{self.orel}:{line}" if line else self.orel

    # --- one record ---------------------------------------------------------------
    def record(self, shape: Shape, onode: Node | None, tnode: Node | None, what: str, tline: int,
               parent_number: RecNumber | None = None) -> Words | None:
        """The words of one record (``tnode``) paired with the original's (``onode``)."""
        oline = line_of(onode) if onode is not None else 0
        if isinstance(onode, ScalarNode) and shape.scalar:
            return self._scalar_item(shape, onode, tnode, what, tline)
        f = Fields(tnode, self.trel, self.problems, shape.record, f"{what} ({self.lang})")
        words = Words(f.line or tline, oline)
        given = _mapping(onode)
        at = f.line or tline

        def orig(key: str) -> Node | None:
            node = given.get(key, (None, None))[1]
            return node if _present(node) else None

        for key in shape.facts:
            if key in f.values:
                f.asked.add(key)
                there = f" (the original gives it at {self.at(line_of(given[key][0]))})" if key in given else ""
                f.problem(line_of(f.values[key][0]), f'"{key}" of {what} is a fact, not words to translate{there}',
                          f"delete it here: enter it once, in {self.back}")
        if shape.pair:
            f.node(shape.pair)
        for key in shape.text + shape.markdown:
            node = f.node(key)
            if not self._both(f, key, orig(key), node if _present(node) else None, what, at, oline):
                continue
            value = f.markdown(key) if key in shape.markdown else f.text(key)
            if value:
                words.values[key] = value
        for key in shape.targets:
            node = f.node(key)
            o = orig(key)
            if node is None or o is None:
                if node is not None:
                    self._extra(f, key, node, what, oline)
                elif o is not None and not _plain(str(o.value)):
                    self._missing(key, what, at, o)
                continue
            if isinstance(node, ScalarNode):
                value = scalar_value(node)
                text = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
                words.values[key] = (text, line_of(node), line_of(o))
            else:
                f.problem(line_of(node), f'"{key}" should be a target date, found {describe(node)}')
        for key in shape.strings:
            self._strings(f, key, orig(key), what, at, oline, words)
        for key, sub in shape.subs:
            node = f.node(key)
            o = orig(key)
            if o is not None and not isinstance(o, MappingNode) and not (isinstance(o, ScalarNode) and sub.scalar):
                # a response written as a word (not-required, ...): a fact
                if node is not None:
                    f.problem(line_of(f.values[key][0]), f'"{key}" of {what} is "{o.value}" in the original '
                              f"({self.at(line_of(o))}), which has no words to translate",
                              f"delete it here: enter it once, in {self.back}")
                continue
            if o is None:
                if node is not None:
                    self._extra(f, key, node, what, oline)
                continue
            if node is None:
                if _has_words(o, sub):
                    self._missing(key, what, at, o)
                continue
            words.subs[key] = self.record(sub, o, node, f"{key} of {what}", at)
        for key, item in shape.lists:
            words.lists[key] = self._list(f, key, item, orig(key), what, at, oline, parent_number or words.key)
        f.finish()
        return words

    def _scalar_item(self, shape: Shape, onode: ScalarNode, tnode: Node | None, what: str, tline: int) -> Words | None:
        words = Words(line_of(tnode) if tnode is not None else tline, line_of(onode))
        if shape.scalar == "name":  # a name alone: ~ keeps it; words ("Officers as appropriate") are translated
            if isinstance(tnode, ScalarNode) and _present(tnode):
                words.values["name"] = str(scalar_value(tnode)).strip()
            elif tnode is not None and not (isinstance(tnode, ScalarNode) and not _present(tnode)):
                self.problems.add(self.trel, line_of(tnode), f"{what} is written as just a name in the original "
                                  f"({self.at(line_of(onode))}), found {describe(tnode)}",
                                  "write ~ to keep the name, or the words in "
                                  f"{self.lang} when the original gives words, not a name")
            return words
        if isinstance(tnode, ScalarNode) and _present(tnode):
            words.values[shape.scalar] = str(scalar_value(tnode)).strip()
        elif isinstance(tnode, MappingNode):
            f = Fields(tnode, self.trel, self.problems, shape.record, f"{what} ({self.lang})")
            value = f.text(shape.scalar)
            f.finish()
            if value:
                words.values[shape.scalar] = value
            else:
                self._missing(shape.scalar, what, words.line, onode)
        else:
            self._missing(shape.scalar, what, words.line, onode)
        return words

    def _both(self, f: Fields, key: str, o: Node | None, t: Node | None, what: str, at: int, oline: int) -> bool:
        """Whether both the original and the translation give ``key`` (else the problem)."""
        if o is not None and t is None:
            self._missing(key, what, at, o)
            return False
        if o is None and t is not None:
            self._extra(f, key, t, what, oline)
            return False
        return o is not None

    def _missing(self, key: str, what: str, at: int, o: Node) -> None:
        self.problems.add(self.trel, at, f'{what} has no {self.lang} words for "{key}" (the original\'s are at '
                          f"{self.at(line_of(o))})", f"add `{key}: ...` in {self.lang}")

    def _extra(self, f: Fields, key: str, t: Node, what: str, oline: int) -> None:
        line = line_of(f.values[key][0]) if key in f.values else line_of(t)
        f.problem(line, f'"{key}" of {what} is not in the original ({self.at(oline)})',
                  f"a translation holds only the original's words: delete it here, or add it to {self.back} first")

    def _strings(self, f: Fields, key: str, o: Node | None, what: str, at: int, oline: int, words: Words) -> None:
        node = f.node(key)
        if not self._both(f, key, o, node, what, at, oline):
            return
        if not isinstance(node, SequenceNode) or not isinstance(o, SequenceNode):
            f.problem(line_of(node), f'"{key}" of {what} should be a list, as in the original ({self.at(line_of(o))})')
            return
        if len(node.value) != len(o.value):
            f.problem(line_of(node), f'"{key}" of {what} has {len(node.value)} entries but the original\'s has '
                      f"{len(o.value)} ({self.at(line_of(o))})", "translate each of the original's, in its order")
            return
        texts = []
        for n in node.value:
            value = scalar_value(n) if isinstance(n, ScalarNode) else None
            if value is None or not str(value).strip():
                f.problem(line_of(n), f'each of "{key}" of {what} should be text, found {describe(n)}',
                          "translate each of the original's, in its order")
                return
            texts.append(str(value).strip())
        words.values[key] = texts

    # --- lists ----------------------------------------------------------------------
    def _list(self, f: Fields, key: str, shape: Shape, o: Node | None, what: str, at: int, oline: int,
              parent: Any) -> list[Words | None]:
        node = f.node(key)
        oitems = list(o.value) if isinstance(o, SequenceNode) else []
        if key == "parts" and (node is None) != (o is None):
            return []  # reported with the recommendation (_item_with_parts)
        if node is None:
            if any(_has_words(i, shape) for i in oitems):
                self._missing(key, what, at, o)  # type: ignore[arg-type]
            return [None] * len(oitems)
        if o is None:
            self._extra(f, key, node, what, oline)
            return []
        if not isinstance(node, SequenceNode):
            f.problem(line_of(node), f'"{key}" should be a list (lines starting with "- "), found {describe(node)}')
            return [None] * len(oitems)
        titems = list(node.value)
        noun = shape.noun
        kline = line_of(f.values[key][0])
        if shape.pair:
            return self._paired(f, key, shape, oitems, titems, what, kline, o, parent)
        if len(titems) != len(oitems):
            f.problem(kline, f'{what} lists {len(titems)} {key} here but {len(oitems)} in the original '
                      f"({self.at(line_of(o))})",
                      f"translate each of the original's {key}, in its order: the first here is the first there")
        out: list[Words | None] = []
        for i, onode in enumerate(oitems):
            if i >= len(titems):
                out.append(None)
                continue
            whose = key if what.endswith(".yaml") else what  # "person 1 of officers", "owner 1 of action 2 of ..."
            words = self.record(shape, onode, titems[i], f"{noun} {i + 1} of {whose}", line_of(titems[i]))
            if words is not None and "date" in shape.facts:  # paired by place; known by its date
                words.key = self._key(replace(shape, pair="date"), onode, None)
            out.append(words)
        return out

    def _key(self, shape: Shape, node: Node, parent: Any) -> Any:
        """The pairing key of an item (None when it has none or it cannot be read)."""
        value = _mapping(node).get(shape.pair, (None, None))[1]
        if not isinstance(value, ScalarNode) or not _present(value):
            return None
        raw = scalar_value(value)
        try:
            if shape.pair == "number":
                number = RecNumber.parse(value.value)
                if isinstance(parent, RecNumber) and not parent.contains(number):
                    number = RecNumber(parent.parts + number.parts, f"{parent}({number.text.strip('()')})")
                return number
            if shape.pair == "date":
                return parse_known(raw)
        except (ValueError, DateError):
            return None
        return str(raw).strip()

    def _paired(self, f: Fields, key: str, shape: Shape, oitems: list[Node], titems: list[Node], what: str,
                tline: int, o: Node, parent: Any) -> list[Words | None]:
        pair = shape.pair
        okeys = [self._key(shape, n, parent) for n in oitems]
        tkeys = [self._key(shape, n, parent) for n in titems]
        name = {"number": "recommendation", "date": "update of", "file": "section", "id": "table"}[pair]

        def label(k: Any) -> str:
            return f"the update of {k}" if pair == "date" else f'{name} "{k}"' if pair in ("file", "id") else f"{name} {k}"

        for n, k in zip(titems, tkeys):
            if k is None:
                if pair in _mapping(n) and _present(_mapping(n)[pair][1]):
                    f.problem(line_of(n), f'"{pair}" of this {shape.noun} cannot be read: write it as the original does',
                              f"copy it from {self.back}")
                else:
                    f.problem(line_of(n), f"this {shape.noun} of {what} has no \"{pair}\", which pairs it with the "
                              "original's", f"add `{pair}: ...` as {self.back} writes it")
        # the n-th item with a key pairs with the original's n-th with it (two updates of one day)
        okeys, tkeys = _occurrences(okeys), _occurrences(tkeys)
        tfirst = {k: n for k, n in zip(tkeys, titems) if k is not None}
        oset = set(k for k in okeys if k is not None)
        for k, n in zip(okeys, oitems):
            if k is not None and k not in tfirst:
                f.problem(tline, f"{what} ({self.lang}) has no {label(k[0]).removeprefix('the ')} (the original's is "
                          f"at {self.at(line_of(n))})", f"add it here, where {self.back} has it, with its {self.lang} words")
        for k, n in zip(tkeys, titems):
            if k is None or k in oset:
                continue
            if k[1]:
                first = tfirst[(k[0], 0)]
                f.problem(line_of(n), f"{label(k[0])} is given twice (first at line {line_of(first)})",
                          "translate each of the original's once")
                continue
            known = ", ".join(str(x[0]) for x in okeys if x is not None) or "none"
            f.problem(line_of(n), f"{label(k[0])} is not in the original ({self.at(line_of(o))} has {known})",
                      f"a translation has the original's {key} only: check the {pair}, or delete it here")
        common_o = [k for k in okeys if k is not None and k in tfirst]
        common_t = [k for k in tkeys if k is not None and k in oset]
        for mine, theirs in zip(common_t, common_o):
            if mine != theirs:
                onode = oitems[okeys.index(theirs)]
                f.problem(line_of(tfirst[mine]), f"{label(mine[0])} comes here where the original has "
                          f"{label(theirs[0])} ({self.at(line_of(onode))}): the {key} are in a different order",
                          f"put them in the order of {self.back}")
                break
        out: list[Words | None] = []
        for k, onode in zip(okeys, oitems):
            tnode = tfirst.get(k) if k is not None else None
            if tnode is None:
                out.append(None)
                continue
            words = self._item_with_parts(shape, onode, tnode,
                                          f"{shape.noun} {k[0]}" if pair == "number" else label(k[0]), k[0])
            out.append(words)
        return out

    def _item_with_parts(self, shape: Shape, onode: Node, tnode: Node, what: str, k: Any) -> Words | None:
        """A paired item; a recommendation's parts must be the original's parts."""
        oparts = "parts" in _mapping(onode)
        tparts = "parts" in _mapping(tnode)
        if shape is RECOMMENDATION and oparts != tparts:
            tk = _mapping(tnode)
            if oparts:
                self.problems.add(self.trel, line_of(tnode), f"{what} has parts (sub-recommendations) in the original "
                                  f"({self.at(line_of(onode))}) but not here",
                                  f"list them under `parts:`, each with its number, as {self.back} does")
            else:
                self.problems.add(self.trel, line_of(tk["parts"][0]), f"{what} has parts here but not in the original "
                                  f"({self.at(line_of(onode))})",
                                  f"a translation has the original's recommendations only: delete `parts:` here")
        if shape is RECOMMENDATION and not oparts and not tparts:
            shape = PART
        words = self.record(shape, onode, tnode, what, line_of(tnode), parent_number=k if oparts else None)
        if words is not None:
            words.key = k
        return words


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


def _aligned(originals: tuple, words: list[Words | None] | None) -> list[Words | None]:
    """The words for each original item (none when the original's model and file disagree)."""
    if not words or len(words) != len(originals):
        return [None] * len(originals)
    return list(words)


def _md(original: Markdown | None, given: Markdown | None) -> Markdown | None:
    if original is None or given is None:
        return original
    return Markdown(given.text, given.source, original.numbered)


def _person(original: Person | None, words: Words | None) -> Person | None:
    if original is None or words is None:
        return original
    v = words.values
    return replace(original, name=v.get("name", original.name), role=v.get("role") or v.get("title") or original.role,
                   body=v.get("body", original.body))


def _people(originals: tuple[Person, ...], words: list[Words | None] | None) -> tuple[Person, ...]:
    return tuple(_person(p, w) for p, w in zip(originals, _aligned(originals, words)))  # type: ignore[misc]


def _activity(originals: tuple[Activity, ...], words: list[Words | None] | None) -> tuple[Activity, ...]:
    return tuple(replace(a, event=w.values.get("event", a.event)) if w else a
                 for a, w in zip(originals, _aligned(originals, words)))


def _glossary(originals: tuple[GlossaryEntry, ...], words: list[Words | None] | None) -> tuple[GlossaryEntry, ...]:
    return tuple(GlossaryEntry(w.values.get("term", g.term), w.values.get("definition", g.definition)) if w else g
                 for g, w in zip(originals, _aligned(originals, words)))


def _executive(original: ExecutiveResponse | None, words: Words | None) -> ExecutiveResponse | None:
    if original is None or words is None:
        return original
    v = words.values
    return replace(original, meeting=v.get("meeting", original.meeting),
                   decision_maker=v.get("decision_maker", original.decision_maker),
                   cabinet_member=v.get("cabinet_member", original.cabinet_member),
                   prepared_by=v.get("prepared_by", original.prepared_by))


def _schedule(original: UpdateSchedule | None, words: Words | None) -> UpdateSchedule | None:
    if original is None or words is None:
        return original
    # the original's meetings are sorted by date: pair them through the file's order
    meetings = words.lists.get("meetings") or []
    return replace(original, meetings=tuple(
        replace(m, event=next((w.values.get("event", m.event) for w in meetings if w and w.key == m.date), m.event))
        for m in original.meetings)) if any(w and w.key for w in meetings) else original


def _tables(originals: tuple[DataTable, ...], words: list[Words | None] | None, trel: str) -> tuple[DataTable, ...]:
    out = []
    for table, w in zip(originals, _aligned(originals, words)):
        if w is None:
            out.append(table)
            continue
        v = w.values
        columns = tuple(v.get("columns") or table.columns)
        notes = tuple(v.get("notes") or table.notes)
        if len(columns) != len(table.columns) or len(notes) != len(table.notes):
            columns, notes = table.columns, table.notes
        renamed = dict(zip(table.columns, columns))
        out.append(replace(table, caption=v.get("caption", table.caption), columns=columns,
                           source_note=v.get("source", table.source_note), notes=notes,
                           chart=_rename_fields(table.chart, renamed), source=Source(trel, w.line)))
    return tuple(out)


def _rename_fields(spec: Any, renamed: dict[str, str]) -> Any:
    """A chart spec whose ``field``s name the translated columns (its data are the rows)."""
    if isinstance(spec, dict):
        return {k: (renamed.get(v, v) if k == "field" and isinstance(v, str) else _rename_fields(v, renamed))
                for k, v in spec.items()}
    if isinstance(spec, list):
        return [_rename_fields(v, renamed) for v in spec]
    return spec


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


def _recommendation(rec: Recommendation, found: tuple[Words, Words | None] | None, mirror: Mirror) -> Recommendation:
    if found is None:
        return rec
    w, stem = found
    v = w.values
    theme = v.get("theme") or (stem.values.get("theme") if stem else None) or rec.theme
    stem_md = _md(rec.stem, stem.values.get("text")) if stem else rec.stem
    response = _response(rec, w.subs.get("response"), mirror)
    updates = rec.updates
    words = w.lists.get("updates")
    if words is not None:
        updates = tuple(_update(u, uw, mirror, rec) for u, uw in zip(rec.updates, _aligned(rec.updates, words)))
    return replace(rec, theme=theme, text=_md(rec.text, v.get("text")) or rec.text,
                   addressed_to=v.get("addressed_to", rec.addressed_to), stem=stem_md, response=response,
                   updates=updates, lead_officers=_owners(rec.lead_officers, w.lists.get("lead_officers")),
                   source=Source(mirror.trel, w.line))


def _owners(originals: tuple[Person, ...], words: list[Words | None] | None) -> tuple[Person, ...]:
    return tuple(replace(p, name=w.values.get("name", p.name), role=w.values.get("title", p.role)) if w else p
                 for p, w in zip(originals, _aligned(originals, words)))


def _target(original: TargetDate, given: tuple[str, int, int] | None, counted_from: dt.date | None,
            mirror: Mirror, what: str, oline: int) -> TargetDate:
    """The translation's target, which must mean the original's days; the original's when
    the translation has none (allowed only for one written without words)."""
    if given is None:
        return original
    text, line, oline = given
    try:
        target = parse_target(text, counted_from)
    except DateError as exc:
        mirror.problems.add(mirror.trel, line, f"the target of {what}: {exc}",
                            f"write the original's target ({original.text}, {mirror.at(oline)}) in {mirror.lang}")
        return original
    if (target.kind, target.start, target.due) != (original.kind, original.start, original.due):
        mirror.problems.add(mirror.trel, line, f'the target "{text}" of {what} means other dates than the original\'s '
                            f'"{original.text}" ({mirror.at(oline)})',
                            f"write the same target in {mirror.lang}: a change of date is made once, in {mirror.back}")
        return original
    return target


def _response(rec: Recommendation, words: Words | None, mirror: Mirror) -> Response | None:
    response = rec.response
    if response is None or words is None:
        return response
    v = words.values
    counted_from = response.date.last if response.date else None
    actions = []
    for i, (action, aw) in enumerate(zip(response.actions, _aligned(response.actions, words.lists.get("actions")))):
        if aw is None:
            actions.append(action)
            continue
        target = _target(action.target, aw.values.get("target"), counted_from, mirror,
                         f"action {i + 1} of recommendation {rec.number}", action.source.line)
        actions.append(Action(aw.values.get("action", action.text), _owners(action.owners, aw.lists.get("owners")),
                              target, Source(mirror.trel, aw.line)))
    return replace(response, decision_maker=v.get("decision_maker", response.decision_maker),
                   responder=v.get("responder", response.responder), recorded_in=v.get("recorded_in", response.recorded_in),
                   text=_md(response.text, v.get("text")), actions=tuple(actions), source=Source(mirror.trel, words.line))


def _update(update: Update, words: Words | None, mirror: Mirror, rec: Recommendation) -> Update:
    if words is None:
        return update
    v = words.values
    revised = update.revised_target
    if revised is not None:
        revised = _target(revised, v.get("revised_target"), update.date.last, mirror,
                          f"the update of {update.date.isoformat()} of recommendation {rec.number}", update.source.line)
    evidence = tuple(Evidence(w.values.get("title", e.title), e.url) if w else e
                     for e, w in zip(update.evidence, _aligned(update.evidence, words.lists.get("evidence"))))
    sign_off = update.sign_off
    sw = words.subs.get("sign_off")
    if sign_off is not None and sw is not None:
        sign_off = SignOff(sign_off.date, sw.values.get("meeting", sign_off.meeting))
    return replace(update, meeting=v.get("meeting", update.meeting), note=_md(update.note, v.get("note")),
                   reason=v.get("reason", update.reason), revised_target=revised, evidence=evidence,
                   sign_off=sign_off, source=Source(mirror.trel, words.line))
