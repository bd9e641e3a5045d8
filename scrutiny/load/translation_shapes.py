"""What each record of a translation holds, and the small readers of YAML nodes that
pairing a translation with its original needs.

:class:`Shape` names a record's keys (which are text to translate, which are facts entered
once, in the original, and how the items of its lists pair up); the shapes of every record
of report.yaml and recommendations.yaml follow it. :class:`Words` is one translated record
as read, paired with the original's. The helpers read YAML nodes (a mapping's keys,
whether a value is given, whether a record has words to translate) and name a language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from babel import Locale, UnknownLocaleError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .. import i18n
from .yamlread import scalar_value

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
