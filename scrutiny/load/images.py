"""The council's logo: a file inside the project, of an allowed image type told by its
bytes (not only its name), and an SVG stripped of everything that could run, fetch or
link (scripts, event handlers, ``foreignObject``, external references, CSS ``url()``).

Checked when ``site_config.yaml`` is loaded, and read again through the same function
when the site is written, so what is published is always what was checked.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lxml import etree

MAX_BYTES = 2_000_000
"""The largest logo accepted (a header mark is a few kilobytes; this bounds the build)."""

#: Allowed file name endings and the image type each must hold.
SUFFIXES = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".gif": "gif", ".webp": "webp", ".svg": "svg"}
#: The ending a logo of each type is published with (``assets/logo.<ending>``).
PUBLISHED = {"png": ".png", "jpeg": ".jpg", "gif": ".gif", "webp": ".webp", "svg": ".svg"}
NAMES = {"png": "PNG", "jpeg": "JPEG", "gif": "GIF", "webp": "WebP", "svg": "SVG"}
ALLOWED = "a PNG, JPEG, GIF, WebP or SVG image"

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
XML_NS = "http://www.w3.org/XML/1998/namespace"
#: SVG elements that run code, embed other documents or change attributes over time.
DROPPED = frozenset({"script", "foreignObject", "iframe", "embed", "object", "handler", "listener",
                     "set", "animate", "animateMotion", "animateTransform", "animateColor", "discard"})
_URL_REF = re.compile(r"url\(\s*(['\"]?)([^'\")]*)\1\s*\)", re.IGNORECASE)
_URL_OPEN = re.compile(r"url\s*\(")
_EXPRESSION = re.compile(r"expression\s*\(")
_EMBEDDED_RASTER = re.compile(r"data:image/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*")


class ImageError(ValueError):
    """Why a logo cannot be used, and how to fix it."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.message, self.hint = message, hint


@dataclass(frozen=True)
class Image:
    """A checked logo: its type and the bytes to publish (an SVG already sanitised)."""

    kind: str
    data: bytes

    @property
    def suffix(self) -> str:
        return PUBLISHED[self.kind]


def sniff(data: bytes) -> str:
    """The image type of ``data`` told by its first bytes ("" when none of ours)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<") and b"<svg" in head:
        return "svg"
    return ""


def read_logo(root: Path, rel: str) -> Image:
    """The logo at ``rel`` (a path from the project root), checked; :class:`ImageError` if unfit."""
    inside = "copy the logo into the project folder (for example brand/logo.svg) and give its path from there"
    if PurePosixPath(rel).is_absolute() or Path(rel).is_absolute():
        raise ImageError(f'logo "{rel}" is outside the project folder', inside)
    path = root / rel
    project = root.resolve()
    try:
        resolved = path.resolve()
    except (RuntimeError, OSError):  # a loop of links
        raise ImageError(f'logo "{rel}" is a symbolic link that leads back to itself', inside) from None
    if not resolved.is_relative_to(project):
        written = Path(os.path.normpath(project / rel))  # where it is without following links
        how = "is" if not written.is_relative_to(project) else "is a symbolic link to"
        raise ImageError(f'logo "{rel}" {how} a file outside the project folder', inside)
    if not path.exists():
        raise ImageError(f'logo "{rel}" does not exist', "give a path relative to the project root")
    if not path.is_file():
        raise ImageError(f'logo "{rel}" is not a file', "give the path of the image file itself")
    kind_by_name = SUFFIXES.get(path.suffix.lower())
    if kind_by_name is None:
        raise ImageError(f'logo "{rel}" is a "{path.suffix or "(no ending)"}" file, not an image',
                         f"use {ALLOWED} (ending .png, .jpg, .gif, .webp or .svg)")
    with path.open("rb") as fh:
        data = fh.read(MAX_BYTES + 1)  # never more, whatever the file grows to
    if len(data) > MAX_BYTES:
        raise ImageError(f'logo "{rel}" is more than {MAX_BYTES:,} bytes',
                         "save a smaller image: a header logo needs a few kilobytes")
    kind = sniff(data)
    if not kind:
        raise ImageError(f'logo "{rel}" is not {ALLOWED}: its bytes are not those of any of them',
                         "export the logo again as PNG or SVG")
    if kind != kind_by_name:
        raise ImageError(f'logo "{rel}" is named {path.suffix} but holds a {NAMES[kind]} image',
                         f'rename it to "{path.stem}{PUBLISHED[kind]}"')
    if kind == "svg":
        data = sanitise_svg(data, rel)
    return Image(kind, data)


# --- SVG ---------------------------------------------------------------------------------


def sanitise_svg(data: bytes, rel: str = "the logo") -> bytes:
    """The SVG without anything that runs, fetches or links out; :class:`ImageError` when
    it is not well-formed SVG or declares entities (it is parsed with no entity
    expansion, no DTD and no network)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    again = "export it again as plain SVG (for example Inkscape's \"Plain SVG\", or svgo)"
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ImageError(f'logo "{rel}" is not well-formed SVG ({exc.msg})', again) from None
    dtd = root.getroottree().docinfo.internalDTD
    if (dtd is not None and any(True for _ in dtd.entities())) or any(isinstance(e, etree._Entity) for e in root.iter()):
        raise ImageError(f'logo "{rel}" declares XML entities (<!ENTITY ...>)', again)
    if root.tag != f"{{{SVG_NS}}}svg":
        raise ImageError(f'logo "{rel}" is not an SVG image: its root element is not <svg> in the SVG namespace',
                         'give the <svg> element xmlns="http://www.w3.org/2000/svg", or ' + again)
    for element in list(root.iter()):
        if element is not root and _dropped(element):
            parent = element.getparent()
            if parent is not None:
                _remove(element)
            continue
        _clean_attributes(element)
        if etree.QName(element).localname == "style" and _unsafe_css(element.text or ""):
            element.text = ""
    etree.cleanup_namespaces(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def _dropped(element) -> bool:
    if not isinstance(element.tag, str):
        return True
    q = etree.QName(element)
    return q.namespace != SVG_NS or q.localname in DROPPED


def _remove(element) -> None:
    """Remove an element, keeping the text that follows it (its tail)."""
    parent = element.getparent()
    if element.tail:
        prev = element.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _clean_attributes(element) -> None:
    local = etree.QName(element).localname
    for name, value in list(element.attrib.items()):
        q = etree.QName(name)
        if name == XLINK_HREF or (q.namespace is None and q.localname == "href"):
            keep = value.strip().startswith("#") or (local == "image" and _EMBEDDED_RASTER.fullmatch(value.strip()))
        elif q.namespace == XML_NS:
            keep = q.localname in ("space", "lang")
        elif q.namespace is not None:
            keep = False  # editor data (inkscape:, sodipodi:) and any other namespace
        elif q.localname.lower().startswith("on"):
            keep = False  # event handlers
        else:
            keep = not _unsafe_css(value)
        if not keep:
            del element.attrib[name]


def _unsafe_css(text: str) -> bool:
    """CSS (or an attribute) that could fetch, import or run something: a ``url()`` to
    anything but ``#id`` in the same image, ``@import``, escapes, ``expression()`` or a
    script URL."""
    lower = text.lower()
    if "\\" in lower or "@import" in lower or "javascript:" in lower or _EXPRESSION.search(lower):
        return True
    refs = _URL_REF.findall(text)
    if len(refs) != len(_URL_OPEN.findall(lower)) or any(not ref.strip().startswith("#") for _, ref in refs):
        return True
    return False
