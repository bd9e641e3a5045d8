"""Checking a translation file against its original: :class:`Mirror` reads one
translation's YAML beside the original's, record by record (:mod:`.translation_shapes`),
and reports every mismatch naming both files: a fact given in the translation, words
missing or left over, a list of another length or order, an item that pairs with none of
the original's. What it reads is returned as :class:`~.translation_shapes.Words`, which
:mod:`.translation_overlay` lays over the original's records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..dates import DateError, parse_known
from ..model import RecNumber
from ..problems import Problems
from .translation_shapes import (PART, RECOMMENDATION, Shape, Words, _has_words, _mapping, _occurrences, _plain,
                                 _present, language_name)
from .yamlread import Fields, describe, line_of, scalar_value


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
