"""The words every document format uses for a recommendation's facts: its decision, where
it stands, its target and each update, taken from :mod:`scrutiny.tracker` so the PDF,
Word, EPUB, large print, text, Braille and audio all say the same."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..dates import long_date
from ..i18n import N_, _
from ..markdown.plain import short_form
from ..model import Recommendation, Report, Update
from ..publication import Publication
from ..tracker import NO_DECISION_WORDS, Standing, decision_words

__all__ = ["decision_text", "status_text", "target_text", "update_line", "update_details", "long_date",
           "SUMMARY_TITLE", "SUMMARY_HEADER", "SummaryRow", "summary_row", "summary_rows", "summary_caption"]

#: The heading of the table of recommendations at the start of the PDF and Word versions.
SUMMARY_TITLE = N_("Summary of recommendations")
#: Its column headers, in the words of the site's tracker table (translate with ``_``).
SUMMARY_HEADER = (N_("Ref."), N_("Recommendation"), N_("Decision"), N_("Status"), N_("Target date"))


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
        text += " " + _("(originally %(target)s)", target=s.original_target.display)
    return text


def update_line(u: Update) -> str:
    """"15 August 2013, Children and Young People Scrutiny Committee: On track."."""
    if u.meeting:
        return _("%(day)s, %(meeting)s: %(status)s.", day=long_date(u.date), meeting=u.meeting, status=u.status.display)
    return _("%(day)s: %(status)s.", day=long_date(u.date), status=u.status.display)


def update_details(u: Update) -> list[str]:
    """Sentences after an update's note: target moved, reason, evidence, sign-off."""
    out = []
    if u.revised_target:
        out.append(_("Target moved to %(target)s: %(reason)s", target=u.revised_target.display, reason=u.reason)
                   if u.reason else _("Target moved to %(target)s", target=u.revised_target.display))
    elif u.reason:
        out.append(_("Reason: %(reason)s", reason=u.reason))
    if u.evidence:
        out.append(_("Evidence: %(items)s",
                     items="; ".join(f"{e.title} ({e.url})" if e.url else e.title for e in u.evidence)))
    if u.sign_off:
        so = u.sign_off
        values = {"meeting": so.meeting, "day": long_date(so.date) if so.date else ""}
        out.append(_("Signed off as closed by %(meeting)s on %(day)s", **values) if so.meeting and so.date
                   else _("Signed off as closed by %(meeting)s", **values) if so.meeting
                   else _("Signed off as closed on %(day)s", **values) if so.date
                   else _("Signed off as closed"))
    return [line if line.endswith((".", "!", "?")) else line + "." for line in out]


@dataclass(frozen=True)
class SummaryRow:
    """One recommendation in the summary table, in the words of the site's tracker."""

    ref: str
    """The reference as the council wrote it."""
    slug: str
    """Its anchor slug (``rec-<slug>`` is its full entry)."""
    theme: str
    words: str
    """Its own words, shortened (never reworded)."""
    decision: str
    status: str
    target: str


def summary_caption(as_of: dt.date) -> str:
    return _("Recommendations, the executive's decisions and where each stands, as of %(day)s", day=long_date(as_of))


def summary_row(rec: Recommendation, s: Standing, plain: str) -> SummaryRow:
    """The tracker row of ``rec``; ``plain`` is its text as plain words."""
    return SummaryRow(str(rec.number), rec.number.slug, rec.theme, short_form(plain), decision_label(rec, s),
                      status_label(s), target_label(rec, s))


def summary_rows(pub: Publication, report: Report) -> list[SummaryRow]:
    """The summary table's rows of a report, in its order ([] without recommendations)."""
    return [summary_row(rec, pub.standing(report, rec), pub.plain(rec.text))
            for rec in report.recommendations]


def decision_label(rec: Recommendation, s: Standing) -> str:
    """The decision in the council's words, or what stands for none ("Awaiting response")."""
    if s.decision is not None:
        return s.decision.display
    return _(NO_DECISION_WORDS.get(rec.response_state, NO_DECISION_WORDS["awaited"]))


def status_label(s: Standing) -> str:
    """The status the latest update gave, or the words for having none ("No update yet")."""
    if s.response_overdue and s.status is not None:
        return _("%(status)s (response overdue)", status=s.label)
    return s.label


@dataclass(frozen=True)
class TargetWords:
    """The current target as every tracker shows it, in parts (the site marks them up)."""

    text: str
    """"March 2024"; without a target, what stands for one ("Awaiting response", "None given")."""
    given: bool
    originally: str
    """The first target when it has moved ("June 2023"), else ""."""
    due: str
    """"3 months overdue", "due today", "due in 2 weeks", "(no end date)" or ""."""
    late: bool


def target_words(rec: Recommendation, s: Standing) -> TargetWords:
    if s.target is None:
        awaited = rec.response is None and rec.response_state == "awaited"
        return TargetWords(decision_label(rec, s) if awaited else _("None given"), False, "", "", False)
    moved = s.original_target is not None and s.slipped and s.original_target.text != s.target.text
    originally = s.original_target.display if moved else ""
    if s.overdue:
        due = _("%(time)s overdue", time=s.overdue_for)
    elif s.closed or s.sign_off_pending:
        due = ""
    elif s.due_today:
        due = _("due today")
    elif s.due_in:
        due = _("due in %(time)s", time=s.due_in)
    else:
        due = "" if s.target.due_known else f"({s.target.due_words})"
    return TargetWords(s.target.display, True, originally, due, s.overdue)


def target_label(rec: Recommendation, s: Standing) -> str:
    """The current target in one line: "March 2024 (originally June 2023), 3 months overdue"."""
    w = target_words(rec, s)
    text = w.text + (" " + _("(originally %(target)s)", target=w.originally) if w.originally else "")
    if not w.due:
        return text
    return f"{text} {w.due}" if w.due.startswith("(") else f"{text}, {w.due}"