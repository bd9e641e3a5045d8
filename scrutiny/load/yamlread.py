"""Read YAML safely into nodes that keep their line numbers, and typed fields from them.

We never turn a whole file into plain dicts: :class:`Fields` reads one mapping node,
converts each value to the type asked for, records every problem with its line, and
at :meth:`Fields.finish` reports the keys nobody asked for ("did you mean ...?").
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path
from typing import Callable, Iterator

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..dates import DateError, KnownDate, TargetDate, parse_day, parse_known, parse_target
from ..model import Markdown, Source
from ..problems import Problems, did_you_mean
from ..urls import slugify
from .textfile import control_characters, read_text
from .yamlguard import ALLOWED_TAGS, check_events

#: The longest id (of a report, table, committee, term ...): ids become file and folder
#: names, which file systems bound.
MAX_ID = 100
SLUG = re.compile(r"^(?=.{1,%d}$)[a-z0-9]+(?:-[a-z0-9]+)*$" % MAX_ID)
_constructor = yaml.constructor.SafeConstructor()
#: libyaml's safe loader when available (about 15 times faster); marks and lines are the same.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Files whose readers check every value by its form themselves (control characters,
#: non-finite numbers: see :class:`scrutiny.load.config.ConfigFields`); compose checks
#: those of every other file.
FIELD_CHECKED = frozenset({"site_config.yaml"})

#: Every key each record accepts, filled as records are read (the README test uses it).
KNOWN_KEYS: dict[str, set[str]] = {}


def line_of(node: Node) -> int:
    return node.start_mark.line + 1


def load_yaml(file: Path, path: str, problems: Problems) -> Node | None:
    """Read the YAML file ``file`` (shown as ``path``) into a node tree: :func:`read_text`
    then :func:`compose`; None, with the problems recorded, when it cannot be used."""
    text = read_text(file, path, problems, controls=False)  # compose checks them
    return None if text is None else compose(path, text, problems)


def compose(path: str, text: str, problems: Problems) -> Node | None:
    """Parse YAML text into a node tree; a syntax error, a control character or a bound
    passed (:mod:`.yamlguard`: depth, aliases, size) becomes a problem."""
    if not control_characters(text, path, problems):
        return None
    try:
        if not check_events(path, text, problems, values=path not in FIELD_CHECKED):
            return None
        node = yaml.compose(text, Loader=_LOADER)
        if node is None:
            problems.add(path, 0, "the file is empty", "see README.md for what it should hold")
        return node
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # an error at the end of the text is marked on the line after the last one
        line = min(mark.line + 1, text.count("\n") + 1) if mark else 0
        what = exc.problem or exc.context or "invalid YAML"
        problems.add(path, line, f"YAML syntax error: {what}",
                     "check indentation and quote text that contains ': ' or starts with [ { * & ! | > ' \" %")
    except yaml.YAMLError as exc:  # reader errors: bad bytes or characters
        problems.add(path, 0, f"cannot read YAML: {exc}", "save the file as UTF-8 text")
    return None


def scalar_value(node: ScalarNode) -> object:
    """The Python value of a scalar (str, int, float, bool, None or date); the text as
    written when its tag is not a standard one (compose reported it): ``!!binary`` would
    give bytes, which no reader expects."""
    if node.tag not in ALLOWED_TAGS:
        return node.value
    try:
        return _constructor.construct_object(node, deep=True)
    except (yaml.constructor.ConstructorError, ValueError, OverflowError):
        return node.value
    finally:  # the constructor keeps every node it built, which would grow with each rebuild of serve
        _constructor.constructed_objects.clear()
        _constructor.recursive_objects.clear()


def describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping (key: value lines)"
    if isinstance(node, SequenceNode):
        return "a list"
    value = scalar_value(node)
    if value is None:
        return "nothing"
    return f'"{node.value}"'


class Fields:
    """Typed access to one YAML mapping, collecting problems instead of raising."""

    def __init__(self, node: Node | None, path: str, problems: Problems, record: str, what: str = ""):
        self.path = path
        self.problems = problems
        self.record = record
        self.what = what or record
        self.line = line_of(node) if node is not None else 0
        self.values: dict[str, tuple[ScalarNode, Node]] = {}
        self.asked: set[str] = set()
        self.ok = isinstance(node, MappingNode)
        self.flow = bool(getattr(node, "flow_style", False))
        if node is None:
            return
        if not self.ok:
            self.problem(self.line, f"{self.what} should be a mapping of keys and values, found {describe(node)}",
                         "write one `key: value` per line")
            return
        # keys that are not plain text, and keys given twice, were reported by compose
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and str(key_node.value) not in self.values:
                self.values[str(key_node.value)] = (key_node, value_node)

    # --- helpers ---------------------------------------------------------------
    def problem(self, line: int, message: str, hint: str = "") -> None:
        self.problems.add(self.path, line, message, hint)

    def source(self) -> Source:
        return Source(self.path, self.line)

    def node(self, key: str, required: bool = False, hint: str = "") -> Node | None:
        self.asked.add(key)
        KNOWN_KEYS.setdefault(self.record, set()).add(key)
        if key in self.values:
            value = self.values[key][1]
            if isinstance(value, ScalarNode) and scalar_value(value) is None:
                value = None
            if value is not None:
                return value
        if required and self.ok:
            self.problem(self.line, f'{self.what} is missing "{key}"', hint or f"add a line `{key}: ...`")
        return None

    def _scalar(self, key: str, node: Node, expected: str) -> object:
        if not isinstance(node, ScalarNode):
            self.problem(line_of(node), f'"{key}" should be {expected}, found {describe(node)}')
            return None
        return scalar_value(node)

    # --- typed values -------------------------------------------------------------
    def text(self, key: str, required: bool = False, default: str = "", hint: str = "") -> str:
        node = self.node(key, required, hint)
        if node is None:
            return default
        value = self._scalar(key, node, "text")
        if value is None:
            return default
        text = node.value if isinstance(value, (dt.date, bool)) else str(value).strip()
        if required and not text:
            self.problem(line_of(node), f'"{key}" of {self.what} is empty', hint or f"write it after `{key}:`")
            return default
        return text

    def choice(self, key: str, choices: Callable[[], list[str]] | list[str], required: bool = False,
               default: str = "", noun: str = "value", where: str = "") -> str:
        value = self.text(key, required, default)
        options = choices() if callable(choices) else choices
        if value and value not in options:
            node = self.values[key][1]
            hint = did_you_mean(value, options) + (f"; {where}" if where else "")
            self.problem(line_of(node), f'unknown {noun} "{value}" in "{key}"', hint)
            return ""
        return value

    def slug(self, key: str, required: bool = False) -> str:
        value = self.text(key, required)
        if len(value) > MAX_ID:
            self.problem(line_of(self.values[key][1]), f'"{key}" is {len(value)} characters long; ids have at most {MAX_ID}',
                         "ids become file and page names: use a short one")
            return ""
        if value and not SLUG.match(value):
            self.problem(line_of(self.values[key][1]), f'"{key}" "{value}" may only use a-z, 0-9 and hyphens',
                         f'try "{slugify(value)}"')
            return ""
        return value

    def boolean(self, key: str, default: bool) -> bool:
        node = self.node(key)
        if node is None:
            return default
        value = self._scalar(key, node, "true or false")
        if not isinstance(value, bool):
            if value is not None:
                self.problem(line_of(node), f'"{key}" should be true or false, found {describe(node)}')
            return default
        return value

    def number(self, key: str, default: float) -> float:
        node = self.node(key)
        if node is None:
            return default
        value = self._scalar(key, node, "a number")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            if value is not None:
                self.problem(line_of(node), f'"{key}" should be a number, found {describe(node)}')
            return default
        if isinstance(value, float) and not math.isfinite(value) and self.path not in FIELD_CHECKED:
            return default  # .nan and .inf: reported by compose (else by the file's own reader)
        return value

    def day(self, key: str, required: bool = False) -> dt.date | None:
        node = self.node(key, required, f"add `{key}: YYYY-MM-DD`")
        if node is None:
            return None
        value = self._scalar(key, node, "a date (YYYY-MM-DD)")
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if value is None:
            return None
        try:
            return parse_day(str(value))
        except DateError as exc:
            self.problem(line_of(node), f'"{key}": {exc}')
            return None

    def known(self, key: str, required: bool = False) -> KnownDate | None:
        """A fixed date as precisely as it is known: a day, a month ("May 2011") or a year."""
        node = self.node(key, required, f"add `{key}: YYYY-MM-DD` (or just the month: `{key}: May 2011`)")
        if node is None:
            return None
        value = self._scalar(key, node, "a date (YYYY-MM-DD, or a month such as May 2011)")
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            value = value.date()
        try:
            return parse_known(value if isinstance(value, dt.date) else str(value))
        except DateError as exc:
            self.problem(line_of(node), f'"{key}": {exc}')
            return None

    def target(self, key: str, required: bool = False, immediate: dt.date | None = None) -> TargetDate | None:
        node = self.node(key, required, f'add `{key}: June 2013` (or a day, a range, "ongoing")')
        if node is None:
            return None
        value = self._scalar(key, node, "a target date")
        if value is None:
            return None
        text = value.isoformat() if isinstance(value, dt.date) else str(value)
        try:
            return parse_target(text, immediate)
        except DateError as exc:
            self.problem(line_of(node), f'"{key}": {exc}')
            return None

    def markdown(self, key: str, required: bool = False, numbered: bool = False) -> Markdown | None:
        node = self.node(key, required)
        if node is None:
            return None
        value = self._scalar(key, node, "Markdown text")
        if value is None:
            return None
        if required and not str(value).strip():
            self.problem(line_of(node), f'"{key}" of {self.what} is empty', f"write it after `{key}:`")
            return None
        first = line_of(node) + (1 if node.style in ("|", ">") else 0)
        return Markdown(str(value), Source(self.path, first), numbered)

    def items(self, key: str, required: bool = False) -> Iterator[Node]:
        node = self.node(key, required)
        if node is None:
            return
        if not isinstance(node, SequenceNode):
            self.problem(line_of(node), f'"{key}" should be a list (lines starting with "- "), found {describe(node)}')
            return
        yield from node.value

    def strings(self, key: str) -> tuple[str, ...]:
        out = []
        for item in self.items(key):
            value = self._scalar(key, item, "text")
            if value is not None:
                out.append(str(value))
        return tuple(out)

    def sub(self, key: str, record: str, required: bool = False) -> "Fields | None":
        node = self.node(key, required)
        if node is None:
            return None
        return Fields(node, self.path, self.problems, record, f'"{key}"')

    def finish(self) -> None:
        """Report every key that no reader asked for."""
        for key, (key_node, _) in self.values.items():
            if key not in self.asked:
                value = self.values[key][1]
                if self.flow and isinstance(value, ScalarNode) and value.value == "" and not value.style:
                    # {note: Late, as usual}: the comma ended the value and began a "key"
                    self.problem(line_of(key_node), f'"{key}" in {self.what} was read as a key: a comma inside '
                                 "{ ... } ends the value before it",
                                 'put the whole value in quotes, e.g. note: "Late, as usual"')
                    continue
                self.problem(line_of(key_node), f'unknown key "{key}" in {self.what}',
                             did_you_mean(key, self.asked))



