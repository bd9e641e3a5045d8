"""Load what happened to a recommendation: the executive's response, its actions, and the
progress updates with their evidence and sign-off."""

from __future__ import annotations

from yaml.nodes import MappingNode, Node

from ..dates import KnownDate
from ..model import Action, Evidence, Person, Response, SignOff, Term, Update, Vocabulary
from ..problems import did_you_mean
from .yamlread import Fields, describe, line_of, scalar_value

#: What ``response:`` may say instead of a mapping, and what each means.
RESPONSE_STATES = {
    "awaited": "no response yet (the same as leaving `response` out)",
    "not-required": "no executive response is due (addressed to the committee itself or to a partner)",
    "none-recorded": "the executive never recorded a decision; progress is logged in `updates`",
}


def person(node: Node, f: Fields, what: str) -> Person | None:
    """A name, or ``{name, title}``."""
    if not isinstance(node, MappingNode):
        value = scalar_value(node)
        return Person(str(value).strip()) if value not in (None, "") else None
    o = Fields(node, f.path, f.problems, "owner", what)
    found = Person(o.text("name", required=True), o.text("title"))
    o.finish()
    return found if found.name else None


def _term(f: Fields, key: str, terms: tuple[Term, ...] | None, noun: str, required: bool) -> Term | None:
    if terms is None:  # the vocabulary is unknown (the committee is): checked once it is fixed
        f.text(key, required)
        return None
    term_id = f.choice(key, [t.id for t in terms], required=required, noun=noun,
                       where=f"{'statuses' if noun == 'status' else noun + 's'} are listed in site_config.yaml "
                             "(the vocabulary of the report's committee)")
    return next((t for t in terms if t.id == term_id), None)


def load_response(f: Fields, what: str, vocab: Vocabulary | None) -> tuple[str, Response | None]:
    """The response state (see :data:`RESPONSE_STATES`, or ``given``) and the response."""
    node = f.node("response")
    if node is None:
        return "awaited", None
    if not isinstance(node, MappingNode):
        word = str(scalar_value(node)).strip()
        if word in RESPONSE_STATES:
            return word, None
        f.problem(line_of(node), f'"response" of {what} is {describe(node)}',
                  f"write the response as a mapping (decision, date, ...), or one of: {', '.join(RESPONSE_STATES)}"
                  + ("; " + did_you_mean(word, list(RESPONSE_STATES)) if did_you_mean(word, list(RESPONSE_STATES)) else ""))
        return "awaited", None
    r = Fields(node, f.path, f.problems, "response", f"the response to {what}")
    recorded_in = r.text("recorded_in")
    decision = _term(r, "decision", vocab.decisions if vocab else None, "decision", required=not recorded_in)
    day = r.known("date")
    text = r.markdown("text")
    if decision and decision.needs_reason and text is None and not recorded_in:
        r.problem(r.line, f'the response to {what} is "{decision.label}", which needs its reason',
                  "add `text: ...` giving the executive's reason")
    counted_from = day.last if day else None
    actions = []
    for item in r.items("actions"):
        a = Fields(item, r.path, r.problems, "action", f"an action in the response to {what}")
        action_text = a.text("action", required=True)
        owners = tuple(o for n in a.items("owners", required=True) if (o := person(n, a, "an owner")))
        target = a.target("target", required=True, immediate=counted_from)
        a.finish()
        if action_text and target:
            actions.append(Action(action_text, owners, target, a.source()))
    response = Response(decision, day, r.text("decision_maker"), text, tuple(actions), r.source(),
                        responder=r.text("responder"), recorded_in=recorded_in)
    r.finish()
    # a decision that could not be read is reported once; the response is then left out
    # (with an unknown vocabulary, the committee's own problem says why)
    unreadable = decision is None and not recorded_in and vocab is not None
    return "given", None if unreadable else response


def load_updates(f: Fields, what: str, vocab: Vocabulary | None, response: Response | None) -> tuple[Update, ...]:
    updates = tuple(u for item in f.items("updates") if (u := _update(item, f, what, vocab)))
    for earlier, later in zip(updates, updates[1:]):
        if later.date.before(earlier.date):
            f.problem(later.source.line, f"updates of {what} are out of order ({later.date} after {earlier.date})",
                      "list updates oldest first")
    if response and response.date and updates and updates[0].date.before(response.date):
        f.problem(updates[0].source.line,
                  f"the first update of {what} ({updates[0].date}) is dated before its response ({response.date})",
                  "check both dates")
    return updates


def _update(node: Node, parent: Fields, what: str, vocab: Vocabulary | None) -> Update | None:
    f = Fields(node, parent.path, parent.problems, "update", f"an update of {what}")
    day: KnownDate | None = f.known("date", required=True)
    status = _term(f, "status", vocab.statuses if vocab else None, "status", required=True)
    revised = f.target("revised_target", immediate=day.last if day else None)
    reason = f.text("reason")
    evidence = tuple(e for item in f.items("evidence") if (e := _evidence(item, f)))
    sign_off = _sign_off(f)
    meeting, note = f.text("meeting"), f.markdown("note")
    if revised and not reason:
        f.problem(line_of(f.values["revised_target"][1]), f"the target date of {what} moves to {revised} without a reason",
                  "add `reason: ...` saying why the date moved")
    if status and status.needs_revised_target and not revised:
        f.problem(line_of(f.values["status"][1]), f'the update of {what} says "{status.label}", which needs a revised target and its reason',
                  "add `revised_target: ...` and `reason: ...`")
    if status and status.needs_reason and not reason:
        f.problem(line_of(f.values["status"][1]), f'the update of {what} says "{status.label}", which needs a reason',
                  "add `reason: ...` (for example why it closed without being implemented)")
    f.finish()
    if day is None or status is None:
        return None
    return Update(day, meeting, status, note, revised, reason, f.source(), evidence, sign_off)


def _evidence(node: Node, f: Fields) -> Evidence | None:
    if not isinstance(node, MappingNode):
        value = scalar_value(node)
        return Evidence(str(value).strip()) if value not in (None, "") else None
    e = Fields(node, f.path, f.problems, "evidence", "an item of evidence")
    title, url = e.text("title", required=True), e.text("url")
    if url and not url.startswith(("https://", "http://")):
        e.problem(line_of(e.values["url"][1]), f'evidence link "{url}" is not an http(s) address',
                  "give the full address starting https://, or leave the url out and name the document in `title`")
        url = ""
    e.finish()
    return Evidence(title, url) if title else None


def _sign_off(f: Fields) -> SignOff | None:
    s = f.sub("sign_off", "sign_off")
    if s is None:
        return None
    out = SignOff(s.known("date"), s.text("meeting"))
    if not out.meeting and out.date is None:
        s.problem(s.line, "sign_off says neither when nor where members agreed to close it", "add `date:` and `meeting:`")
    s.finish()
    return out
