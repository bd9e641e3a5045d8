"""Brand colours are contrast-checked (WCAG 2.2, 1.4.3) when the site config loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutiny.build import gather
from scrutiny.colour import contrast
from scrutiny.problems import ContentError
from tests.conftest import copy_fixture


def test_contrast_ratios_match_wcag_examples():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_low_contrast_brand_is_a_build_error_with_the_ratio(tmp_path: Path):
    root = copy_fixture(tmp_path)
    config = root / "site_config.yaml"
    config.write_text(config.read_text() + 'brand:\n  primary: "#ffdd00"\n  link: "#777777"\n')
    with pytest.raises(ContentError) as err:
        gather(root)
    messages = [str(p) for p in err.value.problems]
    assert any("links (#777777 on #ffffff) have contrast 4.48:1, under 4.5:1" in m for m in messages), messages
    assert any("white header text on the primary colour" in m and m.startswith("site_config.yaml:") for m in messages)
