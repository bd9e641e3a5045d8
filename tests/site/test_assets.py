"""Theme assets: brand colours as CSS properties, the logo (the council's or a neutral mark)."""

from __future__ import annotations

from scrutiny.build import build

from .conftest import project_copy


def test_brand_colours_and_configured_logo(tmp_path):
    root = project_copy(tmp_path)
    (root / "brand").mkdir()
    (root / "brand" / "Crest.JPEG").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    config = root / "site_config.yaml"
    config.write_text(config.read_text() + """brand:
  primary: "#00594f"
  text: "#0b0c0c"
  background: "#ffffff"
  link: "#00594f"
  focus: "#ffbf47"
  logo: brand/Crest.JPEG
  footer: Published by the Test Borough scrutiny team.
""")
    result = build(root, tmp_path / "site")
    css = (tmp_path / "site" / "assets" / "site.css").read_text()
    assert "--primary: #00594f;" in css and "--focus: #ffbf47;" in css
    assert "assets/logo.jpg" in result.files  # a fixed name, with the ending of the type its bytes show
    home = (tmp_path / "site" / "index.html").read_text()
    assert 'src="assets/logo.jpg"' in home
    assert "Published by the Test Borough scrutiny team." in home


def test_an_svg_logo_is_published_sanitised_under_the_fixed_name(tmp_path):
    root = project_copy(tmp_path, formats="[]")
    (root / "brand").mkdir()
    (root / "brand" / "Crest.SVG").write_bytes(
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">'
        b'<script>alert(2)</script><foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>'
        b'<use xlink:href="https://evil.example/x.svg#a"/><rect width="4" height="4" fill="#00594f"/></svg>')
    config = root / "site_config.yaml"
    config.write_text(config.read_text() + "brand:\n  logo: brand/Crest.SVG\n")
    result = build(root, tmp_path / "site")
    assert "assets/logo.svg" in result.files
    assert (tmp_path / "site" / "assets" / "logo.svg").read_bytes() == (
        b"<?xml version='1.0' encoding='UTF-8'?>\n"
        b'<svg xmlns="http://www.w3.org/2000/svg"><use/><rect width="4" height="4" fill="#00594f"/></svg>\n')
