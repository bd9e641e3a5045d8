"""What one YAML file may cost and hold, checked on the parser's events before any node
tree is built.

libyaml builds node trees recursively (very deep nesting crashes the process) and an
alias repeats what its anchor names (a few hundred bytes of aliases can stand for
billions of values), so :func:`check_events` reads the event stream lazily and stops at
the first bound passed: :data:`MAX_DEPTH` levels of nesting, :data:`MAX_VALUES` values
counting every repetition an alias makes, and no alias inside the value it names. On the
way it reports, each at its line and column, what a safe load would silently accept:
tags other than the standard ones (``!!python/object``, ``!custom``), a key given twice
in any mapping (charts too), a key that is not plain text, ``.nan``/``.inf`` where
numbers are read, and control characters written as escapes (``"\\x01"``).
"""

from __future__ import annotations

import math

import yaml
from yaml.events import (AliasEvent, DocumentStartEvent, MappingEndEvent, MappingStartEvent, ScalarEvent,
                         SequenceEndEvent, SequenceStartEvent)
from yaml.nodes import ScalarNode

from ..problems import Problems
from .textfile import CONTROL, control_hint, describe_char

#: Deepest nesting of lists and mappings (real content needs about ten; charts a few more).
MAX_DEPTH = 50
#: Most values (scalars, lists, mappings) in one file, each alias counting what it repeats.
MAX_VALUES = 200_000

_STANDARD = "tag:yaml.org,2002:"
#: Tags a safe load gives meaning to and our readers understand (``value`` and ``merge``
#: are what a lone ``=`` and the key ``<<`` resolve to).
ALLOWED_TAGS = frozenset(_STANDARD + t for t in
                         ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "merge", "value"))
_FLOAT = _STANDARD + "float"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()


_SCALAR, _ALIAS, _MAPPING, _SEQUENCE, _END, _DOCUMENT = range(6)
_KINDS = {ScalarEvent: _SCALAR, AliasEvent: _ALIAS, MappingStartEvent: _MAPPING, SequenceStartEvent: _SEQUENCE,
          MappingEndEvent: _END, SequenceEndEvent: _END, DocumentStartEvent: _DOCUMENT}


class _Open:
    """A list or mapping whose end has not been read yet."""

    __slots__ = ("anchor", "size", "mapping", "position", "keys")

    def __init__(self, anchor: str | None, mapping: bool):
        self.anchor, self.size, self.mapping, self.position = anchor, 1, mapping, 0
        self.keys: dict[str, int] = {}


def _where(event) -> tuple[int, int]:
    mark = event.start_mark
    return mark.line + 1, mark.column + 1


def _shown_tag(tag: str) -> str:
    return "!!" + tag[len(_STANDARD):] if tag.startswith(_STANDARD) else tag


def check_events(path: str, text: str, problems: Problems, values: bool = True) -> bool:
    """Report what is wrong in ``text`` (see the module docstring). False when a bound
    was passed (the file must not be composed); True otherwise, even when other problems
    were recorded. YAML syntax errors are raised, as by :func:`yaml.compose`.
    ``values`` False leaves escaped control characters and non-finite numbers to the
    file's own field readers (``site_config.yaml``'s check every field by its form)."""
    stack: list[_Open] = []
    sizes: dict[str, int] = {}
    total = 0
    top: _Open | None = None  # stack[-1]

    def too_many(event) -> bool:
        line, column = _where(event)
        if event.__class__ is AliasEvent:
            problems.add(path, line, f"the alias *{event.anchor} takes the file past {MAX_VALUES:,} values "
                         "(each alias repeats everything its anchor names)",
                         "write the values out, or use fewer aliases of aliases", column=column)
        else:
            problems.add(path, line, f"the file holds more than {MAX_VALUES:,} values",
                         "split it into smaller files", column=column)
        return False

    for event in yaml.parse(text, Loader=_LOADER):
        kind = _KINDS.get(event.__class__)
        if kind is None:
            continue
        if kind == _END:
            done = stack.pop()
            top = stack[-1] if stack else None
            if done.anchor:
                sizes[done.anchor] = done.size
            if top is not None:
                top.size += done.size
            continue
        if kind == _DOCUMENT:
            sizes.clear()
            continue
        if top is not None:
            if top.mapping and not top.position % 2:
                _check_key(path, event, top, problems)
            top.position += 1
        if kind == _ALIAS:
            size = sizes.get(event.anchor)
            if size is None:
                if any(o.anchor == event.anchor for o in stack):
                    line, column = _where(event)
                    problems.add(path, line, f"the alias *{event.anchor} is inside the value its anchor "
                                 f"&{event.anchor} names, so it would repeat without end",
                                 "write the value out instead of the alias", column=column)
                    return False
                continue  # an undefined alias: composing reports it
            total += size
            if top is not None:
                top.size += size
            if total > MAX_VALUES:
                return too_many(event)
            continue
        if event.tag is not None:
            _check_tag(path, event, problems)
        total += 1
        if total > MAX_VALUES:
            return too_many(event)
        if kind == _SCALAR:
            if values:
                _check_scalar(path, event, problems)
            if event.anchor:
                sizes[event.anchor] = 1
            if top is not None:
                top.size += 1
            continue
        # a list or mapping starts: its size reaches its parent at its end
        if len(stack) >= MAX_DEPTH:
            line, column = _where(event)
            problems.add(path, line, f"lists and mappings are nested more than {MAX_DEPTH} levels deep here",
                         "nothing in the content needs so many levels: check the indentation and the brackets",
                         column=column)
            return False
        top = _Open(event.anchor, kind == _MAPPING)
        stack.append(top)
    return True


def _check_key(path: str, event, mapping: _Open, problems: Problems) -> None:
    line, column = _where(event)
    if event.__class__ is not ScalarEvent:
        problems.add(path, line, "a key here is not plain text", "use a simple word as key", column=column)
        return
    first = mapping.keys.get(event.value)
    if first is not None:
        problems.add(path, line, f'"{event.value}" is given twice in this mapping (first at line {first})',
                     "delete one of them", column=column)
    else:
        mapping.keys[event.value] = line


def _check_tag(path: str, event, problems: Problems) -> None:
    tag = event.tag
    if tag == "!" or tag in ALLOWED_TAGS:
        return
    line, column = _where(event)
    problems.add(path, line, f'the YAML tag "{_shown_tag(tag)}" is not allowed',
                 "the content holds only text, numbers, dates, lists and mappings: delete the tag, "
                 "or put the value in quotes if the ! belongs to the text", column=column)


def _check_scalar(path: str, event: ScalarEvent, problems: Problems) -> None:
    bad = CONTROL.search(event.value)
    if bad:
        line, column = _where(event)
        problems.add(path, line, f"the value holds the control character {describe_char(bad.group())}",
                     control_hint(bad.group()) + "; here it is written as an escape such as \\x01 or \\u0001",
                     column=column)
    if event.style or event.tag not in (None, _FLOAT) or "." not in event.value:
        return  # quoted, tagged as something else, or without the "." of .nan, .inf and 1.0e+400
    tag = event.tag or _resolver.resolve(ScalarNode, event.value, event.implicit)
    if tag != _FLOAT:
        return
    try:
        value = _constructor.construct_yaml_float(ScalarNode(tag, event.value))
    except ValueError:
        return
    if not math.isfinite(value):
        line, column = _where(event)
        problems.add(path, line, f'"{event.value}" is not a number any output can show',
                     "write the number itself, or put it in quotes if it is text", column=column)
