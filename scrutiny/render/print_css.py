"""Style sheets of the print document: standard PDF and large print (HTML and PDF).

Fonts are named by family; fontconfig finds Debian's fonts-liberation2 / fonts-dejavu
and WeasyPrint embeds the subsets it uses.

Pages: no part is forced onto a new page (a forced break after a short part leaves a
near-empty page); parts follow on, each under a rule, headings stay with what follows
them, and paragraphs keep three lines together at a break. Only the standard PDF's
title page stands alone. Each page's running header names the part it is in: every
part's heading sets the ``part`` string (``string-set``), read by ``@top-left``.
"""

from __future__ import annotations

from ..i18n import _
from ..model import Brand
from .escaping import css_string

FONTS = '"Liberation Sans", "DejaVu Sans", Arial, sans-serif'


def _common(brand: Brand) -> str:
    page = _("page")  # the contents' "... page 4", in the current language
    return f"""
html {{ font-family: {FONTS}; color: {brand.text}; background: {brand.background}; }}
body {{ margin: 0; }}
main {{ display: block; }}
h1, h2, h3, h4, h5, h6 {{ line-height: 1.25; break-after: avoid; page-break-after: avoid; }}
h1, h2 {{ color: {brand.primary}; }}
a {{ color: {brand.link}; text-decoration: underline; }}
a[href^="http"], a[href^="mailto"] {{ overflow-wrap: anywhere; }}
abbr {{ text-decoration: none; }}
table {{ border-collapse: collapse; margin: 0.5em 0 1em; }}
caption {{ text-align: left; font-weight: bold; padding-bottom: 0.3em; caption-side: top; }}
th, td {{ border: 1px solid #505a5f; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }}
thead th {{ background: #f3f2f1; }}
td.num, th.num {{ text-align: right; font-variant-numeric: tabular-nums; }}
tr {{ break-inside: avoid; page-break-inside: avoid; }}
.title-page .council, .title-page .committee {{ font-weight: bold; margin: 0 0 0.3em; }}
.title-page .report-title {{ margin: 3em 0 0.5em; }}
.title-page .kind {{ font-weight: bold; }}
.title-page dl.title-facts dt {{ font-weight: bold; margin-top: 0.4em; }}
.title-page dl.title-facts dd {{ margin: 0; }}
section.part > h2:first-child {{ string-set: part content(text); border-top: 3px solid {brand.primary}; padding-top: 0.3em; margin-top: 1.8em; }}
p, li, dd, dt, caption, blockquote {{ orphans: 3; widows: 3; }}
#other-formats ul + p {{ break-after: avoid; page-break-after: avoid; }}
p.contact {{ break-inside: avoid; page-break-inside: avoid; }}
.summary-table table {{ width: 100%; }}
.summary-table th[scope="col"]:nth-child(1) {{ width: 8%; }}
.summary-table th[scope="col"]:nth-child(2) {{ width: 42%; }}
.summary-table th[scope="col"]:nth-child(3), .summary-table th[scope="col"]:nth-child(4) {{ width: 16%; }}
table.data {{ min-width: 60%; }}
p.numbered {{ position: relative; padding-left: 2.6em; }}
.para-num {{ position: absolute; left: 0; font-weight: bold; }}
.rec-box {{ border: 3px solid {brand.primary}; padding: 0 0.8em; margin: 1em 0; break-inside: avoid; page-break-inside: avoid; }}
.rec-box-title {{ color: {brand.primary}; }}
.rec {{ border-top: 2px solid #b1b4b6; margin-top: 1.5em; }}
.rec h4, .rec h5 {{ bookmark-level: none; }}
dl.rec-facts dt, dl.glossary dt {{ font-weight: bold; margin-top: 0.4em; }}
dl.rec-facts dd, dl.glossary dd {{ margin: 0 0 0 1.5em; }}
ol.contents a::after {{ content: leader(".") {css_string(" " + page + " ")} target-counter(attr(href), page); }}
.chart {{ margin: 1em 0 0.5em; break-inside: avoid; page-break-inside: avoid; }}
.chart svg {{ max-width: 100%; height: auto; }}
.table-source, .table-notes {{ margin: 0.3em 0; }}
.table-narrow {{ display: none; }}
ul.records {{ list-style: none; padding-left: 0; }}
ul.records li {{ border-left: 4px solid #b1b4b6; padding-left: 0.6em; margin-bottom: 0.8em; }}
ul.records p {{ margin: 0.1em 0; }}
.footnotes {{ border-top: 1px solid #b1b4b6; margin-top: 1.5em; }}
sup.footnote-ref {{ line-height: 0; }}
"""


def standard_css(brand: Brand, title: str) -> str:
    """A4, 11 pt body, page numbers and the report title in the page margins."""
    return _common(brand) + f"""
@page {{
  size: A4; margin: 22mm 20mm 24mm;
  @top-left {{ content: string(part, first); font: bold 10pt {FONTS}; color: {brand.text}; vertical-align: bottom;
              padding-bottom: 3mm; width: 45%; }}
  @top-right {{ content: {css_string(" ".join(title.split()))}; font: 9pt {FONTS}; color: #505a5f; text-align: right;
               vertical-align: bottom; padding-bottom: 3mm; width: 52%; }}
  @bottom-center {{ content: "Page " counter(page) " of " counter(pages); font: 10pt {FONTS}; }}
}}
@page :first {{ @top-left {{ content: none; }} @top-right {{ content: none; }} }}
.title-page {{ break-after: page; page-break-after: always; }}
html {{ font-size: 11pt; line-height: 1.45; }}
h1 {{ font-size: 24pt; }}
h2 {{ font-size: 17pt; }}
h3 {{ font-size: 13.5pt; }}
h4, h5, h6 {{ font-size: 11.5pt; }}
table {{ font-size: 10pt; }}
.footnotes {{ font-size: 9.5pt; }}
"""


def large_print_css(brand: Brand, pt: float) -> str:
    """Body ``pt`` (at least 16), nothing smaller anywhere, sans serif, left aligned,
    line height 1.5, bold instead of italics, page numbers at body size."""
    size = f"{max(16.0, pt):g}pt"
    page = _("page")  # the contents' "(page 4)", in the current language
    return _common(brand) + f"""
@page {{
  size: A4; margin: 26mm 16mm 22mm;
  @top-left {{ content: string(part, first); font: bold {size} {FONTS}; line-height: 1.25; vertical-align: bottom;
              padding-bottom: 3mm; }}
  @bottom-center {{ content: "Page " counter(page) " of " counter(pages); font: bold {size} {FONTS}; }}
}}
@page :first {{ @top-left {{ content: none; }} }}
html {{ font-size: {size}; line-height: 1.5; }}
body {{ max-width: 40em; margin: 0 auto; padding: 0 0.5em; text-align: left; hyphens: manual; }}
* {{ font-size: inherit; }}
p, li, dd, dt, td, th, caption {{ text-align: left; }}
h1 {{ font-size: 1.75em; }}
h2 {{ font-size: 1.5em; }}
h3 {{ font-size: 1.3em; }}
h4, h5, h6 {{ font-size: 1.15em; }}
em, i, cite, dfn, var, address {{ font-style: normal; font-weight: bold; }}
sup, sub {{ font-size: 1em; vertical-align: baseline; }}
sup.footnote-ref::before {{ content: ""; }}
small {{ font-size: 1em; }}
th, td {{ padding: 0.3em 0.5em; }}
table {{ width: 100%; }}
.title-page .report-title {{ margin-top: 1.5em; }}
ol.contents a::after {{ content: {css_string(" (" + page + " ")} target-counter(attr(href), page) ")"; }}
@media screen and (max-width: 30em) {{
  .table-wide {{ display: none; }}
  .table-narrow {{ display: block; }}
  body {{ padding: 0 0.25em; }}
}}
@media screen {{
  ol.contents a::after {{ content: none; }}
}}
"""
