"""Charts: a data table's Vega-Lite spec rendered to SVG at build time (vl-convert),
over the table's own rows, so the table beside it is the accessible alternative."""

from __future__ import annotations

import json
from html import escape
from functools import lru_cache

from ..model import DataTable


def chart_spec(table: DataTable) -> dict | None:
    """The table's spec with its rows as inline data, a title and a fixed size."""
    if not table.chart:
        return None
    values = [dict(zip(table.columns, row)) for row in table.rows]
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": table.caption,
        "width": 480,
        "height": 260,
        **table.chart,
        "data": {"values": values},
    }
    spec.setdefault("config", {"font": "DejaVu Sans, Liberation Sans, sans-serif"})
    return spec


@lru_cache(maxsize=256)
def _render(spec_json: str) -> str:
    import vl_convert as vlc

    return vlc.vegalite_to_svg(json.loads(spec_json))


def chart_svg(table: DataTable) -> str | None:
    """SVG markup of the table's chart, or None when it has none."""
    spec = chart_spec(table)
    if spec is None:
        return None
    svg = _render(json.dumps(spec, sort_keys=True))
    label = escape(f"Chart: {table.caption}. The figures are in the table.")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" focusable="false" ', 1)
