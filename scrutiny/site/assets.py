"""The theme's static files (CSS with the brand colours, JavaScript, the logo)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..load.images import Image, read_logo
from ..model import Brand
from ..writer import OutputWriter

#: The project folder holding ``templates/`` and ``theme/`` (beside the package).
PROJECT_DIR = Path(__file__).resolve().parents[2]
TEMPLATES_DIR = PROJECT_DIR / "templates"
THEME_DIR = PROJECT_DIR / "theme"

#: Theme files copied unchanged into ``assets/``.
SCRIPTS = ("i18n.js", "tracker.js", "search.js")
DEFAULT_LOGO = "logo.svg"


@dataclass(frozen=True)
class Assets:
    """Site paths of the written assets (relative to the site root)."""

    css: str = "assets/site.css"
    i18n_js: str = "assets/i18n.js"
    """The scripts' words in the page's language (loaded before the other scripts)."""
    tracker_js: str = "assets/tracker.js"
    search_js: str = "assets/search.js"
    logo: str = "assets/logo.svg"


def brand_css(brand: Brand) -> str:
    """CSS custom properties from ``site_config.yaml`` brand colours."""
    return (":root {\n"
            f"  --primary: {brand.primary};\n  --text: {brand.text};\n  --bg: {brand.background};\n"
            f"  --link: {brand.link};\n  --focus: {brand.focus};\n}}\n")


def site_css(brand: Brand) -> str:
    """The brand's custom properties, then the theme's CSS files in name order."""
    parts = [brand_css(brand)]
    parts += [p.read_text(encoding="utf-8") for p in sorted((THEME_DIR / "css").glob("*.css"))]
    return "\n".join(parts)


def logo_image(brand: Brand, root: str) -> Image:
    """The council's logo when configured, checked as at load (inside the project, an
    allowed image type by its bytes, an SVG sanitised), else the theme's neutral mark.
    A logo that fails the check here (changed since it was loaded) raises
    :class:`scrutiny.load.images.ImageError`: it is never published unchecked."""
    if brand.logo and root:
        return read_logo(Path(root), brand.logo)
    return Image("svg", (THEME_DIR / DEFAULT_LOGO).read_bytes())


def write_assets(writer: OutputWriter, brand: Brand, root: str) -> Assets:
    writer.write("assets/site.css", site_css(brand))
    for name in SCRIPTS:
        writer.copy(f"assets/{name}", THEME_DIR / name)
    logo = logo_image(brand, root)
    logo_rel = f"assets/logo{logo.suffix}"
    writer.write(logo_rel, logo.data)
    return Assets(logo=logo_rel)


def theme_files() -> list[Path]:
    """Every template and theme file (watched by ``serve``, hashed for the page cache)."""
    return sorted(p for d in (TEMPLATES_DIR, THEME_DIR) for p in d.rglob("*") if p.is_file())
