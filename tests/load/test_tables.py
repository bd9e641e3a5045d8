"""Data tables: every wrong shape of a row, a cell or a chart is a problem at its line."""

from __future__ import annotations

import yaml

from scrutiny.load.tables import load_tables
from scrutiny.load.yamlread import Fields, compose
from scrutiny.problems import Problems

TABLE = "tables:\n  - id: counts\n    caption: Counts\n    columns: [Year, Count]\n    rows:\n"


def tables(text: str):
    problems = Problems()
    node = compose("r.yaml", text, problems)
    found = load_tables(Fields(node, "r.yaml", problems, "report"), "r.yaml", problems)
    return found, [str(p) for p in problems]


def test_rows_of_scalars_are_read_with_their_types():
    found, problems = tables(TABLE + '      - ["2020", 3]\n      - [2021, ~]\n      - ["x", true]\n')
    assert problems == [] and found[0].rows == (("2020", 3), (2021, None), ("x", "True"))


def test_a_row_that_is_a_mapping_and_a_cell_that_is_a_list_are_problems():
    found, problems = tables(TABLE + "      - {Year: 2020, Count: 3}\n      - [2021, [1, 2]]\n      - [2022, {a: 1}]\n"
                             '      - ["2023", 4]\n')
    assert problems == [
        'r.yaml:6: each row should be a list of cells, found a mapping (key: value lines) (write it like `- ["2010", 47, 54]`)',
        "r.yaml:7: a cell should be a number or text, found a list (write one value per cell (~ for an empty one))",
        "r.yaml:8: a cell should be a number or text, found a mapping (key: value lines) (write one value per cell "
        "(~ for an empty one))"]
    assert found[0].rows == (("2023", 4),)


def test_a_chart_is_a_mapping_even_when_empty_and_anything_else_is_a_problem():
    found, problems = tables(TABLE + '      - ["2020", 3]\n    chart: {}\n')
    assert problems == [] and found[0].chart == {}
    found, problems = tables(TABLE + '      - ["2020", 3]\n    chart: [bar]\n')
    assert problems == ["r.yaml:7: chart should be a Vega-Lite mapping, found a list (see README.md, tables)"]
    assert found[0].chart is None


def test_a_chart_is_read_as_plain_data():
    found, _ = tables(TABLE + '      - ["2020", 3]\n    chart:\n      mark: bar\n      encoding: {x: {field: Year}}\n')
    assert found[0].chart == yaml.safe_load("mark: bar\nencoding: {x: {field: Year}}")


def test_a_date_in_a_chart_is_its_iso_text():
    """A chart is JSON: a YAML date there crashed the chart renderer (found by the fuzz test)."""
    found, problems = tables(TABLE + '      - ["2020", 3]\n    chart:\n      title: 2020-01-31\n')
    assert problems == [] and found[0].chart == {"title": "2020-01-31"}
