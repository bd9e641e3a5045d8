"""Append updates to ``recommendations.yaml`` with ruamel.yaml's round trip, so the author's
comments, order, quoting and layout stay as they are and only the new lines are added."""

from __future__ import annotations

import difflib
import io
from typing import Iterable

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.util import load_yaml_guess_indent


class YamlEditError(ValueError):
    """The file cannot take the updates without changing lines the author wrote."""


def added_lines_only(old: str, new: str) -> bool:
    """Whether ``new`` is ``old`` with lines added and none removed or changed."""
    return all(not line.startswith(("- ", "? ")) for line in difflib.ndiff(old.splitlines(), new.splitlines()))


def _records(node) -> Iterable[CommentedMap]:
    """Every recommendation mapping of the file: the list entries and the parts of stems."""
    for item in node.get("recommendations") or () if isinstance(node, CommentedMap) else ():
        if isinstance(item, CommentedMap):
            yield item
            for part in item.get("parts") or ():
                if isinstance(part, CommentedMap):
                    yield part


def _value(value):
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value.strip("\n") + "\n")
    if isinstance(value, list):
        return CommentedSeq(_value(v) for v in value)
    return value


def _last_slot(node):
    """(container, key or index, slot position) of the last scalar in ``node``: where
    ruamel.yaml keeps the comment lines that follow it."""
    while True:
        if isinstance(node, CommentedMap) and node:
            key = list(node.keys())[-1]
            if isinstance(node[key], (CommentedMap, CommentedSeq)) and node[key]:
                node = node[key]
                continue
            return node, key, 2
        if isinstance(node, CommentedSeq) and node:
            if isinstance(node[-1], (CommentedMap, CommentedSeq)) and node[-1]:
                node = node[-1]
                continue
            return node, len(node) - 1, 0
        return None


def _move_trailing_comment(seq: CommentedSeq, new: CommentedMap) -> None:
    """Comment lines written after the last update (often about the next recommendation)
    stay after the updates: move them from the old last entry to the new one, keeping an
    end-of-line comment where it is."""
    old = _last_slot(seq)
    target = _last_slot(new)
    if old is None or target is None:
        return
    holder, key, pos = old
    slot = holder.ca.items.get(key)
    token = slot[pos] if slot and len(slot) > pos else None
    if token is None or not hasattr(token, "value"):
        return
    first, nl, rest = token.value.partition("\n")
    if not rest.strip():
        return
    token.value = first + nl
    to_holder, to_key, to_pos = target
    moved = CommentToken("\n" + rest if to_pos == 0 else "\n" + rest, CommentMark(0), None)
    to_holder.ca.items[to_key] = [moved, None] if to_pos == 0 else [None, None, moved, None]


def append_updates(text: str, updates: list[tuple[int, dict]]) -> str:
    """``text`` with each ``(line of a recommendation's first key, update)`` appended to that
    recommendation's ``updates:`` list (made when it has none), in the order given."""
    _, indent, block_seq_indent = load_yaml_guess_indent(text)
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 100000
    indent = indent or 2
    offset = block_seq_indent or 0
    yaml.indent(mapping=max(indent - offset, 1), sequence=indent, offset=offset)
    data = yaml.load(text)
    by_line = {rec.lc.line + 1: rec for rec in _records(data)}
    for line, update in updates:
        rec = by_line.get(line)
        if rec is None:
            raise YamlEditError(f"no recommendation starts at line {line}")
        if rec.fa.flow_style():
            raise YamlEditError(f"the recommendation at line {line} is written on one line")
        entry = CommentedMap((k, _value(v)) for k, v in update.items())
        seq = rec.get("updates")
        if seq is None:
            rec["updates"] = CommentedSeq([entry])
        elif isinstance(seq, CommentedSeq) and not seq.fa.flow_style():
            _move_trailing_comment(seq, entry)
            seq.append(entry)
        else:
            raise YamlEditError(f"the updates of the recommendation at line {line} are not a block list")
    out = io.StringIO()
    yaml.dump(data, out)
    new = out.getvalue()
    if not added_lines_only(text, new):
        changed = [l[2:] for l in difflib.ndiff(text.splitlines(), new.splitlines()) if l.startswith("- ")]
        raise YamlEditError(f'writing it would change the line "{changed[0].strip()}"' if changed
                            else "writing it would change the file's layout")
    return new
