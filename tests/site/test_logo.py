"""The council's logo: a file inside the project, an image of an allowed type told by its
bytes, published as ``assets/logo.<its type>``; an SVG logo is published sanitised."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

from scrutiny.build import gather
from scrutiny.load.images import ImageError, sanitise_svg
from scrutiny.problems import ContentError
from scrutiny.site.assets import logo_image
from tests.conftest import copy_fixture

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
GIF = b"GIF89a\x01\x00\x01\x00"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
INSIDE = "(copy the logo into the project folder (for example brand/logo.svg) and give its path from there)"


def with_logo(tmp_path: Path, rel: str, data: bytes | None = None) -> Path:
    root = copy_fixture(tmp_path)
    if data is not None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    config = root / "site_config.yaml"
    config.write_text(config.read_text(encoding="utf-8") + f"brand:\n  logo: '{rel}'\n", encoding="utf-8")
    return root


def logo_line(root: Path) -> int:
    lines = (root / "site_config.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, text in enumerate(lines, 1) if "  logo:" in text)


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as err:
        gather(root)
    return [str(p) for p in err.value.problems]


# --- where the logo is -----------------------------------------------------------------------


def test_a_logo_outside_the_project_is_an_error(tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(PNG)
    root = with_logo(tmp_path, str(secret))
    assert problems(root) == [f'site_config.yaml:{logo_line(root)}: logo "{secret}" is outside the project folder {INSIDE}']
    root = with_logo(tmp_path / "up", "../../secret.png")
    (tmp_path / "up" / "secret.png").write_bytes(PNG)
    assert problems(root) == [f'site_config.yaml:{logo_line(root)}: logo "../../secret.png" is a file outside the project folder {INSIDE}']


def test_a_logo_linked_to_a_file_outside_the_project_is_an_error(tmp_path):
    root = with_logo(tmp_path, "brand/logo.png")
    (tmp_path / "secret.png").write_bytes(PNG)
    (root / "brand").mkdir()
    os.symlink(tmp_path / "secret.png", root / "brand" / "logo.png")
    assert problems(root) == [f'site_config.yaml:{logo_line(root)}: logo "brand/logo.png" is a symbolic link to a file '
                              f"outside the project folder {INSIDE}"]


# --- what the logo is ------------------------------------------------------------------------------


@pytest.mark.parametrize("rel, data, message", [
    ("brand/evil.html", b"<script>alert(1)</script>",
     'logo "brand/evil.html" is a ".html" file, not an image (use a PNG, JPEG, GIF, WebP or SVG image '
     "(ending .png, .jpg, .gif, .webp or .svg))"),
    ("brand/logo", PNG, 'logo "brand/logo" is a "(no ending)" file, not an image (use a PNG, JPEG, GIF, WebP or SVG '
     "image (ending .png, .jpg, .gif, .webp or .svg))"),
    ("brand/logo.png", b"<html><script>alert(1)</script></html>",
     'logo "brand/logo.png" is not a PNG, JPEG, GIF, WebP or SVG image: its bytes are not those of any of them '
     "(export the logo again as PNG or SVG)"),
    ("brand/logo.png", GIF, 'logo "brand/logo.png" is named .png but holds a GIF image (rename it to "logo.gif")'),
    ("brand/logo.svg", PNG, 'logo "brand/logo.svg" is named .svg but holds a PNG image (rename it to "logo.png")'),
    ("brand/logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><g></svg>',
     'logo "brand/logo.svg" is not well-formed SVG (Opening and ending tag mismatch: g line 1 and svg, line 1, column 50) '
     "(export it again as plain SVG (for example Inkscape's \"Plain SVG\", or svgo))"),
    ("brand/logo.svg", b'<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                       b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>',
     'logo "brand/logo.svg" declares XML entities (<!ENTITY ...>) '
     "(export it again as plain SVG (for example Inkscape's \"Plain SVG\", or svgo))"),
    ("brand/logo.svg", b"<html><svg></svg></html>",
     'logo "brand/logo.svg" is not an SVG image: its root element is not <svg> in the SVG namespace '
     "(give the <svg> element xmlns=\"http://www.w3.org/2000/svg\", or export it again as plain SVG "
     "(for example Inkscape's \"Plain SVG\", or svgo))"),
])
def test_a_logo_must_be_an_allowed_image_by_its_bytes(tmp_path, rel, data, message):
    root = with_logo(tmp_path, rel, data)
    assert problems(root) == [f"site_config.yaml:{logo_line(root)}: {message}"]


def test_a_logo_that_is_a_folder_or_missing_is_an_error(tmp_path):
    root = with_logo(tmp_path, "brand/logo.png")
    assert problems(root) == [f'site_config.yaml:{logo_line(root)}: logo "brand/logo.png" does not exist '
                              "(give a path relative to the project root)"]
    (root / "brand" / "logo.png").mkdir(parents=True)
    assert problems(root) == [f'site_config.yaml:{logo_line(root)}: logo "brand/logo.png" is not a file '
                              "(give the path of the image file itself)"]


def test_a_logo_over_2_mb_or_a_loop_of_links_is_an_error(tmp_path):
    root = with_logo(tmp_path, "brand/logo.png", PNG + bytes(2_000_000))
    assert problems(root) == [f'site_config.yaml:{logo_line(root)}: logo "brand/logo.png" is more than 2,000,000 bytes '
                              "(save a smaller image: a header logo needs a few kilobytes)"]
    (root / "brand" / "logo.png").unlink()
    os.symlink("logo.png", root / "brand" / "logo.png")
    assert problems(root) == [f'site_config.yaml:{logo_line(root)}: logo "brand/logo.png" is a symbolic link that leads '
                              f"back to itself {INSIDE}"]


@pytest.mark.parametrize("rel, data, suffix", [("brand/Crest.JPEG", JPEG, ".jpg"), ("brand/crest.jpg", JPEG, ".jpg"),
                                               ("brand/crest.gif", GIF, ".gif"), ("brand/crest.PNG", PNG, ".png")])
def test_a_logo_is_published_under_a_fixed_name_with_the_ending_of_its_type(tmp_path, rel, data, suffix):
    root = with_logo(tmp_path, rel, data)
    pub = gather(root)
    image = logo_image(pub.config.brand, str(root))
    assert (image.suffix, image.data) == (suffix, data)


def test_a_logo_changed_after_the_check_is_never_published_unchecked(tmp_path):
    root = with_logo(tmp_path, "brand/logo.png", PNG)
    pub = gather(root)
    (root / "brand" / "logo.png").write_bytes(b"<script>alert(1)</script>")
    with pytest.raises(ImageError):
        logo_image(pub.config.brand, str(root))


# --- SVG sanitising ------------------------------------------------------------------------------

HOSTILE_SVG = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<?xml-stylesheet href="https://evil.example/x.css"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 40 40"
     onload="alert(1)" inkscape:version="1.2" xml:base="https://evil.example/">
  <!-- a comment -->
  <script>alert(2)</script>
  <script xlink:href="https://evil.example/x.js"/>
  <style>.a { fill: url(https://evil.example/track.png) }</style>
  <style>@import "https://evil.example/x.css";</style>
  <style>.b { fill: u\\72l(//evil.example/x) }</style>
  <style>.crest { fill: #00594f } .ring { stroke: url(#edge) }</style>
  <defs><linearGradient id="edge"><stop offset="0" stop-color="#000"/></linearGradient></defs>
  <foreignObject width="40" height="40"><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>
  <a href="javascript:alert(3)"><rect class="crest" width="40" height="40" onclick="alert(4)" ONMOUSEOVER="alert(5)"/></a>
  <a xlink:href="https://evil.example/">x</a>
  <circle class="ring" cx="20" cy="20" r="10" fill="url(#edge)" style="background: url(https://evil.example/y)"/>
  <use href="https://evil.example/sprite.svg#crest"/>
  <use xlink:href="#edge"/>
  <image href="file:///etc/passwd"/>
  <image href="data:image/png;base64,iVBORw0KGgo="/>
  <image href="data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+"/>
  <set attributeName="href" to="javascript:alert(6)"/>
  <animate attributeName="onclick" values="alert(7)"/>
  <iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example/"/>
  <text x="2" y="38">Test Borough <tspan>Council</tspan></text>
</svg>
"""


def test_an_svg_logo_is_published_without_scripts_handlers_or_external_references(tmp_path):
    root = with_logo(tmp_path, "brand/logo.svg", HOSTILE_SVG)
    image = logo_image(gather(root).config.brand, str(root))
    assert image.suffix == ".svg"
    svg = etree.fromstring(image.data, etree.XMLParser(resolve_entities=False, no_network=True))
    names = [etree.QName(e).localname for e in svg.iter()]
    assert names == ["svg", "style", "style", "style", "style", "defs", "linearGradient", "stop",
                     "a", "rect", "a", "circle", "use", "use", "image", "image", "image", "text", "tspan"]
    attributes = [(etree.QName(e).localname, etree.QName(k).localname, v) for e in svg.iter() for k, v in e.attrib.items()]
    assert not [a for a in attributes if a[1].lower().startswith("on") or "evil" in a[2] or "javascript" in a[2]]
    refs = [v for e, k, v in attributes if k == "href"]
    assert refs == ["#edge", "data:image/png;base64,iVBORw0KGgo="]
    styles = [e.text or "" for e in svg.iter("{http://www.w3.org/2000/svg}style")]
    assert styles == ["", "", "", ".crest { fill: #00594f } .ring { stroke: url(#edge) }"]
    assert ("circle", "fill", "url(#edge)") in attributes and ("rect", "class", "crest") in attributes
    text = image.data.decode("utf-8")
    assert "<!--" not in text and "<?xml-stylesheet" not in text and "DOCTYPE" not in text and "xml:base" not in text
    assert "Test Borough <tspan>Council</tspan>" in text


def test_sanitising_keeps_a_plain_svg_as_it_was_drawn():
    plain = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Crest</title>'
             b'<path d="M0 0h10v10z" fill="#1d4f91"/></svg>')
    assert sanitise_svg(plain) == b"<?xml version='1.0' encoding='UTF-8'?>\n" + plain + b"\n"
