"""The whole report as one standalone HTML document for print, and as the parts an
EPUB splits into files.

Built from the same token streams as the web page, through
:func:`scrutiny.render.html.render_html`: title page, the summary table of the
recommendations (standard PDF: the site tracker's words, from :mod:`.facts`), contents,
membership, terms of reference, methodology, the sections (numbered paragraphs keep
their numbers, placed recommendation boxes and data tables), every recommendation with its decision,
response, actions and current status, the schedule of activity, the glossary and how
to ask for another format. Recommendation links in the text point to the
recommendation's page on the published site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator, Sequence

from markdown_it.token import Token

from ..i18n import _
from .escaping import around
from ..exporters import REGISTRY
from ..model import Markdown, RecNumber, Report
from ..publication import Publication
from ..urls import absolute, recommendation_url, report_url
from .chart import chart_svg
from .html import HtmlContext, render_html
from .facts import SUMMARY_TITLE, summary_caption, summary_rows
from .print_blocks import (Grid, RecView, data_table_html, esc, long_date, print_chart, rec_box_html,
                           recommendation_html, responsive_table, summary_html)

#: Ids of the fixed parts (and the EPUB navigation document); a section named like one
#: of them gets ``section-<slug>`` instead.
RESERVED_IDS = frozenset({"title-page", "contents", "membership", "terms-of-reference", "methodology",
                          "recommendations", "recommendations-summary", "activity", "glossary", "other-formats",
                          "nav"})

_BACKREF = re.compile(r'\s*<a href="#fnref[^"]*" class="footnote-backref">[^<]*</a>')
_FN_SEP = re.compile(r'<hr class="footnotes-sep"\s*/?>\n?')


@dataclass(frozen=True)
class Part:
    """One top-level part of the document (an EPUB content file)."""

    id: str
    """Anchor of the part (and EPUB file stem)."""
    title: str
    html: str
    """The part's ``<section>`` element."""
    landmark: str
    """Its role in the book (EPUB ``epub:type``): titlepage, toc, frontmatter,
    bodymatter, backmatter, glossary."""


@dataclass(frozen=True)
class DocStyle:
    """What differs between the print outputs."""

    xhtml: bool = False
    """Self-close void elements (EPUB)."""
    linearise_tables: bool = False
    """Large print: wide tables read as label: value lists."""
    part_level: int = 2
    """Heading level of a part's title (the report title is h1 on the title page)."""
    file_of: Callable[[str], str] | None = None
    """EPUB: the file holding a part, so links between parts work; None for one document."""
    backrefs: bool = False
    """Keep the "back to the text" links of footnotes (EPUB; on paper they are noise)."""
    charts: bool = True
    """Draw a table's chart above it (not in large print: chart labels are small print)."""
    summary: bool = False
    """Open with the summary table of the recommendations (standard PDF)."""


class DocumentBuilder:
    """Builds the parts of one report's print document."""

    def __init__(self, pub: Publication, report: Report, style: DocStyle = DocStyle()):
        self.pub, self.report, self.style = pub, report, style
        self.config = pub.config
        self._para_part = self._paragraph_parts()

    # --- links -----------------------------------------------------------------------

    def href(self, part_id: str, fragment: str = "") -> str:
        if self.style.file_of is None:
            return f"#{fragment or part_id}"
        name = self.style.file_of(part_id)
        return f"{name}#{fragment}" if fragment else name

    def web_url(self, report_id: str, number: RecNumber | str) -> str:
        return absolute(self.config, recommendation_url(report_id, number))

    def html_context(self, doc_id: str = "", shift: int | None = None) -> HtmlContext:
        return HtmlContext(
            rec_href=self.web_url, rec_box=self._rec_box, data_table=self._data_table, doc_id=doc_id,
            heading_shift=self.style.part_level - 1 if shift is None else shift,
            xhtml=self.style.xhtml, paragraph_links=False)

    def _paragraph_parts(self) -> dict[int, str]:
        out = {}
        for section in self.report.sections:
            for token in self.pub.section_tokens(self.report, section.slug):
                if token.type == "paragraph_open" and (token.meta or {}).get("number"):
                    out[token.meta["number"]] = section_id(section.slug)
        return out

    # --- rendering Markdown ----------------------------------------------------------

    def render(self, tokens: Sequence[Token], doc_id: str = "", shift: int | None = None) -> str:
        ctx = self.html_context(doc_id, shift)
        html = "".join(self._segment(kind, toks, ctx) for kind, toks in split_tables(tokens))
        return self._tidy_footnotes(html)

    def _segment(self, kind: str, tokens: Sequence[Token], ctx: HtmlContext) -> str:
        if kind == "tokens" or not self.style.linearise_tables:
            return render_html(tokens, ctx)
        return responsive_table(markdown_grid(tokens, ctx), True, row_headers=False)

    def _tidy_footnotes(self, html: str) -> str:
        html = _FN_SEP.sub("", html)
        if self.style.backrefs:
            return html.replace('class="footnote-backref">', 'class="footnote-backref" aria-label="Back to the text">')
        return _BACKREF.sub("", html)

    def render_field(self, md: Markdown | None, doc_id: str = "") -> str:
        return self.render(self.pub.tokens(md), doc_id) if md else ""

    def _rec_box(self, number: RecNumber) -> str:
        rec = self.report.recommendation(number)
        assert rec is not None, number
        text = self.render_field(rec.text, f"box-{number.slug}")
        return rec_box_html(rec, text, self.href("recommendations", f"rec-{number.slug}"))

    def _data_table(self, table_id: str) -> str:
        table = self.report.table(table_id)
        assert table is not None, table_id
        svg = chart_svg(table) if self.style.charts else None
        return data_table_html(table, self.style.linearise_tables, print_chart(svg, table.caption) if svg else None)

    # --- parts -----------------------------------------------------------------------

    def parts(self) -> list[Part]:
        """Title page, the summary table (when asked for and there are recommendations),
        contents, then the body."""
        summary = self._summary() if self.style.summary else None
        opening = [summary] if summary else []
        body = [p for p in self._body_parts() if p is not None]
        contents = self._contents(opening + body)
        return [self._title_page(), *opening, contents, *body]

    def _body_parts(self) -> Iterator[Part | None]:
        yield self._membership()
        yield self._field_part("terms-of-reference", _("Terms of reference"), self.report.terms_of_reference)
        yield self._field_part("methodology", _("Methodology"), self.report.methodology)
        for section in self.report.sections:
            html = self.render(self.pub.section_tokens(self.report, section.slug), doc_id=section.slug)
            landmark = "backmatter" if section.kind == "appendix" else "bodymatter"
            yield self._part(section_id(section.slug), section.title, html, landmark)
        yield self._recommendations()
        yield self._activity()
        yield self._glossary()
        yield self._contact()

    def _part(self, part_id: str, title: str, inner: str, landmark: str) -> Part:
        h = self.style.part_level
        html = f'<section class="part part-{esc(landmark)}" id="{esc(part_id)}"><h{h}>{esc(title)}</h{h}>{inner}</section>'
        return Part(part_id, title, html, landmark)

    def _field_part(self, part_id: str, title: str, md: Markdown | None) -> Part | None:
        return self._part(part_id, title, self.render_field(md, part_id), "frontmatter") if md else None

    def _title_page(self) -> Part:
        r, level = self.report, max(1, self.style.part_level - 1)
        committee = self.config.committee(r.committee).name
        facts = [(_("Published"), esc(long_date(r.published) if r.published else _("Date not stated"))),
                 (_("Reference"), esc(r.code))]
        if r.executive_response:
            er = r.executive_response
            facts.append((_("Response"), esc(f"{er.meeting}, {long_date(er.date)}" if er.date else er.meeting)))
        facts.append((_("Status of recommendations"), esc(_("as on %(day)s", day=long_date(self.config.as_of)))))
        url = absolute(self.config, report_url(r.id))
        facts.append((_("Online"), f'<a href="{esc(url)}">{esc(url)}</a>'))
        dl = "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in facts)
        link_words = esc(_("Ask for another format"))
        ask = around(_("You can ask for this report in another format: see %(link)s."), "%(link)s",
                     f'<a href="{esc(self.href("other-formats"))}">{link_words}</a>')
        html = (f'<section class="part title-page" id="title-page">'
                f'<p class="council">{esc(r.council)}</p><p class="committee">{esc(committee)}</p>'
                f'<h{level} class="report-title">{esc(r.title)}</h{level}>'
                f'<p class="kind">{esc(r.kind_label)}</p><dl class="title-facts">{dl}</dl>'
                f'<p class="other-formats-note">{ask}</p></section>')
        return Part("title-page", r.title, html, "titlepage")

    def _contents(self, body: list[Part]) -> Part:
        items = "".join(f'<li><a href="{esc(self.href(p.id))}">{esc(p.title)}</a></li>' for p in body)
        return self._part("contents", _("Contents"), f'<ol class="contents">{items}</ol>', "toc")

    def _summary(self) -> Part | None:
        """Every recommendation in one table, in the words of the site's tracker."""
        rows = summary_rows(self.pub, self.report)
        if not rows:
            return None
        table = summary_html(rows, summary_caption(self.config.as_of),
                             lambda slug: self.href("recommendations", f"rec-{slug}"), self.style.linearise_tables)
        return self._part("recommendations-summary", _(SUMMARY_TITLE), table, "frontmatter")

    def _membership(self) -> Part | None:
        r = self.report
        groups = [(_("Lead member"), [r.lead_member] if r.lead_member else []), (_("Members"), r.members),
                  (_("Co-opted members"), r.co_opted_members), (_("Officer support"), r.officers)]
        inner = "".join(f'<p class="group"><strong>{esc(label)}</strong></p><ul>{"".join(f"<li>{esc(p)}</li>" for p in people)}</ul>'
                        for label, people in groups if people)
        return self._part("membership", _("Membership"), inner, "frontmatter") if inner else None

    def _recommendations(self) -> Part | None:
        recs = self.report.recommendations
        if not recs:
            return None
        intro = "<p>" + esc(_("Each recommendation with the executive's response and where it stood on %(day)s.",
                                day=long_date(self.config.as_of))) + "</p>"
        entries = "".join(recommendation_html(self._rec_view(rec)) for rec in recs)
        return self._part("recommendations", _("Recommendations and responses"), intro + entries, "backmatter")

    def _rec_view(self, rec) -> RecView:
        pub, number = self.pub, rec.number
        response = rec.response.text if rec.response else None
        notes = [self.render_field(u.note, f"rec-{number.slug}-u{i}") for i, u in enumerate(rec.updates, 1)]
        follows = [(n, self.href(self._para_part[n], f"p{n}")) for n in rec.follows_from if n in self._para_part]
        return RecView(
            rec=rec, standing=pub.standing(self.report, rec), text_html=self.render_field(rec.text, f"rec-{number.slug}"),
            response_html=self.render_field(response, f"rec-{number.slug}-r"), update_notes=notes,
            report=self.report, as_of=self.config.as_of,
            web_url=self.web_url(self.report.id, number), follows_from=follows,
            level=self.style.part_level + 1, linearise=self.style.linearise_tables)

    def _activity(self) -> Part | None:
        if not self.report.activity:
            return None
        rows = tuple((esc(long_date(a.date)), esc(a.event)) for a in self.report.activity)
        grid = Grid(esc(_("Meetings and evidence, in date order")), (esc(_("Date")), esc(_("Activity"))), rows)
        table = responsive_table(grid, self.style.linearise_tables)
        return self._part("activity", _("Schedule of activity"), table, "backmatter")

    def _glossary(self) -> Part | None:
        if not self.report.glossary:
            return None
        items = "".join(f"<dt>{esc(g.term)}</dt><dd>{esc(g.definition)}</dd>" for g in self.report.glossary)
        return self._part("glossary", _("Glossary"), f'<dl class="glossary">{items}</dl>', "glossary")

    def _contact(self) -> Part:
        c, url = self.config.contact_for(self.report.committee, self.report.council), absolute(self.config, report_url(self.report.id))
        formats = [f for f in REGISTRY if f.id in self.config.formats]
        listed = "".join(f"<li>{esc(_(f.label))}: {esc(_(f.purpose))}</li>" for f in formats)
        phone = re.sub(r"[^0-9+]", "", c.phone)
        online = around(_("This report, its recommendations and the responses are online at %(url)s, where you can "
                          "also download:"), "%(url)s", f'<a href="{esc(url)}">{esc(url)}</a>')
        ask, email, telephone = (esc(_("To ask for it in another format or language, contact:")), esc(_("Email")),
                                 esc(_("Telephone")))
        inner = (f"<p>{online}</p><ul>{listed}</ul><p>{ask}</p>"
                 f'<p class="contact">{esc(c.team)}<br{self._void}>{esc(c.address)}<br{self._void}>'
                 f'{email}: <a href="mailto:{esc(c.email)}">{esc(c.email)}</a><br{self._void}>'
                 f'{telephone}: <a href="tel:{esc(phone)}">{esc(c.phone)}</a></p>')
        return self._part("other-formats", _("Ask for another format"), inner, "backmatter")

    @property
    def _void(self) -> str:
        return " /" if self.style.xhtml else ""


def section_id(slug: str) -> str:
    """The part id of a section: its slug, unless a fixed part has that id or the slug
    looks like a prefixed one (``section-glossary`` beside a section ``glossary``)."""
    return f"section-{slug}" if slug in RESERVED_IDS or slug.startswith("section-") else slug


def split_tables(tokens: Sequence[Token]) -> Iterator[tuple[str, Sequence[Token]]]:
    """Runs of tokens, with each top-level Markdown table as its own ("table", ...) run."""
    start, i = 0, 0
    while i < len(tokens):
        if tokens[i].type == "table_open" and tokens[i].level == 0:
            end = next(j for j in range(i, len(tokens)) if tokens[j].type == "table_close" and tokens[j].level == 0)
            if start < i:
                yield "tokens", tokens[start:i]
            yield "table", tokens[i:end + 1]
            start = i = end + 1
            continue
        i += 1
    if start < len(tokens):
        yield "tokens", tokens[start:]


def markdown_grid(tokens: Sequence[Token], ctx: HtmlContext) -> Grid:
    """Header labels and cell HTML of a Markdown table's tokens."""
    header: list[str] = []
    rows: list[list[str]] = []
    in_head = False
    for token in tokens:
        if token.type in ("thead_open", "thead_close"):
            in_head = token.type == "thead_open"
        elif token.type == "tr_open" and not in_head:
            rows.append([])
        elif token.type == "inline":
            cell = render_html([token], ctx).strip()
            (header if in_head else rows[-1]).append(cell)
    return Grid("", tuple(header), tuple(tuple(r) for r in rows))


def standalone_html(parts: Sequence[Part], *, title: str, lang: str, css: str, meta: dict[str, str],
                    xhtml: bool = False) -> str:
    """One complete HTML document holding every part, with its CSS inline."""
    close = " /" if xhtml else ""
    metas = "".join(f'<meta name="{esc(k)}" content="{esc(v)}"{close}>\n' for k, v in meta.items())
    body = "\n".join(p.html for p in parts)
    return (f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8"{close}>\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"{close}>\n'
            f"<title>{esc(title)}</title>\n{metas}<style>\n{css}\n</style>\n</head>\n"
            f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n")


def document_meta(pub: Publication, report: Report) -> dict[str, str]:
    """Metadata WeasyPrint copies into the PDF (author, subject, dates from ``as_of``)."""
    day = pub.config.as_of.isoformat()
    meta = {"author": report.council, "dcterms.created": day, "dcterms.modified": day}
    if report.summary:
        meta["description"] = report.summary
    return meta
