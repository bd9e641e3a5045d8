"""The words every document format uses for a recommendation's facts: its decision, where
it stands, its target and each update, taken from :mod:`scrutiny.tracker` so the PDF,
Word, EPUB, large print, text, Braille and audio all say the same."""

from __future__ import annotations

from ..dates import long_date
from ..model import Recommendation, Report, Update
from ..tracker import Standing, decision_words

__all__ = ["decision_text", "status_text", "target_text", "update_line", "update_details", "long_date"]


def decision_text(rec: Recommendation, report: Report, s: Standing) -> str:
    """"Accepted by Cabinet on 27 June 2013", "Awaiting response (overdue)"."""
    return decision_words(rec, report, s)


def status_text(s: Standing) -> str:
    """Where it stands, in full: the status and when it was given, or what is not known."""
    return s.sentence


def target_text(s: Standing) -> str:
    """The current target in the council's words, with the original one when it moved and
    what is not known about its due day."""
    if s.target is None:
        return ""
    text = s.target.display
    if not s.target.due_known or s.target.kind == "relative":
        text += f" ({s.target.due_words})"
    if s.original_target is not None and s.slipped and s.original_target.text != s.target.text:
        text += f" (originally {s.original_target.display})"
    return text


def update_line(u: Update) -> str:
    """"15 August 2013, Children and Young People Scrutiny Committee: On track."."""
    where = f", {u.meeting}" if u.meeting else ""
    return f"{long_date(u.date)}{where}: {u.status.display}."


def update_details(u: Update) -> list[str]:
    """Sentences after an update's note: target moved, reason, evidence, sign-off."""
    out = []
    if u.revised_target:
        out.append(f"Target moved to {u.revised_target.display}" + (f": {u.reason}" if u.reason else ""))
    elif u.reason:
        out.append(f"Reason: {u.reason}")
    if u.evidence:
        out.append("Evidence: " + "; ".join(f"{e.title} ({e.url})" if e.url else e.title for e in u.evidence))
    if u.sign_off:
        so = u.sign_off
        out.append("Signed off as closed" + (f" by {so.meeting}" if so.meeting else "")
                   + (f" on {long_date(so.date)}" if so.date else ""))
    return [line if line.endswith((".", "!", "?")) else line + "." for line in out]
