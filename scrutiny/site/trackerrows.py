"""The rows of the tracker tables (``templates/partials/tracker-table.html.j2``), written here
in Python: the one place their markup is.

A site of 1,000 reports shows 17,800 recommendations in its tracker, and each again in a
council's, a committee's and an owner's tracker, a ready-made view and a committee page:
about 125,000 rows, most of what a changed standing renders again. As a Jinja macro, called
from the included table, they took most of that rendering; written here, the rebuild
after one status change at N=1,000 rendered its pages in 3.3 s instead of 7.1 s (the
build's own log), with the same bytes. The table around the rows, its labels and its
words stay in the template; the words a row repeats (``say``) come from it, in the page's
language.
"""

from __future__ import annotations

from typing import Callable, Mapping

from markupsafe import Markup, escape

from .. import i18n
from ..dates import long_date
from .render import lang_attribute
from .views import RecView, Tag


def _cell(cls: str, tag: Tag) -> str:
    return f'<td class="{cls} k k-{escape(tag.colour)}">{escape(tag.label)}</td>'


def _target(v: RecView) -> str:
    """The target cell's words (:func:`~scrutiny.render.facts.target_words`, which the print
    summary uses too)."""
    w = v.target_words
    if not w.given:
        return f'<span class="muted">{escape(w.text)}</span>'
    out = str(escape(w.text))
    if w.originally:
        was = Markup(i18n.template_gettext("(originally %(date)s)")) % {"date": w.originally}
        out += f' <span class="was">{was}</span>'
    if w.late:
        out += f' <strong class="due due--late">{escape(w.due)}</strong>'
    elif w.due.startswith("("):
        out += f' <span class="muted">{escape(w.due)}</span>'
    elif w.due:
        out += f' <span class="due">{escape(w.due)}</span>'
    return out


def tracker_row(v: RecView, data: Mapping[str, str] | None, rel: Callable[[str], str], site_wide: bool,
                addressee: bool, say: Mapping[str, str]) -> Markup:
    """One recommendation's row: its ``data-*`` values (what ``theme/tracker.js`` filters and
    counts on; None: a table that is not filtered), its report (a site-wide table), its
    words, decision, owners, target, status and last update. ``rel``: the page's links;
    ``say``: the words every row repeats ("Recommendation", "Response overdue", "None yet")."""
    s = v.standing
    lang = lang_attribute(v.report)
    parts = ["<tr"]
    if data:
        parts += [f' data-{escape(k)}="{escape(val)}"' for k, val in data.items() if val]
    parts.append(">")
    if site_wide:
        parts.append(f'<td class="c-report"><a href="{escape(rel(v.report_url))}"{lang}>{escape(v.report.title)}</a></td>')
    parts.append(f'<th scope="row" class="c-number"><a href="{escape(rel(v.url))}"><span class="c-number__word">'
                 f'{escape(say["rec"])} </span>{escape(v.number)}</a></th>')
    theme = f'<strong class="c-rec__theme">{escape(v.rec.theme)}</strong> ' if v.rec.theme else ""
    parts.append(f'<td class="c-rec"{lang}>{theme}{escape(v.short)}</td>')
    if addressee:
        parts.append(f'<td class="c-to">{escape(v.rec.addressed_to or "–")}</td>')
    parts.append(_cell("c-decision", v.decision))
    owners = "; ".join(o.name for o in v.rec.owners) or "–"
    parts.append(f'<td class="c-owner">{escape(owners)}</td><td class="c-target">{_target(v)}</td>')
    status = v.status
    parts.append(f'<td class="c-status k k-{escape(status.colour)}">{escape(status.label)}')
    if s.response_overdue and s.status is not None:
        parts.append(f' <strong class="due due--late">{escape(say["late"])}</strong>')
    if s.changed:
        parts.append(f' <span class="changed">{escape(s.changed)} ({escape(long_date(s.changed_on))})</span>')
    parts.append("</td>")
    if s.last_update:
        parts.append(f'<td class="c-updated">{escape(long_date(s.last_update))}</td></tr>')
    else:
        parts.append(f'<td class="c-updated"><span class="muted">{escape(say["none"])}</span></td></tr>')
    return Markup("".join(parts))
