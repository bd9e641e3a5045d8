"""Colour contrast (WCAG 2.2 relative luminance), checked when the brand is loaded."""

from __future__ import annotations

import re

from .model import Brand

HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
MINIMUM = 4.5


def parse_hex(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return tuple(int(value[i:i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in parse_hex(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


#: (foreground field, background field or literal colour, what the pair is used for)
PAIRS = (
    ("text", "background", "body text"),
    ("link", "background", "links"),
    ("#ffffff", "primary", "white header text on the primary colour"),
    ("text", "focus", "text on the focus highlight"),
)


def contrast_problems(brand: Brand) -> list[tuple[str, str]]:
    """(message, hint) for each malformed colour or pair under 4.5:1."""
    out = []
    for name in ("primary", "text", "background", "link", "focus"):
        value = getattr(brand, name)
        if not HEX.match(value):
            out.append((f'brand colour {name} "{value}" is not a hex colour', 'write it like "#1d4f91"'))
    if out:
        return out
    for fg, bg, use in PAIRS:
        fg_c = fg if fg.startswith("#") else getattr(brand, fg)
        bg_c = bg if bg.startswith("#") else getattr(brand, bg)
        ratio = contrast(fg_c, bg_c)
        if ratio < MINIMUM:
            out.append((f"brand colours for {use} ({fg_c} on {bg_c}) have contrast {ratio:.2f}:1, under {MINIMUM}:1",
                        "choose a darker or lighter colour (WCAG 2.2 AA, 1.4.3)"))
    return out
