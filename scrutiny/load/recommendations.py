"""Load ``recommendations.yaml``: numbers, responses, actions and updates."""

from __future__ import annotations

from pathlib import Path

from ..model import Action, Person, RecNumber, Recommendation, Response, SiteConfig, Update
from ..problems import Problems
from .yamlread import Fields, compose, line_of, scalar_value


def load_recommendations(root: Path, folder: Path, report_id: str, config: SiteConfig | None,
                         problems: Problems) -> tuple[Recommendation, ...]:
    path = folder / "recommendations.yaml"
    rel = path.relative_to(root).as_posix()
    if not path.is_file():
        problems.add(rel, 0, "the report has no recommendations.yaml",
                     "create it with `recommendations: []` if the report makes none")
        return ()
    node = compose(rel, path.read_text(encoding="utf-8"), problems)
    if node is None:
        return ()
    top = Fields(node, rel, problems, "recommendations_file", "recommendations.yaml")
    recs: list[Recommendation] = []
    seen: dict[RecNumber, int] = {}
    for item in top.items("recommendations"):
        rec = _recommendation(item, rel, report_id, config, problems)
        if rec is None:
            continue
        if rec.number in seen:
            problems.add(rel, rec.source.line, f"recommendation {rec.number} is numbered twice (first at line {seen[rec.number]})",
                         "give each recommendation its own number")
            continue
        seen[rec.number] = rec.source.line
        recs.append(rec)
    top.finish()
    _check_sequence(recs, rel, problems)
    return tuple(recs)


def _check_sequence(recs: list[Recommendation], rel: str, problems: Problems) -> None:
    """Numbers run 1, 2, 3 ... with no gap; sub-letters run a, b, c ..."""
    numbers = sorted({r.number.number for r in recs})
    for missing in sorted(set(range(1, max(numbers, default=0) + 1)) - set(numbers)):
        after = next((r for r in recs if r.number.number > missing), recs[-1])
        problems.add(rel, after.source.line, f"recommendation {missing} is missing (numbers jump to {after.number})",
                     "renumber the recommendations or add the missing one")
    for n in numbers:
        letters = sorted(r.number.letter for r in recs if r.number.number == n)
        if letters == [""]:
            continue
        if "" in letters:
            first = next(r for r in recs if r.number == RecNumber(n))
            problems.add(rel, first.source.line, f"recommendation {n} has sub-recommendations, so it needs a letter too",
                         f"number it {n}a, and the others {n}b, {n}c ...")
            continue
        expected = [chr(ord("a") + i) for i in range(len(letters))]
        if letters != expected:
            first = next(r for r in recs if r.number.number == n)
            gap = next(e for e, got in zip(expected, letters) if e != got)
            problems.add(rel, first.source.line, f"recommendation {n}{gap} is missing (letters run {', '.join(letters)})",
                         "letter sub-recommendations a, b, c ... without gaps")


def _recommendation(node, rel: str, report_id: str, config: SiteConfig | None,
                    problems: Problems) -> Recommendation | None:
    f = Fields(node, rel, problems, "recommendation", "a recommendation")
    raw = f.node("number", required=True, hint="add `number: 1` (or 2a for a sub-recommendation)")
    number = None
    if raw is not None:
        try:
            number = RecNumber.parse(str(scalar_value(raw)))
        except ValueError:
            f.problem(line_of(raw), f'recommendation number "{raw.value}" is not a number with an optional letter',
                      "write 7, or 2a for a sub-recommendation")
    what = f"recommendation {number}" if number else "a recommendation"
    f.what = what
    theme = f.text("theme")
    text = f.markdown("text", required=True)
    follows = []
    for n in f.items("follows_from"):
        value = scalar_value(n)
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            follows.append(value)
        else:
            f.problem(line_of(n), f'"follows_from" of {what} lists "{n.value}", which is not a paragraph number',
                      "list paragraph numbers, e.g. [12, 13]")
    response = _response(f.sub("response", "response"), what, config)
    updates = tuple(u for item in f.items("updates") if (u := _update(item, rel, problems, what, config)))
    for earlier, later in zip(updates, updates[1:]):
        if later.date < earlier.date:
            problems.add(rel, later.source.line, f"updates of {what} are out of order ({later.date} after {earlier.date})",
                         "list updates oldest first")
    if updates and response is None and f.node("response") is None:
        problems.add(rel, updates[0].source.line, f"{what} has updates but no response",
                     "add the executive's `response` first")
    f.finish()
    if number is None or text is None:
        return None
    return Recommendation(report_id, number, theme, text, tuple(follows), response, updates, f.source())


def _response(f: Fields | None, what: str, config: SiteConfig | None) -> Response | None:
    if f is None:
        return None
    f.what = f"the response to {what}"
    decisions = [d.id for d in config.decisions] if config else []
    decision = f.choice("decision", decisions, required=True, noun="decision",
                        where="decisions are listed in site_config.yaml") if config else f.text("decision")
    day = f.day("date", required=True)
    maker = f.text("decision_maker", default="Cabinet")
    text = f.markdown("text", required=decision == "rejected")
    actions = []
    for item in f.items("actions"):
        a = Fields(item, f.path, f.problems, "action", f"an action in the response to {what}")
        action_text = a.text("action", required=True)
        owners = tuple(_owner(o, a) for o in a.items("owners", required=True))
        target = a.target("target", required=True, immediate=day)
        a.finish()
        if action_text and target:
            actions.append(Action(action_text, tuple(o for o in owners if o), target, a.source()))
    f.finish()
    if not decision or day is None:
        return None
    return Response(decision, day, maker, text, tuple(actions), f.source())


def _owner(node, a: Fields) -> Person | None:
    if isinstance(node.value, str):
        name = str(scalar_value(node) or "")
        return Person(name) if name else None
    o = Fields(node, a.path, a.problems, "owner", "an owner")
    person = Person(o.text("name", required=True), o.text("title"))
    o.finish()
    return person if person.name else None


def _update(node, rel: str, problems: Problems, what: str, config: SiteConfig | None) -> Update | None:
    f = Fields(node, rel, problems, "update", f"an update of {what}")
    statuses = [s.id for s in config.statuses] if config else []
    day = f.day("date", required=True)
    status = f.choice("status", statuses, required=True, noun="status",
                      where="statuses are listed in site_config.yaml") if config else f.text("status")
    revised = f.target("revised_target", immediate=day)
    reason = f.text("reason")
    if revised and not reason:
        f.problem(line_of(f.values["revised_target"][1]), f"the target date of {what} moves to {revised} without a reason",
                  "add `reason: ...` saying why the date moved")
    update = Update(day, f.text("meeting"), status, f.markdown("note"), revised, reason, f.source()) if day and status else None
    f.finish()
    return update
