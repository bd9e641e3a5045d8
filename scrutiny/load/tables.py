"""Load a report's data tables (``tables:`` in report.yaml): columns, rows of cells and
the optional Vega-Lite chart, every wrong shape a problem at its line.

Meant to replace ``_tables``, ``_cell`` and ``_plain`` in :mod:`.reports` (a row that is
a mapping and a cell that is a list crashed them; an empty chart mapping was read as a
list). Keys given twice, keys that are not text and non-finite numbers are reported by
:func:`.yamlread.compose` for the whole file, charts included.
"""

from __future__ import annotations

import datetime as dt

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..model import DataTable
from ..problems import Problems
from .yamlread import Fields, describe, line_of, scalar_value


def load_tables(f: Fields, rel: str, problems: Problems) -> tuple[DataTable, ...]:
    tables = []
    ids: set[str] = set()
    for item in f.items("tables"):
        t = Fields(item, rel, problems, "table", "a table")
        tid = t.slug("id", required=True)
        if tid and tid in ids:
            t.problem(t.line, f'table id "{tid}" is used twice', "give each table its own id")
        ids.add(tid)
        columns = t.strings("columns")
        if not columns and t.ok:
            t.problem(t.line, "a table needs `columns`", "add `columns: [Year, Worcestershire, England]`")
        rows = [row for row_node in t.items("rows", required=True) if (row := _row(t, row_node, columns)) is not None]
        chart_node = t.node("chart")
        chart = None
        if chart_node is not None:
            if isinstance(chart_node, MappingNode):
                chart = plain(chart_node)
            else:
                t.problem(line_of(chart_node), f"chart should be a Vega-Lite mapping, found {describe(chart_node)}",
                          "see README.md, tables")
        tables.append(DataTable(tid, t.text("caption", required=True), columns, tuple(rows),
                                t.text("source"), t.strings("notes"), chart, t.source()))
        t.finish()
    return tuple(tables)


def _row(t: Fields, node: Node, columns: tuple[str, ...]) -> tuple | None:
    if not isinstance(node, SequenceNode):
        t.problem(line_of(node), f"each row should be a list of cells, found {describe(node)}",
                  'write it like `- ["2010", 47, 54]`')
        return None
    cells = []
    for cell in node.value:
        if not isinstance(cell, ScalarNode):
            t.problem(line_of(cell), f"a cell should be a number or text, found {describe(cell)}",
                      "write one value per cell (~ for an empty one)")
            return None
        cells.append(cell_value(cell))
    if len(cells) != len(columns):
        t.problem(line_of(node), f"this row has {len(cells)} cells but the table has {len(columns)} columns",
                  "give one value per column (write ~ for an empty cell)")
    return tuple(cells)


def cell_value(node: ScalarNode) -> str | int | float | None:
    value = scalar_value(node)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    return value


def plain(node: Node):
    """A chart's node as JSON data (dict, list, text, numbers, booleans, None): a YAML date
    becomes its ISO text. Nesting is bounded by :data:`.yamlguard.MAX_DEPTH` and aliases by
    :data:`.yamlguard.MAX_VALUES`."""
    if isinstance(node, MappingNode):
        return {str(k.value): plain(v) for k, v in node.value if isinstance(k, ScalarNode)}
    if isinstance(node, SequenceNode):
        return [plain(v) for v in node.value]
    value = scalar_value(node)
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value
