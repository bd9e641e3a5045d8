"""A progress chart the renderer cannot draw (a crash, its time limit) is a warning and a
placeholder with the chart's words, never a traceback; with --strict the build fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutiny.build import StrictError, build
from scrutiny.render.chartsafety import ChartError
from scrutiny.site import charts

from .conftest import project_copy


def broken(spec, alt):
    raise ChartError("the chart renderer stopped: simulated crash")


def test_an_undrawable_chart_is_a_warning_and_a_placeholder(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(charts, "spec_svg", broken)
    result = build(project_copy(tmp_path), tmp_path / "site")
    warned = [w for w in result.skipped if "could not be drawn" in w]
    assert warned and all("simulated crash" in w for w in warned)
    drawings = sorted((tmp_path / "site" / "charts").rglob("*.svg"))
    assert drawings
    for drawing in drawings:
        text = drawing.read_text(encoding="utf-8")
        assert text.startswith("<svg") and "This chart could not be drawn. Chart: " in text


def test_with_strict_the_build_fails_and_publishes_nothing(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(charts, "spec_svg", broken)
    with pytest.raises(StrictError):
        build(project_copy(tmp_path), tmp_path / "site", strict=True)
    assert not (tmp_path / "site").exists()
