"""Checks that need the whole parsed publication (after loading and parsing)."""

from __future__ import annotations

from typing import Mapping

from .markdown import ParsedReport
from .model import Content
from .problems import Problems, did_you_mean
from .render.chart import chart_svg
from .render.chartsafety import chart_problems


def check_publication(content: Content, parsed: Mapping[str, ParsedReport], problems: Problems) -> None:
    check_charts(content, problems)
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


def check_charts(content: Content, problems: Problems) -> None:
    """A chart draws only the table's columns, and Vega-Lite can draw it."""
    for report in content.reports:
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
            try:
                chart_svg(table)
            except ValueError as err:
                first = str(err).splitlines()[1] if len(str(err).splitlines()) > 1 else str(err)
                problems.add(where.path, where.line, f'the chart of table "{table.id}" cannot be drawn: {first.strip()}',
                             "check the spec against the Vega-Lite documentation (mark, encoding, field types)")
