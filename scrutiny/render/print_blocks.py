"""HTML pieces of the print document: data tables, recommendation boxes and the full
entry of a recommendation (decision, response, actions, updates, current status).

Every function returns an HTML string that is also well-formed XHTML (EPUB), so the
same pieces serve the PDF, large print and EPUB.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from typing import Callable, Sequence

from ..i18n import _
from .escaping import around
from ..model import DataTable, Recommendation, Report, Update
from .facts import (SUMMARY_HEADER, SummaryRow, decision_text, long_date, status_text, target_text, update_details,
                    update_line)
from ..tracker import Standing

#: A data table with more columns than this is read as a list in large print.
MAX_TABLE_COLUMNS = 3


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:,}" if abs(value) >= 10000 else str(value)
    return str(value)


@dataclass(frozen=True)
class Grid:
    """A table as header labels and rows of cell HTML, whatever it came from."""

    caption: str
    """Caption HTML ("" for a Markdown table without one)."""
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...] = ()
    """Per column: right-align (figures)."""


def grid_of(table: DataTable) -> Grid:
    numeric = tuple(
        all(isinstance(row[i], (int, float)) or row[i] is None for row in table.rows if i < len(row))
        for i in range(len(table.columns))
    )
    rows = tuple(tuple(esc(cell_text(v)) for v in row) for row in table.rows)
    return Grid(esc(table.caption), tuple(esc(c) for c in table.columns), rows, numeric)


def table_html(grid: Grid, row_headers: bool = True) -> str:
    """A real table: caption, column headers with scope, first cell of a row as its header."""
    out = ['<table class="data">']
    if grid.caption:
        out.append(f"<caption>{grid.caption}</caption>")
    out.append("<thead><tr>")
    out += [f'<th scope="col"{_num(grid, i)}>{h}</th>' for i, h in enumerate(grid.header)]
    out.append("</tr></thead><tbody>")
    for row in grid.rows:
        out.append("<tr>")
        for i, value in enumerate(row):
            if i == 0 and row_headers:
                out.append(f'<th scope="row">{value}</th>')
            else:
                out.append(f"<td{_num(grid, i)}>{value}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _num(grid: Grid, i: int) -> str:
    return ' class="num"' if i < len(grid.numeric) and grid.numeric[i] and i > 0 else ""


def list_html(grid: Grid) -> str:
    """The same table read row by row as "label: value" lines (large print)."""
    out = ['<div class="table-list">']
    if grid.caption:
        out.append(f'<p class="table-list-caption"><strong>{grid.caption}</strong></p>')
    out.append('<ul class="records">')
    for row in grid.rows:
        lines = [f'<p><strong>{label}:</strong> {value}</p>' for label, value in zip(grid.header, row)]
        out.append(f"<li>{''.join(lines)}</li>")
    out.append("</ul></div>")
    return "".join(out)


def responsive_table(grid: Grid, linearise: bool, row_headers: bool = True) -> str:
    """Standard print: always a table. Large print: a list when wide; a narrow table
    stays a table on paper and becomes a list on a narrow screen (see the CSS)."""
    if not linearise:
        return table_html(grid, row_headers)
    if len(grid.header) > MAX_TABLE_COLUMNS:
        return list_html(grid)
    return (f'<div class="table-wide">{table_html(grid, row_headers)}</div>'
            f'<div class="table-narrow">{list_html(grid)}</div>')


def data_table_html(table: DataTable, linearise: bool, chart: str | None = None) -> str:
    """A placed data table with its source and notes, after its chart (SVG) if given."""
    parts = [f'<div class="data-table" id="table-{esc(table.id)}">']
    if chart:
        parts.append(f'<div class="chart">{chart}</div>')
    parts.append(responsive_table(grid_of(table), linearise))
    if table.source_note:
        parts.append(f'<p class="table-source"><strong>Source:</strong> {esc(table.source_note)}</p>')
    if table.notes:
        notes = "".join(f"<li>{esc(n)}</li>" for n in table.notes)
        parts.append(f'<div class="table-notes"><p><strong>Notes</strong></p><ul>{notes}</ul></div>')
    parts.append("</div>")
    return "".join(parts)


def print_chart(svg: str, caption: str) -> str:
    """A chart's SVG for print and EPUB: a ``<title>`` (the PDF's alternative text for
    the figure) and no HTML-only attributes."""
    svg = svg.replace(' focusable="false"', "", 1)
    head_end = svg.index(">") + 1
    words = _("Chart: %(caption)s. The figures are in the table below.", caption=caption)
    title = f"<title>{esc(words)}</title>"
    return svg[:head_end] + title + svg[head_end:]


def summary_html(rows: Sequence[SummaryRow], caption: str, href: Callable[[str], str], linearise: bool) -> str:
    """The summary table: one row a recommendation (reference linked to its full entry,
    its own words shortened, decision, status, target), headers with ``scope="col"``."""
    cells = tuple((f'<a href="{esc(href(r.slug))}">{esc(r.ref)}</a>',
                   (f"<strong>{esc(r.theme)}:</strong> " if r.theme else "") + esc(r.words),
                   esc(r.decision), esc(r.status), esc(r.target)) for r in rows)
    grid = Grid(esc(caption), tuple(esc(_(h)) for h in SUMMARY_HEADER), cells)
    return f'<div class="summary-table">{responsive_table(grid, linearise)}</div>'


def rec_box_html(rec: Recommendation, text_html: str, list_href: str) -> str:
    """The box an author placed in the body: number, theme, text, a link to its response."""
    theme = f' <span class="rec-box-theme">({esc(rec.theme)})</span>' if rec.theme else ""
    name = esc(_("Recommendation %(ref)s", ref=rec.number))
    link = esc(_("Response and progress on recommendation %(ref)s", ref=rec.number))
    return (f'<div class="rec-box" id="box-{rec.number.slug}">'
            f'<p class="rec-box-title"><strong>{name}</strong>{theme}</p>'
            f'{text_html}'
            f'<p class="rec-box-link"><a href="{esc(list_href)}">{link}</a></p>'
            f'</div>')


@dataclass(frozen=True)
class RecView:
    """What the full entry of a recommendation shows, gathered by the document builder."""

    rec: Recommendation
    standing: Standing
    text_html: str
    response_html: str
    update_notes: Sequence[str]
    """Note HTML per update (same order as ``rec.updates``)."""
    report: Report
    as_of: dt.date
    web_url: str
    follows_from: Sequence[tuple[int, str]]
    """(paragraph number, href) of the paragraphs it follows from."""
    level: int
    """Heading level of the recommendation's title."""
    linearise: bool


def recommendation_html(v: RecView) -> str:
    rec, h = v.rec, v.level
    name, theme = esc(_("Recommendation %(ref)s", ref=rec.number)), esc(_("Theme"))
    out = [f'<section class="rec" id="rec-{rec.number.slug}">', f"<h{h}>{name}</h{h}>"]
    if rec.theme:
        out.append(f'<p class="rec-theme"><strong>{theme}:</strong> {esc(rec.theme)}</p>')
    out.append(f'<div class="rec-text">{v.text_html}</div>')
    if v.follows_from:
        links = ", ".join(f'<a href="{esc(href)}">{n}</a>' for n, href in v.follows_from)
        sentence = (_("Follows from paragraph %(numbers)s.") if len(v.follows_from) == 1
                    else _("Follows from paragraphs %(numbers)s."))
        out.append(f'<p class="rec-follows">{around(sentence, "%(numbers)s", links)}</p>')
    out.append(_facts(v))
    out += _response(v)
    out += _updates(v)
    online = esc(_("Online"))
    out.append(f'<p class="rec-online">{online}: <a href="{esc(v.web_url)}">{esc(v.web_url)}</a></p>')
    out.append("</section>")
    return "".join(out)


def _facts(v: RecView) -> str:
    s = v.standing
    rows = [(_("Decision"), decision_text(v.rec, v.report, s)),
            (_("Status on %(day)s", day=long_date(v.as_of)), status_text(s))]
    if target := target_text(s):
        rows.append((_("Target date"), target))
    items = "".join(f"<dt>{esc(k)}</dt><dd>{esc(val)}</dd>" for k, val in rows)
    return f'<dl class="rec-facts">{items}</dl>'


def _response(v: RecView) -> list[str]:
    response, h = v.rec.response, v.level + 1
    if response is None:
        return []
    response_words, actions_words = esc(_("Response")), esc(_("Actions"))
    out = [f"<h{h}>{response_words}</h{h}>", v.response_html] if v.response_html else []
    if response.actions:
        rows = tuple((esc(a.text), esc("; ".join(str(p) for p in a.owners)), esc(a.target.display)) for a in response.actions)
        grid = Grid(esc(_("Actions agreed for recommendation %(ref)s", ref=v.rec.number)),
                    (esc(_("Action")), esc(_("Owner")), esc(_("Target"))), rows)
        out += [f"<h{h}>{actions_words}</h{h}>",
                f'<div class="actions">{responsive_table(grid, v.linearise, row_headers=False)}</div>']
    return out


def _updates(v: RecView) -> list[str]:
    if not v.rec.updates:
        return []
    h = v.level + 1
    items = [_update(u, note) for u, note in zip(v.rec.updates, v.update_notes)]
    heading = esc(_("Progress updates"))
    return [f"<h{h}>{heading}</h{h}>", f'<ul class="updates">{"".join(items)}</ul>']


def _update(u: Update, note_html: str) -> str:
    out = [f"<li><p><strong>{esc(update_line(u))}</strong></p>", note_html]
    out += [f"<p>{esc(line)}</p>" for line in update_details(u)]
    out.append("</li>")
    return "".join(out)
