"""Theme assets: brand colours as CSS properties, the logo (the council's or a neutral mark)."""

from __future__ import annotations

from scrutiny.build import build

from .conftest import project_copy


def test_brand_colours_and_configured_logo(tmp_path):
    root = project_copy(tmp_path)
    (root / "brand").mkdir()
    (root / "brand" / "crest.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    config = root / "site_config.yaml"
    config.write_text(config.read_text() + """brand:
  primary: "#00594f"
  text: "#0b0c0c"
  background: "#ffffff"
  link: "#00594f"
  focus: "#ffbf47"
  logo: brand/crest.png
  footer: Published by the Test Borough scrutiny team.
""")
    result = build(root, tmp_path / "site")
    css = (tmp_path / "site" / "assets" / "site.css").read_text()
    assert "--primary: #00594f;" in css and "--focus: #ffbf47;" in css
    assert "assets/logo.png" in result.files
    home = (tmp_path / "site" / "index.html").read_text()
    assert 'src="assets/logo.png"' in home
    assert "Published by the Test Borough scrutiny team." in home
