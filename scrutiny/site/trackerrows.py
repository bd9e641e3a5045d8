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

from markupsafe import Markup

from .. import i18n
from ..dates import long_date
from .render import lang_attribute
from .views import RecView, Tag


def _esc(value) -> str:
    """``markupsafe.escape`` as a plain string (the same characters, the same entities),
    without making a Markup object for each of a row's thirty values."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return (str(value).replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


def _cell(cls: str, tag: Tag) -> str:
    return f'<td class="{cls} k k-{_esc(tag.colour)}">{_esc(tag.label)}</td>'


def _target(v: RecView) -> str:
    """The target cell's words (:func:`~scrutiny.render.facts.target_words`, which the print
    summary uses too)."""
    w = v.target_words
    if not w.given:
        return f'<span class="muted">{_esc(w.text)}</span>'
    out = _esc(w.text)
    if w.originally:
        was = Markup(i18n.template_gettext("(originally %(date)s)")) % {"date": w.originally}
        out += f' <span class="was">{was}</span>'
    if w.late:
        out += f' <strong class="due due--late">{_esc(w.due)}</strong>'
    elif w.due.startswith("("):
        out += f' <span class="muted">{_esc(w.due)}</span>'
    elif w.due:
        out += f' <span class="due">{_esc(w.due)}</span>'
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
        parts += [f' data-{_esc(k)}="{_esc(val)}"' for k, val in data.items() if val]
    parts.append(">")
    if site_wide:
        parts.append(f'<td class="c-report"><a href="{_esc(rel(v.report_url))}"{lang}>{_esc(v.report.title)}</a></td>')
    parts.append(f'<th scope="row" class="c-number"><a href="{_esc(rel(v.url))}"><span class="c-number__word">'
                 f'{_esc(say["rec"])} </span>{_esc(v.number)}</a></th>')
    theme = f'<strong class="c-rec__theme">{_esc(v.rec.theme)}</strong> ' if v.rec.theme else ""
    parts.append(f'<td class="c-rec"{lang}>{theme}{_esc(v.short)}</td>')
    if addressee:
        parts.append(f'<td class="c-to">{_esc(v.rec.addressed_to or "–")}</td>')
    parts.append(_cell("c-decision", v.decision))
    owners = "; ".join(o.name for o in v.rec.owners) or "–"
    parts.append(f'<td class="c-owner">{_esc(owners)}</td><td class="c-target">{_target(v)}</td>')
    status = v.status
    parts.append(f'<td class="c-status k k-{_esc(status.colour)}">{_esc(status.label)}')
    if s.response_overdue and s.status is not None:
        parts.append(f' <strong class="due due--late">{_esc(say["late"])}</strong>')
    if s.changed:
        parts.append(f' <span class="changed">{_esc(s.changed)} ({_esc(long_date(s.changed_on))})</span>')
    parts.append("</td>")
    if s.last_update:
        parts.append(f'<td class="c-updated">{_esc(long_date(s.last_update))}</td></tr>')
    else:
        parts.append(f'<td class="c-updated"><span class="muted">{_esc(say["none"])}</span></td></tr>')
    return Markup("".join(parts))
