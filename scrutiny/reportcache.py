"""A persistent cache of loaded and parsed reports, so an unchanged report is not read,
parsed or checked again; and the cold path, which loads and parses over every core.

:func:`load_parsed` does what :func:`scrutiny.load.load_content`,
:func:`scrutiny.markdown.parse_content` and :func:`~scrutiny.markdown.pipeline.parse_translations`
do together, with the same result and the same problems, one report folder at a time:

1. the site configuration is read (always: it is small);
2. each report folder (the report, its translations under ``<lang>/``) is loaded, or taken
   from ``<root>/.cache/reports/<id>/<key>.pickle``. The key hashes what loading reads and
   runs: every file of the folder (names and bytes), site_config.yaml's bytes, the day the
   trackers are computed for (``as_of``: ``today`` changes daily, ``--as-of`` replaces
   it), the code (:func:`scrutiny.cache.code_digest`), the Python version and the installed
   versions of PyYAML, markdown-it-py and mdit-py-plugins;
3. the index of every report's references is built (:func:`~scrutiny.markdown.build_index`);
4. each report and its translations are parsed, or their parse is taken from the same
   entry: a parse is kept with the entries of the index it read (the reports its text cites,
   itself, or every report when a "did you mean" went through them all), and reused only
   while those entries are the same. So an edit to one section re-parses that report; a
   new number in another report's recommendations re-parses only the reports whose text
   looks at it.

The problems of a folder (loading) and of its parse are kept with them and added again
when they are reused, so the problems are the same with and without the cache. Folders and
parses not in the cache run over every core (:func:`scrutiny.parallel.run_parallel`).

An entry is written atomically (a temporary file, then a rename); one that cannot be read
(cut short, from another version) is ignored and rebuilt; a folder holding a symbolic link
is never cached. Only the newest entry per report is kept.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
import os
import pickle
import shutil
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .load.config import load_config
from .load.reports import load_report, report_folders
from .load.translations import load_translation, translation_folders
from .markdown.packed import Streams, pack_parsed, unpack_parsed
from .markdown.packed import pack as _pack
from .markdown.pipeline import ParsedReport, _fields, _shared_parser, build_index, parse_watched
from .model import Content, Report, SiteConfig
from .parallel import run_parallel
from .problems import Problem, Problems

#: Changes when what an entry holds changes shape.
FORMAT = "reportcache-3"

#: The libraries whose versions change what loading and parsing make.
LIBRARIES = ("PyYAML", "markdown-it-py", "mdit-py-plugins")

#: Set SCRUTINY_REPORT_CACHE=0 to read and parse every report afresh (nothing is written).
ENV = "SCRUTINY_REPORT_CACHE"

_MISSING = "<no such report>"


@dataclass
class Stats:
    """What one :func:`load_parsed` took from the cache and what it made afresh."""

    loaded: list[str] = field(default_factory=list)
    """Report folders read afresh."""
    load_hits: list[str] = field(default_factory=list)
    """Report folders taken from the cache."""
    parsed: list[str] = field(default_factory=list)
    """Reports parsed afresh (with their translations)."""
    parse_hits: list[str] = field(default_factory=list)
    """Reports whose parse came from the cache."""
    ignored: list[str] = field(default_factory=list)
    """Entries that could not be read (and were rebuilt)."""


@dataclass
class Loaded:
    """:func:`load_parsed`'s result: None for ``content`` when the configuration cannot be read."""

    content: Content | None
    parsed: dict[str, ParsedReport]
    translated: dict[str, dict[str, ParsedReport]]
    stats: Stats
    keys: dict[str, str] = field(default_factory=dict)
    """Each cached report folder's entry key: see :attr:`scrutiny.publication.Publication.source_keys`."""


@dataclass
class _Folder:
    """One report folder as loaded: what loading it made and said."""

    name: str
    report: Report | None
    translations: tuple[Report, ...]
    problems: tuple[Problem, ...]


@dataclass
class _Parse:
    """A report's parse and its translations', what the parse said, and the index entries it read."""

    parsed: ParsedReport
    translated: tuple[tuple[str, ParsedReport], ...]
    problems: tuple[Problem, ...]
    depends: dict[str, Any] | None
    """Report id -> the index entry read (:data:`_MISSING` when absent); None: the whole index."""
    index: dict[str, Any] | None = None
    """The whole index, when ``depends`` is None."""


def enabled() -> bool:
    return os.environ.get(ENV, "1") != "0"


def _versions() -> str:
    out = [sys.version]
    for name in LIBRARIES:
        try:
            out.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            out.append(f"{name}=none")
    return "\0".join(out)


def _site_key(root: Path, config: SiteConfig) -> str:
    from .cache import code_digest

    h = hashlib.sha256(f"{FORMAT}\0{code_digest()}\0{_versions()}\0".encode())
    h.update((root / "site_config.yaml").read_bytes())
    h.update(f"\0{config.as_of.isoformat()}".encode())
    return h.hexdigest()


def folder_key(site_key: str, folder: Path) -> str | None:
    """The key of a report folder's entry; None when it is not to be cached (it holds a
    symbolic link, or a file that cannot be read: loading it says why)."""
    h = hashlib.sha256(f"{site_key}\0{folder.name}\0".encode())
    try:
        for top, dirs, files in os.walk(folder):
            dirs.sort()
            here = Path(top)
            for name in dirs:
                if (here / name).is_symlink():
                    return None
            for name in sorted(files):
                path = here / name
                if path.is_symlink():
                    return None
                h.update(b"\0F" + path.relative_to(folder).as_posix().encode() + b"\0")
                h.update(path.read_bytes())
    except OSError:
        return None
    return h.hexdigest()[:40]


@dataclass
class _Entry:
    """An entry as read: the folder, and its parse still packed (unpacked once it is known
    to be still valid: :meth:`_Store.unpack`)."""

    folder: _Folder
    depends: dict[str, Any] | None = None
    index: dict[str, Any] | None = None
    problems: tuple[Problem, ...] = ()
    tokens: bytes | None = None
    """The packed parse: None when the folder did not load."""


class _Store:
    """``<root>/.cache/reports/<id>/<key>.pickle``: a pickle of (format, key, the folder
    packed, the parse's reads and problems packed, its token streams packed), so that a
    parse that has to be made again is never unpacked."""

    def __init__(self, base: Path):
        self.base = base

    def path(self, report_id: str, key: str) -> Path:
        return self.base / report_id / f"{key}.pickle"

    def read(self, report_id: str, key: str, stats: Stats) -> _Entry | None:
        path = self.path(report_id, key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            kind, stored_key, folder, meta, tokens = pickle.loads(data)
            folder = pickle.loads(folder)
            if kind != FORMAT or stored_key != key or not isinstance(folder, _Folder) or folder.name != report_id:
                raise ValueError("not an entry of this report")
            if tokens is None:
                return _Entry(folder)
            depends, index, problems = pickle.loads(meta)
            if not isinstance(tokens, bytes) or not (depends is None or isinstance(depends, dict)):
                raise ValueError("not a parse")
            return _Entry(folder, depends, index, tuple(problems), tokens)
        except Exception:  # noqa: BLE001 - any entry that cannot be read is rebuilt
            self.ignore(report_id, path, stats)
            return None

    def ignore(self, report_id: str, path: Path, stats: Stats) -> None:
        stats.ignored.append(report_id)
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass

    def unpack(self, report_id: str, key: str, entry: _Entry, stats: Stats) -> _Parse | None:
        """The entry's parse, or None (the entry is ignored) when it cannot be unpacked."""
        try:
            parsed, translated = pickle.loads(entry.tokens)  # type: ignore[arg-type]
            return _Parse(unpack_parsed(parsed), tuple((lang, unpack_parsed(t)) for lang, t in translated),
                          entry.problems, entry.depends, entry.index)
        except Exception:  # noqa: BLE001
            self.ignore(report_id, self.path(report_id, key), stats)
            return None

    def write(self, report_id: str, key: str, folder: _Folder, parse: _Parse | None) -> bytes | None:
        """Keep a folder and its parse; returns the parse's token streams packed."""
        path = self.path(report_id, key)
        try:
            meta = tokens = None
            if parse is not None:
                meta = _pack((parse.depends, parse.index, parse.problems))
                tokens = _pack((pack_parsed(parse.parsed),
                                tuple((lang, pack_parsed(t)) for lang, t in parse.translated)))
            data = _pack((FORMAT, key, _pack(folder), meta, tokens))
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            part = path.with_name(f".{path.name}.{os.getpid()}.part")
            part.write_bytes(data)
            os.replace(part, path)
            for old in path.parent.iterdir():  # only the newest entry of a report is kept
                if old.name != path.name and not old.name.endswith(".part"):
                    old.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only project, a full disk: the build goes on without the cache
        return tokens


def _own_keys(doc: ParsedReport, report: Report) -> ParsedReport:
    """``doc`` with its fields keyed by ``report``'s own Markdown objects (equal ones came
    from another pickle or process: their texts are not kept twice); still packed."""
    own = {md: md for md in _fields(report)}
    if all(own.get(md) is md for md in doc.fields):
        return doc
    if isinstance(doc.fields, Streams):
        return replace(doc, fields=doc.fields.rekeyed(own))
    return replace(doc, fields=MappingProxyType({own.get(md, md): t for md, t in doc.fields.items()}))


# --- the work of one folder, in this process or a worker -------------------------------------


def _rel(root: Path):
    return lambda p: p.relative_to(root).as_posix()


def _load_folder(shared: tuple[Path, SiteConfig], folder: Path) -> _Folder:
    """A report folder as :func:`scrutiny.load.load_content` loads it: the report, then its
    translations (sorted in the site's order of languages)."""
    root, config = shared
    problems = Problems()
    report = load_report(root, folder, config, problems)
    translations = []
    if report is not None and config is not None:
        for tag, path in translation_folders(folder, report, config, problems, _rel(root)):
            translated = load_translation(root, folder, path, tag, report, problems)
            if translated is not None:
                translations.append(translated)
    return _Folder(folder.name, report, tuple(translations), tuple(problems.items))


def _parse_folder(index: dict, loaded: _Folder) -> _Parse:
    """A report and its translations parsed against ``index``, with the entries they read."""
    md = _shared_parser()
    problems = Problems()
    assert loaded.report is not None
    parsed, watched = parse_watched(md, loaded.report, index, problems)
    views = [watched]
    translated = []
    for translation in loaded.translations:
        doc, seen = parse_watched(md, translation, index, problems)
        translated.append((translation.language, doc))
        views.append(seen)
    if any(v.everything for v in views):
        return _Parse(parsed, tuple(translated), tuple(problems.items), None, dict(index))
    read = set().union(*(v.seen for v in views))
    return _Parse(parsed, tuple(translated), tuple(problems.items),
                  {rid: index.get(rid, _MISSING) for rid in sorted(read)})


def _still_valid(parse: _Parse | _Entry, index: dict) -> bool:
    if parse.depends is None:
        return parse.index == index
    return all(index.get(rid, _MISSING) == entry for rid, entry in parse.depends.items())


@dataclass(frozen=True)
class _Parsing:
    """What every parse job reads, inherited by the forked workers (never sent to them)."""

    index: dict
    store: _Store | None
    found: dict[str, _Folder]
    keys: dict[str, str | None]
    parent: int


def _parse_job(shared: _Parsing, report_id: str) -> _Parse | tuple[bytes, tuple]:
    """A report's parse, its entry written. A worker sends it back packed (the token
    streams as the entry holds them, so they are pickled once)."""
    loaded = shared.found[report_id]
    parse = _parse_folder(shared.index, loaded)
    key = shared.keys.get(report_id)
    tokens = shared.store.write(report_id, key, loaded, parse) if shared.store is not None and key else None
    if os.getpid() == shared.parent:
        return parse
    if tokens is None:
        tokens = _pack((pack_parsed(parse.parsed), tuple((lang, pack_parsed(t)) for lang, t in parse.translated)))
    return tokens, (parse.depends, parse.index, parse.problems)


def _unpacked(done: _Parse | tuple[bytes, tuple]) -> _Parse:
    if isinstance(done, _Parse):
        return done
    tokens, (depends, index, problems) = done
    parsed, translated = pickle.loads(tokens)
    return _Parse(unpack_parsed(parsed), tuple((lang, unpack_parsed(t)) for lang, t in translated),
                  problems, depends, index)


def load_parsed(root: Path, problems: Problems, as_of: dt.date | None = None,
                cache: bool | None = None) -> Loaded:
    """Load and parse every report (see the module docstring); problems go to ``problems``.
    ``cache`` False (or SCRUTINY_REPORT_CACHE=0) reads and parses everything afresh."""
    use = enabled() if cache is None else cache
    stats = Stats()
    config = load_config(root, problems)
    if config is not None and as_of is not None:
        config = replace(config, as_of=as_of)
    folders, never_read = report_folders(root, problems)
    store = _Store(root / ".cache" / "reports") if use and config is not None else None
    site_key = None
    if store is not None:
        try:
            site_key = _site_key(root, config)  # type: ignore[arg-type]
        except OSError:
            store = None
    keys: dict[str, str | None] = {}
    found: dict[str, _Folder] = {}
    entries: dict[str, _Entry] = {}
    parses: dict[str, _Parse] = {}
    todo: list[Path] = []
    for folder in folders:
        key = folder_key(site_key, folder) if store is not None and site_key is not None else None
        keys[folder.name] = key
        entry = store.read(folder.name, key, stats) if store is not None and key is not None else None
        if entry is None:
            todo.append(folder)
            continue
        found[folder.name] = entry.folder
        entries[folder.name] = entry
        stats.load_hits.append(folder.name)
    if store is not None:  # the entries of folders no longer there are deleted
        names = {folder.name for folder in folders}
        try:
            for old in store.base.iterdir() if store.base.is_dir() else ():
                if old.name not in names:
                    shutil.rmtree(old, ignore_errors=True)
        except OSError:
            pass
    for loaded in run_parallel(_load_folder, todo, (root, config)):
        found[loaded.name] = loaded
        stats.loaded.append(loaded.name)
    reports, unreadable, translations = [], list(never_read), []
    for folder in folders:  # in the folders' order, each folder's problems as loading said them
        loaded = found[folder.name]
        problems.extend(loaded.problems)
        if loaded.report is None:
            unreadable.append(folder.name)
        else:
            reports.append(loaded.report)
            translations.extend(loaded.translations)
    if config is None:
        return Loaded(None, {}, {}, stats)
    content = Content(config, tuple(reports), tuple(sorted(unreadable)), root=str(root),
                      translations=tuple(sorted(translations, key=lambda r: (r.id, config.all_languages.index(r.language)))))

    index = build_index(content.reports, content.unreadable)
    jobs = []
    for report in content.reports:
        entry = entries.get(report.id)
        if entry is not None and entry.tokens is not None and _still_valid(entry, index):
            parse = store.unpack(report.id, keys[report.id], entry, stats)  # type: ignore[union-attr, arg-type]
            entry.tokens = None  # unpacked: its bytes are not kept beside what they made
            if parse is not None:
                parses[report.id] = parse
                stats.parse_hits.append(report.id)
                continue
        jobs.append(report.id)
    shared = _Parsing(index, store, found, keys, os.getpid())
    done = run_parallel(_parse_job, jobs, shared)
    for i, report_id in enumerate(jobs):
        parses[report_id] = _unpacked(done[i])
        done[i] = None  # type: ignore[call-overload]  # each one's bytes let go once unpacked
        stats.parsed.append(report_id)
    parsed: dict[str, ParsedReport] = {}
    translated: dict[str, dict[str, ParsedReport]] = {}
    for report in content.reports:
        parse = parses[report.id]
        problems.extend(parse.problems)
        parsed[report.id] = _own_keys(parse.parsed, report)
    for translation in content.translations:  # in the order parse_translations makes
        doc = dict(parses[translation.id].translated).get(translation.language)
        if doc is not None:
            translated.setdefault(translation.language, {})[translation.id] = _own_keys(doc, translation)
    if store is not None:
        for folder in folders:  # a folder that did not load is kept with its problems too
            loaded = found[folder.name]
            if loaded.report is None and folder.name in stats.loaded and keys.get(folder.name):
                store.write(folder.name, keys[folder.name], loaded, None)  # type: ignore[arg-type]
    return Loaded(content, parsed, translated, stats, {rid: key for rid, key in keys.items() if key is not None})
