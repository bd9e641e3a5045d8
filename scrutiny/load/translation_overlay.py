"""Overlaying a translation's words on its original's records: each helper takes an
original record (a person, a table, a recommendation, its response and updates) and the
:class:`~.translation_shapes.Words` that :class:`~.translation_mirror.Mirror` read for it,
and returns the record with the translation's words in place of the original's
(``dataclasses.replace``), its facts kept and its ``source`` at the translation's line. A
translated target date must mean the original's days (:func:`_target`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from ..dates import DateError, TargetDate, parse_target
from ..model import (Action, Activity, DataTable, ExecutiveResponse, Evidence, GlossaryEntry, Markdown, Person,
                     Recommendation, Response, SignOff, Source, Update, UpdateSchedule)
from .translation_mirror import Mirror
from .translation_shapes import Words


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
