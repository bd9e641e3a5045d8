"""The tracker rows written in Python (scrutiny/site/trackerrows.py)."""

from __future__ import annotations

from markupsafe import Markup, escape

from scrutiny.site.trackerrows import _esc


def test_the_rows_escape_is_markupsafes():
    """A row escapes its thirty values into plain strings, with markupsafe's entities."""
    for value in ["on-track", "", "Cllr O'Neil & <b>\"Adults\"</b>", "a > b", 12, "‘Wales’ – ŵ"]:
        assert _esc(value) == str(escape(value))
    assert _esc(Markup("<em>kept</em>")) == "<em>kept</em>" == str(escape(Markup("<em>kept</em>")))
