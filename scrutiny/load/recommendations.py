"""Load ``recommendations.yaml``: the council's references, parts, addressees and numbering."""

from __future__ import annotations

from pathlib import Path

from ..model import Markdown, RecNumber, Recommendation, Vocabulary
from ..problems import Problems
from .progress import load_response, load_updates, person
from .yamlread import Fields, line_of, load_yaml, scalar_value

PRIORITY_WORDS = ("high", "medium", "low")


def load_recommendations(root: Path, folder: Path, report_id: str, vocab: Vocabulary | None,
                         problems: Problems) -> tuple[tuple[Recommendation, ...], tuple[RecNumber, ...], str] | None:
    """The recommendations in document order, the references not reproduced and their note;
    None when the file cannot be read at all (its problems are reported)."""
    path = folder / "recommendations.yaml"
    rel = path.relative_to(root).as_posix()
    if not path.exists():
        problems.add(rel, 0, "the report has no recommendations.yaml",
                     "create it with `recommendations: []` if the report makes none")
        return None
    node = load_yaml(path, rel, problems)
    if node is None:
        return None
    top = Fields(node, rel, problems, "recommendations_file", "recommendations.yaml")
    omitted = tuple(r for n in top.items("not_reproduced") if (r := _ref(n, top)))
    omitted_note = top.text("not_reproduced_note")
    recs: list[Recommendation] = []
    for item in top.items("recommendations", required=True):
        recs.extend(_entry(item, rel, report_id, vocab, problems))
    top.finish()
    recs = _unique(recs, rel, problems)
    _check_sequence(recs, omitted, rel, problems)
    return tuple(recs), omitted, omitted_note


def _ref(node, f: Fields) -> RecNumber | None:
    value = scalar_value(node)
    try:
        return RecNumber.parse(value)
    except ValueError:
        f.problem(line_of(node), f'"{node.value}" is not a recommendation reference',
                  "write the council's reference: 7, 2a, 5(b), 1.1, a) or a code such as ABC.140715.20b")
        return None


def _unique(recs: list[Recommendation], rel: str, problems: Problems) -> list[Recommendation]:
    seen: dict[RecNumber, Recommendation] = {}
    for rec in recs:
        if rec.number in seen:
            first = seen[rec.number]
            same = "" if first.number.text == rec.number.text else f' (as "{first.number}")'
            problems.add(rel, rec.source.line, f'recommendation "{rec.number}" is given twice{same}: first at line {first.source.line}',
                         "give each recommendation its own reference")
        else:
            seen[rec.number] = rec
    return list(seen.values())


def _check_sequence(recs: list[Recommendation], omitted: tuple[RecNumber, ...], rel: str, problems: Problems) -> None:
    """Plain numbers run 1, 2, 3 ... and sub-letters a, b, c ... without gaps (one message
    for the whole scheme). Other schemes (a), 1(ii), 1.1, codes) are the council's own:
    only their uniqueness is checked."""
    if not recs or not all(r.number.is_simple for r in recs):
        return
    present = {r.number for r in recs} | set(omitted)
    numbers = sorted({n.number for n in present if n.number is not None})
    gaps = [str(n) for n in range(1, numbers[-1] + 1) if n not in numbers]
    for n in numbers:
        letters = sorted(x.letter for x in present if x.number == n)
        if letters == [""]:
            continue
        if "" in letters:
            first = next(r for r in recs if r.number == RecNumber.simple(n))
            problems.add(rel, first.source.line, f"recommendation {n} has sub-recommendations, so it needs a letter too",
                         f"number it {n}a, and the others {n}b, {n}c ...")
            continue
        expected = [chr(ord("a") + i) for i in range(len(letters))]
        gaps += [f"{n}{e}" for e in expected if e not in letters]
    if gaps:
        listed = ", ".join(gaps[:-1]) + (" and " if len(gaps) > 1 else "") + gaps[-1]
        word = "recommendation" if len(gaps) == 1 else "recommendations"
        verb = "is" if len(gaps) == 1 else "are"
        problems.add(rel, recs[0].source.line, f"the numbering has gaps: {word} {listed} {verb} missing",
                     "renumber, add them, or list the ones the source does not reproduce under `not_reproduced:`")


def _entry(node, rel: str, report_id: str, vocab: Vocabulary | None, problems: Problems) -> list[Recommendation]:
    """One list entry: a recommendation, or a stem whose ``parts`` are the recommendations."""
    f = Fields(node, rel, problems, "recommendation", "a recommendation")
    if f.node("parts") is None:
        rec = _recommendation(f, report_id, vocab, None, None)
        return [rec] if rec else []
    number = _number(f)
    f.what = f"recommendation {number}" if number else "a recommendation with parts"
    stem = f.markdown("text", required=True)
    theme = f.text("theme")
    for key in ("response", "updates"):
        if f.node(key) is not None:
            f.problem(line_of(f.values[key][1]), f'{f.what} has parts, so its "{key}" belongs to each part',
                      f"move `{key}:` into the parts it applies to")
    out = []
    for item in f.items("parts"):
        p = Fields(item, rel, problems, "recommendation", f"a part of {f.what}")
        if p.node("parts") is not None:
            p.problem(line_of(p.values["parts"][1]), "a part cannot have parts of its own", "list every part under the stem")
        rec = _recommendation(p, report_id, vocab, number, stem, theme)
        if rec:
            out.append(rec)
    f.finish()
    return out


def _number(f: Fields, parent: RecNumber | None = None) -> RecNumber | None:
    raw = f.node("number", required=True, hint="add `number: 1` (the council's own reference: 2a, 5(b), 1.1, a) ...)")
    if raw is None:
        return None
    try:
        number = RecNumber.parse(raw.value)  # the author's characters: 1.10 stays 1.10
    except ValueError:
        f.problem(line_of(raw), f'recommendation number "{raw.value}" is not a reference',
                  "write the council's reference: 7, 2a, 5(b), 1.1, a) or a code such as ABC.140715.20b "
                  "(letters, digits, spaces and . ( ) / - _, at most 40)")
        return None
    if parent is not None and not parent.contains(number):
        # a part written as "a" or "(b)" under stem 6 is 6(a), 6(b)
        number = RecNumber(parent.parts + number.parts, f"{parent}({number.text.strip('()')})")
    return number


def _recommendation(f: Fields, report_id: str, vocab: Vocabulary | None, parent: RecNumber | None,
                    stem: Markdown | None, theme: str = "") -> Recommendation | None:
    number = _number(f, parent)
    what = f"recommendation {number}" if number else "a recommendation"
    f.what = what
    theme = f.text("theme") or theme
    text = f.markdown("text", required=True)
    follows = []
    for n in f.items("follows_from"):
        value = scalar_value(n)
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            follows.append(value)
        else:
            f.problem(line_of(n), f'"follows_from" of {what} lists "{n.value}", which is not a paragraph number',
                      "list paragraph numbers, e.g. [12, 13]")
    state, response = load_response(f, what, vocab)
    updates = load_updates(f, what, vocab, response)
    if updates and state == "awaited":
        f.problem(updates[0].source.line, f"{what} has updates but no response",
                  "add the executive's `response`, or write `response: none-recorded` if the executive never "
                  "recorded a decision, or `response: not-required` if none is due")
    lead_officers = tuple(p for item in f.items("lead_officers") if (p := person(item, f, "a lead officer")))
    addressed_to = f.text("addressed_to")
    priority = _priority(f)
    f.finish()
    if number is None or text is None:
        return None
    return Recommendation(report_id, number, theme, text, tuple(follows), response, updates, f.source(),
                          response_state=state, addressed_to=addressed_to, lead_officers=lead_officers,
                          priority=priority, stem=stem)


def _priority(f: Fields) -> str:
    node = f.node("priority")
    if node is None:
        return ""
    value = scalar_value(node)
    text = str(node.value).strip()
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5:
        return str(value)
    if text.lower() in PRIORITY_WORDS:
        return text
    f.problem(line_of(node), f'priority "{text}" is not one the tracker can sort',
              "write a number from 1 (highest) to 5, or high, medium or low")
    return ""

