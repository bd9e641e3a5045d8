"""Checks that need the whole parsed publication (after loading and parsing)."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Mapping

from markdown_it.token import Token

from .load.translation_shapes import language_name
from .markdown import ParsedReport
from .model import Content, Report
from .problems import Problems, did_you_mean
from .render.chart import ChartStyle, chart_svg, predraw
from .render.chartsafety import chart_problems


def check_publication(content: Content, parsed: Mapping[str, ParsedReport], problems: Problems,
                      translated: Mapping[str, Mapping[str, ParsedReport]] | None = None) -> None:
    """The checks across files. ``translated`` (:func:`scrutiny.markdown.pipeline.parse_translations`'s)
    adds the checks of each translation against its original (:func:`check_translations`)."""
    check_charts(content, problems)
    if translated:
        check_translations(content, parsed, translated, problems)
    for report in content.reports:
        doc = parsed[report.id]
        for rec in report.recommendations:
            for para in rec.follows_from:
                if para > doc.paragraph_count:
                    problems.add(rec.source.path, rec.source.line,
                                 f"recommendation {rec.number} follows from paragraph {para}, but the report has "
                                 f"{doc.paragraph_count} numbered paragraphs",
                                 "check follows_from against the numbered paragraphs")
            response = rec.response
            if response and response.date and report.published and response.date.before(report.published):
                problems.add(response.source.path, response.source.line,
                             f"the response to recommendation {rec.number} is dated {response.date}, "
                             f"before the report was published ({report.published})", "check the dates")


def _encoded_fields(spec) -> list[str]:
    """Every ``field`` named in a Vega-Lite spec's encodings (nested layers included)."""
    found = []
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "field" and isinstance(value, str):
                found.append(value)
            else:
                found.extend(_encoded_fields(value))
    elif isinstance(spec, list):
        for value in spec:
            found.extend(_encoded_fields(value))
    return found


MARKS = ("arc", "area", "bar", "boxplot", "circle", "errorband", "errorbar", "geoshape", "image", "line",
         "point", "rect", "rule", "square", "text", "tick", "trail")


def check_charts(content: Content, problems: Problems, reports: Iterable[Report] | None = None) -> None:
    """A chart draws only the table's columns, and Vega-Lite can draw it (the reports'
    charts, or those of ``reports``)."""
    style = ChartStyle.of(content.config.brand)
    reports = content.reports if reports is None else reports
    # every chart that may be drawn, drawn once over every core (then from .cache/table-charts)
    predraw([t for r in reports for t in r.tables if t.chart and not chart_problems(t)
             and all(f in t.columns for f in _encoded_fields(t.chart))], style)
    for report in reports:
        for table in report.tables:
            if not table.chart:
                continue
            where = table.source
            refused = chart_problems(table)
            for problem in refused:
                problems.add(where.path, where.line, problem.message, problem.hint)
            unknown = [f for f in _encoded_fields(table.chart) if f not in table.columns]
            for name in unknown:
                problems.add(where.path, where.line, f'the chart of table "{table.id}" uses field "{name}", which is not a column',
                             did_you_mean(name, table.columns))
            mark = table.chart.get("mark")
            mark = mark.get("type") if isinstance(mark, dict) else mark
            if mark is not None and mark not in MARKS:
                problems.add(where.path, where.line, f'the chart of table "{table.id}" has mark "{mark}", which Vega-Lite does not draw',
                             did_you_mean(str(mark), MARKS))
                continue
            if unknown or refused:
                continue
            try:  # drawn as the site draws it (its look), so the site stage finds it drawn
                chart_svg(table, style)
            except ValueError as err:
                first = str(err).splitlines()[1] if len(str(err).splitlines()) > 1 else str(err)
                problems.add(where.path, where.line, f'the chart of table "{table.id}" cannot be drawn: {first.strip()}',
                             "check the spec against the Vega-Lite documentation (mark, encoding, field types)")


# --- translations ------------------------------------------------------------------------


def check_translations(content: Content, parsed: Mapping[str, ParsedReport],
                       translated: Mapping[str, Mapping[str, ParsedReport]], problems: Problems) -> None:
    """Each translated section has the original's numbered paragraphs (as many, between
    the same headings) and its placements (``[[recommendation N]]``, ``[[table id]]``) in
    the same order; a translated table whose columns are renamed still charts. Every
    message names the translation's file and line and the original's."""
    originals = {r.id: r for r in content.reports}  # content.report() is a search: once per translation
    for translation in content.translations:
        original = originals.get(translation.id)
        doc = translated.get(translation.language, {}).get(translation.id)
        if original is None or doc is None or original.id not in parsed:
            continue
        lang = language_name(translation.language)
        for section, mine in zip(original.sections, translation.sections):
            if mine.body.source.path == section.body.source.path:
                continue  # no translated file (reported when loading)
            theirs = parsed[original.id].sections.get(section.slug, ())
            ours = doc.sections.get(mine.slug, ())
            here, there = mine.body.source, section.body.source
            _check_paragraphs(ours, theirs, here.path, there.path, lang, problems)
            _check_placements(ours, theirs, here.path, there.path, lang, problems)
        renamed = [t for t, o in zip(translation.tables, original.tables) if t.chart and t.columns != o.columns]
        if renamed:
            check_charts(content, problems, [_with_tables(translation, renamed)])


def _with_tables(report: Report, tables) -> Report:
    return replace(report, tables=tuple(tables))


def _blocks(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """(line, numbered paragraphs) of each run of text between headings (the first, before
    any heading, at line 0)."""
    blocks = [(0, 0)]
    for token in tokens:
        if token.type == "heading_open" and token.map:
            blocks.append((token.map[0] + 1, 0))
        elif token.type == "paragraph_open" and token.meta and "number" in token.meta:
            line, count = blocks[-1]
            blocks[-1] = (line, count + 1)
    return blocks


def _check_paragraphs(ours, theirs, here: str, there: str, lang: str, problems: Problems) -> None:
    mine, original = _blocks(ours), _blocks(theirs)
    total, expected = sum(c for _, c in mine), sum(c for _, c in original)
    if total == expected and [c for _, c in mine] == [c for _, c in original]:
        return
    hint = ("keep the original's paragraphs one for one (a paragraph's number is the same in every language): "
            "join or split paragraphs as the original does")
    if len(mine) == len(original):
        for (line, count), (oline, ocount) in zip(mine, original):
            if count != ocount:
                where = "before the first heading" if not line else "under this heading"
                problems.add(here, line or 1, f"the {lang} text has {count} numbered paragraphs {where}, the original "
                             f"{ocount} ({there}:{oline or 1})", hint)
                return
    problems.add(here, 1, f"the {lang} text has {total} numbered paragraphs and {len(mine) - 1} headings, the "
                 f"original {expected} and {len(original) - 1} ({there}:1)", hint)


def _placements(tokens: tuple[Token, ...]) -> list[tuple[str, int]]:
    """Each placement as written in effect ("recommendation 1, 2", "table journeys") with its line."""
    out = []
    for token in tokens:
        line = token.map[0] + 1 if token.map else 1
        if token.type == "rec_box":
            out.append(("[[recommendation " + ", ".join(str(n) for n in token.meta["numbers"]) + "]]", line))
        elif token.type == "data_table":
            out.append((f"[[table {token.meta['id']}]]", line))
    return out


def _check_placements(ours, theirs, here: str, there: str, lang: str, problems: Problems) -> None:
    mine, original = _placements(ours), _placements(theirs)
    if [p for p, _ in mine] == [p for p, _ in original]:
        return
    hint = "place the same recommendations and tables as the original, in the same order"
    for i in range(max(len(mine), len(original))):
        if i >= len(mine):
            what, oline = original[i]
            last = mine[-1][1] if mine else 1
            problems.add(here, last, f"the {lang} text has no {what}, which the original places ({there}:{oline})", hint)
            return
        if i >= len(original):
            what, line = mine[i]
            problems.add(here, line, f"{what} is not in the original ({there} places {len(original)})", hint)
            return
        (what, line), (owhat, oline) = mine[i], original[i]
        if what != owhat:
            problems.add(here, line, f"{what} comes here where the original has {owhat} ({there}:{oline})", hint)
            return
