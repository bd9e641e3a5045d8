"""Jinja environment and the page-bound helpers templates call (links, Markdown bodies)."""

from __future__ import annotations

import io
import re
from pathlib import Path
from dataclasses import dataclass, field
from typing import Callable

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, pass_eval_context
from jinja2.nodes import EvalContext
from markupsafe import Markup

from .. import i18n
from ..model import DataTable, Markdown, RecNumber, Report
from ..publication import Publication
from ..render.escaping import css_string
from ..render.html import HtmlContext, render_html, render_inline_html
from ..urls import recommendation_url, report_url
from .assets import TEMPLATES_DIR
from .context import PageMeta
from .views import RecView, file_size, long_date


def chart_path(report_url: str, table: DataTable, narrow: bool = False) -> str:
    """Where a table's chart is written, beside its report (``charts/narrow/``: the phone
    drawing)."""
    return f"{report_url}charts/{'narrow/' if narrow else ''}{table.id}.svg"


def make_env(cache_dir: Path | None = None) -> Environment:
    """Autoescaping Jinja over ``templates/``; compiled templates are kept in ``cache_dir``
    (by each template's source, so an edited template is compiled again). A template once
    loaded is not checked again (no ``stat`` of every include of 26,000 pages): a builder
    kept between builds calls :func:`fresh_templates` before each."""
    cache = None
    if cache_dir is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        cache = FileSystemBytecodeCache(str(cache_dir))
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        bytecode_cache=cache,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
        auto_reload=False,
    )
    # the words of the current language (scrutiny.i18n), looked up at render time: one
    # environment serves every language
    env.install_gettext_callables(i18n.template_gettext, i18n.template_ngettext, newstyle=True)
    env.globals.update(_=_gettext, gettext=_gettext, ngettext=_ngettext)  # the same, by a shorter path
    env.policies["ext.i18n.trimmed"] = True  # as scrutiny.translate extracts them
    env.globals["js_words"] = i18n.js_words
    env.globals["lang_of"] = lang_attribute
    from .trackerrows import tracker_row  # here: it reads lang_attribute of this module

    env.globals["tracker_row"] = tracker_row
    env.filters["long_date"] = long_date
    env.filters["file_size"] = file_size
    env.filters["sentence"] = lambda text: text[:1].upper() + text[1:]
    env.filters["css_string"] = css_string
    return env


def fresh_templates(env: Environment) -> None:
    """Forget the templates loaded by an earlier build (``serve``): each is read again when
    first used, and compiled again only if its file changed (the bytecode cache)."""
    if env.cache is not None:
        env.cache.clear()


@pass_eval_context
def _gettext(eval_ctx: EvalContext, message: str, **variables) -> str:
    """What the i18n extension's newstyle ``gettext`` (and ``_``) do: the current language's
    words, escaped as a template's own text is, then filled in (values escaped). Called
    directly, not through the extension's two ``Context.call`` layers: a site of 26,000
    pages makes millions of these calls (a tenth of the build's CPU time)."""
    text = i18n.template_gettext(message)
    return (Markup(text) if eval_ctx.autoescape else text) % variables


@pass_eval_context
def _ngettext(eval_ctx: EvalContext, singular: str, plural: str, num: int, **variables) -> str:
    """The newstyle ``ngettext``, directly (see :func:`_gettext`)."""
    variables.setdefault("num", num)
    text = i18n.template_ngettext(singular, plural, num)
    return (Markup(text) if eval_ctx.autoescape else text) % variables


def in_language(html: str, language: str, element: str) -> Markup:
    """``html`` as it is on a page in its own language, else inside an ``element`` that
    says which language it is in (WCAG 3.1.2: a report not translated into the page's
    language keeps its words, marked)."""
    if not _foreign(language):
        return Markup(html)
    return Markup(f'<{element} lang="{Markup.escape(language)}">{html}</{element}>')


def lang_attribute(report) -> Markup:
    """`` lang="en-GB"`` for a report's words on a page in another language, else ""."""
    if not _foreign(report.language):
        return Markup("")
    return Markup(f' lang="{Markup.escape(report.language)}"')


def _foreign(language: str) -> bool:
    """Whether words in ``language`` are in another language than the page's."""
    return bool(language) and i18n.base(language) != i18n.current()


_TABLE_WRAP = re.compile(r'<div class="table-wrap"><table>')


@dataclass
class Body:
    """Renders Markdown of one report for one page: links are relative to that page,
    placed recommendation boxes and data tables drawn with the site's partials."""

    env: Environment
    pub: Publication
    page: PageMeta
    report: Report | None = None
    views: dict[RecNumber, RecView] = field(default_factory=dict)
    charts: frozenset[str] = frozenset()
    _tables: int = 0

    def rec_href(self, report_id: str, number: RecNumber) -> str:
        return self.page.rel(recommendation_url(report_id, number))

    def rec_box(self, number: RecNumber) -> str:
        view = self.views[number]
        return self.partial("partials/rec-box.html.j2", rec=view)

    def data_table(self, table_id: str) -> str:
        assert self.report is not None
        table = self.report.table(table_id)
        if table is None:  # a checked build never gets here
            return ""
        chart = chart_path(report_url(self.report.id), table)
        narrow = chart_path(report_url(self.report.id), table, narrow=True)
        return self.partial("partials/data-table.html.j2", table=table, report=self.report,
                            chart=chart if chart in self.charts else None,
                            narrow=narrow if narrow in self.charts else None)

    def partial(self, name: str, **values) -> str:
        return self.env.get_template(name).render(page=self.page, rel=self.page.rel, md=self.md,
                                                  md_inline=self.md_inline, **values)

    def context(self, doc_id: str = "") -> HtmlContext:
        return HtmlContext(rec_href=self.rec_href, rec_box=self.rec_box, data_table=self.data_table, doc_id=doc_id)

    def _tokens(self, md: Markdown):
        if self.report is not None:
            found = self.pub.parsed[self.report.id].fields.get(md)
            if found is not None:
                return found
        return self.pub.tokens(md)

    def md(self, md: Markdown | None, doc_id: str = "") -> Markup:
        if md is None:
            return Markup("")
        html = self._regions(render_html(self._tokens(md), self.context(doc_id)), doc_id or "text")
        return in_language(html, self.pub.language_of(md), "div")

    def md_inline(self, md: Markdown | None) -> Markup:
        if md is None:
            return Markup("")
        return in_language(render_inline_html(self._tokens(md), self.context()), self.pub.language_of(md), "span")

    def section(self, slug: str, title: str) -> Markup:
        assert self.report is not None
        html = render_html(self.pub.section_tokens(self.report, slug), self.context(doc_id=slug))
        return in_language(self._regions(html, title), self.report.language, "div")

    def _regions(self, html: str, where: str) -> str:
        """Markdown tables scroll sideways inside a labelled, focusable region."""
        def wrap(m: re.Match) -> str:
            self._tables += 1
            label = Markup.escape(i18n.gettext("Table %(n)s in %(where)s", n=self._tables, where=where))
            return f'<div class="table-wrap" role="region" aria-label="{label}" tabindex="0"><table>'
        return _TABLE_WRAP.sub(wrap, html)


def render_page(env: Environment, template: str, page: PageMeta, body: Body | None, **values) -> bytes:
    """The page's UTF-8 bytes, encoded piece by piece as the template makes them (the whole
    page is never held as one string: a tracker of 20,000 rows is 18 MB of text)."""
    helpers: dict[str, Callable] = {"rel": page.rel}
    if body is not None:
        helpers.update(md=body.md, md_inline=body.md_inline, section=body.section)
    out = io.BytesIO()
    for piece in env.get_template(template).generate(page=page, **helpers, **values):
        out.write(piece.encode("utf-8"))
    return out.getvalue()
