"""A report's parse packed into bytes, and unpacked only where its token streams are read.

The report cache (:mod:`scrutiny.reportcache`) keeps each report's parse, and the workers
that parse send theirs back, as bytes. Most of a parse is its token streams (a section's
Markdown, a recommendation's text), and a build after one edit reads the streams of one
report or a few: every other report's pages are linked from the page store. So
:func:`pack_parsed` packs each report's sections and its other fields as one blob each,
beside what every build reads of them (their keys, the citations, the placements, the
number of paragraphs), and :func:`unpack_parsed` gives a :class:`~.pipeline.ParsedReport`
whose ``sections`` and ``fields`` are :class:`Streams`: their keys are there at once, their
tokens are unpickled on the first look at any of them. The fields' plain texts (what the
trackers, the open data and the page keys read of every recommendation) are packed beside
the keys, so they are read without unpacking a stream.
"""

from __future__ import annotations

import copyreg
import dataclasses
import io
import pickle
from collections.abc import Hashable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

from markdown_it.token import Token

from .pipeline import ParsedReport
from .plain import plain_text

_TOKEN_FIELDS = tuple(f.name for f in dataclasses.fields(Token))


def _reduce_token(token: Token) -> tuple:
    """A token as its class and its fields in order: unpickled by one call of the class,
    about 2.5 times faster than the default (a slotted dataclass's state set field by field)."""
    return Token, tuple(getattr(token, name) for name in _TOKEN_FIELDS)


_DISPATCH = {**copyreg.dispatch_table, Token: _reduce_token}


def pack(value: Any) -> bytes:
    """``value`` pickled, tokens by :func:`_reduce_token`."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _DISPATCH  # this pickler's own: nothing else pickles tokens so
    pickler.dump(value)
    return out.getvalue()


class Streams(Mapping):
    """Token streams by key (a section's slug, a Markdown field), read-only. The keys are
    held as they are; the streams stay packed until one of them is looked up, then all of
    them are unpickled at once and the bytes let go. ``plains``, when given, are the streams'
    plain texts in the keys' order (:meth:`plain`)."""

    __slots__ = ("_at", "_packed", "_values", "_plains")

    def __init__(self, keys: tuple[Hashable, ...], packed: bytes | None = None,
                 values: tuple[tuple[Token, ...], ...] | None = None, plains: tuple[str, ...] | None = None):
        if (packed is None) == (values is None):
            raise ValueError("Streams takes the streams packed or unpacked, not both")
        if plains is not None and len(plains) != len(keys):
            raise ValueError("one plain text per stream")
        self._at = {key: i for i, key in enumerate(keys)}
        self._packed = packed
        self._values = values
        self._plains = plains

    @property
    def unpacked(self) -> bool:
        """Whether the streams have been unpickled (for tests and the benchmark)."""
        return self._values is not None

    def _streams(self) -> tuple[tuple[Token, ...], ...]:
        if self._values is None:
            values = pickle.loads(self._packed)  # type: ignore[arg-type]
            if not isinstance(values, tuple) or len(values) != len(self._at):
                raise ValueError("packed token streams do not match their keys")
            self._values, self._packed = values, None
        return self._values

    def __getitem__(self, key: Hashable) -> tuple[Token, ...]:
        return self._streams()[self._at[key]]

    def plain(self, key: Hashable) -> str:
        """The stream's plain text (:func:`~.plain.plain_text`), unpacking nothing when it was packed with it."""
        if self._plains is not None:
            return self._plains[self._at[key]]
        return plain_text(self[key])

    def __contains__(self, key: object) -> bool:
        return key in self._at

    def __iter__(self) -> Iterator[Hashable]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)

    def rekeyed(self, own: Mapping) -> Streams:
        """The same streams, each key replaced by ``own[key]`` where it has one (an equal
        object from elsewhere), still packed if they were."""
        new = Streams.__new__(Streams)
        new._at = {own.get(key, key): i for key, i in self._at.items()}
        new._packed, new._values, new._plains = self._packed, self._values, self._plains
        return new

    def packed(self) -> bytes:
        """The streams as bytes (unpickled or not)."""
        return self._packed if self._packed is not None else pack(self._values)

    def plains(self) -> tuple[str, ...]:
        """Every stream's plain text, in the keys' order."""
        return self._plains if self._plains is not None else tuple(self.plain(key) for key in self._at)

    def __reduce__(self):
        return Streams, (tuple(self._at), self.packed(), None, self._plains)


def field_plain(fields: Mapping, key: Hashable) -> str:
    """A field's plain text, from its packed plain text when it has one."""
    return fields.plain(key) if isinstance(fields, Streams) else plain_text(fields[key])


def _packed_streams(mapping: Mapping, plains: bool = False) -> tuple:
    if isinstance(mapping, Streams):
        return tuple(mapping), mapping.packed(), mapping.plains() if plains else None
    return (tuple(mapping), pack(tuple(mapping.values())),
            tuple(plain_text(tokens) for tokens in mapping.values()) if plains else None)


def pack_parsed(p: ParsedReport) -> tuple:
    """A parse as plain values, its sections and fields each packed (mapping proxies do not
    pickle; the blobs are unpickled only when read)."""
    return (p.report_id, _packed_streams(p.sections), _packed_streams(p.fields, plains=True), p.citations,
            dict(p.placements), p.paragraph_count)


def unpack_parsed(t: tuple) -> ParsedReport:
    """What :func:`pack_parsed` made, its streams still packed."""
    rid, (slugs, sections, _), (fields, streams, plains), citations, placements, count = t
    return ParsedReport(rid, Streams(slugs, sections), Streams(fields, streams, plains=plains), citations,
                        MappingProxyType(placements), count)
