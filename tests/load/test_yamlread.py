"""The YAML reader keeps nothing between files: ``serve`` rebuilds hundreds of times."""

from __future__ import annotations

from pathlib import Path

from scrutiny.build import gather
from scrutiny.load import yamlread


def test_reading_values_keeps_no_node(minimal_copy: Path):
    gather(minimal_copy)
    gather(minimal_copy)
    assert yamlread._constructor.constructed_objects == {}
    assert not yamlread._constructor.recursive_objects
